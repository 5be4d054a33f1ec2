"""Reads that feed the computation core.

``plan_tree`` loads a whole plan in a fixed number of queries (five, whatever its size) and
turns it into the frozen dataclasses of ``kinerja.core.tree``; ``compute_plan`` runs the core
over it with the government's rules.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Context, Decimal
from itertools import groupby
from operator import itemgetter

from django.db import connections
from django.db.models import TextField
from django.db.models.functions import Cast

from kinerja.core.achievement import IndicatorSpec, Target
from kinerja.core.gcpause import gc_paused
from kinerja.core.rollup import ComputedNode, compute_tree
from kinerja.core.rules import Rules
from kinerja.core.tree import IndicatorInput, MonthInput, PlanNode
from kinerja.core.validation import Finding, validate

from . import models

_SPEC_CACHE: dict[tuple, IndicatorSpec] = {}


def _spec(polarity, value_type, cumulative, levels, mode) -> IndicatorSpec:
    key = (polarity, value_type, cumulative, tuple(levels or ()), mode)
    spec = _SPEC_CACHE.get(key)
    if spec is None:
        spec = _SPEC_CACHE[key] = IndicatorSpec(
            polarity=polarity,
            value_type=value_type,
            cumulative=cumulative,
            levels=tuple(levels or ()),
            qualitative_mode=mode,
        )
    return spec


_LEVELS_CACHE: dict[str | None, object] = {}


def _levels(text: str | None) -> object:
    """``Indicator.levels`` decoded from its JSON text, as the JSONField would."""
    try:
        return _LEVELS_CACHE[text]
    except KeyError:
        levels = None if text is None else json.loads(text)
        if len(_LEVELS_CACHE) < 1000:
            _LEVELS_CACHE[text] = levels
        return levels


def plan_trees(plans) -> dict[int, tuple[PlanNode, ...]]:
    """The programs of each plan as core trees, keyed by plan id.

    Five queries whatever the number and size of the plans (nodes, months, indicators,
    annual targets, realisations), read as tuples rather than model instances because a
    province holds hundreds of thousands of monthly rows. The values come from the database
    driver as Decimals (or None), so the core inputs are built with their ``trusted``
    constructors, without converting them again. The cyclic garbage collector is paused
    while the trees are built (``gc_paused``)."""
    plans = list(plans)
    if not plans:
        return {}
    with gc_paused():
        return _plan_trees(plans)


def _plan_trees(plans) -> dict[int, tuple[PlanNode, ...]]:
    ids = [p.id for p in plans]
    year_of = {p.id: p.year for p in plans}
    nodes = list(
        models.PlanNode.objects.filter(plan_id__in=ids)
        .order_by("plan_id", "position", "code")
        .values_list(
            "id",
            "plan_id",
            "parent_id",
            "code",
            "name",
            "level",
            "pagu_dpa",
            "pagu_dppa",
            "budget_in_force",
        )
    )
    # ordered by node, so each node's months are one run of rows
    month_rows = (
        models.MonthlyEntry.objects.filter(node__plan_id__in=ids)
        .order_by("node_id", "month")
        .values_list(
            "node_id",
            "month",
            "plan_fisik",
            "plan_keuangan",
            "realisasi_keuangan",
            "realisasi_fisik",
        )
    )
    if connections[month_rows.db].vendor == "sqlite":
        month_rows = _sqlite_month_rows(month_rows)
    new = tuple.__new__
    months = {
        node_id: tuple([new(MonthInput, row[1:]) for row in rows])  # MonthInput.trusted
        for node_id, rows in groupby(month_rows, itemgetter(0))
    }

    indicators = list(
        models.Indicator.objects.filter(node__plan_id__in=ids)
        .order_by("position", "id")
        # the JSON text, decoded once per distinct value (``_levels``), not once per row
        .annotate(levels_json=Cast("levels", output_field=TextField()))
        .values_list(
            "id",
            "node_id",
            "node__plan_id",
            "statement",
            "satuan",
            "polarity",
            "value_type",
            "cumulative",
            "levels_json",
            "qualitative_mode",
            "baseline",
        )
    )
    targets = {}
    for ind_id, year, value, low, high, label in models.IndicatorTarget.objects.filter(
        indicator__node__plan_id__in=ids, source="annual", period_kind="year"
    ).values_list("indicator_id", "year", "value", "low", "high", "label"):
        targets[(ind_id, year)] = Target.trusted(value, low, high, label or None)
    monthly = defaultdict(dict)
    for ind_id, year, month, value, label in models.IndicatorRealisation.objects.filter(
        indicator__node__plan_id__in=ids
    ).values_list("indicator_id", "year", "month", "value", "label"):
        monthly[(ind_id, year)][month] = label if label else value

    inds = defaultdict(list)
    no_values: dict = {}
    for ind_id, node_id, plan_id, statement, satuan, pol, vt, cum, levels, mode, base in indicators:
        key = (ind_id, year_of[plan_id])
        inds[node_id].append(
            IndicatorInput.trusted(
                ind_id,
                statement,
                satuan,
                _spec(pol, vt, cum, _levels(levels), mode),
                targets.get(key),
                tuple(sorted(monthly.get(key, no_values).items())),
                base,
            )
        )

    children = defaultdict(list)
    for row in nodes:
        children[row[2]].append(row)

    trees = {pid: [] for pid in ids}
    for row in children[None]:
        trees[row[1]].append(_build(row, children, months, inds))
    return {pid: tuple(roots) for pid, roots in trees.items()}


def _sqlite_decimals(field) -> Callable[[object], Decimal | None]:
    """What Django's SQLite backend does to a ``DecimalField`` value read from the database
    (SQLite returns it as an int or a float: 15 significant digits, then quantized to the
    field's decimal places), remembered per distinct value. A plan's percentages repeat a
    lot; the per-row converter machinery of ``values_list`` is skipped."""
    create = Context(prec=15).create_decimal_from_float
    step = Decimal(1).scaleb(-field.decimal_places)
    context = field.context
    seen: dict[object, Decimal] = {}

    def convert(value: object) -> Decimal | None:
        if value is None:
            return None
        result = seen.get(value)
        if result is None:
            result = create(value).quantize(step, context=context)
            if value:  # 0, 0.0 and -0.0 are one key but not one Decimal: never remember them
                seen[value] = result
        return result

    return convert


def _sqlite_month_rows(queryset) -> list[tuple]:
    """The rows of the months ``values_list`` read through a plain cursor on SQLite, with
    the four Decimal columns converted as Django would (``_sqlite_decimals``)."""
    field = models.MonthlyEntry._meta.get_field
    pf, pk, rk, rf = (
        _sqlite_decimals(field(name))
        for name in ("plan_fisik", "plan_keuangan", "realisasi_keuangan", "realisasi_fisik")
    )
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(node, month, pf(a), pk(b), rk(c), rf(d)) for node, month, a, b, c, d in rows]


def _build(row, children, months, inds) -> PlanNode:
    # a module-level function: a nested recursive one would sit in a reference cycle with
    # its closure and keep every row alive until the cyclic collector runs
    node_id, _plan, _parent, code, name, level, dpa, dppa, in_force = row
    kids = tuple([_build(c, children, months, inds) for c in children.get(node_id, ())])
    pagu = None
    if not kids:
        pagu = dppa if in_force == "dppa" and dppa is not None else dpa
    return PlanNode.trusted(
        node_id,
        code,
        name,
        level,
        kids,
        pagu,
        months.get(node_id, ()),
        tuple(inds.get(node_id, ())),
    )


def plan_tree(plan: models.Plan) -> tuple[PlanNode, ...]:
    """The plan's programs as core trees (see ``plan_trees``)."""
    return plan_trees([plan])[plan.id]


@dataclass(frozen=True)
class PlanResult:
    plan: models.Plan
    rules: Rules
    upto_month: int
    root: ComputedNode
    findings: tuple[Finding, ...]


def compute_plan(
    plan: models.Plan, *, upto_month: int = 12, roots: tuple[PlanNode, ...] | None = None
) -> PlanResult:
    """Everything Kinerja computes for a plan up to the end of ``upto_month``, and the
    findings of the validation of its data (months missing, targets missing, …).
    ``roots``: the plan's trees when the caller has already loaded them (``plan_tree``)."""
    rules = plan.unit.government.computation_rules()
    with gc_paused():
        if roots is None:
            roots = plan_tree(plan)
        root = compute_tree(
            roots, rules=rules, upto_month=upto_month, name=plan.unit.name, level="unit"
        )
        findings = validate(
            roots, upto_month=upto_month, require_months=True, rules=rules, computed=root
        )
    return PlanResult(
        plan=plan, rules=rules, upto_month=upto_month, root=root, findings=tuple(findings)
    )


def get_plan(unit, year: int) -> models.Plan:
    return models.Plan.objects.select_related("unit__government").get(unit=unit, year=year)
