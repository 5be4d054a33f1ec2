"""Writing a table (a ``Schema`` and its rows) as XLSX, CSV or JSON. Pure Python
(openpyxl), no Django.

- JSON: ``{"format": "kinerja-pertukaran", "version": 1, "dataset", "unit", "year", "meta",
  "columns", "rows"}``; every decimal is a string in machine form (``"1193209000.00"``),
  codes are strings, months and numbers of order are integers, label lists are lists.
- CSV: UTF-8 with a byte order mark (Excel reads the accents right), comma separated, the
  headers of the template, decimals in machine form; a text starting with ``=``, ``+``,
  ``@``, a tab or a carriage return gets a leading apostrophe so that a spreadsheet does not
  run it as a formula (the import removes it again).
- XLSX: one sheet with the table (numbers as numbers with a number format, every text and
  code typed as text), then ``Info`` (what the file holds) and ``Petunjuk`` (what each
  column means). Decimals are written exactly as stored; a spreadsheet reads them as
  doubles, exact for the 15 significant digits the database holds.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .reading import JSON_FORMAT
from .schemas import (
    CODE,
    INT,
    LABELS,
    LONGTEXT,
    MONEY,
    MONTH,
    NUMERIC,
    PERCENT,
    Schema,
)

VERSION = 1
NUMBER_FORMATS = {MONEY: "#,##0.00", PERCENT: "0.00##", INT: "0", MONTH: "0"}
WIDTHS = {CODE: 18, "text": 40, LONGTEXT: 50, MONEY: 20, PERCENT: 14, "quantity": 14}
_GUARD = ("=", "+", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list):
        return " | ".join(value)
    return str(value)


def to_json(schema: Schema, rows: list[dict], meta: dict) -> bytes:
    def plain(value):
        if isinstance(value, Decimal):
            return format(value, "f")
        return value

    document = {
        "format": JSON_FORMAT,
        "version": VERSION,
        "dataset": schema.name,
        "title": schema.title,
        "unit": meta.get("unit"),
        "year": meta.get("tahun"),
        "meta": {k: plain(v) for k, v in meta.items()},
        "columns": [{"key": c.key, "label": c.label, "type": c.type} for c in schema.columns],
        "rows": [{c.key: plain(row.get(c.key)) for c in schema.columns} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _csv_cell(column, value) -> str:
    text = _text(value)
    if column.type not in NUMERIC and column.type not in (INT, MONTH) and text[:1] in _GUARD:
        return "'" + text
    return text


def to_csv(schema: Schema, rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.label for c in schema.columns])
    for row in rows:
        writer.writerow([_csv_cell(c, row.get(c.key)) for c in schema.columns])
    return out.getvalue().encode("utf-8-sig")


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def _put(ws, row: int, col: int, column, value) -> None:
    cell = ws.cell(row=row, column=col)
    kind = column.type
    if value is None or value == "" or value == []:
        return
    if isinstance(value, Decimal | int) and not isinstance(value, bool) and kind != CODE:
        cell.value = value
        cell.number_format = NUMBER_FORMATS.get(kind, "General")
        return
    cell.value = _clean(_text(value))
    cell.data_type = "s"  # never a formula, an error code or a number
    if kind in (LONGTEXT, LABELS):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def to_xlsx(schema: Schema, rows: list[dict], meta: dict) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = schema.title[:31]
    for col, column in enumerate(schema.columns, start=1):
        cell = ws.cell(row=1, column=col, value=column.label)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        width = WIDTHS.get(column.type, 14 if column.type not in ("text",) else 40)
        if column.key in ("uraian", "indikator", "objek"):
            width = 50
        ws.column_dimensions[get_column_letter(col)].width = width
    for number, row in enumerate(rows, start=2):
        for col, column in enumerate(schema.columns, start=1):
            _put(ws, number, col, column, row.get(column.key))
    ws.freeze_panes = "C2" if len(schema.columns) > 2 else "A2"

    info = book.create_sheet("Info")
    info.append(["Kunci", "Nilai"])
    info["A1"].font = info["B1"].font = Font(bold=True)
    for key, value in (("dataset", schema.name), ("judul", schema.title), *meta.items()):
        info.append([key, _clean(_text(value))])
        info.cell(row=info.max_row, column=2).data_type = "s"
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 60

    guide = book.create_sheet("Petunjuk")
    guide.append([schema.title])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([schema.description])
    guide.append([])
    guide.append(["Kolom", "Wajib", "Isi", "Contoh"])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    for column in schema.columns:
        guide.append(
            [
                column.label,
                "wajib" if column.required else ("hanya dibaca" if column.informative else ""),
                column.help,
                column.example,
            ]
        )
        for cell in guide[guide.max_row]:
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    guide.append([])
    for line in (*GENERAL_NOTES, *schema.notes):
        guide.append([line])
    guide.column_dimensions["A"].width = 32
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 80
    guide.column_dimensions["D"].width = 24
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GENERAL_NOTES = (
    "Angka boleh ditulis cara Indonesia: 1.193.209.000,00 · 1.193.209.000,- · Rp 1.193.209.000 "
    "· 71,51% · 71.51; tanda - atau sel kosong berarti tidak ada nilai.",
    "Kolom yang tidak ada di berkas dibiarkan; sel kosong mengosongkan nilainya.",
    "Kode ditulis sebagai teks (format sel Teks) agar 1.10 tidak menjadi 1.1.",
    "Setiap impor ditampilkan dahulu sebagai pratinjau; tidak ada yang tersimpan sebelum "
    "tombol Terapkan (atau --apply) dan semua tersimpan sekaligus atau tidak sama sekali.",
)


def render(schema: Schema, rows: list[dict], meta: dict, fmt: str) -> bytes:
    if fmt == "json":
        return to_json(schema, rows, meta)
    if fmt == "csv":
        return to_csv(schema, rows)
    if fmt == "xlsx":
        return to_xlsx(schema, rows, meta)
    raise ValueError(f"format tidak dikenal: {fmt}")
