"""Numbers typed the Indonesian way, read exactly; everything else refused with a message."""

import pickle
from decimal import Decimal as D

import pytest

from kinerja.core.numbers import (
    fmt_compact,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_rupiah,
    round_half_up,
)
from kinerja.core.parse import (
    MONEY_EXAMPLE,
    NUMBER_EXAMPLE,
    PERCENT_EXAMPLE,
    ParseError,
    parse_id,
    parse_money,
    parse_number,
    parse_percent,
)

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ModuleNotFoundError:  # the property tests below are skipped
    st = None


def same(result, expected):
    """Equal value, sign and typed number of decimals (``1000.00`` is not ``1000``)."""
    return isinstance(result, D) and result.as_tuple() == expected.as_tuple()


# --------------------------------------------------------------------------- accepted


ACCEPTED = [
    # the forms of the brief
    ("1.193.209.000", D("1193209000")),
    ("1.193.209.000,-", D("1193209000")),
    ("1.193.209.000,00", D("1193209000.00")),
    ("Rp1.193.209.000", D("1193209000")),
    ("Rp 1.193.209.000", D("1193209000")),
    ("Rp. 1.193.209.000,-", D("1193209000")),
    ("98,16", D("98.16")),
    ("98.16", D("98.16")),
    ("71,51%", D("71.51")),
    ("1,193,209,000.00", D("1193209000.00")),
    ("1193209000", D("1193209000")),
    ("  1.193.209.000  ", D("1193209000")),
    ("1 193 209 000", D("1193209000")),
    ("1\u00a0193\u00a0209\u00a0000", D("1193209000")),  # no-break space
    ("1\u2009193\u2009209\u2009000", D("1193209000")),  # thin space
    ("1\u202f193\u202f209\u202f000", D("1193209000")),  # narrow no-break space
    ("1\u2007193\u2007209", D("1193209")),  # figure space
    ("1 193\u00a0209\u2009000", D("1193209000")),  # mixed blanks
    # the Rp prefix and the ,- suffix
    ("Rp1.193.209.000,00", D("1193209000.00")),
    ("Rp1.000,50", D("1000.50")),
    ("rp1.000", D("1000")),
    ("RP 1.000", D("1000")),
    ("Rp.1.000", D("1000")),
    ("Rp.  1.000", D("1000")),
    ("Rp\u00a01.000", D("1000")),
    ("Rp 1 193 209 000", D("1193209000")),
    ("1.193.209.000.-", D("1193209000")),
    ("5,-", D("5")),
    ("Rp5,-", D("5")),
    ("Rp1193209000", D("1193209000")),
    # a single dot: decimal point unless exactly 3 digits follow
    ("1.000", D("1000")),
    ("999.999", D("999999")),
    ("1.5", D("1.5")),
    ("12.5", D("12.5")),
    ("123.45", D("123.45")),
    ("0.5", D("0.5")),
    ("0.50", D("0.50")),
    ("1.2345", D("1.2345")),
    ("1193209000.50", D("1193209000.50")),
    ("1234.5678", D("1234.5678")),
    # several dots: thousands
    ("1.000.000", D("1000000")),
    ("12.345.678", D("12345678")),
    # a comma: always decimal when it is the only one
    ("0,5", D("0.5")),
    ("1,500", D("1.500")),
    ("1234,567", D("1234.567")),
    ("0,001", D("0.001")),
    ("1.000,5", D("1000.5")),
    ("1.000,123", D("1000.123")),
    ("1.193.209.000,123456", D("1193209000.123456")),
    # English grouping: only where no Indonesian reading exists
    ("1,193,209,000", D("1193209000")),
    ("1,000,000", D("1000000")),
    ("1,000.5", D("1000.5")),
    ("12,345.678", D("12345.678")),
    ("1,193,209.50", D("1193209.50")),
    # blanks grouping, then a decimal comma or a decimal point of not 3 digits
    ("1 193 209 000,50", D("1193209000.50")),
    ("1 000.5", D("1000.5")),
    ("1 000,500", D("1000.500")),
    # a leading decimal mark
    (",5", D("0.5")),
    (".5", D("0.5")),
    (",05", D("0.05")),
    (".1234", D("0.1234")),
    # percent
    ("71,51 %", D("71.51")),
    ("250%", D("250")),
    ("0%", D("0")),
    # signs, zeros and blanks
    ("+5", D("5")),
    ("+ 5", D("5")),
    ("-0", D("0")),
    ("-0,00", D("0.00")),
    ("−0", D("0")),
    ("0", D("0")),
    ("0,00", D("0.00")),
    ("007", D("7")),
    ("\t42\n", D("42")),
    ("\u00a042\u00a0", D("42")),
    # values that are not text
    (D("3.5"), D("3.5")),
    (D("1000.00"), D("1000.00")),
    (D("1E+3"), D("1E+3")),
    (D("-0"), D("0")),
    (7, D("7")),
    (0, D("0")),
    (10**30, D(10**30)),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted(text, expected):
    result = parse_number(text)
    assert same(result, expected), result


@pytest.mark.parametrize("text", [None, "", "   ", "\u00a0", "-", "–", "—", " - ", "\t–\n"])
def test_empty_is_none(text):
    assert parse_number(text) is None
    assert parse_money(text) is None
    assert parse_percent(text) is None


NEGATIVE_ACCEPTED = [
    ("-5", D("-5")),
    ("−5", D("-5")),  # minus sign
    ("–5", D("-5")),  # en dash
    ("- 5", D("-5")),
    ("-1.193.209.000,50", D("-1193209000.50")),
    ("-Rp1.000", D("-1000")),
    ("-Rp1.000,50", D("-1000.50")),
    ("Rp-1.000", D("-1000")),
    ("Rp -1.000", D("-1000")),
    ("-1.000,-", D("-1000")),
    ("-71,51%", D("-71.51")),
    ("-0,5", D("-0.5")),
    ("-,5", D("-0.5")),
    ("-1,193,209.50", D("-1193209.50")),
    ("-1 000", D("-1000")),
    (-3, D("-3")),
    (D("-2.50"), D("-2.50")),
]


@pytest.mark.parametrize(("text", "expected"), NEGATIVE_ACCEPTED)
def test_negative_when_allowed(text, expected):
    assert same(parse_number(text, allow_negative=True), expected)


@pytest.mark.parametrize(("text", "expected"), NEGATIVE_ACCEPTED)
def test_negative_refused_by_default(text, expected):
    with pytest.raises(ParseError) as caught:
        parse_number(text)
    error = caught.value
    assert "nilai negatif tidak diperbolehkan" in str(error)
    assert error.found == str(text)
    assert str(error).startswith(f"'{text}' ")
    assert NUMBER_EXAMPLE in str(error)


# --------------------------------------------------------------------------- refused

GROUPS = "setiap kelompok ribuan harus 3 angka"
LEADING_ZERO = "kelompok ribuan pertama tidak boleh diawali 0"
LETTERS = "mengandung huruf"
SCIENTIFIC = "notasi ilmiah"
COMMAS = "koma desimal hanya boleh satu"
MIXED = "pemisah ribuan dan desimal tercampur"
MIXED_BLANKS = "pemisah ribuan tercampur"
PLACEMENT = "tanda pemisah di awal, di akhir, atau berurutan"
NO_DIGITS = "tidak ada angkanya"

REFUSED = [
    # letters
    ("lima juta", LETTERS),
    ("12abc", LETTERS),
    ("1.000 juta", LETTERS),
    ("IDR 1.000", LETTERS),
    ("Rp1.000 rupiah", LETTERS),
    ("1.000Rp", LETTERS),
    ("NaN", LETTERS),
    ("Infinity", LETTERS),
    ("nihil", LETTERS),
    ("O", LETTERS),
    # scientific notation
    ("1e5", SCIENTIFIC),
    ("1E5", SCIENTIFIC),
    ("1,5e3", SCIENTIFIC),
    ("1.5E-3", SCIENTIFIC),
    ("2e+10", SCIENTIFIC),
    # more than one decimal comma
    ("1,2,3", COMMAS),
    ("1,000,5", COMMAS),
    ("1,00,000", COMMAS),
    ("0,000,001", COMMAS),
    # thousands groups of the wrong size
    ("1.19.3", GROUPS),
    ("12.34.567", GROUPS),
    ("1.000.5", GROUPS),
    ("1.000.000.00", GROUPS),
    ("1234.567.890", GROUPS),
    ("1.5,3", GROUPS),
    ("1.1234,5", GROUPS),
    ("1,23.5", GROUPS),
    ("12 34", GROUPS),
    ("1  000", GROUPS),
    ("1234 567", GROUPS),
    ("01.000.000", LEADING_ZERO),
    ("0.000.000", LEADING_ZERO),
    ("0 500", LEADING_ZERO),
    ("0,000.5", LEADING_ZERO),
    # a dot followed by 3 digits that cannot be a thousands separator
    ("1234.567", "untuk angka desimal pakai koma: 1234,567"),
    ("0.500", "untuk angka desimal pakai koma: 0,500"),
    ("01.000", "untuk angka desimal pakai koma: 01,000"),
    (".500", "untuk angka desimal pakai koma: ,500"),
    ("1 000.500", "untuk angka desimal pakai koma: 1 000,500"),
    # mixed separators
    ("1.000,000.5", MIXED),
    ("1,000.000,5", MIXED),
    ("1.000.000,000.5", MIXED),
    ("1.000 000", MIXED_BLANKS),
    ("1 000.000,5", MIXED_BLANKS),
    ("1,000 000", MIXED_BLANKS),
    # separators in the wrong place
    ("5.", PLACEMENT),
    ("5,", PLACEMENT),
    ("1..000", PLACEMENT),
    ("1,,5", PLACEMENT),
    (".", PLACEMENT),
    (",", PLACEMENT),
    ("1.,5", PLACEMENT),
    (",,5", PLACEMENT),
    ("1.000,", PLACEMENT),
    # other signs
    ("(1.000)", "mengandung tanda '('"),
    ("$5", "mengandung tanda '$'"),
    ("1_000", "mengandung tanda '_'"),
    ("1'000", "mengandung tanda"),
    ("1/2", "mengandung tanda '/'"),
    ("5-", "mengandung tanda '-'"),
    ("--5", "mengandung tanda '-'"),
    ("+-5", "mengandung tanda '-'"),
    ("-Rp-5", "mengandung tanda '-'"),
    ("5%%", "mengandung tanda '%'"),
    ("%5", "mengandung tanda '%'"),
    ("1\t000", "mengandung tanda '\\t'"),
    ("\uff15", "mengandung tanda"),  # full-width 5
    ("\u0665", "mengandung tanda"),  # Arabic-Indic 5
    ("1\u200b000", "mengandung tanda"),  # zero-width space
    # nothing left
    ("Rp", NO_DIGITS),
    ("Rp.", NO_DIGITS),
    ("%", NO_DIGITS),
    ("Rp,-", NO_DIGITS),
    ("-%", NO_DIGITS),
    # marks that do not go together
    ("Rp1.000%", "Rp dan % tidak boleh bersamaan"),
    ("1.000,-%", "',-' dan % tidak boleh bersamaan"),
    ("1.000,50,-", "',-' hanya dipakai setelah jumlah bulat"),
    ("1,5.-", "',-' hanya dipakai setelah jumlah bulat"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
@pytest.mark.parametrize("allow_negative", [False, True])
def test_refused_with_the_found_text_and_an_example(text, reason, allow_negative):
    with pytest.raises(ParseError) as caught:
        parse_number(text, allow_negative=allow_negative)
    error = caught.value
    message = str(error)
    assert error.found == text
    assert error.expected == NUMBER_EXAMPLE
    assert message.startswith(f"'{text}' bukan angka yang dikenali (")
    assert message.endswith("; contoh yang benar: 1.193.209.000 atau 98,16")
    assert reason in error.reason
    assert reason in message


def test_message_of_the_brief():
    with pytest.raises(ParseError) as caught:
        parse_number("1.19.3")
    assert str(caught.value) == (
        "'1.19.3' bukan angka yang dikenali (setiap kelompok ribuan harus 3 angka); "
        "contoh yang benar: 1.193.209.000 atau 98,16"
    )


def test_found_is_the_text_as_typed():
    with pytest.raises(ParseError) as caught:
        parse_number("  1.19.3\u00a0")
    assert caught.value.found == "  1.19.3\u00a0"


@pytest.mark.parametrize("value", [D("NaN"), D("-NaN"), D("sNaN"), D("Infinity"), D("-Infinity")])
def test_non_finite_decimal_refused(value):
    with pytest.raises(ParseError, match="bukan angka terhingga") as caught:
        parse_number(value, allow_negative=True)
    assert caught.value.found == str(value)


@pytest.mark.parametrize("value", [1.5, 0.0, True, False, b"1", [1], object()])
@pytest.mark.parametrize("parser", [parse_number, parse_money, parse_percent])
def test_other_types_are_a_type_error(value, parser):
    with pytest.raises(TypeError):
        parser(value)


def test_parse_error_is_a_value_error_that_pickles():
    error = ParseError("1.19.3", "bukan angka yang dikenali", "98,16")
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.found, copy.reason, copy.expected) == (
        "1.19.3",
        "bukan angka yang dikenali",
        "98,16",
    )
    assert str(copy) == str(error) == "'1.19.3' bukan angka yang dikenali; contoh yang benar: 98,16"
    assert ParseError("x", "y").expected == NUMBER_EXAMPLE


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp1.193.209.000", D("1193209000")),
        ("Rp. 1.193.209.000,-", D("1193209000")),
        ("1.193.209.000,50", D("1193209000.50")),
        ("1.193.209.000,5", D("1193209000.5")),
        ("Rp1.193.209,-", D("1193209")),
        ("1,193,209.50", D("1193209.50")),
        ("0", D("0")),
        ("-0", D("0")),
        ("0,01", D("0.01")),
        (",5", D("0.5")),
        (5, D("5")),
        (D("5.00"), D("5.00")),
        (D("1E+3"), D("1E+3")),
    ],
)
def test_money_accepted(text, expected):
    assert same(parse_money(text), expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.000,123", "rupiah paling banyak 2 desimal (sen)"),
        ("1.000,000", "rupiah paling banyak 2 desimal (sen)"),
        ("0,001", "rupiah paling banyak 2 desimal (sen)"),
        ("1,000.125", "rupiah paling banyak 2 desimal (sen)"),
        (D("5.000"), "rupiah paling banyak 2 desimal (sen)"),
        ("-1", "nilai negatif tidak diperbolehkan"),
        ("-Rp1.000", "nilai negatif tidak diperbolehkan"),
        (-1, "nilai negatif tidak diperbolehkan"),
        ("5%", "rupiah tidak memakai %"),
        ("Rp5%", "rupiah tidak memakai %"),
        ("1.19.3", GROUPS),
        ("lima juta", LETTERS),
    ],
)
def test_money_refused(text, reason):
    with pytest.raises(ParseError) as caught:
        parse_money(text)
    message = str(caught.value)
    assert caught.value.found == str(text)
    assert caught.value.expected == MONEY_EXAMPLE
    assert message.startswith(f"'{text}' ")
    assert reason in message
    assert message.endswith("contoh yang benar: Rp1.193.209.000 atau 1.193.209.000,50")


# --------------------------------------------------------------------------- percent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("71,51%", D("71.51")),
        ("71,51", D("71.51")),
        (" 71,51 % ", D("71.51")),
        ("98.16%", D("98.16")),
        ("100", D("100")),
        ("250%", D("250")),
        ("1.000%", D("1000")),
        ("0%", D("0")),
        ("0,5%", D("0.5")),
        ("-0%", D("0")),
        (D("87.5"), D("87.5")),
        (140, D("140")),
    ],
)
def test_percent_accepted(text, expected):
    assert same(parse_percent(text), expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-3%", "nilai negatif tidak diperbolehkan"),
        ("-0,01", "nilai negatif tidak diperbolehkan"),
        ("Rp5", "persentase tidak memakai Rp atau ',-'"),
        ("5,-", "persentase tidak memakai Rp atau ',-'"),
        ("%", NO_DIGITS),
        ("5%%", "mengandung tanda '%'"),
        ("71,51,5%", COMMAS),
    ],
)
def test_percent_refused(text, reason):
    with pytest.raises(ParseError) as caught:
        parse_percent(text)
    message = str(caught.value)
    assert caught.value.found == text
    assert caught.value.expected == PERCENT_EXAMPLE
    assert message.startswith(f"'{text}' ")
    assert reason in message
    assert message.endswith("contoh yang benar: 71,51% atau 98,16")


def test_percent_negative_when_allowed():
    assert parse_percent("-2,1%", allow_negative=True) == D("-2.1")


# --------------------------------------------------------------------------- round trip

ROUND_TRIP = [
    D(0),
    D(1),
    D(7),
    D(999),
    D(1000),
    D(1001),
    D(100000),
    D(999999),
    D(1000000),
    D(1193209000),
    D("1193209000.5"),
    D("1193209000.50"),
    D("1193209000.05"),
    D("0.5"),
    D("0.01"),
    D("0.001"),
    D("0.125"),
    D("1.125"),
    D("12.34"),
    D("71.51"),
    D("98.16"),
    D("100.00"),
    D("987654321.99"),
    D("123456789012345678.123456"),
    D("1E+3"),
    D("1.5E+6"),
    D("0.0000001"),
]


@pytest.mark.parametrize("value", ROUND_TRIP)
@pytest.mark.parametrize("sign", [1, -1])
def test_round_trip_with_the_formatters(value, sign):
    value = value.copy_sign(D(sign))
    assert parse_number(fmt_number(value), allow_negative=True) == value
    for places in range(5):
        typed = fmt_number(value, places)
        assert parse_number(typed, allow_negative=True) == round_half_up(value, places)
    compact = round_half_up(value, 2)
    assert parse_number(fmt_compact(value), allow_negative=True) == compact
    assert parse_percent(fmt_percent(value), allow_negative=True) == compact
    assert parse_number(fmt_rupiah(value, 2), allow_negative=True) == compact
    if sign > 0:
        assert parse_number(fmt_number(value)) == value
        assert parse_money(fmt_rupiah(value)) == round_half_up(value, 0)
        if value == compact:
            assert parse_money(fmt_money(value)) == value
    elif round_half_up(value, 0):
        with pytest.raises(ParseError, match="nilai negatif tidak diperbolehkan"):
            parse_money(fmt_rupiah(value))


def test_callers_forms():
    """What the realisation grid's tests type."""
    assert parse_money("Rp1.193.209,-") == D("1193209")
    assert parse_money("2.500.000,50") == D("2500000.50")
    assert parse_percent("35.5") == D("35.5")
    assert parse_number("") is None


# --------------------------------------------------------------------------- properties

if st is not None:
    PROPERTY = settings(database=None, deadline=None, max_examples=300)
    BLANKS = ["\u00a0", "\u2009", "\u202f", " "]

    def fractions():
        return st.one_of(st.none(), st.from_regex(r"[0-9]{1,8}", fullmatch=True))

    def value_of(whole, fraction, negative=False):
        digits = str(whole) if fraction is None else f"{whole}.{fraction}"
        return D(("-" if negative else "") + digits)

    @PROPERTY
    @given(
        st.integers(min_value=-(10**20), max_value=10**20),
        st.integers(min_value=0, max_value=8),
        st.integers(min_value=0, max_value=4),
    )
    def test_property_formatting_then_parsing_gives_the_value(number, scale, places):
        value = D(f"{number}E-{scale}")
        assert parse_number(fmt_number(value), allow_negative=True) == value
        typed = fmt_number(value, places)
        assert parse_number(typed, allow_negative=True) == round_half_up(value, places)
        if value >= 0:
            assert parse_number(fmt_number(value)) == value
            assert parse_money(fmt_rupiah(value, 2)) == round_half_up(value, 2)
            assert parse_percent(fmt_percent(value, places)) == round_half_up(value, places)

    @PROPERTY
    @given(
        st.integers(min_value=0, max_value=10**18),
        fractions(),
        st.booleans(),
        st.sampled_from(["", "Rp", "Rp ", "Rp. ", "rp", "RP.", "Rp\u00a0"]),
        st.sampled_from(["", " ", "  ", "\u00a0", "\t"]),
        st.booleans(),
    )
    def test_property_indonesian_forms(whole, fraction, negative, prefix, pad, dash):
        typed = f"{whole:,}".replace(",", ".")
        if fraction is not None:
            typed += "," + fraction
        elif dash:
            typed += ",-"
        sign = "-" if negative else ""
        text = f"{pad}{sign}{prefix}{typed}{pad}"
        expected = value_of(whole, fraction, negative)
        if not expected:
            expected = expected.copy_abs()  # -0 reads as 0
        assert same(parse_number(text, allow_negative=True), expected)

    @PROPERTY
    @given(st.integers(min_value=0, max_value=10**18), fractions(), st.sampled_from(BLANKS))
    def test_property_blank_grouping(whole, fraction, blank):
        typed = f"{whole:,}".replace(",", blank)
        if fraction is not None:
            typed += "," + fraction
        assert same(parse_number(typed), value_of(whole, fraction))

    @PROPERTY
    @given(st.integers(min_value=0, max_value=10**18), fractions())
    def test_property_english_forms_where_unambiguous(whole, fraction):
        typed = f"{whole:,}"
        if fraction is not None:
            typed += "." + fraction
        result_or_error = _attempt(parse_number, typed)
        commas = typed.count(",")
        if commas >= 2 or (commas == 1 and fraction is not None):
            assert same(result_or_error, value_of(whole, fraction))
        elif commas == 1:  # a single comma is an Indonesian decimal comma
            head, tail = typed.split(",")
            assert same(result_or_error, D(f"{head}.{tail}"))

    @PROPERTY
    @given(
        st.from_regex(r"[0-9]{1,7}", fullmatch=True),
        st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    )
    def test_property_the_single_dot_rule(head, tail):
        result_or_error = _attempt(parse_number, f"{head}.{tail}")
        if len(tail) != 3:
            assert same(result_or_error, D(f"{head}.{tail}"))  # a decimal point
        elif len(head) <= 3 and head[0] != "0":
            assert same(result_or_error, D(head + tail))  # a thousands separator
        else:
            assert isinstance(result_or_error, ParseError)
            assert f"pakai koma: {head},{tail}" in str(result_or_error)

    @PROPERTY
    @given(st.integers(min_value=0, max_value=10**15), st.from_regex(r"[0-9]{3,6}", fullmatch=True))
    def test_property_money_refuses_three_or_more_decimals(whole, fraction):
        typed = f"{whole:,}".replace(",", ".") + "," + fraction
        assert parse_number(typed) == value_of(whole, fraction)
        with pytest.raises(ParseError, match="paling banyak 2 desimal"):
            parse_money(typed)

    NOISE = list("0123456789.,-+ %eERrPp()$_'/") + [
        "\u00a0",
        "\u2009",
        "\u2013",
        "\u2212",
        "\t",
        "\n",
        "\u0665",
        "\uff15",
        "\u200b",
        "a",
        "juta",
        "Rp",
        ",-",
    ]

    @PROPERTY
    @given(st.lists(st.sampled_from(NOISE), max_size=14).map("".join), st.booleans())
    def test_property_any_text_is_a_number_none_or_a_parse_error(text, allow_negative):
        result = _attempt(parse_number, text, allow_negative=allow_negative)
        if isinstance(result, ParseError):
            assert result.found == text
            assert str(result).startswith(f"'{text}' ")
            assert NUMBER_EXAMPLE in str(result)
        elif result is not None:
            assert isinstance(result, D)
            assert result.is_finite()
            assert allow_negative or result >= 0
            # what was read is written back and read again to the same value
            assert parse_number(fmt_number(result), allow_negative=True) == result

else:

    @pytest.mark.skip(reason="hypothesis is not installed")
    def test_property_tests_need_hypothesis():
        pass


def _attempt(parser, text, **options):
    """The parsed value, or the ``ParseError`` raised (any other exception propagates)."""
    try:
        return parser(text, **options)
    except ParseError as error:
        return error


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("0", 0),
        ("0012", 12),
        ("99999999999999999999", 99999999999999999999),
        ("", None),
        ("   ", None),
        (None, None),
        (12, None),  # only text, as forms and addresses send it
        ("-3", None),
        ("+3", None),
        ("1.0", None),
        ("1e3", None),
        ("x'\"<>", None),
        ("²", None),  # str.isdigit() says yes, int() refuses it
        ("١٢", None),  # Arabic-Indic digits: int() would read them, a record number is ASCII
        ("1 2", None),
    ],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected
