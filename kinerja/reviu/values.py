"""Reading printed values and names the tolerant way a reviu needs.

Included:
- ``read_number``: a printed number (``1.193.209.000``, ``Rp. 110.000,-``, ``71.51``,
  ``48,92%``, ``2.802.281.000 -``, ``100*``) as ``Printed`` (exact Decimal, decimals as
  printed, the mark printed after it); first through ``kinerja.core.parse``, then, for a
  number the core refuses only because of its separators, with every separator read as a
  thousands separator when all groups after the first have 3 digits (``2,802.281.000``);
- ``read_quantity``: a number with a unit (``5 Dokumen``, ``3,3 Skala``, ``100%``);
- ``name_key``: the key two printed names are compared by (case, numbering, ``Program`` /
  ``Kegiatan`` prefixes, punctuation and spaces ignored);
- ``approx_equal``: whether a printed value can be the display of a computed range
  (rounded half up to the printed decimals).

Not included: deciding what a column means (``tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.numbers import round_half_up
from kinerja.core.parse import ParseError, parse_number

_TRAILING_MARK = re.compile(r"\s*(\*+|[¹²³])\s*$")
_RP = re.compile(r"^\s*[-−–]?\s*rp\.?\s*", re.IGNORECASE)
_DASH_END = re.compile(r"(?:,-|\.-|\s+-|,—|\s+–)\s*$")
_GROUPS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_QUANTITY = re.compile(
    r"^\s*(?P<num>[-+−]?\s*(?:rp\.?\s*)?\d[\d.,\s]*?)\s*(?P<unit>%|[^\W\d_][\w/().\s-]*)?\s*$",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]{0,200}>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Printed:
    """A number as printed: its exact value, the decimals printed and a mark after it."""

    value: Decimal
    places: int
    mark: str = ""
    percent: bool = False  # printed with %


def strip_markup(text: str) -> str:
    """Text without HTML tags and markdown emphasis, blanks collapsed."""
    text = _TAGS.sub(" ", text)
    text = text.replace("**", "").replace("__", "").replace("~~", "")
    return _SPACE.sub(" ", text).strip()


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def read_number(text: str) -> Printed | None:
    """The number printed in a cell, or None when the cell is not just a number."""
    if not text:
        return None
    body = strip_markup(text)
    if not body or len(body) > 40:
        return None
    mark = ""
    found = _TRAILING_MARK.search(body)
    if found:
        mark = found.group(1)
        body = body[: found.start()]
    body = body.strip()
    percent = body.endswith("%")
    if percent:
        body = body[:-1].rstrip()
    body = _DASH_END.sub("", body)
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    body = _RP.sub("", body) if _RP.match(body) else body
    if re.search(r"\d\s+\d", body):
        return None  # several figures in one cell, not one number grouped by blanks
    body = body.replace(" ", "").replace("\u00a0", "")
    if not body or not any(ch.isdigit() for ch in body):
        return None
    value = _parse(body)
    if value is None:
        return None
    if negative:
        value = -value
    return Printed(value, places_of(value), mark, percent)


def _parse(body: str) -> Decimal | None:
    try:
        value = parse_number(body, allow_negative=True)
    except ParseError:
        value = None
        if _GROUPS.match(body):  # 2,802.281.000: every separator groups thousands
            value = Decimal(re.sub(r"[.,]", "", body))
    except (TypeError, ValueError):
        return None
    return value


def read_quantity(text: str) -> tuple[Printed, str] | None:
    """A number with an optional unit (``5 Dokumen`` → 5, "Dokumen"), or None."""
    if not text:
        return None
    body = strip_markup(text)
    if len(body) > 60:
        return None
    direct = read_number(body)
    if direct is not None:
        return direct, "%" if direct.percent else ""
    match = _QUANTITY.match(body)
    if not match:
        return None
    number = read_number(match.group("num"))
    if number is None:
        return None
    return number, (match.group("unit") or "").strip()


_NUMBERING = re.compile(
    r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)]|[-•·–])(?:\s+|$)"
)
_PREFIX = re.compile(r"^(?:program|kegiatan|sub kegiatan|subkegiatan|tolok ukur|tolak ukur)\s+")
_TARGET_TAIL = re.compile(r"\s+(?:sebanyak|sejumlah|dengan target)\s+\d.*$", re.IGNORECASE)


def numbering_of(text: str) -> str:
    """The numbering printed before a name (``1``, ``1.1``, ``a.``, ``-``), or ""."""
    match = _NUMBERING.match(strip_markup(text))
    return match.group(0).strip() if match else ""


def without_numbering(text: str) -> str:
    text = strip_markup(text)
    match = _NUMBERING.match(text)
    return text[match.end() :].strip() if match else text


def name_key(text: str) -> str:
    """Compare key of a printed name: lower case, numbering, "Program"/"Kegiatan" prefixes, a
    trailing "sebanyak 5 dokumen", punctuation and every blank removed (so a name broken
    across lines inside a PDF cell, "Pemerintaha n", still matches)."""
    text = without_numbering(text).lower()
    text = _TARGET_TAIL.sub("", text)
    text = re.sub(r"[^0-9a-z ]+", " ", text)
    text = _SPACE.sub(" ", text).strip()
    text = _PREFIX.sub("", text)
    return text.replace(" ", "")


def words_key(text: str) -> str:
    """Lower-case words separated by single blanks, punctuation removed (for searching names
    inside sentences)."""
    text = strip_markup(text).lower()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Range:
    """A computed value known to lie within [lo, hi] because its inputs were printed rounded."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def of(cls, printed: Printed | Decimal, exact: bool = False) -> Range:
        if isinstance(printed, Decimal):
            return cls(printed, printed)
        if exact:
            return cls(printed.value, printed.value)
        # a figure printed without decimals is taken as exact to 2 decimals (counts, rupiah,
        # compact percentages such as 100 or 50); one printed with decimals as rounded there
        half = Decimal(5).scaleb(-(max(printed.places, 2) + 1))
        return cls(printed.value - half, printed.value + half)

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2


def approx_equal(printed: Printed | Decimal, computed: Range, places: int | None = None) -> bool:
    """Whether ``printed`` can be ``computed`` rounded half up to the printed decimals."""
    value = printed.value if isinstance(printed, Printed) else printed
    if places is None:
        places = printed.places if isinstance(printed, Printed) else places_of(printed)
    lo = round_half_up(computed.lo, places)
    hi = round_half_up(computed.hi, places)
    return lo <= value <= hi


def ratio(numerator: Range, denominator: Range) -> Range | None:
    """numerator ÷ denominator × 100 as a range (both non-negative); None when the
    denominator may be 0."""
    if denominator.lo <= 0:
        return None
    hundred = Decimal(100)
    candidates = [
        numerator.lo * hundred / denominator.hi,
        numerator.lo * hundred / denominator.lo,
        numerator.hi * hundred / denominator.hi,
        numerator.hi * hundred / denominator.lo,
    ]
    return Range(min(candidates), max(candidates))


def mean(values: list[Range]) -> Range | None:
    if not values:
        return None
    n = Decimal(len(values))
    lo = sum((v.lo for v in values), Decimal(0)) / n
    return Range(lo, sum((v.hi for v in values), Decimal(0)) / n)


def weighted(values: list[Range], weights: list[Decimal]) -> Range | None:
    total = sum(weights, Decimal(0))
    if not values or total <= 0:
        return None
    lo = sum((v.lo * w for v, w in zip(values, weights, strict=True)), Decimal(0)) / total
    hi = sum((v.hi * w for v, w in zip(values, weights, strict=True)), Decimal(0)) / total
    return Range(lo, hi)
