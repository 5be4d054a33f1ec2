from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from kinerja.org.access import readable_units, unit_for_reading
from kinerja.plans.models import Plan
from kinerja.plans.selectors import compute_plan
from kinerja.reports.service import FORMATS, KINDS, make_report


@login_required
def home(request):
    plans = (
        Plan.objects.filter(unit__in=readable_units(request.user))
        .select_related("unit", "unit__government")
        .order_by("unit__government__code", "unit__name", "year")
    )
    return render(request, "kinerja/home.html", {"plans": plans})


@login_required
def unit_year(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    plan = Plan.objects.filter(unit=unit, year=year).select_related("unit__government").first()
    if plan is None:
        raise Http404("Rencana tidak ditemukan")
    try:
        upto = int(request.GET.get("bulan", 12))
    except ValueError:
        upto = 12
    upto = min(max(upto, 1), 12)
    result = compute_plan(plan, upto_month=upto)
    rows = [(depth, node) for depth, node in _flatten(result.root)]
    head = unit.heads.filter(year=year).first()
    other_years = Plan.objects.filter(unit=unit).exclude(year=year).values_list("year", flat=True)
    return render(
        request,
        "kinerja/unit_year.html",
        {
            "unit": unit,
            "plan": plan,
            "result": result,
            "rows": rows,
            "head": head,
            "other_years": list(other_years),
            "months": range(1, 13),
            "rules": result.rules.describe(),
        },
    )


def _flatten(node, depth=0):
    yield depth, node
    for child in node.children:
        yield from _flatten(child, depth + 1)


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
    report = make_report(kind, fmt, plan.unit, plan.year, upto_month=upto)
    response = HttpResponse(report.content, content_type=report.content_type)
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response
