"""The paper of the landscape pages (A4, F4, A3): the Evaluasi Renja form on A3 by default so
that its 23 columns are set in 8 pt with no figure broken; the choice reaches the PDF page
size, the Word section size and the spreadsheet's print set-up, from the command line and the
reports page."""

import dataclasses
import io
import re

import docx
import openpyxl
import pdfplumber
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from pypdf import PdfReader

from kinerja.org.models import OrgUnit
from kinerja.reports.document import PAPERS, Document, display
from kinerja.reports.render_pdf import (
    PORTRAIT,
    VERY_MANY_COLUMNS,
    _table_pt,
    landscape_page,
    landscape_size_css,
)
from kinerja.reports.render_xlsx import sheet_names
from kinerja.reports.sample import sample_document
from kinerja.reports.service import (
    KINDS,
    build_document,
    default_paper,
    make_reports,
    render_document,
)

CM = 72 / 2.54  # points
# The paper's long × short side in PDF points, as landscape pages are.
LANDSCAPE_POINTS = {name: (round(long * CM), round(short * CM)) for name, (short, long) in
                    PAPERS.items()}
FIGURE = re.compile(r"^\d{1,3}(\.\d{3})+$")  # a rupiah figure: 110.000.000


def _pages(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(p.mediabox.width), round(p.mediabox.height))
            for p in PdfReader(io.BytesIO(pdf)).pages]


def _figure_words(pdf: bytes) -> list[dict]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [w for page in document.pages for w in page.extract_words(extra_attrs=["size"])
                if FIGURE.match(w["text"])]


@pytest.fixture(scope="module")
def renja(django_db_setup, django_db_blocker):
    """The demo unit's Evaluasi Renja in each paper (the default is A3)."""
    with django_db_blocker.unblock():
        unit = OrgUnit.objects.get(slug="biro-pemerintahan")
        documents = {paper: build_document("renja", unit, 2020, paper=paper)
                     for paper in PAPERS}
        documents[None] = build_document("renja", unit, 2020)
    return documents


# --- choosing the font size --------------------------------------------------------------


@pytest.mark.parametrize(
    ("columns", "paper", "expected"),
    [
        (7, "A4", 9),  # few columns: 9 pt whatever the paper
        (12, "A4", 8),  # many columns: 8 pt
        (12, "A3", 8),
        (23, "A3", 8),  # the very wide form: the largest size its figures fit …
        (23, "F4", 7),
        (23, "A4", 6.5),  # … and 6,5 pt when none fits (figures then wrap)
    ],
)
def test_table_font_size_follows_the_page(monkeypatch, columns, paper, expected):
    from kinerja.reports import render_pdf

    # in digits of Liberation Sans (the design font; another font changes the answers)
    monkeypatch.setattr(render_pdf, "digit_ems", lambda: (0.556, 0.556))
    figures = [152 / columns] * columns  # the widest figures of the demo's Renja: 152 digits
    assert _table_pt(columns, figures, landscape_page(paper)) == expected


def test_pages_and_css_sizes():
    assert landscape_page("A4").width == pytest.approx(24.7)
    assert landscape_page("A3").width == pytest.approx(37.0)
    assert landscape_page("F4").height == pytest.approx(17.5)
    assert PORTRAIT.width == pytest.approx(16.0)
    assert landscape_size_css("A3") == "A3 landscape"
    assert landscape_size_css("F4") == "33cm 21.5cm"


def test_unknown_paper_is_refused_in_indonesian(db):
    with pytest.raises(ValueError, match="ukuran kertas 'B5' tidak dikenal; pilih: A4, F4, A3"):
        Document("x", "Uji", "Unit", "Pemda", 2021, sections=(), wide_paper="B5")
    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    with pytest.raises(ValueError, match="ukuran kertas 'Letter'"):
        build_document("renja", unit, 2020, paper="Letter")


# --- the Renja form in PDF ---------------------------------------------------------------


def test_renja_is_on_a3_by_default_the_others_on_a4(renja):
    assert renja[None].wide_paper == "A3"
    assert [default_paper(kind) for kind in KINDS] == ["A4", "A4", "A4", "A4", "A3"]


@pytest.mark.parametrize("paper", ["A4", "F4", "A3"])
def test_renja_pdf_pages_are_landscape_on_the_paper(renja, paper):
    pdf = render_document(renja[paper], "pdf").content
    assert set(_pages(pdf)) == {LANDSCAPE_POINTS[paper]}


def test_renja_figures_are_8_pt_and_whole_on_a3(renja):
    document = renja["A3"]
    (table,) = document.tables()
    assert len(table.columns) >= VERY_MANY_COLUMNS
    words = _figure_words(render_document(document, "pdf").content)
    assert words
    assert min(w["size"] for w in words) == pytest.approx(8, abs=0.01)
    printed = {w["text"] for w in words}
    # every rupiah figure of the form is printed whole (none broken over two lines)
    expected = {display(row.cells[i]) for row in table.rows
                for i, c in enumerate(table.columns) if c.kind == "money"}
    expected = {text for text in expected if FIGURE.match(text)}
    assert expected and expected <= printed


def test_renja_on_a4_is_still_cramped(renja):
    """What the A3 default avoids: on A4 the form shrinks to 6,5 pt and still breaks some
    figures."""
    document = renja["A4"]
    (table,) = document.tables()
    words = _figure_words(render_document(document, "pdf").content)
    assert max(w["size"] for w in words) == pytest.approx(6.5, abs=0.01)
    expected = {display(row.cells[i]) for row in table.rows
                for i, c in enumerate(table.columns) if c.kind == "money"}
    assert {t for t in expected if FIGURE.match(t)} - {w["text"] for w in words}


# --- Word and Excel ------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["F4", "A3"])
def test_docx_landscape_sections_take_the_paper(renja, paper):
    word = docx.Document(io.BytesIO(render_document(renja[paper], "docx").content))
    short, long = PAPERS[paper]
    for section in word.sections[1:]:  # after the cover
        assert (section.page_width.cm, section.page_height.cm) == pytest.approx(
            (long, short), abs=0.01)


def test_docx_portrait_pages_stay_a4_with_a_wide_paper():
    document = sample_document()
    wide = dataclasses.replace(document, wide_paper="F4")
    word = docx.Document(io.BytesIO(render_document(wide, "docx").content))
    sizes = [(round(s.page_width.cm, 1), round(s.page_height.cm, 1)) for s in word.sections]
    expected = [(21.0, 29.7)] + [(33.0, 21.5) if s.landscape else (21.0, 29.7)
                                 for s in document.sections]
    assert sizes == expected


@pytest.mark.parametrize(("paper", "code"), [("A4", 9), ("F4", 14), ("A3", 8)])
def test_xlsx_landscape_sheets_print_on_the_paper(renja, paper, code):
    wb = openpyxl.load_workbook(io.BytesIO(render_document(renja[paper], "xlsx").content))
    (table,) = renja[paper].tables()
    ws = wb[sheet_names([table])[0]]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == code
    assert int(wb["Keterangan"].page_setup.paperSize) == 9  # the notes sheet: A4


def test_evaluasi_landscape_pages_follow_the_paper_portrait_stay_a4(db):
    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    (default,) = make_reports("evaluasi", ["pdf"], unit, 2020)
    (f4,) = make_reports("evaluasi", ["pdf"], unit, 2020, paper="F4")
    portrait = (round(21 * CM), round(29.7 * CM))
    assert set(_pages(default.content)) == {portrait, LANDSCAPE_POINTS["A4"]}
    assert set(_pages(f4.content)) == {portrait, LANDSCAPE_POINTS["F4"]}


# --- command line and reports page -------------------------------------------------------


def test_cli_paper_and_several_formats(db, tmp_path):
    out = io.StringIO()
    call_command("report", "--unit", "biro-pemerintahan", "--year", "2020", "--kind", "renja",
                 "--format", "pdf,xlsx", "--paper", "F4", "--output", str(tmp_path), stdout=out)
    pdf = tmp_path / "evaluasi-renja-biro-pemerintahan-2020.pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == [pdf.name, pdf.with_suffix(".xlsx").name]
    assert set(_pages(pdf.read_bytes())) == {LANDSCAPE_POINTS["F4"]}
    assert str(pdf) in out.getvalue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pdf", ["pdf"]),
        ("PDF, docx", ["pdf", "docx"]),
        ("xlsx,pdf,xlsx", ["xlsx", "pdf"]),
        ("all", ["pdf", "docx", "xlsx"]),
    ],
)
def test_cli_formats(text, expected):
    from kinerja.reports.management.commands.report import _formats

    assert _formats(text) == expected


@pytest.mark.parametrize("text", ["word", "pdf,odt", " , "])
def test_cli_refuses_unknown_formats(text):
    from kinerja.reports.management.commands.report import _formats

    with pytest.raises(CommandError, match="--format: .* tidak dikenal; pilih pdf, docx, xlsx"):
        _formats(text)


def test_reports_page_offers_the_paper_and_the_download_uses_it(login):
    client = login("operator")
    page = client.get(reverse("reports", args=["biro-pemerintahan", 2020])).content.decode()
    assert 'id="kertas"' in page
    assert all(f'<option value="{p}">{p}</option>' in page for p in PAPERS)
    url = reverse("report-download", args=["biro-pemerintahan", 2020, "renja", "pdf"])
    assert set(_pages(client.get(url, {"kertas": "F4"}).content)) == {LANDSCAPE_POINTS["F4"]}
    # an unknown paper falls back to the form's default (A3)
    assert set(_pages(client.get(url, {"kertas": "B5"}).content)) == {LANDSCAPE_POINTS["A3"]}
