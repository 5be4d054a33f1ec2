"""Import and export pages of a unit's year.

Readers of the unit see the exports; its admin and operator (``imports.may_import``) also
upload. An upload is
previewed and kept on the server under a random token bound to the user, unit and year
(``uploads``); the preview's "Terapkan" button sends the token and the fingerprint of the
changes shown, and the import is applied only if a fresh preview inside the transaction
still has those changes. A unit the user may not read or write answers 404, like a missing
one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kinerja.org.access import unit_for_reading
from kinerja.plans.models import Plan

from . import schemas as S
from . import uploads
from .exports import NoPlan, NotAllowed, export_dataset
from .findings import ERROR, Finding
from .imports import NotAllowed as ImportNotAllowed
from .imports import Preview, apply_import, may_import, preview_import
from .reading import DEFAULT_LIMITS, _size
from .templates_files import TEMPLATE_FORMATS, template_file

MAX_SHOWN = 1000


def _download(exported) -> HttpResponse:
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _writable_unit(request, slug: str):
    unit = unit_for_reading(request.user, slug)
    if not may_import(request.user, unit):
        raise Http404("Unit tidak ditemukan")
    return unit


def _context(request, unit, year: int, **extra) -> dict:
    plan = Plan.objects.filter(unit=unit, year=year).first()
    other_years = list(
        Plan.objects.filter(unit=unit).exclude(year=year).values_list("year", flat=True)
    )
    return {
        "unit": unit,
        "year": year,
        "plan": plan,
        "other_years": other_years,
        "may_write": may_import(request.user, unit),
        "datasets": list(S.DATASETS.values()),
        "formats": S.FORMATS,
        "kinds": list(S.IMPORT_KINDS.values()),
        "templates": [(S.TEMPLATES[k], fmts) for k, fmts in TEMPLATE_FORMATS.items()],
        "max_size": _size(DEFAULT_LIMITS.max_bytes),
        "max_rows": f"{DEFAULT_LIMITS.max_rows:,}".replace(",", "."),
        "months": range(1, 13),
        **extra,
    }


@login_required
@require_safe
def home(request, slug: str, year: int):
    unit = unit_for_reading(request.user, slug)
    if not 1900 <= year <= 2200:
        raise Http404("Tahun tidak ada")
    return render(request, "exchange/home.html", _context(request, unit, year))


@login_required
@require_safe
def go(request, slug: str):
    """The page of the year typed into the "another year" form."""
    unit = unit_for_reading(request.user, slug)
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        raise Http404("Tahun tidak ada") from None
    if not 1900 <= year <= 2200:
        raise Http404("Tahun tidak ada")
    return redirect("exchange-home", slug=unit.slug, year=year)


@login_required
@require_safe
def export_download(request, slug: str, year: int, dataset: str, fmt: str):
    unit = unit_for_reading(request.user, slug)
    try:
        upto = int(request.GET.get("bulan", 12))
    except ValueError:
        upto = 12
    try:
        exported = export_dataset(
            user=request.user,
            unit=unit,
            year=year,
            dataset=dataset,
            fmt=fmt,
            upto_month=min(max(upto, 1), 12),
        )
    except (NoPlan, NotAllowed, ValueError):
        raise Http404("Data tidak ditemukan") from None
    return _download(exported)


@login_required
@require_safe
def template_download(request, kind: str, fmt: str):
    try:
        exported = template_file(kind, fmt, example=request.GET.get("contoh") == "1")
    except ValueError:
        raise Http404("Templat tidak ditemukan") from None
    return _download(exported)


def _preview_page(request, unit, year: int, preview: Preview, token: str | None):
    findings = preview.findings
    return render(
        request,
        "exchange/preview.html",
        _context(
            request,
            unit,
            year,
            preview=preview,
            token=token,
            changes=preview.changes[:MAX_SHOWN],
            hidden_changes=max(0, len(preview.changes) - MAX_SHOWN),
            findings=findings[:MAX_SHOWN],
            hidden_findings=max(0, len(findings) - MAX_SHOWN),
            kind_title=preview.schema.title,
        ),
    )


@login_required
@require_POST
def import_preview(request, slug: str, year: int):
    unit = _writable_unit(request, slug)
    kind = request.POST.get("jenis", "")
    upload = request.FILES.get("berkas")
    problem = ""
    if kind not in S.IMPORT_KINDS:
        problem = _("Pilih jenis data yang diimpor.")
    elif upload is None:
        problem = _("Pilih berkas yang diimpor.")
    if problem:
        return render(
            request, "exchange/home.html", _context(request, unit, year, problem=problem)
        )
    filename = (upload.name or "berkas")[-200:]
    if upload.size > DEFAULT_LIMITS.max_bytes:
        preview = Preview(kind, filename, unit, year)
        preview.findings.append(
            Finding(
                ERROR,
                "berkas terlalu besar",
                found=_size(upload.size),
                expected=f"paling besar {_size(DEFAULT_LIMITS.max_bytes)}",
            )
        )
        return _preview_page(request, unit, year, preview, None)
    data = upload.read()
    try:
        preview = preview_import(
            user=request.user, unit=unit, year=year, kind=kind, filename=filename, data=data
        )
    except ImportNotAllowed:
        raise Http404("Unit tidak ditemukan") from None
    token = None
    if preview.ok and preview.changes:
        token = uploads.store(
            user=request.user, unit=unit, year=year, kind=kind, filename=filename, data=data
        )
    return _preview_page(request, unit, year, preview, token)


@login_required
@require_POST
def import_apply(request, slug: str, year: int, token: str):
    unit = _writable_unit(request, slug)
    stored = uploads.load(token, user=request.user, unit=unit, year=year)
    if stored is None:
        raise Http404("Unggahan tidak ditemukan atau sudah kedaluwarsa")
    try:
        result = apply_import(
            user=request.user,
            unit=unit,
            year=year,
            kind=stored.kind,
            filename=stored.filename,
            data=stored.data,
            expected_digest=request.POST.get("digest", ""),
        )
    except ImportNotAllowed:
        raise Http404("Unit tidak ditemukan") from None
    if result.applied:
        uploads.discard(token)
        return _preview_page(request, unit, year, result, None)
    if result.stale and result.ok and result.changes:
        return _preview_page(request, unit, year, result, token)  # the new preview, to confirm
    uploads.discard(token)
    return _preview_page(request, unit, year, result, None)
