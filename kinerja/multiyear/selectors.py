"""Reads over several years, for the pages and the reports (Tabel 8.2 and 8.3).

The two entry points for the reports:

- ``year_comparison(unit, year)``: every program, kegiatan and leaf of the unit's plan for
  ``year`` with its achievement now and a year before, and every indicator with its target,
  realisation and achievement now and a year before, the trend and a warning when the target
  asks less than last year's realisation (Tabel 8.2). Last year comes from the plan of
  ``year - 1`` of the unit or, when it has none, of its predecessor (a merged or renamed unit),
  rows paired by code carried through the mapping between the two nomenclature versions, then
  by name; the rows still unpaired are looked for in the plans of ``year - 1`` of other units
  merged into this plan (``Plan.merged_from``, written by ``copy_year --merge``), each row
  saying which unit's plan it came from; where no stored plan holds a row, the achievement
  recorded in ``PastResult`` is used.
- ``medium_term_progress(unit, year)``: every sasaran strategis of the unit (and of its
  predecessors) whose period covers ``year``, with its document, tujuan, programs of that year
  and indicators: the yearly medium-term targets, realisations, end target, this year against
  this year's target and the realisation to date against the end target (Tabel 8.3 and the
  Permendagri 86/2017 evaluation form); and, in ``programs``, the same for the program and
  kegiatan indicators the unit's Renstra gives yearly targets (``ProgramIndicator``), each
  tied to the year's plan indicator by code (carried through the mapping table) and statement.
- ``target_warning(indicator)``: the Tabel 8.2 warning of one plan indicator, for the editor.

Both read in a fixed number of queries whatever the plan's size (a few more per merged plan)
and return frozen dataclasses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from kinerja.core.achievement import Achievement, IndicatorSpec, Target, realisation_upto
from kinerja.core.rules import Rules
from kinerja.org.models import OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    PastResult,
    Plan,
    PlanNode,
    Sasaran,
)
from kinerja.plans.selectors import compute_plan

from . import compute
from .compute import CodeChange, Trend, Value
from .ikm import ElementInput, SurveyComputed, compute_survey
from .models import (
    CodeMapping,
    EndTarget,
    IkmSurvey,
    MediumTermPlan,
    ProgramIndicator,
    ProgramIndicatorTarget,
    SasaranProgram,
)

# --- units over the years ------------------------------------------------------------------


def lineage(unit: OrgUnit) -> list[OrgUnit]:
    """The unit, its predecessor, that one's predecessor… (a merged or renamed unit keeps
    its history through ``OrgUnit.predecessor``)."""
    chain, seen = [], set()
    current: OrgUnit | None = unit
    while current is not None and current.id not in seen:
        chain.append(current)
        seen.add(current.id)
        current = current.predecessor
    return chain


def unit_in_year(unit: OrgUnit, year: int) -> tuple[OrgUnit | None, str]:
    """The unit that carries ``unit``'s work in ``year``: itself when it exists then, else
    its only successor existing then (followed through renames and merges). Returns
    ``(unit or None, reason in Indonesian when None)``."""
    if unit.exists_in(year):
        return unit, ""
    frontier, seen = [unit], {unit.id}
    while frontier:
        found, following = [], []
        for u in frontier:
            for s in OrgUnit.objects.filter(predecessor=u):
                if s.id in seen:
                    continue
                seen.add(s.id)
                (found if s.exists_in(year) else following).append(s)
        if len(found) == 1:
            return found[0], ""
        if len(found) > 1:
            names = ", ".join(sorted(u.name for u in found))
            return None, (
                f"{unit.name} punya lebih dari satu penerus pada tahun {year} ({names}):"
                " sebutkan unit tujuan"
            )
        frontier = following
    return None, f"{unit.name} dan penerusnya tidak ada pada tahun {year}"


def _with_ancestors(units: list[OrgUnit]) -> set[int]:
    """The ids of the units and of every unit above them (a biro's Renstra may be its
    Sekretariat Daerah's)."""
    by_id = {u.id: u for u in OrgUnit.objects.filter(government_id=units[0].government_id)}
    ids: set[int] = set()
    for u in units:
        current = by_id.get(u.id)
        while current is not None and current.id not in ids:
            ids.add(current.id)
            current = by_id.get(current.parent_id)
    return ids


def plan_of_lineage(unit: OrgUnit, year: int) -> Plan | None:
    """The plan for ``year`` of the unit or, when it has none, of its nearest predecessor."""
    chain = lineage(unit)
    plans = {
        p.unit_id: p
        for p in Plan.objects.filter(unit__in=chain, year=year).select_related("unit__government")
    }
    return next((plans[u.id] for u in chain if u.id in plans), None)


# --- nomenclature versions -----------------------------------------------------------------


def version_key(text: str) -> str:
    """A nomenclature version name compared loosely: case, blanks and punctuation ignored
    (``"Permendagri 90/2019"`` = ``"permendagri 90 / 2019"``)."""
    return re.sub(r"[^0-9a-z]+", "-", text.strip().casefold()).strip("-")


def code_mapping(old_version: str, new_version: str) -> dict[str, CodeChange]:
    """The mapping table from one version to another; empty when they are the same version
    or no table is stored."""
    old, new = version_key(old_version), version_key(new_version)
    if old == new:
        return {}
    pairs = [
        (a, b)
        for a, b in CodeMapping.objects.values_list("old_version", "new_version").distinct()
        if version_key(a) == old and version_key(b) == new
    ]
    mapping: dict[str, CodeChange] = {}
    for a, b in pairs:
        for old_code, new_code, new_name in CodeMapping.objects.filter(
            old_version=a, new_version=b
        ).values_list("old_code", "new_code", "new_name"):
            mapping[old_code] = CodeChange(new_code, new_name)
    return mapping


# --- Tabel 8.2: the previous year ----------------------------------------------------------


@dataclass(frozen=True)
class IndicatorComparison:
    statement: str
    satuan: str
    polarity: str
    target: Target | None
    realisation: Value
    achievement: Achievement
    previous_statement: str
    previous_target: Target | None
    previous_realisation: Value
    previous_achievement: Achievement | None
    matched_by: str  # pernyataan | satu-satunya | "" (no counterpart)
    value_trend: Trend  # the realisation, polarity-aware
    achievement_trend: Trend  # the capped achievement (higher is better)
    warning: str | None  # target below last year's realisation


@dataclass(frozen=True)
class NodeComparison:
    level: str
    code: str
    name: str
    depth: int  # 0 program, 1 kegiatan, 2 leaf
    achievement: Decimal | None  # capped, as the plan's tables show it
    previous_achievement: Decimal | None
    previous_code: str
    previous_name: str
    matched_by: str  # kode | kode dipetakan | nama | capaian tercatat | "" (none)
    trend: Trend
    indicators: tuple[IndicatorComparison, ...]
    # the unit whose plan gave last year's row when it is a plan merged into this one
    # (``Plan.merged_from``), not the recorded predecessor's
    merged_from: str = ""


@dataclass(frozen=True)
class YearComparison:
    unit: OrgUnit
    year: int
    previous_year: int
    source: str  # plan | past | none: where last year comes from
    previous_unit: OrgUnit | None  # the unit whose plan (or recorded results) was used
    nomenclature: str
    previous_nomenclature: str
    mapping_rows: int  # rows of the mapping table between the two versions
    rows: tuple[NodeComparison, ...]
    warnings: tuple[str, ...] = field(default=())
    merged_units: tuple[OrgUnit, ...] = ()  # units whose last-year plans were merged in

    @property
    def programs(self) -> tuple[NodeComparison, ...]:
        return tuple(r for r in self.rows if r.level == "program")

    def find(self, code: str) -> NodeComparison | None:
        return next((r for r in self.rows if r.code == code), None)


def _walk(node, depth=-1):
    if depth >= 0:
        yield depth, node
    for child in node.children:
        yield from _walk(child, depth + 1)


def _target_of(result) -> Target | None:
    return result.indicator.target


def year_comparison(unit: OrgUnit, year: int, *, upto_month: int = 12) -> YearComparison:
    """The plan of ``unit`` for ``year`` compared with the year before (see the module
    documentation). Raises ``Plan.DoesNotExist`` when the unit has no plan for ``year``."""
    plan = Plan.objects.select_related("unit__government").get(unit=unit, year=year)
    now = compute_plan(plan, upto_month=upto_month)
    own = plan_of_lineage(unit, year - 1)
    merged = [
        p
        for p in plan.merged_from.select_related("unit").order_by("unit__name", "id")
        if p.year == year - 1 and (own is None or p.id != own.id)
    ]
    sources = ([own] if own else []) + merged
    previous_plan = sources[0] if sources else None
    mapping = code_mapping(previous_plan.nomenclature, plan.nomenclature) if previous_plan else {}
    rows_now = list(_walk(now.root))
    # last year's row of each row now: (computed node, how, unit name when merged in); the
    # unit's (or its predecessor's) plan first, then each merged plan for the rows unpaired
    previous: dict[str, tuple] = {}
    for source_plan in sources:
        before = compute_plan(source_plan)
        nodes = {n.code: n for _d, n in _walk(before.root)}
        unpaired = [(n.code, n.name, n.level) for _d, n in rows_now if n.code not in previous]
        found = compute.match_nodes(
            unpaired,
            [(n.code, n.name, n.level) for n in nodes.values()],
            mapping
            if source_plan is previous_plan
            else code_mapping(source_plan.nomenclature, plan.nomenclature),
        )
        via = "" if source_plan is own else source_plan.unit.name
        for code, (prev_code, how) in found.items():
            previous[code] = (nodes[prev_code], how, via)
    chain = lineage(unit)
    past = list(PastResult.objects.filter(unit__in=chain, year=year - 1).select_related("unit"))
    past_by_code = {p.code: p for p in past if p.code}
    past_by_name = {(compute.name_key(p.name), compute.DEPTH.get(p.level)): p for p in past}
    source = "plan" if previous_plan else ("past" if past else "none")
    previous_unit = previous_plan.unit if previous_plan else (past[0].unit if past else None)

    rows, warnings = [], []
    for depth, node in rows_now:
        prev_node, how, via = previous.get(node.code, (None, "", ""))
        prev_ach = prev_node.achievement.value if prev_node else None
        prev_code, prev_name = (prev_node.code, prev_node.name) if prev_node else ("", "")
        if prev_node is None:
            recorded = past_by_code.get(node.code) or past_by_name.get(
                (compute.name_key(node.name), depth)
            )
            if recorded is not None:
                prev_ach, how = recorded.achievement, "capaian tercatat"
                prev_code, prev_name = recorded.code, recorded.name
        indicators = _compare_indicators(node, prev_node, year)
        for ind in indicators:
            if ind.warning:
                warnings.append(f"{node.code} {node.name} — {ind.statement}: {ind.warning}")
        rows.append(
            NodeComparison(
                level=node.level,
                code=node.code,
                name=node.name,
                depth=depth,
                achievement=node.achievement.value,
                previous_achievement=prev_ach,
                previous_code=prev_code,
                previous_name=prev_name,
                matched_by=how,
                trend=compute.trend(node.achievement.value, prev_ach),
                indicators=indicators,
                merged_from=via,
            )
        )
    return YearComparison(
        unit=unit,
        year=year,
        previous_year=year - 1,
        source=source,
        previous_unit=previous_unit,
        nomenclature=plan.nomenclature,
        previous_nomenclature=previous_plan.nomenclature if previous_plan else "",
        mapping_rows=len(mapping),
        rows=tuple(rows),
        warnings=tuple(warnings),
        merged_units=tuple(p.unit for p in merged),
    )


def _compare_indicators(node, prev_node, year: int) -> tuple[IndicatorComparison, ...]:
    prev_results = {id(r): r for r in prev_node.indicators} if prev_node else {}
    pairs = compute.match_indicators(
        [(id(r), r.indicator.statement, r.indicator.satuan) for r in node.indicators],
        [(key, r.indicator.statement, r.indicator.satuan) for key, r in prev_results.items()],
    )
    out = []
    for r in node.indicators:
        spec = r.indicator.spec
        hit = pairs.get(id(r))
        p = prev_results[hit[0]] if hit else None
        prev_real = p.realisation if p else None
        out.append(
            IndicatorComparison(
                statement=r.indicator.statement,
                satuan=r.indicator.satuan,
                polarity=spec.polarity,
                target=_target_of(r),
                realisation=r.realisation,
                achievement=r.achievement,
                previous_statement=p.indicator.statement if p else "",
                previous_target=_target_of(p) if p else None,
                previous_realisation=prev_real,
                previous_achievement=p.achievement if p else None,
                matched_by=hit[1] if hit else "",
                value_trend=compute.trend(r.realisation, prev_real, spec.polarity, spec.levels),
                achievement_trend=compute.trend(
                    r.achievement.capped, p.achievement.capped if p else None
                ),
                warning=compute.target_below_previous(
                    spec, _target_of(r), prev_real, year=year, previous_year=year - 1
                ),
            )
        )
    return tuple(out)


def target_warning(indicator: Indicator) -> str | None:
    """The warning of Tabel 8.2 for one indicator of a year's plan, for the plan editor: its
    annual target asks less than what the same indicator realised the year before (node
    paired by code, carried through the mapping table, then by name; indicator by statement
    or as the only one with the same satuan, as ``year_comparison`` pairs them). None when
    there is no target, no previous year or nothing to warn about. A few queries."""
    if indicator.node_id is None:
        return None
    node = indicator.node
    plan = node.plan
    year = plan.year
    target_row = IndicatorTarget.objects.filter(
        indicator=indicator, source="annual", year=year, period_kind="year", period_index=0
    ).first()
    if target_row is None:
        return None
    previous_plan = plan_of_lineage(plan.unit, year - 1)
    if previous_plan is None:
        return None
    mapping = code_mapping(previous_plan.nomenclature, plan.nomenclature)
    previous_nodes = list(
        PlanNode.objects.filter(plan=previous_plan).values_list("id", "code", "name", "level")
    )
    matches = compute.match_nodes(
        [(node.code, node.name, node.level)],
        [(code, name, level) for _id, code, name, level in previous_nodes],
        mapping,
    )
    if node.code not in matches:
        return None
    previous_code = matches[node.code][0]
    previous_id = next(i for i, code, _n, _l in previous_nodes if code == previous_code)
    siblings = list(Indicator.objects.filter(node_id=indicator.node_id).order_by("position", "id"))
    previous = list(Indicator.objects.filter(node_id=previous_id).order_by("position", "id"))
    pairs = compute.match_indicators(
        [(i.id, i.statement, i.satuan) for i in siblings],
        [(i.id, i.statement, i.satuan) for i in previous],
    )
    hit = pairs.get(indicator.id)
    if hit is None:
        return None
    before = next(i for i in previous if i.id == hit[0])
    realised = annual_realisations([before]).get(before.id, {}).get(year - 1)
    return compute.target_below_previous(
        _spec(indicator), _target(target_row), realised, year=year, previous_year=year - 1
    )


# --- Tabel 8.3: the medium-term plan -------------------------------------------------------


@dataclass(frozen=True)
class MediumTermIndicator:
    id: int
    statement: str
    satuan: str
    polarity: str
    value_type: str
    cumulative: bool
    spec: IndicatorSpec
    targets: tuple[tuple[int, Target | None], ...]  # every year of the period
    realisations: tuple[tuple[int, Value], ...]  # every year of the period
    explicit_end: Target | None
    progress: compute.Progress


@dataclass(frozen=True)
class MediumTermSasaran:
    id: int
    code: str
    statement: str
    unit: OrgUnit
    document: str
    plan: MediumTermPlan | None
    tujuan: str
    period_start: int
    period_end: int
    programs: tuple[str, ...]  # the programs of the year that serve it (or the stored names)
    indicators: tuple[MediumTermIndicator, ...]

    @property
    def years(self) -> range:
        return range(self.period_start, self.period_end + 1)


@dataclass(frozen=True)
class MediumTermProgramIndicator:
    """A program or kegiatan indicator of the unit's Renstra (``ProgramIndicator``) as it
    stands in a year: the yearly Renstra targets, the realisation of the year's plan
    indicator it is tied to (by code and statement, see the model), the end target and the
    progress. ``code`` and ``name`` are this year's when the year's plan has the node, else
    the Renstra's. ``found``: ``(year, node code)`` of the years whose plan has it;
    ``missing``: the years of the period up to ``year`` whose plan does not."""

    id: int
    document: MediumTermPlan
    level: str
    code: str
    name: str
    statement: str
    satuan: str
    polarity: str
    value_type: str
    cumulative: bool
    spec: IndicatorSpec
    targets: tuple[tuple[int, Target | None], ...]
    realisations: tuple[tuple[int, Value], ...]
    explicit_end: Target | None
    progress: compute.Progress
    found: tuple[tuple[int, str], ...]
    missing: tuple[int, ...]
    indicator_id: int | None  # this year's plan indicator, when found


@dataclass(frozen=True)
class MediumTermView:
    unit: OrgUnit
    year: int
    rules: Rules
    documents: tuple[MediumTermPlan, ...]
    sasaran: tuple[MediumTermSasaran, ...]
    programs: tuple[MediumTermProgramIndicator, ...] = ()


def _target(t) -> Target:
    return Target(value=t.value, low=t.low, high=t.high, label=t.label or None)


def _spec(ind: Indicator) -> IndicatorSpec:
    return IndicatorSpec(
        polarity=ind.polarity,
        value_type=ind.value_type,
        cumulative=ind.cumulative,
        levels=tuple(ind.levels or ()),
        qualitative_mode=ind.qualitative_mode,
    )


def annual_realisations(indicators) -> dict[int, dict[int, Value]]:
    """``{indicator id: {year: realisation over the year}}`` of the given indicators (one
    query): cumulative indicators add up their months, the others take the latest."""
    by_id = {i.id: i for i in indicators}
    months: dict[tuple[int, int], dict[int, Value]] = defaultdict(dict)
    for ind_id, year, month, value, label in IndicatorRealisation.objects.filter(
        indicator_id__in=list(by_id)
    ).values_list("indicator_id", "year", "month", "value", "label"):
        months[(ind_id, year)][month] = label if label else value
    out: dict[int, dict[int, Value]] = defaultdict(dict)
    for (ind_id, year), monthly in months.items():
        out[ind_id][year] = realisation_upto(_spec(by_id[ind_id]), monthly, 12)
    return out


def medium_term_progress(unit: OrgUnit, year: int) -> MediumTermView:
    """The medium-term plan of the unit (and its predecessors) as it stands in ``year``
    (see the module documentation)."""
    chain = lineage(unit)
    rules = unit.government.computation_rules()
    sasaran = list(
        Sasaran.objects.filter(unit__in=chain, period_start__lte=year, period_end__gte=year)
        .select_related("unit", "placement__plan", "placement__tujuan")
        .order_by("position", "id")
    )
    indicators = list(
        Indicator.objects.filter(sasaran__in=sasaran).order_by("sasaran_id", "position", "id")
    )
    targets: dict[int, dict[int, Target]] = defaultdict(dict)
    for t in IndicatorTarget.objects.filter(
        indicator__in=indicators, source="medium_term", period_kind="year"
    ):
        targets[t.indicator_id][t.year] = _target(t)
    ends = {e.indicator_id: _target(e) for e in EndTarget.objects.filter(indicator__in=indicators)}
    reals = annual_realisations(indicators)
    programs: dict[int, list[str]] = defaultdict(list)
    for link in (
        SasaranProgram.objects.filter(sasaran__in=sasaran, node__plan__year=year)
        .select_related("node")
        .order_by("node__position", "node__code")
    ):
        programs[link.sasaran_id].append(link.node.name)
    by_sasaran = defaultdict(list)
    for ind in indicators:
        spec = _spec(ind)
        s = next(x for x in sasaran if x.id == ind.sasaran_id)
        span = range(s.period_start, s.period_end + 1)
        progress = compute.medium_term_progress(
            spec,
            year=year,
            period_start=s.period_start,
            period_end=s.period_end,
            yearly_targets=targets[ind.id],
            yearly_realisations=reals.get(ind.id, {}),
            explicit_end=ends.get(ind.id),
            rules=rules,
        )
        by_sasaran[s.id].append(
            MediumTermIndicator(
                id=ind.id,
                statement=ind.statement,
                satuan=ind.satuan,
                polarity=ind.polarity,
                value_type=ind.value_type,
                cumulative=ind.cumulative,
                spec=spec,
                targets=tuple((y, targets[ind.id].get(y)) for y in span),
                realisations=tuple((y, reals.get(ind.id, {}).get(y)) for y in span),
                explicit_end=ends.get(ind.id),
                progress=progress,
            )
        )
    out = []
    for s in sasaran:
        placement = getattr(s, "placement", None)
        names = programs.get(s.id) or [n.strip() for n in s.program_names.split(";") if n.strip()]
        out.append(
            MediumTermSasaran(
                id=s.id,
                code=placement.code if placement else "",
                statement=s.statement,
                unit=s.unit,
                document=placement.plan.title if placement else s.document,
                plan=placement.plan if placement else None,
                tujuan=placement.tujuan.statement if placement and placement.tujuan else "",
                period_start=s.period_start,
                period_end=s.period_end,
                programs=tuple(names),
                indicators=tuple(by_sasaran[s.id]),
            )
        )
    documents = MediumTermPlan.objects.filter(
        government=unit.government, period_start__lte=year, period_end__gte=year
    ).filter(Q(unit__in=_with_ancestors(chain)) | Q(unit__isnull=True))
    return MediumTermView(
        unit=unit,
        year=year,
        rules=rules,
        documents=tuple(
            documents.select_related("unit", "parent")
            .prefetch_related("tujuan")
            .order_by("period_start", "-kind", "title")
        ),
        sasaran=tuple(out),
        programs=program_indicator_progress(unit, year, chain=chain, rules=rules),
    )


def line_spec(line: ProgramIndicator) -> IndicatorSpec:
    return IndicatorSpec(
        polarity=line.polarity,
        value_type=line.value_type,
        cumulative=line.cumulative,
        levels=tuple(line.levels or ()),
        qualitative_mode=line.qualitative_mode,
    )


def line_end(line: ProgramIndicator) -> Target | None:
    if line.end_value is None and line.end_low is None and not line.end_label:
        return None
    return Target(
        value=line.end_value, low=line.end_low, high=line.end_high, label=line.end_label or None
    )


@dataclass(frozen=True)
class _YearNode:
    id: int
    code: str
    name: str
    level: str
    nomenclature: str


class _YearIndex:
    """The program and kegiatan nodes of one year's plan, looked up by (level, code), and by
    the code a mapping table carries them to (built once per table)."""

    def __init__(self, nodes: list[_YearNode], nomenclature: str):
        self.nomenclature = nomenclature
        self.by_code = {(n.level, n.code): n for n in nodes}
        self._carried: dict[str, dict[tuple[str, str], list[_YearNode]]] = {}
        self.nodes = nodes

    def carried(self, key: str, mapping: dict[str, CodeChange]):
        if key not in self._carried:
            out: dict[tuple[str, str], list[_YearNode]] = defaultdict(list)
            for n in self.nodes:
                new = compute.remap_code(n.code, mapping)[0]
                if new is not None:
                    out[(n.level, new)].append(n)
            self._carried[key] = out
        return self._carried[key]


class _Mappings:
    """Mapping tables between versions, read once per pair."""

    def __init__(self):
        self._cache: dict[tuple[str, str], dict[str, CodeChange]] = {}

    def get(self, old: str, new: str) -> dict[str, CodeChange]:
        key = (version_key(old), version_key(new))
        if key not in self._cache:
            self._cache[key] = code_mapping(old, new)
        return self._cache[key]


def _find_node(code: str, version: str, level: str, index: _YearIndex, maps: _Mappings):
    """The node of a year's plan that carries ``code`` (written in ``version``): the same
    code; else the code carried forward by the table from ``version`` to the plan's; else a
    node whose code the table from the plan's version carries to ``code`` (a year before the
    version changed)."""
    hit = index.by_code.get((level, code))
    if hit is not None:
        return hit
    forward = maps.get(version, index.nomenclature)
    if forward:
        new = compute.remap_code(code, forward)[0]
        hit = index.by_code.get((level, new)) if new is not None else None
        if hit is not None:
            return hit
    backward = maps.get(index.nomenclature, version)
    if backward:
        key = "|".join((version_key(index.nomenclature), version_key(version)))
        hits = index.carried(key, backward).get((level, code), [])
        if len(hits) == 1:
            return hits[0]
    return None


def resolve_program_indicators(
    lines: list[ProgramIndicator], chain: list[OrgUnit], years: set[int]
) -> dict[int, dict[int, tuple[_YearNode, Indicator | None]]]:
    """``{line id: {year: (node, plan indicator or None)}}`` for the years whose plan (of the
    unit or its nearest predecessor) has the line's node. Each year is searched from the
    node found the year before (its code and version), so a chain of code changes over
    several versions is followed as ``copy_year`` carried it."""
    if not lines or not years:
        return {}
    order = {u.id: i for i, u in enumerate(chain)}
    plans: dict[int, Plan] = {}
    for p in Plan.objects.filter(unit__in=chain, year__in=years):
        if p.year not in plans or order[p.unit_id] < order[plans[p.year].unit_id]:
            plans[p.year] = p
    nodes_by_year: dict[int, list[_YearNode]] = defaultdict(list)
    plan_year = {p.id: y for y, p in plans.items()}
    for nid, plan_id, code, name, level in PlanNode.objects.filter(
        plan__in=list(plans.values()), level__in=["program", "kegiatan"]
    ).values_list("id", "plan_id", "code", "name", "level"):
        y = plan_year[plan_id]
        nodes_by_year[y].append(_YearNode(nid, code, name, level, plans[y].nomenclature))
    node_ids = [n.id for ns in nodes_by_year.values() for n in ns]
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for ind in Indicator.objects.filter(node_id__in=node_ids).order_by("position", "id"):
        indicators[ind.node_id].append(ind)
    maps = _Mappings()
    indexes = {y: _YearIndex(nodes_by_year[y], plans[y].nomenclature) for y in plans}
    out: dict[int, dict[int, tuple[_YearNode, Indicator | None]]] = {}
    for line in lines:
        found: dict[int, tuple[_YearNode, Indicator | None]] = {}
        code, version = line.code, line.nomenclature
        for y in sorted(years):
            if y not in plans:
                continue
            node = _find_node(code, version or plans[y].nomenclature, line.level, indexes[y], maps)
            if node is None:
                continue
            code, version = node.code, node.nomenclature
            candidates = indicators.get(node.id, [])
            pairs = compute.match_indicators(
                [(line.id, line.statement, line.satuan)],
                [(i.id, i.statement, i.satuan) for i in candidates],
            )
            hit = pairs.get(line.id)
            ind = next((i for i in candidates if hit and i.id == hit[0]), None)
            found[y] = (node, ind)
        out[line.id] = found
    return out


def program_indicator_progress(
    unit: OrgUnit, year: int, *, chain: list[OrgUnit] | None = None, rules: Rules | None = None
) -> tuple[MediumTermProgramIndicator, ...]:
    """The program and kegiatan indicators of the Renstra of the unit (and its predecessors)
    covering ``year``, each with its yearly targets, realisations, end target and progress
    (this year against this year's target, realisation to date against the end target)."""
    chain = chain or lineage(unit)
    rules = rules or unit.government.computation_rules()
    lines = list(
        ProgramIndicator.objects.filter(
            document__unit__in=chain,
            document__period_start__lte=year,
            document__period_end__gte=year,
        )
        .select_related("document")
        .order_by("document__period_start", "document_id", "position", "id")
    )
    if not lines:
        return ()
    years = {
        y for line in lines for y in range(line.document.period_start, line.document.period_end + 1)
    }
    resolved = resolve_program_indicators(lines, chain, years)
    targets: dict[int, dict[int, Target]] = defaultdict(dict)
    for t in ProgramIndicatorTarget.objects.filter(line__in=lines):
        targets[t.line_id][t.year] = _target(t)
    plan_indicators = [
        ind for found in resolved.values() for _n, ind in found.values() if ind is not None
    ]
    reals = annual_realisations(plan_indicators)
    out = []
    for line in lines:
        doc = line.document
        span = range(doc.period_start, doc.period_end + 1)
        found = resolved.get(line.id, {})
        yearly = {
            y: reals.get(ind.id, {}).get(y) for y, (_node, ind) in found.items() if ind is not None
        }
        spec = line_spec(line)
        end = line_end(line)
        progress = compute.medium_term_progress(
            spec,
            year=year,
            period_start=doc.period_start,
            period_end=doc.period_end,
            yearly_targets=targets[line.id],
            yearly_realisations=yearly,
            explicit_end=end,
            rules=rules,
        )
        now = found.get(year)
        out.append(
            MediumTermProgramIndicator(
                id=line.id,
                document=doc,
                level=line.level,
                code=now[0].code if now else line.code,
                name=now[0].name if now else line.name,
                statement=line.statement,
                satuan=line.satuan,
                polarity=line.polarity,
                value_type=line.value_type,
                cumulative=line.cumulative,
                spec=spec,
                targets=tuple((y, targets[line.id].get(y)) for y in span),
                realisations=tuple((y, yearly.get(y)) for y in span),
                explicit_end=end,
                progress=progress,
                found=tuple(
                    (y, node.code) for y, (node, ind) in sorted(found.items()) if ind is not None
                ),
                missing=tuple(
                    y for y in span if y <= year and (y not in found or found[y][1] is None)
                ),
                indicator_id=now[1].id if now and now[1] is not None else None,
            )
        )
    return tuple(out)


# --- IKM -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyRow:
    survey: IkmSurvey
    result: SurveyComputed


def survey_result(survey: IkmSurvey, elements=None) -> SurveyComputed:
    """The computed index of a stored survey."""
    elements = list(survey.elements.all()) if elements is None else elements
    return compute_survey(
        survey.guideline,
        mode=survey.mode,
        respondents=survey.respondents,
        elements=[ElementInput(e.number, e.name, e.counts, e.mean) for e in elements],
        index=survey.index_value,
    )


def ikm_surveys(unit: OrgUnit, year: int) -> list[SurveyRow]:
    """The unit's surveys of the year with their computed index (two queries)."""
    surveys = IkmSurvey.objects.filter(unit=unit, year=year).prefetch_related("elements")
    return [SurveyRow(s, survey_result(s, list(s.elements.all()))) for s in surveys]


IKM_WORDS = ("ikm", "kepuasan masyarakat", "skm")


def ikm_indicators(unit: OrgUnit, year: int) -> list[Indicator]:
    """The indicators an IKM result may feed: those of the unit's plan for ``year`` and of
    its sasaran (and its predecessors') covering ``year`` whose statement names the IKM."""
    chain = lineage(unit)
    candidates = Indicator.objects.filter(
        Q(node__plan__unit=unit, node__plan__year=year)
        | Q(sasaran__unit__in=chain, sasaran__period_start__lte=year, sasaran__period_end__gte=year)
    ).select_related("node", "sasaran")
    return [
        i
        for i in candidates.order_by("id")
        if any(re.search(rf"\b{w}\b", i.statement.casefold()) for w in IKM_WORDS)
    ]
