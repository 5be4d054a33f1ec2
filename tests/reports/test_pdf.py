"""The PDF renderer, checked on the PDF itself: text extracted with pypdf, page sizes, page
numbers, the table of contents against the pages it points at, and one page turned into a
PNG kept in ``var/test-artifacts/`` for a human to look at."""

from __future__ import annotations

import io
import re
import shutil
import socket
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja.reports.document import (
    Cell,
    Column,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Signature,
    Table,
    TableOfContents,
)
from kinerja.reports.render_pdf import (
    PORTRAIT,
    _figure_floors,
    _header_rows,
    _widths,
    landscape_page,
    render_html,
    render_pdf,
)
from kinerja.reports.sample import input_table, long_table, sample_document

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"
HEADER = "Biro Pemerintahan · Tahun 2020"
TOC_LINE = re.compile(r"^(?P<text>.+?)\s*\.{4,}\s*(?P<page>[0-9ivxlc]+)$")


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf(sample_document())


@pytest.fixture(scope="module")
def reader(sample_pdf) -> PdfReader:
    return PdfReader(io.BytesIO(sample_pdf))


@pytest.fixture(scope="module")
def pages(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def folio(text: str) -> str:
    """The printed page number: the last line of a page's text (the footer)."""
    return text.strip().splitlines()[-1].strip()


def page_starting(pages: list[str], *lines: str) -> int:
    """The index of the page whose text starts with these lines."""
    found = [i for i, text in enumerate(pages) if text.splitlines()[: len(lines)] == list(lines)]
    assert len(found) == 1, (lines, found)
    return found[0]


def entries(text: str) -> dict[str, str]:
    """TOC lines "BAB I PENDAHULUAN ....... 1" of a page, as {text: page number}."""
    return {
        m["text"]: m["page"] for line in text.splitlines() if (m := TOC_LINE.match(line.strip()))
    }


def is_landscape(page) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


# --- the sample document ---------------------------------------------------------------


def test_is_a_pdf_with_metadata(sample_pdf, reader):
    assert sample_pdf.startswith(b"%PDF-")
    assert reader.metadata.title == "Laporan Contoh"
    assert reader.metadata.author == "Kinerja"


def test_page_count_is_plausible(pages):
    # cover, 3 front pages, BAB I, BAB III (+ a chart page), landscape, 2 long-table pages,
    # signatures: about a dozen.
    assert 9 <= len(pages) <= 16


def test_headings_titles_and_figures_are_in_the_text(pages):
    text = "\n".join(pages)
    for expected in (
        "KATA PENGANTAR",
        "PENDAHULUAN",
        "A. Latar Belakang",
        "RENCANA DAN REALISASI KINERJA",
        "Tabel 3.1 Rencana dan Realisasi Input",
        "Tabel 8.1 Capaian Kinerja",
        "Lampiran 1 Daftar Panjang",
        "Kurva S Realisasi Fisik dan Keuangan",  # chart caption
        "71,30",
        "1.166.548.600",
        "Rp853.232.370",
        "100*",  # a capped capaian keeps its mark
        "19741004 199402 1 002",
        "NIP. 19650101 199003 1 001",
        "GUNAWAN RUSMINTO, AP, M.Si",
        "Pertama, butir berpoin.",
        "Langkah bernomor dua.",
        "Terbilang:",
    ):
        assert expected in text, expected


def test_table_rows_keep_their_cells_in_order(pages):
    text = "\n".join(pages)
    assert "1 01 Program Tata Kelola Pemerintahan 1.166.548.600 831.767.570 71,30" in text
    assert "JUMLAH 1.166.548.600 831.767.570 71,30" in text
    assert "Administrasi Rupabumi 4 2 Dokumen 50 64,84 -14,84 Sangat Rendah" in text


def test_numbered_header_row_follows_the_header(pages):
    text = "\n".join(pages)
    assert "\n1 2 3 4 5 6\n" in text  # Tabel 3.1
    assert "\n1 2 3 4 5 6 7 8\n" in text  # Tabel 8.1
    assert "\n1 2 3\n" in text  # the long table


def test_only_the_landscape_section_is_landscape(reader, pages):
    landscape = [i for i, page in enumerate(reader.pages) if is_landscape(page)]
    assert landscape == [page_starting(pages, "Tabel 8.1 Capaian Kinerja")]
    assert "PENYERAPAN (%)" in pages[landscape[0]]
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points


def test_long_table_repeats_its_header_on_every_page(pages):
    holding = [i for i, text in enumerate(pages) if "Baris ke-" in text]
    assert len(holding) >= 2
    assert holding == list(range(holding[0], holding[-1] + 1))
    for i in holding:
        lines = pages[i].splitlines()
        assert "NO URAIAN NILAI (Rp)" in lines, i
        assert "1 2 3" in lines, i
    rows = [int(m) for i in holding for m in re.findall(r"Baris ke-(\d+)", pages[i])]
    assert rows == list(range(1, 81))
    assert "Lampiran 1 Daftar Panjang" in pages[holding[0]]  # title on the first page only
    assert "Lampiran 1 Daftar Panjang" not in pages[holding[1]]


def test_page_numbers(pages):
    front = page_starting(pages, "KATA PENGANTAR")
    body = page_starting(pages, "BAB I", "PENDAHULUAN")
    assert "SERANG, 2021" in pages[0]
    assert folio(pages[0]) == "SERANG, 2021"  # the cover has no number
    assert [folio(t) for t in pages[front:body]] == ["i", "ii", "iii"]
    # arabic from 1, through the landscape section, without a second restart
    assert [folio(t) for t in pages[body:]] == [str(n) for n in range(1, len(pages) - body + 1)]


def test_running_header_on_body_pages_only(pages):
    body = page_starting(pages, "BAB I", "PENDAHULUAN")
    assert all(HEADER not in text for text in pages[:body])
    assert all(HEADER in text for text in pages[body:])


def test_each_bab_starts_a_page(pages):
    page_starting(pages, "BAB I", "PENDAHULUAN")
    page_starting(pages, "BAB III", "RENCANA DAN REALISASI KINERJA")


def test_toc_lists_headings_with_the_pages_they_are_on(pages):
    toc = entries(pages[page_starting(pages, "DAFTAR ISI")])
    assert list(toc) == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "BAB I PENDAHULUAN",
        "A. Latar Belakang",
        "BAB III RENCANA DAN REALISASI KINERJA",
    ]
    assert toc["KATA PENGANTAR"] == "i"
    assert toc["DAFTAR TABEL"] == "iii"
    assert toc["BAB I PENDAHULUAN"] == "1"
    bab3 = page_starting(pages, "BAB III", "RENCANA DAN REALISASI KINERJA")
    assert toc["BAB III RENCANA DAN REALISASI KINERJA"] == folio(pages[bab3]) == "2"


def test_list_of_tables_points_at_the_tables(pages):
    lot = entries(pages[page_starting(pages, "DAFTAR TABEL")])
    assert list(lot) == [
        "Tabel 3.1 Rencana dan Realisasi Input",
        "Tabel 8.1 Capaian Kinerja",
        "Lampiran 1 Daftar Panjang",
    ]
    for title, number in lot.items():
        on = [i for i, text in enumerate(pages) if title in text and "DAFTAR TABEL" not in text]
        assert number == folio(pages[on[0]]), title


def test_signature_pair_is_side_by_side(pages):
    i = [i for i, text in enumerate(pages) if "Ir. CONTOH NAMA, M.Si" in text]
    assert len(i) == 1
    text = pages[i[0]]
    assert "GUNAWAN RUSMINTO, AP, M.Si" in text
    # the caption repeated in the title lines is printed once
    assert text.count("PIHAK PERTAMA") == 1
    assert text.count("PIHAK KEDUA") == 1


def test_page_as_png_artifact(sample_pdf, pages):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "pdf-sample.pdf"
    pdf.write_bytes(sample_pdf)
    number = page_starting(pages, "BAB III", "RENCANA DAN REALISASI KINERJA") + 1
    stem = ARTIFACTS / "pdf-sample-table"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), "-singlefile"]
        + [str(pdf), str(stem)],
        check=True,
        timeout=60,
    )
    png = stem.with_suffix(".png")
    assert png.exists()
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert png.stat().st_size > 10_000


# --- the HTML and the building blocks --------------------------------------------------


def test_html_uses_no_external_resource():
    html = render_html(sample_document())
    assert "<link" not in html
    assert "@import" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|file:|//)""", html)
    assert not re.search(r"url\(\s*[\"']?(https?:|file:|//)", html)
    assert "@font-face" not in html
    assert "display: table-header-group" in html


def test_render_makes_no_network_request(monkeypatch):
    """Even a URL slipped into the HTML is refused: only ``data:`` is fetched."""
    import kinerja.reports.render_pdf as module

    attempts = []  # WeasyPrint swallows fetch errors, so record rather than raise

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    html = (
        "<html><head><link rel=stylesheet href='http://127.0.0.1:9/x.css'></head><body>"
        "<p>Isi</p><img src='https://127.0.0.1:9/x.png'></body></html>"
    )
    monkeypatch.setattr(module, "render_html", lambda doc: html)
    pdf = render_pdf(sample_document())
    assert "Isi" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert attempts == []


def test_text_is_escaped_not_interpreted():
    text = "<b>tebal?</b> & <img src='x'> \"kutip\""
    doc = Document(
        "x",
        "Uji",
        "Unit",
        "Pemda",
        2021,
        sections=(Section((Heading(text), Paragraph(text))),),
    )
    extracted = PdfReader(io.BytesIO(render_pdf(doc))).pages[0].extract_text()
    assert extracted.count("<b>tebal?</b> & <img src='x'> \"kutip\"") == 2


def test_group_headers_span_their_columns():
    top, bottom = _header_rows(input_table().columns)
    assert [(c.text, c.colspan, c.rowspan) for c in top] == [
        ("NO", 1, 2),
        ("KODE", 1, 2),
        ("PROGRAM / KEGIATAN / TOLOK UKUR", 1, 2),
        ("ANGGARAN", 2, 1),
        ("%", 1, 2),
    ]
    assert [c.text for c in bottom] == ["RENCANA (Rp)", "REALISASI (Rp)"]
    assert len(_header_rows(long_table().columns)) == 1


def _figure_table(columns, rows, style="normal") -> Table:
    return Table("9", "Tabel 9", columns, tuple(
        Row(tuple(Cell(v, c.kind) for v, c in zip(r, columns, strict=True)), style=style)
        for r in rows
    ))


def test_widths_follow_column_widths_and_make_room_for_figures():
    columns = (
        Column("name", "URAIAN", width=40),
        Column("value", "NILAI (Rp)", "money", 2),
    )
    table = _figure_table(columns, [("x", "1.166.548.600")])
    figures = _figure_floors(table, [["x", "1.166.548.600"]])
    widths, fits = _widths(columns, figures, PORTRAIT, 9)
    name, value = widths
    assert fits
    assert name + value == pytest.approx(1)
    assert value > 2 / 42  # widened beyond its weight so the figure fits
    assert name > value

    many = tuple(Column(f"c{i}", "X", "money", 5) for i in range(14))
    texts = [["123.456.789.012"] * 14]
    figures = _figure_floors(_figure_table(many, texts), texts)
    _, fits = _widths(many, figures, PORTRAIT, 8)
    assert not fits  # 14 figures of 15 characters cannot fit a portrait page
    _, fits = _widths(many, figures, landscape_page("A3"), 8)
    assert fits  # but they do fit an A3 landscape page


@pytest.mark.parametrize(
    ("ems", "wider"),
    [((0.556, 0.556), False), ((0.636, 0.696), True)],  # Liberation Sans; DejaVu Sans
)
def test_bold_figures_get_the_room_their_face_needs(monkeypatch, ems, wider):
    """Tabel 2.1's bold rupiah of the program rows ran into the next cell where the bold face
    has wider digits (DejaVu Sans): a bold figure's floor is measured in that face."""
    from kinerja.reports import render_pdf

    monkeypatch.setattr(render_pdf, "digit_ems", lambda: ems)
    columns = (Column("name", "URAIAN", width=40), Column("value", "PAGU (Rp)", "money", 2))
    texts = [["Program", "1.193.209.000"]]
    normal = _figure_floors(_figure_table(columns, texts), texts)[1]
    total = _figure_floors(_figure_table(columns, texts, style="total"), texts)[1]
    assert (total > normal) is wider
    assert normal == pytest.approx(10 + 3 * 0.5 + 0.5)  # ten digits, three points, slack
    if wider:
        assert total == pytest.approx((10 + 1.5) * 0.696 / 0.636 + 0.5)


def test_digit_widths_are_read_from_the_font_in_use():
    from kinerja.reports.render_pdf import digit_ems

    regular, bold = digit_ems()
    assert 0.4 < regular <= bold < 0.8


def test_landscape_table_in_a_portrait_section_turns_its_pages():
    wide = Table(
        "9.1",
        "Tabel 9.1 Lebar",
        (Column("a", "URAIAN", width=30), Column("b", "NILAI", "number", 10)),
        (Row((Cell("baris"), Cell(D("87.5"), "number"))),),
        landscape=True,
    )
    doc = Document(
        "x",
        "Uji",
        "Unit",
        "Pemda",
        2021,
        sections=(
            Section(
                (
                    Heading("BAB I SATU"),
                    Paragraph("sebelum"),
                    Heading("A. Judul Tabel Lebar", 2),
                    wide,
                    Paragraph("sesudah"),
                )
            ),
        ),
    )
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    texts = [page.extract_text() for page in reader.pages]
    assert [is_landscape(page) for page in reader.pages] == [False, True, False]
    assert "sebelum" in texts[0] and "87,5" in texts[1] and "sesudah" in texts[2]
    # the heading just before the table turns with it rather than end a page alone
    assert texts[1].startswith("A. Judul Tabel Lebar\nTabel 9.1 Lebar")
    assert [folio(t) for t in texts] == ["1", "2", "3"]


def test_headings_ending_a_section_move_to_the_next_one():
    table = Table(
        "3.1",
        "Tabel 3.1 Capaian",
        (Column("a", "SASARAN", width=30), Column("b", "CAPAIAN (%)", "percent", 10)),
        (Row((Cell("sasaran"), Cell(D("91.41"), "percent"))),),
    )
    doc = Document(
        "x",
        "Uji",
        "Unit",
        "Pemda",
        2021,
        sections=(
            Section((Heading("BAB II DUA"), Paragraph("isi"), Heading("BAB III TIGA"))),
            Section((Heading("A. Capaian", 2), table), landscape=True),
            Section((Paragraph("lanjutan"),)),
        ),
    )
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    texts = [page.extract_text() for page in reader.pages]
    assert [is_landscape(page) for page in reader.pages] == [False, True, False]
    assert "BAB III" not in texts[0]
    assert texts[1].startswith("BAB III\nTIGA\nA. Capaian\nTabel 3.1 Capaian")
    assert "91,41" in texts[1] and "lanjutan" in texts[2]


def test_a_row_taller_than_a_page_breaks_under_a_repeated_header():
    story = " ".join(f"kalimat ke-{i} tentang pelaksanaan kegiatan." for i in range(700))
    table = Table(
        "9.2",
        "Tabel 9.2 Uraian Panjang",
        (Column("name", "KEGIATAN", width=20), Column("story", "URAIAN REALISASI", width=60)),
        (Row((Cell("pertama"), Cell("pendek"))), Row((Cell("kedua"), Cell(story)))),
    )
    doc = Document("x", "Uji", "Unit", "Pemda", 2021, sections=(Section((table,)),))
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(doc))).pages]
    assert len(texts) >= 3
    assert all("KEGIATAN URAIAN REALISASI" in text for text in texts)
    assert "pertama" in texts[0] and "kalimat ke-0 " in texts[0]  # no empty rest of page
    assert "kalimat ke-699 " in texts[-1]


def test_page_break_empty_table_and_single_signature():
    signature = Signature(
        "Serang, 7 Januari 2021",
        ("KEPALA BIRO PEMERINTAHAN",),
        "NAMA PEJABAT",
        "Pembina",
        "19741004 199402 1 002",
    )
    doc = Document(
        "x",
        "Uji",
        "Unit",
        "Pemda",
        2021,
        sections=(
            Section(
                (
                    Paragraph("halaman satu"),
                    Table("0", "Tabel Kosong", (Column("v", "NILAI", "money"),), ()),
                    PageBreak(),
                    TableOfContents(),
                    signature,
                    PageBreak(),
                ),
                numbering="roman",
            ),
        ),
    )
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(doc))).pages]
    assert len(texts) == 2  # a trailing PageBreak adds no empty page
    assert "halaman satu" in texts[0] and "DAFTAR ISI" not in texts[0]
    assert "Tabel Kosong" in texts[0]  # a table without rows still prints its header
    assert texts[1].startswith("DAFTAR ISI")
    assert "NIP. 19741004 199402 1 002" in texts[1]
    assert [folio(t) for t in texts] == ["i", "ii"]
