"""The plan tree: frozen inputs that selectors build from the database, once per computation.

Included: ``PlanNode`` (program → kegiatan → sub kegiatan / tolok ukur), its indicators
(``IndicatorInput``), monthly figures (``MonthInput``) and figures printed in an external
document (``Declared``, used only by validation). All values are Decimals (ints and plain
number strings are converted on construction; floats raise TypeError). Sequences are stored
as tuples so every input is hashable.

Selectors build a whole province at once (hundreds of thousands of months) from values the
database driver already returns as Decimals; for them each input has a ``trusted``
constructor that stores its arguments as given, without conversion or checks. Everything
else (imports, tests, the demo) uses the checking constructors.

Not included: any computed figure. A parent's pagu and realisation are always computed from
its children (``rollup``); a ``pagu`` or ``months`` given on a parent is ignored there.
Money realised comes only from ``months`` (the sum of ``realisasi_keuangan`` up to a month).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from kinerja.core.achievement import IndicatorSpec, Target, monthly_pairs, realised
from kinerja.core.numbers import to_decimal

_new = object.__new__
_tuple_new = tuple.__new__

LEVEL_NAMES = {
    "unit": "unit",
    "urusan": "urusan",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
    "tolok_ukur": "tolok ukur",
}
"""Indonesian display names of the plan levels (the seed's older tables call the lowest
level *tolok ukur*; Permendagri 90 calls it *sub kegiatan*)."""


def level_name(level: str) -> str:
    """Indonesian display name of a level key (``"sub_kegiatan"`` → ``"sub kegiatan"``)."""
    return LEVEL_NAMES.get(level, level.replace("_", " "))


def _dec(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value)  # type: ignore[arg-type]


def _set_decimals(obj: object, *names: str) -> None:
    for name in names:
        object.__setattr__(obj, name, _dec(getattr(obj, name)))


@dataclass(frozen=True)
class IndicatorInput:
    """An indicator of a node with its target and monthly realisations.

    ``monthly`` may be given as a mapping ``{month: value}`` or as ``(month, value)`` pairs;
    it is stored as a tuple of pairs sorted by month (hashable). Values are Decimals (or
    plain strings) for numeric indicators and labels for qualitative ones; None means not
    reported. ``baseline`` is informational (the previous year's value) and not computed on.
    """

    id: object
    statement: str
    satuan: str = ""
    spec: IndicatorSpec = IndicatorSpec()
    target: Target | None = None
    monthly: tuple[tuple[int, Decimal | str | None], ...] = ()
    baseline: Decimal | str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "monthly", monthly_pairs(self.monthly))

    @classmethod
    def trusted(
        cls,
        id: object,
        statement: str,
        satuan: str,
        spec: IndicatorSpec,
        target: Target | None,
        monthly: tuple[tuple[int, Decimal | str | None], ...],
        baseline: Decimal | str | None,
    ) -> IndicatorInput:
        """Build without conversion: ``monthly`` must already be ``(month, value)`` pairs
        sorted by month, each month once (as ``monthly_pairs`` returns them)."""
        obj = _new(cls)
        obj.__dict__.update(
            id=id,
            statement=statement,
            satuan=satuan,
            spec=spec,
            target=target,
            monthly=monthly,
            baseline=baseline,
        )
        return obj

    @property
    def monthly_map(self) -> dict[int, Decimal | str | None]:
        return dict(self.monthly)

    def realisation(self, upto_month: int) -> Decimal | str | None:
        """The realisation at the end of ``upto_month`` (see ``realisation_upto``)."""
        return realised(self.spec, self.monthly, upto_month)


class _MonthFields(NamedTuple):
    month: int
    plan_fisik: Decimal | None = None
    plan_keuangan: Decimal | None = None
    realisasi_keuangan: Decimal | None = None
    fisik: Decimal | None = None


class MonthInput(_MonthFields):
    """Figures of one month of a leaf.

    ``plan_fisik``: cumulative planned physical progress (%). ``plan_keuangan``: cumulative
    planned spending (anggaran kas, Rp). ``realisasi_keuangan``: Rp spent IN this month
    (a flow, not cumulative). ``fisik``: cumulative realised physical progress (%).

    A named tuple (a province holds 180 000 of them): immutable and hashable; the
    constructor converts the figures with ``to_decimal``, ``trusted`` does not.
    """

    __slots__ = ()

    def __new__(
        cls,
        month: int,
        plan_fisik: Decimal | int | str | None = None,
        plan_keuangan: Decimal | int | str | None = None,
        realisasi_keuangan: Decimal | int | str | None = None,
        fisik: Decimal | int | str | None = None,
    ) -> MonthInput:
        return _tuple_new(
            cls,
            (month, _dec(plan_fisik), _dec(plan_keuangan), _dec(realisasi_keuangan), _dec(fisik)),
        )

    @classmethod
    def trusted(
        cls,
        month: int,
        plan_fisik: Decimal | None = None,
        plan_keuangan: Decimal | None = None,
        realisasi_keuangan: Decimal | None = None,
        fisik: Decimal | None = None,
    ) -> MonthInput:
        """Build from figures that are already finite Decimals or None, unchecked."""
        return _tuple_new(cls, (month, plan_fisik, plan_keuangan, realisasi_keuangan, fisik))


@dataclass(frozen=True)
class Declared:
    """Figures as printed in an external document; used ONLY by validation.

    Build ``percent`` and ``achievement`` from the printed text (``"48.92"``, ``"47.10"``) so
    that the Decimal keeps the printed number of decimals: the check rounds the computed value
    to that many places before comparing.
    """

    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    percent: Decimal | None = None
    achievement: Decimal | None = None

    def __post_init__(self) -> None:
        _set_decimals(self, "pagu", "realisasi", "percent", "achievement")


@dataclass(frozen=True)
class PlanNode:
    """A node of the plan: program, kegiatan, sub kegiatan or tolok ukur.

    ``pagu`` (the budget in force) is given on leaves only; a parent's pagu is the sum of its
    children. ``months`` carries a leaf's monthly figures. ``indicators`` may sit on any
    level: on a leaf they give its achievement; on a parent (e.g. a program outcome such as
    "Nilai IKM") they are evaluated and reported, but the parent's achievement rolls up from
    its children. ``code`` is a Permendagri 90 code string (may be empty).
    """

    id: object
    code: str
    name: str
    level: str
    children: tuple[PlanNode, ...] = ()
    pagu: Decimal | None = None
    months: tuple[MonthInput, ...] = ()
    indicators: tuple[IndicatorInput, ...] = ()
    declared: Declared | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "children", tuple(self.children))
        object.__setattr__(self, "months", tuple(self.months))
        object.__setattr__(self, "indicators", tuple(self.indicators))
        _set_decimals(self, "pagu")

    @classmethod
    def trusted(
        cls,
        id: object,
        code: str,
        name: str,
        level: str,
        children: tuple[PlanNode, ...],
        pagu: Decimal | None,
        months: tuple[MonthInput, ...],
        indicators: tuple[IndicatorInput, ...],
        declared: Declared | None = None,
    ) -> PlanNode:
        """Build without conversion: the sequences must be tuples and ``pagu`` a finite
        Decimal or None."""
        obj = _new(cls)
        obj.__dict__.update(
            id=id,
            code=code,
            name=name,
            level=level,
            children=children,
            pagu=pagu,
            months=months,
            indicators=indicators,
            declared=declared,
        )
        return obj

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def label(self) -> str:
        """``"<code> <name>"``, or the name alone when there is no code."""
        return f"{self.code} {self.name}".strip() if self.code else self.name

    def months_map(self) -> Mapping[int, MonthInput]:
        """Month number → ``MonthInput`` (a later duplicate wins)."""
        return {m.month: m for m in self.months}

    def walk(self) -> Iterator[PlanNode]:
        """This node and all its descendants, depth-first, parents before children."""
        yield self
        for child in self.children:
            yield from child.walk()
