import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from kinerja.core.numbers import MONTHS_ID
from kinerja.core.rollup import monthly_series
from kinerja.org.access import (
    administered_governments,
    can_write_unit,
    readable_units,
    unit_for_reading,
)
from kinerja.plans.models import Plan, ReportText
from kinerja.plans.selectors import compute_plan, plan_tree
from kinerja.plans.services import REPORT_TEXT_KEYS, report_texts_save
from kinerja.realisation.models import MonthStatus
from kinerja.reports.charts import render_svg
from kinerja.reports.common import kegiatan_bars, scurve_chart
from kinerja.reports.document import PAPERS
from kinerja.reports.service import FORMATS, KINDS, make_report

from . import unitdash
from .memo import Memo, audit_version
from .treerows import tree_rows


@login_required
def home(request):
    plans = (
        Plan.objects.filter(unit__in=readable_units(request.user))
        .select_related("unit", "unit__government")
        .order_by("unit__government__code", "unit__name", "year")
    )
    manages = administered_governments(request.user).exists()
    return render(request, "kinerja/home.html", {"plans": plans, "manages": manages})


@login_required
def unit_year(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    plan = (
        Plan.objects.filter(unit=unit, year=year)
        .select_related("unit__government")
        .annotate(audit_version=audit_version())
        .first()
    )
    if plan is None:
        raise Http404("Rencana tidak ditemukan")
    try:
        upto = int(request.GET.get("bulan", 12))
    except ValueError:
        upto = 12
    upto = min(max(upto, 1), 12)
    body_top, body_bottom = _unit_body(plan, upto)
    head = unit.heads.filter(year=year).first()
    other_years = Plan.objects.filter(unit=unit).exclude(year=year).values_list("year", flat=True)
    states = dict(MonthStatus.objects.filter(plan=plan).values_list("month", "state"))
    pending = [
        (
            p.month,
            MONTHS_ID[p.month - 1],
            p.state,
            MonthStatus.State(p.state).label if p.state else "",
        )
        for p in unitdash.months_not_submitted(plan.year, states, timezone.localdate())
    ]
    return render(
        request,
        "kinerja/unit_year.html",
        {
            "unit": unit,
            "plan": plan,
            "head": head,
            "other_years": list(other_years),
            "pending": pending,
            "body_top": body_top,
            "body_bottom": body_bottom,
        },
    )


LOWEST = 10
PENDING_MARKER = "<!-- kinerja:pending -->"
# after TTL seconds the plan's data are read again and compared (a change made outside the
# application); see docs/decisions/0009-page-memos.md
TTL = getattr(settings, "KINERJA_UNIT_PAGE_TTL", 120)
# per plan: its trees (about 3,5 MB for a unit of 300 sub kegiatan) and the markup of each
# position month and language asked for (about 0,8 MB each)
UNIT_BODIES = Memo(size=getattr(settings, "KINERJA_UNIT_PAGES_KEPT", 64))


@dataclass
class _Pages:
    """What this process made for one plan: the data it was made from, the audit version
    that data was checked at and until when that check holds, and the markup per position
    month and language."""

    roots: tuple
    version: int | None
    until: float
    bodies: dict = field(default_factory=dict)


def _unit_body(plan: Plan, upto: int) -> tuple[SafeString, SafeString]:
    """The computed part of the unit page, before and after the months not submitted.

    It is a function of the plan's trees, the rules, the year, the unit's name, the month
    and the language. What was made for them is used again while the unit's latest audit
    entry (``plan.audit_version``, read before the trees) is the one it was checked at:
    every change through the application is recorded there. When that entry changed, or
    after ``TTL`` seconds (a change made outside the application), the trees are loaded
    again (five queries) and compared with the ones the markup was made from; only when
    they differ is the page computed again.
    """
    with _plan_lock(plan.id):  # one thread computes, the others of the process wait for it
        return _unit_body_locked(plan, upto)


_LOCKS_LOCK = threading.Lock()
_PLAN_LOCKS: dict[int, threading.Lock] = {}


def _plan_lock(plan_id: int) -> threading.Lock:
    with _LOCKS_LOCK:
        return _PLAN_LOCKS.setdefault(plan_id, threading.Lock())


def _unit_body_locked(plan: Plan, upto: int) -> tuple[SafeString, SafeString]:
    rules = plan.unit.government.computation_rules()
    pages = UNIT_BODIES.get(plan.id, (rules, plan.year, plan.unit.name))
    now = time.monotonic()
    if pages is None or pages.version != plan.audit_version or now >= pages.until:
        roots = plan_tree(plan)
        if pages is None or pages.roots != roots:
            pages = _Pages(roots, plan.audit_version, now + TTL)
            UNIT_BODIES.put(plan.id, (rules, plan.year, plan.unit.name), pages)
        else:  # the same data: keep the markup
            pages.version, pages.until = plan.audit_version, now + TTL
    key = (upto, translation.get_language())
    parts = pages.bodies.get(key)
    if parts is None:
        result = compute_plan(plan, upto_month=upto, roots=pages.roots)
        series = monthly_series(result.root, rules=result.rules)
        html = render_to_string(
            "kinerja/_unit_body.html",
            {
                "result": result,
                "tree_rows": tree_rows(result.root),
                "months": range(1, 13),
                "rules": result.rules.describe(),
                "thresholds": result.rules,
                "charts": [
                    render_svg(scurve_chart(series, plan.year)),
                    render_svg(kegiatan_bars(result.root, plan.year)),
                ],
                "warnings": unitdash.deviation_warnings(result.root),
                "kegiatan": unitdash.kegiatan_nodes(result.root),
                "lowest": unitdash.lowest_absorption(result.root, LOWEST),
            },
        )
        top, bottom = html.split(PENDING_MARKER)
        parts = (mark_safe(top), mark_safe(bottom))  # noqa: S308 (a rendered template)
        pages.bodies[key] = parts
    return parts


def _plan_for(request, slug: str, year: int) -> Plan:
    unit = unit_for_reading(request.user, slug)
    plan = Plan.objects.filter(unit=unit, year=year).select_related("unit__government").first()
    if plan is None:
        raise Http404("Rencana tidak ditemukan")
    return plan


@login_required
def reports(request, slug: str, year: int):
    plan = _plan_for(request, slug, year)
    kinds = [(kind, label) for kind, (_module, label) in KINDS.items()]
    return render(
        request,
        "kinerja/reports.html",
        {
            "unit": plan.unit,
            "plan": plan,
            "kinds": kinds,
            "formats": list(FORMATS),
            "months": range(1, 13),
            "papers": list(PAPERS),
        },
    )


@login_required
def report_download(request, slug: str, year: int, kind: str, fmt: str):
    plan = _plan_for(request, slug, year)
    if kind not in KINDS or fmt not in FORMATS:
        raise Http404("Laporan tidak dikenal")
    try:
        upto = min(max(int(request.GET.get("bulan", 12)), 1), 12)
    except ValueError:
        upto = 12
    paper = request.GET.get("kertas")  # paper of the landscape pages; else the kind's default
    paper = paper if paper in PAPERS else None
    report = make_report(kind, fmt, plan.unit, plan.year, upto_month=upto, paper=paper)
    response = HttpResponse(report.content, content_type=report.content_type)
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response


@login_required
def report_texts(request, slug: str, year: int):
    """The free texts of the unit's reports for the year: readers see them, writers edit."""
    plan = _plan_for(request, slug, year)
    unit = plan.unit
    may_write = can_write_unit(request.user, unit)
    if request.method == "POST":
        if not may_write:
            raise Http404("Unit tidak ditemukan")
        texts = {key: request.POST[key] for key in REPORT_TEXT_KEYS if key in request.POST}
        try:
            changed = report_texts_save(unit=unit, year=year, texts=texts)
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Tersimpan: {len(changed)} bagian teks berubah.")
            return redirect("report-texts", slug=unit.slug, year=year)
    stored = {t.key: t.text for t in ReportText.objects.filter(unit=unit, year=year)}
    fields = [(key, label, stored.get(key, "")) for key, label in REPORT_TEXT_KEYS.items()]
    return render(
        request,
        "kinerja/report_texts.html",
        {"unit": unit, "plan": plan, "fields": fields, "may_write": may_write},
    )
