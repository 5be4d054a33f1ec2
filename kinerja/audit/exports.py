"""The filtered entries as CSV or XLSX, with Indonesian headers and times in Asia/Jakarta.

Text that a spreadsheet would run as a formula is kept as text. In XLSX every text cell is
typed as a string (control characters a workbook cannot hold become U+FFFD). In CSV a value
starting with ``=``, ``+``, ``@``, a tab or a carriage return, or with ``-`` when it is not
a number, gets a leading apostrophe. The user column says "Sistem" (in the language of the
request, like the page) for an entry written without a user; "Sumber" names the command or
the automatic action that wrote it (blank: a request of a signed-in user)."""

from __future__ import annotations

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from .labels import actor
from .selectors import JAKARTA

HEADERS = (
    "Waktu",
    "Pengguna",
    "Sumber",
    "Tindakan",
    "Objek",
    "Kolom",
    "Nilai lama",
    "Nilai baru",
    "Alasan",
)
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_NUMBER = re.compile(r"-\d+(\.\d+)?")


def _local(at):
    return at.astimezone(JAKARTA).replace(tzinfo=None)


def _texts(entry) -> tuple[str, ...]:
    return (
        actor(entry),
        entry.source,
        entry.action,
        entry.object_label,
        entry.field,
        entry.old_value,
        entry.new_value,
        entry.reason,
    )


def _csv_safe(text: str) -> str:
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not _NUMBER.fullmatch(text)):
        return "'" + text
    return text


def to_csv(entries) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads the accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for e in entries:
        writer.writerow([_local(e.at).strftime(TIME_FORMAT), *map(_csv_safe, _texts(e))])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(entries) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Jejak audit"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    row = 1
    for e in entries:
        row += 1
        at = ws.cell(row=row, column=1, value=_local(e.at))
        at.number_format = "yyyy-mm-dd hh:mm:ss"
        for col, text in enumerate(_texts(e), start=2):
            cell = ws.cell(row=row, column=col, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
            cell.data_type = "s"  # never a formula or an error code, whatever the text
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (20, 14, 28, 20, 60, 20, 18, 18, 40), strict=True):
        ws.column_dimensions[letter].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
