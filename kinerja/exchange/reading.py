"""Checking an uploaded file and reading its table. Pure Python (openpyxl), no Django.

Before anything is parsed the file is checked (``check_file``): extension (``.xlsx``,
``.csv``/``.tsv``/``.txt``, ``.json``), the bytes at its start (a ZIP for XLSX, text for CSV
and JSON), its size, and for XLSX the ZIP directory: number of members, the sum of their
uncompressed sizes, the compression ratio of each member, no encryption, no DTD or entity
declaration in any XML part (the "billion laughs"), the parts a workbook must have. Only
then is the workbook opened, by openpyxl in read-only mode, reading values (not formulas).

``read_table`` finds the table of a schema: in a workbook, the first sheet whose header row
is recognised; in CSV, the one table (delimiter ``,``, ``;`` or tab, detected; UTF-8, UTF-16
or Windows-1252); in JSON, the ``rows`` of Kinerja's export format. The header row is found
by its labels within the first rows (``Limits.header_rows``), tolerant of case, spelling
(a close match counts), extra columns and a header on two rows (``BELANJA`` above
``ANGGARAN | REALISASI``). Rows and columns beyond the limits are refused, not cut.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter

from .cells import Cell, is_blank
from .findings import ERROR, INFO, WARNING, Finding, shown
from .schemas import Column, Schema


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 50_000
    max_columns: int = 40
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_members: int = 1_000
    max_ratio: int = 200  # uncompressed ÷ compressed, for members above 1 MB
    max_sheets: int = 50
    header_rows: int = 30
    max_cell_chars: int = 32_767  # what a spreadsheet cell holds


DEFAULT_LIMITS = Limits()
EXTENSIONS = {".xlsx": "xlsx", ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json"}
_REFUSED_EXTENSIONS = {
    ".xls": "format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx",
    ".xlsm": "buku kerja bermakro (.xlsm) tidak diterima; simpan ulang sebagai .xlsx",
    ".ods": "format OpenDocument (.ods) tidak didukung; simpan ulang sebagai .xlsx",
}
ACCEPTED = "berkas .xlsx, .csv atau .json"


class FileRefused(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(str(finding))
        self.finding = finding


def _refuse(message: str, found: str = "", expected: str = "") -> FileRefused:
    return FileRefused(Finding(ERROR, message, found=found, expected=expected))


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bita"


def extension(filename: str) -> str:
    name = (filename or "").strip().lower()
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


def check_file(filename: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """The format (``xlsx``, ``csv``, ``json``) of an acceptable file; ``FileRefused`` with
    the reason otherwise. Nothing is parsed beyond the ZIP directory and the XML prologues."""
    ext = extension(filename)
    if ext in _REFUSED_EXTENSIONS:
        raise _refuse(_REFUSED_EXTENSIONS[ext], found=filename, expected=ACCEPTED)
    fmt = EXTENSIONS.get(ext)
    if fmt is None:
        raise _refuse("jenis berkas tidak dikenali dari namanya", found=filename, expected=ACCEPTED)
    if not data:
        raise _refuse("berkas kosong", found=filename, expected=ACCEPTED)
    if len(data) > limits.max_bytes:
        raise _refuse(
            "berkas terlalu besar",
            found=_size(len(data)),
            expected=f"paling besar {_size(limits.max_bytes)}",
        )
    if fmt == "xlsx":
        _check_zip(data, limits)
    else:
        head = data[:4]
        if head.startswith(b"PK\x03\x04"):
            raise _refuse(
                "isinya buku kerja (ZIP/XLSX), bukan teks", found=filename, expected="nama .xlsx"
            )
        if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in data:
            raise _refuse(
                "isinya biner, bukan teks", found=filename, expected=f"teks {fmt.upper()}"
            )
    return fmt


def _check_zip(data: bytes, limits: Limits) -> None:
    expected = "buku kerja .xlsx yang disimpan oleh Excel, LibreOffice atau Kinerja"
    if not data.startswith(b"PK\x03\x04"):
        raise _refuse("isi berkas bukan XLSX (tanda awal berkas tidak cocok)", expected=expected)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,  # a damaged header asking for a zip version Python lacks
    ):
        raise _refuse("arsip XLSX rusak", expected=expected) from None
    if len(members) > limits.max_members:
        raise _refuse(
            "arsip XLSX berisi terlalu banyak bagian",
            found=str(len(members)),
            expected=f"paling banyak {limits.max_members}",
        )
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise _refuse("arsip XLSX terkunci sandi", expected=expected)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse("arsip XLSX memakai pemadatan yang tidak dikenal", expected=expected)
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise _refuse(
                "bagian arsip XLSX memuai berlebihan (kemungkinan bom ZIP)",
                found=f"{info.filename}: {_size(info.compress_size)} → {_size(info.file_size)}",
                expected=f"rasio paling besar {limits.max_ratio}",
            )
    if total > limits.max_unzipped_bytes:
        raise _refuse(
            "isi arsip XLSX terlalu besar setelah dibuka (kemungkinan bom ZIP)",
            found=_size(total),
            expected=f"paling besar {_size(limits.max_unzipped_bytes)}",
        )
    names = {info.filename for info in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse("arsip ZIP ini bukan buku kerja XLSX", expected=expected)
    for info in members:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            _check_xml_member(archive, info)


def _check_xml_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a DTD or an entity declaration (entity expansion attacks); reading every part
    to its end also checks its CRC."""
    tail = b""
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(256 * 1024):
                window = (tail + chunk).upper()
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise _refuse(
                        "bagian XML buku kerja memuat deklarasi DTD/ENTITY yang tidak diizinkan",
                        found=info.filename,
                    )
                tail = chunk[-16:]
    except FileRefused:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        raise _refuse("arsip XLSX rusak", found=info.filename) from None
    except Exception:  # zlib.error and the like from a damaged member
        raise _refuse("arsip XLSX rusak", found=info.filename) from None


# --- text ---------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-16 by its byte order mark, UTF-8 (with or without BOM),
    else Windows-1252, else Latin-1 (which reads any bytes)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    for encoding, name in (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return data.decode(encoding), name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (";", "\t", ",", "|")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


# --- sheets --------------------------------------------------------------------------------


@dataclass
class Sheet:
    """A sheet as a stream of (row number, cells); ``rows`` is consumed once."""

    name: str
    rows: Iterator[tuple[int, list[Cell]]]


def _csv_sheets(data: bytes, findings: list[Finding], limits: Limits) -> list[Sheet]:
    text, encoding = decode_text(data)
    if encoding not in ("UTF-8",):
        findings.append(
            Finding(INFO, f"berkas dibaca dengan pengodean {encoding}", sheet="CSV")
        )
    delimiter = _delimiter(text)
    csv.field_size_limit(limits.max_cell_chars + 10)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[tuple[int, list[Cell]]]:
        for number, values in enumerate(reader, start=1):
            yield number, [Cell(v) for v in values]

    return [Sheet("CSV", rows())]


def _xlsx_sheets(data: bytes, limits: Limits) -> tuple[object, list[Sheet]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    sheets = []
    for ws in book.worksheets[: limits.max_sheets]:
        if getattr(ws, "sheet_state", "visible") != "visible" and ws.title.lower() != "info":
            continue
        sheets.append(Sheet(ws.title, _xlsx_rows(ws, limits)))
    return book, sheets


def _xlsx_rows(ws, limits: Limits) -> Iterator[tuple[int, list[Cell]]]:
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    width = limits.max_columns + 1
    number = 0
    for row in ws.iter_rows(max_col=width):
        number += 1
        cells = []
        for cell in row:
            value = getattr(cell, "value", None)
            number_format = getattr(cell, "number_format", "General") or "General"
            cells.append(Cell(value, number_format))
            number = getattr(cell, "row", None) or number
        yield number, cells


# --- header detection ----------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def norm(text: object) -> str:
    """A header as compared: lower case, words of letters and digits only."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    return " ".join(_NON_ALNUM.sub(" ", text.lower().replace("&", " dan ")).split())


def label_score(text: str, synonyms: tuple[str, ...]) -> int:
    """3: the same words; 2: a close spelling (ratio ≥ 0,85); 1: every word of a synonym of
    two or more words is in the header; 0: no match."""
    if not text:
        return 0
    best = 0
    words = set(text.split())
    for synonym in synonyms:
        if text == synonym:
            return 3
        if best < 2 and _close(text, synonym):
            best = 2
        elif best < 1 and " " in synonym and set(synonym.split()) <= words:
            best = 1
    return best


def _close(text: str, synonym: str) -> bool:
    if abs(len(text) - len(synonym)) > max(2, len(synonym) // 5):
        return False
    matcher = difflib.SequenceMatcher(None, text, synonym)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and (
        matcher.ratio() >= 0.85
    )


@dataclass
class ColumnRef:
    index: int  # 0-based position in the row
    header: str  # as written in the file

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)

    def describe(self, label: str) -> str:
        return f"{self.letter} ({self.header or label})"


def match_header(
    lower: list[Cell], upper: list[Cell] | None, schema: Schema
) -> tuple[dict[str, ColumnRef], list[int]]:
    """The schema columns found in a header row (with the row above it, for two-row
    headers), and the positions of headers not recognised. Each position and each column is
    used once; the best scores are assigned first, then the leftmost positions."""
    upper = upper or []
    width = max(len(lower), len(upper))
    group = ""
    candidates: list[list[tuple[str, str]]] = []  # per position: (normalised text, shown)
    for i in range(width):
        low = lower[i].value if i < len(lower) else None
        up = upper[i].value if i < len(upper) else None
        low_text, up_text = norm(low), norm(up)
        if up_text:
            group = up_text
        options = []
        if low_text:
            options.append((low_text, str(low)))
            if group and group != low_text:
                options.append((f"{group} {low_text}", f"{up or group} {low}"))
        elif up_text:
            options.append((up_text, str(up)))
        candidates.append(options)
    pairs = []
    for order, column in enumerate(schema.columns):
        synonyms = tuple(norm(s) for s in (*column.synonyms, column.label))
        for position, options in enumerate(candidates):
            best = max((label_score(text, synonyms) for text, _ in options), default=0)
            if best:
                pairs.append((-best, position, order, column))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    found: dict[str, ColumnRef] = {}
    used: set[int] = set()
    for _score, position, _order, column in pairs:
        if column.key in found or position in used:
            continue
        shown_header = candidates[position][0][1] if candidates[position] else ""
        found[column.key] = ColumnRef(position, shown_header.strip())
        used.add(position)
    unknown = [
        i
        for i in range(width)
        if i not in used
        and any(not is_blank(row[i]) for row in (lower, upper) if i < len(row))
    ]
    return found, unknown


@dataclass
class Row:
    number: int
    cells: dict[str, Cell]


@dataclass
class Table:
    """The rows of one table, each cell under its schema key. ``meta``: what the file says
    about itself (Info sheet of a workbook, ``meta`` of a JSON export)."""

    schema: Schema
    sheet: str
    columns: dict[str, ColumnRef]
    rows: list[Row] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None

    def column_name(self, key: str) -> str:
        ref = self.columns.get(key)
        label = next((c.label for c in self.schema.columns if c.key == key), key)
        if ref is None:
            return label
        if self.sheet == "JSON":
            return key
        return ref.describe(label)

    def finding(self, severity, message, row=None, key="", found=None, expected="") -> Finding:
        return Finding(
            severity,
            message,
            sheet=self.sheet,
            row=row,
            column=self.column_name(key) if key else "",
            found=shown(found),
            expected=expected,
        )


def _is_numbering_row(cells: list[Cell]) -> bool:
    """The row of column numbers under a header (1 2 3 … 8)."""
    values = [c.value for c in cells if not is_blank(c)]
    if len(values) < 3:
        return False
    numbers = []
    for value in values:
        text = str(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if not (text.isascii() and text.isdigit()):  # "²".isdigit() is true, int() refuses
            return False
        numbers.append(int(text))
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _header_texts(*rows: list[Cell] | None) -> frozenset[str]:
    return frozenset(norm(c.value) for row in rows if row for c in row if isinstance(c.value, str))


def _repeats_header(cells: list[Cell], header_texts: frozenset[str]) -> bool:
    """A row that repeats the header (a table continued on a new page): two or more of its
    texts are header texts, and nothing else is in it."""
    texts = [norm(c.value) for c in cells if not is_blank(c)]
    same = sum(1 for t in texts if t in header_texts)
    return same >= 2 and same == len(texts)


def read_table(
    filename: str,
    data: bytes,
    schema: Schema,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Table | None, list[Finding]]:
    """The table of ``schema`` in the file, and what was found on the way. The table is None
    when the file is refused or no header is recognised (then the findings say why)."""
    findings: list[Finding] = []
    try:
        fmt = check_file(filename, data, limits)
    except FileRefused as refused:
        return None, [refused.finding]
    if fmt == "json":
        return _json_table(data, schema, limits, findings)
    book = None
    try:
        if fmt == "csv":
            sheets = _csv_sheets(data, findings, limits)
        else:
            book, sheets = _xlsx_sheets(data, limits)
        return _find_table(sheets, schema, limits, findings)
    except _TooBig as too_big:
        return None, [*findings, too_big.finding]
    except csv.Error as exc:
        return None, [*findings, Finding(ERROR, f"CSV tidak dapat dibaca ({exc})", sheet="CSV")]
    except (MemoryError, RecursionError):
        return None, [*findings, Finding(ERROR, "berkas terlalu rumit untuk dibaca")]
    except Exception as exc:  # openpyxl raises many kinds of errors for a damaged workbook
        return None, [
            *findings,
            Finding(
                ERROR,
                "buku kerja rusak atau tidak dapat dibaca",
                found=shown(f"{type(exc).__name__}: {exc}", 160),
                expected="buku kerja .xlsx yang dapat dibuka Excel atau LibreOffice",
            ),
        ]
    finally:
        if book is not None:
            # closing a damaged workbook must not hide the real finding
            with contextlib.suppress(Exception):
                book.close()


class _TooBig(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(str(finding))
        self.finding = finding


def _check_width(sheet: str, number: int, cells: list[Cell], limits: Limits) -> None:
    extra = cells[limits.max_columns :]
    if extra and any(not is_blank(c) for c in extra):
        raise _TooBig(
            Finding(
                ERROR,
                "terlalu banyak kolom",
                sheet=sheet,
                row=number,
                found=f"lebih dari {limits.max_columns} kolom",
                expected=f"paling banyak {limits.max_columns} kolom",
            )
        )
    for index, cell in enumerate(cells):
        if isinstance(cell.value, str) and len(cell.value) > limits.max_cell_chars:
            raise _TooBig(
                Finding(
                    ERROR,
                    "isi sel terlalu panjang",
                    sheet=sheet,
                    row=number,
                    column=get_column_letter(index + 1),
                    found=f"{len(cell.value)} karakter",
                    expected=f"paling banyak {limits.max_cell_chars} karakter",
                )
            )


def _too_many_rows(sheet: str, limits: Limits) -> _TooBig:
    return _TooBig(
        Finding(
            ERROR,
            "terlalu banyak baris",
            sheet=sheet,
            found=f"lebih dari {limits.max_rows} baris",
            expected=f"paling banyak {limits.max_rows} baris; pecah berkas menjadi beberapa",
        )
    )


def _find_table(
    sheets: list[Sheet], schema: Schema, limits: Limits, findings: list[Finding]
) -> tuple[Table | None, list[Finding]]:
    meta: dict[str, str] = {}
    best_missing: tuple[int, str, list[str]] | None = None
    sheets = sorted(sheets, key=lambda s: s.name.strip().lower() != "info")
    for sheet in sheets:
        if sheet.name.strip().lower() == "info":
            meta = _read_info(sheet, limits)
            dataset = meta.get("dataset")
            if dataset and dataset != schema.name:
                return None, [
                    *findings,
                    Finding(
                        ERROR,
                        "lembar Info menyebut berkas ini berisi data jenis lain",
                        sheet=sheet.name,
                        found=shown(dataset),
                        expected=schema.name,
                    ),
                ]
            continue
        buffered: list[tuple[int, list[Cell]]] = []
        header = None
        for number, cells in sheet.rows:
            _check_width(sheet.name, number, cells, limits)
            buffered.append((number, cells))
            upper = buffered[-2][1] if len(buffered) > 1 else None
            found, unknown = match_header(cells, upper, schema)
            missing = [c.label for c in schema.columns if c.required and c.key not in found]
            if not missing:
                header = (number, found, unknown, cells, upper)
                break
            if best_missing is None or len(missing) < best_missing[0]:
                best_missing = (len(missing), sheet.name, missing)
            if len(buffered) >= limits.header_rows:
                break
        if header is None:
            continue
        number, found, unknown, cells, upper = header
        table = Table(schema, sheet.name, found, meta=meta, header_row=number)
        for index in unknown:
            text = cells[index].value if index < len(cells) else None
            if is_blank(Cell(text)) and upper is not None and index < len(upper):
                text = upper[index].value
            findings.append(
                Finding(
                    INFO,
                    "kolom tidak dikenal dan diabaikan",
                    sheet=sheet.name,
                    row=number,
                    column=get_column_letter(index + 1),
                    found=shown(text),
                )
            )
        header_texts = _header_texts(cells, upper) - {""}
        count = blank = 0
        for row_number, row_cells in sheet.rows:
            _check_width(sheet.name, row_number, row_cells, limits)
            if all(is_blank(c) for c in row_cells):
                blank += 1  # empty (or only formatted) rows: bounded, but not data
                if blank > 20 * limits.max_rows:
                    raise _too_many_rows(sheet.name, limits)
                continue
            count += 1
            if count > limits.max_rows:
                raise _too_many_rows(sheet.name, limits)
            mapped = {
                key: row_cells[ref.index] if ref.index < len(row_cells) else Cell()
                for key, ref in found.items()
            }
            if all(is_blank(c) for c in mapped.values()):
                continue
            if _is_numbering_row(list(mapped.values())) or _repeats_header(
                row_cells, header_texts
            ):
                continue
            table.rows.append(Row(row_number, mapped))
        if not table.rows:
            findings.append(Finding(WARNING, "berkas tidak berisi baris data", sheet=sheet.name))
        return table, findings
    if best_missing is None:
        return None, [*findings, Finding(ERROR, "berkas tidak berisi tabel", expected=schema.title)]
    _count, sheet_name, missing = best_missing
    return None, [
        *findings,
        Finding(
            ERROR,
            f"baris judul tabel {schema.title} tidak ditemukan di {limits.header_rows} baris "
            "pertama: kolom " + ", ".join(missing) + " tidak ada",
            sheet=sheet_name,
            expected="baris judul dengan kolom "
            + ", ".join(c.label for c in schema.columns if c.required or not c.informative),
        ),
    ]


INFO_KEYS = {
    "dataset": "dataset",
    "jenis data": "dataset",
    "unit": "unit",
    "tahun": "tahun",
    "nomenklatur": "nomenklatur",
    "versi nomenklatur": "nomenklatur",
    "susunan": "susunan",
}


def _read_info(sheet: Sheet, limits: Limits) -> dict[str, str]:
    meta = {}
    for count, (number, cells) in enumerate(sheet.rows, start=1):
        _check_width(sheet.name, number, cells, limits)
        if count > 100:
            break
        if len(cells) >= 2:
            key = INFO_KEYS.get(norm(cells[0].value))
            value = cells[1].value
            if key and value is not None and not isinstance(value, bool):
                text = format(value, ".15g") if isinstance(value, float) else str(value)
                meta[key] = text.strip()[:200]
    return meta


# --- JSON ----------------------------------------------------------------------------------

JSON_FORMAT = "kinerja-pertukaran"


def _json_table(
    data: bytes, schema: Schema, limits: Limits, findings: list[Finding]
) -> tuple[Table | None, list[Finding]]:
    text, _encoding = decode_text(data)
    expected = f'objek JSON ekspor Kinerja: {{"format": "{JSON_FORMAT}", "rows": [...]}}'
    try:
        document = json.loads(text, parse_float=Decimal)
    except RecursionError:
        return None, [Finding(ERROR, "JSON terlalu bersarang", sheet="JSON", expected=expected)]
    except ValueError as exc:
        return None, [
            Finding(ERROR, "bukan JSON yang sah", sheet="JSON", found=shown(exc), expected=expected)
        ]
    if not isinstance(document, dict) or not isinstance(document.get("rows"), list):
        return None, [
            Finding(ERROR, "struktur JSON tidak dikenal", sheet="JSON", expected=expected)
        ]
    dataset = document.get("dataset")
    if dataset is not None and dataset != schema.name:
        findings.append(
            Finding(
                ERROR,
                "berkas ini berisi data jenis lain",
                sheet="JSON",
                found=shown(dataset),
                expected=schema.name,
            )
        )
        return None, findings
    rows = document["rows"]
    if len(rows) > limits.max_rows:
        return None, [*findings, _too_many_rows("JSON", limits).finding]
    meta = {}
    raw_meta = document.get("meta")
    if isinstance(raw_meta, dict):
        for key in ("nomenklatur", "susunan", "unit", "tahun"):
            value = raw_meta.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                meta[key] = str(value)[:200]
    by_name: dict[str, Column] = {}
    for column in schema.columns:
        by_name[column.key] = column
        by_name[norm(column.label)] = column
    columns: dict[str, ColumnRef] = {}
    table = Table(schema, "JSON", columns, meta=meta)
    unknown: set[str] = set()
    for index, item in enumerate(rows, start=1):
        if not isinstance(item, dict):
            findings.append(
                Finding(
                    ERROR,
                    "baris bukan objek JSON",
                    sheet="JSON",
                    row=index,
                    found=shown(type(item).__name__),
                    expected='objek, mis. {"kode": "4.01.01", ...}',
                )
            )
            continue
        if len(item) > limits.max_columns:
            return None, [
                *findings,
                Finding(
                    ERROR,
                    "terlalu banyak kolom",
                    sheet="JSON",
                    row=index,
                    found=str(len(item)),
                    expected=f"paling banyak {limits.max_columns}",
                ),
            ]
        cells = {}
        for name, value in item.items():
            column = by_name.get(name) if isinstance(name, str) else None
            if column is None:
                column = by_name.get(norm(name))
            if column is None:
                unknown.add(str(name))
                continue
            if isinstance(value, str) and len(value) > limits.max_cell_chars:
                return None, [
                    *findings,
                    Finding(ERROR, "isi sel terlalu panjang", sheet="JSON", row=index, column=name),
                ]
            columns.setdefault(column.key, ColumnRef(len(columns), column.key))
            cells[column.key] = Cell(value)
        if not all(is_blank(c) for c in cells.values()):
            table.rows.append(Row(index, cells))
    for name in sorted(unknown)[:20]:
        findings.append(
            Finding(INFO, "kunci tidak dikenal dan diabaikan", sheet="JSON", column=shown(name))
        )
    missing = [c.label for c in schema.columns if c.required and c.key not in columns]
    if missing and table.rows:
        findings.append(
            Finding(
                ERROR,
                "kolom wajib tidak ada: " + ", ".join(missing),
                sheet="JSON",
                expected=", ".join(c.key for c in schema.columns if c.required),
            )
        )
        return None, findings
    if not table.rows:
        findings.append(Finding(WARNING, "berkas tidak berisi baris data", sheet="JSON"))
    return table, findings
