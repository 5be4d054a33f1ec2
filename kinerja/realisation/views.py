"""The monthly realisation grid and its workflow buttons, its evidence files, the months
overdue or returned, and the government's deadline."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kinerja.audit.context import written_by
from kinerja.core.numbers import MONTHS_ID
from kinerja.core.parse import parse_id
from kinerja.org.access import (
    administered_governments,
    can_read_unit,
    government_for_admin,
    roles_on_unit,
    unit_for_reading,
)
from kinerja.plans.models import Plan, PlanNode

from . import deadlines, evidence, gridrows, selectors, services
from .models import Evidence, MonthStatus, RealisationDeadline, ReopenRequest

FIELDS = gridrows.FIELDS


def _plan(request, slug: str, year: int) -> Plan:
    unit = unit_for_reading(request.user, slug)
    plan = Plan.objects.filter(unit=unit, year=year).select_related("unit__government").first()
    if plan is None:
        raise Http404("Rencana tidak ditemukan")
    return plan


def _leaves(plan: Plan) -> list[gridrows.Leaf]:
    """The plan's leaves in the order of the plan, with what the grid shows of them (one
    query, no model instances: a province unit has some 300)."""
    dppa = PlanNode.Budget.DPPA
    return [
        # the pagu in force, as PlanNode.pagu gives it
        gridrows.Leaf(
            nid,
            code,
            name,
            parent_name or "",
            pagu_dppa if budget == dppa and pagu_dppa is not None else pagu_dpa,
        )
        for nid, code, name, parent_name, pagu_dpa, pagu_dppa, budget in PlanNode.objects.filter(
            plan=plan, children__isnull=True
        )
        .order_by("position", "code")
        .values_list(
            "id", "code", "name", "parent__name", "pagu_dpa", "pagu_dppa", "budget_in_force"
        )
    ]


def _rows_from_post(post, leaf_ids) -> tuple[list[services.RowInput], dict]:
    rows, opened = [], {}
    for node_id in leaf_ids:
        prefix = f"n{node_id}-"
        if prefix + "keuangan" not in post:
            continue
        rows.append(services.RowInput(node_id, *(post.get(prefix + f, "") for f in FIELDS)))
        opened[node_id] = {f: post.get(f"o{node_id}-{f}", "") for f in FIELDS}
    return rows, opened


def _lock_overdue(request, plan, today) -> None:
    """Lock the plan's overdue months, as ``kinerja lock_overdue`` would; the audit entries
    say that opening this page by this user set it off (the lock itself is the system's)."""
    with written_by(f"kunci otomatis saat {request.user.get_username()} membuka halaman"):
        services.lock_overdue(today=today, plans=[plan])


@login_required
def months(request, slug: str, year: int):
    plan = _plan(request, slug, year)
    today = timezone.localdate()
    _lock_overdue(request, plan, today)  # works without cron too
    states = {s.month: s for s in MonthStatus.objects.filter(plan=plan)}
    rule = RealisationDeadline.objects.filter(government_id=plan.unit.government_id).first()
    rows = []
    for m in range(1, 13):
        status = states.get(m)
        due = late = None
        if rule is not None:
            due = deadlines.month_deadline(plan.year, m, rule.days_after_month_end)
            done = status is not None and status.state in selectors.DONE
            if not done and deadlines.is_past(plan.year, m, rule.days_after_month_end, today):
                late = deadlines.days_late(plan.year, m, rule.days_after_month_end, today)
        rows.append(
            {"month": m, "name": MONTHS_ID[m - 1], "status": status, "due": due, "late": late}
        )
    roles = roles_on_unit(request.user, plan.unit)
    return render(
        request,
        "realisation/months.html",
        {
            "plan": plan,
            "unit": plan.unit,
            "rows": rows,
            "rule": rule,
            "is_admin": "admin" in roles,
        },
    )


@login_required
def grid(request, slug: str, year: int, month: int):
    if not 1 <= month <= 12:
        raise Http404("Bulan tidak ada")
    plan = _plan(request, slug, year)
    roles = roles_on_unit(request.user, plan.unit)
    _lock_overdue(request, plan, timezone.localdate())
    status = services.month_status(plan, month)
    leaves = _leaves(plan)
    values = services.current_values(plan, month)
    errors, conflict, typed = [], [], None
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "save":
                rows, opened = _rows_from_post(request.POST, [n.id for n in leaves])
                typed = {r.node_id: {f: getattr(r, f) for f in FIELDS} for r in rows}
                found = services.realisation_save(
                    user=request.user,
                    plan=plan,
                    month=month,
                    rows=rows,
                    version=int(request.POST.get("version", "-1")),
                    opened_with=opened,
                )
                messages.success(request, "Data bulan ini tersimpan.")
                for text in found:
                    messages.warning(request, text)
            elif action == "submit":
                services.month_submit(user=request.user, plan=plan, month=month)
                messages.success(request, "Bulan ini diajukan untuk diverifikasi.")
            elif action == "return":
                services.month_return(
                    user=request.user,
                    plan=plan,
                    month=month,
                    comment=request.POST.get("comment", ""),
                )
                messages.success(request, "Bulan ini dikembalikan ke operator.")
            elif action == "verify":
                services.month_verify(user=request.user, plan=plan, month=month)
                messages.success(request, "Bulan ini diverifikasi.")
            elif action == "lock":
                services.month_lock(user=request.user, plan=plan, month=month)
                messages.success(request, "Bulan ini dikunci.")
            elif action == "reopen":
                services.reopen_request(
                    user=request.user, plan=plan, month=month, reason=request.POST.get("reason", "")
                )
                messages.success(request, "Permintaan buka kunci dikirim ke admin.")
            elif action in ("approve", "reject"):
                req = ReopenRequest.objects.filter(
                    pk=parse_id(request.POST.get("request")), status__plan=plan, status__month=month
                ).first()
                if req is None:
                    raise Http404("Permintaan tidak ditemukan")
                services.reopen_decide(user=request.user, request=req, approve=action == "approve")
                messages.success(request, "Keputusan tersimpan.")
            else:
                raise Http404("Tindakan tidak dikenal")
            return redirect("realisation-grid", slug=slug, year=year, month=month)
        except services.NotAllowed:
            raise Http404("Unit tidak ditemukan") from None
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
        except services.InvalidInput as exc:
            errors = exc.errors
            messages.error(request, "Tidak ada yang disimpan: perbaiki isian yang ditandai.")
        except services.Conflict as exc:
            conflict = exc.changes
            messages.error(
                request,
                "Tidak ada yang disimpan: data bulan ini telah diubah "
                "orang lain sejak formulir dibuka. Periksa perubahannya, "
                "lalu simpan lagi.",
            )
        status = services.month_status(plan, month)
        values = services.current_values(plan, month)
    error_at = {(e.code, e.field): e.message for e in errors}
    editors = bool(roles & services.EDITORS)
    can_edit = editors and status.editable
    rows = gridrows.grid_rows(
        leaves,
        values | (typed or {}),  # what was typed, where it was; else what is stored
        values,
        error_at,
        services.evidence_of_month(plan, month),
        can_edit=can_edit,
        accept=evidence.ACCEPT,
    )
    reviewers = bool(roles & services.REVIEWERS)
    return render(
        request,
        "realisation/grid.html",
        {
            "plan": plan,
            "unit": plan.unit,
            "month": month,
            "month_name": MONTHS_ID[month - 1],
            "status": status,
            "grid_rows": rows,
            "conflict": conflict,
            "can_edit": can_edit,
            "can_submit": editors and status.editable,
            "can_review": reviewers and status.state == MonthStatus.State.SUBMITTED,
            "can_lock": "admin" in roles and status.state == MonthStatus.State.VERIFIED,
            "can_reopen": bool(roles & (services.EDITORS | services.REVIEWERS))
            and status.state == MonthStatus.State.LOCKED,
            "pending": list(status.reopens.filter(approved__isnull=True))
            if "admin" in roles
            else [],
            "months": range(1, 13),
            "max_size": evidence.fmt_size(settings.EVIDENCE_MAX_BYTES),
        },
    )


# --- evidence files --------------------------------------------------------------------


def _month(month: int) -> None:
    if not 1 <= month <= 12:
        raise Http404("Bulan tidak ada")


def _wants_json(request) -> bool:
    """The grid's script (``static/realisation/evidence.js``) asks for JSON, so that the page
    and the cells typed but not yet saved stay; a plain form post gets the redirect."""
    return "application/json" in request.headers.get("Accept", "")


def _evidence_answer(plan: Plan, month: int, node_ids, ok: bool, texts, status=200):
    """For the script: whether it worked, the messages, and the new evidence list of each
    touched leaf (the markup of the grid's ``<div class="files">``)."""
    level = "success" if ok else "error"
    files = services.evidence_of_month(plan, month) if ok else {}
    return JsonResponse(
        {
            "ok": ok,
            "messages": [{"level": level, "text": str(text)} for text in texts],
            "files": {
                str(node_id): gridrows.evidence_list(files.get(node_id, []), can_edit=True)
                for node_id in sorted(set(node_ids))
            },
        },
        status=status,
    )


@login_required
@require_POST
def evidence_upload(request, slug: str, year: int, month: int):
    """Every file chosen on the grid, ``file-<leaf id>`` (several per leaf), all or none.
    Answers the grid's script in JSON (see ``_evidence_answer``), a plain post with a
    redirect to the grid; the rules are the same."""
    _month(month)
    plan = _plan(request, slug, year)
    files = []
    for key in request.FILES:
        prefix, _, node_id = key.partition("-")
        if prefix != "file" or parse_id(node_id) is None:
            continue
        files.extend((parse_id(node_id), f) for f in request.FILES.getlist(key))
    as_json = _wants_json(request)
    try:
        items = services.evidence_add(user=request.user, plan=plan, month=month, files=files)
    except services.NotAllowed:
        raise Http404("Unit tidak ditemukan") from None
    except services.FileRefused as exc:
        texts = ["Tidak ada berkas yang disimpan.", *exc.messages]
        if as_json:
            return _evidence_answer(plan, month, [], False, texts, status=400)
        for text in texts:
            messages.error(request, text)
    except services.WorkflowError as exc:
        if as_json:
            return _evidence_answer(plan, month, [], False, [exc], status=409)
        messages.error(request, str(exc))
    else:
        names = ", ".join(f'"{item.name}"' for item in items)
        text = f"Bukti dukung tersimpan: {names}."
        if as_json:
            return _evidence_answer(plan, month, [i.node_id for i in items], True, [text])
        messages.success(request, text)
    return redirect("realisation-grid", slug=slug, year=year, month=month)


@login_required
@require_POST
def evidence_delete(request, slug: str, year: int, month: int):
    _month(month)
    plan = _plan(request, slug, year)
    item = (
        Evidence.objects.select_related("node__plan__unit")
        .filter(uuid=_uuid(request.POST.get("evidence", "")), node__plan=plan, month=month)
        .first()
    )
    if item is None:
        raise Http404("Berkas tidak ditemukan")
    as_json = _wants_json(request)
    try:
        services.evidence_delete(user=request.user, item=item)
    except services.NotAllowed:
        raise Http404("Berkas tidak ditemukan") from None
    except services.WorkflowError as exc:
        if as_json:
            return _evidence_answer(plan, month, [], False, [exc], status=409)
        messages.error(request, str(exc))
    else:
        text = f'Bukti dukung "{item.name}" dihapus.'
        if as_json:
            return _evidence_answer(plan, month, [item.node_id], True, [text])
        messages.success(request, text)
    return redirect("realisation-grid", slug=slug, year=year, month=month)


def _uuid(text: str):
    try:
        return uuid.UUID(text)
    except ValueError:
        raise Http404("Berkas tidak ditemukan") from None


@login_required
def evidence_download(request, key):
    """The file, to whoever may read its unit; anyone else gets the same 404 as for a file
    that does not exist. Always as an attachment, with the type found at upload, never
    sniffed by the browser."""
    item = Evidence.objects.select_related("node__plan__unit").filter(uuid=key).first()
    if item is None or not can_read_unit(request.user, item.node.plan.unit):
        raise Http404("Berkas tidak ditemukan")
    path = services.evidence_path(item)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (FileResponse closes it)
    except FileNotFoundError:
        raise Http404("Berkas tidak ditemukan") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.name,
        content_type=evidence.content_type(item.kind),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- arrears and deadline --------------------------------------------------------------


@login_required
def arrears(request, year: int):
    rows = selectors.arrears(request.user, year, timezone.localdate())
    return render(
        request,
        "realisation/arrears.html",
        {
            "year": year,
            "rows": rows,
            "can_set_deadline": administered_governments(request.user).exists(),
        },
    )


@login_required
def deadline(request):
    """The deadline of every government the user administers (usually one)."""
    governments = list(administered_governments(request.user))
    if not governments:
        raise Http404("Halaman tidak ditemukan")
    errors = {}
    if request.method == "POST":
        government = government_for_admin(request.user, request.POST.get("government", ""))
        raw = request.POST.get("days", "").strip()
        try:
            if not (raw.isascii() and raw.isdigit()):
                raise services.WorkflowError(
                    f'Batas hari setelah akhir bulan: "{raw}" bukan bilangan bulat; '
                    f"isi angka 1 sampai {deadlines.MAX_DAYS}."
                )
            services.deadline_set(
                user=request.user,
                government=government,
                days_after_month_end=int(raw),
                auto_lock=request.POST.get("auto_lock") == "on",
            )
        except services.WorkflowError as exc:
            errors[government.id] = str(exc)
        else:
            messages.success(request, f"Batas waktu realisasi {government.name} tersimpan.")
            return redirect("realisation-deadline")
    rules = {
        r.government_id: r for r in RealisationDeadline.objects.filter(government__in=governments)
    }
    rows = [
        {
            "government": g,
            "rule": rules.get(g.id),
            "error": errors.get(g.id, ""),
            "days": request.POST.get("days", "")
            if g.id in errors
            else (rules[g.id].days_after_month_end if g.id in rules else ""),
        }
        for g in governments
    ]
    return render(
        request,
        "realisation/deadline.html",
        {"rows": rows, "max_days": deadlines.MAX_DAYS, "year": timezone.localdate().year},
    )
