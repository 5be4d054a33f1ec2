import datetime
from decimal import Decimal as D

import pytest

from kinerja.core.numbers import (
    DASH,
    MONTHS_ID,
    fmt_compact,
    fmt_date,
    fmt_money,
    fmt_nip,
    fmt_number,
    fmt_percent,
    fmt_rupiah,
    is_nip,
    percent,
    round_half_up,
    strip_zeros,
    terbilang,
    to_decimal,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1.5"), D("1.5")),
        (7, D(7)),
        (-3, D(-3)),
        (0, D(0)),
        ("1193209000.50", D("1193209000.50")),
        ("-3", D(-3)),
        ("+4", D(4)),
        ("  12 ", D(12)),
        ("47.10", D("47.10")),
        ("0.000", D("0.000")),
    ],
)
def test_to_decimal_accepts(value, expected):
    result = to_decimal(value)
    assert isinstance(result, D)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize("value", [1.5, 0.0, True, False, None, [1], b"1"])
def test_to_decimal_type_error(value):
    with pytest.raises(TypeError):
        to_decimal(value)


@pytest.mark.parametrize(
    "value",
    ["", "abc", "1.193.209.000", "1,5", "1e5", "NaN", "Infinity", ".5", "5.", "1 000", "--1"],
)
def test_to_decimal_value_error(value):
    with pytest.raises(ValueError):
        to_decimal(value)


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_to_decimal_rejects_non_finite(value):
    with pytest.raises(ValueError):
        to_decimal(value)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("2.345"), 2, D("2.35")),
        (D("0.125"), 2, D("0.13")),
        (D("-2.345"), 2, D("-2.35")),
        (D("2.344999"), 2, D("2.34")),
        (D("2.5"), 0, D("3")),
        (D("3.5"), 0, D("4")),
        (D("-0.5"), 0, D("-1")),
        (D("-0.004"), 2, D("0.00")),
        (D("82.8125"), 2, D("82.81")),
        (D("91.40625"), 2, D("91.41")),
        (D("224.8814778486186039"), 2, D("224.88")),
        (D("71.50849"), 1, D("71.5")),
        (D("1193209000"), 2, D("1193209000.00")),
        (D("12345678901234567890123456789012.345"), 2, D("12345678901234567890123456789012.35")),
        (D(7), 3, D("7.000")),
    ],
)
def test_round_half_up(value, places, expected):
    result = round_half_up(value, places)
    assert result == expected
    assert str(result) == str(expected)


def test_round_half_up_default_places_is_two():
    assert str(round_half_up(D("1.005"))) == "1.01"


def test_round_half_up_negative_places_refused():
    with pytest.raises(ValueError):
        round_half_up(D(1), -1)


def test_round_half_up_zero_has_no_sign():
    assert not round_half_up(D("-0.001"), 2).is_signed()


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (D(7), D(5), D(140)),
        (D(853232370), D(1193209000), D("71.50736962258916920673578560000805")),
        (D("662.5"), D(800), D("82.8125")),
        (D(0), D(10), D(0)),
        (D(-5), D(10), D(-50)),
        (D(1), D(3), D("33.33333333333333333333333333333333")),
        ("50", 200, D(25)),
        (D(5), D(0), None),
        (None, D(5), None),
        (D(5), None, None),
        (None, None, None),
    ],
)
def test_percent(num, den, expected):
    assert percent(num, den) == expected


def test_percent_keeps_full_precision():
    value = percent(D(2), D(3))
    assert len(value.as_tuple().digits) == 34


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("87.50"), D("87.5")),
        (D("100.00"), D("100")),
        (D("0.000"), D("0")),
        (D("1E+3"), D("1000")),
        (D("-2.10"), D("-2.1")),
    ],
)
def test_strip_zeros(value, expected):
    result = strip_zeros(value)
    assert result == expected
    assert format(result, "f") == format(expected, "f")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D(1193209000), None, "1.193.209.000"),
        (D("1193209000.50"), None, "1.193.209.000,5"),
        (D("87.50"), None, "87,5"),
        (D("100.00"), None, "100"),
        (D("71.5085"), 2, "71,51"),
        (D(100), 2, "100,00"),
        (D("0.125"), 2, "0,13"),
        (D(0), None, "0"),
        (D(999), None, "999"),
        (D(1000), None, "1.000"),
        (D(-1000), None, "-1.000"),
        (D("-1234567.891"), 2, "-1.234.567,89"),
        (D("-0.001"), 2, "0,00"),
        (D("1E+3"), None, "1.000"),
        (D(20160770750), 0, "20.160.770.750"),
        (12, None, "12"),
        ("3.50", None, "3,5"),
        (None, None, DASH),
        (None, 2, "–"),
    ],
)
def test_fmt_number(value, places, expected):
    assert fmt_number(value, places) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("82.8125"), 2, "82,81"),
        (D("87.50"), 2, "87,5"),
        (D(140), 2, "140"),
        (D("100.004"), 2, "100"),
        (D("33.333333"), 4, "33,3333"),
        (D("0.125"), 2, "0,13"),
        (None, 2, DASH),
    ],
)
def test_fmt_compact(value, places, expected):
    assert fmt_compact(value, places) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D(1193209000), 0, "Rp1.193.209.000"),
        (D("500.50"), 2, "Rp500,50"),
        (D("500.5"), 0, "Rp501"),
        (D(-1000), 0, "-Rp1.000"),
        (D("-0.4"), 0, "Rp0"),
        (D(0), 0, "Rp0"),
        (D("853232370"), 0, "Rp853.232.370"),
        (None, 0, DASH),
    ],
)
def test_fmt_rupiah(value, places, expected):
    assert fmt_rupiah(value, places) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1193209000.00"), "Rp1.193.209.000"),
        (D("500.5"), "Rp500,50"),
        (D("0.125"), "Rp0,125"),
        (D(-250), "-Rp250"),
        (None, DASH),
    ],
)
def test_fmt_money_exact(value, expected):
    assert fmt_money(value) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("71.50849"), 2, "71,51%"),
        (D(100), 2, "100,00%"),
        (D("85.9704"), 2, "85,97%"),
        (D("48.924"), 1, "48,9%"),
        (D(-5), 0, "-5%"),
        (None, 2, DASH),
    ],
)
def test_fmt_percent(value, places, expected):
    assert fmt_percent(value, places) == expected


def test_fmt_percent_default_two_places():
    assert fmt_percent(D("98.15606")) == "98,16%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2021, 12, 31), "31 Desember 2021"),
        (datetime.date(2022, 1, 7), "7 Januari 2022"),
        (datetime.date(2020, 2, 29), "29 Februari 2020"),
        (datetime.date(2021, 8, 17), "17 Agustus 2021"),
        (datetime.datetime(2021, 5, 1, 13, 0), "1 Mei 2021"),
    ],
)
def test_fmt_date(value, expected):
    assert fmt_date(value) == expected


def test_months_id():
    assert len(MONTHS_ID) == 12
    assert MONTHS_ID[0] == "Januari"
    assert MONTHS_ID[6] == "Juli"
    assert MONTHS_ID[11] == "Desember"


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("197410041994021002", "19741004 199402 1 002"),
        ("19741004 199402 1 002", "19741004 199402 1 002"),
        ("  19741004199402 1002 ", "19741004 199402 1 002"),
        ("NIP.19741004 199402 1 002", "NIP.19741004 199402 1 002"),
        ("1974100419940210", "1974100419940210"),
        ("19741004199402100X", "19741004199402100X"),
        ("  abc ", "abc"),
        ("", ""),
    ],
)
def test_fmt_nip(nip, expected):
    assert fmt_nip(nip) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("197410041994021002", True),
        ("19741004 199402 1 002", True),
        ("19741004\t199402\u00a01 002", True),  # any blank between groups
        ("1974100419940210", False),
        ("1974100419940210021", False),
        ("19741004199402100X", False),
        ("19741004199402100²", False),  # "²".isdigit() is true
        ("١٩٧٤١٠٠٤١٩٩٤٠٢١٠٠٢", False),  # Arabic-Indic digits
        ("", False),
    ],
)
def test_is_nip(text, expected):
    assert is_nip(text) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "nol"),
        (1, "satu"),
        (7, "tujuh"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (15, "lima belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (1999, "seribu sembilan ratus sembilan puluh sembilan"),
        (2000, "dua ribu"),
        (10000, "sepuluh ribu"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (101000, "seratus satu ribu"),
        (
            999999,
            "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan",
        ),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (1000001, "satu juta satu"),
        (2950000, "dua juta sembilan ratus lima puluh ribu"),
        (12500000, "dua belas juta lima ratus ribu"),
        (1000000000, "satu miliar"),
        (
            1193209000,
            "satu miliar seratus sembilan puluh tiga juta dua ratus sembilan ribu",
        ),
        (
            2802281000,
            "dua miliar delapan ratus dua juta dua ratus delapan puluh satu ribu",
        ),
        (
            853232370,
            "delapan ratus lima puluh tiga juta dua ratus tiga puluh dua ribu"
            " tiga ratus tujuh puluh",
        ),
        (
            20160770750,
            "dua puluh miliar seratus enam puluh juta tujuh ratus tujuh puluh ribu"
            " tujuh ratus lima puluh",
        ),
        (1000000000000, "satu triliun"),
        (1001001001001, "satu triliun satu miliar satu juta seribu satu"),
        (1000000000000000, "seribu triliun"),
        (-5, "minus lima"),
        (-1001000, "minus satu juta seribu"),
        (D("1.5"), "satu koma lima"),
        (D("1.50"), "satu koma lima"),
        (D("2.00"), "dua"),
        (D("0.05"), "nol koma nol lima"),
        (D("12.25"), "dua belas koma dua lima"),
        (D("-0.5"), "minus nol koma lima"),
        (D("-0"), "nol"),
        ("1000", "seribu"),
    ],
)
def test_terbilang(value, expected):
    assert terbilang(value) == expected


def test_terbilang_never_says_satu_ribu_or_milyar():
    for n in (1000, 1001000, 1001001000, 5001000, 1_000_000_000):
        words = terbilang(n)
        assert not words.startswith("satu ribu")
        assert " juta satu ribu" not in words
        assert "milyar" not in words
    assert terbilang(21000) == "dua puluh satu ribu"


def test_terbilang_refuses_float():
    with pytest.raises(TypeError):
        terbilang(1.5)


# --- the fast paths (module-level contexts) agree with the general one -------------------


def _general_round(value: D, places: int) -> D:
    """round_half_up as it was written before the fast path: a wide local context per call."""
    from decimal import ROUND_HALF_UP, localcontext

    with localcontext(prec=max(34, value.adjusted() + places + 2)):
        result = value.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return abs(result) if result == 0 else result


@pytest.mark.parametrize(
    "value",
    [
        D("2.345"),
        D("-9.995"),
        D("-0.0049"),
        D("1" * 85 + ".5"),  # more digits than the fast context holds
        D("-" + "9" * 79 + ".995"),
        D("1E+90"),
        D("0E-30"),
    ],
)
@pytest.mark.parametrize("places", [0, 2, 4, 11, 12, 20])
def test_round_half_up_fast_path_equals_general(value, places):
    result = round_half_up(value, places)
    expected = _general_round(value, places)
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1" * 90 + ".1010"), "1" * 90 + ".101"),  # more digits than the fast context
        (D("-7" + "0" * 95), "-7" + "0" * 95),
        (D("5E+100"), "5" + "0" * 100),
        (
            D("3.14159265358979323846264338327950288419716939937510"),
            "3.1415926535897932384626433832795028841971693993751",
        ),
    ],
)
def test_strip_zeros_keeps_every_digit(value, expected):
    result = strip_zeros(value)
    assert result == value
    assert format(result, "f") == expected


@pytest.mark.parametrize("value", [D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")])
@pytest.mark.parametrize(
    "function", [round_half_up, strip_zeros, fmt_number, fmt_compact, fmt_money, fmt_rupiah]
)
def test_formatting_refuses_non_finite(function, value):
    with pytest.raises(ValueError):
        function(value)


@pytest.mark.parametrize("function", [round_half_up, strip_zeros, fmt_number, fmt_compact])
def test_formatting_refuses_floats_and_bools(function):
    for value in (1.5, True):
        with pytest.raises(TypeError):
            function(value)


def test_grouping_of_long_and_negative_numbers():
    assert fmt_number(D("-1234567890123.456"), 2) == "-1.234.567.890.123,46"
    assert fmt_number(D("123456"), None) == "123.456"
    assert fmt_compact(D("-0.00001"), 4) == "0"
    assert fmt_money(D("-1234567.5")) == "-Rp1.234.567,50"
