"""The government dashboard: every unit the user may read, with its figures for a year."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

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


NO_URUSAN = "-"


def dashboard_rows(user, year: int, urusan: str = "", *, readable=None) -> list[dict]:
    """One row per readable unit with a plan for ``year`` (only the units of the urusan/bidang
    with code ``urusan`` when given; ``NO_URUSAN`` for units without one): computed root and
    workflow counts. A fixed number of queries whatever the number of units or leaves."""
    if readable is None:
        readable = readable_units(user)
    plans = Plan.objects.filter(unit__in=readable, year=year).select_related(
        "unit__government", "unit__urusan"
    )
    if urusan == NO_URUSAN:
        plans = plans.filter(unit__urusan__isnull=True)
    elif urusan:
        plans = plans.filter(unit__urusan__code=urusan)
    plans = list(plans)
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
