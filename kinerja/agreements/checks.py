"""Checks of the Perjanjian Kinerja of a unit and the units under it for a year, as pure
functions over plain data. They return findings (``kinerja.core.validation.Finding``: code,
where, message, expected, found, severity), never raise.

Included, each with its finding code and severity:
- cascade (``check_cascade``):
  ``pk_no_parent`` (error): a line of an agreement whose superior has an agreement in force
  supports none of the superior's lines; ``pk_parent_not_superior`` (error): it points to a
  line that is not in the superior's agreement in force (another unit's, or a line removed
  by a revision); ``pk_no_children`` (warning): a line of an agreement whose sub-units have
  agreements is supported by none of their lines;
- targets (``check_targets``): ``pk_target_mismatch`` (error): a target in the agreement (of
  an indicator line, or the output target of an anggaran line) differs from the plan's
  annual target of the same indicator; ``pk_satuan_mismatch`` (warning): the satuan differs;
  ``pk_plan_target_missing`` (warning): the plan has no target to compare with;
- anggaran (``check_budget``): ``pk_budget_mismatch`` (error): an anggaran line differs from
  the pagu the plan holds for its node (the sum of its leaves, DPPA where in force);
  ``pk_budget_node_missing`` (error): the node is no longer in the plan;
  ``pk_budget_unlinked`` (warning): the line is not linked to a node of the plan;
- coverage (``check_unassigned``): ``pk_unassigned_leaf`` (error): a sub kegiatan (tolok ukur)
  with pagu above zero appears in nobody's agreement: no anggaran line and no indicator line
  is about it or about its kegiatan;
- ``pk_missing`` (warning, ``check_missing``): a unit with an eselon has no agreement in
  force for the year.

Not included: whether a target is ambitious enough, signatures, the workflow of signing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.numbers import fmt_money, fmt_number
from kinerja.core.tree import level_name
from kinerja.core.validation import Finding

from .domain import AgreementDoc, BudgetLine, Line, target_text

ERROR = "error"
WARNING = "warning"
SEP = " › "


@dataclass(frozen=True)
class NodeFact:
    """A node of a plan with the pagu in force (a parent's is the sum of its leaves)."""

    id: int
    code: str
    name: str
    level: str
    parent_id: int | None
    pagu: Decimal
    is_leaf: bool


@dataclass(frozen=True)
class IndicatorFact:
    """A plan indicator and its annual target for the year (value, range or label)."""

    id: int
    statement: str
    satuan: str = ""
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    label: str = ""

    @property
    def has_target(self) -> bool:
        return self.value is not None or bool(self.label) or self.low is not None

    @property
    def target_text(self) -> str:
        if self.value is None and not self.label and self.low is not None:
            return f"{fmt_number(self.low)}–{fmt_number(self.high)} {self.satuan}".strip()
        return target_text(self.value, self.label, self.satuan)


@dataclass(frozen=True)
class UnitFact:
    id: int
    name: str
    eselon: str = ""


@dataclass(frozen=True)
class CheckInput:
    """What the checks of one scope (a unit and the units under it, one year) read.

    ``agreements``: the agreements in force of the units in scope; ``superiors``: those of
    the superiors outside the scope, only to resolve cascade links; ``nodes``: every node the
    agreements refer to and every node of the scope's plans; ``leaves``: the leaves of the
    scope's plans; ``indicators``: the plan indicators the agreements refer to."""

    year: int
    units: tuple[UnitFact, ...] = ()
    agreements: tuple[AgreementDoc, ...] = ()
    superiors: tuple[AgreementDoc, ...] = ()
    nodes: Mapping[int, NodeFact] = field(default_factory=dict)
    leaves: tuple[NodeFact, ...] = ()
    indicators: Mapping[int, IndicatorFact] = field(default_factory=dict)


def run_checks(data: CheckInput) -> list[Finding]:
    """Every check: the errors first, then the warnings, each in the order of the
    functions below."""
    findings = [
        *check_missing(data.units, data.agreements, data.year),
        *check_cascade(data.agreements, superiors=data.superiors),
        *check_targets(data.agreements, data.indicators),
        *check_budget(data.agreements, data.nodes),
        *check_unassigned(data.agreements, data.leaves),
    ]
    return sorted(findings, key=lambda f: f.severity != ERROR)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def _where(doc: AgreementDoc, *parts: str) -> str:
    return SEP.join((f"{doc.unit_name} (PK versi {doc.version})", *parts))


def _line_label(line: Line) -> str:
    return f"indikator {line.position + 1}: {line.statement}"


def _budget_label(line: BudgetLine) -> str:
    return f"anggaran: {line.code} {line.name}".replace("  ", " ").strip()


# --- presence ------------------------------------------------------------------------


def check_missing(
    units: Sequence[UnitFact], agreements: Sequence[AgreementDoc], year: int
) -> list[Finding]:
    have = {doc.unit_id for doc in agreements}
    return [
        Finding(
            "pk_missing",
            u.name,
            f"Unit eselon {u.eselon} belum punya perjanjian kinerja yang berlaku tahun {year}.",
            "perjanjian kinerja",
            "tidak ada",
            WARNING,
        )
        for u in units
        if u.eselon and u.id not in have
    ]


# --- cascade -------------------------------------------------------------------------


def check_cascade(
    agreements: Sequence[AgreementDoc], *, superiors: Sequence[AgreementDoc] = ()
) -> list[Finding]:
    by_unit = {doc.unit_id: doc for doc in (*superiors, *agreements)}
    children: dict[int, set[int]] = {}
    has_subs = set()
    for doc in agreements:
        if doc.superior_unit_id is not None:
            has_subs.add(doc.superior_unit_id)
        for line in doc.lines:
            if line.parent_key is not None:
                children.setdefault(line.parent_key, set()).add(line.key)
    findings = []
    for doc in agreements:
        superior = by_unit.get(doc.superior_unit_id) if doc.superior_unit_id else None
        superior_keys = {line.key for line in superior.lines} if superior else set()
        for line in doc.lines:
            where = _where(doc, _line_label(line))
            if superior is not None:
                if line.parent_key is None:
                    findings.append(
                        Finding(
                            "pk_no_parent",
                            where,
                            "Indikator ini tidak terhubung ke indikator mana pun dalam PK "
                            f"atasannya ({superior.unit_name}).",
                            f"mendukung salah satu dari {len(superior.lines)} indikator PK "
                            "atasan",
                            "tidak terhubung",
                        )
                    )
                elif line.parent_key not in superior_keys:
                    findings.append(
                        Finding(
                            "pk_parent_not_superior",
                            where,
                            "Indikator ini terhubung ke indikator yang bukan milik PK atasan "
                            f"yang berlaku ({superior.unit_name}).",
                            "indikator PK atasan yang berlaku",
                            f"baris #{line.parent_key}",
                        )
                    )
            if doc.unit_id in has_subs and not children.get(line.key):
                findings.append(
                    Finding(
                        "pk_no_children",
                        where,
                        "Tidak ada indikator PK bawahan yang mendukung indikator ini.",
                        "minimal satu indikator bawahan",
                        "tidak ada",
                        WARNING,
                    )
                )
    return findings


# --- targets -------------------------------------------------------------------------


def same_target(number: Decimal | None, label: str, plan: IndicatorFact) -> bool:
    """Whether a target of the agreement (a number, or a label) is the plan's."""
    if plan.value is not None:
        return number is not None and number == plan.value
    if plan.label:
        return number is None and label.strip().casefold() == plan.label.strip().casefold()
    # a range: the agreement must state the same range as a label "a–b"
    wanted = f"{fmt_number(plan.low)}–{fmt_number(plan.high)}"
    return number is None and label.replace("-", "–").replace(" ", "") == wanted


def check_targets(
    agreements: Sequence[AgreementDoc], indicators: Mapping[int, IndicatorFact]
) -> list[Finding]:
    findings = []
    for doc in agreements:
        items: list[tuple[str, Line | BudgetLine]] = [
            (_line_label(line), line) for line in doc.lines
        ]
        items += [(_budget_label(b), b) for b in doc.budget if b.has_target]
        for label, item in items:
            if item.indicator_id is None:
                continue
            plan = indicators.get(item.indicator_id)
            if plan is None:
                continue
            where = _where(doc, label)
            if item.target is None and not item.target_label:
                continue
            if not plan.has_target:
                findings.append(
                    Finding(
                        "pk_plan_target_missing",
                        where,
                        f"Indikator rencana «{plan.statement}» belum punya target tahunan "
                        "untuk dibandingkan.",
                        item.target_text,
                        "–",
                        WARNING,
                    )
                )
            elif not same_target(item.target, item.target_label, plan):
                findings.append(
                    Finding(
                        "pk_target_mismatch",
                        where,
                        f"Target di PK berbeda dengan target rencana untuk indikator "
                        f"«{plan.statement}».",
                        plan.target_text,
                        item.target_text,
                    )
                )
            if (
                item.satuan
                and plan.satuan
                and item.satuan.strip().casefold() != plan.satuan.strip().casefold()
            ):
                findings.append(
                    Finding(
                        "pk_satuan_mismatch",
                        where,
                        f"Satuan di PK berbeda dengan satuan indikator rencana «{plan.statement}».",
                        plan.satuan,
                        item.satuan,
                        WARNING,
                    )
                )
    return findings


# --- anggaran ------------------------------------------------------------------------


def check_budget(
    agreements: Sequence[AgreementDoc], nodes: Mapping[int, NodeFact]
) -> list[Finding]:
    findings = []
    for doc in agreements:
        for b in doc.budget:
            where = _where(doc, _budget_label(b))
            if b.node_id is None:
                findings.append(
                    Finding(
                        "pk_budget_unlinked",
                        where,
                        "Baris anggaran tidak terhubung ke program/kegiatan/sub kegiatan "
                        "rencana, jadi tidak dapat dibandingkan.",
                        "terhubung ke rencana",
                        "tidak terhubung",
                        WARNING,
                    )
                )
                continue
            node = nodes.get(b.node_id)
            if node is None:
                findings.append(
                    Finding(
                        "pk_budget_node_missing",
                        where,
                        "Program/kegiatan/sub kegiatan baris anggaran ini tidak ada lagi di "
                        "rencana.",
                        "ada di rencana",
                        "tidak ada",
                    )
                )
                continue
            if b.amount is None or b.amount != node.pagu:
                findings.append(
                    Finding(
                        "pk_budget_mismatch",
                        where,
                        f"Anggaran di PK berbeda dengan pagu {level_name(node.level)} "
                        f"{node.code} di rencana.",
                        fmt_money(node.pagu),
                        fmt_money(b.amount),
                    )
                )
    return findings


# --- coverage ------------------------------------------------------------------------


def check_unassigned(
    agreements: Sequence[AgreementDoc], leaves: Sequence[NodeFact]
) -> list[Finding]:
    covered: set[int] = set()
    for doc in agreements:
        covered.update(line.node_id for line in doc.lines if line.node_id is not None)
        covered.update(b.node_id for b in doc.budget if b.node_id is not None)
    findings = []
    for leaf in leaves:
        if leaf.pagu <= 0 or leaf.id in covered or leaf.parent_id in covered:
            continue
        findings.append(
            Finding(
                "pk_unassigned_leaf",
                f"{leaf.code} {leaf.name}",
                f"{level_name(leaf.level).capitalize()} berpagu ini tidak ada di perjanjian "
                "kinerja siapa pun (baik dirinya maupun kegiatannya).",
                "ada di PK seorang pejabat",
                f"pagu {fmt_money(leaf.pagu)}, tanpa PK",
            )
        )
    return findings


# --- plan figures --------------------------------------------------------------------


@dataclass(frozen=True)
class NodeRow:
    """A plan node as read from the database: ``pagu`` is the leaf's pagu in force."""

    id: int
    code: str
    name: str
    level: str
    parent_id: int | None
    pagu: Decimal | None


def node_facts(rows: Iterable[NodeRow]) -> dict[int, NodeFact]:
    """Every node with the pagu in force: a leaf's own (None counts as 0), a parent's the
    sum of its leaves."""
    rows = list(rows)
    kids: dict[int | None, list[NodeRow]] = {}
    for r in rows:
        kids.setdefault(r.parent_id, []).append(r)
    totals: dict[int, Decimal] = {}

    def total(r: NodeRow) -> Decimal:
        if r.id not in totals:
            children = kids.get(r.id)
            if children:
                totals[r.id] = sum((total(c) for c in children), Decimal(0))
            else:
                totals[r.id] = r.pagu if r.pagu is not None else Decimal(0)
        return totals[r.id]

    return {
        r.id: NodeFact(r.id, r.code, r.name, r.level, r.parent_id, total(r), r.id not in kids)
        for r in rows
    }
