"""The report as an Excel workbook (openpyxl): the data of every table, with live formulas.

``render_xlsx(doc)`` returns the bytes of an ``.xlsx`` file:

- sheet "Keterangan": title, unit, government, year, generation date, how to read the
  workbook (numbers are numbers, % and totals are live formulas that reproduce Kinerja's
  figures, separators follow the user's locale), the list of tables and every table's notes;
- one sheet per ``Table``: title (merged), the optional group header row, the header row,
  the numbered row "1 2 3 …", the data rows, then the table's notes. Frozen below the
  header, A4, fit to one page wide, header rows repeated on every printed page.

Numbers are stored as numbers, written from the ``Decimal`` exactly (openpyxl would print
them with ``%.16g`` through a float, which turns 9.95 into 9.949999999999999). Percent cells
hold 71.51, not 0.7151. A cell with a formula (``Ratio``, ``SumOf``, ``MeanOf``,
``Difference``) becomes one of these, in terms of the sheet's own cells::

    Ratio(num, den)  =IF(OR(N(D7)=0,E7=""),"",E7/D7*100)
    SumOf(rows)      =SUM(D8:D10,D12)
    MeanOf(rows)     =IFERROR(AVERAGE(G8:G10),"")
    Difference(a, b) =IF(OR(F7="",G7=""),"",F7-G7)

An empty figure is a blank cell (never "–"), so the formulas treat it as missing, as the
core does. No figure is computed here. The bytes are deterministic: the workbook's dates
and the zip entries' times come from ``Document.created()``.
"""

from __future__ import annotations

import datetime
import io
import math
import re
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.writer.excel import ExcelWriter

from kinerja.core.numbers import fmt_date, strip_zeros

from .document import Cell, Column, Difference, Document, MeanOf, Ratio, Row, SumOf, Table

__all__ = ["render_xlsx", "sheet_names"]

INFO_SHEET = "Keterangan"

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=12)
_NUMBERED_FONT = Font(italic=True, size=8)
_WIDE = 120  # total relative column width above which a table is printed landscape
# Excel's paper size codes for the document's wide paper (landscape sheets): A4, Folio
# (8,5 × 13 inci, what F4 is called in Excel), A3.
_PAPER_SIZES = {"A4": 9, "F4": 14, "A3": 8}
_MAX_DECIMALS = 4  # decimals shown for a "number" cell (the stored value is exact)
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# --- entry point -----------------------------------------------------------------------


def render_xlsx(doc: Document) -> bytes:
    """The workbook of ``doc`` as ``.xlsx`` bytes."""
    stamp = _stamp(doc)
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    tables = doc.tables()
    names = sheet_names(tables)
    for table, name in zip(tables, names, strict=True):
        _table_sheet(wb.create_sheet(name), table, doc)
    _info_sheet(info, doc, tables, names)

    wb.properties.title = doc.title
    wb.properties.subject = f"{doc.unit_name} {doc.year}".strip()
    wb.properties.creator = "Kinerja"
    wb.properties.lastModifiedBy = "Kinerja"
    wb.properties.created = stamp
    wb.properties.modified = stamp

    buffer = io.BytesIO()
    # ExcelWriter directly, not wb.save(): save() would stamp "modified" with the clock.
    archive = _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    archive.date_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    ExcelWriter(wb, archive).save()
    return buffer.getvalue()


def sheet_names(tables: list[Table]) -> list[str]:
    """The sheet name of each table: ``sheet_name`` or "Tabel <key>", made valid for Excel
    (no ``[]:*?/\\``, no leading or trailing apostrophe, at most 31 characters) and unique
    (case-insensitively, also against "Keterangan")."""
    taken = {INFO_SHEET.casefold()}
    result = []
    for table in tables:
        base = _clean_sheet_name(table.sheet_name or f"Tabel {table.key}")
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)].rstrip() + suffix
        taken.add(name.casefold())
        result.append(name)
    return result


def _clean_sheet_name(name: str) -> str:
    name = _SHEET_FORBIDDEN.sub("-", _clean_text(name))
    name = " ".join(name.split()).strip("' ")[:31].strip("' ")
    if not name:
        name = "Tabel"
    if name.casefold() == "history":  # reserved by Excel
        name = "History 1"
    return name


# --- one table -------------------------------------------------------------------------


class _Layout:
    """Where the parts of a table sheet are."""

    def __init__(self, table: Table):
        self.table = table
        self.ncols = len(table.columns)
        self.has_groups = any(c.group for c in table.columns)
        row = 2
        self.group_row = row if self.has_groups else None
        row += 1 if self.has_groups else 0
        self.header_row = row
        row += 1
        self.numbered_row = row if table.numbered_header else None
        row += 1 if table.numbered_header else 0
        self.first_data_row = row
        self.name_column = table.label_index()

    def excel_row(self, index: int) -> int:
        return self.first_data_row + index

    def letter(self, key: str) -> str:
        return get_column_letter(self.table.column_index(key) + 1)

    def ref(self, key: str, index: int) -> str:
        return f"{self.letter(key)}{self.excel_row(index)}"


def _table_sheet(ws, table: Table, doc: Document) -> None:
    layout = _Layout(table)
    ncols = layout.ncols
    last_letter = get_column_letter(max(ncols, 1))

    # title
    title = ws.cell(1, 1)
    _put_text(title, table.title)
    title.font = _TITLE_FONT
    title.alignment = Alignment(vertical="center")
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 22

    _header_rows(ws, table, layout)

    # data
    for index, row in enumerate(table.rows):
        for col, column in enumerate(table.columns):
            cell_data = row.cells[col] if col < len(row.cells) else Cell()
            _data_cell(
                ws.cell(layout.excel_row(index), col + 1),
                cell_data,
                column,
                row,
                col,
                layout,
                index,
            )

    # notes under the table
    if table.notes:
        note_row = layout.excel_row(len(table.rows)) + 1
        label = ws.cell(note_row, 1)
        _put_text(label, "Catatan:")
        label.font = _BOLD
        total_width = sum(_column_width(table, i) for i in range(ncols))
        for offset, note in enumerate(table.notes, start=1):
            r = note_row + offset
            cell = ws.cell(r, 1)
            _put_text(cell, note)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if ncols > 1:
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
            ws.row_dimensions[r].height = _text_height(note, total_width)

    # columns
    for i in range(ncols):
        ws.column_dimensions[get_column_letter(i + 1)].width = _column_width(table, i)

    # view and print
    ws.freeze_panes = f"A{layout.first_data_row}"
    header_top = layout.group_row or layout.header_row
    header_bottom = layout.first_data_row - 1
    ws.print_title_rows = f"{header_top}:{header_bottom}"
    last_row = max(ws.max_row, layout.first_data_row)
    ws.print_area = f"A1:{last_letter}{last_row}"
    wide = sum(c.width for c in table.columns) > _WIDE
    landscape = table.landscape or wide
    ws.page_setup.paperSize = _PAPER_SIZES[doc.wide_paper] if landscape else ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.oddHeader.center.text = _header_text(table.title)
    ws.oddHeader.center.size = 9
    ws.oddFooter.left.text = _header_text(f"{doc.title} {doc.year}", 120)
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8


def _header_rows(ws, table: Table, layout: _Layout) -> None:
    header_style = {
        "font": _BOLD,
        "fill": _HEADER_FILL,
        "border": _BORDER,
        "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
    }
    rows = [r for r in (layout.group_row, layout.header_row) if r is not None]
    for r in rows:
        for col in range(1, layout.ncols + 1):
            _style(ws.cell(r, col), header_style)

    columns = table.columns
    if layout.group_row is not None:
        col = 0
        while col < len(columns):
            group = columns[col].group
            end = col
            if group:
                while end + 1 < len(columns) and columns[end + 1].group == group:
                    end += 1
                _put_text(ws.cell(layout.group_row, col + 1), group)
                if end > col:
                    ws.merge_cells(
                        start_row=layout.group_row,
                        start_column=col + 1,
                        end_row=layout.group_row,
                        end_column=end + 1,
                    )
                for c in range(col, end + 1):
                    _put_text(ws.cell(layout.header_row, c + 1), columns[c].header)
            else:
                # an ungrouped column's header spans the group row and the header row
                _put_text(ws.cell(layout.group_row, col + 1), columns[col].header)
                ws.merge_cells(
                    start_row=layout.group_row,
                    start_column=col + 1,
                    end_row=layout.header_row,
                    end_column=col + 1,
                )
            col = end + 1
    else:
        for c, column in enumerate(columns):
            _put_text(ws.cell(layout.header_row, c + 1), column.header)

    if layout.numbered_row is not None:
        for c in range(len(columns)):
            cell = ws.cell(layout.numbered_row, c + 1)
            cell.value = c + 1
            cell.font = _NUMBERED_FONT
            cell.border = _BORDER
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(horizontal="center")


def _data_cell(
    xl, cell: Cell, column: Column, row: Row, col: int, layout: _Layout, index: int
) -> None:
    kind = cell.kind if cell.kind != "text" else column.kind
    value = cell.value
    bold = cell.bold or row.style in ("group", "total")
    numeric = cell.formula is not None or isinstance(value, Decimal)

    if cell.formula is not None:
        formula = _formula(cell.formula, layout, column, index)
        if formula is None:  # SumOf/MeanOf over no rows: keep the figure itself
            _put_number(xl, value)
        else:
            xl.value = formula
        xl.number_format = _number_format(kind, value)
    elif isinstance(value, Decimal):
        _put_number(xl, value)
        xl.number_format = _number_format(kind, value)
    elif value is None or value == "":
        if kind != "text":
            xl.number_format = _number_format(kind, None)
    else:
        text = str(value)
        if kind == "text" and cell.note:
            text += cell.note
        _put_text(xl, text)
        xl.number_format = "@"

    if cell.note and (numeric or kind != "text"):
        xl.comment = _comment(cell.note, layout.table.notes)

    if bold:
        xl.font = _BOLD
    if row.style == "group":
        xl.fill = _GROUP_FILL
    xl.border = _BORDER
    if column.key == "no":
        xl.alignment = Alignment(horizontal="center", vertical="top")
    elif numeric:
        xl.alignment = Alignment(horizontal="right", vertical="top")
    else:
        indent = row.level if col == layout.name_column else 0
        xl.alignment = Alignment(vertical="top", wrap_text=True, indent=max(indent, 0))


def _comment(note: str, table_notes: tuple[str, ...]) -> Comment:
    """The cell's mark, explained by the table notes that start with it."""
    explained = [n for n in table_notes if n.startswith(note.strip())] if note.strip() else []
    text = "\n".join(explained) if explained else f"Catatan: {note}"
    comment = Comment(_clean_text(text), "Kinerja")
    comment.width = 240
    comment.height = 80
    return comment


# --- formulas --------------------------------------------------------------------------


def _formula(formula, layout: _Layout, column: Column, index: int) -> str | None:
    if isinstance(formula, Ratio):
        num = layout.ref(formula.numerator, index)
        den = layout.ref(formula.denominator, index)
        return f'=IF(OR(N({den})=0,{num}=""),"",{num}/{den}*100)'
    if isinstance(formula, Difference):
        a = layout.ref(formula.a, index)
        b = layout.ref(formula.b, index)
        return f'=IF(OR({a}="",{b}=""),"",{a}-{b})'
    if isinstance(formula, SumOf | MeanOf):
        if not formula.rows:
            return None
        letter = layout.letter(column.key)
        refs = _ranges(letter, [layout.excel_row(r) for r in formula.rows])
        if isinstance(formula, SumOf):
            return f"=SUM({refs})"
        return f'=IFERROR(AVERAGE({refs}),"")'
    raise TypeError(f"rumus tidak dikenal: {formula!r}")


def _ranges(letter: str, rows: list[int]) -> str:
    """``D8:D10,D12`` for rows 8, 9, 10, 12 (kept in the given order, runs merged)."""
    parts: list[str] = []
    start = prev = None
    for r in rows:
        if prev is not None and r == prev + 1:
            prev = r
            continue
        if start is not None:
            parts.append(_span(letter, start, prev))
        start = prev = r
    if start is not None:
        parts.append(_span(letter, start, prev))
    return ",".join(parts)


def _span(letter: str, start: int, end: int) -> str:
    return f"{letter}{start}" if start == end else f"{letter}{start}:{letter}{end}"


# --- cells -----------------------------------------------------------------------------


def _put_number(xl, value: Decimal | None) -> None:
    """Store a Decimal as a number, exactly as written in the Decimal."""
    if value is None:
        return
    xl.value = value  # sets the numeric type and checks the value
    # openpyxl would serialise through "%.16g" (a float); keep the exact decimal text.
    xl._value = format(value, "f")


def _put_text(xl, text: str) -> None:
    """Store text as text, even when it starts with "=" (never a formula)."""
    text = _clean_text(text)
    xl.value = text or None
    if text:
        xl.data_type = "s"


def _clean_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", str(text))


def _decimals(value: Decimal) -> int:
    exponent = strip_zeros(value).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _number_format(kind: str, value: Decimal | None) -> str:
    """Display format: money ``#,##0`` (``#,##0.00`` with sen), percent ``0.00``, number
    and integer grouped with as many decimals as the value has (at most four)."""
    if kind == "percent":
        return "0.00"
    if kind == "text":
        return "General"
    if not isinstance(value, Decimal):
        return "#,##0" if kind in ("money", "integer") else "General"
    decimals = _decimals(value)
    if decimals == 0:
        return "#,##0"
    if kind == "money":
        return "#,##0." + "0" * min(max(decimals, 2), _MAX_DECIMALS)
    return "#,##0." + "0" * min(decimals, _MAX_DECIMALS)


def _style(xl, style: dict) -> None:
    for name, value in style.items():
        setattr(xl, name, value)


def _column_width(table: Table, i: int) -> float:
    """``Column.width`` plus padding, widened so that no word of the (bold) header and, in a
    text column, no code (a value without spaces, up to 24 characters) is broken."""
    column = table.columns[i]
    words = column.header.split() or [""]
    width = max(column.width, math.ceil(max(len(w) for w in words) * 1.15))
    if column.kind == "text":
        for row in table.rows:
            if i < len(row.cells) and isinstance(row.cells[i].value, str):
                text = row.cells[i].value
                if text and " " not in text:
                    width = max(width, min(len(text), 24))
    return width + 2


def _text_height(text: str, width: float) -> float:
    """Row height (points) for wrapped text in a merged cell, which Excel does not fit."""
    chars = max(int(width * 1.1), 10)
    lines = sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))
    return 15 * lines


def _header_text(text: str, limit: int = 200) -> str:
    """Text for a print header/footer section: "&" doubled, within Excel's 255 limit."""
    text = _clean_text(text).replace("\n", " ")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


# --- the "Keterangan" sheet ------------------------------------------------------------

_EXPLANATION = (
    "Buku kerja ini memuat data tabel laporan; setiap tabel ada di lembar tersendiri "
    "(lihat Daftar Tabel di bawah).",
    "Semua angka dihitung oleh Kinerja dan disimpan sebagai angka, bukan teks. Sel "
    "persentase (%), efisiensi, rata-rata, jumlah dan total adalah rumus aktif (formula) atas "
    "sel rupiah dan sel jumlah/angka di lembar yang sama, sehingga dapat diperiksa di Excel; "
    "rumus tersebut menghasilkan kembali angka yang dihitung Kinerja.",
    "Persentase disimpan sebagai 71,51 (bukan 0,7151) dan ditampilkan dengan dua desimal. "
    "Rupiah ditampilkan tanpa desimal, atau dengan dua desimal bila ada sen.",
    "Pemisah ribuan dan desimal mengikuti pengaturan wilayah (locale) komputer: Excel "
    "berbahasa Indonesia menampilkan 1.193.209.000 dan 71,51; pengaturan bahasa Inggris "
    "menampilkan 1,193,209,000 dan 71.51. Nilainya sama.",
    "Sel angka yang kosong berarti angka tidak ada atau tidak terdefinisi (dalam laporan "
    'tertulis "–"); rumus memperlakukannya sebagai kosong, misalnya rata-rata tidak '
    "menghitungnya. Kode program/kegiatan disimpan sebagai teks.",
    "Tanda pada sel (misalnya *) dijelaskan dalam komentar sel dan dalam catatan di bawah "
    "tabel serta di bawah ini.",
)


def _info_sheet(ws, doc: Document, tables: list[Table], names: list[str]) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 90
    width = 24 + 90

    title = ws.cell(1, 1)
    _put_text(title, doc.title)
    title.font = Font(bold=True, size=14)
    ws.merge_cells("A1:B1")

    generated = doc.generated_at
    facts = (
        ("Unit kerja", doc.unit_name),
        ("Pemerintah daerah", doc.government_name),
        ("Tahun", doc.year),
        ("Tanggal dibuat", fmt_date(generated.date() if generated else datetime.date.today())),
    )
    row = 3
    for label, value in facts:
        _put_text(ws.cell(row, 1), label)
        ws.cell(row, 1).font = _BOLD
        target = ws.cell(row, 2)
        if isinstance(value, int):
            target.value = value
            target.alignment = Alignment(horizontal="left")
        else:
            _put_text(target, value)
        row += 1

    row += 1
    row = _info_heading(ws, row, "Cara membaca")
    for text in _EXPLANATION:
        row = _info_paragraph(ws, row, text, width)

    row += 1
    row = _info_heading(ws, row, "Daftar tabel")
    for table, name in zip(tables, names, strict=True):
        link = ws.cell(row, 1)
        _put_text(link, name)
        quoted = name.replace("'", "''")
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!A1")
        link.font = Font(color="0563C1", underline="single")
        _put_text(ws.cell(row, 2), table.title)
        ws.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        row += 1

    if any(t.notes for t in tables):
        row += 1
        row = _info_heading(ws, row, "Catatan tabel")
        for table, name in zip(tables, names, strict=True):
            for note in table.notes:
                _put_text(ws.cell(row, 1), name)
                ws.cell(row, 1).alignment = Alignment(vertical="top")
                cell = ws.cell(row, 2)
                _put_text(cell, note)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                row += 1

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.oddFooter.right.text = "Halaman &P dari &N"


def _info_heading(ws, row: int, text: str) -> int:
    cell = ws.cell(row, 1)
    _put_text(cell, text)
    cell.font = Font(bold=True, size=12)
    return row + 1


def _info_paragraph(ws, row: int, text: str, width: int) -> int:
    cell = ws.cell(row, 1)
    _put_text(cell, text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.row_dimensions[row].height = _text_height(text, width)
    return row + 1


# --- determinism -----------------------------------------------------------------------


def _stamp(doc: Document) -> datetime.datetime:
    """The fixed creation time written into the workbook."""
    return max(doc.created(), datetime.datetime(1980, 1, 1))


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry one fixed time, so equal workbooks are equal bytes."""

    date_time = (1980, 1, 1, 0, 0, 0)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.date_time)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(arcname or filename, data, compress_type, compresslevel)
