"""Reporting periods of a fiscal year: month, quarter (triwulan), semester and year.

Included: the ``Period`` value (ordered, hashable), the months each period covers, its
Indonesian label, and the month → quarter / semester mapping.

Not included: any figure. A cumulative figure of a quarter, semester or year is the cumulative
monthly figure at the period's ``end_month`` (March, June, September, December); callers pass
``period.end_month`` as ``upto_month`` to the roll-ups.

Fiscal years in Indonesia are calendar years, so month 1 is January.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.core.numbers import MONTHS_ID

KINDS = ("month", "quarter", "semester", "year")
_SPAN = {"month": 1, "quarter": 3, "semester": 6, "year": 12}
_ROMAN = ("I", "II", "III", "IV")


def _check_month(month: int) -> int:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"bulan harus 1–12, bukan {month!r}")
    return month


def quarter_of(month: int) -> int:
    """The quarter (1–4) a month (1–12) falls in."""
    return (_check_month(month) - 1) // 3 + 1


def semester_of(month: int) -> int:
    """The semester (1–2) a month (1–12) falls in."""
    return (_check_month(month) - 1) // 6 + 1


@dataclass(frozen=True, order=True)
class Period:
    """A month, quarter, semester or the whole of a fiscal year.

    ``index`` is the month (1–12), quarter (1–4) or semester (1–2); it is 1 for a year.
    Ordering is by year, then kind (month < quarter < semester < year), then index.
    Build with ``Period.month(2021, 3)``, ``Period.quarter(2021, 1)``,
    ``Period.semester(2021, 2)`` or ``Period.year(2021)``; a bad kind or index raises
    ``ValueError``.

    ``Period.year`` is both the field (``p.year == 2021``) and, on the class, the constructor
    of a whole-year period; the constructor is attached after the class is built so that
    the dataclass does not take it for the field's default.
    """

    year: int
    kind: str
    index: int

    def __post_init__(self) -> None:
        if isinstance(self.year, bool) or not isinstance(self.year, int) or self.year < 1:
            raise ValueError(f"tahun tidak valid: {self.year!r}")
        if self.kind not in KINDS:
            raise ValueError(f"jenis periode tidak dikenal: {self.kind!r}; pilihan: {KINDS}")
        count = 12 // _SPAN[self.kind]
        if isinstance(self.index, bool) or not isinstance(self.index, int):
            raise ValueError(f"indeks periode harus bilangan bulat: {self.index!r}")
        if not 1 <= self.index <= count:
            raise ValueError(f"indeks {self.kind} harus 1–{count}, bukan {self.index}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(year, "month", month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(year, "quarter", quarter)

    @classmethod
    def semester(cls, year: int, semester: int) -> Period:
        return cls(year, "semester", semester)

    @property
    def start_month(self) -> int:
        """First month covered (1 for January)."""
        return (self.index - 1) * _SPAN[self.kind] + 1

    @property
    def end_month(self) -> int:
        """Last month covered: the month whose cumulative figure is the period's figure."""
        return self.index * _SPAN[self.kind]

    @property
    def months(self) -> tuple[int, ...]:
        """Month numbers the period covers, in order."""
        return tuple(range(self.start_month, self.end_month + 1))

    @property
    def label(self) -> str:
        """Indonesian label: ``Januari 2021``, ``Triwulan I 2021``, ``Semester II 2021``,
        ``Tahun 2021``."""
        if self.kind == "month":
            return f"{MONTHS_ID[self.index - 1]} {self.year}"
        if self.kind == "quarter":
            return f"Triwulan {_ROMAN[self.index - 1]} {self.year}"
        if self.kind == "semester":
            return f"Semester {_ROMAN[self.index - 1]} {self.year}"
        return f"Tahun {self.year}"

    def contains(self, month: int) -> bool:
        """Whether the month (1–12) lies inside the period."""
        return self.start_month <= _check_month(month) <= self.end_month


def _whole_year(cls: type[Period], year: int) -> Period:
    return cls(year, "year", 1)


Period.year = classmethod(_whole_year)  # type: ignore[assignment,method-assign]
