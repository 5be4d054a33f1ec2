"""Pages of the Perjanjian Kinerja: the agreements of a unit and the units under it for a
year, one agreement with its versions, creating and revising one, the cascade links, the
pohon kinerja (also as SVG and PNG) and the checks.

Reading needs read access to the unit (``kinerja.org.access``); creating, revising and
linking need the admin or operator role on it. Anything else answers 404, like a unit that
does not exist. ``?tanggal=YYYY-MM-DD`` shows the agreements in force on that date (default:
31 December of the year)."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.core.numbers import fmt_date
from kinerja.core.parse import parse_id
from kinerja.org.access import can_read_unit, readable_units, roles_on_unit, unit_for_reading
from kinerja.org.models import Membership, OrgUnit
from kinerja.plans.models import Indicator, Plan, PlanNode

from . import forms, pohon, selectors, services
from .checks import ERROR, run_checks, same_target
from .models import AgreementRow, PerformanceAgreement

EDITORS = {Membership.Role.ADMIN, Membership.Role.OPERATOR}


def may_edit(user, unit: OrgUnit) -> bool:
    return bool(roles_on_unit(user, unit) & EDITORS)


def _unit_for_editing(request, slug: str) -> OrgUnit:
    unit = unit_for_reading(request.user, slug)
    if not may_edit(request.user, unit):
        raise Http404("Unit tidak ditemukan")
    return unit


def _on(request, year: int) -> datetime.date:
    text = request.GET.get("tanggal", "").strip()
    if text:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            messages.error(
                request,
                _("Tanggal %(text)r tidak dikenal; contoh: %(year)s-12-31.")
                % {"text": text, "year": year},
            )
    return datetime.date(year, 12, 31)


def _base(unit: OrgUnit, year: int, on: datetime.date) -> dict:
    return {
        "unit": unit,
        "year": year,
        "on": on,
        "on_text": fmt_date(on),
        "year_end": on == datetime.date(year, 12, 31),
        "has_plan": Plan.objects.filter(unit=unit, year=year).exists(),
    }


@login_required
def agreement_list(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    on = _on(request, year)
    units = selectors.subtree(unit, year)
    depth = selectors.depths(unit, units)
    docs = {d.unit_id: d for d in selectors.agreements_in_force(units, year, on)}
    stored = set(
        PerformanceAgreement.objects.filter(unit__in=units, year=year).values_list(
            "unit_id", flat=True
        )
    )
    editable = {u.id for u in units if may_edit(request.user, u)}
    rows = [
        {
            "unit": u,
            "indent": f"{0.5 + 1.3 * depth.get(u.id, 0):.1f}",
            "doc": docs.get(u.id),
            "stored": u.id in stored,
            "may_edit": u.id in editable,
        }
        for u in units
    ]
    return render(request, "agreements/list.html", {**_base(unit, year, on), "rows": rows})


def _plan_comparison(doc, year: int) -> tuple[dict, dict]:
    indicator_ids = {x.indicator_id for x in (*doc.lines, *doc.budget) if x.indicator_id}
    targets = selectors.indicator_facts(indicator_ids, year)
    node_ids = {b.node_id for b in doc.budget if b.node_id}
    plan_ids = set(
        PlanNode.objects.filter(id__in=node_ids).values_list("plan_id", flat=True).distinct()
    )
    nodes = selectors.plan_node_facts(plan_ids) if plan_ids else {}
    return targets, nodes


def _differs(item, plan) -> bool:
    return (
        plan is not None
        and plan.has_target
        and not same_target(item.target, item.target_label, plan)
    )


@login_required
def agreement_detail(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    on = _on(request, year)
    agreement = PerformanceAgreement.objects.filter(unit=unit, year=year).first()
    context = {**_base(unit, year, on), "agreement": agreement, "may_edit": False}
    context["may_edit"] = may_edit(request.user, unit)
    if agreement is None:
        return render(request, "agreements/detail.html", context)
    versions = selectors.version_list(agreement)
    number = parse_id(request.GET.get("versi", ""))
    if number is not None:
        doc = selectors.agreement_version(agreement, number)
        if doc is None:
            raise Http404("Versi tidak ditemukan")
    else:
        doc = selectors.agreement_in_force(unit, year, on)
    lines, budget, parents, supporters = [], [], {}, {}
    if doc is not None:
        targets, nodes = _plan_comparison(doc, year)
        keys = [line.key for line in doc.lines]
        parent_keys = {line.parent_key for line in doc.lines if line.parent_key}
        readable = set(readable_units(request.user).values_list("id", flat=True))
        for r in AgreementRow.objects.filter(id__in=parent_keys).select_related("agreement__unit"):
            if r.agreement.unit_id in readable:
                parents[r.id] = r
        for r in AgreementRow.objects.filter(parent_id__in=keys).select_related("agreement__unit"):
            if r.agreement.unit_id in readable:
                supporters.setdefault(r.parent_id, []).append(r)
        for line in doc.lines:
            plan = targets.get(line.indicator_id) if line.indicator_id else None
            lines.append(
                {
                    "line": line,
                    "plan": plan,
                    "differs": _differs(line, plan),
                    "parent": parents.get(line.parent_key),
                    "parent_hidden": line.parent_key is not None and line.parent_key not in parents,
                    "supporters": supporters.get(line.key, []),
                }
            )
        for b in doc.budget:
            node = nodes.get(b.node_id) if b.node_id else None
            plan = targets.get(b.indicator_id) if b.indicator_id else None
            budget.append(
                {
                    "line": b,
                    "node": node,
                    "plan": plan if b.has_target else None,
                    "differs": b.has_target and _differs(b, plan),
                    "pagu_differs": node is not None and node.pagu != b.amount,
                }
            )
    context.update(
        doc=doc,
        versions=versions,
        lines=lines,
        budget=budget,
        superior_unit=agreement.superior_unit,
        # the cascade page needs the superior's agreement: offered only to who may read it
        may_link=context["may_edit"]
        and agreement.superior_unit is not None
        and can_read_unit(request.user, agreement.superior_unit),
        downloads=_downloads(request, unit, year, on, "" if number is None else str(number)),
    )
    return render(request, "agreements/detail.html", context)


def _downloads(request, unit: OrgUnit, year: int, on: datetime.date, number: str) -> list:
    """``(format, address)`` of the PK document of what the page shows; none when no plan
    of the unit or above it holds the year (the document is made from a plan's year)."""
    if selectors.plan_for(unit, year) is None:
        return []
    query = {"tanggal": on.isoformat()}
    if number:
        query["versi"] = number
    return [
        (
            fmt.upper(),
            reverse("agreement-download", args=[unit.slug, year, fmt]) + "?" + urlencode(query),
        )
        for fmt in PK_FORMATS
    ]


def _choices(request, unit: OrgUnit, year: int, superior_unit_id: int | None) -> dict:
    """The options of the form's selects: the plan nodes and indicators the unit's agreement
    may be about (when the user may read that plan), the units that may be pihak kedua, and
    the indicators of the superior's agreement (when the user may read the superior)."""
    plan = selectors.plan_for(unit, year)
    nodes, indicators = [], []
    if plan is not None and can_read_unit(request.user, plan.unit):
        nodes = list(PlanNode.objects.filter(plan=plan).order_by("position", "code"))
        indicators = list(
            Indicator.objects.filter(node__plan=plan)
            .select_related("node")
            .order_by("node__position", "position")
        )
    ancestors, cur = [], unit.parent
    while cur is not None:
        ancestors.append(cur)
        cur = cur.parent
    readable = [
        u
        for u in readable_units(request.user).filter(government_id=unit.government_id)
        if u.exists_in(year) and u.id != unit.id
    ]
    superiors = {u.id: u for u in (*ancestors, *readable)}
    parents = []
    superior = superiors.get(superior_unit_id) if superior_unit_id else None
    if superior is not None and can_read_unit(request.user, superior):
        parents = list(
            AgreementRow.objects.filter(agreement__unit=superior, agreement__year=year).order_by(
                "position"
            )
        )
    return {
        "plan": plan,
        "node_choices": nodes,
        "indicator_choices": indicators,
        "superior_choices": sorted(superiors.values(), key=lambda u: (u.eselon, u.name)),
        "parent_choices": parents,
    }


def _form_page(request, unit, year, data, *, agreement=None, doc=None):
    superior_id = data.header.get("superior_unit")
    context = {
        **_base(unit, year, datetime.date(year, 12, 31)),
        "form": data,
        "agreement": agreement,
        "doc": doc,
        "revising": agreement is not None,
        **_choices(request, unit, year, parse_id(superior_id)),
    }
    return render(request, "agreements/form.html", context)


@login_required
def agreement_create(request, slug: str, year: int):
    unit = _unit_for_editing(request, slug)
    existing = PerformanceAgreement.objects.filter(unit=unit, year=year).first()
    if existing is not None:
        return redirect("agreement-revise", slug=unit.slug, year=year)
    if request.method == "POST":
        read = forms.read_form(request.POST)
        if "tambah" in request.POST:
            return _form_page(request, unit, year, forms.with_more_rows(read.data))
        if not read.data.errors:
            superior = OrgUnit.objects.filter(id=read.superior_unit_id).first()
            try:
                services.agreement_create(
                    user=request.user,
                    unit=unit,
                    year=year,
                    title=read.data.header["title"],
                    superior_unit=superior,
                    superior_title=read.data.header["superior_title"],
                    signed_on=read.signed_on,
                    official=read.official,
                    superior=read.superior,
                    lines=read.lines,
                    budget=read.budget,
                )
            except services.AgreementInputError as exc:
                read.data.errors.extend(exc.errors)
            else:
                messages.success(request, _("Perjanjian kinerja tersimpan sebagai versi 1."))
                return redirect("agreement-detail", slug=unit.slug, year=year)
        return _form_page(request, unit, year, read.data)
    data = forms.initial_for_new(unit, year, selectors.plan_for(unit, year))
    return _form_page(request, unit, year, data)


@login_required
def agreement_revise(request, slug: str, year: int):
    unit = _unit_for_editing(request, slug)
    agreement = PerformanceAgreement.objects.filter(unit=unit, year=year).first()
    if agreement is None:
        raise Http404("Perjanjian kinerja tidak ditemukan")
    doc = selectors.agreement_version(agreement, agreement.version)
    if request.method == "POST":
        read = forms.read_form(request.POST)
        if "tambah" in request.POST:
            data = forms.with_more_rows(read.data)
            return _form_page(request, unit, year, data, agreement=agreement, doc=doc)
        if not read.data.errors:
            superior = OrgUnit.objects.filter(id=read.superior_unit_id).first()
            try:
                services.agreement_revise(
                    user=request.user,
                    agreement=agreement,
                    signed_on=read.signed_on,
                    reason=read.data.header["reason"],
                    title=read.data.header["title"],
                    superior_unit=superior,
                    superior_title=read.data.header["superior_title"],
                    official=read.official,
                    superior=read.superior,
                    lines=read.lines,
                    budget=read.budget,
                )
            except services.AgreementInputError as exc:
                read.data.errors.extend(exc.errors)
            else:
                agreement.refresh_from_db()
                messages.success(
                    request,
                    _("PK perubahan tersimpan sebagai versi %(n)s.") % {"n": agreement.version},
                )
                return redirect("agreement-detail", slug=unit.slug, year=year)
        return _form_page(request, unit, year, read.data, agreement=agreement, doc=doc)
    data = forms.initial_for_revision(doc, agreement)
    return _form_page(request, unit, year, data, agreement=agreement, doc=doc)


@login_required
def agreement_links(request, slug: str, year: int):
    """The cascade of the unit's agreement: which indicator of the superior's agreement each
    of its indicators supports. Changing a link makes no new version."""
    unit = _unit_for_editing(request, slug)
    agreement = PerformanceAgreement.objects.filter(unit=unit, year=year).first()
    if agreement is None or agreement.superior_unit_id is None:
        raise Http404("Perjanjian kinerja tidak ditemukan")
    rows = list(agreement.rows.order_by("position"))
    superior = agreement.superior_unit
    if not can_read_unit(request.user, superior):
        raise Http404("Unit tidak ditemukan")
    parents = list(
        AgreementRow.objects.filter(agreement__unit=superior, agreement__year=year).order_by(
            "position"
        )
    )
    by_id = {p.id: p for p in parents}
    if request.method == "POST":
        changed, errors = 0, []
        for row in rows:
            value = request.POST.get(f"parent-{row.id}", "").strip()
            parent = by_id.get(parse_id(value))
            if value and parent is None:
                errors.append(_("Indikator «%(s)s»: pilihan tidak dikenal.") % {"s": row.statement})
                continue
            if (parent.id if parent else None) != row.parent_id:
                services.agreement_link(user=request.user, row=row, parent=parent)
                changed += 1
        for e in errors:
            messages.error(request, e)
        if not errors:
            messages.success(
                request, _("Kaskade tersimpan: %(n)s tautan berubah.") % {"n": changed}
            )
            return redirect("agreement-detail", slug=unit.slug, year=year)
        rows = list(agreement.rows.order_by("position"))
    return render(
        request,
        "agreements/links.html",
        {
            **_base(unit, year, datetime.date(year, 12, 31)),
            "agreement": agreement,
            "rows": rows,
            "parents": parents,
            "superior": superior,
        },
    )


def _forest(unit: OrgUnit, year: int, on: datetime.date):
    units = selectors.subtree(unit, year)
    docs = selectors.agreements_in_force(units, year, on)
    forest = pohon.build_forest(docs, selectors.depths(unit, units))
    title = f"Pohon kinerja {unit.name} {year}"
    if on != datetime.date(year, 12, 31):
        title += f" (PK yang berlaku {fmt_date(on)})"
    return forest, pohon.layout(forest, title)


@login_required
def tree(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    on = _on(request, year)
    forest, lay = _forest(unit, year, on)
    orphans = sum(1 for root in forest if root.orphan)
    return render(
        request,
        "agreements/tree.html",
        {
            **_base(unit, year, on),
            "svg": pohon.render_svg(lay, pohon.describe(forest)),
            "count": len(lay.boxes),
            "orphans": orphans,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def tree_download(request, slug: str, year: int, fmt: str):
    unit = unit_for_reading(request.user, slug)
    if fmt not in ("svg", "png"):
        raise Http404("Format tidak dikenal")
    on = _on(request, year)
    forest, lay = _forest(unit, year, on)
    if fmt == "svg":
        content = pohon.render_svg(lay, pohon.describe(forest)).encode()
        content_type = "image/svg+xml"
    else:
        content, content_type = pohon.render_png(lay), "image/png"
    response = HttpResponse(content, content_type=content_type)
    name = f"pohon-kinerja-{unit.slug}-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def checks(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    on = _on(request, year)
    findings = run_checks(selectors.check_input(unit, year, on))
    errors = sum(1 for f in findings if f.severity == ERROR)
    return render(
        request,
        "agreements/checks.html",
        {
            **_base(unit, year, on),
            "findings": findings,
            "errors": errors,
            "warnings": len(findings) - errors,
        },
    )


PK_FORMATS = ("pdf", "docx")


@login_required
def agreement_download(request, slug: str, year: int, fmt: str):
    """The Perjanjian Kinerja document (reports kind ``pk``) of the unit's agreement: the
    version in force on ``?tanggal=`` (default 31 December), or the one ``?versi=`` names,
    as the agreement's page shows it. Reading the unit is enough, as for that page."""
    from kinerja.reports.service import agreement_document, render_document

    unit = unit_for_reading(request.user, slug)
    if fmt not in PK_FORMATS:
        raise Http404("Format tidak dikenal")
    agreement = (
        PerformanceAgreement.objects.filter(unit=unit, year=year)
        .select_related("unit__government")
        .first()
    )
    if agreement is None or selectors.plan_for(unit, year) is None:
        raise Http404("Perjanjian kinerja tidak ditemukan")
    number = request.GET.get("versi", "")
    version = parse_id(number)
    if version is not None and not (
        version == agreement.version or agreement.versions.filter(number=version).exists()
    ):
        raise Http404("Versi tidak ditemukan")
    document = agreement_document(agreement, on=_on(request, year), number=version)
    report = render_document(document, fmt)
    response = HttpResponse(report.content, content_type=report.content_type)
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response
