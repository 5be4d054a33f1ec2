"""Roll-ups over the plan tree: money, physical progress, achievements, predicates,
deviations and efficiency, each figure with the rule that produced it and an explanation.

Included (``compute_tree``), per node, at the end of ``upto_month``:
- pagu and realisasi: a leaf's own pagu and the sum of its monthly realisations; a parent's
  are the sums of its children (children without a figure are left out and named);
- absorption (penyerapan) and planned spending %: a ratio of sums (realisasi ÷ pagu × 100),
  never a mean of percentages; undefined ("–") when pagu is 0 or missing;
- physical progress, planned and realised: a leaf's latest cumulative figure; a parent's
  weighted by pagu, Σ(fisik × pagu) ÷ Σpagu, or the plain mean (``rules.fisik_rollup``);
  children without a figure are left out and named in the explanation;
- achievement: a leaf's is the mean of its indicators' achievements; a parent's rolls up its
  children's (``rules.achievement_rollup``: mean, weighted by pagu, or minimum) over capped
  values, and the raw achievement over raw values the same way. Children whose achievement
  is undefined are left out, listed in ``excluded`` and named in the explanation
  ("; tidak dihitung: X (target 0)"). Indicators on a parent are evaluated and returned but
  do not enter its achievement;
- predicate of the capped achievement (``Rules.predicate``);
- deviation: realised − planned, cumulative, in percentage points, for fisik and for
  keuangan %, with the warning of ``deviation_warning``;
- efficiency: capped achievement % − absorption %.

Also included: ``monthly_series`` for the S-curve.

Explanations are written when they are first read, not while computing (``lazy``): a
province has about 200 000 of them and a page shows a few hundred.

Not included: rounding of any stored value (explanations show results at 2 decimals and
inputs at up to 4, half up, trailing zeros stripped), validation against printed figures
(``validation``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from operator import attrgetter
from typing import Any, NamedTuple

from kinerja.core.achievement import Achievement, achieve
from kinerja.core.gcpause import gc_paused
from kinerja.core.lazy import Frozen, Text, resolve
from kinerja.core.numbers import (
    ARITHMETIC,
    MONTHS_ID,
    decimal_context,
    fmt_compact,
    fmt_money,
    fmt_number,
)
from kinerja.core.rules import DEFAULT_RULES, Rules
from kinerja.core.tree import IndicatorInput, PlanNode, level_name

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


def _n(value: Decimal) -> str:
    return fmt_compact(value, 4)


def _r(value: Decimal) -> str:
    return fmt_compact(value, 2)


def _res(value: Decimal, suffix: str = "") -> str:
    """A result as the tables print it: percentages with exactly 2 decimals (70,10%),
    achievement scores compact (100, 87,5, 82,81)."""
    return (fmt_number(value, 2) if suffix == "%" else _r(value)) + suffix


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


class Figure(Frozen):
    """One computed figure: its value (None when undefined, shown "–"), the machine key of
    the rule that produced it (``input``, ``sum``, ``ratio``, ``ratio_of_sums``, ``mean``,
    ``weighted_pagu``, ``min``, ``indicator``, ``deviation``, ``difference``, ``none``) and an
    Indonesian explanation with the numbers written for display.

    Frozen, like a frozen dataclass of these three fields. The explanation is written on
    first access and kept, because most explanations of a province are never shown: the
    core stores a writer and up to three arguments in the figure itself (one object per
    figure, which also keeps garbage collection cheap). ``explanation`` may also be given as
    a ``lazy.Text``. Equality, hash and repr use the written text.
    """

    __slots__ = ("value", "rule", "_text", "_a", "_b", "_c")
    __match_args__ = ("value", "rule", "explanation")

    value: Decimal | None
    rule: str

    def __init__(self, value: Decimal | None, rule: str, explanation: Text) -> None:
        _set_value(self, value)
        _set_rule(self, rule)
        _set_text(self, explanation)

    @property
    def explanation(self) -> str:
        text = self._text
        if type(text) is not str:
            # a writer's arguments stay: another thread may be writing the same text
            text = text.write(self) if type(text) is _Writer else resolve(text)
            _set_text(self, text)
        return text

    @property
    def defined(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        return {"value": _plain(self.value), "rule": self.rule, "explanation": self.explanation}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.value, self.rule, self.explanation) == (
            other.value,  # type: ignore[attr-defined]
            other.rule,  # type: ignore[attr-defined]
            other.explanation,  # type: ignore[attr-defined]
        )

    def __hash__(self) -> int:
        return hash((self.value, self.rule, self.explanation))

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}(value={self.value!r}, rule={self.rule!r}, "
            f"explanation={self.explanation!r})"
        )

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (self.__class__, (self.value, self.rule, self.explanation))


class _Writer:
    """Writes the explanation of a figure from its value and its arguments ``_a``–``_c``."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[Figure], str]) -> None:
        self.write = write


_set_value = Figure.value.__set__  # type: ignore[attr-defined]
_set_rule = Figure.rule.__set__  # type: ignore[attr-defined]
_set_text = Figure._text.__set__  # type: ignore[attr-defined]
_set_a = Figure._a.__set__  # type: ignore[attr-defined]
_set_b = Figure._b.__set__  # type: ignore[attr-defined]
_set_c = Figure._c.__set__  # type: ignore[attr-defined]
_new = object.__new__


def _fig(
    value: Decimal | None, rule: str, writer: _Writer, a: Any = None, b: Any = None, c: Any = None
) -> Figure:
    """A Figure whose explanation ``writer`` writes on first access."""
    fig = _new(Figure)
    _set_value(fig, value)
    _set_rule(fig, rule)
    _set_text(fig, writer)
    _set_a(fig, a)
    _set_b(fig, b)
    _set_c(fig, c)
    return fig


def _none(text: str) -> Figure:
    fig = _new(Figure)
    _set_value(fig, None)
    _set_rule(fig, "none")
    _set_text(fig, text)
    return fig


class IndicatorResult(NamedTuple):
    """An indicator, its achievement and the realisation it was computed from."""

    indicator: IndicatorInput
    achievement: Achievement
    realisation: Decimal | str | None


@dataclass(frozen=True)
class ComputedNode:
    """A node with every computed figure; ``children`` are computed nodes in input order.

    ``achievement`` is the capped achievement, ``achievement_raw`` the uncapped one.
    ``excluded``: names (with reasons) of the children — or, on a leaf, the indicators — left
    out of the achievement. ``reason``: why the achievement is undefined (empty when it is
    defined); a parent quotes it when it leaves this node out.
    """

    node: PlanNode
    children: tuple[ComputedNode, ...]
    level: str
    code: str
    name: str
    pagu: Figure
    realisasi: Figure
    absorption: Figure
    plan_keuangan: Figure
    plan_keuangan_pct: Figure
    plan_fisik: Figure
    fisik: Figure
    deviation_fisik: Figure
    deviation_keuangan: Figure
    deviation_fisik_warning: bool
    deviation_keuangan_warning: bool
    achievement_raw: Figure
    achievement: Figure
    predicate: str | None
    efficiency: Figure
    indicators: tuple[IndicatorResult, ...]
    excluded: tuple[str, ...]
    reason: str = ""

    def walk(self) -> Iterator[ComputedNode]:
        """This node and all its descendants, depth-first, parents before children."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, code: str) -> ComputedNode | None:
        """The first node (depth-first) with this code, or None."""
        return next((n for n in self.walk() if n.code == code), None)

    def find_name(self, name: str) -> ComputedNode | None:
        """The first node (depth-first) with this name, or None."""
        return next((n for n in self.walk() if n.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: Decimals as strings, explanations included, children nested."""
        figures = (
            "pagu",
            "realisasi",
            "absorption",
            "plan_keuangan",
            "plan_keuangan_pct",
            "plan_fisik",
            "fisik",
            "deviation_fisik",
            "deviation_keuangan",
            "achievement_raw",
            "achievement",
            "efficiency",
        )
        data: dict[str, Any] = {
            "id": _json_id(self.node.id),
            "code": self.code,
            "name": self.name,
            "level": self.level,
        }
        data.update({name: getattr(self, name).to_dict() for name in figures})
        data.update(
            {
                "deviation_fisik_warning": self.deviation_fisik_warning,
                "deviation_keuangan_warning": self.deviation_keuangan_warning,
                "predicate": self.predicate,
                "excluded": list(self.excluded),
                "reason": self.reason,
                "indicators": [_indicator_dict(item) for item in self.indicators],
                "children": [child.to_dict() for child in self.children],
            }
        )
        return data


def _json_id(value: object) -> object:
    if value is None or isinstance(value, (str, int)):
        return value
    return str(value)


def _indicator_dict(item: IndicatorResult) -> dict[str, Any]:
    ach = item.achievement
    return {
        "id": _json_id(item.indicator.id),
        "statement": item.indicator.statement,
        "satuan": item.indicator.satuan,
        "realisation": _plain(item.realisation),
        "achievement": {
            "raw": _plain(ach.raw),
            "capped": _plain(ach.capped),
            "is_capped": ach.is_capped,
            "formula": ach.formula,
            "explanation": ach.explanation,
            "reason": ach.reason,
        },
    }


def deviation_warning(
    plan_pct: Decimal | None, real_pct: Decimal | None, rules: Rules = DEFAULT_RULES
) -> bool:
    """Whether realisation lags the plan enough to warn (both cumulative %).

    Behind = plan − realisation. Warn when behind by MORE than ``rules.deviation_early``
    points while the plan is at or below ``rules.deviation_plan_split`` %, or by more than
    ``rules.deviation_late`` points after. Being ahead never warns; a missing side → False.
    """
    if plan_pct is None or real_pct is None:
        return False
    behind = ARITHMETIC.subtract(plan_pct, real_pct)
    limit = (
        rules.deviation_early if plan_pct <= rules.deviation_plan_split else rules.deviation_late
    )
    return behind > limit


# --- explanation writers (see ``Figure``): each reads the figure's value and ``_a``–``_c`` -


def _writer(write: Callable[[Figure], str]) -> _Writer:
    return _Writer(write)


@_writer
def _w_sum(f: Figure) -> str:
    """_a: the children, _b: the attribute summed."""
    get = attrgetter(f._b)
    present = [c for c in f._a if get(c).value is not None]
    missing = [c.name for c in f._a if get(c).value is None]
    text = f"{fmt_money(f.value)} = jumlah {len(present)} {_noun(present)}"
    if missing:
        text += "; tanpa nilai: " + ", ".join(missing)
    return text


@_writer
def _w_ratio(f: Figure) -> str:
    """_a: numerator, _b: denominator."""
    return f"{_res(f.value, '%')} = {fmt_money(f._a)} ÷ {fmt_money(f._b)} × 100"


@_writer
def _w_not_computed(f: Figure) -> str:
    """_a: what, _b: the numerator's figure (undefined)."""
    return f"{f._a} tidak dihitung: {f._b.explanation}"


@_writer
def _w_difference(f: Figure) -> str:
    """_a − _b; _c: the note."""
    return f"{_r(f.value)} = {_r(f._a)} − {_r(f._b)} ({f._c})"


@_writer
def _w_latest(f: Figure) -> str:
    """_a: what, _b: the month of the figure, _c: money (else a percentage)."""
    shown = fmt_money(f.value) if f._c else f"{_n(f.value)}%"
    return f"{shown} = {f._a} kumulatif {_month_name(f._b)}"


@_writer
def _w_pagu(f: Figure) -> str:
    """_a: the level."""
    return f"{fmt_money(f.value)} = pagu {level_name(f._a)}"


@_writer
def _w_flows(f: Figure) -> str:
    """_a: the number of months with a flow, _b: up to which month."""
    return f"{fmt_money(f.value)} = jumlah realisasi {f._a} bulan s.d. {_month_name(f._b)}"


@_writer
def _w_achievement(f: Figure) -> str:
    """_a: the indicator's achievement, _b: the note."""
    return f._a.explanation + f._b


@_writer
def _w_achievement_raw(f: Figure) -> str:
    """_a: the indicator's achievement, _b: the note."""
    return f._a.raw_explanation + f._b


def _rollup_text(
    value: Decimal, method: str, items: Sequence[_Item], noun: str, suffix: str
) -> str:
    """The text of a defined ``_rollup`` result (``items`` already without the pagu-less
    ones when ``method`` is ``weighted_pagu``)."""
    if method == "weighted_pagu":
        terms = " + ".join(f"{_n(i.value)} × {fmt_money(i.pagu)}" for i in items)
        with decimal_context():  # the same sum as ``_rollup``'s
            total = sum([i.pagu for i in items], _ZERO)  # type: ignore[misc]
        return f"{_res(value, suffix)} = ({terms}) ÷ {fmt_money(total)}"
    values = "; ".join(_n(i.value) for i in items)
    word = "rata-rata" if method == "mean" else "terendah dari"
    return f"{_res(value, suffix)} = {word} {len(items)} {noun}: {values}"


def _children_items(children: Sequence[ComputedNode], attr: str) -> list[_Item]:
    get = attrgetter(attr)
    return [_Item(c.name, get(c).value, c.pagu.value) for c in children if get(c).value is not None]


@_writer
def _w_fisik(f: Figure) -> str:
    """_a: the children, _b: the attribute, _c: the roll-up method."""
    children, attr, method = f._a, f._b, f._c
    items = _children_items(children, attr)
    missing = [c.name for c in children if getattr(c, attr).value is None]
    if method == "weighted_pagu":
        missing += [f"{i.name} (tanpa pagu)" for i in items if i.pagu is None]
        items = [i for i in items if i.pagu is not None]
    text = _rollup_text(f.value, method, items, _noun(children), "%")  # type: ignore[arg-type]
    if missing:
        text += "; tanpa nilai: " + ", ".join(missing)
    return text


@_writer
def _w_parent_achievement(f: Figure) -> str:
    """_a: the children, _b: the attribute, _c: the roll-up method."""
    children, attr, method = f._a, f._b, f._c
    defined = [c for c in children if c.achievement.value is not None]
    left_out = [f"{c.name} ({c.reason})" for c in children if c.achievement.value is None]
    items = _children_items(defined, attr)
    if method == "weighted_pagu":
        left_out += [f"{i.name} (tanpa pagu)" for i in items if i.pagu is None]
        items = [i for i in items if i.pagu is not None]
    text = _rollup_text(f.value, method, items, _noun(children), "")  # type: ignore[arg-type]
    return text + ("; tidak dihitung: " + ", ".join(left_out) if left_out else "")


@_writer
def _w_indicators(f: Figure) -> str:
    """_a: the indicators with a defined achievement, _b: capped or raw, _c: the note."""
    items = [_Item(r.indicator.statement, getattr(r.achievement, f._b), None) for r in f._a]
    return _rollup_text(f.value, "mean", items, "indikator", "") + f._c  # type: ignore[arg-type]


# --- helpers over children -------------------------------------------------------------


def _noun(nodes: Sequence[ComputedNode]) -> str:
    levels = {n.level for n in nodes}
    return level_name(levels.pop()) if len(levels) == 1 else "anak"


def _month_name(month: int) -> str:
    return MONTHS_ID[month - 1]


def _sum_children(children: Sequence[ComputedNode], attr: str, what: str) -> Figure:
    get = attrgetter(attr)
    values = [v for v in [get(c).value for c in children] if v is not None]
    if not values:
        return _none(f"{what} belum ada pada {len(children)} {_noun(children)}")
    return _fig(sum(values, _ZERO), "sum", _w_sum, children, attr)


def _ratio(num: Figure, den: Figure, what: str, rule: str) -> Figure:
    if den.value is None:
        return _none(f"{what} tidak dihitung: pagu belum ada")
    if den.value == 0:
        return _none(f"pagu Rp0: {what} tidak terdefinisi")
    if num.value is None:
        return _fig(None, "none", _w_not_computed, what, num)
    # ``percent`` without its checks: both are Decimals here, in ``decimal_context``
    value = num.value * _HUNDRED / den.value
    return _fig(value, rule, _w_ratio, num.value, den.value)


class _Item(NamedTuple):
    name: str
    value: Decimal
    pagu: Decimal | None


def _rollup(method: str, items: Sequence[_Item], noun: str) -> tuple[Decimal | None, str, str]:
    """Combine values by ``method``; returns (value, rule, text). The text is empty when the
    value is defined: the figure's writer writes it (``_rollup_text``).

    ``weighted_pagu`` leaves out items without pagu and is undefined when the included pagu
    sums to 0. An empty ``items`` is undefined. Runs inside ``decimal_context``
    (``compute_node`` opens it).
    """
    if method == "weighted_pagu":
        items = [i for i in items if i.pagu is not None]
    if not items:
        return None, "none", f"tidak ada {noun} dengan nilai terdefinisi"
    if method == "mean":
        return sum([i.value for i in items], _ZERO) / len(items), "mean", ""
    if method == "min":
        return min(i.value for i in items), "min", ""
    total_pagu = sum([i.pagu for i in items], _ZERO)  # type: ignore[misc]
    if total_pagu == 0:
        return (
            None,
            "none",
            f"jumlah pagu {len(items)} {noun} Rp0: rata-rata tertimbang tidak terdefinisi",
        )
    value = sum([i.value * i.pagu for i in items], _ZERO) / total_pagu  # type: ignore[operator]
    return value, "weighted_pagu", ""


def _tanpa_pagu(method: str, items: Sequence[_Item]) -> list[str]:
    if method != "weighted_pagu":
        return []
    return [f"{i.name} (tanpa pagu)" for i in items if i.pagu is None]


def _fisik_parent(children: Sequence[ComputedNode], attr: str, rules: Rules, what: str) -> Figure:
    items = _children_items(children, attr)
    noun = _noun(children)
    if not items:
        return _none(f"{what} belum ada pada {len(children)} {noun}")
    method = rules.fisik_rollup
    value, rule, text = _rollup(method, items, noun)
    if value is None:
        missing = [c.name for c in children if getattr(c, attr).value is None]
        left_out = missing + _tanpa_pagu(method, items)
        if left_out:
            text += "; tanpa nilai: " + ", ".join(left_out)
        return _none(text)
    return _fig(value, rule, _w_fisik, children, attr, method)


def _difference(a: Figure, b: Figure, note: str, rule: str) -> Figure:
    if a.value is None or b.value is None:
        return _none(f"{note} tidak dihitung: data belum lengkap")
    return _fig(a.value - b.value, rule, _w_difference, a.value, b.value, note)


# --- leaves ----------------------------------------------------------------------------


def _leaf_figures(node: PlanNode, upto: int) -> tuple[Figure, Figure, Figure, Figure, Figure]:
    """pagu, realisasi, plan_keuangan, plan_fisik and fisik of a leaf, in one pass over its
    months (in input order: a later duplicate of a month wins, flows add up in order)."""
    count = 0
    total = _ZERO
    pk = pf = fi = None
    pk_month = pf_month = fi_month = 0
    for month, plan_fisik, plan_keuangan, flow, fisik in node.months:  # MonthInput fields
        if 1 <= month <= upto:
            if flow is not None:
                total = total + flow
                count += 1
            if plan_keuangan is not None and month >= pk_month:
                pk_month, pk = month, plan_keuangan
            if plan_fisik is not None and month >= pf_month:
                pf_month, pf = month, plan_fisik
            if fisik is not None and month >= fi_month:
                fi_month, fi = month, fisik
    if node.pagu is None:
        pagu = _none("pagu belum diisi")
    else:
        pagu = _fig(node.pagu, "input", _w_pagu, node.level)
    if count:
        realisasi = _fig(total, "sum", _w_flows, count, upto)
    else:
        realisasi = _none(f"realisasi belum diisi s.d. {_month_name(upto)}")
    if pk is None:
        plan_keuangan = _none(f"rencana keuangan belum diisi s.d. {_month_name(upto)}")
    else:
        plan_keuangan = _fig(pk, "input", _w_latest, "rencana keuangan", pk_month, True)
    if pf is None:
        plan_fisik = _none(f"rencana fisik belum diisi s.d. {_month_name(upto)}")
    else:
        plan_fisik = _fig(pf, "input", _w_latest, "rencana fisik", pf_month, False)
    if fi is None:
        fisik = _none(f"realisasi fisik belum diisi s.d. {_month_name(upto)}")
    else:
        fisik = _fig(fi, "input", _w_latest, "realisasi fisik", fi_month, False)
    return pagu, realisasi, plan_keuangan, plan_fisik, fisik


def _evaluate(indicator: IndicatorInput, rules: Rules, upto: int) -> IndicatorResult:
    realisation = indicator.realisation(upto)
    return IndicatorResult(
        indicator, achieve(indicator.spec, indicator.target, realisation, rules), realisation
    )


class _Ach(NamedTuple):
    capped: Figure
    raw: Figure
    excluded: tuple[str, ...]
    reason: str


def _leaf_achievement(results: Sequence[IndicatorResult]) -> _Ach:
    if not results:
        return _Ach(_none("tanpa indikator"), _none("tanpa indikator"), (), "tanpa indikator")
    defined = [r for r in results if r.achievement.raw is not None]
    excluded = tuple(
        f"{r.indicator.statement} ({r.achievement.reason})"
        for r in results
        if r.achievement.raw is None
    )
    note = "; tidak dihitung: " + ", ".join(excluded) if excluded else ""
    if not defined:
        if len(results) == 1:
            ach = results[0].achievement
            return _Ach(
                _fig(None, "none", _w_achievement, ach, ""),
                _fig(None, "none", _w_achievement, ach, ""),
                excluded,
                ach.reason,
            )
        text = f"tidak ada indikator dengan capaian terdefinisi{note}"
        return _Ach(_none(text), _none(text), excluded, "tidak ada capaian terdefinisi")
    if len(defined) == 1:
        ach = defined[0].achievement
        return _Ach(
            _fig(ach.capped, "indicator", _w_achievement, ach, note),
            _fig(ach.raw, "indicator", _w_achievement_raw, ach, note),
            excluded,
            "",
        )
    figures = []
    for attr in ("capped", "raw"):
        items = [_Item(r.indicator.statement, getattr(r.achievement, attr), None) for r in defined]
        value, rule, _ = _rollup("mean", items, "indikator")
        figures.append(_fig(value, rule, _w_indicators, defined, attr, note))
    return _Ach(figures[0], figures[1], excluded, "")


def _parent_achievement(children: Sequence[ComputedNode], rules: Rules) -> _Ach:
    defined = [c for c in children if c.achievement.value is not None]
    excluded = [f"{c.name} ({c.reason})" for c in children if c.achievement.value is None]
    noun = _noun(children)
    method = rules.achievement_rollup
    # the children without pagu are the same for both (a capped value has a raw one)
    left_out = tuple(excluded + _tanpa_pagu(method, _children_items(defined, "achievement")))
    note = "; tidak dihitung: " + ", ".join(left_out) if left_out else ""
    figures = []
    for attr in ("achievement", "achievement_raw"):
        value, rule, text = _rollup(method, _children_items(defined, attr), noun)
        if value is None:
            figures.append(_none(text + note))
        else:
            figures.append(_fig(value, rule, _w_parent_achievement, children, attr, method))
    capped, raw = figures
    reason = "" if capped.value is not None else "tidak ada capaian terdefinisi"
    return _Ach(capped, raw, left_out, reason)


# --- the tree --------------------------------------------------------------------------


def _compute(node: PlanNode, rules: Rules, upto: int) -> ComputedNode:
    children = tuple([_compute(child, rules, upto) for child in node.children])
    indicators = tuple([_evaluate(ind, rules, upto) for ind in node.indicators])
    if children:
        pagu = _sum_children(children, "pagu", "pagu")
        realisasi = _sum_children(children, "realisasi", "realisasi")
        plan_keuangan = _sum_children(children, "plan_keuangan", "rencana keuangan")
        plan_fisik = _fisik_parent(children, "plan_fisik", rules, "rencana fisik")
        fisik = _fisik_parent(children, "fisik", rules, "realisasi fisik")
        ach = _parent_achievement(children, rules)
        ratio_rule = "ratio_of_sums"
    else:
        pagu, realisasi, plan_keuangan, plan_fisik, fisik = _leaf_figures(node, upto)
        ach = _leaf_achievement(indicators)
        ratio_rule = "ratio"
    absorption = _ratio(realisasi, pagu, "penyerapan", ratio_rule)
    plan_keuangan_pct = _ratio(plan_keuangan, pagu, "rencana keuangan", ratio_rule)
    # the fields of ComputedNode, set without its generated __init__ (a frozen dataclass
    # sets each of its 23 fields with object.__setattr__: 3 µs a node)
    computed = _new(ComputedNode)
    computed.__dict__.update(
        node=node,
        children=children,
        level=node.level,
        code=node.code,
        name=node.name,
        pagu=pagu,
        realisasi=realisasi,
        absorption=absorption,
        plan_keuangan=plan_keuangan,
        plan_keuangan_pct=plan_keuangan_pct,
        plan_fisik=plan_fisik,
        fisik=fisik,
        deviation_fisik=_difference(fisik, plan_fisik, "realisasi − rencana fisik", "deviation"),
        deviation_keuangan=_difference(
            absorption, plan_keuangan_pct, "realisasi − rencana keuangan", "deviation"
        ),
        deviation_fisik_warning=deviation_warning(plan_fisik.value, fisik.value, rules),
        deviation_keuangan_warning=deviation_warning(
            plan_keuangan_pct.value, absorption.value, rules
        ),
        achievement_raw=ach.raw,
        achievement=ach.capped,
        predicate=rules.predicate(ach.capped.value),
        efficiency=_difference(ach.capped, absorption, "capaian − penyerapan", "difference"),
        indicators=indicators,
        excluded=ach.excluded,
        reason=ach.reason,
    )
    return computed


def _check_month(upto_month: int) -> None:
    if isinstance(upto_month, bool) or not isinstance(upto_month, int) or not 1 <= upto_month <= 12:
        raise ValueError(f"upto_month harus 1–12, bukan {upto_month!r}")


def compute_node(
    node: PlanNode, *, rules: Rules = DEFAULT_RULES, upto_month: int = 12
) -> ComputedNode:
    """Compute one node and its subtree at the end of ``upto_month`` (1–12).

    The cyclic garbage collector is paused meanwhile (``gc_paused``): the result is a large
    acyclic structure that reference counting frees."""
    _check_month(upto_month)
    with gc_paused(), decimal_context():  # the arithmetic of the whole tree, opened once
        return _compute(node, rules, upto_month)


def compute_tree(
    roots: Sequence[PlanNode],
    *,
    rules: Rules = DEFAULT_RULES,
    upto_month: int = 12,
    name: str = "Unit",
    level: str = "unit",
) -> ComputedNode:
    """Compute the whole plan of a unit at the end of ``upto_month`` (1–12).

    Returns a synthetic root (code "", ``name``, ``level``) whose children are the computed
    ``roots`` (usually the programs). ``upto_month`` outside 1–12 raises ValueError; bad data
    never raises but yields undefined figures with their reasons.
    """
    root = PlanNode(id=None, code="", name=name, level=level, children=tuple(roots))
    return compute_node(root, rules=rules, upto_month=upto_month)


@dataclass(frozen=True)
class SeriesRow:
    """One point of the S-curve: cumulative percentages at the end of ``month``.

    ``plan_keuangan`` and ``keuangan`` are % of pagu (planned and realised spending);
    ``plan_fisik`` and ``fisik`` are physical progress (pagu-weighted by default).
    """

    month: int
    code: str
    name: str
    level: str
    plan_fisik: Decimal | None
    plan_keuangan: Decimal | None
    fisik: Decimal | None
    keuangan: Decimal | None


def monthly_series(
    source: Sequence[PlanNode] | ComputedNode,
    *,
    rules: Rules = DEFAULT_RULES,
    per_node: bool = False,
    name: str = "Unit",
    level: str = "unit",
) -> tuple[SeriesRow, ...]:
    """The S-curve rows for months 1..12.

    ``source`` is the roots (a synthetic unit root named ``name`` is put over them) or a
    ``ComputedNode`` (its own subtree is recomputed per month). With ``per_node`` every node
    gets a row per month (depth-first order inside each month); otherwise only the top node.
    """
    compute: Callable[..., ComputedNode]
    if isinstance(source, ComputedNode):
        compute = partial(compute_node, source.node, rules=rules)
    else:
        compute = partial(compute_tree, tuple(source), rules=rules, name=name, level=level)
    rows = []
    for month in range(1, 13):
        computed = compute(upto_month=month)
        nodes = computed.walk() if per_node else iter((computed,))
        rows.extend(
            SeriesRow(
                month=month,
                code=n.code,
                name=n.name,
                level=n.level,
                plan_fisik=n.plan_fisik.value,
                plan_keuangan=n.plan_keuangan_pct.value,
                fisik=n.fisik.value,
                keuangan=n.absorption.value,
            )
            for n in nodes
        )
    return tuple(rows)
