"""Every write of the Perjanjian Kinerja: create one (version 1, the PK awal), revise it
(a PK perubahan: a new version with its date and reason, the previous one kept as it was),
and link an indicator to the superior's indicator it supports. Each runs in one transaction
and records what changed, old and new, in the audit trail.

Inputs are plain values already read from the form (numbers as Decimals); what is wrong is
refused with ``AgreementInputError``, whose ``errors`` say where and what, and nothing is
written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction

from kinerja.audit.services import record, record_changes
from kinerja.core.numbers import fmt_date, is_nip
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Indicator, PlanNode

from .domain import Party
from .models import AgreementBudgetLine, AgreementRow, AgreementVersion, PerformanceAgreement
from .selectors import latest_docs


class AgreementInputError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class LineInput:
    """An indicator line. ``row_id``: the stored row this line continues in a revision (its
    cascade links are kept); None for a new line."""

    subject: str
    statement: str
    satuan: str = ""
    target: Decimal | None = None
    target_label: str = ""
    sasaran: str = ""
    node_id: int | None = None
    indicator_id: int | None = None
    parent_id: int | None = None
    row_id: int | None = None


@dataclass(frozen=True)
class BudgetInput:
    node_id: int | None
    amount: Decimal | None
    name: str = ""
    satuan: str = ""
    target: Decimal | None = None
    target_label: str = ""
    indicator_id: int | None = None


HEADER_FIELDS = (
    "title",
    "superior_unit",
    "superior_title",
    "signed_on",
    "version",
    "reason",
    "official_name",
    "official_nip",
    "official_pangkat",
    "official_golongan",
    "official_jabatan",
    "superior_name",
    "superior_nip",
    "superior_pangkat",
    "superior_golongan",
)
ROW_FIELDS = (
    "sasaran",
    "subject",
    "statement",
    "satuan",
    "target",
    "target_label",
    "node",
    "indicator",
    "parent",
)
BUDGET_FIELDS = ("name", "amount", "satuan", "target", "target_label", "indicator")


def _chain(unit: OrgUnit) -> list[int]:
    ids, cur = [], unit
    while cur is not None:
        ids.append(cur.id)
        cur = cur.parent
    return ids


def _check_date(errors: list[str], signed_on, year: int, *, required: bool, after=None) -> None:
    if signed_on is None:
        if required:
            errors.append("Tanggal: tanggal penandatanganan PK perubahan wajib diisi.")
        return
    first, last = datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31)
    if not first <= signed_on <= last:
        errors.append(
            f"Tanggal: {fmt_date(signed_on)} di luar masa PK tahun {year}; yang diharapkan "
            f"antara {fmt_date(first)} dan {fmt_date(last)}."
        )
    if after is not None and signed_on < after:
        errors.append(
            f"Tanggal: {fmt_date(signed_on)} lebih awal dari versi sebelumnya "
            f"({fmt_date(after)}); PK perubahan harus bertanggal sama atau sesudahnya."
        )


def _check_parties(errors: list[str], official: Party | None, superior: Party | None) -> None:
    for label, party in (("pihak pertama", official), ("pihak kedua", superior)):
        nip = party.nip if party else ""
        if nip.strip() and not is_nip(nip):
            errors.append(f"NIP {label}: harus 18 angka, ditemukan {party.nip!r}.")


def _validate(
    *,
    unit: OrgUnit,
    year: int,
    title: str,
    superior_unit: OrgUnit | None,
    lines: list[LineInput],
    budget: list[BudgetInput],
    agreement: PerformanceAgreement | None = None,
) -> tuple[list[str], dict[int, PlanNode], dict[int, Indicator]]:
    errors: list[str] = []
    if not title.strip():
        errors.append("Judul: wajib diisi.")
    if superior_unit is not None:
        if superior_unit.government_id != unit.government_id:
            errors.append("Unit pihak kedua: harus unit pemerintah daerah yang sama.")
        elif superior_unit.id == unit.id:
            errors.append("Unit pihak kedua: tidak boleh unit pihak pertama sendiri.")
    if not lines:
        errors.append("Indikator: PK perlu minimal satu indikator dengan target.")
    chain = _chain(unit)
    node_ids = {x.node_id for x in (*lines, *budget) if x.node_id is not None}
    nodes = {
        n.id: n
        for n in PlanNode.objects.filter(
            id__in=node_ids, plan__year=year, plan__unit_id__in=chain
        )
    }
    indicator_ids = {x.indicator_id for x in (*lines, *budget) if x.indicator_id is not None}
    indicators = {
        i.id: i
        for i in Indicator.objects.filter(id__in=indicator_ids).select_related(
            "node__plan", "sasaran"
        )
        if (i.node_id and i.node.plan.year == year and i.node.plan.unit_id in chain)
        or (i.sasaran_id and i.sasaran.unit_id in chain)
    }
    parents: set[int] = set()
    if superior_unit is not None:
        parents = set(
            AgreementRow.objects.filter(
                agreement__unit=superior_unit, agreement__year=year
            ).values_list("id", flat=True)
        )
    own_rows = set(agreement.rows.values_list("id", flat=True)) if agreement else set()
    for i, line in enumerate(lines, start=1):
        where = f"Indikator baris {i}"
        if not line.statement.strip():
            errors.append(f"{where}, kolom indikator: wajib diisi.")
        if not line.subject.strip():
            errors.append(f"{where}, kolom program/kegiatan: wajib diisi.")
        if line.target is None and not line.target_label.strip():
            errors.append(f"{where}, kolom target: wajib diisi (angka atau label seperti WTP).")
        if line.node_id is not None and line.node_id not in nodes:
            errors.append(
                f"{where}, kolom program/kegiatan rencana: bukan bagian rencana tahun {year} "
                f"unit ini atau unit di atasnya."
            )
        if line.indicator_id is not None and line.indicator_id not in indicators:
            errors.append(
                f"{where}, kolom indikator rencana: bukan indikator rencana tahun {year} "
                "unit ini atau unit di atasnya."
            )
        if line.parent_id is not None and line.parent_id not in parents:
            errors.append(
                f"{where}, kolom mendukung: bukan indikator PK tahun {year} unit pihak kedua."
            )
        if line.row_id is not None and line.row_id not in own_rows:
            errors.append(f"{where}: baris #{line.row_id} bukan milik PK ini.")
    for i, b in enumerate(budget, start=1):
        where = f"Anggaran baris {i}"
        if b.node_id is None and not b.name.strip():
            errors.append(f"{where}: pilih program/kegiatan/sub kegiatan atau isi namanya.")
        if b.node_id is not None and b.node_id not in nodes:
            errors.append(
                f"{where}, kolom program/kegiatan/sub kegiatan: bukan bagian rencana tahun "
                f"{year} unit ini atau unit di atasnya."
            )
        if b.amount is not None and b.amount < 0:
            errors.append(f"{where}, kolom anggaran: tidak boleh negatif.")
        if b.indicator_id is not None and b.indicator_id not in indicators:
            errors.append(f"{where}, kolom indikator rencana: bukan indikator rencana ini.")
    return errors, nodes, indicators


def _set_parties(agreement: PerformanceAgreement, official, superior) -> None:
    official, superior = official or Party(), superior or Party()
    agreement.official_name = official.name
    agreement.official_nip = official.nip.replace(" ", "")
    agreement.official_pangkat = official.pangkat
    agreement.official_golongan = official.golongan
    agreement.official_jabatan = official.jabatan
    agreement.superior_name = superior.name
    agreement.superior_nip = superior.nip.replace(" ", "")
    agreement.superior_pangkat = superior.pangkat
    agreement.superior_golongan = superior.golongan


def _row_values(line: LineInput, position: int) -> dict:
    return {
        "position": position,
        "sasaran": line.sasaran.strip(),
        "subject": line.subject.strip(),
        "statement": line.statement.strip(),
        "satuan": line.satuan.strip(),
        "target": line.target,
        "target_label": "" if line.target is not None else line.target_label.strip(),
        "node_id": line.node_id,
        "indicator_id": line.indicator_id,
        "parent_id": line.parent_id,
    }


def _budget_rows(agreement, budget: list[BudgetInput], nodes) -> list[AgreementBudgetLine]:
    out = []
    for pos, b in enumerate(budget):
        node = nodes.get(b.node_id) if b.node_id is not None else None
        out.append(
            AgreementBudgetLine(
                agreement=agreement,
                position=pos,
                node=node,
                code=node.code if node else "",
                name=b.name.strip() or (node.name if node else ""),
                amount=b.amount,
                indicator_id=b.indicator_id,
                satuan=b.satuan.strip(),
                target=b.target,
                target_label="" if b.target is not None else b.target_label.strip(),
            )
        )
    return out


def _snapshot(agreement: PerformanceAgreement, user) -> AgreementVersion:
    doc = latest_docs([agreement])[agreement.id]
    return AgreementVersion.objects.create(
        agreement=agreement,
        number=agreement.version,
        signed_on=agreement.signed_on,
        reason=agreement.reason,
        content=doc.to_dict(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
        created_by_name=user.get_username() if getattr(user, "is_authenticated", False) else "",
    )


def _header(agreement: PerformanceAgreement) -> dict:
    return {f: getattr(agreement, f) for f in HEADER_FIELDS}


@transaction.atomic
def agreement_create(
    *,
    user,
    unit: OrgUnit,
    year: int,
    title: str,
    lines: list[LineInput],
    budget: list[BudgetInput] = (),
    superior_unit: OrgUnit | None = None,
    superior_title: str = "",
    signed_on: datetime.date | None = None,
    official: Party | None = None,
    superior: Party | None = None,
) -> PerformanceAgreement:
    """The unit's agreement for ``year``, version 1 (PK awal)."""
    lines, budget = list(lines), list(budget)
    errors, nodes, _ = _validate(
        unit=unit, year=year, title=title, superior_unit=superior_unit, lines=lines, budget=budget
    )
    _check_date(errors, signed_on, year, required=False)
    _check_parties(errors, official, superior)
    if PerformanceAgreement.objects.filter(unit=unit, year=year).exists():
        errors.append(
            f"{unit.name} sudah punya PK tahun {year}; buat PK perubahan untuk mengubahnya."
        )
    if errors:
        raise AgreementInputError(errors)
    agreement = PerformanceAgreement(
        unit=unit,
        year=year,
        title=title.strip(),
        superior_unit=superior_unit,
        superior_title=superior_title.strip(),
        signed_on=signed_on,
        version=1,
    )
    _set_parties(agreement, official, superior)
    try:
        with transaction.atomic():
            agreement.save()
    except IntegrityError as exc:  # created meanwhile by someone else
        raise AgreementInputError(
            [f"{unit.name} sudah punya PK tahun {year}; buat PK perubahan untuk mengubahnya."]
        ) from exc
    AgreementRow.objects.bulk_create(
        [AgreementRow(agreement=agreement, **_row_values(x, i)) for i, x in enumerate(lines)]
    )
    AgreementBudgetLine.objects.bulk_create(_budget_rows(agreement, budget, nodes))
    version = _snapshot(agreement, user)
    record(
        user=user,
        action="agreement.create",
        unit=unit,
        year=year,
        obj=agreement,
        new=version.content,
    )
    return agreement


@transaction.atomic
def agreement_revise(
    *,
    user,
    agreement: PerformanceAgreement,
    signed_on: datetime.date | None,
    reason: str,
    title: str,
    lines: list[LineInput],
    budget: list[BudgetInput] = (),
    superior_unit: OrgUnit | None = None,
    superior_title: str = "",
    official: Party | None = None,
    superior: Party | None = None,
) -> PerformanceAgreement:
    """A PK perubahan: the agreement's next version, dated ``signed_on`` for ``reason``.
    Lines carrying the ``row_id`` of a current row continue it (the indicators of the
    sub-units that support it stay linked); current rows left out are removed, and the links
    of the lines that supported them are cleared (and recorded)."""
    agreement = PerformanceAgreement.objects.select_for_update().get(pk=agreement.pk)
    lines, budget = list(lines), list(budget)
    unit, year = agreement.unit, agreement.year
    errors, nodes, _ = _validate(
        unit=unit,
        year=year,
        title=title,
        superior_unit=superior_unit,
        lines=lines,
        budget=budget,
        agreement=agreement,
    )
    if not reason.strip():
        errors.append("Alasan perubahan: wajib diisi (mis. DPA perubahan, pergantian pejabat).")
    latest_date = (
        AgreementVersion.objects.filter(agreement=agreement, signed_on__isnull=False)
        .order_by("-number")
        .values_list("signed_on", flat=True)
        .first()
    ) or agreement.signed_on
    _check_date(errors, signed_on, year, required=True, after=latest_date)
    _check_parties(errors, official, superior)
    kept = [x.row_id for x in lines if x.row_id is not None]
    if len(kept) != len(set(kept)):
        errors.append("Indikator: satu baris lama dipakai lebih dari sekali.")
    if errors:
        raise AgreementInputError(errors)

    if not AgreementVersion.objects.filter(agreement=agreement, number=agreement.version).exists():
        _snapshot(agreement, None)  # an agreement recorded before versions were kept
    before = _header(agreement)
    agreement.version += 1
    agreement.reason = reason.strip()
    agreement.signed_on = signed_on
    agreement.title = title.strip()
    agreement.superior_unit = superior_unit
    agreement.superior_title = superior_title.strip()
    _set_parties(agreement, official, superior)
    agreement.save()
    common = {"user": user, "unit": unit, "year": year, "reason": agreement.reason}
    record_changes(
        action="agreement.revise", obj=agreement, before=before, after=_header(agreement),
        **common,
    )

    rows = {r.id: r for r in agreement.rows.all()}
    removed = [r for rid, r in rows.items() if rid not in set(kept)]
    for child in AgreementRow.objects.filter(parent__in=removed).select_related("agreement"):
        record_changes(
            action="agreement.link",
            obj=child,
            before={"parent": child.parent_id},
            after={"parent": None},
            user=user,
            unit=child.agreement.unit,
            year=year,
            reason=f"Indikator atasan dihapus oleh PK perubahan versi {agreement.version}",
        )
    for r in removed:
        record(action="agreement.row_remove", obj=r, old=str(r), **common)
        r.delete()
    for pos, line in enumerate(lines):
        values = _row_values(line, pos)
        if line.row_id is None:
            row = AgreementRow.objects.create(agreement=agreement, **values)
            record(action="agreement.row_add", obj=row, new=str(row), **common)
            continue
        row = rows[line.row_id]
        old = {f: getattr(row, f + "_id" if f in ("node", "indicator", "parent") else f)
               for f in ROW_FIELDS}
        for key, value in values.items():
            setattr(row, key, value)
        row.save()
        new = {f: getattr(row, f + "_id" if f in ("node", "indicator", "parent") else f)
               for f in ROW_FIELDS}
        record_changes(action="agreement.revise", obj=row, before=old, after=new, **common)

    old_budget = {_budget_key(b): b for b in agreement.budget_lines.all()}
    agreement.budget_lines.all().delete()
    new_budget = AgreementBudgetLine.objects.bulk_create(_budget_rows(agreement, budget, nodes))
    new_keys = {_budget_key(b): b for b in new_budget}
    for key in list(old_budget) + [k for k in new_keys if k not in old_budget]:
        old_text, new_text = _budget_text(old_budget.get(key)), _budget_text(new_keys.get(key))
        if old_text == new_text:
            continue
        record(
            action="agreement.budget",
            model="agreements.AgreementBudgetLine",
            object_id=str(agreement.pk),
            object_label=f"{agreement} · anggaran {key}",
            field="anggaran | target",
            old=old_text,
            new=new_text,
            **common,
        )
    _snapshot(agreement, user)
    return agreement


def _budget_key(b: AgreementBudgetLine) -> str:
    return b.code or b.name


def _budget_text(b: AgreementBudgetLine | None) -> str:
    if b is None:
        return ""
    amount = "" if b.amount is None else format(b.amount.quantize(Decimal("0.01")), "f")
    target = "" if b.target is None else format(b.target.normalize(), "f")
    return f"{amount} | {target or b.target_label} {b.satuan}".strip()


@transaction.atomic
def agreement_link(*, user, row: AgreementRow, parent: AgreementRow | None) -> AgreementRow:
    """Link ``row`` to the indicator of its superior's agreement it supports (or unlink it
    with None). The parent must be a current row of the agreement, for the same year, of the
    unit named as pihak kedua of ``row``'s agreement."""
    row = AgreementRow.objects.select_related("agreement__unit").get(pk=row.pk)
    agreement = row.agreement
    if parent is not None:
        parent = AgreementRow.objects.select_related("agreement").get(pk=parent.pk)
        if (
            agreement.superior_unit_id is None
            or parent.agreement.unit_id != agreement.superior_unit_id
            or parent.agreement.year != agreement.year
        ):
            raise AgreementInputError(
                [
                    f"Indikator «{row.statement}»: yang didukung harus indikator PK tahun "
                    f"{agreement.year} unit pihak kedua."
                ]
            )
    before = {"parent": row.parent_id}
    row.parent = parent
    row.save(update_fields=["parent"])
    record_changes(
        action="agreement.link",
        obj=row,
        before=before,
        after={"parent": row.parent_id},
        user=user,
        unit=agreement.unit,
        year=agreement.year,
    )
    return row
