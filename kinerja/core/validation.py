"""Checks of a plan tree and of figures printed elsewhere; they return findings, never raise.

Included (``validate``), each with its finding code:
- ``pagu_sum`` / ``realisasi_sum``: a parent's printed pagu / realisasi differs from the sum
  of its children's;
- ``percent_mismatch``: a printed % differs from realisasi ÷ pagu × 100 rounded half up to
  the printed number of decimals (a printed % with pagu 0 must be 0);
- ``achievement_mismatch``: a printed achievement differs from the computed capped one, or is
  printed where no achievement can be computed;
- ``realisasi_above_pagu``: a leaf spent more than its pagu;
- ``pagu_mismatch`` / ``realisasi_mismatch``: a leaf's printed pagu / realisasi differs from
  its own data;
- ``months_missing`` (only with ``require_months``): a leaf lacks months 1..``upto_month``;
- ``month_invalid`` / ``month_duplicate``: a month outside 1–12 or given twice;
- ``indicator_without_target``: an indicator without (complete) target;
- ``code_not_under_parent``: a child's code does not start with its parent's code + ".";
- ``duplicate_code``: a code used more than once (reported at the second use);
- ``plan_decreasing``: a cumulative plan (fisik or keuangan) falls from one month to a later
  one; ``fisik_decreasing`` (warning): the cumulative realised fisik falls;
- ``plan_not_complete`` (warning): the plan fisik at December is not 100, or the plan
  keuangan at December is not the pagu.

Which figures are compared: a node's figure is the printed one (``Declared``) when given,
otherwise the one from its own data (a leaf: ``pagu`` and the months' realisations up to
``upto_month``; a parent: the sum of its children's figures). So a tree whose leaves carry only
printed figures can be checked, and an error is reported once, where it is, not again at every
ancestor.

Not included: judging whether a rule is sensible (that is ``Rules``), anything about evidence
or workflow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from itertools import pairwise

from kinerja.core.numbers import (
    DASH,
    MONTHS_ID,
    decimal_context,
    fmt_money,
    fmt_number,
    percent,
    round_half_up,
)
from kinerja.core.rollup import ComputedNode, compute_tree
from kinerja.core.rules import DEFAULT_RULES, Rules
from kinerja.core.tree import PlanNode, level_name

SEPARATOR = " › "
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Finding:
    """One problem: a machine ``code``, ``where`` (the path of node labels joined by " › "),
    an Indonesian ``message``, the ``expected`` and ``found`` values written the Indonesian
    way, and a ``severity`` ("error" or "warning")."""

    code: str
    where: str
    message: str
    expected: str
    found: str
    severity: str = "error"

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class _Context:
    node: PlanNode
    path: tuple[PlanNode, ...]
    parent: PlanNode | None
    computed: ComputedNode | None
    upto: int

    @property
    def where(self) -> str:
        return SEPARATOR.join(n.label for n in self.path)

    def finding(
        self, code: str, message: str, expected: str, found: str, severity: str = "error"
    ) -> Finding:
        return Finding(code, self.where, message, expected, found, severity)


def _places(printed: Decimal) -> int:
    exponent = printed.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _month_list(months: Sequence[int]) -> str:
    return ", ".join(MONTHS_ID[m - 1] if 1 <= m <= 12 else str(m) for m in months)


def _own_realisasi(node: PlanNode, upto: int) -> Decimal | None:
    flows = [
        m.realisasi_keuangan
        for m in node.months
        if 1 <= m.month <= upto and m.realisasi_keuangan is not None
    ]
    if not flows:
        return None
    with decimal_context():
        return sum(flows, Decimal(0))


class _Figures:
    """The figure of each node used by the checks (printed first, else own / children)."""

    def __init__(self, upto: int) -> None:
        self.upto = upto
        self._cache: dict[tuple[int, str], Decimal | None] = {}

    def pagu(self, node: PlanNode) -> Decimal | None:
        return self._get(node, "pagu")

    def realisasi(self, node: PlanNode) -> Decimal | None:
        return self._get(node, "realisasi")

    def children_sum(self, node: PlanNode, what: str) -> Decimal | None:
        values = [v for v in (self._get(c, what) for c in node.children) if v is not None]
        if not values:
            return None
        with decimal_context():
            return sum(values, Decimal(0))

    def _get(self, node: PlanNode, what: str) -> Decimal | None:
        key = (id(node), what)
        if key not in self._cache:
            self._cache[key] = self._compute(node, what)
        return self._cache[key]

    def _compute(self, node: PlanNode, what: str) -> Decimal | None:
        printed = getattr(node.declared, what) if node.declared is not None else None
        if printed is not None:
            return printed
        if node.children:
            return self.children_sum(node, what)
        return node.pagu if what == "pagu" else _own_realisasi(node, self.upto)


# --- checks ----------------------------------------------------------------------------


def _check_sums(ctx: _Context, figures: _Figures) -> Iterator[Finding]:
    node = ctx.node
    if not node.children or node.declared is None:
        return
    noun = _children_noun(node)
    for what, label in (("pagu", "Pagu"), ("realisasi", "Realisasi")):
        printed = getattr(node.declared, what)
        total = figures.children_sum(node, what)
        if printed is None or total is None or printed == total:
            continue
        yield ctx.finding(
            f"{what}_sum",
            f"{label} {level_name(node.level)} tidak sama dengan jumlah {what} "
            f"{len(node.children)} {noun} di bawahnya.",
            fmt_money(total),
            fmt_money(printed),
        )


def _children_noun(node: PlanNode) -> str:
    levels = {c.level for c in node.children}
    return level_name(levels.pop()) if len(levels) == 1 else "anak"


def _check_percent(ctx: _Context, figures: _Figures) -> Iterator[Finding]:
    declared = ctx.node.declared
    if declared is None or declared.percent is None:
        return
    pagu, real = figures.pagu(ctx.node), figures.realisasi(ctx.node)
    if pagu is None or real is None:
        return
    printed = declared.percent
    places = _places(printed)
    if pagu == 0:
        if printed != 0:
            yield ctx.finding(
                "percent_mismatch",
                "Persentase tertulis padahal pagu Rp0 (persentase tidak terdefinisi).",
                DASH,
                fmt_number(printed, places),
            )
        return
    expected = round_half_up(percent(real, pagu), places)
    if expected != printed:
        yield ctx.finding(
            "percent_mismatch",
            f"Persentase tertulis tidak sama dengan realisasi ÷ pagu × 100 "
            f"({fmt_money(real)} ÷ {fmt_money(pagu)} × 100).",
            fmt_number(expected, places),
            fmt_number(printed, places),
        )


def _check_achievement(ctx: _Context) -> Iterator[Finding]:
    declared = ctx.node.declared
    if declared is None or declared.achievement is None or ctx.computed is None:
        return
    printed = declared.achievement
    places = _places(printed)
    value = ctx.computed.achievement.value
    if value is None:
        yield ctx.finding(
            "achievement_mismatch",
            f"Capaian tertulis padahal capaian tidak dapat dihitung "
            f"({ctx.computed.achievement.explanation}).",
            DASH,
            fmt_number(printed, places),
        )
        return
    expected = round_half_up(value, places)
    if expected != printed:
        yield ctx.finding(
            "achievement_mismatch",
            f"Capaian tertulis tidak sama dengan capaian hasil hitung "
            f"({ctx.computed.achievement.explanation}).",
            fmt_number(expected, places),
            fmt_number(printed, places),
        )


def _check_leaf_money(ctx: _Context, figures: _Figures) -> Iterator[Finding]:
    node = ctx.node
    if node.children:
        return
    declared = node.declared
    own_real = _own_realisasi(node, ctx.upto)
    if declared is not None:
        if declared.pagu is not None and node.pagu is not None and declared.pagu != node.pagu:
            yield ctx.finding(
                "pagu_mismatch",
                "Pagu tertulis tidak sama dengan pagu yang tercatat.",
                fmt_money(node.pagu),
                fmt_money(declared.pagu),
            )
        real_given = declared.realisasi is not None and own_real is not None
        if real_given and declared.realisasi != own_real:
            yield ctx.finding(
                "realisasi_mismatch",
                f"Realisasi tertulis tidak sama dengan jumlah realisasi bulanan s.d. "
                f"{MONTHS_ID[ctx.upto - 1]}.",
                fmt_money(own_real),
                fmt_money(declared.realisasi),
            )
    pagu, real = figures.pagu(node), figures.realisasi(node)
    if pagu is not None and real is not None and real > pagu:
        yield ctx.finding(
            "realisasi_above_pagu",
            "Realisasi melebihi pagu.",
            f"≤ {fmt_money(pagu)}",
            fmt_money(real),
        )


def _check_months(ctx: _Context, require_months: bool) -> Iterator[Finding]:
    node = ctx.node
    numbers = [m.month for m in node.months]
    invalid = sorted({m for m in numbers if isinstance(m, bool) or not 1 <= m <= 12})
    if invalid:
        yield ctx.finding(
            "month_invalid",
            "Bulan di luar 1–12.",
            "1–12",
            ", ".join(str(m) for m in invalid),
        )
    duplicates = sorted({m for m in numbers if numbers.count(m) > 1 and 1 <= m <= 12})
    if duplicates:
        yield ctx.finding(
            "month_duplicate",
            "Data bulan yang sama diisi lebih dari sekali.",
            "satu data per bulan",
            _month_list(duplicates),
        )
    if not require_months or node.children:
        return
    reported = {
        m.month for m in node.months if m.realisasi_keuangan is not None or m.fisik is not None
    }
    missing = [m for m in range(1, ctx.upto + 1) if m not in reported]
    if missing:
        yield ctx.finding(
            "months_missing",
            f"Data bulanan belum lengkap s.d. {MONTHS_ID[ctx.upto - 1]}.",
            f"{MONTHS_ID[0]}–{MONTHS_ID[ctx.upto - 1]}",
            f"tidak ada: {_month_list(missing)}",
        )


def _check_indicators(ctx: _Context) -> Iterator[Finding]:
    for indicator in ctx.node.indicators:
        target = indicator.target
        if target is None or not target.is_complete(indicator.spec):
            yield ctx.finding(
                "indicator_without_target",
                f"Indikator \u201c{indicator.statement}\u201d belum memiliki target lengkap.",
                "target terisi",
                DASH,
            )


def _check_code(ctx: _Context, seen: dict[str, str]) -> Iterator[Finding]:
    node, parent = ctx.node, ctx.parent
    code = node.code.strip()
    if not code:
        return
    if parent is not None and parent.code.strip():
        prefix = parent.code.strip() + "."
        if not code.startswith(prefix) or len(code) == len(prefix):
            yield ctx.finding(
                "code_not_under_parent",
                f"Kode {code} tidak berada di bawah kode induk {parent.code.strip()}.",
                f"{prefix}…",
                code,
            )
    if code in seen:
        yield ctx.finding(
            "duplicate_code",
            f"Kode {code} dipakai lebih dari sekali (pertama di {seen[code]}).",
            "kode unik",
            code,
        )
    else:
        seen[code] = ctx.where


def _series(node: PlanNode, attr: str) -> list[tuple[int, Decimal]]:
    return sorted(
        (m.month, getattr(m, attr))
        for m in node.months
        if getattr(m, attr) is not None and 1 <= m.month <= 12
    )


def _check_plan(ctx: _Context, figures: _Figures) -> Iterator[Finding]:
    node = ctx.node
    if node.children:
        return
    checks = (
        ("plan_fisik", "plan_decreasing", "Rencana fisik", "error"),
        ("plan_keuangan", "plan_decreasing", "Rencana keuangan", "error"),
        ("fisik", "fisik_decreasing", "Realisasi fisik", "warning"),
    )
    for attr, code, label, severity in checks:
        series = _series(node, attr)
        for (m1, v1), (m2, v2) in pairwise(series):
            if v2 < v1:
                show = fmt_money if attr == "plan_keuangan" else fmt_number
                yield ctx.finding(
                    code,
                    f"{label} kumulatif turun dari {MONTHS_ID[m1 - 1]} ke {MONTHS_ID[m2 - 1]}.",
                    f"≥ {show(v1)}",
                    show(v2),
                    severity,
                )
    plan_fisik = _series(node, "plan_fisik")
    if plan_fisik and plan_fisik[-1][1] != _HUNDRED:
        yield ctx.finding(
            "plan_not_complete",
            "Rencana fisik kumulatif Desember belum 100%.",
            "100",
            fmt_number(plan_fisik[-1][1]),
            "warning",
        )
    plan_keuangan = _series(node, "plan_keuangan")
    pagu = node.pagu if node.pagu is not None else figures.pagu(node)
    if plan_keuangan and pagu is not None and plan_keuangan[-1][1] != pagu:
        yield ctx.finding(
            "plan_not_complete",
            "Rencana keuangan kumulatif Desember tidak sama dengan pagu.",
            fmt_money(pagu),
            fmt_money(plan_keuangan[-1][1]),
            "warning",
        )


# --- driver ----------------------------------------------------------------------------


def _walk(
    nodes: Sequence[PlanNode], path: tuple[PlanNode, ...] = ()
) -> Iterator[tuple[PlanNode, tuple[PlanNode, ...]]]:
    for node in nodes:
        here = (*path, node)
        yield node, here
        yield from _walk(node.children, here)


def validate(
    roots: Sequence[PlanNode],
    *,
    upto_month: int = 12,
    require_months: bool = False,
    rules: Rules = DEFAULT_RULES,
    computed: ComputedNode | None = None,
) -> list[Finding]:
    """All findings of the tree under ``roots``, in depth-first order; never raises.

    ``upto_month`` bounds the realisations summed and the months required;
    ``rules`` is used to compute the achievements compared with printed ones.
    ``computed``: the result of ``compute_tree(roots, rules=rules, upto_month=upto_month)``
    when the caller has it already (as ``compute_plan`` does); otherwise it is computed here.
    A check that fails on unexpected data yields a ``check_failed`` finding instead of an
    exception.
    """
    findings: list[Finding] = []
    if isinstance(upto_month, bool) or not isinstance(upto_month, int) or not 1 <= upto_month <= 12:
        return [Finding("upto_invalid", "", "Bulan batas harus 1–12.", "1–12", str(upto_month))]
    computed_by_node: dict[int, ComputedNode] = {}
    try:
        if computed is None:
            computed = compute_tree(roots, rules=rules, upto_month=upto_month)
        computed_by_node = {id(c.node): c for c in computed.walk()}
    except Exception as exc:  # the contract is to report, not to raise
        findings.append(Finding("check_failed", "", "Perhitungan capaian gagal.", "", f"{exc!r}"))
    figures = _Figures(upto_month)
    seen: dict[str, str] = {}
    for node, path in _walk(tuple(roots)):
        ctx = _Context(
            node=node,
            path=path,
            parent=path[-2] if len(path) > 1 else None,
            computed=computed_by_node.get(id(node)),
            upto=upto_month,
        )
        checks: tuple[tuple[Callable[..., Iterator[Finding]], tuple[object, ...]], ...] = (
            (_check_code, (ctx, seen)),
            (_check_sums, (ctx, figures)),
            (_check_percent, (ctx, figures)),
            (_check_achievement, (ctx,)),
            (_check_leaf_money, (ctx, figures)),
            (_check_months, (ctx, require_months)),
            (_check_indicators, (ctx,)),
            (_check_plan, (ctx, figures)),
        )
        for check, args in checks:
            try:
                findings.extend(check(*args))
            except Exception as exc:  # the contract is to report, not to raise
                findings.append(
                    ctx.finding("check_failed", "Pemeriksaan gagal dijalankan.", "", f"{exc!r}")
                )
    return findings
