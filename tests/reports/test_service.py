"""Several formats of one document in one call: the PDF made in a forked process while the
others are made here gives the same files as making them one after another; what the child
raises is raised here, and a child that dies is replaced by rendering here."""

import logging
import os
import sys

import pytest

from kinerja.org.models import OrgUnit
from kinerja.reports import render_pdf
from kinerja.reports.sample import sample_document
from kinerja.reports.service import (
    can_render_in_parallel,
    make_report,
    make_reports,
    render_documents,
)

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="the PDF is made in a forked process"
)


@pytest.fixture(scope="module")
def document():
    return sample_document()


@pytest.fixture(scope="module")
def one_by_one(document):
    return render_documents(document, ["pdf", "docx", "xlsx"], parallel=False)


@needs_fork
def test_parallel_gives_the_same_files(document, one_by_one):
    together = render_documents(document, ["pdf", "docx", "xlsx"], parallel=True)
    assert [f.filename for f in together] == [f.filename for f in one_by_one]
    assert [f.content_type for f in together] == [f.content_type for f in one_by_one]
    for mine, theirs in zip(together, one_by_one, strict=True):
        assert mine.content == theirs.content, mine.filename


@needs_fork
def test_formats_keep_their_order_once_each(document, one_by_one):
    files = render_documents(document, ["xlsx", "pdf", "xlsx"], parallel=True)
    assert [f.filename.rsplit(".", 1)[1] for f in files] == ["xlsx", "pdf"]
    assert files[1].content == one_by_one[0].content


def test_unknown_format_is_refused_before_any_work(document):
    with pytest.raises(ValueError, match="format 'odt' tidak dikenal; pilih: pdf, docx, xlsx"):
        render_documents(document, ["pdf", "odt"], parallel=True)


def _in_child_only(monkeypatch, action):
    """Replace the WeasyPrint step by ``action`` in forked children only."""
    parent = os.getpid()
    real = render_pdf._write_pdf

    def write(html):
        if os.getpid() != parent:
            action()
        return real(html)

    monkeypatch.setattr(render_pdf, "_write_pdf", write)


@needs_fork
def test_what_the_child_raises_is_raised_here(monkeypatch, document):
    def fail():
        raise ValueError("tata letak gagal")

    _in_child_only(monkeypatch, fail)
    with pytest.raises(ValueError, match="tata letak gagal"):
        render_documents(document, ["pdf", "xlsx"], parallel=True)


@needs_fork
def test_a_child_that_dies_is_replaced(monkeypatch, caplog, document, one_by_one):
    _in_child_only(monkeypatch, lambda: os._exit(3))
    with caplog.at_level(logging.WARNING, logger="kinerja.reports.render_pdf"):
        files = render_documents(document, ["pdf", "docx"], parallel=True)
    assert files[0].content == one_by_one[0].content
    assert "exit code 3" in caplog.text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
def test_parallel_only_with_two_cores(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not can_render_in_parallel()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert can_render_in_parallel()


@pytest.mark.django_db
def test_make_reports_equals_one_report_per_format():
    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    files = make_reports("pk", ["pdf", "docx", "xlsx"], unit, 2020)
    for file in files:
        fmt = file.filename.rsplit(".", 1)[1]
        assert file == make_report("pk", fmt, unit, 2020)
