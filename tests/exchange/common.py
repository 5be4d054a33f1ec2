"""Files for the exchange tests: the seed's Lampiran 1 as a workbook and as CSV, and small
workbooks built from rows."""

import io
import re
from pathlib import Path

from openpyxl import Workbook

DATA = Path(__file__).parent / "data"


def seed_lampiran_rows() -> list[list[str | None]]:
    """The first table of Lampiran 1 in the seed report (tab separated, bold marks removed),
    with its two-row header, the row of column numbers and the header repeated where the
    table continues on a new page."""
    rows = []
    for line in (DATA / "lampiran1_2021.tsv").read_text(encoding="utf-8").splitlines():
        rows.append([re.sub(r"</?b>", "", cell) or None for cell in line.split("\t")])
    return rows


def xlsx(rows, title="Lembar1", before=(), extra_sheets=()) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in before:
        ws.append(list(row))
    for row in rows:
        ws.append(list(row))
    for name, sheet_rows in extra_sheets:
        extra = book.create_sheet(name)
        for row in sheet_rows:
            extra.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def seed_lampiran_xlsx() -> bytes:
    return xlsx(
        seed_lampiran_rows(),
        title="Lampiran 1",
        before=[["Lampiran 1:"], ["LAPORAN KINERJA PEMERINTAH SATUAN KERJA PERANGKAT DAERAH"], []],
    )


def seed_lampiran_csv(delimiter=";") -> bytes:
    lines = []
    for row in seed_lampiran_rows():
        cells = ["" if c is None else c for c in row]
        lines.append(delimiter.join(f'"{c}"' if delimiter in c else c for c in cells))
    return "\r\n".join(lines).encode("utf-8")
