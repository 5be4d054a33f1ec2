"""Produce report files: build the document once, render it in the formats asked."""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
from dataclasses import dataclass

from kinerja.org.models import OrgUnit

from .context import report_context
from .document import PAPERS

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

# Paper of the landscape pages when none is asked: the 23 columns of the Evaluasi Renja form
# need A3 to be set in 8 pt (on A4 they shrink to 6,5 pt and their figures still wrap).
DEFAULT_PAPER = "A4"
KIND_PAPER = {"renja": "A3"}


@dataclass(frozen=True)
class ReportFile:
    filename: str
    content_type: str
    content: bytes


def default_paper(kind: str) -> str:
    return KIND_PAPER.get(kind, DEFAULT_PAPER)


def build_document(
    kind: str, unit: OrgUnit, year: int, *, upto_month: int = 12, paper: str | None = None
):
    """The report of ``kind`` as a ``Document``; ``paper``: the paper of its landscape pages
    (a key of ``document.PAPERS``; default: ``default_paper(kind)``)."""
    if kind not in KINDS:
        raise ValueError(f"jenis laporan {kind!r} tidak dikenal; pilih: {', '.join(KINDS)}")
    paper = paper or default_paper(kind)
    if paper not in PAPERS:
        raise ValueError(f"ukuran kertas {paper!r} tidak dikenal; pilih: {', '.join(PAPERS)}")
    module = importlib.import_module(KINDS[kind][0])
    document = module.build(report_context(unit, year, upto_month=upto_month))
    return dataclasses.replace(document, wide_paper=paper)


def render_document(document, fmt: str) -> ReportFile:
    _check_format(fmt)
    module_name, function, content_type = FORMATS[fmt]
    render = getattr(importlib.import_module(module_name), function)
    return ReportFile(f"{document.filename_stem}.{fmt}", content_type, render(document))


def render_documents(document, formats, *, parallel: bool | None = None) -> list[ReportFile]:
    """The document in each of ``formats`` (in that order, each once). With ``parallel``
    (default: when a PDF and another format are asked and the machine has two cores or
    more, on Linux), the PDF, by far the longest, is rendered in a forked process while this
    one makes the other formats."""
    formats = list(dict.fromkeys(formats))
    for fmt in formats:
        _check_format(fmt)
    if parallel is None:
        parallel = can_render_in_parallel() and "pdf" in formats and len(formats) > 1
    if not parallel or "pdf" not in formats:
        return [render_document(document, fmt) for fmt in formats]
    from .render_pdf import start_pdf

    pending = start_pdf(document)
    files = {fmt: render_document(document, fmt) for fmt in formats if fmt != "pdf"}
    _module, _function, content_type = FORMATS["pdf"]
    files["pdf"] = ReportFile(f"{document.filename_stem}.pdf", content_type, pending.result())
    return [files[fmt] for fmt in formats]


def can_render_in_parallel() -> bool:
    """Two cores or more for this process, and ``fork`` (Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    return len(os.sched_getaffinity(0)) > 1


def make_report(
    kind: str,
    fmt: str,
    unit: OrgUnit,
    year: int,
    *,
    upto_month: int = 12,
    paper: str | None = None,
) -> ReportFile:
    """The report file of ``kind`` in format ``fmt`` for a unit and year."""
    _check_format(fmt)
    document = build_document(kind, unit, year, upto_month=upto_month, paper=paper)
    return render_document(document, fmt)


def make_reports(
    kind: str,
    formats,
    unit: OrgUnit,
    year: int,
    *,
    upto_month: int = 12,
    paper: str | None = None,
    parallel: bool | None = None,
) -> list[ReportFile]:
    """The report of ``kind`` in several formats: the document is built once (queries,
    computation, texts) and rendered in each format (see ``render_documents``)."""
    for fmt in formats:
        _check_format(fmt)
    document = build_document(kind, unit, year, upto_month=upto_month, paper=paper)
    return render_documents(document, formats, parallel=parallel)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} tidak dikenal; pilih: {', '.join(FORMATS)}")
