"""Reading printed figures and names (table-driven), and the spreadsheet formula values."""

from decimal import Decimal

import pytest

from kinerja.reviu.values import (
    Printed,
    Range,
    approx_equal,
    name_key,
    numbering_of,
    read_number,
    read_quantity,
)
from kinerja.reviu.xlsxformula import FormulaError, Workbook, evaluate

D = Decimal


@pytest.mark.parametrize("text, value, places, mark", [
    ("1.193.209.000", "1193209000", 0, ""),
    ("1.193.209.000,-", "1193209000", 0, ""),
    ("Rp. 110.000,-", "110000", 0, ""),
    ("Rp1.193.209.000", "1193209000", 0, ""),
    ("2.802.281.000 -", "2802281000", 0, ""),
    ("2,802.281.000", "2802281000", 0, ""),  # a slip of the seed: every mark groups thousands
    ("<b>1.609.072.000</b>", "1609072000", 0, ""),
    ("**20.160.770.750,00**", "20160770750.00", 2, ""),
    ("71.51", "71.51", 2, ""),
    ("71,51%", "71.51", 2, ""),
    ("48,92", "48.92", 2, ""),
    ("100*", "100", 0, "*"),
    ("87,5", "87.5", 1, ""),
    ("0", "0", 0, ""),
    ("(1.000)", "-1000", 0, ""),
])
def test_read_number(text, value, places, mark):
    assert read_number(text) == Printed(D(value), places, mark, text.endswith("%"))


@pytest.mark.parametrize("text", [
    "", "–", "-", "Tata Usaha", "100 100 100", "1.19.3", "4 Dokumen", "12e5", "Rp", "%",
])
def test_not_a_number(text):
    assert read_number(text) is None


@pytest.mark.parametrize("text, value, unit", [
    ("5 Dokumen", "5", "Dokumen"),
    ("3,3 Skala", "3.3", "Skala"),
    ("100%", "100", "%"),
    ("1 kegiatan", "1", "kegiatan"),
    ("0 Dokumen", "0", "Dokumen"),
    ("82,81 %", "82.81", "%"),
])
def test_read_quantity(text, value, unit):
    printed, found_unit = read_quantity(text)
    assert (printed.value, found_unit) == (D(value), unit)


@pytest.mark.parametrize("a, b", [
    ("Program Tata Kelola Pemerintahan", "Tata Kelola Pemerintahan"),
    ("1 Penyusunan Laporan Kinerja", "Penyusunan Laporan Kinerja"),
    ("2. Penataan Daerah Otonom sebanyak 1 Dokumen", "Penataan Daerah Otonom"),
    ("Tata Kelola\nPemerintaha n", "Tata Kelola Pemerintahan"),  # broken in a PDF cell
    ("KEGIATAN Evaluasi Kinerja", "evaluasi kinerja"),
])
def test_the_same_name(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("text, numbering", [
    ("1 Penyusunan", "1"), ("1.1 Penyusunan", "1.1"), ("a. Rapat", "a."), ("- Rapat", "-"),
    ("2", "2"), ("Penyusunan 1 dokumen", ""),
])
def test_numbering(text, numbering):
    assert numbering_of(text) == numbering


@pytest.mark.parametrize("printed, lo, hi, equal", [
    ("48,92", "48.92", "48.92", True),
    ("48,92", "48.915", "48.915", True),  # half up
    ("48,92", "48.9249", "48.9249", True),
    ("48,92", "48.925", "48.925", False),
    ("82,81", "82.8125", "82.8125", True),
    ("100", "99.5", "99.5", True),
    ("100", "224.88", "224.88", False),
])
def test_approx_equal(printed, lo, hi, equal):
    assert approx_equal(read_number(printed), Range(D(lo), D(hi))) is equal


def test_a_figure_printed_with_decimals_is_a_rounded_one():
    assert Range.of(read_number("82,81")) == Range(D("82.805"), D("82.815"))
    assert Range.of(read_number("100")) == Range(D("99.995"), D("100.005"))


def sheet(**cells):
    from kinerja.reviu.xlsxformula import column_index

    grid = {}
    for ref, value in cells.items():
        grid[(int(ref[1:]), column_index(ref[0]))] = value
    return Workbook({"S": grid})


@pytest.mark.parametrize("formula, value", [
    ("=SUM(A1:A3)", D(6)),
    ("=IFERROR(AVERAGE(A1:A3),\"\")", D(2)),
    ('=IF(OR(N(A1)=0,B1=""),"",B1/A1*100)', D(700)),
    ('=IF(OR(N(C1)=0,B1=""),"",B1/C1*100)', ""),
    ("=A1+A2*A3^2", D(19)),
    ("=-A1+10%", D("-0.9")),
    ("=ROUND(B1/A3,2)", D("2.33")),
    ("=MIN(A1:A3)&\"x\"", "1x"),
    ("=IFERROR(1/0,5)", D(5)),
    ("='S'!A2", D(2)),
])
def test_formula_values(formula, value):
    book = sheet(A1=D(1), A2=D(2), A3=D(3), B1=D(7), C1=None)
    assert evaluate(formula, "S", book.value) == value


def test_formula_errors_and_cycles():
    book = sheet(A1="=A2", A2="=A1", A3="=1/0", B1="=FOO(1)")
    with pytest.raises(FormulaError):
        book.value("S", 1, 1)
    assert book.safe_value("S", 3, 1) is None  # #DIV/0!
    assert book.safe_value("S", 1, 2) is None  # an unknown function: unknown, not an error
