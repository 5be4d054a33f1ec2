"""Everything a report of one unit and year needs, read once from the database.

The builders (``build_*``) work on this context only: they run no query, so a report is
built from one consistent snapshot, and the builders can be tested without a database.

Where the data comes from:

- the Perjanjian Kinerja: ``kinerja.agreements.selectors.agreements_in_force``, the version
  in force on ``agreements_date`` (a PK perubahan signed later is not yet the agreement);
- the previous year (Tabel 8.2): ``kinerja.multiyear.selectors.year_comparison`` (last year's
  plan of the unit or of its predecessor, else the recorded results);
- the medium-term plan (Tabel 8.3, the sasaran of the LKjIP and the Renja form):
  ``kinerja.multiyear.selectors.medium_term_progress``.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.agreements.domain import AgreementDoc, Party
from kinerja.agreements.models import PerformanceAgreement
from kinerja.agreements.selectors import agreement_version, agreements_in_force
from kinerja.agreements.selectors import subtree as agreement_units
from kinerja.core.achievement import Target
from kinerja.core.numbers import fmt_number
from kinerja.core.rollup import ComputedNode, SeriesRow, monthly_series
from kinerja.core.rules import Rules
from kinerja.multiyear import compute as multiyear_compute
from kinerja.multiyear.selectors import (
    MediumTermView,
    YearComparison,
    medium_term_progress,
    year_comparison,
)
from kinerja.org.models import OrgUnit
from kinerja.plans.models import IndicatorRealisation, IndicatorTarget, Plan, ReportText
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
    medium_term_target: Decimal | str | None  # the Renstra's target for the report year
    previous: dict[int, Decimal | str | None]  # realisation of earlier years
    # this year against this year's medium-term target and the period so far against the
    # end target (``multiyear.selectors.medium_term_progress``)
    progress: multiyear_compute.Progress | None = None
    end_target: Decimal | str | None = None  # the end-of-period target, when defined
    # realisation from the period's start up to the year before the report year
    to_date_before: multiyear_compute.ToDate | None = None


@dataclass(frozen=True)
class RenstraFigures:
    """What the Renstra says of one indicator of this year's plan (a program or kegiatan
    indicator of ``multiyear.ProgramIndicator``): the end-of-period target, the realisation
    from the period's start to last year, and this year's progress."""

    statement: str
    end_target: Decimal | str | None
    to_date_before: multiyear_compute.ToDate | None
    progress: multiyear_compute.Progress


@dataclass(frozen=True)
class SasaranInfo:
    statement: str
    program_names: str  # the programs that serve it, separated by "; "
    document: str
    indicators: tuple[SasaranIndicator, ...]
    code: str = ""  # SS-01, when placed in a document
    programs: tuple[str, ...] = ()  # the names of the programs that serve it


@dataclass(frozen=True)
class AgreementLine:
    subject: str
    statement: str
    satuan: str
    target: Decimal | None
    target_label: str
    node_code: str = ""  # the plan node the line is about, when linked


@dataclass(frozen=True)
class AgreementBudget:
    """A program / kegiatan / sub kegiatan of the agreement with its anggaran. ``level`` 1:
    listed under another line of the agreement (a sub kegiatan under its kegiatan)."""

    code: str
    name: str
    amount: Decimal | None
    level: int = 0


@dataclass(frozen=True)
class AgreementInfo:
    """One Perjanjian Kinerja as the report prints it: the version in force."""

    title: str
    unit_name: str
    eselon: str
    superior_name: str
    lines: tuple[AgreementLine, ...]
    official: Official | None = None  # pihak pertama, as the version names them
    superior: Official | None = None  # pihak kedua, when the version names them
    agreement_id: int | None = None
    unit_slug: str = ""
    version: int = 1
    signed_on: datetime.date | None = None
    reason: str = ""  # why the PK was revised (PK perubahan)
    budget: tuple[AgreementBudget, ...] = ()
    budget_total: Decimal | None = None  # the lines not under another line, added up

    @property
    def kind(self) -> str:
        return "PK awal" if self.version == 1 else f"PK perubahan ke-{self.version - 1}"


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
    comparison: YearComparison | None  # Tabel 8.2: this year against the year before
    medium_term: MediumTermView | None  # Tabel 8.3: against the medium-term plan
    agreements: tuple[AgreementInfo, ...]
    narratives: dict[int, tuple[str, str]]  # indicator id → (what was done, obstacles)
    generated_on: datetime.date
    meta: dict = field(default_factory=dict)
    agreements_on: datetime.date | None = None  # the date whose PK versions are printed
    # plan indicator id → the Renstra's figures of that program / kegiatan indicator
    renstra: dict[int, RenstraFigures] = field(default_factory=dict)
    # the PK of one official only (``agreement=`` of ``report_context``): its unit
    agreement_unit: tuple[str, str] | None = None  # (slug, name)

    @property
    def leaf_noun(self) -> str:
        return "tolok ukur" if self.structure.endswith("tolok_ukur") else "sub kegiatan"


def agreements_date(year: int, upto_month: int = 12) -> datetime.date:
    """The date whose Perjanjian Kinerja versions a report prints: the last day of the period
    the report covers, 31 December for the year (the agreements selector's and pages' own
    default) or the month's last day for a report up to a month. A PK perubahan signed
    after that date was not in force for what the report states (its targets are not those
    of the period reported); one signed on or before it replaces the earlier version. The
    day the report is made plays no part: the agreements service keeps every version's date
    no later than 31 December of its year, so a year's report made later prints the version
    in force at the year's end."""
    last_day = calendar.monthrange(year, upto_month)[1]
    return datetime.date(year, upto_month, last_day)


def report_context(
    unit: OrgUnit,
    year: int,
    *,
    upto_month: int = 12,
    today: datetime.date | None = None,
    agreements_on: datetime.date | None = None,
    agreement: PerformanceAgreement | None = None,
    agreement_number: int | None = None,
) -> ReportContext:
    """Read the unit's plan, computations and texts for ``year`` (raises Plan.DoesNotExist).

    The Perjanjian Kinerja are those of the unit and the units under it in force on
    ``agreements_on`` (default: ``agreements_date``). ``agreement``: only that one (the PK
    of one official, whose unit works on ``unit``'s plan), in force on that date or, with
    ``agreement_number``, that version of it."""
    plan = Plan.objects.select_related("unit__government").get(unit=unit, year=year)
    roots = plan_tree(plan)
    result = compute_plan(plan, upto_month=upto_month, roots=roots)
    series = monthly_series(roots, rules=result.rules, name=unit.name)
    texts = {t.key: t.text for t in ReportText.objects.filter(unit=unit, year=year)}
    generated_on = today or datetime.date.today()
    on = agreements_on or agreements_date(year, upto_month)

    medium_term = medium_term_progress(unit, year)
    comparison = year_comparison(unit, year, upto_month=upto_month)

    if agreement is not None:
        if agreement_number is not None:
            doc = agreement_version(agreement, agreement_number)
            docs = [doc] if doc is not None else []
        else:
            docs = agreements_in_force([agreement.unit], agreement.year, on)
        agreement_unit = (agreement.unit.slug, agreement.unit.name)
    else:
        docs = agreements_in_force(agreement_units(unit, year), year, on)
        agreement_unit = None

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
        sasaran=_sasaran(medium_term, year),
        comparison=comparison,
        medium_term=medium_term,
        agreements=tuple(agreement_info(d) for d in docs),
        narratives=narratives,
        generated_on=generated_on,
        agreements_on=on,
        agreement_unit=agreement_unit,
        renstra=_renstra(medium_term, year),
    )


def target_value(target: Target | None) -> Decimal | str | None:
    """A target as the report tables print it: its label, its number, or its range."""
    if target is None:
        return None
    if target.label:
        return target.label
    if target.value is not None:
        return target.value
    if target.low is not None and target.high is not None:
        return f"{fmt_number(target.low)}–{fmt_number(target.high)}"
    return None


def _sasaran(view: MediumTermView, year: int) -> tuple[SasaranInfo, ...]:
    """The sasaran strategis of the unit (and its predecessors) whose period covers ``year``,
    with their annual targets (Renja/PK) beside what the medium-term plan gives."""
    ids = [i.id for s in view.sasaran for i in s.indicators]
    annual = {
        t.indicator_id: Target(value=t.value, low=t.low, high=t.high, label=t.label or None)
        for t in IndicatorTarget.objects.filter(
            indicator_id__in=ids, year=year, source="annual", period_kind="year"
        )
    }
    out = []
    for s in view.sasaran:
        indicators = []
        for ind in s.indicators:
            progress = ind.progress
            realisations = dict(ind.realisations)
            before = multiyear_compute.realisation_to_date(
                ind.spec, realisations, s.period_start, year - 1, s.period_end
            )
            indicators.append(
                SasaranIndicator(
                    statement=ind.statement,
                    satuan=ind.satuan,
                    polarity=ind.polarity,
                    target=target_value(annual.get(ind.id)),
                    realisation=progress.year_realisation,
                    medium_term_target=target_value(progress.year_target),
                    previous={y: realisations.get(y) for y in range(year - 3, year)},
                    progress=progress,
                    end_target=target_value(progress.end.target),
                    to_date_before=before if year - 1 >= s.period_start else None,
                )
            )
        out.append(
            SasaranInfo(
                s.statement,
                "; ".join(s.programs),
                s.document,
                tuple(indicators),
                s.code,
                tuple(s.programs),
            )
        )
    return tuple(out)


def _renstra(view: MediumTermView, year: int) -> dict[int, RenstraFigures]:
    """The Renstra's program and kegiatan indicators tied to an indicator of this year's
    plan, by that indicator's id."""
    out = {}
    for line in view.programs:
        if line.indicator_id is None:
            continue
        start, end = line.document.period_start, line.document.period_end
        before = None
        if year - 1 >= start:
            before = multiyear_compute.realisation_to_date(
                line.spec, dict(line.realisations), start, year - 1, end
            )
        out[line.indicator_id] = RenstraFigures(
            line.statement, target_value(line.progress.end.target), before, line.progress
        )
    return out


def _person(party: Party) -> Official | None:
    if not party.name:
        return None
    return Official(party.name, party.nip, party.pangkat, party.golongan, party.jabatan)


def agreement_info(doc: AgreementDoc) -> AgreementInfo:
    """The report's view of one version of an agreement."""
    listed = [b.code for b in doc.budget if b.code]
    budget = tuple(
        AgreementBudget(
            b.code,
            b.name,
            b.amount,
            1 if b.code and any(b.code.startswith(c + ".") for c in listed) else 0,
        )
        for b in doc.budget
    )
    return AgreementInfo(
        title=doc.title,
        unit_name=doc.unit_name,
        eselon=doc.eselon,
        superior_name=doc.superior_title or doc.superior_unit_name,
        lines=tuple(
            AgreementLine(x.subject, x.statement, x.satuan, x.target, x.target_label, x.node_code)
            for x in doc.lines
        ),
        official=_person(doc.official),
        superior=_person(doc.superior),
        agreement_id=doc.agreement_id,
        unit_slug=doc.unit_slug,
        version=doc.version,
        signed_on=doc.signed_on,
        reason=doc.reason,
        budget=budget,
        budget_total=doc.budget_total if doc.budget else None,
    )


def _official(unit: OrgUnit, year: int) -> Official | None:
    head = next((h for h in unit.heads.all() if h.year == year), None)
    if head is None:
        return None
    return Official(head.name, head.nip, head.pangkat, head.golongan, head.jabatan)
