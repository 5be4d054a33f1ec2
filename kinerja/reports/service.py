"""Produce a report file: build the document once, render it in the asked format."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from kinerja.org.models import OrgUnit

from .context import report_context

KINDS = {
    "evaluasi": ("kinerja.reports.build_evaluasi", "Laporan Evaluasi Kinerja (susunan BAB I–X)"),
    "lkjip": ("kinerja.reports.build_lkjip", "Laporan Kinerja (PermenPAN-RB 53/2014)"),
    "pk": ("kinerja.reports.build_pk", "Perjanjian Kinerja"),
    "realisasi": ("kinerja.reports.build_realisasi", "Laporan Realisasi Fisik dan Keuangan"),
    "renja": ("kinerja.reports.build_renja", "Evaluasi Renja (Permendagri 86/2017)"),
}

FORMATS = {
    "pdf": ("kinerja.reports.render_pdf", "render_pdf", "application/pdf"),
    "docx": (
        "kinerja.reports.render_docx",
        "render_docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "kinerja.reports.render_xlsx",
        "render_xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


@dataclass(frozen=True)
class ReportFile:
    filename: str
    content_type: str
    content: bytes


def build_document(kind: str, unit: OrgUnit, year: int, *, upto_month: int = 12):
    if kind not in KINDS:
        raise ValueError(f"jenis laporan {kind!r} tidak dikenal; pilih: {', '.join(KINDS)}")
    module = importlib.import_module(KINDS[kind][0])
    return module.build(report_context(unit, year, upto_month=upto_month))


def render_document(document, fmt: str) -> ReportFile:
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} tidak dikenal; pilih: {', '.join(FORMATS)}")
    module_name, function, content_type = FORMATS[fmt]
    render = getattr(importlib.import_module(module_name), function)
    return ReportFile(f"{document.filename_stem}.{fmt}", content_type, render(document))


def make_report(kind: str, fmt: str, unit: OrgUnit, year: int, *, upto_month: int = 12):
    """The report file of ``kind`` in format ``fmt`` for a unit and year."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} tidak dikenal; pilih: {', '.join(FORMATS)}")
    return render_document(build_document(kind, unit, year, upto_month=upto_month), fmt)
