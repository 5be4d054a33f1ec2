"""Pages of the plan editor: the plan's structure per unit and year, node and indicator
forms, the sasaran targets, the monthly plan grid, and the nomenclature search.

Everyone who may read the unit sees the pages; only the admin and the operator change
anything (``services.may_edit_plan``). A change by anyone else, like a unit or plan the user
may not read, answers 404 and changes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kinerja.core.numbers import MONTHS_ID, fmt_money
from kinerja.core.parse import ParseError, parse_money, parse_percent
from kinerja.core.tree import level_name
from kinerja.org.access import unit_for_reading

from . import services
from .forms import (
    IndicatorForm,
    NodeForm,
    PlanCreateForm,
    add_problems,
    indicator_initial,
    show,
)
from .models import Indicator, IndicatorTarget, Nomenclature, Plan, PlanNode, Sasaran
from .nomenclature import LOCAL
from .selectors import compute_plan
from .validation_rules import LEAF_LEVELS, child_level

MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
# findings of the computed plan that concern its editing
EDIT_FINDINGS = {
    "code_not_under_parent",
    "duplicate_code",
    "indicator_without_target",
    "plan_decreasing",
    "plan_not_complete",
}
_FROZEN_DPA = gettext_lazy(
    "Sudah ada DPPA: pagu DPA tetap sebagai anggaran murni; perubahan dicatat di DPPA."
)
GRID_LIMIT = 40  # leaves shown at once in the monthly grid (24 fields each)


def _plan(request, slug: str, year: int) -> Plan:
    unit = unit_for_reading(request.user, slug)
    plan = Plan.objects.filter(unit=unit, year=year).select_related("unit__government").first()
    if plan is None:
        raise Http404("Rencana tidak ditemukan")
    return plan


def _editable_plan(request, slug: str, year: int) -> Plan:
    plan = _plan(request, slug, year)
    if not services.may_edit_plan(request.user, plan.unit):
        raise Http404("Rencana tidak ditemukan")
    return plan


def _node(plan: Plan, node_id) -> PlanNode:
    try:
        return PlanNode.objects.select_related("parent", "plan__unit__government").get(
            plan=plan, pk=int(node_id)
        )
    except (PlanNode.DoesNotExist, TypeError, ValueError):
        raise Http404("Simpul tidak ditemukan") from None


def _sasaran(plan: Plan, sasaran_id) -> Sasaran:
    try:
        return Sasaran.objects.get(
            pk=int(sasaran_id),
            unit=plan.unit,
            period_start__lte=plan.year,
            period_end__gte=plan.year,
        )
    except (Sasaran.DoesNotExist, TypeError, ValueError):
        raise Http404("Sasaran tidak ditemukan") from None


def _indicator(plan: Plan, indicator_id: int) -> Indicator:
    indicator = (
        Indicator.objects.select_related("node", "sasaran")
        .filter(pk=indicator_id)
        .filter(
            Q(node__plan=plan)
            | Q(
                sasaran__unit=plan.unit,
                sasaran__period_start__lte=plan.year,
                sasaran__period_end__gte=plan.year,
            )
        )
        .first()
    )
    if indicator is None:
        raise Http404("Indikator tidak ditemukan")
    return indicator


def _annual_target(indicator: Indicator, year: int) -> IndicatorTarget | None:
    return IndicatorTarget.objects.filter(
        indicator=indicator, source="annual", year=year, period_kind="year", period_index=0
    ).first()


def _structure_url(plan: Plan, node_id: int | None = None) -> str:
    url = reverse("plan-edit", args=[plan.unit.slug, plan.year])
    return f"{url}#n{node_id}" if node_id else url


# --- the plan's structure ------------------------------------------------------------------


@login_required
def plan_edit(request, slug: str, year: int):
    """The structure of the plan with its pagu DPA / DPPA and indicators; for a unit and
    year without a plan, the admin and the operator may create it here."""
    unit = unit_for_reading(request.user, slug)
    plan = Plan.objects.filter(unit=unit, year=year).select_related("unit__government").first()
    may_edit = services.may_edit_plan(request.user, unit)
    if plan is None:
        return _plan_create(request, unit, year, may_edit)
    if request.method == "POST":
        raise Http404("Tindakan tidak dikenal")
    result = compute_plan(plan)
    nodes = {n.id: n for n in PlanNode.objects.filter(plan=plan)}
    rows = []
    for depth, computed in _flatten(result.root):
        if depth:
            rows.append((depth, computed, nodes[computed.node.id]))
    version = services.plan_version(plan)
    return render(
        request,
        "plans/structure.html",
        {
            "unit": unit,
            "plan": plan,
            "rows": rows,
            "total": result.root.pagu.value,
            "may_edit": may_edit,
            "version": version,
            "local": version == LOCAL,
            "version_loaded": version == LOCAL
            or Nomenclature.objects.filter(version=version).exists(),
            "findings": [f for f in result.findings if f.code in EDIT_FINDINGS],
            "can_start_dppa": any(
                n.pagu_dpa is not None and n.pagu_dppa is None
                for n in nodes.values()
                if n.level in LEAF_LEVELS
            ),
            "has_sasaran": Sasaran.objects.filter(
                unit=unit, period_start__lte=year, period_end__gte=year
            ).exists(),
        },
    )


def _flatten(node, depth=0):
    yield depth, node
    for child in node.children:
        yield from _flatten(child, depth + 1)


def _plan_create(request, unit, year: int, may_edit: bool):
    if not may_edit:
        raise Http404("Rencana tidak ditemukan")
    form = PlanCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_create(
                user=request.user,
                unit=unit,
                year=year,
                nomenclature=form.cleaned_data["nomenclature"],
                structure=form.cleaned_data["structure"],
            )
        except services.PlanInvalid as exc:
            add_problems(form, exc.problems)
        else:
            messages.success(
                request,
                _("Rencana %(unit)s tahun %(year)s dibuat.") % {"unit": unit.name, "year": year},
            )
            return redirect("plan-edit", slug=unit.slug, year=year)
    return render(
        request,
        "plans/plan_create.html",
        {
            "unit": unit,
            "year": year,
            "form": form,
            "versions": services.nomenclature_versions(),
        },
    )


@require_POST
@login_required
def plan_dppa(request, slug: str, year: int):
    plan = _editable_plan(request, slug, year)
    changed = services.plan_start_dppa(user=request.user, plan=plan)
    messages.success(
        request,
        _(
            "DPPA dimulai: pagu DPA %(n)s sub kegiatan disalin ke pagu DPPA; pagu DPA tetap "
            "tersimpan sebagai anggaran murni."
        )
        % {"n": changed},
    )
    return redirect("plan-edit", slug=slug, year=year)


# --- nodes ---------------------------------------------------------------------------------


def _node_context(plan, *, level, parent, node, form):
    version = services.plan_version(plan)
    if version != LOCAL:
        form.fields["name"].widget.attrs["readonly"] = True
    return {
        "unit": plan.unit,
        "plan": plan,
        "level": level,
        "level_label": level_name(level),
        "parent": parent,
        "node": node,
        "form": form,
        "version": version,
        "local": version == LOCAL,
        "leaf": level in LEAF_LEVELS,
    }


@login_required
def node_new(request, slug: str, year: int):
    plan = _editable_plan(request, slug, year)
    parent_id = request.POST.get("induk") or request.GET.get("induk")
    parent = _node(plan, parent_id) if parent_id else None
    level = child_level(parent.level if parent else None, plan.leaf_level)
    if level is None:
        raise Http404("Simpul terendah tidak memiliki anak")
    form = NodeForm(request.POST or None, leaf=level in LEAF_LEVELS)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            node = services.node_create(
                user=request.user,
                plan=plan,
                parent=parent,
                code=data["code"],
                name=data["name"],
                pagu_dpa=data.get("pagu_dpa"),
                pagu_dppa=data.get("pagu_dppa"),
            )
        except services.PlanInvalid as exc:
            add_problems(form, exc.problems)
        else:
            messages.success(
                request, _("Ditambahkan: %(node)s.") % {"node": f"{node.code} {node.name}"}
            )
            return redirect(_structure_url(plan, node.id))
    return render(
        request,
        "plans/node_form.html",
        _node_context(plan, level=level, parent=parent, node=None, form=form),
    )


@login_required
def node_edit(request, slug: str, year: int, node_id: int):
    plan = _editable_plan(request, slug, year)
    node = _node(plan, node_id)
    leaf = node.level in LEAF_LEVELS
    initial = {
        "code": node.code,
        "name": node.name,
        "pagu_dpa": show(node.pagu_dpa),
        "pagu_dppa": show(node.pagu_dppa),
    }
    form = NodeForm(request.POST or None, leaf=leaf, initial=initial)
    if leaf and node.pagu_dppa is not None:
        form.fields["pagu_dpa"].widget.attrs["readonly"] = True
        form.fields["pagu_dpa"].help_text = _FROZEN_DPA
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.node_update(
                user=request.user,
                node=node,
                code=data["code"],
                name=data["name"],
                pagu_dpa=data.get("pagu_dpa"),
                pagu_dppa=data.get("pagu_dppa"),
            )
        except services.PlanInvalid as exc:
            add_problems(form, exc.problems)
        else:
            messages.success(request, _("Tersimpan: %(code)s.") % {"code": data["code"]})
            return redirect(_structure_url(plan, node.id))
    context = _node_context(plan, level=node.level, parent=node.parent, node=node, form=form)
    context["indicators"] = [
        (ind, _annual_target(ind, plan.year)) for ind in Indicator.objects.filter(node=node)
    ]
    below = child_level(node.level, plan.leaf_level)
    context["children_level"] = below
    context["children_label"] = level_name(below) if below else ""
    return render(request, "plans/node_form.html", context)


@require_POST
@login_required
def node_delete(request, slug: str, year: int, node_id: int):
    plan = _editable_plan(request, slug, year)
    node = _node(plan, node_id)
    label = f"{node.code} {node.name}"
    try:
        services.node_delete(user=request.user, node=node)
    except services.PlanInvalid as exc:
        for p in exc.problems:
            messages.error(request, p.message)
        return redirect(_structure_url(plan, node.id))
    messages.success(request, _("Dihapus: %(node)s.") % {"node": label})
    return redirect(_structure_url(plan, node.parent_id))


# --- indicators ----------------------------------------------------------------------------


def _indicator_data(form: IndicatorForm):
    data = form.cleaned_data
    return (
        services.IndicatorData(
            statement=data["statement"],
            satuan=data["satuan"],
            kind=data["kind"],
            polarity=data["polarity"],
            value_type=data["value_type"],
            cumulative=data["cumulative"],
            qualitative_mode=data["qualitative_mode"],
            levels=form.level_list(),
            baseline=data["baseline"],
        ),
        services.TargetData(
            value=data["target_value"],
            low=data["target_low"],
            high=data["target_high"],
            label=data["target_label"],
        ),
    )


def _back(plan, indicator=None, node=None, sasaran=None) -> str:
    if sasaran is not None or (indicator is not None and indicator.sasaran_id):
        return reverse("plan-sasaran", args=[plan.unit.slug, plan.year])
    node_id = node.id if node is not None else indicator.node_id
    return reverse("plan-node-edit", args=[plan.unit.slug, plan.year, node_id])


def _below_last_year(indicator) -> str | None:
    # the years compared (Tabel 8.2) live in the multi-year area
    from kinerja.multiyear.selectors import target_warning

    return target_warning(indicator) if indicator is not None else None


def _warn_below_last_year(request, indicator) -> None:
    warning = _below_last_year(indicator)
    if warning:
        messages.warning(request, _("Perhatian: %(warning)s.") % {"warning": warning})


def _indicator_page(request, plan, form, *, indicator, node, sasaran):
    owner = node or sasaran or indicator.node or indicator.sasaran
    return render(
        request,
        "plans/indicator_form.html",
        {
            "unit": plan.unit,
            "plan": plan,
            "form": form,
            "indicator": indicator,
            "owner": owner,
            "on_sasaran": isinstance(owner, Sasaran),
            "back": _back(plan, indicator, node, sasaran),
            "target_warning": _below_last_year(indicator),
        },
    )


@login_required
def indicator_new(request, slug: str, year: int):
    plan = _editable_plan(request, slug, year)
    params = request.POST if request.method == "POST" else request.GET
    node = sasaran = None
    if params.get("sasaran"):
        sasaran = _sasaran(plan, params["sasaran"])
        kind = Indicator.Kind.SASARAN
    else:
        node = _node(plan, params.get("simpul"))
        kind = {"program": "program", "kegiatan": "outcome"}.get(node.level, "output")
    form = IndicatorForm(request.POST or None, initial={"cumulative": True, "kind": kind})
    if request.method == "POST" and form.is_valid():
        data, target = _indicator_data(form)
        try:
            created = services.indicator_create(
                user=request.user,
                plan=plan,
                node=node,
                sasaran=sasaran,
                data=data,
                target=target,
            )
        except services.PlanInvalid as exc:
            add_problems(form, exc.problems)
        else:
            messages.success(
                request, _("Indikator ditambahkan: %(name)s.") % {"name": data.statement.strip()}
            )
            _warn_below_last_year(request, created)
            return redirect(_back(plan, node=node, sasaran=sasaran))
    return _indicator_page(request, plan, form, indicator=None, node=node, sasaran=sasaran)


@login_required
def indicator_edit(request, slug: str, year: int, indicator_id: int):
    plan = _editable_plan(request, slug, year)
    indicator = _indicator(plan, indicator_id)
    initial = indicator_initial(indicator, _annual_target(indicator, plan.year))
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data, target = _indicator_data(form)
        try:
            services.indicator_update(
                user=request.user, plan=plan, indicator=indicator, data=data, target=target
            )
        except services.PlanInvalid as exc:
            add_problems(form, exc.problems)
        else:
            messages.success(
                request, _("Indikator tersimpan: %(name)s.") % {"name": data.statement.strip()}
            )
            _warn_below_last_year(request, indicator)
            return redirect(_back(plan, indicator))
    return _indicator_page(request, plan, form, indicator=indicator, node=None, sasaran=None)


@require_POST
@login_required
def indicator_delete(request, slug: str, year: int, indicator_id: int):
    plan = _editable_plan(request, slug, year)
    indicator = _indicator(plan, indicator_id)
    back = _back(plan, indicator)
    try:
        services.indicator_delete(user=request.user, plan=plan, indicator=indicator)
    except services.PlanInvalid as exc:
        for p in exc.problems:
            messages.error(request, p.message)
    else:
        messages.success(request, _("Indikator dihapus: %(name)s.") % {"name": indicator.statement})
    return redirect(back)


@login_required
def sasaran_targets(request, slug: str, year: int):
    """The sasaran strategis of the unit whose period covers the year, with their indicators,
    the annual target of the year and the medium-term target."""
    plan = _plan(request, slug, year)
    items = list(
        Sasaran.objects.filter(unit=plan.unit, period_start__lte=year, period_end__gte=year)
        .prefetch_related("indicators__targets")
        .order_by("position", "id")
    )
    rows = []
    for s in items:
        indicators = []
        for ind in s.indicators.all():
            targets = {(t.source, t.year): t for t in ind.targets.all() if t.period_kind == "year"}
            indicators.append(
                (ind, targets.get(("annual", year)), targets.get(("medium_term", year)))
            )
        rows.append((s, indicators))
    return render(
        request,
        "plans/sasaran.html",
        {
            "unit": plan.unit,
            "plan": plan,
            "rows": rows,
            "may_edit": services.may_edit_plan(request.user, plan.unit),
        },
    )


# --- monthly plan --------------------------------------------------------------------------


def _grid_scope(plan: Plan, wanted) -> tuple[list[PlanNode], PlanNode | None, list[PlanNode]]:
    """The leaves shown (all when few, else those under the chosen program or kegiatan),
    the node they are under, and the programs and kegiatan one may choose."""
    nodes = list(
        PlanNode.objects.filter(plan=plan).select_related("parent").order_by("position", "code")
    )
    has_children = {n.parent_id for n in nodes}
    leaves = [n for n in nodes if n.id not in has_children]
    groups = [n for n in nodes if n.id in has_children]
    by_id = {n.id: n for n in nodes}
    scope = None
    if wanted:
        try:
            scope = by_id[int(wanted)]
        except (KeyError, ValueError):
            raise Http404("Simpul tidak ditemukan") from None
    elif len(leaves) > GRID_LIMIT:
        scope = next((g for g in groups if g.level == "kegiatan"), None)
    if scope is None:
        return leaves, None, groups

    def under(n):
        while n is not None:
            if n.id == scope.id:
                return True
            n = by_id.get(n.parent_id)
        return False

    return [leaf for leaf in leaves if under(leaf)], scope, groups


@login_required
def monthly(request, slug: str, year: int):
    """The monthly plan of each leaf as a grid: anggaran kas in rupiah per month (summing to
    the pagu in force) and fisik as a cumulative % (ending at 100)."""
    plan = _plan(request, slug, year)
    may_edit = services.may_edit_plan(request.user, plan.unit)
    params = request.POST if request.method == "POST" else request.GET
    leaves, scope, groups = _grid_scope(plan, params.get("induk"))
    stored = services.monthly_plan(plan)
    empty = ([None] * 12, [None] * 12)
    typed: dict[int, tuple[list[str], list[str]]] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not may_edit:
            raise Http404("Rencana tidak ditemukan")
        rows = []
        for leaf in leaves:
            texts = (
                [request.POST.get(f"n{leaf.id}-kas-{m}", "") for m in range(1, 13)],
                [request.POST.get(f"n{leaf.id}-fisik-{m}", "") for m in range(1, 13)],
            )
            typed[leaf.id] = texts
            values = []
            for kind, parser, cells in (
                ("kas", parse_money, texts[0]),
                ("fisik", parse_percent, texts[1]),
            ):
                parsed = []
                for m, text in enumerate(cells, start=1):
                    try:
                        parsed.append(parser(text))
                    except ParseError as exc:
                        what = "anggaran kas" if kind == "kas" else "rencana fisik"
                        errors[f"n{leaf.id}-{kind}-{m}"] = (
                            f"{leaf.code} {leaf.name}: {what} {MONTHS_ID[m - 1]} {exc}"
                        )
                        parsed.append(None)
                values.append(tuple(parsed))
            rows.append(services.MonthlyPlanRow(leaf.id, values[0], values[1]))
        if errors:
            messages.error(request, _("Tidak ada yang disimpan: perbaiki isian yang ditandai."))
        else:
            try:
                changed = services.monthly_plan_save(
                    user=request.user,
                    plan=plan,
                    rows=rows,
                    signature=request.POST.get("signature", ""),
                )
            except services.PlanInvalid as exc:
                errors = {p.field: p.message for p in exc.problems}
                messages.error(request, _("Tidak ada yang disimpan: perbaiki isian yang ditandai."))
            else:
                messages.success(
                    request, _("Rencana bulanan tersimpan (%(n)s bulan berubah).") % {"n": changed}
                )
                url = reverse("plan-monthly", args=[slug, year])
                return redirect(f"{url}?induk={scope.id}" if scope else url)
    grid = []
    for leaf in leaves:
        kas, fisik = stored.get(leaf.id, empty)
        filled = [k for k in kas if k is not None]
        total = sum(filled[1:], filled[0]) if filled else None
        shown = typed.get(leaf.id, ([show(k) for k in kas], [show(f) for f in fisik]))
        grid.append(
            {
                "node": leaf,
                "kas": [
                    (m, shown[0][m - 1], errors.get(f"n{leaf.id}-kas-{m}", ""))
                    for m in range(1, 13)
                ],
                "fisik": [
                    (m, shown[1][m - 1], errors.get(f"n{leaf.id}-fisik-{m}", ""))
                    for m in range(1, 13)
                ],
                "total": fmt_money(total) if total is not None else "",
                "row_error": errors.get(f"n{leaf.id}-kas", ""),
            }
        )
    return render(
        request,
        "plans/monthly.html",
        {
            "unit": plan.unit,
            "plan": plan,
            "grid": grid,
            "scope": scope,
            "groups": groups,
            "months": list(zip(range(1, 13), MONTHS_SHORT, MONTHS_ID, strict=True)),
            "may_edit": may_edit,
            "signature": services.monthly_plan_signature(plan, [leaf.id for leaf in leaves]),
            "errors_list": list(errors.values()),
        },
    )


# --- nomenclature search -------------------------------------------------------------------


@require_GET
@login_required
def nomenclature_search(request):
    """``?versi=permendagri-90-2019&q=evaluasi&tingkat=sub_kegiatan&induk=4.01.01.1.01``:
    at most 20 entries as JSON ``{"version", "results": [{code, name, level, parent_code}]}``.
    The nomenclature is public reference data: any signed-in user may search it."""
    version = request.GET.get("versi", "").strip()
    level = request.GET.get("tingkat", "").strip()
    if level and level not in Nomenclature.Level.values:
        level = "__none__"
    rows = services.nomenclature_search(
        version=version,
        query=request.GET.get("q", "")[:100],
        level=level,
        parent_code=request.GET.get("induk", "").strip(),
    )
    return JsonResponse(
        {
            "version": version,
            "results": [
                {"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code}
                for r in rows
            ],
        }
    )
