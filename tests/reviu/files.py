"""Small hand-made reports in every input format, for the per-finding tests.

A report is a list of blocks: a ``str`` is a paragraph, a ``Tab`` is a table with its
caption, header and rows. The same report is written as markdown (pipe tables), plain text
(tab-separated tables), CSV, DOCX and XLSX, so each finding is shown to be found in each.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field


@dataclass
class Tab:
    caption: str
    header: list[str]
    rows: list[list[str]]
    bold: set[int] = field(default_factory=set)  # indices of rows printed bold


def markdown(blocks: list) -> bytes:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out += [block, ""]
            continue
        out += [block.caption, ""] if block.caption else []
        out.append("| " + " | ".join(block.header) + " |")
        out.append("|" + "---|" * len(block.header))
        for i, row in enumerate(block.rows):
            cells = [f"**{c}**" if i in block.bold and c else c for c in row]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out).encode()


def text(blocks: list) -> bytes:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out += [block, ""]
            continue
        out += [block.caption, ""] if block.caption else []
        out.append("\t".join(block.header))
        for i, row in enumerate(block.rows):
            cells = [f"<b>{c}</b>" if i in block.bold and c else c for c in row]
            out.append("\t".join(cells))
        out.append("")
    return "\n".join(out).encode()


def csv_file(blocks: list) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for block in blocks:
        if isinstance(block, str):
            writer.writerow([block])
            writer.writerow([])
            continue
        if block.caption:
            writer.writerow([block.caption])
        writer.writerow(block.header)
        writer.writerows(block.rows)
        writer.writerow([])
    return buffer.getvalue().encode()


def docx_file(blocks: list) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        if block.caption:
            document.add_paragraph(block.caption)
        table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
        for c, title in enumerate(block.header):
            table.cell(0, c).text = title
        for r, row in enumerate(block.rows, start=1):
            for c, value in enumerate(row):
                paragraph = table.cell(r, c).paragraphs[0]
                run = paragraph.add_run(value)
                run.bold = (r - 1) in block.bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_file(blocks: list, numbers: bool = True) -> bytes:
    """One sheet per table (paragraphs go on the sheet of the next table, above it);
    figures typed as numbers when ``numbers``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from kinerja.reviu.values import read_number

    wb = Workbook()
    ws = wb.active
    ws.title = "Laporan"
    r = 1
    for block in blocks:
        if isinstance(block, str):
            ws.cell(r, 1, block)
            r += 2
            continue
        if block.caption:
            ws.cell(r, 1, block.caption)
            r += 1
        for c, title in enumerate(block.header, start=1):
            ws.cell(r, c, title)
        r += 1
        for i, row in enumerate(block.rows):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(r, c)
                printed = read_number(value) if numbers and c > 1 else None
                if printed is not None and not printed.percent and not printed.mark:
                    cell.value = printed.value  # openpyxl stores a Decimal as a number
                    places = printed.places
                    cell.number_format = "#,##0" if places == 0 else "0." + "0" * places
                else:
                    cell.value = value
                    cell.data_type = "s"
                if i in block.bold:
                    cell.font = Font(bold=True)
            r += 1
        r += 1
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


WRITERS = {
    "md": markdown,
    "txt": text,
    "csv": csv_file,
    "docx": docx_file,
    "xlsx": xlsx_file,
}
