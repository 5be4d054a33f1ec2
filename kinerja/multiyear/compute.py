"""Pure computations over several years: the medium-term plan (Renstra / RPJMD), the
previous year compared, and codes carried between nomenclature versions.

Plain Python in the style of ``kinerja.core`` (standard library and ``kinerja.core`` only,
``Decimal`` only, nothing rounded; ``tests/multiyear/test_purity.py`` enforces it).

Included:
- ``end_target``: the end-of-period target of an indicator: the one set explicitly in the
  document, else derived from the yearly medium-term targets: the sum of every year's target
  for a cumulative numeric indicator (undefined while a year's target is missing), the target
  of the last year of the period for any other indicator;
- ``realisation_to_date``: the realisation from the start of the period up to a year (the
  Permendagri 86/2017 evaluation form, column 13 = column 6 + column 12): the sum of the
  yearly realisations of a cumulative numeric indicator, the latest yearly value of any other
  (a stock, a rate, an index, a label); the years without a realisation are named;
- ``medium_term_progress``: this year's realisation against this year's medium-term target,
  and the realisation to date against the end target (tingkat capaian, column 14), both by the
  polarity's formula of ``kinerja.core.achievement.achieve`` and the government's rules (so
  target 0, ranges, qualitative labels and the cap behave as everywhere else);
- ``trend``: a value now against the year before: naik / turun / tetap, and whether that is
  better (membaik / memburuk) given the polarity;
- ``target_below_previous``: a warning when a year's target asks less than what was realised
  the year before (below it when higher is better, above it when lower is better);
- ``remap_code`` / ``remap_tree``: codes of one nomenclature version carried into the next
  by a mapping table (old code → new code, or removed); a code without an entry of its own
  follows its nearest remapped ancestor (``4.01.01`` → ``4.01.02`` moves ``4.01.01.1.01`` to
  ``4.01.02.1.01``), any other code stays;
- ``match_nodes`` / ``match_indicators``: the rows of two years paired: by (mapped) code at
  the same depth, then by name; indicators by statement, or the only indicator of both sides
  when its satuan is the same.

Not included: reading the years from the database (``kinerja.multiyear.selectors``), the
community satisfaction index (``kinerja.multiyear.ikm``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.achievement import Achievement, IndicatorSpec, Target, achieve
from kinerja.core.numbers import ARITHMETIC, fmt_compact, to_decimal
from kinerja.core.rules import DEFAULT_RULES, Rules

Value = Decimal | str | None

_ZERO = Decimal(0)
DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2, "tolok_ukur": 2}


def _n(value: Decimal) -> str:
    return fmt_compact(value, 4)


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def _numeric(spec: IndicatorSpec) -> bool:
    return spec.value_type in ("number", "percent")


def _number(value: object) -> Decimal | None:
    """A realisation as a Decimal, or None when it is not a number (a label, garbage)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal | int | str):
        try:
            return to_decimal(value)
        except ValueError:
            return None
    return None


def _target_text(target: Target) -> str:
    if target.label:
        return target.label
    if target.value is not None:
        return _n(target.value)
    if target.low is not None and target.high is not None:
        return f"{_n(target.low)}–{_n(target.high)}"
    return "–"


def _value_text(value: Value) -> str:
    number = _number(value)
    if number is not None:
        return _n(number)
    return "–" if value is None else str(value).strip()


# --- the medium-term plan ------------------------------------------------------------------


@dataclass(frozen=True)
class EndTarget:
    """The end-of-period target. ``rule``: ``explicit`` (set in the document), ``sum`` (sum
    of the yearly targets), ``last_year`` (the target of the period's last year) or ``none``
    (undefined; ``explanation`` says why)."""

    target: Target | None
    rule: str
    explanation: str


def end_target(
    spec: IndicatorSpec,
    yearly: Mapping[int, Target | None],
    period_start: int,
    period_end: int,
    explicit: Target | None = None,
) -> EndTarget:
    """The end target of an indicator over ``period_start``..``period_end`` (see the module
    documentation). An explicit target that is not complete for ``spec`` is ignored."""
    if period_end < period_start:
        raise ValueError(f"periode {period_start}–{period_end} terbalik")
    if explicit is not None and explicit.is_complete(spec):
        return EndTarget(explicit, "explicit", f"{_target_text(explicit)} = ditetapkan")
    if _numeric(spec) and spec.cumulative:
        years = range(period_start, period_end + 1)
        missing = [y for y in years if not _complete(yearly.get(y), spec)]
        if missing:
            return EndTarget(
                None,
                "none",
                f"target akhir periode tidak dapat dijumlahkan: target tahun {_years(missing)}"
                " belum diisi",
            )
        values = [yearly[y].value for y in years]  # type: ignore[union-attr]
        total = _ZERO
        for v in values:
            total = ARITHMETIC.add(total, v)
        parts = "; ".join(_n(v) for v in values)  # type: ignore[arg-type]
        return EndTarget(
            Target(value=total),
            "sum",
            f"{_n(total)} = jumlah target {period_start}–{period_end}: {parts}",
        )
    last = yearly.get(period_end)
    if not _complete(last, spec):
        return EndTarget(None, "none", f"target tahun akhir periode ({period_end}) belum diisi")
    return EndTarget(
        last,
        "last_year",
        f"{_target_text(last)} = target tahun akhir periode ({period_end})",  # type: ignore[arg-type]
    )


def _complete(target: Target | None, spec: IndicatorSpec) -> bool:
    return target is not None and target.is_complete(spec)


@dataclass(frozen=True)
class ToDate:
    """The realisation from the start of the period up to a year. ``rule``: ``sum``,
    ``latest`` or ``none``; ``years``: the years whose realisation was used; ``missing``: the
    years of the span without one (for ``latest``: the span's years after the one used)."""

    value: Value
    rule: str
    years: tuple[int, ...]
    missing: tuple[int, ...]
    explanation: str

    @property
    def complete(self) -> bool:
        return self.value is not None and not self.missing


def realisation_to_date(
    spec: IndicatorSpec,
    yearly: Mapping[int, Value],
    period_start: int,
    year: int,
    period_end: int | None = None,
) -> ToDate:
    """The realisation over ``period_start``..``year`` (at most up to ``period_end``).

    A cumulative numeric indicator adds up the years that have a realisation; any other takes
    the latest of them. A realisation that is not a number is skipped for a numeric
    indicator (and named as missing)."""
    last = year if period_end is None else min(year, period_end)
    span = list(range(period_start, last + 1))
    if not span:
        return ToDate(None, "none", (), (), f"tahun {year} sebelum awal periode {period_start}")
    qualitative = spec.value_type == "qualitative"

    def usable(y: int) -> bool:
        v = yearly.get(y)
        if v is None or (isinstance(v, str) and not v.strip()):
            return False
        return qualitative or _number(v) is not None

    used = [y for y in span if usable(y)]
    if not used:
        period = f"{span[0]}–{span[-1]}" if len(span) > 1 else str(span[0])
        return ToDate(None, "none", (), tuple(span), f"belum ada realisasi {period}")
    if _numeric(spec) and spec.cumulative:
        missing = tuple(y for y in span if y not in used)
        total = _ZERO
        for y in used:
            total = ARITHMETIC.add(total, _number(yearly[y]))  # type: ignore[arg-type]
        parts = " + ".join(f"{_n(_number(yearly[y]))} ({y})" for y in used)  # type: ignore[arg-type]
        text = f"{_n(total)} = {parts}" if len(used) > 1 else f"{_n(total)} = realisasi {used[0]}"
        if missing:
            text += f"; tanpa realisasi: {_years(missing)}"
        return ToDate(total, "sum", tuple(used), missing, text)
    latest = used[-1]
    value = yearly[latest]
    value = str(value).strip() if qualitative else _number(value)
    missing = tuple(y for y in span if y > latest)
    text = f"{_value_text(value)} = realisasi {latest} (nilai terakhir, tidak dijumlahkan)"
    if missing:
        text += f"; realisasi {_years(missing)} belum ada"
    return ToDate(value, "latest", (latest,), missing, text)


@dataclass(frozen=True)
class Progress:
    """One indicator of the medium-term plan in one year (Tabel 8.3; Permendagri 86/2017
    form columns 5, 7, 12, 13, 14)."""

    year: int
    in_period: bool
    year_target: Target | None  # this year's medium-term target
    year_realisation: Value
    year_achievement: Achievement  # this year's realisation ÷ this year's target
    end: EndTarget
    to_date: ToDate
    to_date_achievement: Achievement  # tingkat capaian: realisation to date ÷ end target


def medium_term_progress(
    spec: IndicatorSpec,
    *,
    year: int,
    period_start: int,
    period_end: int,
    yearly_targets: Mapping[int, Target | None],
    yearly_realisations: Mapping[int, Value],
    explicit_end: Target | None = None,
    rules: Rules = DEFAULT_RULES,
) -> Progress:
    """This year against this year's medium-term target, and the period so far against the
    end target. A year outside the period has no yearly target (``in_period`` False); the
    realisation to date then stops at the period's end."""
    in_period = period_start <= year <= period_end
    year_target = yearly_targets.get(year) if in_period else None
    year_real = yearly_realisations.get(year)
    end = end_target(spec, yearly_targets, period_start, period_end, explicit_end)
    to_date = realisation_to_date(spec, yearly_realisations, period_start, year, period_end)
    return Progress(
        year=year,
        in_period=in_period,
        year_target=year_target,
        year_realisation=year_real,
        year_achievement=achieve(spec, year_target, year_real, rules),
        end=end,
        to_date=to_date,
        to_date_achievement=achieve(spec, end.target, to_date.value, rules),
    )


# --- years compared ------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    """A value now against the year before. ``direction``: ``naik``, ``turun`` or ``tetap``;
    ``assessment``: ``membaik``, ``memburuk`` or ``tetap`` given the polarity; both None when
    the two cannot be compared (``explanation`` says why). ``difference`` = now − before
    (numbers only; for labels the difference of their levels)."""

    direction: str | None
    assessment: str | None
    difference: Decimal | None
    explanation: str

    @property
    def comparable(self) -> bool:
        return self.direction is not None


def _level_key(label: str) -> str:
    return " ".join(str(label).split()).casefold()


def _position(value: object, levels: Sequence[str]) -> int | None:
    if value is None or not levels:
        return None
    positions = {_level_key(level): i for i, level in enumerate(levels, start=1)}
    return positions.get(_level_key(str(value)))


def trend(
    now: Value, before: Value, polarity: str = "higher", levels: Sequence[str] = ()
) -> Trend:
    """Naik / turun / tetap of ``now`` against ``before``; membaik when it moved the way the
    polarity prefers (up when higher is better, down when lower is better). Labels are
    compared by their position in ``levels`` (worst first when higher is better)."""
    if polarity not in ("higher", "lower"):
        raise ValueError(f"polarity tidak dikenal: {polarity!r}")
    if before is None:
        return Trend(None, None, None, "tidak ada nilai tahun sebelumnya")
    if now is None:
        return Trend(None, None, None, "belum ada nilai tahun ini")
    a, b = _number(now), _number(before)
    shown_now, shown_before = _value_text(now), _value_text(before)
    if a is None or b is None:
        pa, pb = _position(now, levels), _position(before, levels)
        if pa is None or pb is None:
            return Trend(None, None, None, "nilai tidak dapat dibandingkan")
        a, b = Decimal(pa), Decimal(pb)
    difference = ARITHMETIC.subtract(a, b)
    if difference == 0:
        return Trend("tetap", "tetap", difference, f"tetap {shown_now}")
    direction = "naik" if difference > 0 else "turun"
    better = (difference > 0) == (polarity == "higher")
    assessment = "membaik" if better else "memburuk"
    text = f"{direction} dari {shown_before} menjadi {shown_now}"
    if polarity == "lower":
        text += f" ({assessment}: makin rendah makin baik)"
    return Trend(direction, assessment, difference, text)


def target_below_previous(
    spec: IndicatorSpec,
    target: Target | None,
    previous_realisation: Value,
    *,
    year: int | None = None,
    previous_year: int | None = None,
) -> str | None:
    """A warning (Indonesian) when ``target`` asks less than ``previous_realisation``: a lower
    value when higher is better, a higher one when lower is better. For a range the most
    demanding bound is compared (the upper when higher is better, the lower otherwise); a
    label by its level. None when there is nothing to warn about or nothing to compare."""
    if target is None or previous_realisation is None:
        return None
    this = f"target {year}" if year is not None else "target"
    last = f"realisasi {previous_year}" if previous_year is not None else "realisasi tahun lalu"
    higher = spec.polarity == "higher"
    if spec.value_type == "qualitative":
        t_pos = _position(target.label, spec.levels)
        p_pos = _position(previous_realisation, spec.levels)
        if t_pos is None or p_pos is None:
            return None
        if (t_pos < p_pos) if higher else (t_pos > p_pos):
            return (
                f"{this} ({target.label}) di bawah {last} ({str(previous_realisation).strip()})"
            )
        return None
    prev = _number(previous_realisation)
    if prev is None:
        return None
    bound = target.value
    if spec.value_type == "range":
        bound = target.high if higher else target.low
    if bound is None:
        return None
    if higher and bound < prev:
        return f"{this} ({_n(bound)}) lebih rendah dari {last} ({_n(prev)})"
    if not higher and bound > prev:
        return (
            f"{this} ({_n(bound)}) lebih tinggi dari {last} ({_n(prev)}),"
            " padahal makin rendah makin baik"
        )
    return None


# --- codes between nomenclature versions ---------------------------------------------------


@dataclass(frozen=True)
class CodeChange:
    """One row of a mapping table: the new code (blank: the code was removed) and,
    optionally, the new name."""

    new_code: str
    new_name: str = ""


def remap_code(code: str, mapping: Mapping[str, CodeChange]) -> tuple[str | None, str, str]:
    """``(new code or None when removed, new name or "", rule)`` of one code.

    ``rule``: ``own`` (the code's own entry), ``parent`` (it follows its nearest ancestor
    with an entry: the ancestor's old prefix is replaced by its new code) or ``same``."""
    own = mapping.get(code)
    if own is not None:
        return (own.new_code or None), own.new_name, "own"
    parts = code.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:cut])
        entry = mapping.get(prefix)
        if entry is not None:
            if not entry.new_code:
                return None, "", "parent"
            return entry.new_code + code[len(prefix) :], "", "parent"
    return code, "", "same"


@dataclass(frozen=True)
class NodeRow:
    code: str
    parent_code: str | None
    level: str
    name: str


@dataclass(frozen=True)
class MappedRow:
    """A row carried into the new version. ``code`` is None when the row was removed (with
    its subtree)."""

    old_code: str
    code: str | None
    name: str
    level: str
    parent_code: str | None
    rule: str  # own | parent | same | removed_parent

    @property
    def changed(self) -> bool:
        return self.code != self.old_code


def remap_tree(
    rows: Sequence[NodeRow], mapping: Mapping[str, CodeChange]
) -> tuple[list[MappedRow], list[str]]:
    """Every row's code and name in the new version, parents first as given, and the errors
    (Indonesian) that make the result unusable: a child kept under a removed parent by its
    own entry, a child whose new code is not under its parent's new code, two rows with the
    same new code. Rows must list a parent before its children."""
    mapped: dict[str, MappedRow] = {}
    errors: list[str] = []
    out: list[MappedRow] = []
    seen: dict[str, str] = {}
    for row in rows:
        parent = mapped.get(row.parent_code) if row.parent_code else None
        if row.parent_code and parent is None:
            errors.append(f"{row.code}: induk {row.parent_code} tidak ada di atasnya")
            continue
        code, name, rule = remap_code(row.code, mapping)
        if parent is not None and parent.code is None:
            if code is not None and rule == "own":
                errors.append(
                    f"{row.code}: induknya {row.parent_code} dihapus di versi baru, tetapi"
                    f" kodenya dipetakan ke {code}"
                )
            code, rule = None, "removed_parent"
        if code is not None and parent is not None and not code.startswith(parent.code + "."):
            errors.append(
                f"{row.code}: kode baru {code} tidak berada di bawah kode baru induknya"
                f" {parent.code}"
            )
        if code is not None:
            if code in seen:
                errors.append(f"{seen[code]} dan {row.code}: keduanya menjadi kode {code}")
            else:
                seen[code] = row.code
        item = MappedRow(
            old_code=row.code,
            code=code,
            name=name or row.name,
            level=row.level,
            parent_code=None if parent is None else parent.code,
            rule=rule,
        )
        mapped[row.code] = item
        out.append(item)
    return out, errors


def name_key(name: str) -> str:
    """A name compared loosely: case and repeated blanks ignored."""
    return " ".join(str(name).split()).casefold()


def match_nodes(
    current: Sequence[tuple[str, str, str]],
    previous: Sequence[tuple[str, str, str]],
    mapping: Mapping[str, CodeChange] | None = None,
) -> dict[str, tuple[str, str]]:
    """Pair this year's rows with last year's. Rows are ``(code, name, level)``.

    Returns ``{current code: (previous code, how)}`` with ``how`` ``kode`` (same code),
    ``kode dipetakan`` (last year's code carried by ``mapping``) or ``nama`` (same name,
    ignoring case and repeated blanks, when exactly one unpaired row of the same depth has
    it). Rows are paired only at the same depth (program, kegiatan, leaf)."""
    mapping = mapping or {}
    carried: dict[tuple[str, int], tuple[str, str]] = {}
    for code, _name, level in previous:
        new, _new_name, rule = remap_code(code, mapping)
        if new is not None:
            carried.setdefault((new, DEPTH.get(level, -1)), (code, rule))
    result: dict[str, tuple[str, str]] = {}
    used: set[str] = set()
    for code, _name, level in current:
        hit = carried.get((code, DEPTH.get(level, -1)))
        if hit is not None and hit[0] not in used:
            result[code] = (hit[0], "kode" if hit[1] == "same" else "kode dipetakan")
            used.add(hit[0])
    by_name: dict[tuple[str, int], list[str]] = {}
    for code, name, level in previous:
        if code not in used:
            by_name.setdefault((name_key(name), DEPTH.get(level, -1)), []).append(code)
    wanted: dict[tuple[str, int], list[str]] = {}
    for code, name, level in current:
        if code not in result:
            wanted.setdefault((name_key(name), DEPTH.get(level, -1)), []).append(code)
    for key, codes in wanted.items():
        candidates = by_name.get(key, [])
        if len(codes) == 1 and len(candidates) == 1:
            result[codes[0]] = (candidates[0], "nama")
    return result


def match_indicators(
    current: Sequence[tuple[object, str, str]], previous: Sequence[tuple[object, str, str]]
) -> dict[object, tuple[object, str]]:
    """Pair the indicators of two matched rows. Items are ``(key, statement, satuan)``.

    Returns ``{current key: (previous key, how)}``: ``pernyataan`` when the statements are
    equal ignoring case and repeated blanks (each used once), or ``satu-satunya`` when both
    sides have exactly one indicator, with the same satuan, and their statements differ."""
    result: dict[object, tuple[object, str]] = {}
    free = {}
    for key, statement, _satuan in previous:
        free.setdefault(name_key(statement), []).append(key)
    for key, statement, _satuan in current:
        keys = free.get(name_key(statement))
        if keys:
            result[key] = (keys.pop(0), "pernyataan")
    if not result and len(current) == 1 and len(previous) == 1:
        (ck, _cs, cu), (pk, _ps, pu) = current[0], previous[0]
        if name_key(cu) == name_key(pu):
            result[ck] = (pk, "satu-satunya")
    return result
