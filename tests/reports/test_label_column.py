"""Which column a row's level indents: the names, in every format, even where another text
column (Tabel 3.2's URAIAN REALISASI) is wider."""

from __future__ import annotations

import io
import re
from decimal import Decimal as D

import openpyxl
import pytest
from docx import Document as WordDocument

from kinerja.reports.document import Cell, Column, Document, Row, Section, Table
from kinerja.reports.render_docx import render_docx
from kinerja.reports.render_pdf import render_html
from kinerja.reports.render_xlsx import render_xlsx


def _table(columns, rows=()) -> Table:
    return Table("9.9", "Tabel 9.9 Uji", tuple(columns), tuple(rows), numbered_header=False)


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        # a column keyed "name" wins over a wider text column
        ((Column("name", "URAIAN", width=30), Column("story", "REALISASI", width=44)), 0),
        # no "name": the widest text column, the first of equals
        ((Column("no", "NO", width=4), Column("a", "A", width=20), Column("b", "B", width=36)), 2),
        ((Column("a", "A", width=20), Column("b", "B", width=20)), 0),
        # figures never carry the indent
        ((Column("x", "X", "money", 60), Column("a", "A", width=10)), 1),
        ((Column("x", "X", "money", 60),), None),
    ],
)
def test_label_index(columns, expected):
    assert _table(columns).label_index() == expected


def _output_table() -> Table:
    """Like Tabel 3.2: the name column is narrower than the story beside it."""
    columns = (
        Column("name", "PROGRAM / KEGIATAN", width=30),
        Column("story", "URAIAN REALISASI", width=44),
        Column("pct", "%", "percent", 8),
    )
    rows = (
        Row((Cell("Program A"), Cell(""), Cell(D("80"), "percent")), level=0, style="group"),
        Row((Cell("Kegiatan A.1"), Cell("Rapat koordinasi 4 kali"), Cell(D("75"), "percent")), 1),
        Row((Cell("Sub A.1.1"), Cell("Dokumen selesai"), Cell(D("70"), "percent")), level=2),
    )
    return _table(columns, rows)


def _document(table: Table) -> Document:
    return Document("evaluasi", "Uji", "Biro Uji", "Provinsi Uji", 2020, (Section((table,)),))


def test_pdf_indents_the_name_cells_only():
    html = render_html(_document(_output_table()))
    body = html.split("<tbody>", 1)[1]
    cells = re.findall(r"<td([^>]*)>(.*?)</td>", body, re.S)
    indented = {text.strip() for attrs, text in cells if "indent-1" in attrs or "indent-2" in attrs}
    assert indented == {"Kegiatan A.1", "Sub A.1.1"}


def test_docx_indents_the_name_cells_only():
    content = render_docx(_document(_output_table()))
    word = WordDocument(io.BytesIO(content))
    table = word.tables[-1]
    body = [row for row in table.rows if row.cells[0].text in ("Kegiatan A.1", "Sub A.1.1")]
    assert len(body) == 2
    for level, row in enumerate(body, start=1):
        name, story = row.cells[0].paragraphs[0], row.cells[1].paragraphs[0]
        assert name.paragraph_format.left_indent.cm == pytest.approx(0.4 * level, abs=0.01)
        assert story.paragraph_format.left_indent is None


def test_xlsx_indents_the_name_cells_only():
    content = render_xlsx(_document(_output_table()))
    found = {}
    for sheet in openpyxl.load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in ("Kegiatan A.1", "Sub A.1.1", "Dokumen selesai"):
                    found[cell.value] = cell.alignment.indent
    assert found == {"Kegiatan A.1": 1, "Sub A.1.1": 2, "Dokumen selesai": 0}
