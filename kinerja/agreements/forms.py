"""The create / revise form of a Perjanjian Kinerja: what it shows (``initial_*``) and how
what was typed becomes service inputs (``read_form``). Numbers are read the Indonesian way
(``kinerja.core.parse``); every value that cannot be read is reported with its row and
column, and nothing is saved while one is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.numbers import fmt_number
from kinerja.core.parse import ParseError, parse_id, parse_money
from kinerja.org.models import OrgUnit, UnitHead
from kinerja.plans.models import Indicator, IndicatorTarget, PlanNode

from .domain import AgreementDoc, Party, parse_target
from .services import BudgetInput, LineInput

EXTRA_ROWS = 3
HEADER = (
    "title",
    "superior_unit",
    "superior_title",
    "signed_on",
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
ROW = (
    "row_id",
    "sasaran",
    "subject",
    "statement",
    "satuan",
    "target",
    "node",
    "indicator",
    "parent",
    "hapus",
)
BUDGET = ("node", "name", "amount", "satuan", "target", "indicator", "hapus")


@dataclass
class FormData:
    header: dict[str, str]
    rows: list[dict[str, str]]
    budget: list[dict[str, str]]
    errors: list[str] = field(default_factory=list)


def _num(value: Decimal | None) -> str:
    return "" if value is None else fmt_number(value)


def _target(value: Decimal | None, label: str) -> str:
    return _num(value) if value is not None else label


def _blank(names) -> dict[str, str]:
    return dict.fromkeys(names, "")


def initial_for_new(unit: OrgUnit, year: int, plan) -> FormData:
    """A new agreement: parties from the heads of the year, lines and anggaran from the plan
    nodes the unit is responsible for (their indicators with the plan's target, their leaves
    with the pagu in force)."""
    parent = unit.parent
    heads = {h.unit_id: h for h in UnitHead.objects.filter(year=year, unit__in=[unit, parent])}
    own, sup = heads.get(unit.id), heads.get(parent.id) if parent else None
    header = _blank(HEADER)
    header.update(
        title=f"Perjanjian Kinerja {unit.name} Tahun {year}",
        superior_unit=str(parent.id) if parent else "",
        superior_title=(sup.jabatan if sup else f"Kepala {parent.name}") if parent else "",
        official_name=own.name if own else "",
        official_nip=own.nip if own else "",
        official_pangkat=own.pangkat if own else "",
        official_golongan=own.golongan if own else "",
        official_jabatan=own.jabatan if own else f"Kepala {unit.name}",
        superior_name=sup.name if sup else "",
        superior_nip=sup.nip if sup else "",
        superior_pangkat=sup.pangkat if sup else "",
        superior_golongan=sup.golongan if sup else "",
    )
    rows, budget = [], []
    if plan is not None:
        nodes = list(PlanNode.objects.filter(plan=plan).order_by("position", "code"))
        mine = {n.id for n in nodes if n.responsible_unit_id == unit.id}
        chosen = [n for n in nodes if n.id in mine or n.parent_id in mine]
        by_id = {n.id: n for n in nodes}
        targets = {
            t.indicator_id: t
            for t in IndicatorTarget.objects.filter(
                indicator__node__in=chosen, year=year, source="annual", period_kind="year"
            )
        }
        for ind in Indicator.objects.filter(node__in=chosen).order_by("node__position", "position"):
            node = by_id[ind.node_id]
            t = targets.get(ind.id)
            subject = node if node.id in mine or node.parent_id is None else by_id[node.parent_id]
            row = _blank(ROW)
            row.update(
                subject=subject.name,
                statement=ind.statement,
                satuan=ind.satuan,
                target=_target(t.value, t.label) if t else "",
                node=str(node.id),
                indicator=str(ind.id),
            )
            rows.append(row)
        children = {n.parent_id for n in nodes}
        for n in chosen:
            if n.id not in children:
                line = _blank(BUDGET)
                line.update(node=str(n.id), name=n.name, amount=_num(n.pagu))
                budget.append(line)
    return FormData(header, _pad(rows, ROW), _pad(budget, BUDGET))


def initial_for_revision(doc: AgreementDoc, agreement) -> FormData:
    """The agreement as it stands, to be changed into its next version."""
    header = _blank(HEADER)
    header.update(
        title=doc.title,
        superior_unit=str(agreement.superior_unit_id or ""),
        superior_title=agreement.superior_title,
        official_name=doc.official.name,
        official_nip=doc.official.nip,
        official_pangkat=doc.official.pangkat,
        official_golongan=doc.official.golongan,
        official_jabatan=doc.official.jabatan,
        superior_name=doc.superior.name,
        superior_nip=doc.superior.nip,
        superior_pangkat=doc.superior.pangkat,
        superior_golongan=doc.superior.golongan,
    )
    rows = []
    for line in doc.lines:
        row = _blank(ROW)
        row.update(
            row_id=str(line.key),
            sasaran=line.sasaran,
            subject=line.subject,
            statement=line.statement,
            satuan=line.satuan,
            target=_target(line.target, line.target_label),
            node=str(line.node_id or ""),
            indicator=str(line.indicator_id or ""),
            parent=str(line.parent_key or ""),
        )
        rows.append(row)
    budget = []
    for b in doc.budget:
        line = _blank(BUDGET)
        line.update(
            node=str(b.node_id or ""),
            name=b.name,
            amount=_num(b.amount),
            satuan=b.satuan,
            target=_target(b.target, b.target_label),
            indicator=str(b.indicator_id or ""),
        )
        budget.append(line)
    return FormData(header, _pad(rows, ROW), _pad(budget, BUDGET))


def with_more_rows(data: FormData) -> FormData:
    """The form as sent, with more blank rows and without complaints (nothing is saved)."""
    return FormData(data.header, _pad(data.rows, ROW), _pad(data.budget, BUDGET))


def _pad(items: list[dict], names) -> list[dict]:
    return items + [_blank(names) for _ in range(EXTRA_ROWS)]


def _id(value: str, where: str, errors: list[str]) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    number = parse_id(value)
    if number is None:
        errors.append(f"{where}: pilihan {value!r} tidak dikenal.")
    return number


@dataclass
class ReadForm:
    data: FormData
    lines: list[LineInput]
    budget: list[BudgetInput]
    superior_unit_id: int | None
    signed_on: datetime.date | None
    official: Party
    superior: Party


def read_form(post) -> ReadForm:
    """What the form sent, read into service inputs; ``data.errors`` lists what could not
    be read (row, column, what was found, what was expected)."""
    header = {name: post.get(name, "").strip() for name in HEADER}
    errors: list[str] = []
    rows = [_posted(post, "r", i, ROW) for i in range(_count(post, "rows"))]
    budget = [_posted(post, "b", i, BUDGET) for i in range(_count(post, "budget"))]
    data = FormData(header, rows, budget, errors)

    signed_on = None
    if header["signed_on"]:
        try:
            signed_on = datetime.date.fromisoformat(header["signed_on"])
        except ValueError:
            errors.append(
                f"Tanggal: {header['signed_on']!r} bukan tanggal; contoh yang benar: 2020-01-31."
            )
    superior_unit_id = _id(header["superior_unit"], "Unit pihak kedua", errors)

    lines = []
    number = 0
    for row in rows:
        if row["hapus"] or not any(row[k] for k in ("subject", "statement", "target")):
            continue
        number += 1
        where = f"Indikator baris {number}"
        try:
            target, label = parse_target(row["target"])
        except ParseError as exc:
            errors.append(f"{where}, kolom target: {exc}")
            target, label = None, ""
        lines.append(
            LineInput(
                subject=row["subject"],
                statement=row["statement"],
                satuan=row["satuan"],
                target=target,
                target_label=label,
                sasaran=row["sasaran"],
                node_id=_id(row["node"], f"{where}, kolom program/kegiatan rencana", errors),
                indicator_id=_id(row["indicator"], f"{where}, kolom indikator rencana", errors),
                parent_id=_id(row["parent"], f"{where}, kolom mendukung", errors),
                row_id=_id(row["row_id"], where, errors),
            )
        )
    lines_budget = []
    number = 0
    for b in budget:
        if b["hapus"] or not any(b[k] for k in ("node", "name", "amount", "target")):
            continue
        number += 1
        where = f"Anggaran baris {number}"
        amount = None
        try:
            amount = parse_money(b["amount"] or None)
        except ParseError as exc:
            errors.append(f"{where}, kolom anggaran: {exc}")
        try:
            target, label = parse_target(b["target"])
        except ParseError as exc:
            errors.append(f"{where}, kolom target keluaran: {exc}")
            target, label = None, ""
        lines_budget.append(
            BudgetInput(
                node_id=_id(b["node"], f"{where}, kolom program/kegiatan/sub kegiatan", errors),
                amount=amount,
                name=b["name"],
                satuan=b["satuan"],
                target=target,
                target_label=label,
                indicator_id=_id(b["indicator"], f"{where}, kolom indikator rencana", errors),
            )
        )
    official = Party(
        header["official_name"],
        header["official_nip"],
        header["official_pangkat"],
        header["official_golongan"],
        header["official_jabatan"],
    )
    superior = Party(
        header["superior_name"],
        header["superior_nip"],
        header["superior_pangkat"],
        header["superior_golongan"],
        header["superior_title"],
    )
    return ReadForm(data, lines, lines_budget, superior_unit_id, signed_on, official, superior)


def _count(post, name: str) -> int:
    try:
        return min(max(int(post.get(name, "0")), 0), 500)
    except ValueError:
        return 0


def _posted(post, prefix: str, i: int, names) -> dict[str, str]:
    return {name: post.get(f"{prefix}-{i}-{name}", "").strip() for name in names}
