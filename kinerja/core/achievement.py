"""The achievement (capaian) of one indicator: realisation R against target T.

Included (``achieve``), with the rule of ``Rules`` that applies:
- higher is better: R ÷ T × 100;
- lower is better: (2T − R) ÷ T × 100 (``"2t_minus_r"``) or T ÷ R × 100 (``"t_over_r"``),
  both floored at 0. With ``"t_over_r"`` and R = 0 < T the quotient does not exist; the
  achievement is then 200, the value of the default formula at R = 0 (the bad thing did not
  happen at all), and the explanation says so;
- target 0: lower is better → 100 when R = 0, otherwise 0; higher is better → undefined
  ("target 0: capaian tidak terdefinisi") and left out of averages;
- a negative target → undefined (the formulas have no meaning there);
- range target a–b: above b → measured against b, below a → against a (with the polarity's
  formula); inside → 100 when ``range_inside_is_100``, otherwise measured against the
  strictest bound (b when higher is better, a when lower is better); a > b → undefined;
- qualitative, ``levels`` mode: the 1-based position of R's label in ``levels`` (ordered
  from worst to best when higher is better) against T's position, with the polarity's
  formula; ``met`` mode: 100 when R reaches T's level (or, without levels, when the labels
  are equal), else 0. Labels match ignoring case and repeated blanks; an unknown label →
  undefined;
- missing target or realisation → undefined with the reason.

The raw value is kept (e.g. 140); ``capped`` is min(raw, ``rules.cap``) and ``is_capped`` is
True only when the cap changed the value. A negative raw value (higher is better with a
negative realisation) is not floored.

Also included: ``realisation_upto``, the realisation of an indicator up to a month
(cumulative indicators add up, stock indicators take the latest value), and ``realised``, the
same over pairs already normalised.

The explanations are written when they are first read (``lazy``), not while computing.

Not included: averaging several indicators or nodes (``rollup``), predicates (``rules``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from kinerja.core.lazy import Frozen, Text, concat, resolve
from kinerja.core.numbers import ARITHMETIC, fmt_compact, to_decimal
from kinerja.core.rules import DEFAULT_RULES, Rules

POLARITIES = ("higher", "lower")
VALUE_TYPES = ("number", "percent", "range", "qualitative")
QUALITATIVE_MODES = ("levels", "met")

_HUNDRED = Decimal(100)
_TWO_HUNDRED = Decimal(200)
_ZERO = Decimal(0)
# the arithmetic of ``numbers.decimal_context``, called explicitly (no localcontext per call)
_add, _sub, _mul, _div = ARITHMETIC.add, ARITHMETIC.subtract, ARITHMETIC.multiply, ARITHMETIC.divide


@dataclass(frozen=True)
class IndicatorSpec:
    """How an indicator is measured.

    ``polarity``: ``"higher"`` or ``"lower"`` is better. ``value_type``: ``"number"``,
    ``"percent"`` (both use ``Target.value``), ``"range"`` (``Target.low``/``high``) or
    ``"qualitative"`` (``Target.label``). ``cumulative``: monthly realisations add up (counts
    of documents) rather than the latest value counting (%, index); ignored for qualitative
    indicators, which always take the latest label. ``levels``: ordered labels, worst first
    when higher is better. ``qualitative_mode``: ``"levels"`` or ``"met"``.
    Invalid option values raise ValueError.
    """

    polarity: str = "higher"
    value_type: str = "number"
    cumulative: bool = True
    levels: tuple[str, ...] = ()
    qualitative_mode: str = "levels"

    def __post_init__(self) -> None:
        if self.polarity not in POLARITIES:
            raise ValueError(f"polarity tidak dikenal: {self.polarity!r}; pilihan: {POLARITIES}")
        if self.value_type not in VALUE_TYPES:
            raise ValueError(
                f"value_type tidak dikenal: {self.value_type!r}; pilihan: {VALUE_TYPES}"
            )
        if self.qualitative_mode not in QUALITATIVE_MODES:
            raise ValueError(
                f"qualitative_mode tidak dikenal: {self.qualitative_mode!r}; "
                f"pilihan: {QUALITATIVE_MODES}"
            )
        levels = tuple(self.levels)
        keys = [_label_key(level) for level in levels]
        if len(set(keys)) != len(keys):
            raise ValueError("levels: label tingkatan tidak boleh kembar")
        object.__setattr__(self, "levels", levels)


@dataclass(frozen=True)
class Target:
    """The target of an indicator: ``value`` (number, percent), ``low``/``high`` (range) or
    ``label`` (qualitative). Numbers accept Decimal, int or plain strings."""

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    label: str | None = None

    def __post_init__(self) -> None:
        for name in ("value", "low", "high"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, to_decimal(getattr(self, name)))

    @classmethod
    def trusted(
        cls,
        value: Decimal | None = None,
        low: Decimal | None = None,
        high: Decimal | None = None,
        label: str | None = None,
    ) -> Target:
        """Build without conversion, from finite Decimals (or None) such as a database
        driver returns."""
        obj = object.__new__(cls)
        obj.__dict__.update(value=value, low=low, high=high, label=label)
        return obj

    def is_complete(self, spec: IndicatorSpec) -> bool:
        """Whether the part of the target that ``spec`` needs is filled in."""
        if spec.value_type == "range":
            return self.low is not None and self.high is not None
        if spec.value_type == "qualitative":
            return bool(self.label and self.label.strip())
        return self.value is not None


class Achievement(Frozen):
    """The achievement of one indicator.

    ``raw``: the formula's value, uncapped (None when undefined). ``capped``: min(raw, cap).
    ``formula``: machine key of the rule used (``r_over_t``, ``2t_minus_r``, ``t_over_r``,
    ``t_over_r_zero``, ``target_zero``, ``range_inside``, ``levels``, ``met``, ``none``).
    ``explanation``: Indonesian, with the cap note (``"140 = 7 ÷ 5 × 100; dibatasi 100"``);
    ``raw_explanation``: the same without the cap note. ``reason``: short reason when
    undefined (``"target 0"``), empty otherwise.

    Frozen. The explanations may be given as a ``lazy.Text``; they are written on first
    access and kept. Equality, hash and repr use the written texts.
    """

    __slots__ = (
        "raw",
        "capped",
        "is_capped",
        "formula",
        "_explanation",
        "_raw_explanation",
        "reason",
    )
    __match_args__ = (
        "raw",
        "capped",
        "is_capped",
        "formula",
        "explanation",
        "raw_explanation",
        "reason",
    )

    raw: Decimal | None
    capped: Decimal | None
    is_capped: bool
    formula: str
    reason: str

    def __init__(
        self,
        raw: Decimal | None,
        capped: Decimal | None,
        is_capped: bool,
        formula: str,
        explanation: Text,
        raw_explanation: Text = "",
        reason: str = "",
    ) -> None:
        _set_raw(self, raw)
        _set_capped(self, capped)
        _set_is_capped(self, is_capped)
        _set_formula(self, formula)
        _set_explanation(self, explanation)
        _set_raw_explanation(self, raw_explanation)
        _set_reason(self, reason)

    @property
    def explanation(self) -> str:
        text = self._explanation
        if type(text) is not str:
            text = resolve(text)
            _set_explanation(self, text)
        return text

    @property
    def raw_explanation(self) -> str:
        text = self._raw_explanation
        if type(text) is not str:
            text = resolve(text)
            _set_raw_explanation(self, text)
        return text

    @property
    def defined(self) -> bool:
        return self.raw is not None

    def _fields(self) -> tuple[object, ...]:
        return (
            self.raw,
            self.capped,
            self.is_capped,
            self.formula,
            self.explanation,
            self.raw_explanation,
            self.reason,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        pairs = zip(self.__match_args__, self._fields(), strict=True)
        values = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"{self.__class__.__qualname__}({values})"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (self.__class__, self._fields())


# the slots' own setters: Frozen refuses ordinary assignment
_set_raw = Achievement.raw.__set__  # type: ignore[attr-defined]
_set_capped = Achievement.capped.__set__  # type: ignore[attr-defined]
_set_is_capped = Achievement.is_capped.__set__  # type: ignore[attr-defined]
_set_formula = Achievement.formula.__set__  # type: ignore[attr-defined]
_set_explanation = Achievement._explanation.__set__  # type: ignore[attr-defined]
_set_raw_explanation = Achievement._raw_explanation.__set__  # type: ignore[attr-defined]
_set_reason = Achievement.reason.__set__  # type: ignore[attr-defined]


class _Raw(NamedTuple):
    value: Decimal | None
    formula: str
    text: Text
    reason: str = ""


def _n(value: Decimal) -> str:
    """An input shown in an explanation: exact up to 4 decimals, trailing zeros stripped."""
    return fmt_compact(value, 4)


def _r(value: Decimal) -> str:
    """A result shown in an explanation: at most 2 decimals, half up, zeros stripped."""
    return fmt_compact(value, 2)


# --- explanation texts, written on first access (see ``lazy``) --------------------------


def _t_capped(text: Text, capped: Decimal) -> str:
    return f"{resolve(text)}; dibatasi {_r(capped)}"


def _t_r_over_t(value: Decimal, real: Decimal, target: Decimal) -> str:
    return f"{_r(value)} = {_n(real)} ÷ {_n(target)} × 100"


def _t_target_zero(real: Decimal) -> str:
    return f"0 = target 0, realisasi {_n(real)} (bukan 0)"


def _t_zero_real(target: Decimal) -> str:
    return (
        f"200 = realisasi 0: {_n(target)} ÷ 0 tidak terdefinisi, dipakai"
        f" (2 × {_n(target)} − 0) ÷ {_n(target)} × 100"
    )


def _formula(key: str, target: Decimal, real: Decimal) -> str:
    if key == "2t_minus_r":
        return f"(2 × {_n(target)} − {_n(real)}) ÷ {_n(target)} × 100"
    return f"{_n(target)} ÷ {_n(real)} × 100"


def _t_lower(key: str, target: Decimal, real: Decimal, value: Decimal) -> str:
    if value < 0:
        return f"0 = {_formula(key, target, real)} = {_r(value)}; minimal 0"
    return f"{_r(value)} = {_formula(key, target, real)}"


def _t_range_inside(real: Decimal, low: Decimal, high: Decimal) -> str:
    return f"100 = {_n(real)} di dalam rentang {_n(low)}–{_n(high)}"


def _t_range(text: Text, where: str, low: Decimal, high: Decimal, bound: Decimal) -> str:
    span = f"{_n(low)}–{_n(high)}"
    if where == "above":
        note = f" (di atas rentang {span})"
    elif where == "below":
        note = f" (di bawah rentang {span})"
    else:
        note = f" (di dalam rentang {span}, dihitung terhadap {_n(bound)})"
    return resolve(text) + note


# --- the formulas ------------------------------------------------------------------------


def _undefined_raw(reason: str) -> _Raw:
    return _Raw(None, "none", f"{reason}: capaian tidak terdefinisi", reason)


def _finish(raw: _Raw, rules: Rules) -> Achievement:
    if raw.value is None:
        return Achievement(None, None, False, raw.formula, raw.text, raw.text, raw.reason)
    capped = raw.value
    if rules.cap is not None and raw.value > rules.cap:
        capped = rules.cap
    is_capped = capped != raw.value
    text = (_t_capped, raw.text, capped) if is_capped else raw.text
    return Achievement(raw.value, capped, is_capped, raw.formula, text, raw.text)


def _numeric(polarity: str, target: Decimal, real: Decimal, rules: Rules) -> _Raw:
    """Achievement of R against a single number T with the polarity's formula.

    The arithmetic runs in ``ARITHMETIC`` (the context of ``decimal_context``)."""
    if target < 0:
        return _undefined_raw("target negatif")
    if target == 0:
        if polarity == "higher":
            return _undefined_raw("target 0")
        if real == 0:
            return _Raw(_HUNDRED, "target_zero", "100 = target 0 dan realisasi 0")
        return _Raw(_ZERO, "target_zero", (_t_target_zero, real))
    if polarity == "higher":
        value = _div(_mul(real, _HUNDRED), target)
        return _Raw(value, "r_over_t", (_t_r_over_t, value, real, target))
    if rules.lower_is_better == "2t_minus_r":
        value = _div(_mul(_sub(_mul(2, target), real), _HUNDRED), target)
        key = "2t_minus_r"
    else:
        if real == 0:
            return _Raw(_TWO_HUNDRED, "t_over_r_zero", (_t_zero_real, target))
        value = _div(_mul(target, _HUNDRED), real)
        key = "t_over_r"
    text = (_t_lower, key, target, real, value)
    if value < 0:
        return _Raw(_ZERO, key, text)
    return _Raw(value, key, text)


def _range(spec: IndicatorSpec, target: Target, real: Decimal, rules: Rules) -> _Raw:
    low, high = target.low, target.high
    if low is None or high is None:
        return _undefined_raw("target rentang belum lengkap")
    if low > high:
        return _undefined_raw("rentang target tidak valid")
    if real > high:
        raw = _numeric(spec.polarity, high, real, rules)
        where, bound = "above", high
    elif real < low:
        raw = _numeric(spec.polarity, low, real, rules)
        where, bound = "below", low
    elif rules.range_inside_is_100:
        return _Raw(_HUNDRED, "range_inside", (_t_range_inside, real, low, high))
    else:
        bound = high if spec.polarity == "higher" else low
        raw = _numeric(spec.polarity, bound, real, rules)
        where = "inside"
    if raw.value is None:
        return raw
    return _Raw(raw.value, raw.formula, (_t_range, raw.text, where, low, high, bound))


def _label_key(label: str) -> str:
    return " ".join(str(label).split()).casefold()


def _qualitative(spec: IndicatorSpec, target: Target, real: object, rules: Rules) -> _Raw:
    wanted, got = str(target.label).strip(), str(real).strip()
    if not spec.levels:
        if spec.qualitative_mode == "levels":
            return _undefined_raw("tingkatan label belum diatur")
        if _label_key(wanted) == _label_key(got):
            return _Raw(_HUNDRED, "met", f"100 = {got} sesuai target {wanted}")
        return _Raw(_ZERO, "met", f"0 = {got} tidak sesuai target {wanted}")
    positions = {_label_key(level): i for i, level in enumerate(spec.levels, start=1)}
    if _label_key(wanted) not in positions:
        return _undefined_raw(f"label target tidak dikenal: {wanted}")
    if _label_key(got) not in positions:
        return _undefined_raw(f"label realisasi tidak dikenal: {got}")
    t_pos, r_pos = positions[_label_key(wanted)], positions[_label_key(got)]
    if spec.qualitative_mode == "met":
        reached = r_pos >= t_pos if spec.polarity == "higher" else r_pos <= t_pos
        if reached:
            return _Raw(_HUNDRED, "met", f"100 = {got} memenuhi target {wanted}")
        return _Raw(_ZERO, "met", f"0 = {got} belum memenuhi target {wanted}")
    raw = _numeric(spec.polarity, Decimal(t_pos), Decimal(r_pos), rules)
    levels_note = f"; tingkat {got} = {r_pos}, target {wanted} = {t_pos}"
    return _Raw(raw.value, "levels", (concat, raw.text, levels_note))


def achieve(
    spec: IndicatorSpec,
    target: Target | None,
    realisation: Decimal | int | str | None,
    rules: Rules = DEFAULT_RULES,
) -> Achievement:
    """The achievement of one indicator; never raises on missing or unusable data.

    ``realisation`` is a number (Decimal, int or plain string) or, for qualitative
    indicators, a label. A numeric indicator whose realisation is not a number is undefined
    ("realisasi bukan angka"). Floats still raise TypeError: they are a programming error.
    """
    if target is None or not target.is_complete(spec):
        partial = target is not None and (target.low is not None or target.high is not None)
        if spec.value_type == "range" and partial:
            return _finish(_undefined_raw("target rentang belum lengkap"), rules)
        return _finish(_undefined_raw("target belum diisi"), rules)
    if realisation is None or (isinstance(realisation, str) and not realisation.strip()):
        return _finish(_undefined_raw("realisasi belum diisi"), rules)
    if spec.value_type == "qualitative":
        return _finish(_qualitative(spec, target, realisation, rules), rules)
    if type(realisation) is Decimal and realisation.is_finite():
        real = realisation
    else:
        try:
            real = to_decimal(realisation)
        except ValueError:
            return _finish(_undefined_raw(f"realisasi bukan angka: {realisation}"), rules)
    if spec.value_type == "range":
        return _finish(_range(spec, target, real, rules), rules)
    return _finish(_numeric(spec.polarity, to_decimal(target.value), real, rules), rules)


def monthly_pairs(
    monthly: Mapping[int, object] | Iterable[tuple[int, object]],
) -> tuple[tuple[int, object], ...]:
    """``(month, value)`` pairs sorted by month from a mapping or an iterable of pairs.

    When a month appears twice in an iterable, the later pair wins (as in ``dict``).
    """
    items = monthly.items() if isinstance(monthly, Mapping) else monthly
    return tuple(sorted(dict(items).items(), key=lambda pair: pair[0]))


def realisation_upto(
    spec: IndicatorSpec,
    monthly: Mapping[int, Decimal | str | None] | Iterable[tuple[int, Decimal | str | None]],
    upto_month: int,
) -> Decimal | str | None:
    """The realisation of an indicator at the end of ``upto_month``.

    Only months 1..``upto_month`` with a value (not None) count. Cumulative numeric
    indicators: the sum of those months. Stock numeric indicators: the latest of them.
    Qualitative indicators: the latest label (stripped). None when no month counts.
    Numbers go through ``to_decimal`` (a garbage string raises ValueError).
    """
    return realised(spec, monthly_pairs(monthly), upto_month)


def realised(
    spec: IndicatorSpec, pairs: tuple[tuple[int, object], ...], upto_month: int
) -> Decimal | str | None:
    """``realisation_upto`` over pairs already normalised by ``monthly_pairs`` (as
    ``IndicatorInput.monthly`` holds them)."""
    given = [(m, v) for m, v in pairs if 1 <= m <= upto_month and v is not None]
    if not given:
        return None
    latest = given[-1][1]
    if spec.value_type == "qualitative":
        return str(latest).strip()
    if not spec.cumulative:
        return to_decimal(latest)  # type: ignore[arg-type]
    total = _ZERO
    for _, v in given:
        total = _add(total, v if type(v) is Decimal and v.is_finite() else to_decimal(v))
    return total
