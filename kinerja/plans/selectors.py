"""Reads that feed the computation core.

``plan_tree`` loads a whole plan in a fixed number of queries (five, whatever its size) and
turns it into the frozen dataclasses of ``kinerja.core.tree``; ``compute_plan`` runs the core
over it with the government's rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kinerja.core.achievement import IndicatorSpec, Target
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


def plan_trees(plans) -> dict[int, tuple[PlanNode, ...]]:
    """The programs of each plan as core trees, keyed by plan id.

    Five queries whatever the number and size of the plans (nodes, months, indicators,
    annual targets, realisations), read as tuples rather than model instances because a
    province holds hundreds of thousands of monthly rows."""
    plans = list(plans)
    if not plans:
        return {}
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
    months = defaultdict(list)
    for node_id, month, pf, pk, rk, rf in (
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
    ):
        months[node_id].append(MonthInput(month, pf, pk, rk, rf))

    indicators = list(
        models.Indicator.objects.filter(node__plan_id__in=ids)
        .order_by("position", "id")
        .values_list(
            "id",
            "node_id",
            "node__plan_id",
            "statement",
            "satuan",
            "polarity",
            "value_type",
            "cumulative",
            "levels",
            "qualitative_mode",
            "baseline",
        )
    )
    targets = {}
    for ind_id, year, value, low, high, label in models.IndicatorTarget.objects.filter(
        indicator__node__plan_id__in=ids, source="annual", period_kind="year"
    ).values_list("indicator_id", "year", "value", "low", "high", "label"):
        targets[(ind_id, year)] = Target(value=value, low=low, high=high, label=label or None)
    monthly = defaultdict(dict)
    for ind_id, year, month, value, label in models.IndicatorRealisation.objects.filter(
        indicator__node__plan_id__in=ids
    ).values_list("indicator_id", "year", "month", "value", "label"):
        monthly[(ind_id, year)][month] = label if label else value

    inds = defaultdict(list)
    for ind_id, node_id, plan_id, statement, satuan, pol, vt, cum, levels, mode, base in indicators:
        year = year_of[plan_id]
        inds[node_id].append(
            IndicatorInput(
                id=ind_id,
                statement=statement,
                satuan=satuan,
                spec=_spec(pol, vt, cum, levels, mode),
                target=targets.get((ind_id, year)),
                monthly=tuple(sorted(monthly[(ind_id, year)].items())),
                baseline=base,
            )
        )

    children = defaultdict(list)
    for row in nodes:
        children[row[2]].append(row)

    def build(row) -> PlanNode:
        node_id, _plan, _parent, code, name, level, dpa, dppa, in_force = row
        kids = tuple(build(c) for c in children[node_id])
        pagu = None
        if not kids:
            pagu = dppa if in_force == "dppa" and dppa is not None else dpa
        return PlanNode(
            id=node_id,
            code=code,
            name=name,
            level=level,
            children=kids,
            pagu=pagu,
            months=tuple(months[node_id]),
            indicators=tuple(inds[node_id]),
        )

    trees = {pid: [] for pid in ids}
    for row in children[None]:
        trees[row[1]].append(build(row))
    return {pid: tuple(roots) for pid, roots in trees.items()}


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


def compute_plan(plan: models.Plan, *, upto_month: int = 12) -> PlanResult:
    """Everything Kinerja computes for a plan up to the end of ``upto_month``, and the
    findings of the validation of its data (months missing, targets missing, …)."""
    rules = plan.unit.government.computation_rules()
    roots = plan_tree(plan)
    root = compute_tree(
        roots, rules=rules, upto_month=upto_month, name=plan.unit.name, level="unit"
    )
    findings = validate(roots, upto_month=upto_month, require_months=True, rules=rules)
    return PlanResult(
        plan=plan, rules=rules, upto_month=upto_month, root=root, findings=tuple(findings)
    )


def get_plan(unit, year: int) -> models.Plan:
    return models.Plan.objects.select_related("unit__government").get(unit=unit, year=year)


def _s(value):
    return None if value is None else str(value)


def node_to_dict(node: ComputedNode) -> dict:
    """A computed node as JSON-able data: decimals as strings, each figure with its rule and
    explanation."""

    def fig(f):
        return {"value": _s(f.value), "rule": f.rule, "explanation": f.explanation}

    return {
        "code": node.code,
        "name": node.name,
        "level": node.level,
        "pagu": fig(node.pagu),
        "realisasi": fig(node.realisasi),
        "absorption": fig(node.absorption),
        "fisik": fig(node.fisik),
        "achievement_raw": fig(node.achievement_raw),
        "achievement": fig(node.achievement),
        "predicate": node.predicate,
        "efficiency": fig(node.efficiency),
        "excluded": list(node.excluded),
        "indicators": [
            {
                "statement": ind.statement,
                "satuan": ind.satuan,
                "target": _target_text(ind.target),
                "realisation": _s(real),
                "achievement_raw": _s(ach.raw),
                "achievement": _s(ach.capped),
                "capped": ach.is_capped,
                "explanation": ach.explanation,
            }
            for ind, ach, real in node.indicators
        ],
        "children": [node_to_dict(c) for c in node.children],
    }


def _target_text(t: Target | None):
    if t is None:
        return None
    if t.label:
        return t.label
    if t.low is not None or t.high is not None:
        return f"{_s(t.low)}-{_s(t.high)}"
    return _s(t.value)
