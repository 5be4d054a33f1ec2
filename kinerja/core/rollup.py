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

Not included: rounding of any stored value (explanations show results at 2 decimals and
inputs at up to 4, half up, trailing zeros stripped), validation against printed figures
(``validation``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from kinerja.core.achievement import Achievement, achieve
from kinerja.core.numbers import (
    MONTHS_ID,
    decimal_context,
    fmt_compact,
    fmt_money,
    fmt_number,
    percent,
)
from kinerja.core.rules import DEFAULT_RULES, Rules
from kinerja.core.tree import IndicatorInput, PlanNode, level_name

_ZERO = Decimal(0)


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


@dataclass(frozen=True)
class Figure:
    """One computed figure: its value (None when undefined, shown "–"), the machine key of
    the rule that produced it (``input``, ``sum``, ``ratio``, ``ratio_of_sums``, ``mean``,
    ``weighted_pagu``, ``min``, ``indicator``, ``deviation``, ``difference``, ``none``) and an
    Indonesian explanation with the numbers written for display."""

    value: Decimal | None
    rule: str
    explanation: str

    @property
    def defined(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        return {"value": _plain(self.value), "rule": self.rule, "explanation": self.explanation}


def _none(text: str) -> Figure:
    return Figure(None, "none", text)


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
    with decimal_context():
        behind = plan_pct - real_pct
    limit = (
        rules.deviation_early if plan_pct <= rules.deviation_plan_split else rules.deviation_late
    )
    return behind > limit


# --- helpers over children -------------------------------------------------------------


def _noun(nodes: Sequence[ComputedNode]) -> str:
    levels = {n.level for n in nodes}
    return level_name(levels.pop()) if len(levels) == 1 else "anak"


def _month_name(month: int) -> str:
    return MONTHS_ID[month - 1]


def _sum_children(children: Sequence[ComputedNode], attr: str, what: str) -> Figure:
    present = [c for c in children if getattr(c, attr).value is not None]
    missing = [c.name for c in children if getattr(c, attr).value is None]
    noun = _noun(children)
    if not present:
        return _none(f"{what} belum ada pada {len(children)} {noun}")
    with decimal_context():
        total = sum((getattr(c, attr).value for c in present), _ZERO)
    text = f"{fmt_money(total)} = jumlah {len(present)} {_noun(present)}"
    if missing:
        text += "; tanpa nilai: " + ", ".join(missing)
    return Figure(total, "sum", text)


def _ratio(num: Figure, den: Figure, what: str, rule: str) -> Figure:
    if den.value is None:
        return _none(f"{what} tidak dihitung: pagu belum ada")
    if den.value == 0:
        return _none(f"pagu Rp0: {what} tidak terdefinisi")
    if num.value is None:
        return _none(f"{what} tidak dihitung: {num.explanation}")
    value = percent(num.value, den.value)
    text = f"{_res(value, '%')} = {fmt_money(num.value)} ÷ {fmt_money(den.value)} × 100"
    return Figure(value, rule, text)


class _Item(NamedTuple):
    name: str
    value: Decimal
    pagu: Decimal | None


def _rollup(
    method: str, items: Sequence[_Item], noun: str, suffix: str = ""
) -> tuple[Decimal | None, str, str, list[str]]:
    """Combine values by ``method``; returns (value, rule, text, extra exclusions).

    ``weighted_pagu`` leaves out items without pagu (named "tanpa pagu") and is undefined
    when the included pagu sums to 0. An empty ``items`` is undefined.
    """
    extra: list[str] = []
    if method == "weighted_pagu":
        extra = [f"{i.name} (tanpa pagu)" for i in items if i.pagu is None]
        items = [i for i in items if i.pagu is not None]
    if not items:
        return None, "none", f"tidak ada {noun} dengan nilai terdefinisi", extra
    values = "; ".join(_n(i.value) for i in items)
    with decimal_context():
        if method == "mean":
            value = sum((i.value for i in items), _ZERO) / len(items)
            return (
                value,
                "mean",
                f"{_res(value, suffix)} = rata-rata {len(items)} {noun}: {values}",
                extra,
            )
        if method == "min":
            value = min(i.value for i in items)
            return (
                value,
                "min",
                f"{_res(value, suffix)} = terendah dari {len(items)} {noun}: {values}",
                extra,
            )
        total_pagu = sum((i.pagu for i in items), _ZERO)  # type: ignore[misc]
        terms = " + ".join(f"{_n(i.value)} × {fmt_money(i.pagu)}" for i in items)
        if total_pagu == 0:
            return (
                None,
                "none",
                f"jumlah pagu {len(items)} {noun} Rp0: rata-rata tertimbang tidak terdefinisi",
                extra,
            )
        value = sum((i.value * i.pagu for i in items), _ZERO) / total_pagu  # type: ignore[operator]
    text = f"{_res(value, suffix)} = ({terms}) ÷ {fmt_money(total_pagu)}"
    return value, "weighted_pagu", text, extra


def _fisik_parent(children: Sequence[ComputedNode], attr: str, rules: Rules, what: str) -> Figure:
    items = [
        _Item(c.name, getattr(c, attr).value, c.pagu.value)
        for c in children
        if getattr(c, attr).value is not None
    ]
    missing = [c.name for c in children if getattr(c, attr).value is None]
    noun = _noun(children)
    if not items:
        return _none(f"{what} belum ada pada {len(children)} {noun}")
    value, rule, text, extra = _rollup(rules.fisik_rollup, items, noun, "%")
    left_out = missing + extra
    if left_out:
        text += "; tanpa nilai: " + ", ".join(left_out)
    return Figure(value, rule, text)


def _difference(a: Figure, b: Figure, note: str, rule: str) -> Figure:
    if a.value is None or b.value is None:
        return _none(f"{note} tidak dihitung: data belum lengkap")
    with decimal_context():
        value = a.value - b.value
    return Figure(value, rule, f"{_r(value)} = {_r(a.value)} − {_r(b.value)} ({note})")


# --- leaves ----------------------------------------------------------------------------


def _latest(node: PlanNode, attr: str, upto: int) -> tuple[int, Decimal] | None:
    found = None
    for m in sorted(node.months, key=lambda mi: mi.month):
        value = getattr(m, attr)
        if 1 <= m.month <= upto and value is not None:
            found = (m.month, value)
    return found


def _leaf_latest(node: PlanNode, attr: str, upto: int, what: str, money: bool) -> Figure:
    found = _latest(node, attr, upto)
    if found is None:
        return _none(f"{what} belum diisi s.d. {_month_name(upto)}")
    month, value = found
    shown = fmt_money(value) if money else f"{_n(value)}%"
    return Figure(value, "input", f"{shown} = {what} kumulatif {_month_name(month)}")


def _leaf_money(node: PlanNode, upto: int) -> tuple[Figure, Figure]:
    noun = level_name(node.level)
    if node.pagu is None:
        pagu = _none("pagu belum diisi")
    else:
        pagu = Figure(node.pagu, "input", f"{fmt_money(node.pagu)} = pagu {noun}")
    flows = [
        m.realisasi_keuangan
        for m in node.months
        if 1 <= m.month <= upto and m.realisasi_keuangan is not None
    ]
    if not flows:
        realisasi = _none(f"realisasi belum diisi s.d. {_month_name(upto)}")
    else:
        with decimal_context():
            total = sum(flows, _ZERO)
        realisasi = Figure(
            total,
            "sum",
            f"{fmt_money(total)} = jumlah realisasi {len(flows)} bulan s.d. {_month_name(upto)}",
        )
    return pagu, realisasi


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
    defined = [r for r in results if r.achievement.defined]
    excluded = tuple(
        f"{r.indicator.statement} ({r.achievement.reason})"
        for r in results
        if not r.achievement.defined
    )
    note = "; tidak dihitung: " + ", ".join(excluded) if excluded else ""
    if not defined:
        if len(results) == 1:
            ach = results[0].achievement
            return _Ach(_none(ach.explanation), _none(ach.explanation), excluded, ach.reason)
        text = f"tidak ada indikator dengan capaian terdefinisi{note}"
        return _Ach(_none(text), _none(text), excluded, "tidak ada capaian terdefinisi")
    if len(defined) == 1:
        ach = defined[0].achievement
        return _Ach(
            Figure(ach.capped, "indicator", ach.explanation + note),
            Figure(ach.raw, "indicator", ach.raw_explanation + note),
            excluded,
            "",
        )
    figures = []
    for attr in ("capped", "raw"):
        items = [_Item(r.indicator.statement, getattr(r.achievement, attr), None) for r in defined]
        value, rule, text, _ = _rollup("mean", items, "indikator")
        figures.append(Figure(value, rule, text + note))
    return _Ach(figures[0], figures[1], excluded, "")


def _parent_achievement(children: Sequence[ComputedNode], rules: Rules) -> _Ach:
    defined = [c for c in children if c.achievement.value is not None]
    excluded = [f"{c.name} ({c.reason})" for c in children if c.achievement.value is None]
    noun = _noun(children)
    figures = []
    extra: list[str] = []
    for attr in ("achievement", "achievement_raw"):
        items = [_Item(c.name, getattr(c, attr).value, c.pagu.value) for c in defined]
        value, rule, text, extra = _rollup(rules.achievement_rollup, items, noun)
        figures.append((value, rule, text))
    left_out = tuple(excluded + extra)
    note = "; tidak dihitung: " + ", ".join(left_out) if left_out else ""
    capped, raw = (Figure(value, rule, text + note) for value, rule, text in figures)
    reason = "" if capped.value is not None else "tidak ada capaian terdefinisi"
    return _Ach(capped, raw, left_out, reason)


# --- the tree --------------------------------------------------------------------------


def _compute(node: PlanNode, rules: Rules, upto: int) -> ComputedNode:
    children = tuple(_compute(child, rules, upto) for child in node.children)
    indicators = tuple(_evaluate(ind, rules, upto) for ind in node.indicators)
    if children:
        pagu = _sum_children(children, "pagu", "pagu")
        realisasi = _sum_children(children, "realisasi", "realisasi")
        plan_keuangan = _sum_children(children, "plan_keuangan", "rencana keuangan")
        plan_fisik = _fisik_parent(children, "plan_fisik", rules, "rencana fisik")
        fisik = _fisik_parent(children, "fisik", rules, "realisasi fisik")
        ach = _parent_achievement(children, rules)
        ratio_rule = "ratio_of_sums"
    else:
        pagu, realisasi = _leaf_money(node, upto)
        plan_keuangan = _leaf_latest(node, "plan_keuangan", upto, "rencana keuangan", True)
        plan_fisik = _leaf_latest(node, "plan_fisik", upto, "rencana fisik", False)
        fisik = _leaf_latest(node, "fisik", upto, "realisasi fisik", False)
        ach = _leaf_achievement(indicators)
        ratio_rule = "ratio"
    absorption = _ratio(realisasi, pagu, "penyerapan", ratio_rule)
    plan_keuangan_pct = _ratio(plan_keuangan, pagu, "rencana keuangan", ratio_rule)
    return ComputedNode(
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


def _check_month(upto_month: int) -> None:
    if isinstance(upto_month, bool) or not isinstance(upto_month, int) or not 1 <= upto_month <= 12:
        raise ValueError(f"upto_month harus 1–12, bukan {upto_month!r}")


def compute_node(
    node: PlanNode, *, rules: Rules = DEFAULT_RULES, upto_month: int = 12
) -> ComputedNode:
    """Compute one node and its subtree at the end of ``upto_month`` (1–12)."""
    _check_month(upto_month)
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
