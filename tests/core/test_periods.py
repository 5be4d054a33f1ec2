import pytest

from kinerja.core.periods import Period, quarter_of, semester_of


@pytest.mark.parametrize(
    ("period", "end_month", "months", "label"),
    [
        (Period.month(2021, 1), 1, (1,), "Januari 2021"),
        (Period.month(2021, 12), 12, (12,), "Desember 2021"),
        (Period.quarter(2021, 1), 3, (1, 2, 3), "Triwulan I 2021"),
        (Period.quarter(2021, 2), 6, (4, 5, 6), "Triwulan II 2021"),
        (Period.quarter(2021, 3), 9, (7, 8, 9), "Triwulan III 2021"),
        (Period.quarter(2021, 4), 12, (10, 11, 12), "Triwulan IV 2021"),
        (Period.semester(2021, 1), 6, (1, 2, 3, 4, 5, 6), "Semester I 2021"),
        (Period.semester(2021, 2), 12, (7, 8, 9, 10, 11, 12), "Semester II 2021"),
        (Period.year(2021), 12, tuple(range(1, 13)), "Tahun 2021"),
    ],
)
def test_period_properties(period, end_month, months, label):
    assert period.end_month == end_month
    assert period.months == months
    assert period.label == label
    assert period.start_month == months[0]


def test_constructors_fill_fields():
    assert Period.month(2021, 3) == Period(2021, "month", 3)
    assert Period.quarter(2021, 3) == Period(2021, "quarter", 3)
    assert Period.semester(2020, 2) == Period(2020, "semester", 2)
    year = Period.year(2021)
    assert (year.year, year.kind, year.index) == (2021, "year", 1)


@pytest.mark.parametrize(
    ("year", "kind", "index"),
    [
        (2021, "month", 0),
        (2021, "month", 13),
        (2021, "quarter", 0),
        (2021, "quarter", 5),
        (2021, "semester", 3),
        (2021, "year", 2),
        (2021, "week", 1),
        (0, "month", 1),
        (2021, "month", True),
        ("2021", "month", 1),
    ],
)
def test_invalid_period(year, kind, index):
    with pytest.raises(ValueError):
        Period(year, kind, index)


def test_order_and_hash():
    periods = [
        Period.year(2021),
        Period.month(2022, 1),
        Period.quarter(2021, 2),
        Period.month(2021, 2),
        Period.semester(2021, 1),
        Period.quarter(2021, 1),
    ]
    assert sorted(periods) == [
        Period.month(2021, 2),
        Period.quarter(2021, 1),
        Period.quarter(2021, 2),
        Period.semester(2021, 1),
        Period.year(2021),
        Period.month(2022, 1),
    ]
    assert len({Period.quarter(2021, 1), Period(2021, "quarter", 1)}) == 1


def test_frozen():
    with pytest.raises(AttributeError):
        Period.month(2021, 1).index = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("month", "quarter", "semester"),
    [
        (1, 1, 1),
        (3, 1, 1),
        (4, 2, 1),
        (6, 2, 1),
        (7, 3, 2),
        (9, 3, 2),
        (10, 4, 2),
        (12, 4, 2),
    ],
)
def test_quarter_and_semester_of(month, quarter, semester):
    assert quarter_of(month) == quarter
    assert semester_of(month) == semester
    assert Period.quarter(2021, quarter).contains(month)
    assert Period.semester(2021, semester).contains(month)


@pytest.mark.parametrize("month", [0, 13, -1, True])
def test_quarter_of_invalid(month):
    with pytest.raises(ValueError):
        quarter_of(month)
    with pytest.raises(ValueError):
        semester_of(month)


def test_contains():
    assert not Period.quarter(2021, 2).contains(3)
    assert Period.year(2021).contains(12)
    assert not Period.month(2021, 5).contains(6)
