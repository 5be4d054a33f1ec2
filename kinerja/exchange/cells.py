"""Reading one cell of an imported table the Indonesian way. Pure Python, no Django.

A ``Cell`` is what a reader found: the value (text from CSV and JSON; text, int, float,
bool or date from XLSX) and, for XLSX, the cell's number format. Each reader function turns
a cell into the value Kinerja stores or raises ``CellProblem`` with the message and the
expected form, in Indonesian:

- numbers typed as text go through ``kinerja.core.parse`` (``1.193.209.000,00``,
  ``1.193.209.000,-``, ``Rp 1.193.209.000``, ``71,51%``, ``71.51``; ``-`` or empty is none);
- numbers stored as numbers in a workbook are doubles: they are read with 15 significant
  digits, as the spreadsheet itself shows them (``0.1 + 0.2`` is 0,3), and a cell formatted
  as a percentage holds a fraction (``71,51%`` is stored as 0,7151) and is multiplied by 100;
- codes are text (``4.01.01.1.01.07``); a code the spreadsheet turned into a number
  (``1.01`` → 1,01) is read back as text, with the decimals of the cell's number format
  (``1.10`` formatted ``0.00``), and a warning, since ``1.10`` typed into a General cell
  has become ``1.1``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import NamedTuple

from kinerja.core.parse import (
    MONEY_EXAMPLE,
    NUMBER_EXAMPLE,
    PERCENT_EXAMPLE,
    ParseError,
    parse_money,
    parse_number,
    parse_percent,
)


class Cell(NamedTuple):
    value: object = None
    number_format: str = "General"


EMPTY_CELL = Cell()


class CellProblem(ValueError):
    """A cell that cannot be read as expected. ``severity`` is ``error`` unless said."""

    def __init__(self, message: str, expected: str = "", severity: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.severity = severity


# characters a workbook cannot hold and a database should not store (NUL, other controls)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CODE = re.compile(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*")
_DECIMALS_IN_FORMAT = re.compile(r"0\.(0+)")
_FORMULA_GUARD = ("=", "+", "@", "\t", "\r")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "ags"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des"),
        ),
        start=1,
    )
    for name in names
}

MONEY_LIMIT = Decimal("9999999999999.99")  # DecimalField(15, 2)
QUANTITY_LIMIT = Decimal("99999999999.9999")  # DecimalField(15, 4)
PERCENT_LIMIT = Decimal("99999.9999")  # DecimalField(9, 4)


def is_blank(cell: Cell) -> bool:
    value = cell.value
    return value is None or (isinstance(value, str) and not value.strip())


def from_float(value: float) -> Decimal:
    """A workbook number as the spreadsheet shows it: 15 significant digits."""
    if value != value or value in (float("inf"), float("-inf")):
        raise CellProblem("angka tidak terhingga", NUMBER_EXAMPLE)
    return Decimal(format(value, ".15g"))


def _workbook_number(cell: Cell) -> Decimal | None:
    """The Decimal of a cell a workbook stored as a number (None for text cells)."""
    value = cell.value
    if isinstance(value, bool):
        raise CellProblem("berisi nilai benar/salah (TRUE/FALSE), bukan angka", NUMBER_EXAMPLE)
    if isinstance(value, float):
        return from_float(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise CellProblem("angka tidak terhingga", NUMBER_EXAMPLE)
        return value
    return None


def _is_percent_format(cell: Cell) -> bool:
    return "%" in (cell.number_format or "")


def _check_text_value(value) -> str:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        raise CellProblem(
            "terbaca sebagai tanggal/waktu oleh lembar kerja", "angka atau teks biasa"
        )
    if isinstance(value, list | dict | tuple):
        raise CellProblem("berisi daftar atau objek, bukan satu nilai", "satu angka atau teks")
    return value


def _number(cell: Cell, kind: str, allow_negative: bool) -> Decimal | None:
    value = _check_text_value(cell.value)
    examples = {"money": MONEY_EXAMPLE, "percent": PERCENT_EXAMPLE, "number": NUMBER_EXAMPLE}
    number = _workbook_number(cell)
    try:
        if number is not None:
            if kind == "percent" and _is_percent_format(cell):
                number = number * 100
            if kind == "money" and _is_percent_format(cell):
                raise CellProblem(
                    "diformat sebagai persen, padahal kolom ini rupiah", MONEY_EXAMPLE
                )
            value = number
        if value is None:
            return None
        if not isinstance(value, str | int | Decimal):
            raise CellProblem(f"bukan angka ({type(value).__name__})", examples[kind])
        if kind == "money":
            return parse_money(value)
        if kind == "percent":
            return parse_percent(value, allow_negative=allow_negative)
        return parse_number(value, allow_negative=allow_negative)
    except ParseError as exc:
        raise CellProblem(exc.reason, exc.expected) from None


def _check_size(value: Decimal, limit: Decimal, places: int, expected: str) -> Decimal:
    if abs(value) > limit:
        raise CellProblem(f"terlalu besar (paling besar {limit})", expected)
    if value.as_tuple().exponent < -places:  # type: ignore[operator]
        reduced = value.normalize()
        if reduced.as_tuple().exponent < -places:  # type: ignore[operator]
            raise CellProblem(
                f"punya lebih dari {places} angka desimal; bulatkan dahulu", expected
            )
        value = reduced
    return value


def read_money(cell: Cell) -> Decimal | None:
    """Rupiah: never negative, at most 2 decimals, at most Rp9.999.999.999.999,99."""
    value = _number(cell, "money", False)
    return None if value is None else _check_size(value, MONEY_LIMIT, 2, MONEY_EXAMPLE)


def read_percent(cell: Cell, *, allow_negative: bool = False) -> Decimal | None:
    """A percentage (``71,51%``, ``71.51``, a workbook cell formatted as percent)."""
    value = _number(cell, "percent", allow_negative)
    return None if value is None else _check_size(value, PERCENT_LIMIT, 4, PERCENT_EXAMPLE)


def read_quantity(cell: Cell, *, allow_negative: bool = True) -> Decimal | None:
    """An indicator value (target, realisation, baseline): at most 4 decimals."""
    value = _number(cell, "number", allow_negative)
    return None if value is None else _check_size(value, QUANTITY_LIMIT, 4, NUMBER_EXAMPLE)


def read_text(cell: Cell, *, max_length: int = 400, multiline: bool = False) -> str:
    """Text, stripped; a number cell is written the way the spreadsheet shows it. A leading
    apostrophe that guarded a text starting with ``=``, ``+``, ``@`` (as Kinerja's CSV
    export writes it) is removed."""
    value = _check_text_value(cell.value)
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "ya" if value else "tidak"
    elif isinstance(value, float):
        text = format(from_float(value), "f")
    elif isinstance(value, int | Decimal):
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
    elif isinstance(value, str):
        text = value
    else:
        raise CellProblem(f"bukan teks ({type(value).__name__})", "teks")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_GUARD:
        text = text[1:]
    if not multiline:
        text = " ".join(text.split())
    if _CONTROL.search(text):
        raise CellProblem("berisi karakter kendali yang tidak dapat disimpan", "teks biasa")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CellProblem("berisi karakter yang tidak sah", "teks biasa") from None
    if len(text) > max_length:
        raise CellProblem(
            f"terlalu panjang ({len(text)} karakter)", f"paling banyak {max_length} karakter"
        )
    return text


def _format_decimals(number_format: str) -> int | None:
    match = _DECIMALS_IN_FORMAT.search(number_format or "")
    return len(match.group(1)) if match else None


def read_code(cell: Cell) -> tuple[str, str]:
    """(code, warning): the code as text and, when the spreadsheet stored it as a number, a
    warning saying how it was read. Empty code → ``("", "")``."""
    value = _check_text_value(cell.value)
    warning = ""
    if isinstance(value, bool):
        raise CellProblem("berisi nilai benar/salah, bukan kode", "kode seperti 4.01.01.1.01.07")
    if isinstance(value, float | int | Decimal):
        number = _workbook_number(cell)
        if number is None or not number.is_finite() or abs(number.adjusted()) > 30:
            raise CellProblem("bukan kode yang dikenali", "kode seperti 4.01.01.1.01.07")
        places = _format_decimals(cell.number_format)
        text = format(number, "f")
        if places is not None and places <= 10:
            fixed = number.quantize(Decimal(1).scaleb(-places))
            if fixed == number:
                text = format(fixed, "f")
        warning = (
            f"kode tersimpan sebagai angka di lembar kerja dan dibaca sebagai '{text}'; "
            "format sel kode sebagai Teks agar angka nol di belakang tidak hilang "
            "(1.10 menjadi 1.1)"
        )
        value = text
    text = "".join((value or "").split()) if isinstance(value, str) else ""
    if text.endswith("."):
        text = text.rstrip(".")
    if not text:
        return "", ""
    if not _CODE.fullmatch(text):
        raise CellProblem(
            "bukan kode yang dikenali", "angka (atau huruf) dipisah titik, mis. 4.01.01.1.01.07"
        )
    if len(text) > 40:
        raise CellProblem("terlalu panjang (lebih dari 40 karakter)", "kode paling panjang 40")
    return text, warning


def read_month(cell: Cell) -> int | None:
    """A month: 1–12, or its Indonesian name (``Maret``, ``Mar``)."""
    value = _check_text_value(cell.value)
    if is_blank(cell):
        return None
    expected = "angka 1 sampai 12 atau nama bulan, mis. 3 atau Maret"
    if isinstance(value, str):
        key = value.strip().lower().rstrip(".")
        if key in MONTHS:
            return MONTHS[key]
        try:
            number = parse_number(value.strip())
        except ParseError:
            raise CellProblem("bukan bulan yang dikenali", expected) from None
    else:
        try:
            number = _workbook_number(cell)
        except CellProblem:
            raise CellProblem("bukan bulan yang dikenali", expected) from None
    if number is None or number != number.to_integral_value() or not 1 <= number <= 12:
        raise CellProblem("bukan bulan yang dikenali", expected)
    return int(number)


def read_positive_int(cell: Cell, *, limit: int = 1000) -> int | None:
    value = _check_text_value(cell.value)
    if is_blank(cell):
        return None
    expected = f"bilangan bulat 1 sampai {limit}"
    try:
        number = _workbook_number(cell)
        if number is None:
            number = parse_number(value.strip() if isinstance(value, str) else value)
    except (ParseError, CellProblem, TypeError):
        raise CellProblem("bukan bilangan bulat", expected) from None
    if number is None or number != number.to_integral_value() or not 1 <= number <= limit:
        raise CellProblem("bukan bilangan bulat yang sah", expected)
    return int(number)


TRUE_WORDS = {"ya", "y", "benar", "true", "1", "iya", "akumulatif"}
FALSE_WORDS = {"tidak", "t", "tdk", "salah", "false", "0", "bukan"}


def read_bool(cell: Cell) -> bool | None:
    value = _check_text_value(cell.value)
    if is_blank(cell):
        return None
    if isinstance(value, bool):
        return value
    key = str(value).strip().lower()
    if isinstance(value, float | int | Decimal):
        key = format(_workbook_number(cell), "f")
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellProblem("bukan ya/tidak", "ya atau tidak")


def squash(text: str) -> str:
    """A choice as compared: lower case, letters and digits only (``Sub Kegiatan`` →
    ``subkegiatan``)."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def read_choice(cell: Cell, options: dict[str, str], shown_options: str) -> str | None:
    """One of ``options`` (squashed spelling → stored value); blank → None."""
    if is_blank(cell):
        return None
    text = read_text(cell, max_length=200)
    key = squash(text)
    if key in options:
        return options[key]
    raise CellProblem("bukan pilihan yang dikenali", shown_options)


def read_labels(cell: Cell) -> list[str]:
    """Ordered labels separated by ``|`` or ``;`` (a JSON list is taken as it is)."""
    value = cell.value
    if isinstance(value, list):
        items = [read_text(Cell(item), max_length=100) for item in value]
    elif is_blank(cell):
        return []
    else:
        text = read_text(cell, max_length=2000)
        items = [part.strip() for part in re.split(r"[|;\n]", text)]
    items = [item for item in items if item]
    if len(items) > 20:
        raise CellProblem("terlalu banyak label", "paling banyak 20 label")
    if len(set(items)) != len(items):
        raise CellProblem("ada label yang berulang", "label berjenjang yang berbeda-beda")
    return items
