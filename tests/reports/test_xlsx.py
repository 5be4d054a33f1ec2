"""The XLSX renderer: real workbooks whose numbers are numbers and whose formulas reproduce
the document's figures (checked by a small Decimal evaluator, and by LibreOffice when it is
installed)."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal as D
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from kinerja.core.numbers import decimal_context, fmt_date, round_half_up
from kinerja.reports.document import (
    Cell,
    Column,
    Difference,
    Document,
    MeanOf,
    Paragraph,
    Ratio,
    Row,
    Section,
    SumOf,
    Table,
)
from kinerja.reports.render_xlsx import render_xlsx, sheet_names
from kinerja.reports.sample import sample_document

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
GENERATED = datetime.datetime(2021, 1, 7, 9, 30)


# --- an edge-case document -------------------------------------------------------------


def _pct(num, den):
    if num is None or den is None or den == 0:
        return None
    with decimal_context():
        return num / den * 100


def _edge_table() -> Table:
    """Sen, a zero and an empty denominator/numerator, a mean with a gap, text that looks
    like a formula or a number, a long code; no numbered header."""
    columns = (
        Column("code", "KODE", width=8),
        Column("name", "URAIAN", width=30),
        Column("plan", "PAGU (Rp)", "money", 16, group="ANGGARAN"),
        Column("real", "REALISASI (Rp)", "money", 16, group="ANGGARAN"),
        Column("pct", "%", "percent", 8, group="ANGGARAN"),
        Column("ach", "CAPAIAN", "number", 9),
        Column("abs", "PENYERAPAN (%)", "percent", 9),
        Column("eff", "EFISIENSI", "number", 9),
    )
    leaves = [
        (
            "4.01.01.1.01.07",
            "=1+1 (bukan rumus)",
            D("1000.50"),
            D("999.25"),
            D("80.5"),
            D("99.875"),
        ),
        ("007", "Tanpa pagu", D("0"), D("0"), None, D("10")),
        ("4.01.01.1.01.08", "Belum ada realisasi", D("2500000"), None, D("91.25"), None),
    ]
    rows = [Row(())]
    for code, name, plan, real, ach, absorption in leaves:
        eff = None if ach is None or absorption is None else ach - absorption
        rows.append(
            Row(
                (
                    Cell(code),
                    Cell(name),
                    Cell(plan, "money"),
                    Cell(real, "money"),
                    Cell(_pct(real, plan), "percent", Ratio("real", "plan")),
                    Cell(ach, "number", note="*" if ach == D("91.25") else ""),
                    Cell(absorption, "percent"),
                    Cell(eff, "number", Difference("ach", "abs")),
                ),
                level=2,
            )
        )
    plan = sum((r.cells[2].value for r in rows[1:] if r.cells[2].value is not None), D(0))
    real = sum((r.cells[3].value for r in rows[1:] if r.cells[3].value is not None), D(0))
    mean = (D("80.5") + D("91.25")) / 2
    rows[0] = Row(
        (
            Cell("4.01"),
            Cell("Program & Kegiatan <uji>"),
            Cell(plan, "money", SumOf((1, 2, 3))),
            Cell(real, "money", SumOf((1, 2, 3))),
            Cell(_pct(real, plan), "percent", Ratio("real", "plan")),
            Cell(mean, "number", MeanOf((1, 2, 3))),
            Cell(None, "percent"),
            Cell(None, "number", Difference("ach", "abs")),
        ),
        level=1,
        style="group",
    )
    rows.append(
        Row(
            (
                Cell(""),
                Cell("JUMLAH"),
                Cell(plan, "money", SumOf((0,))),
                Cell(real, "money", SumOf((0,))),
                Cell(_pct(real, plan), "percent", Ratio("real", "plan")),
                Cell(None, "number", MeanOf((2,))),  # only an empty cell: no mean
                Cell(None, "percent"),
                Cell(None, "number"),
            ),
            style="total",
        )
    )
    return Table(
        "E.1",
        "Tabel E.1 Uji & Tepi",
        columns,
        tuple(rows),
        numbered_header=False,
        notes=("* capaian dibatasi 100.",),
        sheet_name="Rencana/Realisasi: [2020]*?",
    )


def _wide_table(key: str, sheet_name: str) -> Table:
    columns = (
        Column("name", "NAMA", width=60),
        Column("big", "NILAI (Rp)", "money", 40),
        Column("n", "ANGKA", "number", 30),
        Column("i", "JUMLAH", "integer", 10),
    )
    rows = (
        Row(
            (
                Cell("Satu"),
                Cell(D("1E+3"), "money"),
                Cell(D("87.50"), "number"),
                Cell(D(1500), "integer"),
            )
        ),
        Row(
            (
                Cell("Dua"),
                Cell(D("123456789012.34"), "money"),
                Cell(D("0.1"), "number"),
                Cell(None, "integer"),
            )
        ),
        Row(
            (
                Cell("Tiga"),
                Cell(D("9.95"), "money"),
                Cell(D("82.8125"), "number"),
                Cell("", "integer"),
            )
        ),
    )
    return Table(key, f"Tabel {key} Lebar", columns, rows, sheet_name=sheet_name)


def edge_document() -> Document:
    tables = (
        _edge_table(),
        _wide_table("W.1", "Rencana/Realisasi: [2020]*?"),  # same name: must be made unique
        _wide_table("W.2", "keterangan"),  # clashes with the info sheet
        _wide_table("W.3", "'" + "x" * 40 + "'"),
    )
    return Document(
        kind="uji",
        title="Laporan Uji & Tepi",
        unit_name="Biro Uji",
        government_name="Pemerintah Provinsi Uji",
        year=2020,
        sections=(Section((Paragraph("Paragraf tidak dimuat."), *tables)),),
        generated_at=GENERATED,
    )


DOCS = {"sample": sample_document, "edge": edge_document}


@pytest.fixture(scope="module", params=sorted(DOCS))
def rendered(request):
    doc = DOCS[request.param]()
    data = render_xlsx(doc)
    return doc, data, openpyxl.load_workbook(io.BytesIO(data)), _raw_cells(data)


# --- reading the file ------------------------------------------------------------------


def _raw_cells(data: bytes) -> dict[str, dict[str, tuple[str, str | None, str | None]]]:
    """{sheet: {coordinate: (type, formula, value text)}} straight from the XML, so numbers
    are seen exactly as written."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        result = {}
        for sheet in book.find("m:sheets", NS):
            target = targets[sheet.get(f"{{{NS['r']}}}id")].lstrip("/")
            path = target if target.startswith("xl/") else f"xl/{target}"
            cells = {}
            for c in ElementTree.fromstring(z.read(path)).iter(f"{{{NS['m']}}}c"):
                f = c.find("m:f", NS)
                v = c.find("m:v", NS)
                t = c.find("m:is/m:t", NS)
                text = v.text if v is not None else (t.text if t is not None else None)
                cells[c.get("r")] = (c.get("t", "n"), f.text if f is not None else None, text)
            result[sheet.get("name")] = cells
    return result


def _layout(table: Table) -> dict[str, int | None]:
    groups = any(c.group for c in table.columns)
    header = 3 if groups else 2
    numbered = header + 1 if table.numbered_header else None
    return {
        "group": 2 if groups else None,
        "header": header,
        "numbered": numbered,
        "data": (numbered or header) + 1,
    }


def _cells(doc: Document, wb):
    """(table, sheet, row index, row, column index, column, cell, Excel coordinate)."""
    for table, ws in zip(doc.tables(), wb.worksheets[1:], strict=True):
        first = _layout(table)["data"]
        for r, row in enumerate(table.rows):
            for c, column in enumerate(table.columns):
                cell = row.cells[c] if c < len(row.cells) else Cell()
                yield table, ws, r, row, c, column, cell, f"{get_column_letter(c + 1)}{first + r}"


# --- a small evaluator for the four formula shapes -------------------------------------

REF = r"([A-Z]+[0-9]+)"
REFS = r"([A-Z0-9:,]+)"
SHAPES = {
    "ratio": re.compile(rf'^=IF\(OR\(N\({REF}\)=0,{REF}=""\),"",\2/\1\*100\)$'),
    "sum": re.compile(rf"^=SUM\({REFS}\)$"),
    "mean": re.compile(rf'^=IFERROR\(AVERAGE\({REFS}\),""\)$'),
    "difference": re.compile(rf'^=IF\(OR\({REF}="",{REF}=""\),"",\1-\2\)$'),
}


def _expand(refs: str) -> list[str]:
    out = []
    for part in refs.split(","):
        if ":" not in part:
            out.append(part)
            continue
        start, end = part.split(":")
        (c1, r1), (c2, r2) = (re.fullmatch(r"([A-Z]+)(\d+)", x).groups() for x in (start, end))
        assert c1 == c2, part
        out.extend(f"{c1}{r}" for r in range(int(r1), int(r2) + 1))
    return out


class Evaluator:
    """Excel semantics restricted to what the renderer emits: a blank cell and "" are
    "empty" (None here); N() of empty is 0; SUM and AVERAGE skip empty and text cells."""

    def __init__(self, raw_sheet: dict):
        self.raw = raw_sheet
        self.memo: dict[str, D | str | None] = {}

    def value(self, ref: str):
        if ref not in self.memo:
            self.memo[ref] = None  # guards against cycles
            self.memo[ref] = self._compute(ref)
        return self.memo[ref]

    def _compute(self, ref: str):
        if ref not in self.raw:
            return None
        kind, formula, text = self.raw[ref]
        if formula is not None:
            return self.formula("=" + formula)
        if kind == "n":
            return None if text is None else D(text)
        return text or None

    def formula(self, text: str):
        with decimal_context():
            if m := SHAPES["ratio"].match(text):
                den, num = self.value(m[1]), self.value(m[2])
                if not isinstance(den, D) or den == 0 or num is None:
                    return None
                return num / den * 100
            if m := SHAPES["sum"].match(text):
                values = [self.value(r) for r in _expand(m[1])]
                return sum((v for v in values if isinstance(v, D)), D(0))
            if m := SHAPES["mean"].match(text):
                values = [v for v in map(self.value, _expand(m[1])) if isinstance(v, D)]
                return sum(values, D(0)) / len(values) if values else None
            if m := SHAPES["difference"].match(text):
                a, b = self.value(m[1]), self.value(m[2])
                return None if a is None or b is None else a - b
        raise AssertionError(f"bentuk rumus tidak dikenal: {text}")


def _same(computed, expected) -> bool:
    if expected is None or computed is None:
        return expected is None and computed is None
    return round_half_up(computed, 2) == round_half_up(expected, 2)


# --- sheets and headers ----------------------------------------------------------------


def test_sample_sheet_names():
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(sample_document())))
    assert wb.sheetnames == ["Keterangan", "Tabel 3.1", "Tabel 8.1", "Lampiran 1"]


def test_edge_sheet_names_are_valid_and_unique():
    doc = edge_document()
    names = sheet_names(doc.tables())
    assert names[0] == "Rencana-Realisasi- -2020---"
    assert names[1] == "Rencana-Realisasi- -2020--- (2)"
    assert names[2] == "keterangan (2)"
    assert names[3] == "x" * 31
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    assert wb.sheetnames == ["Keterangan", *names]
    folded = [n.casefold() for n in wb.sheetnames]
    assert len(set(folded)) == len(folded)
    for name in wb.sheetnames:
        assert 0 < len(name) <= 31
        assert not re.search(r"[\[\]:*?/\\]", name)
        assert not name.startswith("'") and not name.endswith("'")


def test_info_sheet():
    doc = edge_document()
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))["Keterangan"]
    values = [v for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    text = "\n".join(str(v) for v in values)
    assert ws["A1"].value == "Laporan Uji & Tepi" and ws["A1"].font.b
    for expected in ("Biro Uji", "Pemerintah Provinsi Uji", fmt_date(GENERATED.date())):
        assert expected in values
    assert 2020 in values
    for phrase in (
        "rumus aktif",
        "dihitung oleh Kinerja",
        "1.193.209.000",
        "71,51",
        "menghasilkan kembali",
    ):
        assert phrase in text
    for table in doc.tables():
        assert table.title in values
        for note in table.notes:
            assert note in values
    assert "Paragraf tidak dimuat." not in text


def test_info_sheet_lists_sample_notes_and_links():
    doc = sample_document()
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))["Keterangan"]
    values = [v for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    for table in doc.tables():
        for note in table.notes:
            assert note in values
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    assert links == ["'Tabel 3.1'!A1", "'Tabel 8.1'!A1", "'Lampiran 1'!A1"]


def test_headers(rendered):
    doc, _, wb, _ = rendered
    for table, ws in zip(doc.tables(), wb.worksheets[1:], strict=True):
        layout = _layout(table)
        n = len(table.columns)
        assert ws["A1"].value == table.title and ws["A1"].font.b
        assert f"A1:{get_column_letter(n)}1" in {str(r) for r in ws.merged_cells.ranges}
        merged = {str(r) for r in ws.merged_cells.ranges}
        for c, column in enumerate(table.columns, start=1):
            letter = get_column_letter(c)
            if layout["group"] and not column.group:
                cell = ws.cell(layout["group"], c)
                assert f"{letter}{layout['group']}:{letter}{layout['header']}" in merged
            else:
                cell = ws.cell(layout["header"], c)
            assert cell.value == column.header
            assert cell.font.b and cell.alignment.wrap_text
            assert cell.alignment.horizontal == "center"
            assert cell.border.top.style == "thin" and cell.fill.fill_type == "solid"
            if layout["numbered"]:
                assert ws.cell(layout["numbered"], c).value == c
        if layout["group"]:
            groups = {}
            for c, column in enumerate(table.columns, start=1):
                if column.group:
                    groups.setdefault(column.group, []).append(c)
            for group, cols in groups.items():
                assert ws.cell(layout["group"], cols[0]).value == group
                if len(cols) > 1:
                    span = (
                        f"{get_column_letter(cols[0])}{layout['group']}:"
                        f"{get_column_letter(cols[-1])}{layout['group']}"
                    )
                    assert span in merged


# --- cells -----------------------------------------------------------------------------


def test_numbers_are_exact_numbers(rendered):
    doc, _, wb, raw = rendered
    checked = 0
    for _table, ws, _r, _row, _c, _column, cell, ref in _cells(doc, wb):
        if cell.formula is not None:
            continue
        if isinstance(cell.value, D):
            kind, formula, text = raw[ws.title][ref]
            assert kind == "n" and formula is None, ref
            assert D(text) == cell.value, (ws.title, ref, text, cell.value)
            assert isinstance(ws[ref].value, int | float)
            checked += 1
        elif cell.value is None or cell.value == "":
            assert ws[ref].value is None, (ws.title, ref)
    assert checked > 10


def test_text_stays_text(rendered):
    doc, _, wb, _ = rendered
    for _table, ws, _r, _row, _c, _column, cell, ref in _cells(doc, wb):
        if isinstance(cell.value, str) and cell.value:
            assert ws[ref].data_type == "s", (ws.title, ref)
            assert ws[ref].value == cell.value + (cell.note if cell.kind == "text" else "")
            assert ws[ref].number_format == "@"


def test_codes_and_formula_like_text():
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(edge_document())))
    ws = wb.worksheets[1]
    first = _layout(edge_document().tables()[0])["data"]
    assert ws[f"A{first + 1}"].value == "4.01.01.1.01.07"
    assert ws[f"B{first + 1}"].value == "=1+1 (bukan rumus)"
    assert ws[f"B{first + 1}"].data_type == "s"
    assert ws[f"A{first + 2}"].value == "007"
    assert ws.column_dimensions["A"].width >= len("4.01.01.1.01.07")


def test_number_formats(rendered):
    doc, _, wb, _ = rendered
    for _table, ws, _r, _row, _c, column, cell, ref in _cells(doc, wb):
        kind = cell.kind if cell.kind != "text" else column.kind
        fmt = ws[ref].number_format
        value = cell.value
        if kind == "percent":
            assert fmt == "0.00", (ws.title, ref)
        elif kind == "money" and isinstance(value, D):
            assert fmt == ("#,##0" if value == value.to_integral_value() else "#,##0.00")
        elif kind in ("number", "integer") and isinstance(value, D):
            if value == value.to_integral_value():
                assert fmt == "#,##0"
            else:
                assert re.fullmatch(r"#,##0\.0{1,4}", fmt), fmt


def test_number_format_examples():
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(edge_document()))).worksheets[2]
    first = _layout(edge_document().tables()[1])["data"]
    assert [ws[f"B{first + i}"].number_format for i in range(3)] == [
        "#,##0",
        "#,##0.00",
        "#,##0.00",
    ]
    assert [ws[f"C{first + i}"].number_format for i in range(3)] == [
        "#,##0.0",
        "#,##0.0",
        "#,##0.0000",
    ]
    assert ws[f"D{first}"].number_format == "#,##0"


def test_notes_as_comments_and_under_the_table():
    doc = sample_document()
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    noted = [(ws, ref) for _t, ws, _r, _row, _c, _col, cell, ref in _cells(doc, wb) if cell.note]
    assert noted
    for ws, ref in noted:
        assert isinstance(ws[ref].value, int | float)
        assert ws[ref].comment is not None
        assert "capaian dibatasi 100" in ws[ref].comment.text
    for table, ws in zip(doc.tables(), wb.worksheets[1:], strict=True):
        below = [
            ws.cell(r, 1).value
            for r in range(_layout(table)["data"] + len(table.rows), ws.max_row + 1)
        ]
        for note in table.notes:
            assert note in below


def test_indent_and_row_styles(rendered):
    doc, _, wb, _ = rendered
    for _table, ws, _r, row, _c, column, cell, ref in _cells(doc, wb):
        xl = ws[ref]
        if column.key == "name":
            assert xl.alignment.indent == row.level, (ws.title, ref)
        if row.style in ("group", "total") or cell.bold:
            assert xl.font.b, (ws.title, ref)
        else:
            assert not xl.font.b
        if row.style == "group":
            assert xl.fill.fill_type == "solid"
        assert xl.border.left.style == "thin"


# --- formulas --------------------------------------------------------------------------


def test_formula_cells_match_document(rendered):
    doc, _, wb, _ = rendered
    formulas = 0
    for _table, ws, _r, _row, _c, _column, cell, ref in _cells(doc, wb):
        xl = ws[ref]
        is_formula = xl.data_type == "f"
        assert is_formula == (cell.formula is not None), (ws.title, ref, xl.value)
        if is_formula:
            formulas += 1
            shape = {Ratio: "ratio", SumOf: "sum", MeanOf: "mean", Difference: "difference"}
            assert SHAPES[shape[type(cell.formula)]].match(xl.value), xl.value
    assert formulas >= 10


def test_sample_formula_text():
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(sample_document())))["Tabel 3.1"]
    assert ws["D5"].value == "=SUM(D6,D9)"
    assert ws["E6"].value == "=SUM(E7:E8)"
    assert ws["F7"].value == '=IF(OR(N(D7)=0,E7=""),"",E7/D7*100)'
    assert ws["D12"].value == "=SUM(D5)"
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(sample_document())))["Tabel 8.1"]
    assert ws["E5"].value == '=IFERROR(AVERAGE(E6:E8),"")'
    assert ws["G6"].value == '=IF(OR(E6="",F6=""),"",E6-F6)'


def test_formulas_reproduce_document_values(rendered):
    doc, _, wb, raw = rendered
    evaluators = {ws.title: Evaluator(raw[ws.title]) for ws in wb.worksheets[1:]}
    checked = 0
    for _table, ws, _r, _row, _c, _column, cell, ref in _cells(doc, wb):
        if cell.formula is None:
            continue
        computed = evaluators[ws.title].value(ref)
        assert _same(computed, cell.value), (ws.title, ref, computed, cell.value)
        checked += 1
    assert checked >= 10


def test_evaluator_sees_empty_results():
    """The edge table's undefined figures come out of the formulas as empty."""
    doc = edge_document()
    data = render_xlsx(doc)
    raw = _raw_cells(data)
    name = openpyxl.load_workbook(io.BytesIO(data)).sheetnames[1]
    ev = Evaluator(raw[name])
    first = _layout(doc.tables()[0])["data"]
    assert ev.value(f"E{first + 2}") is None  # 0 ÷ 0
    assert ev.value(f"E{first + 3}") is None  # empty realisasi
    assert ev.value(f"H{first}") is None  # difference with an empty side
    assert ev.value(f"F{first + 4}") is None  # mean of only an empty cell
    assert ev.value(f"F{first}") == D("85.875")
    assert ev.value(f"C{first + 4}") == D("2501000.50")


# --- sheet set-up, properties ----------------------------------------------------------


def test_print_setup(rendered):
    doc, _, wb, _ = rendered
    for table, ws in zip(doc.tables(), wb.worksheets[1:], strict=True):
        layout = _layout(table)
        top = layout["group"] or layout["header"]
        assert ws.freeze_panes == f"A{layout['data']}"
        assert ws.print_title_rows == f"${top}:${layout['data'] - 1}"
        assert int(ws.page_setup.paperSize) == 9  # A4
        wide = sum(c.width for c in table.columns) > 120
        expected = "landscape" if table.landscape or wide else "portrait"
        assert ws.page_setup.orientation == expected, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.oddHeader.center.text == table.title.replace("&", "&&")
        assert ws.oddFooter.right.text == "Halaman &P dari &N"
        for c, column in enumerate(table.columns, start=1):
            assert ws.column_dimensions[get_column_letter(c)].width >= column.width


def test_orientation_in_sample():
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(sample_document())))
    assert wb["Tabel 8.1"].page_setup.orientation == "landscape"
    assert wb["Tabel 3.1"].page_setup.orientation == "portrait"


def test_properties_and_determinism():
    doc = edge_document()
    data = render_xlsx(doc)
    assert data == render_xlsx(edge_document())
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.properties.title == doc.title
    assert wb.properties.creator == "Kinerja"
    assert wb.properties.created == GENERATED
    assert wb.properties.modified == GENERATED
    sample = openpyxl.load_workbook(io.BytesIO(render_xlsx(sample_document())))
    assert sample.properties.created == datetime.datetime(2020, 1, 1)
    assert render_xlsx(sample_document()) == render_xlsx(sample_document())


def test_generated_at_from_the_builders():
    """The builders put the day the data was read (midnight) in ``generated_at``."""
    doc = dataclasses.replace(sample_document(), generated_at=datetime.datetime(2021, 1, 7))
    data = render_xlsx(doc)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.properties.created == datetime.datetime(2021, 1, 7)
    values = [v for row in wb["Keterangan"].iter_rows(values_only=True) for v in row]
    assert "7 Januari 2021" in values
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2021, 1, 7, 0, 0, 0)}


def test_is_a_zip_workbook_with_formulas_left_for_excel():
    data = render_xlsx(sample_document())
    assert data[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        book = z.read("xl/workbook.xml").decode()
    assert 'fullCalcOnLoad="1"' in book


# --- LibreOffice recalculation ---------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", sorted(DOCS))
def test_libreoffice_recalculates_the_same_values(name, tmp_path):
    doc = DOCS[name]()
    source = tmp_path / "in" / "book.xlsx"
    source.parent.mkdir()
    source.write_bytes(render_xlsx(doc))
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    wb = openpyxl.load_workbook(out / "book.xlsx", data_only=True)
    checked = 0
    for table, ws_name in zip(doc.tables(), wb.sheetnames[1:], strict=True):
        ws = wb[ws_name]
        first = _layout(table)["data"]
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cached = ws.cell(first + r, c + 1).value
                if cell.formula is None:
                    if isinstance(cell.value, D):
                        assert D(str(cached)) == cell.value, (ws_name, r, c)
                    continue
                checked += 1
                if cell.value is None:
                    assert cached in (None, ""), (ws_name, r, c, cached)
                    continue
                assert isinstance(cached, int | float), (ws_name, r, c, cached)
                tolerance = D("1e-9") * max(D(1), abs(cell.value))
                assert abs(D(str(cached)) - cell.value) <= tolerance, (ws_name, r, c, cached)
    assert checked >= 10


def test_evaluator_range_expansion():
    assert _expand("D8:D10,D12") == ["D8", "D9", "D10", "D12"]
