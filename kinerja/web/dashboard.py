"""The government dashboard: every unit the user may read, with its figures for a year."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kinerja.core.gcpause import gc_paused
from kinerja.core.rollup import compute_tree
from kinerja.org.access import readable_units
from kinerja.plans.models import Plan
from kinerja.plans.selectors import plan_trees
from kinerja.realisation.models import MonthStatus

SORTS = {
    "unit": lambda r: r["unit"].name.lower(),
    "pagu": lambda r: r["root"].pagu.value or Decimal(0),
    "serapan": lambda r: r["root"].absorption.value or Decimal(-1),
    "fisik": lambda r: r["root"].fisik.value or Decimal(-1),
    "capaian": lambda r: r["root"].achievement.value or Decimal(-1),
}


def dashboard_rows(user, year: int) -> list[dict]:
    """One row per readable unit with a plan for ``year``: computed root and workflow
    counts. A fixed number of queries whatever the number of units or leaves."""
    plans = list(
        Plan.objects.filter(unit__in=readable_units(user), year=year).select_related(
            "unit__government"
        )
    )
    trees = plan_trees(plans)
    states: dict[int, Counter] = defaultdict(Counter)
    for plan_id, state in MonthStatus.objects.filter(plan__in=plans).values_list(
        "plan_id", "state"
    ):
        states[plan_id][state] += 1
    rows = []
    with gc_paused():
        for plan in plans:
            rules = plan.unit.government.computation_rules()
            root = compute_tree(trees[plan.id], rules=rules, name=plan.unit.name)
            rows.append({"plan": plan, "unit": plan.unit, "root": root, "states": states[plan.id]})
    return rows


@login_required
def government(request, year: int):
    rows = dashboard_rows(request.user, year)
    key = request.GET.get("urut", "unit")
    if key not in SORTS:
        key = "unit"
    descending = key != "unit"
    rows.sort(key=SORTS[key], reverse=descending)
    years = sorted(
        set(
            Plan.objects.filter(unit__in=readable_units(request.user)).values_list(
                "year", flat=True
            )
        )
    )
    return render(
        request, "kinerja/dashboard.html", {"rows": rows, "year": year, "years": years, "sort": key}
    )
