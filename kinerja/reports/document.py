"""A report as plain data.

Builders fill these frozen dataclasses from the selectors and the computation core; the
renderers (``render_docx``, ``render_pdf``, ``render_xlsx``) turn them into files. Nothing here
imports Django, and no renderer computes a figure: every value is in the document already,
with its display kind. A cell that a spreadsheet should hold as a live formula (so that an
auditor can check it in Excel) says which formula, in terms of the table's own columns and
rows; its ``value`` is the figure Kinerja computed, which the formula must reproduce.

Display conventions (``kind``):
- ``money``: rupiah without "Rp" inside tables whose header says "(Rp)": ``1.193.209.000``;
- ``percent``: two decimals with a comma, ``71,51`` (the column header carries "%");
- ``number``: at most two decimals, trailing zeros stripped (``82,81``, ``87,5``, ``100``);
  ``integer``: grouped digits;
- ``text``: as is.
Rounding is for display only, half up, through ``kinerja.core.numbers``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal["text", "money", "percent", "number", "integer"]

# Paper for the landscape pages (wide tables), short × long side in cm. Portrait pages are
# always A4. F4 is the Indonesian folio (21,5 × 33 cm).
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (21.0, 29.7),
    "F4": (21.5, 33.0),
    "A3": (29.7, 42.0),
}


# --- formulas a spreadsheet keeps live -------------------------------------------------


@dataclass(frozen=True)
class Ratio:
    """This cell = numerator ÷ denominator × 100, both columns of the same row; empty when
    the denominator is 0 or empty."""

    numerator: str
    denominator: str


@dataclass(frozen=True)
class SumOf:
    """This cell = the sum of the same column over the given rows (indices into
    ``Table.rows``)."""

    rows: tuple[int, ...]


@dataclass(frozen=True)
class MeanOf:
    """This cell = the mean of the same column over the given rows; empty cells among them
    are left out (as the core leaves out undefined achievements)."""

    rows: tuple[int, ...]


@dataclass(frozen=True)
class Difference:
    """This cell = column ``a`` − column ``b`` of the same row (efficiency)."""

    a: str
    b: str


Formula = Ratio | SumOf | MeanOf | Difference


# --- tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: Decimal | str | None = None
    kind: Kind = "text"
    formula: Formula | None = None
    note: str = ""  # a short mark printed after the value, e.g. "*" for a capped figure
    bold: bool = False


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = "text"
    width: int = 10  # relative width, roughly in characters
    group: str = ""  # columns sharing a group get a merged header cell above their own


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]  # one per column, in column order
    level: int = 0  # indentation of the text columns (0 = program, 1 = kegiatan, …)
    style: Literal["normal", "group", "total"] = "normal"


@dataclass(frozen=True)
class Table:
    key: str  # "3.1"
    title: str  # "Tabel 3.1 Rencana dan Realisasi Input Tolok Ukur"
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    numbered_header: bool = True  # a row "1 2 3 …" under the header, as government forms do
    landscape: bool = False  # wide: builders give it a landscape section, XLSX prints landscape
    notes: tuple[str, ...] = ()
    sheet_name: str = ""  # XLSX sheet name (≤ 31 characters); default from key

    def label_index(self) -> int | None:
        """The column ``Row.level`` indents (the names of programs, kegiatan, …): the text
        column keyed ``name`` when there is one, else the widest text column (the first of
        equals). Every renderer indents this column and no other."""
        text = [i for i, c in enumerate(self.columns) if c.kind == "text"]
        named = [i for i in text if self.columns[i].key == "name"]
        if named:
            return named[0]
        return max(text, key=lambda i: self.columns[i].width) if text else None

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def value(self, row: int, key: str):
        return self.rows[row].cells[self.column_index(key)].value


# --- other blocks ----------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = BAB, 2 = A./1., 3 = a.


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "bullet", "numbered", "small", "center", "bold", "right"] = "body"


@dataclass(frozen=True)
class ChartSeries:
    label: str
    values: tuple[Decimal | None, ...]
    style: Literal["plan", "actual", "bar"] = "actual"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    kind: Literal["scurve", "bars"]
    categories: tuple[str, ...]  # x axis: months, or kegiatan names
    series: tuple[ChartSeries, ...]
    y_label: str = "%"
    bar_labels: tuple[str, ...] = ()  # bars: the predicate of each bar (colours it)


@dataclass(frozen=True)
class Signature:
    place_date: str  # "Serang, 7 Januari 2021" (may be empty on the left of a pair)
    title_lines: tuple[str, ...]  # "KEPALA BIRO PEMERINTAHAN", "SEKRETARIAT DAERAH …"
    name: str
    rank: str = ""  # "Pembina Utama Muda"
    nip: str = ""  # already formatted: "19741004 199402 1 002"
    caption: str = ""  # printed once above the title lines, e.g. "PIHAK PERTAMA"


@dataclass(frozen=True)
class SignaturePair:
    left: Signature
    right: Signature


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class TableOfContents:
    title: str = "DAFTAR ISI"


@dataclass(frozen=True)
class ListOfTables:
    title: str = "DAFTAR TABEL"


Block = (
    Heading
    | Paragraph
    | Table
    | Chart
    | Signature
    | SignaturePair
    | PageBreak
    | TableOfContents
    | ListOfTables
)


@dataclass(frozen=True)
class Section:
    """A run of blocks on pages of one orientation. ``numbering``: page numbers in roman
    (front matter), arabic, or none (cover)."""

    blocks: tuple[Block, ...]
    landscape: bool = False
    numbering: Literal["roman", "arabic", "none"] = "arabic"


@dataclass(frozen=True)
class Cover:
    lines: tuple[str, ...]  # title lines, upper case as printed
    unit: str
    government: str
    year: int
    place_year: str = ""  # "SERANG, 2021"


@dataclass(frozen=True)
class Document:
    kind: str  # evaluasi | lkjip | pk | realisasi | renja
    title: str
    unit_name: str
    government_name: str
    year: int
    sections: tuple[Section, ...]
    cover: Cover | None = None
    filename_stem: str = "laporan"
    generated_at: datetime.datetime | None = None  # when the data was read
    meta: dict = field(default_factory=dict)
    wide_paper: str = "A4"  # paper of the landscape pages: a key of PAPERS

    def __post_init__(self):
        if self.wide_paper not in PAPERS:
            raise ValueError(
                f"ukuran kertas {self.wide_paper!r} tidak dikenal; pilih: {', '.join(PAPERS)}"
            )

    def created(self) -> datetime.datetime:
        """The date written into the files: ``generated_at`` as naive UTC without
        microseconds, or 1 January of the year; the same document gives the same bytes."""
        value = self.generated_at
        if value is None:
            return datetime.datetime(self.year, 1, 1)
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return value.replace(microsecond=0)

    def blocks(self) -> Iterator[Block]:
        for section in self.sections:
            yield from section.blocks

    def tables(self) -> list[Table]:
        return [b for b in self.blocks() if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        return [b for b in self.blocks() if isinstance(b, Chart)]

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks() if isinstance(b, Heading)]


def display(cell: Cell) -> str:
    """The text every format prints for a cell (the one display rule for all renderers)."""
    from kinerja.core.numbers import fmt_compact, fmt_number

    value = cell.value
    if value is None or value == "":
        text = "–" if cell.kind != "text" else ""
    elif isinstance(value, str):
        text = value
    elif cell.kind == "money" or cell.kind == "integer":
        text = fmt_number(value, 0) if value == value.to_integral_value() else fmt_number(value)
    elif cell.kind == "percent":
        text = fmt_number(value, 2)
    else:
        text = fmt_compact(value, 2)
    return f"{text}{cell.note}" if cell.note else text


def formula_mismatches(table: Table, places: int = 2) -> list[str]:
    """Check that every formula cell reproduces its stored value (both rounded half up to
    ``places``), reading the referenced cells' stored values. Returns one line per mismatch
    (empty when the table is consistent). Builders' tests run this over every table, so the
    live formulas a spreadsheet gets always agree with Kinerja's figures."""
    from kinerja.core.numbers import decimal_context, round_half_up

    def number(row: int, key: str):
        value = table.rows[row].cells[table.column_index(key)].value
        return value if isinstance(value, Decimal) else None

    problems = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            f = cell.formula
            if f is None:
                continue
            key = table.columns[c].key
            with decimal_context():
                if isinstance(f, Ratio):
                    num, den = number(r, f.numerator), number(r, f.denominator)
                    expected = None if not den or num is None else num / den * 100
                elif isinstance(f, SumOf):
                    parts = [number(i, key) for i in f.rows]
                    expected = sum((p for p in parts if p is not None), Decimal(0))
                    if all(p is None for p in parts):
                        expected = None
                elif isinstance(f, MeanOf):
                    parts = [p for p in (number(i, key) for i in f.rows) if p is not None]
                    expected = sum(parts, Decimal(0)) / len(parts) if parts else None
                else:
                    a, b = number(r, f.a), number(r, f.b)
                    expected = None if a is None or b is None else a - b
            stored = cell.value if isinstance(cell.value, Decimal) else None
            same = (expected is None and stored is None) or (
                expected is not None
                and stored is not None
                and round_half_up(expected, places) == round_half_up(stored, places)
            )
            if not same:
                problems.append(
                    f"{table.key} baris {r + 1} kolom {key}: tersimpan {stored}, rumus {expected}"
                )
    return problems
