"""The rules a government chooses for computing achievements, roll-ups and warnings.

Included: every setting that differs between governments, with the documented defaults of
``docs`` / the domain brief, their JSON form (``to_dict`` / ``from_dict``), the predicate of
an achievement and an Indonesian description of the rules in force (``describe``).

Not included: the formulas themselves (``achievement``, ``rollup``) and the SAKIP evaluation
scale of PermenPAN-RB 88/2021 (AA … D), which grades a whole government, not one figure.

Defaults:
- lower is better: (2T − R) ÷ T × 100, floored at 0 (``"2t_minus_r"``; or ``"t_over_r"``);
- cap: a capped achievement is min(raw, 100); ``None`` means no cap; the raw figure is kept;
- a parent's achievement: plain mean of its children (``"mean"``, ``"weighted_pagu"``,
  ``"min"``);
- a parent's physical progress: weighted by pagu (``"weighted_pagu"`` or ``"mean"``);
- a realisation inside a range target counts 100;
- predicate: > 90 Sangat Tinggi, > 75 Tinggi, > 65 Sedang, > 50 Rendah, otherwise
  Sangat Rendah (strictly greater; values above 100 are Sangat Tinggi);
- deviation warning: behind the plan by more than 10 points while the plan is at or below
  70 %, by more than 5 points after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from kinerja.core.numbers import fmt_compact, to_decimal

LOWER_IS_BETTER = ("2t_minus_r", "t_over_r")
ACHIEVEMENT_ROLLUPS = ("mean", "weighted_pagu", "min")
FISIK_ROLLUPS = ("weighted_pagu", "mean")

_LOWER_TEXT = {
    "2t_minus_r": "(2 × T − R) ÷ T × 100, minimal 0",
    "t_over_r": "T ÷ R × 100, minimal 0",
}
_ACHIEVEMENT_TEXT = {
    "mean": "rata-rata anak",
    "weighted_pagu": "rata-rata anak tertimbang pagu",
    "min": "nilai terendah anak",
}
_FISIK_TEXT = {
    "weighted_pagu": "rata-rata anak tertimbang pagu",
    "mean": "rata-rata anak",
}


@dataclass(frozen=True)
class PredicateBand:
    """A predicate label given to achievements strictly greater than ``above``."""

    above: Decimal
    label: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "above", to_decimal(self.above))
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValueError("label predikat tidak boleh kosong")


DEFAULT_PREDICATE_SCALE = (
    PredicateBand(Decimal(90), "Sangat Tinggi"),
    PredicateBand(Decimal(75), "Tinggi"),
    PredicateBand(Decimal(65), "Sedang"),
    PredicateBand(Decimal(50), "Rendah"),
)


def _choice(key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{key}: nilai {value!r} tidak dikenal; pilihan: {', '.join(allowed)}")
    return value


def _decimal(key: str, value: Any) -> Decimal:
    try:
        return to_decimal(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{key}: harus angka (Decimal, int atau teks), bukan {value!r}") from exc


@dataclass(frozen=True)
class Rules:
    """Settings of one government. Construct with keywords; invalid values raise ValueError.

    ``predicate_scale`` may be given in any order; it is kept sorted from the highest
    threshold down. Decimal settings also accept ints and plain number strings.
    """

    lower_is_better: str = "2t_minus_r"
    cap: Decimal | None = Decimal(100)
    achievement_rollup: str = "mean"
    fisik_rollup: str = "weighted_pagu"
    range_inside_is_100: bool = True
    predicate_scale: tuple[PredicateBand, ...] = DEFAULT_PREDICATE_SCALE
    predicate_floor: str = "Sangat Rendah"
    deviation_plan_split: Decimal = Decimal(70)
    deviation_early: Decimal = Decimal(10)
    deviation_late: Decimal = Decimal(5)

    def __post_init__(self) -> None:
        _choice("lower_is_better", self.lower_is_better, LOWER_IS_BETTER)
        _choice("achievement_rollup", self.achievement_rollup, ACHIEVEMENT_ROLLUPS)
        _choice("fisik_rollup", self.fisik_rollup, FISIK_ROLLUPS)
        if not isinstance(self.range_inside_is_100, bool):
            raise ValueError("range_inside_is_100: harus true atau false")
        if self.cap is not None:
            object.__setattr__(self, "cap", _decimal("cap", self.cap))
        for key in ("deviation_plan_split", "deviation_early", "deviation_late"):
            object.__setattr__(self, key, _decimal(key, getattr(self, key)))
        bands = tuple(self.predicate_scale)
        if not all(isinstance(b, PredicateBand) for b in bands):
            raise ValueError("predicate_scale: setiap unsur harus PredicateBand")
        thresholds = [b.above for b in bands]
        if len(set(thresholds)) != len(thresholds):
            raise ValueError("predicate_scale: ambang batas tidak boleh kembar")
        ordered = tuple(sorted(bands, key=lambda b: b.above, reverse=True))
        object.__setattr__(self, "predicate_scale", ordered)
        if not isinstance(self.predicate_floor, str) or not self.predicate_floor.strip():
            raise ValueError("predicate_floor: label tidak boleh kosong")

    def predicate(self, value: Decimal | None) -> str | None:
        """The label of the first band whose threshold ``value`` strictly exceeds, else the
        floor label; None when ``value`` is None."""
        if value is None:
            return None
        for band in self.predicate_scale:
            if value > band.above:
                return band.label
        return self.predicate_floor

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: Decimals as strings, the scale as a list of {above, label}."""
        return {
            "lower_is_better": self.lower_is_better,
            "cap": None if self.cap is None else str(self.cap),
            "achievement_rollup": self.achievement_rollup,
            "fisik_rollup": self.fisik_rollup,
            "range_inside_is_100": self.range_inside_is_100,
            "predicate_scale": [
                {"above": str(b.above), "label": b.label} for b in self.predicate_scale
            ],
            "predicate_floor": self.predicate_floor,
            "deviation_plan_split": str(self.deviation_plan_split),
            "deviation_early": str(self.deviation_early),
            "deviation_late": str(self.deviation_late),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rules:
        """Rules from the ``to_dict`` form. Missing keys take the defaults.

        Raises ValueError naming the key for an unknown key, an unknown option value (with
        the allowed values) or a malformed number or band. JSON floats are refused: write
        numbers as strings.
        """
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(
                f"kunci aturan tidak dikenal: {', '.join(unknown)}; "
                f"kunci yang dikenal: {', '.join(sorted(known))}"
            )
        values = dict(data)
        if "predicate_scale" in values:
            values["predicate_scale"] = _parse_scale(values["predicate_scale"])
        if "cap" in values and values["cap"] is not None:
            values["cap"] = _decimal("cap", values["cap"])
        return cls(**values)

    def describe(self) -> list[str]:
        """The rules in force, one Indonesian line each, for reports and the settings page."""
        cap = (
            "Batas capaian: tidak dibatasi"
            if self.cap is None
            else f"Batas capaian: {fmt_compact(self.cap)} (capaian mentah tetap disimpan)"
        )
        inside = (
            "Target rentang: realisasi di dalam rentang dihitung 100"
            if self.range_inside_is_100
            else "Target rentang: realisasi di dalam rentang dihitung terhadap batas terketat"
        )
        scale = "; ".join(f"> {fmt_compact(b.above)} {b.label}" for b in self.predicate_scale)
        return [
            f"Indikator makin kecil makin baik: {_LOWER_TEXT[self.lower_is_better]}",
            cap,
            f"Capaian induk: {_ACHIEVEMENT_TEXT[self.achievement_rollup]}",
            f"Fisik induk: {_FISIK_TEXT[self.fisik_rollup]}",
            inside,
            f"Predikat: {scale}; selainnya {self.predicate_floor}",
            (
                f"Peringatan deviasi: tertinggal lebih dari {fmt_compact(self.deviation_early)}"
                f" poin selama rencana ≤ {fmt_compact(self.deviation_plan_split)}%, lebih dari"
                f" {fmt_compact(self.deviation_late)} poin sesudahnya"
            ),
        ]


def _parse_scale(raw: Any) -> tuple[PredicateBand, ...]:
    if isinstance(raw, (str, bytes)) or not hasattr(raw, "__iter__"):
        raise ValueError("predicate_scale: harus daftar {above, label}")
    bands = []
    for item in raw:
        if isinstance(item, PredicateBand):
            bands.append(item)
            continue
        if isinstance(item, Mapping):
            above, label = item.get("above"), item.get("label")
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            above, label = item
        else:
            raise ValueError(f"predicate_scale: unsur tidak valid: {item!r}")
        bands.append(PredicateBand(_decimal("predicate_scale.above", above), label))
    return tuple(bands)


DEFAULT_RULES = Rules()
