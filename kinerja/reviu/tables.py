"""Understanding a raw table: its header, what each column holds, and the tree of its rows.

Included (``analyse_tables``):
- joining a table that continues on the next page (same header repeated, no caption of its
  own, nothing but page furniture in between), and a name broken over the page break;
- header rows (keywords such as NO, KODE, PROGRAM, RENCANA, REALISASI, %, TARGET, CAPAIAN;
  group headers above them, filled to the columns they cover) and the numbered row
  "1 2 3 …" under them;
- the role of each column from its header, tolerant of spelling: name, code, number,
  indicator, target, realised output, planned money (rencana/anggaran/pagu), realised money,
  financial %, achievement %, other figures (fisik, deviasi, efisiensi), unit, remark; a bare
  "RENCANA"/"REALISASI" column is money when its figures look like rupiah; a year in a header
  is kept (``Column.year``);
- the tree of rows: by codes (``4.01.01`` under ``4.01``; ``1.1`` in the NO column) when the
  table has them, otherwise by which name column holds the name (PROGRAM left of KEGIATAN),
  indentation, bold and the numbering printed before names (``1``, ``1.1``, ``a.``);
  a row naming a program and a kegiatan gets a program node without figures above it;
- total rows ("JUMLAH", "TOTAL", "RATA-RATA …", "CAPAIAN BIRO …", "BELANJA LANGSUNG"), whose
  parts are the top rows of the table;
- a row shifted into the wrong columns (a name in the NO column followed by its figures) put
  back under the right headers.

Not included: any arithmetic check (``checks``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.numbers import round_half_up

from .model import Block, Cell, RawTable, TextBlock
from .values import (
    Printed,
    name_key,
    numbering_of,
    places_of,
    read_number,
    read_quantity,
    strip_markup,
    without_numbering,
)

# column roles
NO = "no"
CODE = "kode"
NAME = "nama"
INDICATOR = "indikator"
TARGET = "target"
REAL_OUT = "realisasi_keluaran"
PLAN = "rencana"
REAL = "realisasi"
MONEY_OTHER = "rupiah_lain"
PCT_FIN = "persen_keuangan"
PCT_CAP = "capaian"
PCT_PLAN = "persen_rencana"
PCT = "persen"
OTHER_NUM = "angka_lain"
UNIT = "satuan"
NOTE = "keterangan"
TEXT_REAL = "uraian_realisasi"
TEXT = "teks"

MONEY_ROLES = (PLAN, REAL, MONEY_OTHER)
NUMERIC_ROLES = (*MONEY_ROLES, PCT_FIN, PCT_CAP, PCT_PLAN, PCT, OTHER_NUM)
QUANTITY_ROLES = (TARGET, REAL_OUT)

_KEYWORDS = re.compile(
    r"\b(no|nomor|kode|program|kegiatan|sub|tolok|tolak|ukur|uraian|rencana|realisasi|"
    r"anggaran|pagu|target|capaian|satuan|indikator|keterangan|sasaran|belanja|keluaran|"
    r"output|outcome|hasil|predikat|bulan|fisik|keuangan|deviasi|kinerja|rp|tahun|jumlah|"
    r"persen|penyerapan|efisiensi|volume|lokasi|dpa|dppa|strategis|k|peran|triwulan|"
    r"semester|unit|periode|akhir|renja|renstra|tingkat|perubahan|poin|alokasi|dana)\b"
    r"|%",
    re.IGNORECASE,
)
_NUMBERED_CELL = re.compile(r"^\(?\d{1,2}\)?$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_TOTAL = re.compile(
    r"^(?:(?:jumlah|total|grand total|sub ?total)(?:\s*:)?"
    r"(?:\s+(?:belanja|anggaran|keseluruhan|seluruhnya|semua|pagu|realisasi|biaya|dana|"
    r"total|rencana|capaian)\b.*)?$|"
    r"rata-rata\b|rata rata\b|"
    r"capaian\s+(?:biro|dinas|badan|unit|perangkat|opd|skpd|kantor|keseluruhan|total|rata)\b|"
    r"belanja\s+(?:daerah|langsung|tidak langsung|operasi|modal)\b)",
    re.IGNORECASE,
)
_CODE = re.compile(r"^\d+(?:[.,]\d+)+$|^\d+$|^[A-Z]?\.?\d+(?:\.\d+)+$|^[A-Z0-9]\.[A-Z0-9.]+$")
_NO_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*$")


@dataclass
class Column:
    index: int
    header: str
    role: str
    year: int | None = None  # a year printed in the header


@dataclass
class Row:
    """One item of a table: a data row, or a program node made for a row that also names a
    program (``virtual``, no figures of its own)."""

    number: int  # position in the table as printed (1 = first row of the grid)
    name: str
    key: str
    location: str = ""
    text: str = ""  # the name cell as printed, whole
    code: str = ""
    numbering: str = ""
    bold: bool = False
    indent: float = 0.0
    name_col: int = 0  # index of the name column among the table's name columns
    values: dict[int, Printed] = field(default_factory=dict)
    quantities: dict[int, tuple[Printed, str]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    virtual: bool = False
    total: bool = False
    parent: Row | None = None
    children: list[Row] = field(default_factory=list)
    parts: list[Row] = field(default_factory=list)  # a total row's parts

    @property
    def label(self) -> str:
        number = f"{self.code} " if self.code else ""
        return f"{number}{self.name}".strip() or f"baris {self.number}"

    def path(self) -> list[str]:
        out, node = [], self
        while node is not None:
            out.append(node.key)
            node = node.parent
        return list(reversed(out))


@dataclass
class Table:
    number: int
    caption: str
    location: str
    columns: list[Column]
    rows: list[Row]
    header_rows: int
    kind: str = "output"
    raw: RawTable | None = None

    @property
    def label(self) -> str:
        match = re.match(r"^\s*((?:tabel|table|lampiran)\s*[\w.\-]*)", self.caption, re.I)
        if match:
            return match.group(1).strip().rstrip(":.").replace("Table", "Tabel")
        if self.caption:
            return self.caption[:80]
        return f"Tabel tanpa judul ke-{self.number} ({self.location})"

    def cols(self, *roles: str) -> list[Column]:
        return [c for c in self.columns if c.role in roles]

    def has(self, *roles: str) -> bool:
        return any(c.role in roles for c in self.columns)


# --- header ----------------------------------------------------------------------------


def _texts(row: list[Cell]) -> list[str]:
    return [c.text.strip() for c in row if c.text.strip()]


def is_numbered_row(row: list[Cell]) -> bool:
    texts = [t for t in _texts(row) if t not in ("",)]
    if len(texts) < 2 or not all(_NUMBERED_CELL.match(t) for t in texts):
        return False
    numbers = [int(t.strip("()")) for t in texts]
    return numbers[0] in (0, 1) and numbers == sorted(numbers)


def is_header_row(row: list[Cell]) -> bool:
    texts = _texts(row)
    if not texts:
        return False
    for text in texts:
        if len(text) > 80:
            return False
        if text != "%" and read_number(text) is not None:
            return False
    if len(texts) == 1 and len(texts[0]) > 40:
        return False
    with_keyword = sum(1 for t in texts if _KEYWORDS.search(t))
    return with_keyword >= 1 and with_keyword * 2 >= len(texts)


def header_size(rows: list[list[Cell]]) -> int:
    """How many leading rows are header rows (the numbered row, which ends them, included)."""
    n = 0
    while n < min(len(rows), 6):
        if n and is_numbered_row(rows[n]):
            return n + 1
        if not is_header_row(rows[n]):
            break
        n += 1
    return n


def header_texts(rows: list[list[Cell]], size: int) -> list[str]:
    return [" ".join(parts) for parts in header_parts(rows, size)]


def header_parts(rows: list[list[Cell]], size: int) -> list[list[str]]:
    """Per column, the header texts from the top header row down (group header first)."""
    if size == 0 or not rows:
        return [[] for _ in range(len(rows[0]) if rows else 0)]
    width = max(len(r) for r in rows[:size])
    grid = [[c.text.strip() for c in r] + [""] * (width - len(r)) for r in rows[:size]]
    grid = [g for g, r in zip(grid, rows[:size], strict=True) if not is_numbered_row(r)]
    # a group header written once over the columns it covers (text sources): fill it right
    for h in range(len(grid) - 1):
        for c in range(1, width):
            below = any(grid[k][c] for k in range(h + 1, len(grid)))
            if not grid[h][c] and grid[h][c - 1] and below:
                left_below = any(grid[k][c - 1] for k in range(h + 1, len(grid)))
                if left_below:
                    grid[h][c] = grid[h][c - 1]
    out = []
    for c in range(width):
        parts: list[str] = []
        for h in range(len(grid)):
            text = " ".join(grid[h][c].split())
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        out.append(parts)
    return out


def _header_signature(rows: list[list[Cell]], size: int) -> tuple[str, ...]:
    return tuple(re.sub(r"\W+", "", t.lower()) for t in header_texts(rows, size))


VOCABULARY = (
    "REALISASI", "RENCANA", "ANGGARAN", "PERSENTASE", "CAPAIAN", "KEGIATAN", "PROGRAM",
    "TARGET", "SATUAN", "INDIKATOR", "KETERANGAN", "URAIAN", "BELANJA", "KELUARAN",
    "PENYERAPAN", "DEVIASI", "EFISIENSI", "TRIWULAN", "SEMESTER", "SASARAN", "KEUANGAN",
    "PREDIKAT", "TOLOK", "KINERJA",
)


def spelled(header: str) -> str:
    """The header with misspelt keywords put right (PRESENTASE, RELISASI, ANGARAN)."""
    def fix(match: re.Match) -> str:
        word = match.group(0)
        if len(word) < 5 or word in VOCABULARY:
            return word
        close = difflib.get_close_matches(word, VOCABULARY, n=1, cutoff=0.8)
        return close[0] if close else word

    return re.sub(r"[A-Z]+", fix, header)


def column_role(header: str) -> str:
    h = spelled(" ".join(strip_markup(header).upper().split()))
    words = set(re.findall(r"[A-Z0-9%]+", h))
    if not h:
        return TEXT
    if words <= {"NO", "NOMOR", "URUT"} or h in ("NO.", "NO"):
        return NO
    if "KODE" in words:
        return CODE
    if "SATUAN" in words and len(words) <= 3:
        return UNIT
    if any(w in h for w in ("KETERANGAN", "PREDIKAT", "PENANGGUNG", "PERINGATAN", "PERAN ")):
        return NOTE
    if words & {"DEVIASI", "EFISIENSI", "POIN", "SELISIH"} or "FISIK" in words:
        return OTHER_NUM
    percentish = (
        "%" in h or "PERSEN" in h or "PENYERAPAN" in words
        or ("CAPAIAN" in words and "TARGET CAPAIAN" not in h)
    )
    if percentish:
        if "TARGET" in words and "CAPAIAN" not in words:
            return OTHER_NUM
        if words & {"KEUANGAN", "PENYERAPAN", "ANGGARAN", "RP", "BELANJA"}:
            return PCT_FIN
        if "RENCANA" in words and "REALISASI" not in words:
            return PCT_PLAN
        if words & {"CAPAIAN", "KINERJA", "K"}:
            return PCT_CAP
        if "REALISASI" in words:
            return PCT
        return PCT
    namey = words & {"PROGRAM", "KEGIATAN", "TOLOK", "TOLAK", "URAIAN", "SASARAN", "BULAN"}
    money = words & {"RP", "ANGGARAN", "PAGU", "BELANJA", "DANA", "BIAYA", "ALOKASI"}
    if "TARGET" in words and not money:
        return REAL_OUT if "REALISASI" in words else TARGET
    if namey and "REALISASI" in words and not words & {"RP", "ANGGARAN", "BELANJA", "PAGU"}:
        return TEXT_REAL
    if words & {"RP", "ANGGARAN", "PAGU", "BELANJA", "DANA", "BIAYA", "ALOKASI"} and not (
        namey and not words & {"RP", "PAGU"}
    ):
        if "KAS" in words:
            return MONEY_OTHER
        if "REALISASI" in words:
            return REAL
        return PLAN
    if "INDIKATOR" in words:
        return INDICATOR
    if namey:
        return NAME
    if "TARGET" in words or "RENCANA" in words:
        return TARGET
    if "REALISASI" in words:
        return REAL_OUT
    if "K" in words and len(words) <= 6:
        return REAL_OUT if "REALISASI" in words else TARGET
    return TEXT


def role_of(parts: list[str]) -> str:
    """The role of a column from its header parts: the lowest header row says what the
    column is, the group header above it says of what (REALISASI KEUANGAN › BULAN INI (Rp),
    TARGET RENJA › K, TINGKAT CAPAIAN (%) › Rp)."""
    if not parts:
        return TEXT
    upper = spelled(" ".join(parts).upper())
    combined = column_role(upper)
    if combined == OTHER_NUM or len(parts) == 1:
        return combined
    lowest_text = " ".join(parts[-1].upper().split())
    lowest = column_role(parts[-1])
    if combined in (PCT_FIN, PCT_CAP, PCT_PLAN, PCT):
        if lowest_text == "K":
            return PCT_CAP
        if lowest_text in ("RP", "RP.", "(RP)"):
            return PCT_FIN
        if lowest in (PCT_FIN, PCT_CAP, PCT_PLAN, TARGET, REAL_OUT):
            return lowest
        if lowest not in MONEY_ROLES:
            return combined
    periodic = any(w in upper for w in ("TRIWULAN", "SEMESTER", "BULAN"))
    realised = "REALISASI" in upper or (
        periodic and not any(w in upper for w in ("TARGET", "RENCANA", "KAS"))
    )
    if lowest in MONEY_ROLES or lowest_text in ("RP", "RP.", "(RP)") or (
        combined in MONEY_ROLES and lowest in (TARGET, REAL_OUT, TEXT)
    ):
        if "KAS" in upper.split():
            return MONEY_OTHER
        return REAL if realised else PLAN
    if lowest_text == "K":
        return REAL_OUT if realised else TARGET
    if lowest == TEXT:
        return combined
    return lowest


def _year(header: str) -> int | None:
    years = [int(y) for y in _YEAR.findall(header)]
    if not years or re.search(r"\d{4}\s*[-–—]\s*\d{4}|s\.?\s?d\.?|s/d", header, re.I):
        return None
    return years[-1]


# --- continuation tables ---------------------------------------------------------------


def _furniture(block: TextBlock) -> bool:
    """Page furniture between two parts of one table: short, not a caption or heading."""
    text = block.text.strip()
    return (
        not block.heading
        and len(text) <= 100
        and not re.match(r"^\s*(tabel|table|lampiran)\b", text, re.I)
    )


def merge_continuations(blocks: list[Block]) -> list[Block]:
    """Join each table with the parts that continue it on the next pages."""
    out: list[Block] = []
    last_table: tuple[int, RawTable, int, tuple[str, ...]] | None = None  # (pos, table, hs, sig)
    between: list[TextBlock] = []
    for block in blocks:
        if isinstance(block, TextBlock):
            out.append(block)
            between.append(block)
            continue
        size = header_size(block.rows)
        signature = _header_signature(block.rows, size) if size else ()
        if (
            last_table is not None
            and not block.caption
            and len(between) <= 4
            and all(_furniture(b) for b in between)
            and _continues(last_table, block, size, signature)
        ):
            _, previous, previous_size, _sig = last_table
            _append_rows(previous, block, size, previous_size)
            between = []
            continue
        out.append(block)
        last_table = (len(out) - 1, block, size, signature)
        between = []
    return out


def _continues(last, block: RawTable, size: int, signature: tuple[str, ...]) -> bool:
    _, previous, previous_size, previous_signature = last
    if not previous.rows or not block.rows:
        return False
    width = len(previous.rows[0])
    if size:
        return previous_size > 0 and signature == previous_signature
    return previous_size > 0 and len(block.rows[0]) == width


def _append_rows(table: RawTable, block: RawTable, size: int, header: int) -> None:
    rows = block.rows[size:]
    locations = [block.where(k) for k in range(size, len(block.rows))]
    if len(table.row_locations) < len(table.rows):
        table.row_locations.extend([table.location] * (len(table.rows) - len(table.row_locations)))
    if not rows:
        return
    first = rows[0]
    filled = [i for i, c in enumerate(first) if not c.empty]
    data = table.rows[header:]
    split_row = table.open_end
    table.open_end = block.open_end
    if split_row and data and filled and all(i < len(data[-1]) for i in filled):
        # the row the page end cut: its cells go on in the first row of this part
        previous = data[-1]
        for i in filled:
            previous[i].text = f"{previous[i].text}\n{first[i].text}".strip()
        table.rows.extend(rows[1:])
        table.row_locations.extend(locations[1:])
        return
    if len(filled) == 1 and data:
        column = filled[0]
        previous = data[-1]
        if (
            column < len(previous)
            and not previous[column].empty
            and read_number(first[column].text) is None
            and not numbering_of(first[column].text)
            and len(first[column].text) <= 80
        ):
            previous[column].text = f"{previous[column].text} {first[column].text}".strip()
            rows, locations = rows[1:], locations[1:]
    table.rows.extend(rows)
    table.row_locations.extend(locations)


# --- rows ------------------------------------------------------------------------------


def _printed(cell: Cell) -> Printed | None:
    if cell.number is not None:  # a spreadsheet value: printed as its format rounds it
        if cell.places is not None:
            return Printed(round_half_up(cell.number, cell.places), cell.places, cell.mark)
        return Printed(cell.number, places_of(cell.number), cell.mark)
    value = read_number(cell.text)
    if value is not None and cell.mark and not value.mark:
        return Printed(value.value, value.places, cell.mark, value.percent)
    return value


def _quantity(cell: Cell) -> tuple[Printed, str] | None:
    if cell.number is not None:
        printed = _printed(cell)
        return (printed, "") if printed else None
    return read_quantity(cell.text)


def _money_like(rows: list[list[Cell]], col: int) -> bool:
    values = []
    for row in rows:
        if col < len(row):
            printed = _printed(row[col])
            if printed is not None:
                values.append(printed.value)
    if not values:
        return False
    big = sum(1 for v in values if abs(v) >= 1000 or v == 0)
    return big * 10 >= len(values) * 6 and any(abs(v) >= 1000 for v in values)


def _resolve_roles(columns: list[Column], data: list[list[Cell]], caption: str) -> None:
    for column in columns:
        words = set(re.findall(r"[A-Z]+", column.header.upper()))
        output = words & {"K", "OUTPUT", "KELUARAN", "HASIL", "KINERJA", "CAPAIAN", "VOLUME"}
        if column.role in (TARGET, REAL_OUT) and not output and _money_like(data, column.index):
            column.role = PLAN if column.role == TARGET else REAL
    has_money = any(c.role in (PLAN, REAL) for c in columns)
    has_output = any(c.role in (TARGET, REAL_OUT, TEXT_REAL) for c in columns)
    for k, column in enumerate(columns):
        if column.role != PCT:
            continue
        left = next((c for c in reversed(columns[:k]) if c.role not in (PCT, PCT_PLAN)), None)
        header = column.header.upper()
        if "RENCANA" in header and "REALISASI" not in header:
            column.role = PCT_PLAN
        elif has_money and not (left is not None and left.role in (TEXT_REAL, REAL_OUT)):
            column.role = PCT_FIN
        elif left is not None and left.role == NAME and "RENCANA" in left.header.upper():
            column.role = PCT_PLAN
        elif has_output or re.search(r"output|keluaran|capaian|kinerja", caption, re.I):
            column.role = PCT_CAP
        else:
            column.role = PCT_CAP if not has_money else PCT_FIN


def _realign(cells: list[Cell], columns: list[Column]) -> list[Cell]:
    """A row whose name landed in the NO column with its figures right after it."""
    no = next((c.index for c in columns if c.role == NO), None)
    names = [c.index for c in columns if c.role == NAME]
    if no is None or not names or no >= len(cells):
        return cells
    text = cells[no].text.strip()
    if len(text) < 6 or not re.search(r"[A-Za-z]{3}", text):
        return cells
    rest = [c for c in cells[no + 1 :] if not c.empty]
    numeric_cols = [c.index for c in columns if c.role in NUMERIC_ROLES]
    if not rest or len(rest) > len(numeric_cols) or any(_printed(c) is None for c in rest):
        return cells
    fixed = [Cell() for _ in cells]
    fixed[names[-1]] = cells[no]
    for cell, index in zip(rest, numeric_cols, strict=False):
        fixed[index] = cell
    return fixed


def _code_of(cells: list[Cell], columns: list[Column], code_from_no: bool) -> str:
    for column in columns:
        if column.index >= len(cells):
            continue
        if column.role == CODE or (column.role == NO and code_from_no):
            text = strip_markup(cells[column.index].text).replace(",", ".").strip().rstrip(".")
            pattern = _CODE if column.role == CODE else _NO_CODE
            if pattern.match(text):
                return text
    return ""


def _make_rows(table: RawTable, columns: list[Column], size: int) -> list[Row]:
    name_cols = [c.index for c in columns if c.role == NAME]
    if not name_cols:
        fallback = next((c.index for c in columns if c.role in (TEXT, INDICATOR)), None)
        if fallback is not None:
            name_cols = [fallback]
    no_values = [
        strip_markup(r[c.index].text)
        for r in table.rows[size:]
        for c in columns
        if c.role == NO and c.index < len(r)
    ]
    code_from_no = any(re.match(r"^\d{1,2}\.\d{1,2}$|^\d{1,2}\.\d{1,2}\.", v) for v in no_values)
    header_rows = {tuple(c.text for c in r) for r in table.rows[:size]}
    rows: list[Row] = []
    open_groups: dict[int, Row] = {}
    for position, raw_cells in enumerate(table.rows[size:], start=size + 1):
        if tuple(c.text for c in raw_cells) in header_rows or is_numbered_row(raw_cells):
            continue
        cells = _realign(raw_cells, columns)
        filled_names = [
            (k, i) for k, i in enumerate(name_cols) if i < len(cells) and cells[i].text.strip()
            and not cells[i].spanned
        ]
        values: dict[int, Printed] = {}
        quantities: dict[int, tuple[Printed, str]] = {}
        texts: dict[int, str] = {}
        for column in columns:
            if column.index >= len(cells):
                continue
            cell = cells[column.index]
            if cell.spanned or cell.empty:
                continue
            if column.role in NUMERIC_ROLES:
                printed = _printed(cell)
                if printed is not None:
                    values[column.index] = printed
            elif column.role in QUANTITY_ROLES:
                quantity = _quantity(cell)
                if quantity is not None:
                    quantities[column.index] = quantity
                texts[column.index] = cell.text
            elif column.role not in (NAME,):
                texts[column.index] = cell.text
        code = _code_of(cells, columns, code_from_no)
        if not filled_names and not values and not quantities:
            continue  # a continuation line of a long text cell
        groups: list[tuple[int, int]] = filled_names[:-1] if len(filled_names) > 1 else []
        for k, index in groups:
            text = cells[index].text
            current = open_groups.get(k)
            if current is not None and current.key == name_key(text):
                continue
            group = Row(
                location=table.where(position - 1),
                number=position,
                name=_display(text),
                key=name_key(text),
                numbering=numbering_of(text),
                bold=cells[index].bold,
                indent=cells[index].indent,
                name_col=k,
                virtual=True,
            )
            rows.append(group)
            open_groups[k] = group
            for deeper in [d for d in open_groups if d > k]:
                del open_groups[deeper]
        if filled_names:
            k, index = filled_names[-1]
            cell = cells[index]
            text = cell.text
        else:
            k, index, cell, text = len(name_cols), -1, Cell(), ""
        bold = cell.bold if text else bool(values) and all(cells[c].bold for c in values)
        row = Row(
            location=table.where(position - 1),
            number=position,
            text=text,
            name=_display(text) if text else "",
            key=name_key(text) if text else "",
            code=code,
            numbering=numbering_of(text) if text else "",
            bold=bold,
            indent=cell.indent,
            name_col=k,
            values=values,
            quantities=quantities,
            texts=texts,
        )
        if not row.name and code:
            row.name = code
        row.total = bool(_TOTAL.match(without_numbering(text))) if text else False
        if not text and not code and any(
            _TOTAL.match(strip_markup(c.text)) for c in cells if c.text.strip()
        ):
            row.total = True
            row.name = next(strip_markup(c.text) for c in cells if _TOTAL.match(
                strip_markup(c.text)))
        if len(filled_names) == 1:  # a row naming only itself closes the groups at its level
            for deeper in [d for d in open_groups if d >= filled_names[0][0]]:
                del open_groups[deeper]
        rows.append(row)
    return rows


def _display(text: str) -> str:
    clean = " ".join(without_numbering(text).split())
    return clean[:160]


def _rank(values: list[float], tolerance: float) -> dict[float, int]:
    distinct = sorted(set(values))
    ranks: dict[float, int] = {}
    rank, last = -1, None
    for value in distinct:
        if last is None or value - last > tolerance:
            rank += 1
        ranks[value] = rank
        last = value
    return ranks


def _numbering_rank(numbering: str) -> int:
    if not numbering:
        return 0
    if re.match(r"^\d+(\.\d+)+", numbering):
        return 2
    if re.match(r"^\(?\d", numbering):
        return 1
    if re.match(r"^\(?[a-zA-Z][.)]", numbering):
        return 3
    return 4


def build_tree(rows: list[Row], fmt: str) -> None:
    """Set ``parent``/``children`` of the rows and the parts of total rows."""
    items = [r for r in rows if not r.total]
    coded = [r for r in items if r.code]
    if items and len(coded) * 2 >= len(items) and len({r.code for r in coded}) > 1:
        _tree_by_code(items)
    else:
        _tree_by_layout(items, fmt)
    _total_parts(rows)


def _tree_by_code(items: list[Row]) -> None:
    stack: list[Row] = []
    for row in items:
        if not row.code:
            _attach(row, None if row.virtual or not stack else stack[-1])
            continue
        while stack and not (
            stack[-1].code and row.code.startswith(stack[-1].code + ".")
        ):
            stack.pop()
        _attach(row, stack[-1] if stack else None)
        stack.append(row)


def _tree_by_layout(items: list[Row], fmt: str) -> None:
    tolerance = 5.0 if fmt == "pdf" else 0.0
    keys: dict[int, tuple[int, ...]] = {}
    by_col: dict[int, list[Row]] = {}
    for row in items:
        by_col.setdefault(row.name_col, []).append(row)
    for col_rows in by_col.values():
        named = [r for r in col_rows if r.name]
        indents = _rank([r.indent for r in named], tolerance) if named else {}
        mixed_bold = len({r.bold for r in named}) > 1
        numbering = {_numbering_rank(r.numbering) for r in named}
        programs = {r.name.lower().startswith("program ") for r in named}
        for row in col_rows:
            prefix_rank = (0 if row.name.lower().startswith("program ") else 1) if len(
                programs) > 1 else 0
            indent_rank = indents.get(row.indent, 0)
            bold_rank = (0 if row.bold else 1) if mixed_bold else 0
            number_rank = _numbering_rank(row.numbering) if len(numbering) > 1 else 0
            keys[id(row)] = (row.name_col, prefix_rank, indent_rank, bold_rank, number_rank)
    stack: list[Row] = []
    for row in items:
        key = keys[id(row)]
        while stack and not keys[id(stack[-1])] < key:
            stack.pop()
        _attach(row, stack[-1] if stack else None)
        stack.append(row)


def _attach(row: Row, parent: Row | None) -> None:
    row.parent = parent
    if parent is not None:
        parent.children.append(row)


def _total_parts(rows: list[Row]) -> None:
    tops = [r for r in rows if not r.total and r.parent is None]
    if not tops:
        return
    first_item = next(i for i, r in enumerate(rows) if not r.total and r.parent is None)
    previous_total = -1
    for i, row in enumerate(rows):
        if not row.total:
            continue
        if i < first_item:
            row.parts = [r for r in rows[i + 1 :] if not r.total and r.parent is None]
            end = next((j for j in range(i + 1, len(rows)) if rows[j].total and j > first_item),
                       len(rows))
            row.parts = [r for r in rows[i + 1 : end] if not r.total and r.parent is None]
        else:
            row.parts = [
                r for r in rows[previous_total + 1 : i] if not r.total and r.parent is None
            ]
        previous_total = i


def _kind(caption: str) -> str:
    text = caption.lower()
    if "outcome" in text:
        return "outcome"
    if "jangka menengah" in text or "renstra" in text or "rpjmd" in text:
        return "jangka_menengah"
    if "renja" in text:
        return "renja"
    if "capaian program" in text or "sasaran" in text:
        return "program"
    return "output"


def analyse(raw: RawTable, number: int, fmt: str) -> Table:
    size = header_size(raw.rows)
    width = max((len(r) for r in raw.rows), default=0)
    parts = header_parts(raw.rows, size) if size else [[] for _ in range(width)]
    columns = [
        Column(i, " ".join(p), role_of(p), _year(" ".join(p))) for i, p in enumerate(parts)
    ]
    data = raw.rows[size:]
    _resolve_roles(columns, data, raw.caption)
    rows = _make_rows(raw, columns, size) if size else []
    build_tree(rows, fmt)
    table = Table(
        number=number,
        caption=raw.caption,
        location=raw.location,
        columns=columns,
        rows=rows,
        header_rows=size,
        kind=_kind(raw.caption),
        raw=raw,
    )
    return table


def analyse_tables(blocks: list[Block], fmt: str) -> tuple[list[Block], list[Table]]:
    """The blocks with continued tables joined, and the analysed tables in order."""
    merged = merge_continuations(blocks)
    tables = []
    for block in merged:
        if isinstance(block, RawTable):
            tables.append(analyse(block, len(tables) + 1, fmt))
    return merged, tables


def effective(row: Row, column: int, memo: dict | None = None) -> Decimal | None:
    """The row's printed money in ``column``, or the sum of its children's (recursively)."""
    printed = row.values.get(column)
    if printed is not None:
        return printed.value
    parts = row.children or row.parts
    found = [effective(c, column) for c in parts]
    found = [v for v in found if v is not None]
    if not found:
        return None
    return sum(found, Decimal(0))
