"""The government dashboard: every unit the user may read, with its figures for a year."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinerja.core.gcpause import gc_paused
from kinerja.core.rollup import Figure, compute_tree
from kinerja.org.access import readable_units
from kinerja.plans.models import Plan
from kinerja.plans.selectors import plan_trees
from kinerja.realisation.models import MonthStatus

from .memo import TimedMemo, audit_version

SORTS = {
    "unit": lambda r: r["unit"].name.lower(),
    "pagu": lambda r: r["root"].pagu.value or Decimal(0),
    "serapan": lambda r: r["root"].absorption.value or Decimal(-1),
    "fisik": lambda r: r["root"].fisik.value or Decimal(-1),
    "capaian": lambda r: r["root"].achievement.value or Decimal(-1),
}


NO_URUSAN = "-"


@dataclass(frozen=True)
class RootFigures:
    """What the dashboard shows of a computed plan: the unit's figures with their
    explanations written (a small object, unlike the computed tree it comes from)."""

    pagu: Figure
    realisasi: Figure
    absorption: Figure
    fisik: Figure
    achievement: Figure
    predicate: str | None

    @classmethod
    def of(cls, root) -> RootFigures:
        def written(f: Figure) -> Figure:
            return Figure(f.value, f.rule, f.explanation)

        return cls(
            written(root.pagu),
            written(root.realisasi),
            written(root.absorption),
            written(root.fisik),
            written(root.achievement),
            root.predicate,
        )


# per plan; a change through the application is seen at once (its audit entry), one made
# outside it (a script, the database itself) within TTL seconds
TTL = 600
ROOTS = TimedMemo(size=1024, ttl=TTL)


def dashboard_rows(user, year: int, urusan: str = "", *, readable=None) -> list[dict]:
    """One row per readable unit with a plan for ``year`` (only the units of the urusan/bidang
    with code ``urusan`` when given; ``NO_URUSAN`` for units without one): the unit's
    computed figures and workflow counts. A fixed number of queries whatever the number of
    units or leaves.

    The figures of a plan are computed again only when its unit has a newer audit entry
    (every change to plan, budget, targets and realisation through the application is
    recorded), when the government's rules or the unit's name changed, or after at most
    ``TTL`` seconds; otherwise they come from this process's memory (``ROOTS``)."""
    if readable is None:
        readable = readable_units(user)
    plans = (
        Plan.objects.filter(unit__in=readable, year=year)
        .select_related("unit__government", "unit__urusan")
        .annotate(audit_version=audit_version())
    )
    if urusan == NO_URUSAN:
        plans = plans.filter(unit__urusan__isnull=True)
    elif urusan:
        plans = plans.filter(unit__urusan__code=urusan)
    plans = list(plans)

    def inputs(plan):
        return (plan.audit_version, plan.unit.government.rules, plan.unit.name, plan.year)

    figures = {plan.id: ROOTS.get(plan.id, inputs(plan)) for plan in plans}
    missing = [plan for plan in plans if figures[plan.id] is None]
    if missing:
        trees = plan_trees(missing)
        with gc_paused():
            for plan in missing:
                rules = plan.unit.government.computation_rules()
                root = compute_tree(trees[plan.id], rules=rules, name=plan.unit.name)
                figures[plan.id] = RootFigures.of(root)
                ROOTS.put(plan.id, inputs(plan), figures[plan.id])
        del trees
    states: dict[int, Counter] = defaultdict(Counter)
    for plan_id, state in MonthStatus.objects.filter(plan__in=plans).values_list(
        "plan_id", "state"
    ):
        states[plan_id][state] += 1
    return [
        {"plan": plan, "unit": plan.unit, "root": figures[plan.id], "states": states[plan.id]}
        for plan in plans
    ]


def urusan_choices(readable, year: int) -> list[tuple[str, str]]:
    """(code, label) of the urusan/bidang of the readable units with a plan for ``year``, in
    code order; units without one are offered as ``NO_URUSAN`` at the end. One query."""
    pairs = set(
        Plan.objects.filter(unit__in=readable, year=year).values_list(
            "unit__urusan__code", "unit__urusan__name"
        )
    )
    choices = sorted((code, f"{code} {name}") for code, name in pairs if code)
    if any(code is None for code, _ in pairs):
        choices.append((NO_URUSAN, _("Tanpa urusan")))
    return choices


@login_required
def government(request, year: int):
    readable = readable_units(request.user)
    urusan = request.GET.get("urusan", "")
    rows = dashboard_rows(request.user, year, urusan, readable=readable)
    key = request.GET.get("urut", "unit")
    if key not in SORTS:
        key = "unit"
    descending = key != "unit"
    rows.sort(key=SORTS[key], reverse=descending)
    years = sorted(set(Plan.objects.filter(unit__in=readable).values_list("year", flat=True)))
    choices = urusan_choices(readable, year)
    return render(
        request,
        "kinerja/dashboard.html",
        {
            "rows": rows,
            "year": year,
            "years": years,
            "sort": key,
            "urusan": urusan,
            "urusan_choices": choices,
            "urusan_label": dict(choices).get(urusan, urusan),
        },
    )
