"""Produce report files: build the document once, render it in the formats asked."""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import os
import sys
from dataclasses import dataclass

from kinerja.agreements.models import PerformanceAgreement
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Plan

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
    kind: str,
    unit: OrgUnit,
    year: int,
    *,
    upto_month: int = 12,
    paper: str | None = None,
    agreement: PerformanceAgreement | None = None,
):
    """The report of ``kind`` as a ``Document``; ``paper``: the paper of its landscape pages
    (a key of ``document.PAPERS``; default: ``default_paper(kind)``). ``agreement``: for the
    ``pk`` kind, only that agreement (of ``unit`` for ``year``; see ``agreement_document``)."""
    if kind not in KINDS:
        raise ValueError(f"jenis laporan {kind!r} tidak dikenal; pilih: {', '.join(KINDS)}")
    if agreement is not None:
        if kind != "pk":
            raise ValueError("satu perjanjian kinerja hanya untuk laporan jenis pk")
        if agreement.unit_id != unit.id or agreement.year != year:
            raise ValueError(
                f"perjanjian kinerja {agreement.id} bukan milik {unit.slug} tahun {year}"
            )
        return agreement_document(agreement, paper=paper)
    paper = _paper(kind, paper)
    module = importlib.import_module(KINDS[kind][0])
    document = module.build(report_context(unit, year, upto_month=upto_month))
    return dataclasses.replace(document, wide_paper=paper)


def agreement_document(
    agreement: PerformanceAgreement,
    *,
    on: datetime.date | None = None,
    number: int | None = None,
    paper: str | None = None,
):
    """The Perjanjian Kinerja document of one agreement: the version in force on ``on``
    (default: 31 December of its year, as the PK pages show it) or, with ``number``, that
    version. The anggaran read from a plan (for an agreement recorded without its own) is
    the plan the agreement's unit works on: its own, or the nearest unit's above it. Raises
    ``Plan.DoesNotExist`` when there is none."""
    from kinerja.agreements.selectors import plan_for, year_end

    plan = plan_for(agreement.unit, agreement.year)
    if plan is None:
        raise Plan.DoesNotExist(
            f"{agreement.unit.name} dan unit di atasnya tidak punya rencana tahun {agreement.year}"
        )
    context = report_context(
        plan.unit,
        agreement.year,
        agreements_on=on or year_end(agreement.year),
        agreement=agreement,
        agreement_number=number,
    )
    document = importlib.import_module(KINDS["pk"][0]).build(context)
    return dataclasses.replace(document, wide_paper=_paper("pk", paper))


def _paper(kind: str, paper: str | None) -> str:
    paper = paper or default_paper(kind)
    if paper not in PAPERS:
        raise ValueError(f"ukuran kertas {paper!r} tidak dikenal; pilih: {', '.join(PAPERS)}")
    return paper


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
    agreement: PerformanceAgreement | None = None,
) -> ReportFile:
    """The report file of ``kind`` in format ``fmt`` for a unit and year (``agreement``: see
    ``build_document``)."""
    _check_format(fmt)
    document = build_document(
        kind, unit, year, upto_month=upto_month, paper=paper, agreement=agreement
    )
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
    agreement: PerformanceAgreement | None = None,
) -> list[ReportFile]:
    """The report of ``kind`` in several formats: the document is built once (queries,
    computation, texts) and rendered in each format (see ``render_documents``;
    ``agreement``: see ``build_document``)."""
    for fmt in formats:
        _check_format(fmt)
    document = build_document(
        kind, unit, year, upto_month=upto_month, paper=paper, agreement=agreement
    )
    return render_documents(document, formats, parallel=parallel)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} tidak dikenal; pilih: {', '.join(FORMATS)}")
