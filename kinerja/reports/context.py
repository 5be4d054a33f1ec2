"""Everything a report of one unit and year needs, read once from the database.

The builders (``build_*``) work on this context only: they run no query, so a report is
built from one consistent snapshot, and the builders can be tested without a database."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.agreements.models import PerformanceAgreement
from kinerja.core.rollup import ComputedNode, SeriesRow, compute_tree, monthly_series
from kinerja.core.rules import Rules
from kinerja.org.models import OrgUnit
from kinerja.plans.models import (
    IndicatorRealisation,
    IndicatorTarget,
    PastResult,
    Plan,
    ReportText,
    Sasaran,
)
from kinerja.plans.selectors import compute_plan, plan_tree


@dataclass(frozen=True)
class Official:
    name: str
    nip: str = ""
    pangkat: str = ""
    golongan: str = ""
    jabatan: str = ""


@dataclass(frozen=True)
class SasaranIndicator:
    statement: str
    satuan: str
    polarity: str
    target: Decimal | str | None  # annual target of the report year
    realisation: Decimal | str | None  # realisation of the report year
    medium_term_target: Decimal | str | None
    previous: dict[int, Decimal | str | None]  # realisation of earlier years


@dataclass(frozen=True)
class SasaranInfo:
    statement: str
    program_names: str
    document: str
    indicators: tuple[SasaranIndicator, ...]


@dataclass(frozen=True)
class AgreementLine:
    subject: str
    statement: str
    satuan: str
    target: Decimal | None
    target_label: str
    node_code: str = ""  # the plan node the line is about, when linked


@dataclass(frozen=True)
class AgreementInfo:
    title: str
    unit_name: str
    eselon: str
    superior_name: str
    lines: tuple[AgreementLine, ...]
    official: Official | None = None  # pihak pertama: the head of the unit that year
    superior: Official | None = None  # pihak kedua, when the superior is a unit in Kinerja


@dataclass(frozen=True)
class ReportContext:
    government: str
    place: str  # the capital, for "Serang, 31 Desember 2020"
    unit_name: str
    unit_slug: str
    year: int
    upto_month: int
    structure: str  # program-kegiatan-sub_kegiatan | program-kegiatan-tolok_ukur
    nomenclature: str
    root: ComputedNode
    series: tuple[SeriesRow, ...]
    rules: Rules
    rules_lines: tuple[str, ...]
    head: Official | None
    texts: dict[str, str]
    sasaran: tuple[SasaranInfo, ...]
    previous_year: dict[str, Decimal]  # node name (program/kegiatan) → achievement a year before
    previous_root: ComputedNode | None  # the previous year's plan (predecessor unit), if kept
    agreements: tuple[AgreementInfo, ...]
    narratives: dict[int, tuple[str, str]]  # indicator id → (what was done, obstacles)
    generated_on: datetime.date
    meta: dict = field(default_factory=dict)

    @property
    def leaf_noun(self) -> str:
        return "tolok ukur" if self.structure.endswith("tolok_ukur") else "sub kegiatan"


def _value(target: IndicatorTarget | IndicatorRealisation | None):
    if target is None:
        return None
    return target.label or target.value


def report_context(
    unit: OrgUnit, year: int, *, upto_month: int = 12, today: datetime.date | None = None
) -> ReportContext:
    """Read the unit's plan, computations and texts for ``year`` (raises Plan.DoesNotExist)."""
    plan = Plan.objects.select_related("unit__government").get(unit=unit, year=year)
    result = compute_plan(plan, upto_month=upto_month)
    roots = plan_tree(plan)
    series = monthly_series(roots, rules=result.rules, name=unit.name)
    texts = {t.key: t.text for t in ReportText.objects.filter(unit=unit, year=year)}

    lineage = [unit.id]
    if unit.predecessor_id:
        lineage.append(unit.predecessor_id)
    sasaran = []
    for s in Sasaran.objects.filter(unit_id__in=lineage).prefetch_related(
        "indicators__targets", "indicators__realisations"
    ):
        indicators = []
        for ind in s.indicators.all():
            targets = list(ind.targets.all())
            reals = list(ind.realisations.all())

            def pick(items, source=None, y=year):
                found = [
                    t
                    for t in items
                    if t.year == y and (source is None or getattr(t, "source", None) == source)
                ]
                found.sort(key=lambda t: getattr(t, "month", 0))
                return _value(found[-1]) if found else None

            indicators.append(
                SasaranIndicator(
                    statement=ind.statement,
                    satuan=ind.satuan,
                    polarity=ind.polarity,
                    target=pick(targets, "annual"),
                    realisation=pick(reals),
                    medium_term_target=pick(targets, "medium_term")
                    or pick(targets, "medium_term", s.period_end),
                    previous={y: pick(reals, None, y) for y in range(year - 3, year)},
                )
            )
        sasaran.append(SasaranInfo(s.statement, s.program_names, s.document, tuple(indicators)))

    previous_year = {
        p.name: p.achievement for p in PastResult.objects.filter(unit_id__in=lineage, year=year - 1)
    }
    previous_root = None
    previous_plan = (
        Plan.objects.filter(unit_id__in=lineage, year=year - 1)
        .select_related("unit__government")
        .first()
    )
    if previous_plan is not None:
        previous_root = compute_tree(
            plan_tree(previous_plan), rules=result.rules, name=previous_plan.unit.name
        )

    agreements = []
    for a in (
        PerformanceAgreement.objects.filter(unit__in=_subtree(unit), year=year)
        .select_related("unit", "superior_unit")
        .prefetch_related("rows__node", "unit__heads", "superior_unit__heads")
        .order_by("unit__eselon", "id")
    ):
        agreements.append(
            AgreementInfo(
                title=a.title,
                unit_name=a.unit.name,
                eselon=a.unit.eselon,
                superior_name=a.superior_title or (a.superior_unit.name if a.superior_unit else ""),
                lines=tuple(
                    AgreementLine(
                        r.subject,
                        r.statement,
                        r.satuan,
                        r.target,
                        r.target_label,
                        r.node.code if r.node else "",
                    )
                    for r in a.rows.all()
                ),
                official=_official(a.unit, year),
                superior=_official(a.superior_unit, year) if a.superior_unit else None,
            )
        )

    narratives: dict[int, tuple[str, str]] = {}
    for ind_id, narrative, obstacles in (
        IndicatorRealisation.objects.filter(
            indicator__node__plan=plan, year=year, month__lte=upto_month
        )
        .order_by("indicator_id", "month")
        .values_list("indicator_id", "narrative", "obstacles")
    ):
        if narrative or obstacles:
            narratives[ind_id] = (narrative, obstacles)

    return ReportContext(
        government=unit.government.name,
        place=unit.government.capital,
        unit_name=unit.name,
        unit_slug=unit.slug,
        year=year,
        upto_month=upto_month,
        structure=plan.structure,
        nomenclature=plan.nomenclature,
        root=result.root,
        series=series,
        rules=result.rules,
        rules_lines=tuple(result.rules.describe()),
        head=_official(unit, year),
        texts=texts,
        sasaran=tuple(sasaran),
        previous_year=previous_year,
        previous_root=previous_root,
        agreements=tuple(agreements),
        narratives=narratives,
        generated_on=today or datetime.date.today(),
    )


def _official(unit: OrgUnit, year: int) -> Official | None:
    head = next((h for h in unit.heads.all() if h.year == year), None)
    if head is None:
        return None
    return Official(head.name, head.nip, head.pangkat, head.golongan, head.jabatan)


def _subtree(unit: OrgUnit) -> list[OrgUnit]:
    units = list(OrgUnit.objects.filter(government=unit.government))
    children: dict[int | None, list[OrgUnit]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u)
    out, stack = [], [unit]
    while stack:
        u = stack.pop()
        out.append(u)
        stack.extend(children.get(u.id, []))
    return out
