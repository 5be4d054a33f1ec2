"""Decimal helpers and Indonesian writing of numbers, money, percentages, dates and NIPs.

Included:
- ``to_decimal``: the one way into ``Decimal`` (Decimal, int or a plain machine string such as
  ``"1193209000.50"``); floats and bools are refused;
- ``decimal_context``: the local arithmetic context (34 significant digits) every computation
  in the core runs in, and ``ARITHMETIC``, the same settings as a context object for explicit
  calls (``ARITHMETIC.divide(a, b)``), which avoids opening a local context per operation;
- ``round_half_up``: the ONE rounding helper; it is used only for display (formatting and
  explanation strings), never to store a computed value;
- ``percent``: numerator ÷ denominator × 100 at full precision;
- formatting the Indonesian way: ``1.193.209.000``, ``71,51%``, ``Rp1.193.209.000``,
  ``31 Desember 2021``, NIP ``19741004 199402 1 002``, amounts in words (``terbilang``).

The formatting runs hundreds of thousands of times for a province's explanations, so it
takes shortcuts that give the same text: module-level contexts instead of ``localcontext``,
``format(value, ",f")`` for the thousands, no conversion of values that are already finite
Decimals. Values too long for the shortcut contexts (over 80 digits) take the general path.

Not included: reading numbers typed the Indonesian way (``"1.193.209.000,50"``); that is
``kinerja.core.parse``.
"""

from __future__ import annotations

import datetime
import re
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)

PRECISION = 34
"""Significant digits of the arithmetic context used for every division in the core."""

DASH = "–"
"""What an undefined or missing figure is shown as."""

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_HUNDRED = Decimal(100)

# Module-level contexts, passed explicitly to Decimal methods instead of opening a
# ``localcontext`` per call (that costs more than the rounding itself).
ARITHMETIC = Context(prec=PRECISION, rounding=ROUND_HALF_EVEN)
"""The arithmetic of ``decimal_context`` as a context object, for explicit calls such as
``ARITHMETIC.divide(a, b)``: 34 digits, banker's rounding."""

_WIDE = 80
# Rounding for display: enough digits for any realistic figure; a result that would need
# more signals InvalidOperation and takes the general path (same result, slower).
_HALF_UP = Context(prec=_WIDE, rounding=ROUND_HALF_UP)
# Normalising: Inexact is trapped so that a value with more than _WIDE digits, which would
# be rounded, takes the general path instead.
_EXACT = Context(
    prec=_WIDE,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)
_STEPS = tuple(Decimal((0, (1,), -places)) for places in range(12))  # 1, 0.1, 0.01, …
_SEPARATORS = str.maketrans(",.", ".,")  # 1,234.5 → 1.234,5


def decimal_context():
    """A local decimal context with ``PRECISION`` digits and banker's arithmetic rounding.

    Only the last of 34 significant digits can be affected by arithmetic; display rounding is
    done separately by ``round_half_up``.
    """
    return localcontext(prec=PRECISION, rounding=ROUND_HALF_EVEN)


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert a Decimal, an int or a plain machine string to a finite ``Decimal``.

    Accepted strings: an optional sign, digits and an optional ``.`` fraction
    (``"1193209000.50"``, ``"-3"``); surrounding blanks are ignored. The printed number of
    decimals is kept (``"47.10"`` stays ``Decimal("47.10")``).

    Raises ``TypeError`` for floats, bools and other types, ``ValueError`` for any other text
    (thousand separators, commas, exponents, NaN) and for non-finite Decimals.
    """
    if isinstance(value, bool):
        raise TypeError("bool bukan angka")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"angka tidak terhingga atau NaN: {value!r}")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if not _PLAIN_NUMBER.fullmatch(text):
            raise ValueError(f"bukan angka: {value!r}")
        return Decimal(text)
    if isinstance(value, float):
        raise TypeError("float tidak diterima; gunakan Decimal atau teks angka")
    raise TypeError(f"tipe tidak didukung sebagai angka: {type(value).__name__}")


def _finite(value: Decimal | int | str) -> Decimal:
    """``to_decimal``, with a shortcut for the usual case of a finite Decimal."""
    if type(value) is Decimal and value.is_finite():
        return value
    return to_decimal(value)


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, halves away from zero (2,345 → 2,35; -2,345 → -2,35).

    The only rounding helper of the project, meant for display. ``places`` must be ≥ 0.
    A result of zero never carries a minus sign.
    """
    if places < 0:
        raise ValueError("places harus ≥ 0")
    if type(value) is not Decimal or not value.is_finite():
        value = to_decimal(value)
    try:
        result = value.quantize(_STEPS[places], context=_HALF_UP)
    except (IndexError, InvalidOperation):
        # more decimals than tabulated, or more digits than _HALF_UP holds
        digits = max(PRECISION, value.adjusted() + places + 2)
        with localcontext(prec=digits):
            result = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if not result:
        return result.copy_abs()
    return result


def percent(
    numerator: Decimal | int | str | None, denominator: Decimal | int | str | None
) -> Decimal | None:
    """numerator ÷ denominator × 100 at full precision (not rounded).

    Returns None when either side is None or the denominator is zero.
    """
    if numerator is None or denominator is None:
        return None
    num = _finite(numerator)
    den = _finite(denominator)
    if not den:
        return None
    return ARITHMETIC.divide(ARITHMETIC.multiply(num, _HUNDRED), den)


def strip_zeros(value: Decimal) -> Decimal:
    """The same value without trailing fractional zeros (``87.50`` → ``87.5``, ``100.00`` → 100).

    Never returns exponent notation when formatted with ``"f"``.
    """
    if type(value) is not Decimal or not value.is_finite():
        value = to_decimal(value)
    try:
        result = value.normalize(_EXACT)
    except Inexact:  # more than _WIDE digits: normalise at the value's own length
        with localcontext(prec=max(PRECISION, len(value.as_tuple().digits))):
            result = value.normalize()
    if not result:
        return Decimal(0)
    return result


def _grouped(number: Decimal) -> str:
    """``number`` written with ``.`` between thousands and a decimal comma, as is."""
    if number < 0:
        return "-" + format(abs(number), ",f").translate(_SEPARATORS)
    # abs() applies the current context, exactly as the sign-less form above does
    return format(abs(number), ",f").translate(_SEPARATORS)


def fmt_number(value: Decimal | int | str | None, places: int | None = None) -> str:
    """Indonesian number: ``1.193.209.000``, decimal comma.

    ``places=None`` shows the exact value with trailing zeros stripped (``87.50`` → ``87,5``,
    ``100.00`` → ``100``); ``places=n`` rounds half up to n decimals and shows them all
    (``71,51``, ``100,00``). Negative values get a leading ``-``. None → ``–``.
    """
    if value is None:
        return DASH
    if places is None:
        return _grouped(strip_zeros(value))
    return _grouped(round_half_up(value, places))


def fmt_compact(value: Decimal | int | str | None, places: int = 2) -> str:
    """Rounded half up to at most ``places`` decimals, trailing zeros stripped.

    The style of explanation strings: 82,8125 → ``82,81``; 87,50 → ``87,5``; 140 → ``140``.
    None → ``–``.
    """
    if value is None:
        return DASH
    return _grouped(strip_zeros(round_half_up(value, places)))


def fmt_rupiah(value: Decimal | int | str | None, places: int = 0) -> str:
    """Rupiah: ``Rp1.193.209.000``, ``Rp500,50`` (places=2), ``-Rp1.000``; None → ``–``.

    No space and no period after ``Rp``; the amount is rounded half up to ``places``.
    """
    if value is None:
        return DASH
    amount = round_half_up(value, places)
    if amount < 0:
        return "-Rp" + _grouped(round_half_up(abs(amount), places))
    return "Rp" + _grouped(round_half_up(abs(amount), places))


def fmt_money(value: Decimal | int | str | None) -> str:
    """Rupiah shown exactly: no decimals for whole amounts, two decimals when there are sen."""
    if value is None:
        return DASH
    amount = _finite(value)
    if amount == amount.to_integral_value():
        return fmt_rupiah(amount, 0)
    return fmt_rupiah(amount, max(2, -strip_zeros(amount).as_tuple().exponent))


def fmt_percent(value: Decimal | int | str | None, places: int = 2) -> str:
    """Percentage: ``71,51%`` (rounded half up to ``places``); None → ``–``."""
    if value is None:
        return DASH
    return fmt_number(value, places) + "%"


def fmt_date(value: datetime.date) -> str:
    """Indonesian date: ``31 Desember 2021`` (day without leading zero)."""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def fmt_nip(nip: str) -> str:
    """NIP of a civil servant: 18 digits (spaces allowed) → ``19741004 199402 1 002``.

    Groups: birth date (8), appointment year and month (6), sex (1), serial number (3).
    Anything else is returned stripped and otherwise unchanged.
    """
    text = nip.strip()
    if not is_nip(text):
        return text
    digits = "".join(text.split())
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def is_nip(text: str) -> bool:
    """Whether ``text`` is a NIP: 18 ASCII digits, blanks anywhere ignored (``"²"`` and other
    characters ``str.isdigit`` accepts are not digits of a NIP)."""
    digits = "".join(text.split())
    return len(digits) == 18 and digits.isascii() and digits.isdigit()


_DIGIT_WORDS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def _words(n: int) -> str:
    """Words for a whole number n ≥ 0."""
    if n < 10:
        return _DIGIT_WORDS[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{_DIGIT_WORDS[n - 10]} belas"
    if n < 100:
        head, rest = f"{_DIGIT_WORDS[n // 10]} puluh", n % 10
    elif n < 1000:
        head = "seratus" if n // 100 == 1 else f"{_DIGIT_WORDS[n // 100]} ratus"
        rest = n % 100
    elif n < 10**6:
        head = "seribu" if n // 1000 == 1 else f"{_words(n // 1000)} ribu"
        rest = n % 1000
    else:
        scale, name = next((s, w) for s, w in _SCALES if n >= s)
        head, rest = f"{_words(n // scale)} {name}", n % scale
    return head if rest == 0 else f"{head} {_words(rest)}"


def terbilang(value: Decimal | int | str) -> str:
    """Indonesian words, lower case: 1001000 → ``satu juta seribu``.

    Included: *seribu* / *seratus* / *sepuluh* / *sebelas* (also inside larger numbers),
    *miliar* (never *milyar*), *triliun*; amounts of a thousand trillion and more are said as
    multiples of *triliun* (``seribu triliun``). Negative numbers start with ``minus``.
    A fraction is read digit by digit after ``koma`` with trailing zeros dropped
    (1,5 → ``satu koma lima``; 0,05 → ``nol koma nol lima``).
    Not included: the word ``rupiah`` or parentheses; the caller adds them.
    """
    number = strip_zeros(to_decimal(value))
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    words = _words(int(whole))
    if fraction:
        words += " koma " + " ".join(_DIGIT_WORDS[int(c)] for c in fraction)
    return f"minus {words}" if number < 0 else words
