"""Reading numbers typed the Indonesian way: ``1.193.209.000``, ``98,16``, ``Rp1.000,-``.

Included:
- ``parse_number``: a number as an Indonesian user types it, as an exact ``Decimal`` with the
  typed number of decimals (``"1.000,50"`` → ``Decimal("1000.50")``); an empty cell, ``-``,
  ``–`` or ``—`` → None;
- ``parse_money``: the same for rupiah: at most 2 decimals (sen), never negative;
- ``parse_percent``: the same for percentages: an optional trailing ``%``, never negative
  unless asked; no upper limit, since raw achievements exceed 100 (``250%`` is 250);
- ``parse_id``: a record number sent by a form or an address (``"12"`` → 12), None for
  anything else (blank, ``"x"``, ``"²"``: ``str.isdigit`` accepts superscripts that ``int``
  refuses);
- ``ParseError`` (a ``ValueError``) with ``found`` (the text as typed), ``reason`` and
  ``expected`` (examples of a correct form), written in Indonesian:
  ``'1.19.3' bukan angka yang dikenali (setiap kelompok ribuan harus 3 angka); contoh yang
  benar: 1.193.209.000 atau 98,16``.

Which texts are numbers:
- around the number: blanks (also non-breaking and thin spaces); a sign ``-``, ``−``, ``–``
  (word processors turn a hyphen into an en dash) or ``+`` at the front; the prefix ``Rp``,
  ``Rp.`` or ``Rp `` (any case; the sign may stand before or after it: ``-Rp1.000``,
  ``Rp -1.000``); a trailing ``,-`` or ``.-`` after a whole amount (``1.000,-``); a trailing
  ``%`` (not together with ``Rp`` or ``,-``);
- the number itself: ASCII digits with at most these separators:

  ========================  ====================  ==========================================
  form                      example               read as
  ========================  ====================  ==========================================
  plain digits              ``1193209000``        1193209000
  Indonesian                ``1.193.209.000,50``  dots group thousands, the comma is decimal
  single comma              ``98,16``, ``1,500``  always a decimal comma (``1,500`` = 1,5)
  single dot, not 3 digits  ``98.16``, ``0.5``    a decimal point
  single dot, 3 digits      ``1.000``             a thousands separator (= 1000)
  leading mark              ``,5``, ``.5``        a decimal mark (= 0,5; not ``.500``)
  several dots              ``1.193.209``         thousands separators
  English                   ``1,193,209.50``      commas group thousands, the dot is decimal
  several commas            ``1,193,209``         thousands separators (English)
  spaces                    ``1 193 209,50``      spaces group thousands; then ``,`` or ``.``
  ========================  ====================  ==========================================

  Thousands groups are checked: the first has 1–3 digits and does not start with 0, every
  other has exactly 3. When both ``.`` and ``,`` occur, the last one is the decimal mark and
  every earlier one must be the other sign (so ``1.000,5`` and ``1,000.5`` are both 1000,5,
  while ``1.000,000.5`` is refused).

The one ambiguity is a single dot followed by exactly 3 digits and no comma: ``1.500`` is read
the Indonesian way, as 1500, never as 1,5 (write ``1,5`` for that). When the digits before such
a dot cannot be a thousands group (``1234.567``, ``0.500``) the text is refused rather than
guessed at; the same holds for ``1 000.500``. A single comma is always a decimal comma, so
``1,500`` is 1,5 even though an English writer means 1500.

Refused (``ParseError``): letters other than the ``Rp`` prefix (``1.000 juta``, ``NaN``),
scientific notation (``1e5``), a separator at the end or doubled (``5.``, ``1..000``), more
than one decimal comma (``1,2,3``), thousands groups of the wrong size (``1.19.3``,
``12.34.567``), mixed group separators (``1.000 000``), any other sign
(``(1.000)``, ``$5``, ``1_000``, non-ASCII digits), and negative values where they are not
allowed. Non-finite Decimals are refused the same way; floats and bools raise ``TypeError``.
A negative zero (``-0``) is not negative: it reads as 0.

Not included: words (``satu juta``), placeholders such as ``nihil`` or ``n/a`` (the import
layer decides what they mean), scaling a percentage to a fraction (``71,51%`` is 71.51).
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["ParseError", "parse_money", "parse_number", "parse_percent"]

SPACES = " \u00a0\u2007\u2009\u202f"
"""Blanks accepted between thousands groups: space, no-break, figure, thin, narrow no-break."""

EMPTY = frozenset({"", "-", "–", "—"})
"""Texts (after stripping blanks) that mean "no figure": parsed as None."""

NUMBER_EXAMPLE = "1.193.209.000 atau 98,16"
MONEY_EXAMPLE = "Rp1.193.209.000 atau 1.193.209.000,50"
PERCENT_EXAMPLE = "71,51% atau 98,16"

UNRECOGNISED = "bukan angka yang dikenali"
NEGATIVE = "bernilai negatif, padahal nilai negatif tidak diperbolehkan di sini"
TOO_MANY_SEN = "punya lebih dari 2 angka desimal, padahal rupiah paling banyak 2 desimal (sen)"

_SIGNS = {"-": True, "\u2212": True, "\u2013": True, "+": False}  # sign → negative
_RP = re.compile(r"[Rr][Pp]\.?")
_SCIENTIFIC = re.compile(r"[0-9][eE][-+]?[0-9]")
_ALLOWED = frozenset("0123456789.," + SPACES)
_SEPARATED = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_SPACED = re.compile(rf"([0-9{SPACES}]+)(?:([.,])([0-9]+))?")
_BLANK = re.compile(f"[{SPACES}]")
_MARK = re.compile(r"[.,]")

_EXAMPLES = {"number": NUMBER_EXAMPLE, "money": MONEY_EXAMPLE, "percent": PERCENT_EXAMPLE}


class ParseError(ValueError):
    """A text that is not a number of the expected kind.

    ``found`` is the text as typed (``str()`` of a non-text value), ``reason`` what is wrong
    with it and ``expected`` examples of a correct form, both in Indonesian. ``str()`` gives
    ``'<found>' <reason>; contoh yang benar: <expected>``.
    """

    def __init__(self, found: str, reason: str, expected: str = NUMBER_EXAMPLE) -> None:
        super().__init__(found, reason, expected)
        self.found = found
        self.reason = reason
        self.expected = expected

    def __str__(self) -> str:
        return f"'{self.found}' {self.reason}; contoh yang benar: {self.expected}"


class _Refused(Exception):
    """Raised inside the reader with the reason; turned into a ``ParseError`` at the top."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.reason = f"{UNRECOGNISED} ({detail})"


def parse_number(
    text: str | int | Decimal | None, *, allow_negative: bool = False
) -> Decimal | None:
    """The exact ``Decimal`` of a number typed the Indonesian way, or None for an empty cell.

    See the module documentation for the accepted forms. A ``Decimal`` or ``int`` is taken as
    it is (checked for being finite and for its sign). Raises ``ParseError`` for a text that
    is not a number and for a negative value unless ``allow_negative``; ``TypeError`` for
    floats, bools and other types.
    """
    return _parse(text, "number", allow_negative)


def parse_money(text: str | int | Decimal | None) -> Decimal | None:
    """A rupiah amount: ``parse_number`` with at most 2 decimals and no negative values.

    The decimals are counted as typed (``1.000,50`` is fine, ``1.000,123`` and ``1.000,000``
    are refused), or as stored for a ``Decimal`` (``Decimal("5.000")`` is refused). A ``%``
    is refused.
    """
    return _parse(text, "money", False)


def parse_percent(
    text: str | int | Decimal | None, *, allow_negative: bool = False
) -> Decimal | None:
    """A percentage: ``parse_number`` with an optional trailing ``%`` (``71,51%`` → 71.51).

    Negative values are refused unless ``allow_negative`` (for growth rates); there is no
    upper limit, since raw achievements exceed 100. ``Rp`` and ``,-`` are refused.
    """
    return _parse(text, "percent", allow_negative)


def _parse(value: str | int | Decimal | None, kind: str, allow_negative: bool) -> Decimal | None:
    expected = _EXAMPLES[kind]
    if value is None:
        return None
    if isinstance(value, str):
        found = value
        try:
            result = _read_text(value, kind)
        except _Refused as refusal:
            raise ParseError(found, refusal.reason, expected) from None
        if result is None:
            return None
    elif isinstance(value, (bool, float)):
        raise TypeError(f"{type(value).__name__} tidak diterima; gunakan teks, int atau Decimal")
    elif isinstance(value, int):
        found, result = str(value), Decimal(value)
    elif isinstance(value, Decimal):
        found, result = str(value), value
        if not value.is_finite():
            raise ParseError(found, "bukan angka terhingga", expected)
    else:
        raise TypeError(f"tipe tidak didukung sebagai angka: {type(value).__name__}")
    if result.is_signed():
        if not result:
            result = result.copy_abs()  # -0 is 0
        elif not allow_negative:
            raise ParseError(found, NEGATIVE, expected)
    if kind == "money" and result.as_tuple().exponent < -2:
        raise ParseError(found, TOO_MANY_SEN, expected)
    return result


def _take_sign(text: str) -> tuple[str, bool, bool]:
    """(rest, negative, a sign was there) for a text that may start with a sign."""
    if text and text[0] in _SIGNS:
        return text[1:].lstrip(SPACES), _SIGNS[text[0]], True
    return text, False, False


def _read_text(text: str, kind: str) -> Decimal | None:
    rest = text.strip()
    if rest in EMPTY:
        return None
    rest, negative, signed = _take_sign(rest)
    rupiah = _RP.match(rest)
    if rupiah:
        rest = rest[rupiah.end() :].lstrip(SPACES)
        if not signed:
            rest, negative, signed = _take_sign(rest)
    percent = rest.endswith("%")
    if percent:
        rest = rest[:-1].rstrip(SPACES)
    dash = rest.endswith((",-", ".-"))
    if dash:
        rest = rest[:-2]
    if kind == "money" and percent:
        raise _Refused("rupiah tidak memakai %")
    if kind == "percent" and (rupiah or dash):
        raise _Refused("persentase tidak memakai Rp atau ',-'")
    if rupiah and percent:
        raise _Refused("Rp dan % tidak boleh bersamaan")
    if dash and percent:
        raise _Refused("',-' dan % tidak boleh bersamaan")
    whole, fraction = _read_body(rest)
    if dash and fraction is not None:
        raise _Refused("',-' hanya dipakai setelah jumlah bulat, mis. 1.000,-")
    digits = whole if fraction is None else f"{whole}.{fraction}"
    return Decimal(f"-{digits}" if negative else digits)  # exact: no context applies


def _read_body(body: str) -> tuple[str, str | None]:
    """(whole digits, fraction digits or None) of the number without sign, Rp, ,- or %."""
    if not body:
        raise _Refused("tidak ada angkanya")
    if any(char.isalpha() for char in body):
        if _SCIENTIFIC.search(body):
            raise _Refused("notasi ilmiah seperti 1e5 tidak diterima")
        raise _Refused("mengandung huruf")
    odd = next((char for char in body if char not in _ALLOWED), None)
    if odd is not None:
        raise _Refused(f"mengandung tanda {odd!r}")
    if _BLANK.search(body):
        return _read_spaced(body)
    return _read_separated(body)


def _group_problem(groups: list[str]) -> str | None:
    """What is wrong with these thousands groups, or None when they are right."""
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3 or any(len(group) != 3 for group in rest):
        return "setiap kelompok ribuan harus 3 angka"
    if first[0] == "0":
        return "kelompok ribuan pertama tidak boleh diawali 0"
    return None


def _ambiguous_dot(body: str) -> str:
    return (
        "titik yang diikuti tepat 3 angka dibaca sebagai pemisah ribuan; "
        f"untuk angka desimal pakai koma: {body.replace('.', ',')}"
    )


def _read_spaced(body: str) -> tuple[str, str | None]:
    """Thousands grouped by blanks: ``1 193 209 000``, then optionally ``,50`` or ``.50``."""
    match = _SPACED.fullmatch(body)
    if match is None:
        raise _Refused("pemisah ribuan tercampur: pakai titik saja atau spasi saja")
    groups = _BLANK.split(match[1])
    problem = _group_problem(groups)
    if problem:
        raise _Refused(problem)
    mark, fraction = match[2], match[3]
    if mark == "." and len(fraction) == 3:
        raise _Refused(_ambiguous_dot(body))
    return "".join(groups), fraction


def _read_separated(body: str) -> tuple[str, str | None]:
    """Digits with ``.`` and ``,`` as thousands separators or decimal mark (no blanks)."""
    if body[0] in ".," and body[1:].isdigit():  # ,5 or .5: no whole part
        if body[0] == "." and len(body) == 4:
            raise _Refused(_ambiguous_dot(body))
        return "0", body[1:]
    if not _SEPARATED.fullmatch(body):
        raise _Refused("tanda pemisah di awal, di akhir, atau berurutan")
    marks = _MARK.findall(body)
    groups = _MARK.split(body)
    if not marks:
        return body, None
    if len(set(marks)) > 1:  # both signs: the last one is the decimal mark
        if marks[-1] in marks[:-1]:
            raise _Refused(
                "pemisah ribuan dan desimal tercampur; pakai titik untuk ribuan "
                "dan koma untuk desimal"
            )
        problem = _group_problem(groups[:-1])
        if problem:
            raise _Refused(problem)
        return "".join(groups[:-1]), groups[-1]
    if marks[0] == ",":
        if len(marks) == 1:
            return groups[0], groups[1]
        if _group_problem(groups):
            raise _Refused("koma desimal hanya boleh satu; pemisah ribuan memakai titik")
        return "".join(groups), None  # 1,193,209: English thousands
    if len(marks) == 1 and len(groups[1]) != 3:
        return groups[0], groups[1]  # 98.16: a decimal point
    problem = _group_problem(groups)
    if problem:
        raise _Refused(_ambiguous_dot(body) if len(marks) == 1 else problem)
    return "".join(groups), None


def parse_id(value: object) -> int | None:
    """A record number as a form or an address sends it: ASCII digits, blanks around allowed;
    anything else (blank, letters, signs, superscript or non-Latin digits) is None, so that
    a tampered or stale field finds nothing instead of failing."""
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if text.isascii() and text.isdigit() else None
