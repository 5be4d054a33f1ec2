"""Pages of the multi-year area: the year compared with the one before (Tabel 8.2), the
medium-term plan (Tabel 8.3), copying a plan into a later year, and the IKM surveys.

Every page reaches the unit through ``kinerja.org.access``: a unit the user may not read,
and a write the user may not make, answer 404 like a missing page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja.core.numbers import fmt_compact
from kinerja.core.parse import parse_id
from kinerja.org.access import unit_for_reading, writable_units
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Indicator, Plan, PlanNode, Sasaran
from kinerja.plans.services import may_edit_plan

from . import ikm, services
from .models import IkmSurvey, MediumTermPlan, ProgramIndicator, SasaranProgram, Tujuan
from .selectors import (
    ikm_indicators,
    ikm_surveys,
    lineage,
    medium_term_progress,
    plan_of_lineage,
    survey_result,
    unit_in_year,
    year_comparison,
)


def _nav(request, unit: OrgUnit, year: int, current: str) -> dict:
    may_write = may_edit_plan(request.user, unit)
    return {
        "unit": unit,
        "year": year,
        "current": current,
        "may_write": may_write,
        "has_plan": Plan.objects.filter(unit=unit, year=year).exists(),
        # the copy page needs a plan of the year (the unit's or a predecessor's)
        "may_copy": may_write and plan_of_lineage(unit, year) is not None,
    }


def _writer(request, unit: OrgUnit) -> None:
    if not may_edit_plan(request.user, unit):
        raise Http404("Unit tidak ditemukan")


# --- Tabel 8.2 -----------------------------------------------------------------------------


@login_required
def comparison(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    try:
        result = year_comparison(unit, year)
    except Plan.DoesNotExist:
        raise Http404("Rencana tidak ditemukan") from None
    return render(
        request,
        "multiyear/comparison.html",
        {**_nav(request, unit, year, "comparison"), "cmp": result},
    )


# --- Tabel 8.3 and the medium-term plan ----------------------------------------------------


@login_required
def medium_term(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    if request.method == "POST":
        _writer(request, unit)
        try:
            text = _medium_term_post(request, unit, year)
        except services.NotAllowed:
            raise Http404("Unit tidak ditemukan") from None
        except services.InvalidInput as exc:
            for error in exc.errors:
                messages.error(request, str(error))
        except services.Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, text)
            return redirect("multiyear-medium-term", slug=unit.slug, year=year)
    view = medium_term_progress(unit, year)
    plan = plan_of_lineage(unit, year)
    programs = (
        list(PlanNode.objects.filter(plan=plan, level__in=["program", "kegiatan"])) if plan else []
    )
    linked = set(
        SasaranProgram.objects.filter(node__in=programs).values_list("sasaran_id", "node_id")
    )
    chain_ids = {u.id for u in lineage(unit)}
    renstra = [d for d in view.documents if d.kind == "renstra" and d.unit_id in chain_ids]
    tracked = {p.indicator_id for p in view.programs if p.indicator_id}
    candidates = [
        i
        for i in Indicator.objects.filter(node__in=programs)
        .select_related("node")
        .order_by("node__position", "node__code", "position", "id")
        if i.id not in tracked
    ]
    return render(
        request,
        "multiyear/medium_term.html",
        {
            **_nav(request, unit, year, "medium_term"),
            "view": view,
            "programs": programs,
            "linked": linked,
            "tujuan": Tujuan.objects.filter(plan__in=view.documents),
            "rpjmd": [d for d in view.documents if d.kind == "rpjmd"],
            "renstra": renstra,
            "candidates": candidates,
        },
    )


def _int(value, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise services.InvalidInput(
            [services.FieldError(name, str(value or ""), "harus tahun atau nomor")]
        ) from None


def _medium_term_post(request, unit: OrgUnit, year: int) -> str:
    post, user = request.POST, request.user
    action = post.get("action", "")
    chain = lineage(unit)
    if action == "document":
        document = services.medium_term_plan_save(
            user=user,
            unit=unit,
            kind=post.get("kind", "renstra"),
            title=post.get("title", ""),
            period_start=_int(post.get("period_start"), _("awal periode")),
            period_end=_int(post.get("period_end"), _("akhir periode")),
            parent=MediumTermPlan.objects.filter(
                government=unit.government, kind="rpjmd", pk=parse_id(post.get("parent"))
            ).first(),
        )
        return _("Dokumen tersimpan: %(title)s") % {"title": document.title}
    if action in ("tujuan", "sasaran"):
        document = MediumTermPlan.objects.filter(
            government=unit.government, pk=parse_id(post.get("document"))
        ).first()
        if document is None:
            raise services.Refused(_("Pilih dokumennya."))
        if action == "tujuan":
            services.tujuan_save(
                user=user,
                document=document,
                statement=post.get("statement", ""),
                code=post.get("code", ""),
                unit=unit,
            )
            return _("Tujuan tersimpan.")
        services.sasaran_save(
            user=user,
            document=document,
            unit=unit,
            statement=post.get("statement", ""),
            code=post.get("code", ""),
            tujuan=Tujuan.objects.filter(plan=document, pk=parse_id(post.get("tujuan"))).first(),
        )
        return _("Sasaran tersimpan.")
    if action in ("program_indicator", "program_targets", "program_remove"):
        return _program_indicator_post(post, user, unit, year, chain)
    sasaran = Sasaran.objects.filter(unit__in=chain, pk=parse_id(post.get("sasaran"))).first()
    if sasaran is None:
        raise Http404("Sasaran tidak ditemukan")
    if action == "indicator":
        services.sasaran_indicator_save(
            user=user,
            sasaran=sasaran,
            unit=unit,
            statement=post.get("statement", ""),
            satuan=post.get("satuan", ""),
            polarity=post.get("polarity", "higher"),
            value_type=post.get("value_type", "number"),
            cumulative=post.get("cumulative") == "1",
        )
        return _("Indikator tersimpan.")
    if action == "targets":
        indicator = Indicator.objects.filter(sasaran=sasaran, pk=parse_id(post.get("indicator")))
        indicator = indicator.first()
        if indicator is None:
            raise Http404("Indikator tidak ditemukan")
        targets = {
            y: post.get(f"t{y}", "")
            for y in range(sasaran.period_start, sasaran.period_end + 1)
            if f"t{y}" in post
        }
        changes = services.medium_term_targets_save(
            user=user, indicator=indicator, unit=unit, targets=targets, end=post.get("end")
        )
        return _("Target tersimpan: %(n)s perubahan.") % {"n": changes}
    if action in ("link", "unlink"):
        node = (
            PlanNode.objects.filter(plan__unit__in=chain, pk=parse_id(post.get("node")))
            .select_related("plan")
            .first()
        )
        if node is None:
            raise Http404("Program tidak ditemukan")
        services.program_link_save(
            user=user, sasaran=sasaran, node=node, unit=unit, linked=action == "link"
        )
        return _("Tautan program tersimpan.")
    raise Http404("Tindakan tidak dikenal")


def _program_indicator_post(post, user, unit: OrgUnit, year: int, chain) -> str:
    """The Renstra targets of program and kegiatan indicators: add one from this year's
    plan, save its yearly and end targets, or take it out."""
    action = post.get("action")
    if action == "program_indicator":
        document = MediumTermPlan.objects.filter(
            unit__in=chain, kind="renstra", pk=parse_id(post.get("document"))
        ).first()
        indicator = (
            Indicator.objects.filter(
                node__plan__unit__in=chain,
                node__plan__year=year,
                pk=parse_id(post.get("indicator")),
            )
            .select_related("node__plan")
            .first()
        )
        if document is None or indicator is None:
            raise services.Refused(_("Pilih dokumen Renstra dan indikatornya."))
        services.program_indicator_add(user=user, unit=unit, document=document, indicator=indicator)
        return _("Indikator program/kegiatan ditambahkan ke Renstra.")
    line = (
        ProgramIndicator.objects.filter(document__unit__in=chain, pk=parse_id(post.get("line")))
        .select_related("document")
        .first()
    )
    if line is None:
        raise Http404("Indikator tidak ditemukan")
    if action == "program_remove":
        services.program_indicator_remove(user=user, unit=unit, line=line)
        return _("Indikator program/kegiatan dikeluarkan dari Renstra.")
    doc = line.document
    targets = {
        y: post.get(f"t{y}", "")
        for y in range(doc.period_start, doc.period_end + 1)
        if f"t{y}" in post
    }
    changes = services.program_indicator_targets_save(
        user=user, line=line, unit=unit, targets=targets, end=post.get("end")
    )
    return _("Target tersimpan: %(n)s perubahan.") % {"n": changes}


# --- copying a plan into a later year ------------------------------------------------------


@login_required
def copy(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    source = plan_of_lineage(unit, year)
    if source is None:
        raise Http404("Rencana tidak ditemukan")
    to_year = year + 1
    target, reason = unit_in_year(unit, to_year)
    successors, others = [], []
    if target is None:
        successors = list(OrgUnit.objects.filter(predecessor__in=lineage(unit)))
        # a unit merged into one that records another predecessor (a unit has one): any unit
        # of the next year the user may write can receive its plan, added to its plan there
        others = [
            u
            for u in writable_units(request.user)
            .filter(government=unit.government, from_year__lte=to_year)
            .exclude(to_year__lt=to_year)
            .exclude(pk__in=[u.pk for u in successors])
            .order_by("name")
            if may_edit_plan(request.user, u)
        ]
    form = {
        "to_year": str(to_year),
        "nomenclature": source.nomenclature,
        "target": str(target.pk) if target else "",
        "merge": "",
    }
    result = None
    if request.method == "POST":
        form = {k: request.POST.get(k, v).strip() for k, v in form.items()}
        try:
            to_year = int(form["to_year"])
        except ValueError:
            messages.error(
                request, _("Tahun tujuan harus angka tahun, mis. %(y)s.") % {"y": year + 1}
            )
        else:
            chosen = None
            if form["target"]:
                chosen = OrgUnit.objects.filter(
                    government=unit.government, pk=form["target"]
                ).first()
            try:
                result = services.copy_year(
                    user=request.user,
                    unit=unit,
                    from_year=year,
                    to_year=to_year,
                    nomenclature=form["nomenclature"],
                    target_unit=chosen,
                    dry_run=request.POST.get("action") != "copy",
                    merge=form["merge"] == "1",
                )
            except services.NotAllowed:
                raise Http404("Unit tidak ditemukan") from None
            except services.Refused as exc:
                messages.error(request, str(exc))
            else:
                if not result.dry_run:
                    messages.success(request, result.summary())
                    return redirect("unit-year", slug=result.target_unit.slug, year=to_year)
    elif not may_edit_plan(request.user, unit):
        raise Http404("Unit tidak ditemukan")
    return render(
        request,
        "multiyear/copy.html",
        {
            **_nav(request, unit, year, "copy"),
            "source": source,
            "form": form,
            "target": target,
            "reason": reason,
            "successors": successors,
            "others": others,
            "result": result,
        },
    )


# --- IKM -----------------------------------------------------------------------------------


@login_required
def ikm_list(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    candidates = ikm_indicators(unit, year)
    if request.method == "POST":
        _writer(request, unit)
        indicator = next(
            (i for i in candidates if str(i.pk) == request.POST.get("indicator")), None
        )
        if indicator is None:
            raise Http404("Indikator tidak ditemukan")
        try:
            value = services.ikm_feed_indicator(
                user=request.user,
                unit=unit,
                year=year,
                indicator=indicator,
                scale=request.POST.get("scale", "auto"),
            )
        except services.NotAllowed:
            raise Http404("Unit tidak ditemukan") from None
        except services.Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Realisasi %(ind)s %(year)s diisi %(value)s.")
                % {"ind": indicator.statement, "year": year, "value": fmt_compact(value, 4)},
            )
            return redirect("multiyear-ikm", slug=unit.slug, year=year)
    return render(
        request,
        "multiyear/ikm_list.html",
        {
            **_nav(request, unit, year, "ikm"),
            "rows": ikm_surveys(unit, year),
            "candidates": candidates,
            "guidelines": list(ikm.GUIDELINES.values()),
        },
    )


@login_required
def ikm_edit(request, slug: str, year: int, pk: int | None = None):
    unit = unit_for_reading(request.user, slug)
    survey = None
    if pk is not None:
        survey = IkmSurvey.objects.filter(unit=unit, year=year, pk=pk).first()
        if survey is None:
            raise Http404("Survei tidak ditemukan")
    may_write = may_edit_plan(request.user, unit)
    if survey is None and not may_write:
        raise Http404("Unit tidak ditemukan")
    post = request.POST if request.method == "POST" else None
    guideline = (post or {}).get("guideline") or (survey.guideline if survey else None)
    guideline = guideline if guideline in ikm.GUIDELINES else ikm.DEFAULT_GUIDELINE
    mode = (post or {}).get("mode") or (survey.mode if survey else "counts")
    errors = []
    if post is not None and post.get("action") == "save":
        _writer(request, unit)
        g = ikm.GUIDELINES[guideline]
        elements = [
            services.ElementText(
                n,
                tuple(post.get(f"u{n}_{s}", "") for s in (1, 2, 3, 4)),
                post.get(f"u{n}_mean", ""),
            )
            for n in range(1, len(g.elements) + 1)
        ]
        try:
            saved = services.ikm_survey_save(
                user=request.user,
                unit=unit,
                year=year,
                service=post.get("service", ""),
                guideline=guideline,
                mode=mode,
                respondents=post.get("respondents", ""),
                index=post.get("index", ""),
                elements=elements,
                period=post.get("period", ""),
                source=post.get("source", ""),
                survey=survey,
            )
        except services.NotAllowed:
            raise Http404("Unit tidak ditemukan") from None
        except services.Refused as exc:
            messages.error(request, str(exc))
        except services.InvalidInput as exc:
            errors = exc.errors
            messages.error(request, _("Tidak ada yang disimpan: perbaiki isian yang ditandai."))
        else:
            messages.success(request, _("Survei tersimpan."))
            return redirect("multiyear-ikm-edit", slug=unit.slug, year=year, pk=saved.pk)
    g = ikm.GUIDELINES[guideline]
    stored = {e.number: e for e in survey.elements.all()} if survey else {}
    rows = []
    bad = {e.where.split(",")[0] for e in errors}
    for n, name in enumerate(g.elements, start=1):
        el = stored.get(n)
        if post is not None:
            counts = [post.get(f"u{n}_{s}", "") for s in (1, 2, 3, 4)]
            mean = post.get(f"u{n}_mean", "")
        else:
            counts = [
                ""
                if el is None or getattr(el, f"count_{s}") is None
                else str(getattr(el, f"count_{s}"))
                for s in (1, 2, 3, 4)
            ]
            mean = fmt_compact(el.mean, 4) if el is not None and el.mean is not None else ""
        rows.append({"n": n, "name": name, "counts": counts, "mean": mean, "bad": f"U{n}" in bad})
    values = {
        "service": survey.service if survey else "",
        "respondents": str(survey.respondents or "") if survey else "",
        "index": fmt_compact(survey.index_value, 4) if survey and survey.index_value else "",
        "period": survey.period if survey else "",
        "source": survey.source if survey else "",
    }
    if post is not None:
        values = {k: post.get(k, v) for k, v in values.items()}
    return render(
        request,
        "multiyear/ikm_edit.html",
        {
            **_nav(request, unit, year, "ikm"),
            "survey": survey,
            "result": survey_result(survey) if survey else None,
            "guideline": g,
            "guidelines": list(ikm.GUIDELINES.values()),
            "mode": mode,
            "modes": IkmSurvey.Mode.choices,
            "rows": rows,
            "values": values,
            "errors": errors,
            "may_write": may_write,
        },
    )
