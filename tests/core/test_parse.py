"""Numbers typed the Indonesian way, read exactly; everything else refused with a message."""

from decimal import Decimal as D

import pytest

from kinerja.core.numbers import fmt_number
from kinerja.core.parse import ParseError, parse_money, parse_number, parse_percent


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1.193.209.000", D("1193209000")),
        ("1.193.209.000,-", D("1193209000")),
        ("1.193.209.000,00", D("1193209000.00")),
        ("Rp1.193.209.000", D("1193209000")),
        ("Rp 1.193.209.000", D("1193209000")),
        ("Rp. 1.193.209.000,-", D("1193209000")),
        ("rp1.000,50", D("1000.50")),
        ("98,16", D("98.16")),
        ("98.16", D("98.16")),
        ("71,51%", D("71.51")),
        ("1193209000", D("1193209000")),
        ("  42 ", D("42")),
        ("1 193 209 000", D("1193209000")),
        ("1\u00a0193\u00a0209", D("1193209")),
        ("1,193,209,000.00", D("1193209000.00")),
        ("1.000", D("1000")),
        ("0.5", D("0.5")),
        (",5", D("0.5")),
        ("1.2345", D("1.2345")),
        ("0", D("0")),
        ("", None),
        ("   ", None),
        ("-", None),
        ("–", None),
        (None, None),
        (D("3.5"), D("3.5")),
        (7, D("7")),
    ],
)
def test_accepted(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text,words",
    [
        ("lima juta", "bukan angka"),
        ("1.19.3", "pengelompokan"),
        ("12.34.567", "pengelompokan"),
        ("1,2,3", "lebih dari satu tanda desimal"),
        ("1e5", "bukan angka"),
        ("12abc", "bukan angka"),
        ("1.234.56,7", "pengelompokan"),
        ("1,234.5.6", "lebih dari satu tanda desimal"),
        ("Rp", "bukan angka"),
        ("-5", "negatif"),
    ],
)
def test_refused_with_the_found_text_and_an_example(text, words):
    with pytest.raises(ParseError) as exc:
        parse_number(text)
    assert words in str(exc.value)
    assert repr(text) in str(exc.value)
    assert exc.value.found == text


def test_negative_when_allowed():
    assert parse_number("-1.500,25", allow_negative=True) == D("-1500.25")


def test_money_refuses_more_than_two_decimals_and_negatives():
    assert parse_money("1.000,12") == D("1000.12")
    with pytest.raises(ParseError, match="dua angka di belakang koma"):
        parse_money("1.000,123")
    with pytest.raises(ParseError, match="negatif"):
        parse_money("-1")


def test_percent():
    assert parse_percent("98,16%") == D("98.16")
    assert parse_percent("140") == D("140")
    with pytest.raises(ParseError):
        parse_percent("-3%")


@pytest.mark.parametrize(
    "value",
    [D("0"), D("1"), D("999"), D("1000"), D("1193209000"), D("1193209000.5"),
     D("12.34"), D("0.01"), D("987654321.99"), D("100000")],
)
def test_round_trip_with_the_formatter(value):
    assert parse_number(fmt_number(value)) == value
    assert parse_number("Rp" + fmt_number(value)) == value
