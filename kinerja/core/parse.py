"""Numbers as Indonesian users type them, read exactly into ``Decimal``.

Accepted: ``1.193.209.000``, ``1.193.209.000,-``, ``1.193.209.000,00``, ``Rp1.193.209.000``,
``Rp 1.193.209.000``, ``Rp. 1.193.209.000,-``, ``98,16``, ``98.16``, ``71,51%``, plain digits,
spaces (also non-breaking or thin) between groups, and English grouping with a decimal point
(``1,193,209,000.00``) when both marks are present. Empty text, ``-`` and ``–`` mean "no value".

The one ambiguity: a number with dots and no comma. Dots are thousands separators when every
group after the first has exactly three digits (``1.000`` is one thousand, ``1.193.209`` is
1193209); a single dot followed by one, two or more than three digits is a decimal point
(``98.16``, ``0.5``). Write ``1,000`` (Indonesian decimal comma) for one point zero.
Refused with ``ParseError``: letters, groups of the wrong size (``1.19.3``), several decimal
marks, exponents, and negative numbers unless allowed.
"""

from __future__ import annotations

import re
from decimal import Decimal

EXAMPLE = "contoh yang benar: 1.193.209.000 atau 98,16"
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_PREFIX = re.compile(r"^rp\.?", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_GROUPED_EN = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


class ParseError(ValueError):
    def __init__(self, found: str, problem: str, expected: str = EXAMPLE):
        self.found = found
        self.expected = expected
        super().__init__(f"{found!r} {problem}; {expected}")


def _integer_part(text: str, raw: str, english: bool = False) -> str:
    if _PLAIN.match(text):
        return text
    grouped = _GROUPED_EN if english else _GROUPED
    if grouped.match(text):
        return text.replace("," if english else ".", "")
    raise ParseError(raw, "bukan angka yang dikenali (pengelompokan ribuan tidak tepat)")


def parse_number(text, *, allow_negative: bool = False) -> Decimal | None:
    """The number typed in ``text`` (None when empty or a dash)."""
    if text is None:
        return None
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text)
    elif isinstance(text, str):
        value = _parse_text(text)
        if value is None:
            return None
    else:
        raise ParseError(str(text), "bukan teks angka")
    if value < 0 and not allow_negative:
        raise ParseError(str(text), "bernilai negatif; nilai negatif tidak diperbolehkan di sini",
                         "isi angka 0 atau lebih")
    return value


def _parse_text(raw: str) -> Decimal | None:
    text = _SPACES.sub("", raw)
    if text in ("", "-", "–", "—"):
        return None
    negative = False
    if text[:1] in "-–":
        negative, text = True, text[1:]
    text = _PREFIX.sub("", text)
    if text.endswith("%"):
        text = text[:-1]
    if text.endswith(",-") or text.endswith(".-"):
        text = text[:-2]
    if not text or not re.match(r"^[\d.,]+$", text):
        raise ParseError(raw, "bukan angka yang dikenali")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        if text.rfind(",") > text.rfind("."):  # Indonesian: 1.193.209,50
            if commas > 1:
                raise ParseError(raw, "memuat lebih dari satu tanda desimal (koma)")
            whole, frac = text.split(",")
            whole = _integer_part(whole, raw)
        else:  # English: 1,193,209.50
            if dots > 1:
                raise ParseError(raw, "memuat lebih dari satu tanda desimal (titik)")
            whole, frac = text.split(".")
            whole = _integer_part(whole, raw, english=True)
    elif commas:
        if commas > 1:
            raise ParseError(raw, "memuat lebih dari satu tanda desimal (koma)")
        whole, frac = text.split(",")
        whole = _integer_part(whole, raw) if whole else "0"
    elif dots:
        if _GROUPED.match(text):
            whole, frac = text.replace(".", ""), ""
        elif dots == 1:
            whole, frac = text.split(".")
            whole = whole or "0"
        else:
            raise ParseError(raw, "bukan angka yang dikenali (pengelompokan ribuan tidak tepat)")
    else:
        whole, frac = text, ""
    if not _PLAIN.match(whole) or (frac and not _PLAIN.match(frac)):
        raise ParseError(raw, "bukan angka yang dikenali")
    value = Decimal(f"{whole}.{frac}" if frac else whole)
    return -value if negative else value


def parse_money(text) -> Decimal | None:
    """Rupiah: at most two decimals (sen), never negative."""
    value = parse_number(text)
    if value is not None and value.as_tuple().exponent < -2:
        raise ParseError(str(text), "memuat lebih dari dua angka di belakang koma",
                         "rupiah paling banyak dua desimal (sen), mis. 1.193.209.000,50")
    return value


def parse_percent(text) -> Decimal | None:
    """A percentage (the ``%`` sign is optional), never negative; values above 100 are
    allowed because raw achievements exceed 100."""
    return parse_number(text)
