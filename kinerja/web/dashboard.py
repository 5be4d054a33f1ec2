"""The government dashboard: every unit the user may read, with its figures for a year."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
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


# per plan: its figures (a few kB). A change through the application is seen at once (its
# audit entry), one made outside it (a script, the database itself) within TTL seconds and
# the time of one background refresh. See docs/decisions/0009-page-memos.md.
TTL = getattr(settings, "KINERJA_DASHBOARD_TTL", 600)
ROOTS = TimedMemo(size=getattr(settings, "KINERJA_DASHBOARD_PLANS_KEPT", 1024), ttl=TTL)


def _plans():
    """Plans with what the dashboard shows of their unit and the id of the unit's latest
    audit entry, read in the same query, before the trees."""
    return Plan.objects.select_related("unit__government", "unit__urusan").annotate(
        audit_version=audit_version()
    )


def _inputs(plan) -> tuple:
    """What a plan's figures are kept for: its unit's latest audit entry, the government's
    rules, the unit's name and the year."""
    return (plan.audit_version, plan.unit.government.rules, plan.unit.name, plan.year)


def _compute(plans: list[Plan]) -> dict[int, RootFigures]:
    """The figures of ``plans`` (their trees loaded together), each kept in ``ROOTS`` for the
    inputs it was computed from."""
    figures = {}
    trees = plan_trees(plans)
    with gc_paused():
        for plan in plans:
            rules = plan.unit.government.computation_rules()
            root = compute_tree(trees[plan.id], rules=rules, name=plan.unit.name)
            figures[plan.id] = RootFigures.of(root)
            ROOTS.put(plan.id, _inputs(plan), figures[plan.id])
    return figures


def _refresh(plan_ids: list[int]) -> None:
    """The background refresh of expired figures: the plans are read again, their audit
    version first and their trees after it, so that figures are never kept for a version
    newer than the data they were computed from."""
    plans = list(_plans().filter(id__in=plan_ids))
    if plans:
        _compute(plans)


def dashboard_rows(user, year: int, urusan: str = "", *, readable=None) -> list[dict]:
    """One row per readable unit with a plan for ``year`` (only the units of the urusan/bidang
    with code ``urusan`` when given; ``NO_URUSAN`` for units without one): the unit's
    computed figures and workflow counts. A fixed number of queries whatever the number of
    units or leaves.

    The figures of a plan come from this process's memory (``ROOTS``) while its unit has no
    newer audit entry (every change to plan, budget, targets and realisation through the
    application is recorded), and the government's rules and the unit's name are the same;
    otherwise, and the first time, they are computed in this request. Kept figures older
    than ``TTL`` seconds (a change made outside the application) are still shown, and
    computed again in a background thread, one per plan and process at a time."""
    if readable is None:
        readable = readable_units(user)
    plans = _plans().filter(unit__in=readable, year=year)
    if urusan == NO_URUSAN:
        plans = plans.filter(unit__urusan__isnull=True)
    elif urusan:
        plans = plans.filter(unit__urusan__code=urusan)
    plans = list(plans)

    figures: dict[int, RootFigures] = {}
    missing, expired = [], []
    for plan in plans:
        kept, stale = ROOTS.lookup(plan.id, _inputs(plan))
        if kept is None:
            missing.append(plan)
        else:
            figures[plan.id] = kept
            if stale:
                expired.append(plan.id)
    if missing:
        figures.update(_compute(missing))
    if expired:
        ROOTS.refresh(expired, _refresh)
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
