"""Monthly realisation and its workflow. Every write is a named function with keyword-only
arguments in one transaction, checks the user's role on the unit through
``kinerja.org.access``, and records what changed in the audit trail.

States: draft → submitted (operator) → verified (head) or returned with a comment (head) →
locked (admin, or the system once the government's deadline has passed: ``lock_overdue``).
A locked month cannot be changed by anyone; reopening needs a request with a reason,
approved by the admin.

Evidence files (``evidence_add`` / ``evidence_delete``) follow the figures: only an editor
of the unit may add or remove them, and only while the month is editable (draft or
returned)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kinerja.audit.services import record, record_changes
from kinerja.core.numbers import fmt_date, fmt_number, fmt_rupiah
from kinerja.core.parse import ParseError, parse_money, parse_number, parse_percent
from kinerja.core.rollup import deviation_warning
from kinerja.org.access import roles_on_unit
from kinerja.org.models import Membership
from kinerja.plans.models import Indicator, IndicatorRealisation, MonthlyEntry, Plan, PlanNode

from . import deadlines, evidence
from .models import Evidence, MonthStatus, RealisationDeadline, ReopenRequest

State = MonthStatus.State
Role = Membership.Role
EDITORS = {Role.OPERATOR, Role.ADMIN}
REVIEWERS = {Role.HEAD, Role.ADMIN}


class NotAllowed(Exception):
    """The user's role on the unit does not allow this; views answer it like a missing page."""


class WorkflowError(Exception):
    """The month's state does not allow this action (message in Indonesian)."""


@dataclass(frozen=True)
class CellError:
    code: str  # the leaf's code
    name: str
    field: str  # keuangan | fisik | output
    found: str
    message: str


class InvalidInput(Exception):
    def __init__(self, errors: list[CellError]):
        super().__init__(f"{len(errors)} isian tidak dapat dibaca")
        self.errors = errors


@dataclass(frozen=True)
class Change:
    code: str
    name: str
    field: str
    yours: str  # the value the form was opened with
    now: str  # the value stored now


class Conflict(Exception):
    """Someone saved this month after the form was opened; nothing was saved."""

    def __init__(self, changes: list[Change]):
        super().__init__("data bulan ini telah diubah orang lain")
        self.changes = changes


@dataclass(frozen=True)
class RowInput:
    node_id: int
    keuangan: str = ""  # rupiah spent in this month, as typed
    fisik: str = ""  # cumulative physical progress %, as typed
    output: str = ""  # output realised in this month (first indicator), as typed
    narrative: str = ""
    obstacles: str = ""


FIELD_LABEL = {
    "keuangan": "realisasi keuangan (Rp)",
    "fisik": "fisik kumulatif (%)",
    "output": "realisasi keluaran",
    "narrative": "yang dilaksanakan",
    "obstacles": "kendala",
}


def month_status(plan: Plan, month: int) -> MonthStatus:
    status, _ = MonthStatus.objects.get_or_create(plan=plan, month=month)
    return status


def _require(user, plan: Plan, allowed: set[str]) -> set[str]:
    roles = roles_on_unit(user, plan.unit)
    if not roles & allowed:
        raise NotAllowed
    return roles


def _label(plan: Plan, month: int) -> str:
    from kinerja.core.numbers import MONTHS_ID

    return f"{plan.unit.name} {MONTHS_ID[month - 1]} {plan.year}"


def current_values(plan: Plan, month: int) -> dict[int, dict[str, str]]:
    """The stored values of the month per leaf id, as the grid shows them (two queries)."""
    values: dict[int, dict[str, str]] = {}
    for node_id, rk, rf in MonthlyEntry.objects.filter(node__plan=plan, month=month).values_list(
        "node_id", "realisasi_keuangan", "realisasi_fisik"
    ):
        values.setdefault(node_id, {}).update(keuangan=_show(rk, 2), fisik=_show(rf, 4))
    for node_id, value, narrative, obstacles in IndicatorRealisation.objects.filter(
        indicator__node__plan=plan, year=plan.year, month=month, indicator__position=0
    ).values_list("indicator__node_id", "value", "narrative", "obstacles"):
        values.setdefault(node_id, {}).update(
            output=_show(value, 4), narrative=narrative, obstacles=obstacles
        )
    return values


def _show(value: Decimal | None, places: int) -> str:
    if value is None:
        return ""
    return fmt_number(value.normalize() if value == value.to_integral_value() else value)


def realisation_save(
    *,
    user,
    plan: Plan,
    month: int,
    rows: list[RowInput],
    version: int,
    opened_with: dict[int, dict[str, str]] | None = None,
) -> list[str]:
    """Save the month's realisation of the given leaves, all or nothing. ``version`` is the
    one the form was opened at: if someone saved since, raise ``Conflict`` listing the cells
    that changed (comparing ``opened_with`` with what is stored now). Returns warnings (not
    refusals): realisation above pagu, fisik behind plan beyond the thresholds, a cumulative
    figure going down."""
    _require(user, plan, EDITORS)
    leaves = {
        n.id: n
        for n in PlanNode.objects.filter(plan=plan, children__isnull=True).select_related(None)
    }
    parsed, errors = [], []
    for row in rows:
        node = leaves.get(row.node_id)
        if node is None:
            raise NotAllowed
        values = {}
        for field, parser in (
            ("keuangan", parse_money),
            ("fisik", parse_percent),
            ("output", parse_number),
        ):
            text = getattr(row, field)
            try:
                values[field] = parser(text)
            except ParseError as exc:
                errors.append(CellError(node.code, node.name, field, text, str(exc)))
        if values.get("fisik") is not None and values["fisik"] > 100:
            errors.append(
                CellError(
                    node.code,
                    node.name,
                    "fisik",
                    row.fisik,
                    "fisik kumulatif tidak boleh lebih dari 100%",
                )
            )
        parsed.append((node, row, values))
    if errors:
        raise InvalidInput(errors)

    with transaction.atomic():
        status, _ = MonthStatus.objects.select_for_update().get_or_create(plan=plan, month=month)
        if not status.editable:
            raise WorkflowError(
                f"Bulan ini berstatus {status.get_state_display().lower()} dan tidak dapat diubah."
            )
        if status.version != version:
            raise Conflict(_changes(plan, month, opened_with or {}, leaves))
        for node, row, values in parsed:
            _save_row(user, plan, month, node, row, values)
        status.version += 1
        status.changed_by = user
        status.save()
    return warnings(plan, month)


def _save_row(user, plan, month, node, row, values) -> None:
    label = f"{node.code} {node.name}, bulan {month} {plan.year}"
    entry, _ = MonthlyEntry.objects.get_or_create(node=node, month=month)
    before = {
        "realisasi_keuangan": entry.realisasi_keuangan,
        "realisasi_fisik": entry.realisasi_fisik,
    }
    entry.realisasi_keuangan = values.get("keuangan")
    entry.realisasi_fisik = values.get("fisik")
    after = {
        "realisasi_keuangan": entry.realisasi_keuangan,
        "realisasi_fisik": entry.realisasi_fisik,
    }
    if before != after:
        # Only the realisation columns: the plan columns of the same row belong to the plan
        # editor, and a concurrent plan save must not be overwritten with stale values.
        entry.save(update_fields=["realisasi_keuangan", "realisasi_fisik"])
        record_changes(
            user=user,
            action="realisation.update",
            obj=entry,
            before=before,
            after=after,
            unit=plan.unit,
            object_label=label,
            year=plan.year,
            month=month,
        )
    indicator = Indicator.objects.filter(node=node).order_by("position", "id").first()
    if indicator is None:
        return
    real, _ = IndicatorRealisation.objects.get_or_create(
        indicator=indicator, year=plan.year, month=month
    )
    before = {"value": real.value, "narrative": real.narrative, "obstacles": real.obstacles}
    real.value = values.get("output")
    real.narrative = row.narrative.strip()
    real.obstacles = row.obstacles.strip()
    after = {"value": real.value, "narrative": real.narrative, "obstacles": real.obstacles}
    if before != after:
        real.save()
        record_changes(
            user=user,
            action="realisation.update",
            obj=real,
            before=before,
            after=after,
            unit=plan.unit,
            object_label=label,
            year=plan.year,
            month=month,
        )


def _changes(plan, month, opened_with, leaves) -> list[Change]:
    now = current_values(plan, month)
    changes = []
    for node_id, fields in opened_with.items():
        node = leaves.get(node_id)
        if node is None:
            continue
        for field, was in fields.items():
            current = now.get(node_id, {}).get(field, "")
            if current != was:
                changes.append(
                    Change(node.code, node.name, FIELD_LABEL.get(field, field), was, current)
                )
    return changes


def warnings(plan: Plan, month: int) -> list[str]:
    """Warnings for the month as stored: cumulative realisation above pagu, fisik behind plan
    beyond the government's thresholds, a cumulative fisik lower than last month's."""
    rules = plan.unit.government.computation_rules()
    leaves = list(PlanNode.objects.filter(plan=plan, children__isnull=True))
    entries: dict[int, dict[int, MonthlyEntry]] = {}
    for e in MonthlyEntry.objects.filter(node__plan=plan, month__lte=month):
        entries.setdefault(e.node_id, {})[e.month] = e
    out = []
    for leaf in leaves:
        months = entries.get(leaf.id, {})
        spent = sum((e.realisasi_keuangan or Decimal(0) for e in months.values()), Decimal(0))
        if leaf.pagu is not None and spent > leaf.pagu:
            out.append(
                f"{leaf.code} {leaf.name}: realisasi kumulatif {fmt_rupiah(spent)} "
                f"melebihi pagu {fmt_rupiah(leaf.pagu)}."
            )
        this, last = months.get(month), months.get(month - 1)
        if (
            this
            and last
            and this.realisasi_fisik is not None
            and last.realisasi_fisik is not None
            and this.realisasi_fisik < last.realisasi_fisik
        ):
            out.append(
                f"{leaf.code} {leaf.name}: fisik kumulatif turun dari "
                f"{fmt_number(last.realisasi_fisik)}% menjadi "
                f"{fmt_number(this.realisasi_fisik)}%."
            )
        if this and deviation_warning(this.plan_fisik, this.realisasi_fisik, rules):
            out.append(
                f"{leaf.code} {leaf.name}: fisik {fmt_number(this.realisasi_fisik)}% "
                f"tertinggal dari rencana {fmt_number(this.plan_fisik)}%."
            )
    return out


# --- workflow ------------------------------------------------------------------------


def _transition(
    user, plan, month, allowed_roles, from_states, to_state, action, comment: str = ""
) -> MonthStatus:
    _require(user, plan, allowed_roles)
    with transaction.atomic():
        status, _ = MonthStatus.objects.select_for_update().get_or_create(plan=plan, month=month)
        if status.state not in from_states:
            names = ", ".join(State(s).label.lower() for s in from_states)
            raise WorkflowError(
                f"Tindakan ini hanya untuk bulan berstatus {names}; bulan ini berstatus "
                f"{status.get_state_display().lower()}."
            )
        old = status.state
        status.state = to_state
        status.comment = comment
        status.changed_by = user
        status.save()
        record(
            user=user,
            action=action,
            unit=plan.unit,
            year=plan.year,
            month=month,
            obj=status,
            object_label=_label(plan, month),
            field="state",
            old=old,
            new=to_state,
            reason=comment,
        )
    return status


def month_submit(*, user, plan: Plan, month: int) -> MonthStatus:
    return _transition(
        user,
        plan,
        month,
        EDITORS,
        {State.DRAFT, State.RETURNED},
        State.SUBMITTED,
        "workflow.submit",
    )


def month_return(*, user, plan: Plan, month: int, comment: str) -> MonthStatus:
    if not comment.strip():
        raise WorkflowError("Tulis alasan pengembalian agar operator tahu apa yang diperbaiki.")
    return _transition(
        user,
        plan,
        month,
        REVIEWERS,
        {State.SUBMITTED},
        State.RETURNED,
        "workflow.return",
        comment.strip(),
    )


def month_verify(*, user, plan: Plan, month: int) -> MonthStatus:
    return _transition(
        user, plan, month, REVIEWERS, {State.SUBMITTED}, State.VERIFIED, "workflow.verify"
    )


def month_lock(*, user, plan: Plan, month: int) -> MonthStatus:
    return _transition(
        user, plan, month, {Role.ADMIN}, {State.VERIFIED}, State.LOCKED, "workflow.lock"
    )


def reopen_request(*, user, plan: Plan, month: int, reason: str) -> ReopenRequest:
    _require(user, plan, EDITORS | REVIEWERS)
    if not reason.strip():
        raise WorkflowError("Tulis alasan permintaan buka kunci.")
    with transaction.atomic():
        status = month_status(plan, month)
        if status.state != State.LOCKED:
            raise WorkflowError("Hanya bulan yang terkunci yang dapat diminta dibuka.")
        if status.reopens.filter(approved__isnull=True).exists():
            raise WorkflowError("Sudah ada permintaan buka kunci yang menunggu keputusan admin.")
        request = ReopenRequest.objects.create(
            status=status, reason=reason.strip(), requested_by=user
        )
        record(
            user=user,
            action="reopen.request",
            unit=plan.unit,
            year=plan.year,
            month=month,
            obj=request,
            object_label=_label(plan, month),
            reason=request.reason,
        )
    return request


def reopen_decide(*, user, request: ReopenRequest, approve: bool) -> ReopenRequest:
    plan = request.status.plan
    _require(user, plan, {Role.ADMIN})
    with transaction.atomic():
        request = ReopenRequest.objects.select_for_update().get(pk=request.pk)
        if request.approved is not None:
            raise WorkflowError("Permintaan ini sudah diputuskan.")
        request.approved = approve
        request.decided_by = user
        request.decided_at = timezone.now()
        request.save()
        status = MonthStatus.objects.select_for_update().get(pk=request.status_id)
        if approve:
            old = status.state
            status.state = State.DRAFT
            status.comment = f"Dibuka kembali: {request.reason}"
            status.changed_by = user
            status.save()
            record(
                user=user,
                action="workflow.reopen",
                unit=plan.unit,
                year=plan.year,
                month=status.month,
                obj=status,
                object_label=_label(plan, status.month),
                field="state",
                old=old,
                new=State.DRAFT,
                reason=request.reason,
            )
        record(
            user=user,
            action="reopen.approve" if approve else "reopen.reject",
            unit=plan.unit,
            year=plan.year,
            month=status.month,
            obj=request,
            object_label=_label(plan, status.month),
            reason=request.reason,
        )
    return request


# --- evidence files --------------------------------------------------------------------


class FileRefused(Exception):
    """One or more uploaded files are not accepted (type, content or size); ``messages``
    says which and why, in Indonesian. Nothing was stored."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


def evidence_path(item: Evidence) -> Path:
    """Where the content of an evidence file is kept: outside every served folder."""
    return Path(settings.EVIDENCE_DIR) / str(item.uuid)


def _editable_status(plan: Plan, month: int) -> MonthStatus:
    """The month's status, locked for update; ``WorkflowError`` unless it is editable."""
    status, _ = MonthStatus.objects.select_for_update().get_or_create(plan=plan, month=month)
    if not status.editable:
        raise WorkflowError(
            f"Bulan ini berstatus {status.get_state_display().lower()}: bukti dukung tidak "
            "dapat ditambah atau dihapus."
        )
    return status


def _evidence_label(node: PlanNode, month: int, year: int) -> str:
    return f"{node.code} {node.name}, bulan {month} {year}"


def evidence_add(*, user, plan: Plan, month: int, files: list[tuple[int, object]]) -> list:
    """Store each ``(leaf id, upload)`` (a Django ``UploadedFile``) as evidence of that leaf
    of ``plan`` for ``month``, all or nothing. The type is read from the content and must
    match the name's extension (PDF, PNG, JPEG); the size is at most
    ``settings.EVIDENCE_MAX_BYTES``. Refusals raise ``FileRefused`` naming every refused
    file; the month must be editable (``WorkflowError``) and the user an editor of the unit
    (``NotAllowed``). Contents are written to ``settings.EVIDENCE_DIR``; if anything fails,
    the files written so far are removed again."""
    _require(user, plan, EDITORS)
    if not files:
        raise FileRefused(["Pilih berkas yang akan diunggah."])
    leaves = {
        n.id: n
        for n in PlanNode.objects.filter(
            plan=plan, id__in={node_id for node_id, _ in files}, children__isnull=True
        )
    }
    checked, refused = [], []
    for node_id, upload in files:
        node = leaves.get(node_id)
        if node is None:
            raise NotAllowed
        name = evidence.clean_name(upload.name or "")
        upload.seek(0)
        head = upload.read(evidence.HEAD_BYTES)
        upload.seek(0)
        found = evidence.check_file(name, upload.size or 0, head, settings.EVIDENCE_MAX_BYTES)
        if isinstance(found, evidence.Refusal):
            refused.append(f"{node.code} {node.name}: {found.message}")
        else:
            checked.append((node, upload, name, found))
    if refused:
        raise FileRefused(refused)
    written: list[Path] = []
    items = []
    with transaction.atomic():
        _editable_status(plan, month)
        try:
            for node, upload, name, kind in checked:
                item = Evidence(
                    uuid=uuid.uuid4(),
                    node=node,
                    month=month,
                    name=name,
                    kind=kind,
                    uploaded_by=user,
                )
                path = evidence_path(item)
                written.append(path)
                item.size, item.sha256 = _write(upload, path, settings.EVIDENCE_MAX_BYTES, name)
                item.save()
                record(
                    user=user,
                    action="evidence.add",
                    unit=plan.unit,
                    year=plan.year,
                    month=month,
                    obj=item,
                    object_label=_evidence_label(node, month, plan.year),
                    field="file",
                    new=f"{name} ({evidence.fmt_size(item.size)}, sha256 {item.sha256})",
                )
                items.append(item)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return items


def _write(upload, path: Path, max_bytes: int, name: str) -> tuple[int, str]:
    """Copy the upload to ``path`` (a new file readable by this process only); its size and
    SHA-256. Refuses, and leaves no file, when the content outgrows ``max_bytes``."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    digest, size = hashlib.sha256(), 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        for chunk in upload.chunks():
            size += len(chunk)
            if size > max_bytes:
                raise FileRefused(
                    [f'Berkas "{name}" melebihi batas {evidence.fmt_size(max_bytes)}.']
                )
            digest.update(chunk)
            out.write(chunk)
    return size, digest.hexdigest()


def evidence_delete(*, user, item: Evidence) -> None:
    """Remove an evidence file: the row now (with its audit entry), the content once the
    transaction has committed. Same rights as adding."""
    node = item.node
    plan = node.plan
    _require(user, plan, EDITORS)
    with transaction.atomic():
        _editable_status(plan, item.month)
        record(
            user=user,
            action="evidence.delete",
            unit=plan.unit,
            year=plan.year,
            month=item.month,
            obj=item,
            object_label=_evidence_label(node, item.month, plan.year),
            field="file",
            old=f"{item.name} ({evidence.fmt_size(item.size)}, sha256 {item.sha256})",
        )
        path = evidence_path(item)
        item.delete()
        transaction.on_commit(lambda: path.unlink(missing_ok=True))


def evidence_of_deleted_nodes(*, user, plan: Plan, node_ids: list[int]) -> int:
    """For the plan editor deleting leaves (``kinerja.plans.services.node_delete``), inside
    its transaction and before it deletes the nodes (their evidence rows go with them by
    cascade): record each evidence file's deletion in the audit trail, and remove the
    contents once the transaction has committed, not before (a rollback keeps the rows, so
    it must keep the files). Returns the number of files."""
    items = list(
        Evidence.objects.filter(node_id__in=node_ids)
        .select_related("node")
        .order_by("node_id", "month", "uploaded_at", "id")
    )
    for item in items:
        record(
            user=user,
            action="evidence.delete",
            unit=plan.unit,
            year=plan.year,
            month=item.month,
            obj=item,
            object_label=_evidence_label(item.node, item.month, plan.year),
            field="file",
            old=f"{item.name} ({evidence.fmt_size(item.size)}, sha256 {item.sha256})",
            reason=f"{item.node.code} {item.node.name} dihapus dari rencana.",
        )
    paths = [evidence_path(item) for item in items]

    def remove() -> None:
        for path in paths:
            path.unlink(missing_ok=True)

    if paths:
        transaction.on_commit(remove)
    return len(items)


def evidence_of_month(plan: Plan, month: int) -> dict[int, list[Evidence]]:
    """The month's evidence per leaf id, oldest first (one query)."""
    out: dict[int, list[Evidence]] = {}
    for item in (
        Evidence.objects.filter(node__plan=plan, month=month)
        .select_related("uploaded_by")
        .order_by("uploaded_at", "id")
    ):
        out.setdefault(item.node_id, []).append(item)
    return out


# --- deadline and automatic lock -------------------------------------------------------


def deadline_set(
    *, user, government, days_after_month_end: int, auto_lock: bool
) -> RealisationDeadline:
    """Set the government's deadline; only its admin may (the caller checks that through
    ``kinerja.org.access``). Each changed field is recorded in the audit trail."""
    if not 1 <= days_after_month_end <= deadlines.MAX_DAYS:
        raise WorkflowError(
            f"Batas hari setelah akhir bulan harus 1 sampai {deadlines.MAX_DAYS}; "
            f"ditemukan {days_after_month_end}."
        )
    with transaction.atomic():
        item = RealisationDeadline.objects.select_for_update().filter(government=government).first()
        before = (
            {}
            if item is None
            else {"days_after_month_end": item.days_after_month_end, "auto_lock": item.auto_lock}
        )
        if item is None:
            item = RealisationDeadline(government=government)
        item.days_after_month_end = days_after_month_end
        item.auto_lock = auto_lock
        item.save()
        for field in ("days_after_month_end", "auto_lock"):
            old, new = before.get(field), getattr(item, field)
            if old != new:
                record(
                    user=user,
                    action="deadline.update",
                    government=government,
                    obj=item,
                    object_label=f"Batas waktu realisasi {government.name}",
                    field=field,
                    old=old,
                    new=new,
                )
    return item


def lock_overdue(*, today: dt.date, plans: list[Plan] | None = None) -> list[MonthStatus]:
    """Lock every verified month whose government's deadline (with ``auto_lock``) has
    passed on ``today``; only the given plans' months when ``plans`` is given. Idempotent: a
    month locked already is not touched again. Each lock is recorded in the audit trail as
    done by the system (no user). Submitted, returned and draft months are left as they
    are: they are overdue, not locked (see docs/decisions/0006-evidence-and-deadlines.md).
    Two queries when there is nothing to lock."""
    rules = RealisationDeadline.objects.filter(auto_lock=True)
    if plans is not None:
        rules = rules.filter(government_id__in={p.unit.government_id for p in plans})
    days = dict(rules.values_list("government_id", "days_after_month_end"))
    if not days:
        return []
    candidates = MonthStatus.objects.filter(
        state=State.VERIFIED, plan__unit__government_id__in=days, plan__year__lte=today.year
    ).select_related("plan__unit")
    if plans is not None:
        candidates = candidates.filter(plan__in=plans)
    locked = []
    for status in candidates:
        plan = status.plan
        after = days[plan.unit.government_id]
        if not deadlines.is_past(plan.year, status.month, after, today):
            continue
        with transaction.atomic():
            status = MonthStatus.objects.select_for_update().get(pk=status.pk)
            if status.state != State.VERIFIED:
                continue  # changed meanwhile
            status.plan = plan
            status.state = State.LOCKED
            status.changed_by = None
            status.save()
            due = deadlines.month_deadline(plan.year, status.month, after)
            record(
                user=None,
                action="workflow.autolock",
                unit=plan.unit,
                year=plan.year,
                month=status.month,
                obj=status,
                object_label=_label(plan, status.month),
                field="state",
                old=State.VERIFIED,
                new=State.LOCKED,
                reason=f"Dikunci otomatis oleh sistem: batas waktu {fmt_date(due)} terlewati.",
            )
        locked.append(status)
    return locked
