"""The Word renderer, checked on the .docx itself: opened again with python-docx and read as
Word would (tables, styles, sections, fields, settings, pictures)."""

from __future__ import annotations

import datetime
import importlib.util
import io
import zipfile
from decimal import Decimal as D

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm

from kinerja.reports.document import (
    Cell,
    Chart,
    ChartSeries,
    Column,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Signature,
    Table,
    display,
)
from kinerja.reports.render_docx import (
    LOT_INSTR,
    TOC_HINT,
    TOC_INSTR,
    _text_width,
    _widths,
    render_docx,
)
from kinerja.reports.sample import achievement_table, input_table, sample_document

HAVE_CHARTS = importlib.util.find_spec("kinerja.reports.charts") is not None
TABLE_STYLE = "Tabel Laporan"


@pytest.fixture(scope="module")
def sample():
    return sample_document()


@pytest.fixture(scope="module")
def sample_bytes(sample) -> bytes:
    return render_docx(sample)


@pytest.fixture(scope="module")
def word(sample_bytes):
    return docx.Document(io.BytesIO(sample_bytes))


def _doc(*sections: Section, **kw) -> Document:
    return Document("test", "Uji", "Biro Uji", "Pemerintah Uji", 2021, sections, **kw)


def _open(doc: Document):
    return docx.Document(io.BytesIO(render_docx(doc)))


def _report_tables(word):
    return [t for t in word.tables if t.style is not None and t.style.name == TABLE_STYLE]


def _header_count(word_table) -> int:
    n = 0
    for row in word_table.rows:
        if row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            break
        n += 1
    return n


def _instructions(element) -> list[str]:
    return [" ".join(t.text.split()) for t in element.iter(qn("w:instrText"))]


def _previous_paragraph(word_table):
    return word_table._tbl.getprevious()


def _paragraph_text(p) -> str:
    return "".join(t.text for t in p.iter(qn("w:t")))


def _paragraph_style_id(p) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


# --- the package -----------------------------------------------------------------------


def test_output_is_a_docx_package_and_deterministic(sample, sample_bytes):
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml"
        assert "word/document.xml" in names
        assert {info.date_time for info in z.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        assert not any("thumbnail" in n for n in names)
    assert render_docx(sample) == sample_bytes


def test_core_properties(word, sample):
    props = word.core_properties
    assert props.title == sample.title
    assert props.author == "Kinerja"
    assert props.created == datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    assert props.modified == props.created
    assert props.language == "id-ID"


def test_generated_at_fixes_the_times():
    stamp = datetime.datetime(2021, 1, 7, 9, 30, tzinfo=datetime.UTC)
    doc = _doc(Section((Paragraph("x"),)), generated_at=stamp)
    data = render_docx(doc)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.created == stamp
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.infolist()[0].date_time == (2021, 1, 7, 9, 30, 0)


# --- style sheet -----------------------------------------------------------------------


def test_style_sheet(word):
    styles = word.styles
    normal = styles["Normal"]
    assert normal.font.name == "Arial"
    assert normal.font.size.pt == 11
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Caption"):
        rfonts = styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert rfonts.get(qn("w:ascii")) == "Arial", name
        assert rfonts.get(qn("w:asciiTheme")) is None, name  # a theme font would win
    assert styles[TABLE_STYLE].element.find(f".//{qn('w:tblBorders')}") is not None
    assert styles["Isi Tabel"].font.size.pt == 9
    assert styles["Isi Tabel Kecil"].font.size.pt == 8
    assert styles["Teks Kecil"].font.size.pt == 9
    defaults = styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:rFonts')}").get(qn("w:ascii")) == "Arial"


def test_paragraph_styles(word):
    by_text = {p.text: p for p in word.paragraphs}
    assert by_text["Pertama, butir berpoin."].style.name == "List Bullet"
    assert by_text["Langkah bernomor satu."].style.name == "List Number"
    body = by_text[next(t for t in by_text if t.startswith("Program Tata Kelola"))]
    assert body.style.name == "Body Text"
    assert body.style.paragraph_format.alignment == 3  # justified
    assert by_text[next(t for t in by_text if t.startswith("Terbilang"))].style.name == (
        "Teks Kecil"
    )


def test_each_numbered_list_counts_from_one():
    doc = _doc(
        Section(
            (
                Paragraph("satu", "numbered"),
                Paragraph("dua", "numbered"),
                Paragraph("sela"),
                Paragraph("satu lagi", "numbered"),
            )
        )
    )
    word = _open(doc)
    num_ids = {
        p.text: p._p.pPr.numPr.numId.val for p in word.paragraphs if p.style.name == "List Number"
    }
    assert num_ids["satu"] == num_ids["dua"] != num_ids["satu lagi"]
    numbering = word.part.numbering_part.element
    for num_id in set(num_ids.values()):
        start = numbering.xpath(
            f'./w:num[@w:numId="{num_id}"]/w:lvlOverride/w:startOverride/@w:val'
        )
        assert start == ["1"]


def test_headings_use_the_builtin_heading_styles(word, sample):
    headings = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    expected = [(h.text, h.level) for h in sample.headings()]
    got = [(p.text, int(p.style.name.split()[-1])) for p in headings]
    # DAFTAR ISI and DAFTAR TABEL are headings too (listed in the TOC, as in the PDF).
    assert [g for g in got if g[0] not in ("DAFTAR ISI", "DAFTAR TABEL")] == expected
    assert ("DAFTAR ISI", 1) in got and ("DAFTAR TABEL", 1) in got


def test_bab_and_page_breaks_start_a_page(word):
    by_text = {p.text: p for p in word.paragraphs}
    assert by_text["BAB III RENCANA DAN REALISASI KINERJA"].paragraph_format.page_break_before
    assert by_text["DAFTAR ISI"].paragraph_format.page_break_before  # after a PageBreak
    # ... but not at the top of a section, which starts a page anyway
    assert not by_text["KATA PENGANTAR"].paragraph_format.page_break_before
    assert not by_text["BAB I PENDAHULUAN"].paragraph_format.page_break_before


def test_page_break_at_the_start_of_a_section_is_dropped():
    word = _open(_doc(Section((PageBreak(), Paragraph("a"), PageBreak(), Paragraph("b")))))
    by_text = {p.text: p for p in word.paragraphs}
    assert not by_text["a"].paragraph_format.page_break_before
    assert by_text["b"].paragraph_format.page_break_before


# --- cover, sections, page numbers -----------------------------------------------------


def test_cover(word, sample):
    cover = sample.cover
    first_section_paragraphs = []
    for p in word.element.body.iter(qn("w:p")):
        first_section_paragraphs.append(p)
        if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            break
    titles = [
        _paragraph_text(p) for p in first_section_paragraphs if _paragraph_style_id(p) == "Title"
    ]
    assert titles == list(cover.lines)
    text = "\n".join(_paragraph_text(p) for p in first_section_paragraphs)
    for line in (cover.unit, cover.government, cover.place_year):
        assert line in text
    (bottom,) = [p for p in first_section_paragraphs if p.find(f".//{qn('w:framePr')}") is not None]
    assert _paragraph_text(bottom).startswith(cover.unit)
    frame = bottom.find(f"{qn('w:pPr')}/{qn('w:framePr')}")
    assert frame.get(qn("w:yAlign")) == "bottom" and frame.get(qn("w:vAnchor")) == "margin"


def test_sections_orientation_size_and_margins(word, sample):
    sections = word.sections
    assert len(sections) == len(sample.sections) + 1  # the cover
    for section, landscape in zip(
        sections, [False] + [s.landscape for s in sample.sections], strict=True
    ):
        size = (section.page_width.cm, section.page_height.cm)
        if landscape:
            assert section.orientation == WD_ORIENT.LANDSCAPE
            assert size == pytest.approx((29.7, 21), abs=0.01)
        else:
            assert section.orientation == WD_ORIENT.PORTRAIT
            assert size == pytest.approx((21, 29.7), abs=0.01)
        for margin in (section.left_margin, section.right_margin, section.top_margin):
            assert margin.cm == pytest.approx(2.5, abs=0.01)


def test_page_numbers_per_section(word, sample):
    numbering = ["none"] + [s.numbering for s in sample.sections]
    expected = {"roman": "lowerRoman", "arabic": "decimal"}
    seen = set()
    for section, kind in zip(word.sections, numbering, strict=True):
        pg = section._sectPr.find(qn("w:pgNumType"))
        fields = _instructions(section.footer._element)
        assert not section.footer.is_linked_to_previous
        if kind == "none":
            assert "PAGE" not in fields
            continue
        assert fields == ["PAGE"]
        assert pg.get(qn("w:fmt")) == expected[kind]
        assert pg.get(qn("w:start")) == (None if kind in seen else "1")
        seen.add(kind)
        footer = section.footer.paragraphs[0]
        assert footer.alignment == 1  # centred


def test_arabic_pages_carry_unit_and_year_in_the_header(word, sample):
    numbering = ["none"] + [s.numbering for s in sample.sections]
    for section, kind in zip(word.sections, numbering, strict=True):
        text = section.header.paragraphs[0].text
        assert text == ("Biro Pemerintahan · Tahun 2020" if kind == "arabic" else "")


def test_no_blank_paragraph_is_added_for_a_section_break_after_text():
    word = _open(_doc(Section((Paragraph("a"),)), Section((Paragraph("b"),), landscape=True)))
    assert [p.text for p in word.paragraphs] == ["a", "b"]
    assert len(word.sections) == 2


# --- TOC and list of tables ------------------------------------------------------------


def test_toc_and_list_of_tables_are_fields_word_updates(word, sample_bytes):
    instructions = _instructions(word.element.body)
    assert TOC_INSTR in instructions
    assert LOT_INSTR in instructions
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions
    texts = [p.text for p in word.paragraphs]
    assert TOC_HINT in texts
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as z:
        settings = z.read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings
    # the schema order: updateFields before compat
    assert settings.index("w:updateFields") < settings.index("<w:compat>")


def test_table_titles_are_captions_right_above_their_tables(word, sample):
    """Table titles use "Judul Tabel", a caption style (based on the built-in Caption) that
    the list of tables collects by name; chart titles look the same but are not listed."""
    style = word.styles["Judul Tabel"]
    assert style.base_style.name == "Caption"
    assert style.paragraph_format.keep_with_next or style.base_style.paragraph_format.keep_with_next
    assert '\\t "Judul Tabel,1"' in LOT_INSTR
    captions = [p.text for p in word.paragraphs if p.style.name == "Judul Tabel"]
    assert captions == [t.title for t in sample.tables()]
    for word_table, table in zip(_report_tables(word), sample.tables(), strict=True):
        p = _previous_paragraph(word_table)
        assert _paragraph_text(p) == table.title
        assert _paragraph_style_id(p) == style.style_id
    assert word.styles["Judul Gambar"].base_style.name == "Caption"


# --- tables ----------------------------------------------------------------------------


def test_every_table_row_prints_display_of_its_cells(word, sample):
    word_tables = _report_tables(word)
    assert len(word_tables) == len(sample.tables())
    for word_table, table in zip(word_tables, sample.tables(), strict=True):
        headers = _header_count(word_table)
        expected_headers = 1 + any(c.group for c in table.columns) + table.numbered_header
        assert headers == expected_headers, table.key
        data = word_table.rows[headers:]
        assert len(data) == len(table.rows)
        for word_row, row in zip(data, table.rows, strict=True):
            assert [c.text for c in word_row.cells] == [display(c) for c in row.cells]


def test_header_rows(word, sample):
    word_tables = _report_tables(word)
    # 3.1: a group row (ANGGARAN over RENCANA and REALISASI), headers, numbers
    t31 = word_tables[0]
    top, bottom, numbers = (r.cells for r in t31.rows[:3])
    assert [c.text for c in top] == [
        "NO", "KODE", "PROGRAM / KEGIATAN / TOLOK UKUR", "ANGGARAN", "ANGGARAN", "%"
    ]  # fmt: skip
    assert top[3] is not None and top[3]._tc is top[4]._tc  # one merged cell
    assert top[3]._tc.grid_span == 2
    assert [c.text for c in bottom] == [
        "NO", "KODE", "PROGRAM / KEGIATAN / TOLOK UKUR", "RENCANA (Rp)", "REALISASI (Rp)", "%"
    ]  # fmt: skip
    assert top[0]._tc.vMerge == "restart"
    assert t31.rows[1]._tr.tc_lst[0].vMerge == "continue"
    assert [c.text for c in numbers] == ["1", "2", "3", "4", "5", "6"]
    # the long table: a single header row and the numbers
    long = word_tables[2]
    assert [c.text for c in long.rows[0].cells] == ["NO", "URAIAN", "NILAI (Rp)"]
    assert [c.text for c in long.rows[1].cells] == ["1", "2", "3"]


def test_header_rows_repeat_and_no_row_splits(word):
    for word_table in _report_tables(word):
        headers = _header_count(word_table)
        assert headers >= 2
        for row in word_table.rows:
            assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        for row in word_table.rows[headers:]:
            assert row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None


def test_table_without_numbered_header():
    table = Table(
        "1",
        "Tabel 1 Polos",
        (Column("a", "A", width=10), Column("b", "B", "integer", 5)),
        (Row((Cell("x"), Cell(D(1234), "integer"))),),
        numbered_header=False,
    )
    word_table = _report_tables(_open(_doc(Section((table,)))))[0]
    assert _header_count(word_table) == 1
    assert [c.text for c in word_table.rows[1].cells] == ["x", "1.234"]


def _grid(word_table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in word_table._tbl.tblGrid.gridCol_lst]


def test_column_widths_fill_the_usable_width(word):
    portrait, landscape, long = _report_tables(word)
    assert sum(_grid(portrait)) == int(Cm(16).twips)
    assert sum(_grid(landscape)) == int(Cm(24.7).twips)
    grid = _grid(long)  # widths 5 : 50 : 18
    assert sum(grid) == int(Cm(16).twips)
    assert grid[1] > grid[2] > grid[0]
    for word_table in (portrait, landscape, long):
        assert word_table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in word_table.rows:
            position = 0
            for tc in row._tr.tc_lst:
                span = tc.grid_span
                assert tc.width.twips == pytest.approx(
                    sum(_grid(word_table)[position : position + span]), abs=1
                )
                position += span


def test_widths_are_proportional_but_keep_words_whole():
    columns = (
        Column("no", "NO", width=4),
        Column("name", "URAIAN", width=60),
        Column("value", "NILAI", "money", 36),
    )
    total = 10_000
    widths = _widths(columns, [[("1", False), ("x", False), ("1.000", False)]], total, 9)
    assert sum(widths) == total
    assert widths[0] >= _text_width("NO", 9, True)  # 4 % would break "NO"
    assert widths[1] / widths[2] == pytest.approx(60 / 36, rel=0.01)
    # words that cannot fit at all: purely proportional
    huge = [[("X" * 400, False), ("y", False), ("1", False)]]
    assert _widths(columns, huge, total, 9) == [400, 6000, 3600]


def _cell_paragraph(word_table, row: int, column: int):
    return word_table.rows[row].cells[column].paragraphs[0]


def test_alignment_indentation_and_bold(word, sample):
    t31 = _report_tables(word)[0]
    table = input_table()
    headers = _header_count(t31)
    for r, row in enumerate(table.rows):
        for c, column in enumerate(table.columns):
            p = _cell_paragraph(t31, headers + r, c)
            if column.kind != "text":
                assert p.alignment == 2, (r, c)  # right
            elif column.width <= 6:
                assert p.alignment == 1  # centred NO
            else:
                assert p.alignment == 0
            indent = p.paragraph_format.left_indent
            if column.key == "name" and row.level:
                assert indent.cm == pytest.approx(0.4 * row.level, abs=0.01)
            else:
                assert indent is None
            if p.text:
                bold = all(run.bold for run in p.runs)
                assert bold == (row.style != "normal" or row.cells[c].bold), (r, c)


def test_group_and_total_rows_are_shaded(word):
    t31 = _report_tables(word)[0]
    table = input_table()
    headers = _header_count(t31)
    for r, row in enumerate(table.rows):
        fills = {
            (
                c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
                if c._tc.tcPr.find(qn("w:shd")) is not None
                else None
            )
            for c in t31.rows[headers + r].cells
        }
        assert (fills == {None}) == (row.style == "normal")


def test_table_font_sizes(word):
    t31, t81, _ = _report_tables(word)
    assert len(achievement_table().columns) == 8
    assert _cell_paragraph(t31, 3, 2).style.name == "Isi Tabel"  # 9 pt
    assert _cell_paragraph(t81, 3, 0).style.name == "Isi Tabel Kecil"  # 8 pt
    assert _cell_paragraph(t31, 0, 0).style.name == "Kepala Tabel"
    assert _cell_paragraph(t81, 0, 0).style.name == "Kepala Tabel Kecil"


def test_table_notes_follow_the_table(word, sample):
    t31 = _report_tables(word)[0]
    after = t31._tbl.getnext()
    assert _paragraph_text(after) == input_table().notes[0]
    assert _paragraph_style_id(after) == word.styles["Teks Kecil"].style_id


def test_cell_text_with_line_feed_and_notes():
    table = Table(
        "1",
        "Tabel 1",
        (Column("a", "A"), Column("b", "B", "number")),
        (Row((Cell("baris satu\nbaris dua"), Cell(D("140"), "number", note="*"))),),
    )
    word_table = _report_tables(_open(_doc(Section((table,)))))[0]
    assert [c.text for c in word_table.rows[-1].cells] == ["baris satu\nbaris dua", "140*"]


# --- charts, signatures ----------------------------------------------------------------


@pytest.mark.skipif(not HAVE_CHARTS, reason="kinerja.reports.charts is not there yet")
def test_charts_are_embedded_pictures_with_a_caption(word, sample, sample_bytes):
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(images) == len(sample.charts())
    assert all(n.endswith(".png") for n in images)
    shapes = word.inline_shapes
    assert len(shapes) == len(sample.charts())
    for shape, chart in zip(shapes, sample.charts(), strict=True):
        assert shape.width <= Cm(16)
        assert shape._inline.docPr.get("descr")
        picture_p = shape._inline.getparent().getparent().getparent()
        caption = picture_p.getnext()
        assert _paragraph_text(caption) == chart.title
        assert _paragraph_style_id(caption) == word.styles["Judul Gambar"].style_id


@pytest.mark.skipif(not HAVE_CHARTS, reason="kinerja.reports.charts is not there yet")
def test_chart_in_landscape_is_not_taller_than_the_page():
    chart = Chart(
        "c",
        "Banyak kegiatan",
        "bars",
        tuple(f"Kegiatan {i}" for i in range(40)),
        (ChartSeries("Capaian", tuple(D(i) for i in range(40)), "bar"),),
    )
    word = _open(_doc(Section((chart,), landscape=True)))
    (shape,) = word.inline_shapes
    assert shape.height <= Cm(21 - 5)
    assert shape.width <= Cm(24.7)


def test_signatures(word, sample):
    signature_tables = [t for t in word.tables if t.style is None or t.style.name != TABLE_STYLE]
    single, pair = signature_tables
    text = "\n".join(c.text for row in single.rows for c in row.cells)
    assert "NIP. 19741004 199402 1 002" in text
    assert "Serang, 7 Januari 2021" in text
    assert single.alignment == 2  # right
    assert len(single.columns) == 1
    assert sum(_grid(single)) < int(Cm(16).twips)
    name = next(
        p
        for row in single.rows
        for c in row.cells
        for p in c.paragraphs
        if p.text == "GUNAWAN RUSMINTO, AP, M.Si"
    )
    assert all(run.bold and run.underline for run in name.runs)
    # the pair: two columns, offices on the first row, names on the second
    assert len(pair.columns) == 2
    heads, names = pair.rows
    assert "PIHAK KEDUA" in heads.cells[0].text and "PIHAK PERTAMA" in heads.cells[1].text
    assert heads.cells[0].text.count("PIHAK KEDUA") == 1  # caption not repeated
    assert "NIP. 19650101 199003 1 001" in names.cells[0].text
    assert "NIP. 19741004 199402 1 002" in names.cells[1].text
    for table in (single, pair):
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert all(edge.get(qn("w:val")) == "nil" for edge in borders)


def test_signature_after_a_table_is_kept_apart_from_it():
    table = Table("1", "Tabel 1", (Column("a", "A"),), (Row((Cell("x"),)),))
    word = _open(_doc(Section((table, Signature("Serang", ("KEPALA",), "NAMA", nip="1")))))
    tbl = _report_tables(word)[0]._tbl
    assert tbl.getnext().tag == qn("w:p")  # two adjacent tables would merge in Word


def test_document_without_cover_or_sections():
    word = _open(_doc())
    assert len(word.sections) == 1
    assert word.sections[0].page_width.cm == pytest.approx(21, abs=0.01)
    word = _open(_doc(Section((Heading("BAB I", 1),), numbering="arabic")))
    pg = word.sections[0]._sectPr.find(qn("w:pgNumType"))
    assert (pg.get(qn("w:fmt")), pg.get(qn("w:start"))) == ("decimal", "1")


def test_heading_levels_are_clamped_to_three():
    word = _open(
        _doc(Section((Heading("a. Rinci", 3), Heading("i. Lebih rinci", 5), Heading("X", 0))))
    )
    assert [(p.text, p.style.name) for p in word.paragraphs] == [
        ("a. Rinci", "Heading 3"),
        ("i. Lebih rinci", "Heading 3"),
        ("X", "Heading 1"),
    ]


def test_table_without_rows_or_columns():
    columns = (Column("a", "A"), Column("b", "B", "money"))
    empty = Table("1", "Tabel 1 Kosong", columns, (), notes=("Belum ada data.",))
    bare = Table("2", "Tabel 2 Tanpa kolom", (), (), notes=("catatan",))
    word = _open(_doc(Section((empty, bare))))
    (word_table,) = _report_tables(word)
    assert len(word_table.rows) == _header_count(word_table) == 2
    texts = [p.text for p in word.paragraphs]
    assert texts == ["Tabel 1 Kosong", "Belum ada data.", "Tabel 2 Tanpa kolom", "catatan"]
