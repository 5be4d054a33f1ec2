"""What the readers extract from a file: text blocks and raw tables, in document order.

Plain data, no Django. A reader turns a DOCX, XLSX, CSV, PDF or text file into a
``SourceDocument``; ``tables.analyse`` then recognises columns and rows, and ``checks``
compares the figures.

Included: the text of every cell with what the layout says about it (bold, indentation, a
mark printed after the value such as ``*``, the exact number a spreadsheet stores and the
decimals it shows), the caption found above a table, and where each block was found (page,
sheet, line) so that a finding can say where to look.

Not included: any interpretation of the text (that is ``tables`` and ``narrative``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Cell:
    """One cell as printed.

    ``number``/``places``: the value a spreadsheet stores and the decimals its format shows
    (None for text sources, whose numbers are read from ``text``). ``indent``: the left
    indentation of the text in any unit of the source (only compared within one table).
    ``mark``: a note sign printed or attached to the value (``*``). ``spanned``: a copy of
    a merged cell to its left or above (its text repeats the merged cell's).
    """

    text: str = ""
    bold: bool = False
    indent: float = 0.0
    number: Decimal | None = None
    places: int | None = None
    mark: str = ""
    spanned: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip() and self.number is None


@dataclass
class RawTable:
    """A grid of cells as found, with the caption printed above it (may be empty) and where
    it starts (``location``: "halaman 7", "lembar 'Tabel 3.1'", "baris 250")."""

    rows: list[list[Cell]]
    caption: str = ""
    location: str = ""
    line: int = 0  # the source line, page or sheet row where the table starts (for ordering)
    row_locations: list[str] = field(default_factory=list)  # where each row is, if known
    # the last row runs on past the page end (PDF: side rules but no bottom rule), so the
    # first row of the part on the next page is the rest of it
    open_end: bool = False

    def where(self, index: int) -> str:
        if 0 <= index < len(self.row_locations):
            return self.row_locations[index]
        return self.location


@dataclass
class TextBlock:
    """A paragraph (or a line of a text file) with where it was found; ``heading`` when the
    source marks it as a heading (Word heading style, markdown ``#``)."""

    text: str
    location: str = ""
    heading: bool = False


Block = TextBlock | RawTable


@dataclass
class SourceDocument:
    """Everything a reader found in one file, in document order."""

    name: str
    fmt: str  # docx | xlsx | csv | pdf | text
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader skipped, in Indonesian

    def tables(self) -> list[RawTable]:
        return [b for b in self.blocks if isinstance(b, RawTable)]

    def texts(self) -> list[TextBlock]:
        return [b for b in self.blocks if isinstance(b, TextBlock)]
