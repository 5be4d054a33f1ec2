"""Reading a report file into text blocks and tables (``model.SourceDocument``).

Included, after the file is checked (``check_file``: type by its first bytes, size, and for
DOCX/XLSX the zip entries: their number, their unpacked size and how much they expand):
- DOCX (python-docx): paragraphs (heading styles kept) and tables in document order, with
  merged cells, bold runs and the left indentation of each cell's first paragraph;
- XLSX (openpyxl): every sheet as text rows and tables, cached formula results or, when a
  formula was saved without one, its value computed by ``xlsxformula``; bold, indentation,
  the number format's decimals and a cell comment's ``*``;
- CSV: one sheet, read like a worksheet;
- PDF (pdfplumber): per page the ruled tables (words assigned to cells by where they start,
  so a figure overflowing its cell is read whole; bold from the font name, indentation from
  the first word's position) and the text outside them, joined into paragraphs;
- text and markdown: tab-separated and pipe tables, ``<b>``/``**`` bold, ``#`` headings, the
  caption ("Tabel 3.1 …", "Lampiran 1 …") printed in the lines above a table.

Every problem ends in ``RefusedFile`` with an Indonesian message saying what was found and
what is accepted; nothing else escapes.

Not included: the old binary .doc/.xls formats, scanned PDFs (no text layer), images.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation

from .model import Cell, RawTable, SourceDocument, TextBlock
from .values import places_of, strip_markup

MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 400
MAX_ROWS = 100_000
MAX_CELLS = 1_000_000
MAX_LINES = 200_000
MAX_ZIP_MEMBERS = 3_000
MAX_UNPACKED = 150 * 1024 * 1024
MAX_RATIO = 200  # unpacked ÷ packed size of a zip entry larger than 1 MB

ACCEPTED = "DOCX, XLSX, CSV, PDF, atau teks/markdown (.txt, .md)"
_CAPTION = re.compile(r"^\s*(?:tabel|table|lampiran|gambar)\b", re.IGNORECASE)


class RefusedFile(Exception):
    """A file the reviu cannot read; ``str()`` is the Indonesian message for the user."""


# --- checking and dispatch -------------------------------------------------------------


# What opening a damaged zip archive can raise: a flipped byte in a header may also ask for
# a zip version or method Python does not have (NotImplementedError).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
              NotImplementedError)


def detect_format(name: str, data: bytes) -> str:
    """docx | xlsx | pdf | csv | text, from the first bytes (the name only decides between
    CSV and text). Raises ``RefusedFile`` for anything else."""
    head = data[:8]
    lower = (name or "").lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except ZIP_ERRORS as exc:
            raise RefusedFile(
                f"Berkas {name!r} rusak: arsip zip tidak dapat dibuka ({exc})."
            ) from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise RefusedFile(
            f"Berkas {name!r} adalah arsip zip, tetapi bukan DOCX atau XLSX. Format yang "
            f"diterima: {ACCEPTED}."
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise RefusedFile(
            f"Berkas {name!r} berformat lama (.doc/.xls). Simpan ulang sebagai .docx atau "
            ".xlsx lalu unggah kembali."
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RefusedFile(
            f"Berkas {name!r} bukan dokumen yang dikenali (isi biner). Format yang diterima: "
            f"{ACCEPTED}."
        )
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    return "text"


def check_size(name: str, data: bytes) -> None:
    if not data:
        raise RefusedFile(f"Berkas {name!r} kosong.")
    if len(data) > MAX_BYTES:
        raise RefusedFile(
            f"Berkas {name!r} berukuran {len(data) / 1024 / 1024:.1f} MB; batasnya "
            f"{MAX_BYTES // 1024 // 1024} MB."
        )


def check_zip(name: str, data: bytes) -> None:
    """Refuse a DOCX/XLSX whose entries would unpack to too much (a "zip bomb")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise RefusedFile(f"Berkas {name!r} rusak: {exc}.") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise RefusedFile(
            f"Berkas {name!r} memuat {len(infos)} bagian; batasnya {MAX_ZIP_MEMBERS}."
        )
    total = 0
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and info.file_size / packed > MAX_RATIO:
            raise RefusedFile(
                f"Berkas {name!r} ditolak: bagian {info.filename!r} mengembang "
                f"{info.file_size // packed} kali saat dibuka (batas {MAX_RATIO} kali); "
                "berkas seperti ini dapat menghabiskan memori."
            )
    if total > MAX_UNPACKED:
        raise RefusedFile(
            f"Berkas {name!r} ditolak: isinya {total / 1024 / 1024:.0f} MB setelah dibuka "
            f"(batas {MAX_UNPACKED // 1024 // 1024} MB)."
        )


def read(name: str, data: bytes) -> SourceDocument:
    """The blocks of a file; raises ``RefusedFile`` (never anything else)."""
    check_size(name, data)
    fmt = detect_format(name, data)
    if fmt in ("docx", "xlsx"):
        check_zip(name, data)
    reader = {
        "docx": read_docx,
        "xlsx": read_xlsx,
        "pdf": read_pdf,
        "csv": read_csv,
        "text": read_text,
    }[fmt]
    try:
        return reader(name, data)
    except RefusedFile:
        raise
    except MemoryError:
        raise RefusedFile(f"Berkas {name!r} terlalu besar untuk dibaca.") from None
    except Exception as exc:  # a library failing on a malformed file: say so, never crash
        raise RefusedFile(
            f"Berkas {name!r} tidak dapat dibaca sebagai {fmt.upper()}: "
            f"{type(exc).__name__}: {str(exc)[:200]}"
        ) from None


# --- text and markdown -----------------------------------------------------------------


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
        "utf-8-sig",
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


_PIPE_ROW = re.compile(r"^\s*(?:[-*]\s+)?\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_BOLD_CELL = re.compile(r"^\s*(?:<p>\s*)?(?:<b>|<strong>|\*\*|__)", re.IGNORECASE)


def _text_cell(raw: str) -> Cell:
    bold = bool(_BOLD_CELL.match(raw)) and bool(strip_markup(raw))
    return Cell(text=strip_markup(raw), bold=bold)


def read_text(name: str, data: bytes) -> SourceDocument:
    text = decode(data)
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise RefusedFile(f"Berkas {name!r} memuat {len(lines)} baris; batasnya {MAX_LINES}.")
    doc = SourceDocument(name=name, fmt="text")
    items: list[tuple[str, int, object]] = []  # (kind, line, payload)
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line and line.strip():
            start, rows, where = i, [], []
            while i < len(lines) and "\t" in lines[i] and lines[i].strip():
                rows.append([_text_cell(c) for c in lines[i].split("\t")])
                where.append(f"baris {i + 1}")
                i += 1
            items.append(("table", start + 1, (rows, where)))
            continue
        if _PIPE_ROW.match(line):
            start, rows, where = i, [], []
            while i < len(lines) and (_PIPE_ROW.match(lines[i]) or _PIPE_RULE.match(lines[i])):
                if not _PIPE_RULE.match(lines[i]):
                    body = lines[i].strip()
                    body = re.sub(r"^[-*]\s+", "", body).strip().strip("|")
                    rows.append([_text_cell(c) for c in body.split("|")])
                    where.append(f"baris {i + 1}")
                i += 1
            items.append(("table", start + 1, (rows, where)))
            continue
        if line.strip():
            heading = bool(_HEADING.match(line))
            clean = strip_markup(_HEADING.sub("", line))
            if clean:
                items.append(("text", i + 1, (clean, heading)))
        i += 1
    _text_blocks(doc, items)
    return doc


def _text_blocks(doc: SourceDocument, items: list[tuple[str, int, object]]) -> None:
    """Turn the scanned lines into blocks; the caption lines above a table become its
    caption instead of text."""
    used: set[int] = set()
    captions: dict[int, str] = {}
    for index, (kind, _line, _payload) in enumerate(items):
        if kind != "table":
            continue
        back = []
        j = index - 1
        while j >= 0 and items[j][0] == "text" and len(back) < 8:
            back.append(j)
            j -= 1
        start = next((k for k in back if _CAPTION.match(items[k][2][0])), None)  # type: ignore[index]
        if start is None:
            if back and items[back[0]][2][1] and items[index][1] - items[back[0]][1] <= 3:  # type: ignore[index]
                captions[index] = items[back[0]][2][0]  # type: ignore[index]
                used.add(back[0])
            continue
        chosen = [k for k in range(start, index) if k not in used][:4]
        chosen = [k for k in chosen if k == start or not re.search(r"\s:\s", items[k][2][0])]  # type: ignore[index]
        captions[index] = " ".join(items[k][2][0] for k in chosen)  # type: ignore[index]
        used.update(chosen)
    for index, (kind, line, payload) in enumerate(items):
        if kind == "table":
            rows, where = payload  # type: ignore[misc]
            doc.blocks.append(RawTable(rows, captions.get(index, ""), f"baris {line}", line, where))
        elif index not in used:
            text, heading = payload  # type: ignore[misc]
            doc.blocks.append(TextBlock(text, f"baris {line}", heading))


# --- worksheets (XLSX, CSV) --------------------------------------------------------------


def _grid_blocks(doc: SourceDocument, grid: list[list[Cell]], where: str, first_row: int = 1):
    """Split a worksheet into tables (runs of rows with two or more filled cells) and text
    rows (one filled cell: titles, notes). The text row just above a table is its caption."""

    def filled(row: list[Cell]) -> list[Cell]:
        return [c for c in row if not c.empty and not c.spanned]

    i, pending_caption = 0, ""
    while i < len(grid):
        row = grid[i]
        cells = filled(row)
        if len(cells) >= 2:
            start, rows = i, []
            while i < len(grid):
                current = filled(grid[i])
                if not current:
                    break
                if len(current) == 1 and rows and _looks_like_note(grid[i], current[0]):
                    break
                rows.append(grid[i])
                i += 1
            locations = [f"{where}, baris {start + first_row + k}" for k in range(len(rows))]
            doc.blocks.append(
                RawTable(
                    rows, pending_caption, f"{where}, baris {start + first_row}", start, locations
                )
            )
            pending_caption = ""
            continue
        if len(cells) == 1:
            text = cells[0].text.strip()
            doc.blocks.append(TextBlock(text, f"{where}, baris {i + first_row}"))
            pending_caption = text if len(text) <= 250 else ""
        i += 1


def _looks_like_note(row: list[Cell], cell: Cell) -> bool:
    spans = sum(1 for c in row if c.spanned)
    return spans >= 2 or bool(re.match(r"^\s*(catatan|sumber|keterangan|tabel)\b", cell.text, re.I))


def read_csv(name: str, data: bytes) -> SourceDocument:
    text = decode(data)
    if text.count("\n") > MAX_ROWS:
        raise RefusedFile(f"Berkas {name!r} memuat lebih dari {MAX_ROWS} baris.")
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    grid, cells = [], 0
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        cells += len(row)
        if cells > MAX_CELLS:
            raise RefusedFile(f"Berkas {name!r} memuat lebih dari {MAX_CELLS} sel.")
        grid.append([_text_cell(value) for value in row])
    width = max((len(r) for r in grid), default=0)
    grid = [r + [Cell() for _ in range(width - len(r))] for r in grid]
    doc = SourceDocument(name=name, fmt="csv")
    _grid_blocks(doc, grid, "CSV")
    return doc


def read_xlsx(name: str, data: bytes) -> SourceDocument:
    import openpyxl

    from .xlsxformula import Workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_bytes = sum(
            i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
        )
    if sheet_bytes > 80 * 1024 * 1024:
        raise RefusedFile(f"Berkas {name!r} ditolak: lembar kerjanya terlalu besar.")
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    doc = SourceDocument(name=name, fmt="xlsx")
    raw: dict[str, dict[tuple[int, int], object]] = {}
    for ws in book.worksheets:
        if ws.max_row * ws.max_column > MAX_CELLS or ws.max_row > MAX_ROWS:
            raise RefusedFile(
                f"Lembar {ws.title!r} di {name!r} memuat {ws.max_row} baris × "
                f"{ws.max_column} kolom; batasnya {MAX_ROWS} baris dan {MAX_CELLS} sel."
            )
        values: dict[tuple[int, int], object] = {}
        cws = cached[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith("=") and cell.data_type == "f":
                    stored = cws.cell(cell.row, cell.column).value
                    if stored is not None:
                        value = stored
                values[(cell.row, cell.column)] = _plain(value)
        raw[ws.title] = values
    formulas = Workbook(raw)
    for ws in book.worksheets:
        grid = _sheet_grid(ws, formulas)
        _grid_blocks(doc, grid, f"lembar {ws.title!r}")
    return doc


def _plain(value):
    """A cell value as Decimal / str / bool / None (formulas stay strings)."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return str(value)  # dates and times: shown as text


def _format_places(number_format: str) -> int | None:
    fmt = (number_format or "General").split(";")[0]
    if fmt in ("General", "@"):
        return None
    match = re.search(r"\.(0+)", fmt)
    if match:
        return len(match.group(1))
    if "0" in fmt or "#" in fmt:
        return 0
    return None


def _sheet_grid(ws, formulas) -> list[list[Cell]]:
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        if (rng.max_row - rng.min_row + 1) * (rng.max_col - rng.min_col + 1) > 10_000:
            continue
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    merged[(r, c)] = (rng.min_row, rng.min_col)
    grid: list[list[Cell]] = []
    for r in range(1, ws.max_row + 1):
        row = []
        for c in range(1, ws.max_column + 1):
            origin = merged.get((r, c))
            if origin:
                top = grid[origin[0] - 1][origin[1] - 1] if origin[0] < r else row[origin[1] - 1]
                row.append(Cell(text=top.text, bold=top.bold, spanned=True))
                continue
            row.append(_xlsx_cell(ws, ws.cell(r, c), formulas))
        grid.append(row)
    return grid


def _xlsx_cell(ws, cell, formulas) -> Cell:
    value = formulas.safe_value(ws.title, cell.row, cell.column)
    font = cell.font
    bold = bool(font and font.b)
    indent = float(cell.alignment.indent or 0) if cell.alignment is not None else 0.0
    mark = ""
    if cell.comment is not None and (
        "*" in cell.comment.text or "dibatasi" in cell.comment.text.lower()
    ):
        mark = "*"
    if isinstance(value, bool):
        return Cell(text="BENAR" if value else "SALAH", bold=bold, indent=indent)
    if isinstance(value, Decimal):
        places = _format_places(cell.number_format)
        shown = places if places is not None else min(places_of(value.normalize()), 10)
        if cell.number_format and "%" in cell.number_format.split(";")[0]:
            value = value * 100  # a percent format shows 0,7151 as 71,51%
        text = format(value, "f")
        return Cell(text=text, bold=bold, indent=indent, number=value, places=shown, mark=mark)
    text = "" if value is None else str(value)
    return Cell(text=text.strip(), bold=bold, indent=indent, mark=mark)


# --- DOCX ------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(name: str, data: bytes) -> SourceDocument:
    import docx

    document = docx.Document(io.BytesIO(data))
    doc = SourceDocument(name=name, fmt="docx")
    styles = {s.style_id: (s.name or "") for s in document.styles}
    body = document.element.body
    pending: TextBlock | None = None
    count = 0
    for index, child in enumerate(body.iterchildren()):
        tag = child.tag
        if tag == f"{_W}p":
            text = _paragraph_text(child).strip()
            if not text:
                continue
            style = child.find(f"{_W}pPr/{_W}pStyle")
            style_name = styles.get(style.get(f"{_W}val"), "") if style is not None else ""
            heading = style_name.lower().startswith(("heading", "judul", "title"))
            block = TextBlock(text, f"paragraf {index + 1}", heading)
            doc.blocks.append(block)
            pending = block
        elif tag == f"{_W}tbl":
            rows = _docx_rows(child)
            count += sum(len(r) for r in rows)
            if count > MAX_CELLS:
                raise RefusedFile(f"Berkas {name!r} memuat lebih dari {MAX_CELLS} sel tabel.")
            caption = ""
            if (
                pending is not None
                and (pending.heading or _CAPTION.match(pending.text))
                and len(pending.text) <= 250
            ):
                caption = pending.text
                doc.blocks.remove(pending)
            number = len(doc.tables()) + 1
            locations = [f"tabel ke-{number}, baris {k + 1}" for k in range(len(rows))]
            doc.blocks.append(RawTable(rows, caption, f"tabel ke-{number}", index, locations))
            pending = None
    return doc


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _run_bold(run) -> bool | None:
    rpr = run.find(f"{_W}rPr")
    if rpr is None:
        return None
    b = rpr.find(f"{_W}b")
    if b is None:
        return None
    return b.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _docx_rows(tbl) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}
    for tr in tbl.findall(f"{_W}tr"):
        row: list[Cell] = []
        for tc in tr.findall(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                grid_span = tcpr.find(f"{_W}gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, min(int(grid_span.get(f"{_W}val", "1")), 60))
                    except ValueError:
                        span = 1
                vm = tcpr.find(f"{_W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{_W}val", "continue")
            column = len(row)
            if vmerge == "continue" and column in above:
                cell = Cell(text=above[column].text, bold=above[column].bold, spanned=True)
            else:
                cell = _docx_cell(tc)
            row.append(cell)
            for _k in range(1, span):
                row.append(Cell(text=cell.text, bold=cell.bold, spanned=True))
            for k in range(span):
                above[column + k] = cell
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [Cell() for _ in range(width - len(r))] for r in rows]


def _docx_cell(tc) -> Cell:
    paragraphs = tc.findall(f"{_W}p")
    texts = [_paragraph_text(p) for p in paragraphs]
    for nested in tc.findall(f"{_W}tbl"):
        texts.append(" ".join(_paragraph_text(p) for p in nested.iter(f"{_W}p")))
    text = "\n".join(t for t in texts if t.strip()).strip()
    bolds = []
    for p in paragraphs:
        for run in p.findall(f"{_W}r"):
            if "".join(t.text or "" for t in run.findall(f"{_W}t")).strip():
                bolds.append(bool(_run_bold(run)))
    indent = 0.0
    if paragraphs:
        ind = paragraphs[0].find(f"{_W}pPr/{_W}ind")
        if ind is not None:
            for attr in ("left", "start"):
                value = ind.get(f"{_W}{attr}")
                if value and value.lstrip("-").isascii() and value.lstrip("-").isdigit():
                    indent = float(value)
                    break
    return Cell(text=text, bold=bool(bolds) and all(bolds), indent=indent)


# --- PDF -------------------------------------------------------------------------------


def read_pdf(name: str, data: bytes) -> SourceDocument:
    import pdfplumber

    doc = SourceDocument(name=name, fmt="pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise RefusedFile(
                f"Berkas {name!r} memuat {len(pdf.pages)} halaman; batasnya {MAX_PAGES}."
            )
        any_text = False
        for number, page in enumerate(pdf.pages, start=1):
            words = _split_run_together(
                page.extract_words(extra_attrs=["fontname", "size"], return_chars=True)
            )
            any_text = any_text or bool(words)
            tables = page.find_tables()
            edges = [e for e in page.edges if e.get("orientation") == "v"]
            extensions = [_open_bottom(t, edges) for t in tables]
            boxes = [
                (t.bbox[0], t.bbox[1], t.bbox[2], max(t.bbox[3], extension))
                for t, extension in zip(tables, extensions, strict=True)
            ]
            outside = [w for w in words if not any(_inside(w, box) for box in boxes)]
            items: list[tuple[float, object]] = []
            for paragraph_top, paragraph in _paragraphs(outside):
                items.append((paragraph_top, TextBlock(paragraph, f"halaman {number}")))
            for table, box, extension in zip(tables, boxes, extensions, strict=True):
                inside = [w for w in words if _inside(w, table.bbox)]
                rows = _pdf_rows(table, inside)
                if extension > table.bbox[3]:
                    below = [w for w in words if _inside(w, box) and not _inside(w, table.bbox)]
                    rows.append(_loose_row(table, below))
                if rows:
                    where = f"halaman {number}"
                    raw = RawTable(rows, "", where, number, [where] * len(rows))
                    raw.open_end = extension > table.bbox[3]
                    items.append((table.bbox[1], raw))
            items.sort(key=lambda item: item[0])
            blocks = [block for _top, block in items]
            for k, block in enumerate(blocks):
                previous = blocks[k - 1] if k > 0 else None
                if (
                    isinstance(block, RawTable)
                    and isinstance(previous, TextBlock)
                    and _CAPTION.match(previous.text)
                ):
                    block.caption = previous.text
                    blocks[k - 1] = None
            doc.blocks.extend(b for b in blocks if b is not None)
        if not any_text:
            doc.notes.append(
                "PDF ini tidak memiliki lapisan teks (hasil pindai); tidak ada yang dapat "
                "diperiksa."
            )
    return doc


_RUN_TOGETHER = re.compile(r"(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?){2,}")
_ONE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")


def _split_run_together(words: list[dict]) -> list[dict]:
    """Split "1.193.209.000853.232.370": a figure too wide for its cell runs into the next
    cell's figure and the two are read as one word."""
    out = []
    for word in words:
        text, chars = word["text"], word.get("chars") or []
        if not _RUN_TOGETHER.fullmatch(text) or len(chars) != len(text):
            out.append(word)
            continue
        for match in _ONE_NUMBER.finditer(text):
            part = chars[match.start() : match.end()]
            out.append({
                **word,
                "text": match.group(0),
                "x0": part[0]["x0"],
                "x1": part[-1]["x1"],
                "chars": part,
            })
    return out


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x = word["x0"] + 1
    y = (word["top"] + word["bottom"]) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 2.5:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _paragraphs(words: list[dict]) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    previous = None
    for line in _lines(words):
        text = " ".join(w["text"] for w in line)
        height = max(w["bottom"] - w["top"] for w in line)
        starts_item = bool(re.match(r"^(?:[•·\-–]|\d{1,2}[.)]|[a-z][.)])\s", text))
        if (
            previous is not None
            and line[0]["top"] - previous["bottom"] < height * 0.9
            and not starts_item
            and not _CAPTION.match(text)
        ):
            top, body = out[-1]
            out[-1] = (top, body + " " + text)
        else:
            out.append((line[0]["top"], text))
        previous = {"bottom": max(w["bottom"] for w in line)}
    return out


def _pdf_rows(table, words: list[dict]) -> list[list[Cell]]:
    grid_rows = table.rows
    if not grid_rows:
        return []
    width = max(len(r.cells) for r in grid_rows)
    boxes = [list(r.cells) + [None] * (width - len(r.cells)) for r in grid_rows]
    assigned: dict[tuple[int, int], list[dict]] = {}
    for word in words:
        x = word["x0"] + 1
        y = (word["top"] + word["bottom"]) / 2
        for r, row in enumerate(boxes):
            hit = next((c for c, box in enumerate(row) if box and _contains(box, x, y)), None)
            if hit is not None:
                assigned.setdefault((r, hit), []).append(word)
                break
    centers_x = {}
    for c in range(width):
        box = next((row[c] for row in boxes if row[c]), None)
        if box:
            centers_x[c] = (box[0] + box[2]) / 2
    rows: list[list[Cell]] = []
    for r, row in enumerate(boxes):
        tops = [b for b in row if b]
        y = (tops[0][1] + tops[0][3]) / 2 if tops else None
        cells: list[Cell] = []
        for c, box in enumerate(row):
            if box is None:
                cells.append(_spanned(boxes, rows, cells, r, c, centers_x.get(c), y))
                continue
            cell_words = assigned.get((r, c), [])
            lines = _lines(cell_words)
            text = _cell_text(lines, box)
            bold = bool(cell_words) and all(_is_bold(w) for w in cell_words)
            indent = (min(w["x0"] for w in lines[0]) - box[0]) if lines else 0.0
            cells.append(Cell(text=text, bold=bold, indent=round(indent, 1)))
        rows.append(cells)
    return rows


def _boundaries(table) -> list[float]:
    xs = sorted({round(v, 1) for row in table.rows for box in row.cells if box
                 for v in (box[0], box[2])})
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > 2:
            out.append(x)
    return out


def _open_bottom(table, edges: list[dict]) -> float:
    """How far the column rules of a table run below its last closed row: a row split by
    the page end has side rules but no bottom rule, and the table finder leaves it out."""
    xs = _boundaries(table)
    bottom = table.bbox[3]
    reach = bottom
    for edge in edges:
        if edge["top"] <= bottom + 2 and edge["bottom"] > bottom + 4 and any(
            abs(edge["x0"] - x) < 1.5 for x in xs
        ):
            reach = max(reach, edge["bottom"])
    return reach


def _loose_row(table, words: list[dict]) -> list[Cell]:
    """The row below a table's last closed row, its words put in columns by position."""
    xs = _boundaries(table)
    columns = max(len(xs) - 1, 1)
    width = max(len(r.cells) for r in table.rows)
    buckets: list[list[dict]] = [[] for _ in range(columns)]
    for word in words:
        x = word["x0"] + 1
        index = next((i for i in range(columns) if xs[i] - 1 <= x <= xs[i + 1]), columns - 1)
        buckets[index].append(word)
    cells = []
    for i, bucket in enumerate(buckets):
        lines = _lines(bucket)
        text = "\n".join(" ".join(w["text"] for w in line) for line in lines)
        bold = bool(bucket) and all(_is_bold(w) for w in bucket)
        # indented like a closed row's cell, from the column's left rule: the rows of a
        # hierarchy that break across a page keep their level
        indent = (min(w["x0"] for w in lines[0]) - xs[i]) if lines else 0.0
        cells.append(Cell(text=text, bold=bold, indent=round(indent, 1)))
    return (cells + [Cell() for _ in range(width)])[:width]


def _cell_text(lines: list[list[dict]], box) -> str:
    """The lines of a cell joined; a line running from the cell's left edge to its right edge
    was broken inside a word or a figure ("1.193.209.00" / "0", "Pemerintah" / "an") and is
    glued to the next."""
    if not lines:
        return ""
    texts = [" ".join(w["text"] for w in line) for line in lines]
    left = min(line[0]["x0"] for line in lines)
    right = max(line[-1]["x1"] for line in lines)
    out = texts[0]
    for k in range(1, len(lines)):
        previous = lines[k - 1]
        tail, head = texts[k - 1][-1:], texts[k][:1]
        figure = (
            re.fullmatch(r"[\d.,]+", texts[k - 1]) and re.fullmatch(r"[\d.,%*]+", texts[k])
            and previous[0]["x0"] - left < 1.5 and right - previous[-1]["x1"] < 1.5
            and right - left > (box[2] - box[0]) * 0.6
        )
        word = (
            tail.isalpha() and head.isalpha()
            and previous[0]["x0"] <= box[0] + 4 and previous[-1]["x1"] >= box[2] - 3
        )
        out += ("" if figure or word else "\n") + texts[k]
    return out


def _contains(box, x: float, y: float) -> bool:
    return box[0] - 1 <= x <= box[2] and box[1] - 1 <= y <= box[3] + 1


def _spanned(boxes, rows, cells, r: int, c: int, x: float | None, y: float | None) -> Cell:
    """The copy of the merged cell that covers grid position (r, c)."""
    if x is not None and y is not None:
        for k in range(c - 1, -1, -1):
            if boxes[r][k] and _contains(boxes[r][k], x, y):
                return Cell(text=cells[k].text, bold=cells[k].bold, spanned=True)
        for up in range(r - 1, -1, -1):
            for k in range(c, -1, -1):
                if boxes[up][k] and _contains(boxes[up][k], x, y):
                    return Cell(text=rows[up][k].text, bold=rows[up][k].bold, spanned=True)
    return Cell(spanned=True)


def _is_bold(word: dict) -> bool:
    font = str(word.get("fontname", "")).lower()
    return any(mark in font for mark in ("bold", "black", "heavy", "semibold"))
