"""Reading single cells the Indonesian way (pure, no database)."""

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.exchange.cells import (
    Cell,
    CellProblem,
    read_bool,
    read_choice,
    read_code,
    read_labels,
    read_money,
    read_month,
    read_percent,
    read_quantity,
    read_text,
)
from kinerja.exchange.schemas import LEVELS


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (Cell("1.193.209.000,00"), Decimal("1193209000.00")),
        (Cell("1.193.209.000,-"), Decimal("1193209000")),
        (Cell("Rp 1.193.209.000"), Decimal("1193209000")),
        (Cell("Rp1.193.209.000"), Decimal("1193209000")),
        (Cell("1193209000.00"), Decimal("1193209000.00")),  # Kinerja's CSV/JSON form
        (Cell("250,00"), Decimal("250.00")),
        (Cell("-"), None),
        (Cell(""), None),
        (Cell(None), None),
        (Cell(1193209000), Decimal("1193209000")),  # a workbook integer
        (Cell(1193209000.0, "#,##0.00"), Decimal("1193209000")),  # a workbook double
        (Cell(12112000.5), Decimal("12112000.5")),
        (Cell(0.1 + 0.2), Decimal("0.3")),  # 15 significant digits, as the sheet shows it
        (Cell(9999999999999.99), Decimal("9999999999999.99")),
        (Cell(Decimal("250.00")), Decimal("250.00")),  # JSON parsed with Decimal
    ],
)
def test_money(cell, expected):
    value = read_money(cell)
    assert value == expected
    assert value is None or isinstance(value, Decimal)


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        (Cell("1.000,505"), "desimal"),
        (Cell("-5.000"), "negatif"),
        (Cell("1.19.3"), "kelompok ribuan"),
        (Cell("satu juta"), "huruf"),
        (Cell("10%"), "%"),
        (Cell(0.5, "0.00%"), "persen"),
        (Cell(True), "benar/salah"),
        (Cell(dt.datetime(2021, 1, 1)), "tanggal"),
        (Cell(10**16), "terlalu besar"),
        (Cell(float("nan")), "terhingga"),
        (Cell(["1"]), "daftar"),
    ],
)
def test_money_refused_with_reason(cell, says):
    with pytest.raises(CellProblem) as info:
        read_money(cell)
    assert says in info.value.message
    assert info.value.expected  # every refusal says what was expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (Cell("71,51%"), Decimal("71.51")),
        (Cell("71.51"), Decimal("71.51")),
        (Cell("71,51"), Decimal("71.51")),
        (Cell("100"), Decimal("100")),
        (Cell(0.7151, "0.00%"), Decimal("71.51")),  # a percent-formatted workbook cell
        (Cell(71.51, "0.00"), Decimal("71.51")),
        (Cell(98.16), Decimal("98.16")),
        (Cell("–"), None),
    ],
)
def test_percent(cell, expected):
    assert read_percent(cell) == expected


def test_percent_with_more_than_four_decimals_is_refused_not_rounded():
    with pytest.raises(CellProblem) as info:
        read_percent(Cell(100 / 3))
    assert "4 angka desimal" in info.value.message
    assert read_percent(Cell("33,3300")) == Decimal("33.33")  # trailing zeros are fine


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (Cell("3,3"), Decimal("3.3")),
        (Cell("-2,5"), Decimal("-2.5")),  # indicator values may be negative (growth)
        (Cell(3.3), Decimal("3.3")),
        (Cell("1.500"), Decimal("1500")),  # the Indonesian reading of a dot and 3 digits
        (Cell("1.0000"), Decimal("1.0000")),
    ],
)
def test_quantity(cell, expected):
    assert read_quantity(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code", "warns"),
    [
        (Cell("4.01.01.1.01.07"), "4.01.01.1.01.07", False),
        (Cell(" 4.01.01.1.01.07 "), "4.01.01.1.01.07", False),
        (Cell("4.01.01."), "4.01.01", False),
        (Cell("X.XX.01"), "X.XX.01", False),
        (Cell(1.01), "1.01", True),  # a code the spreadsheet turned into a number
        (Cell(1.1, "0.00"), "1.10", True),  # the cell's format gives the lost zero back
        (Cell(5), "5", True),
        (Cell(""), "", False),
        (Cell(None), "", False),
    ],
)
def test_code_is_text(cell, code, warns):
    text, warning = read_code(cell)
    assert text == code
    assert bool(warning) is warns
    if warns:
        assert "Teks" in warning and code in warning


@pytest.mark.parametrize("value", ["5,2", "4.01/01", "4..01", "kode?", True])
def test_bad_codes(value):
    with pytest.raises(CellProblem):
        read_code(Cell(value))


@pytest.mark.parametrize(
    ("value", "month"),
    [("3", 3), (3, 3), (3.0, 3), ("Maret", 3), ("des", 12), ("Nopember", 11), (None, None)],
)
def test_month(value, month):
    assert read_month(Cell(value)) == month


@pytest.mark.parametrize("value", ["13", "0", "2,5", "Maretan", 1.5])
def test_bad_month(value):
    with pytest.raises(CellProblem) as info:
        read_month(Cell(value))
    assert "1 sampai 12" in info.value.expected


def test_text_guards_and_limits():
    assert read_text(Cell("  Evaluasi   Kinerja ")) == "Evaluasi Kinerja"
    assert read_text(Cell("baris satu\r\nbaris dua"), multiline=True) == "baris satu\nbaris dua"
    assert read_text(Cell("'=SUM(A1)")) == "=SUM(A1)"  # the CSV export's formula guard
    assert read_text(Cell("'biasa")) == "'biasa"
    assert read_text(Cell(12)) == "12"
    with pytest.raises(CellProblem, match="kendali"):
        read_text(Cell("a\x00b"))
    with pytest.raises(CellProblem, match="panjang"):
        read_text(Cell("x" * 401))
    with pytest.raises(CellProblem, match="tidak sah"):
        read_text(Cell("\ud800"))


def test_choices_bools_labels():
    assert read_choice(Cell("Sub Kegiatan"), LEVELS, "") == "sub_kegiatan"
    assert read_choice(Cell("sub_kegiatan"), LEVELS, "") == "sub_kegiatan"
    assert read_choice(Cell(""), LEVELS, "") is None
    with pytest.raises(CellProblem):
        read_choice(Cell("urusan"), LEVELS, "program, kegiatan")
    assert read_bool(Cell("Ya")) is True
    assert read_bool(Cell(False)) is False
    assert read_bool(Cell("0")) is False
    with pytest.raises(CellProblem):
        read_bool(Cell("mungkin"))
    assert read_labels(Cell("C | B | BB | A")) == ["C", "B", "BB", "A"]
    assert read_labels(Cell(["WTP", "WDP"])) == ["WTP", "WDP"]
    with pytest.raises(CellProblem, match="berulang"):
        read_labels(Cell("A | A"))
