"""The arithmetic checks over the analysed tables; they return findings, never raise.

Included, per table (``check_table``):
- which columns a percentage is computed from: for a financial % the realised and planned
  rupiah columns, for an achievement the realised and target columns; when a table offers
  several (realisasi s.d. bulan ini / bulan ini, target renja / renstra), the pair that
  reproduces most rows, ties broken by the headers;
- ``percent_mismatch``: a printed % that is not realisasi ÷ rencana × 100 rounded half up to
  the printed decimals (the inputs' own rounding allowed for); a % printed where the rencana
  is 0 must be 0 or empty;
- ``achievement_mismatch``: a printed capaian that is not realised ÷ target × 100 (nor, for
  an indicator where lower is better, (2T − R) ÷ T or T ÷ R); ``capped_unmarked``: 100
  printed for a raw value above 100 without a mark (``*``);
- ``parent_sum`` / ``total_sum``: printed rupiah of a parent or total row that differ from the
  sum of its children's / parts' (a child without its own figure counts with its children's);
- ``aggregate_unexplained``: a parent's or total's % that no rule reproduces, with every rule
  tried and its value: mean of the children, minimum, mean weighted by pagu, ratio of sums
  (of rupiah, or of realised ÷ target), mean of raw (uncapped) achievements;
- ``realisasi_above_rencana`` (warning);
- target 0 scores, collected for ``zero_target_inconsistent`` over the whole document.

Per document (``check_document``): ``zero_target_inconsistent``, ``aggregate_rule_mixed``
(an aggregate reproduced only by a rule the rest of the document does not use) and
``cross_table`` (the same item — by code, or by name under the same parent — with different
rupiah, % or capaian in two tables of the same kind).

All arithmetic is Decimal in the core's context; nothing is rounded except for comparison
with a printed figure and for display.

Not included: text outside tables (``narrative``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.numbers import fmt_compact, fmt_number, percent

from .findings import ERROR, WARNING, Finding
from .tables import (
    MONEY_OTHER,
    MONEY_ROLES,
    NAME,
    PCT_CAP,
    PCT_FIN,
    PLAN,
    REAL,
    REAL_OUT,
    TARGET,
    TEXT_REAL,
    Column,
    Row,
    Table,
    effective,
)
from .values import Printed, Range, approx_equal, mean, ratio, read_quantity, weighted

HUNDRED = Decimal(100)
_PROSE_QUANTITY = re.compile(
    r"\b(?:sebanyak|sejumlah|berjumlah)\s+(\d+(?:[.,]\d+)?)\s*([A-Za-z]+)", re.IGNORECASE
)


def show(value: Decimal | Printed | None, places: int | None = None) -> str:
    """A number the Indonesian way: ``1.193.209.000``, ``48,92``."""
    if value is None:
        return "–"
    if isinstance(value, Printed):
        return fmt_number(value.value, value.places) + (value.mark or "")
    if places is None:
        return fmt_number(value)
    return fmt_number(value, places)


def exact(value: Decimal) -> str:
    """A computed result in a formula: up to 4 decimals, trailing zeros stripped."""
    return fmt_compact(value, 4)


def show_range(computed: Range, places: int) -> str:
    """A computed value for display: the value from the printed figures as they stand (the
    comparison itself allows for their rounding)."""
    return show(computed.mid, places)


@dataclass
class Pair:
    pct: Column
    num: Column | None
    den: Column | None
    prose: bool = False  # target and realisation read from the text of the row


@dataclass
class ZeroTarget:
    table: str
    row: str
    location: str
    printed: Printed | None


@dataclass
class Aggregate:
    table: str
    row: Row
    column: str
    rules: list[str]
    location: str


@dataclass
class TableResult:
    findings: list[Finding] = field(default_factory=list)
    zero_targets: list[ZeroTarget] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
    fin_pair: Pair | None = None
    cap_pair: Pair | None = None
    checked: Counter = field(default_factory=Counter)  # figures compared, per check


# --- pairing ---------------------------------------------------------------------------


def _tag(column: Column, year: int | None) -> int | None:
    return None if column.year is None or column.year == year else column.year


def _preference(pct: Column, num: Column | None, den: Column | None, year: int | None) -> float:
    score = 0.0
    pct_header = pct.header.upper()
    for column in (num, den):
        if column is None:
            continue
        if _tag(column, year) != _tag(pct, year):
            score -= 1
        header = column.header.upper()
        long_term = any(w in header for w in ("RENSTRA", "JANGKA MENENGAH", "AKHIR PERIODE"))
        if long_term:
            score += 2 if any(w in pct_header for w in ("RENSTRA", "JANGKA MENENGAH")) else -2
        if "KAS" in header.split():
            score -= 1
        if "BULAN LALU" in header:
            score -= 2
        elif "BULAN INI" in header and "S.D" not in header and "S/D" not in header:
            score -= 1
        if "TRIWULAN" in header or "SEMESTER" in header:
            score -= 1
        score -= abs(pct.index - column.index) / 1000
    return score


def _fin_status(row: Row, pair: Pair) -> str | None:
    p = row.values.get(pair.pct.index)
    n = row.values.get(pair.num.index) if pair.num else None
    d = row.values.get(pair.den.index) if pair.den else None
    if p is None or n is None or d is None:
        return None
    if d.value == 0:
        return "ok" if p.value == 0 else "mismatch"
    computed = ratio(Range.of(n, exact=True), Range.of(d, exact=True))  # rupiah are exact
    return "ok" if computed is not None and approx_equal(p, computed) else "mismatch"


def _quantities(row: Row, pair: Pair) -> tuple[Printed | None, Printed | None]:
    if pair.prose:
        target = _prose_number(row.text)
        real = _prose_number(row.texts.get(pair.num.index, "")) if pair.num else None
        return target, real
    t = row.quantities.get(pair.den.index) if pair.den else None
    r = row.quantities.get(pair.num.index) if pair.num else None
    return (t[0] if t else None), (r[0] if r else None)


def _prose_number(text: str) -> Printed | None:
    match = _PROSE_QUANTITY.search(text or "")
    if not match:
        return None
    quantity = read_quantity(match.group(1))
    return quantity[0] if quantity else None


def _cap_status(row: Row, pair: Pair) -> tuple[str, Range | None] | None:
    p = row.values.get(pair.pct.index)
    t, r = _quantities(row, pair)
    if p is None or t is None or r is None:
        return None
    if t.value == 0:
        return "zero", None
    raw = ratio(Range.of(r), Range.of(t))
    if raw is None or t.value < 0 or r.value < 0:
        return None
    if approx_equal(p, raw):
        return "ok", raw
    if p.value == HUNDRED and raw.hi >= HUNDRED:
        return ("capped_marked" if p.mark else "capped"), raw
    lower = Range(
        (2 * t.value - r.value) * HUNDRED / t.value, (2 * t.value - r.value) * HUNDRED / t.value
    )
    if approx_equal(p, lower):
        return "ok", raw  # an indicator where lower is better: (2T − R) ÷ T × 100
    inverse = ratio(Range.of(t), Range.of(r)) if r.value > 0 else None
    if inverse is not None and approx_equal(p, inverse):
        return "ok", raw  # lower is better by the T ÷ R rule
    return "mismatch", raw


def _best_pair(table: Table, pct: Column, nums, dens, status, year) -> Pair | None:
    best, best_key, keys = None, None, []
    for num in nums:
        for den in dens:
            pair = Pair(pct, num, den)
            results = [status(row, pair) for row in table.rows if not row.virtual]
            results = [r[0] if isinstance(r, tuple) else r for r in results if r is not None]
            explained = sum(1 for r in results if r in ("ok", "capped", "capped_marked", "zero"))
            key = (explained, _preference(pct, num, den, year))
            keys.append(key)
            if best_key is None or key > best_key:
                best, best_key = pair, key
    if best is None:
        return None
    if best_key[0] == 0 and sum(1 for k in keys if k[1] == best_key[1]) > 1:
        return None  # nothing explained and no header decides
    return best


def pairs(table: Table, year: int | None) -> tuple[list[Pair], list[Pair]]:
    fin, cap = [], []
    for pct in table.cols(PCT_FIN):
        pair = _best_pair(
            table, pct, table.cols(REAL), table.cols(PLAN, MONEY_OTHER), _fin_status, year
        )
        if pair:
            fin.append(pair)
    for pct in table.cols(PCT_CAP):
        nums, dens = table.cols(REAL_OUT), table.cols(TARGET)
        if nums and dens:
            pair = _best_pair(table, pct, nums, dens, _cap_status, year)
            if pair:
                cap.append(pair)
        elif not nums and not dens and table.has(TEXT_REAL):
            names = table.cols(NAME)
            texts = table.cols(TEXT_REAL)
            if names and any(w in names[-1].header.upper() for w in ("RENCANA", "OUTPUT")):
                cap.append(Pair(pct, texts[0], None, prose=True))
    return fin, cap


# --- per table -------------------------------------------------------------------------


def _row_label(row: Row) -> str:
    return row.label


def _finding(table: Table, row: Row | None, kind: str, severity: str, message: str,
             column: Column | None = None, **evidence: str) -> Finding:
    return Finding(
        kind=kind,
        severity=severity,
        message=message,
        table=table.label,
        row=_row_label(row) if row else "",
        column=column.header if column else "",
        location=(row.location if row else "") or table.location,
        **evidence,
    )


def check_table(table: Table, year: int | None) -> TableResult:
    result = TableResult()
    fin_pairs, cap_pairs = pairs(table, year)
    result.fin_pair = fin_pairs[0] if len(fin_pairs) == 1 else None
    result.cap_pair = cap_pairs[0] if len(cap_pairs) == 1 else None
    for pair in fin_pairs:
        _check_fin(table, pair, result)
    for pair in cap_pairs:
        _check_cap(table, pair, result)
    _check_sums(table, result)
    _check_above(table, fin_pairs, result)
    return result


def _check_fin(table: Table, pair: Pair, result: TableResult) -> None:
    for row in table.rows:
        p = row.values.get(pair.pct.index)
        if p is None or row.virtual:
            continue
        n = row.values.get(pair.num.index)
        d = row.values.get(pair.den.index)
        if n is not None and d is not None:
            result.checked["persentase"] += 1
            if _fin_status(row, pair) == "mismatch":
                result.findings.append(_fin_finding(table, row, pair, p, n, d))
            continue
        parts = row.children or row.parts
        if parts:
            _aggregate_fin(table, row, pair, p, parts, result)


def _fin_finding(table, row, pair, p: Printed, n: Printed, d: Printed) -> Finding:
    if d.value == 0:
        return _finding(
            table, row, "percent_mismatch", ERROR,
            f"Persentase {show(p)} tertulis padahal rencana Rp0; persentase tidak terdefinisi "
            "(seharusnya kosong atau 0).",
            pair.pct, printed=show(p), recomputed="–",
            formula=f"{show(n)} ÷ 0 × 100 tidak terdefinisi",
        )
    value = percent(n.value, d.value)
    exact_text = exact(value)
    return _finding(
        table, row, "percent_mismatch", ERROR,
        f"Persentase tertulis {show(p)}, padahal realisasi Rp{show(n)} dari rencana "
        f"Rp{show(d)} adalah {show(value, p.places)}.",
        pair.pct, printed=show(p), recomputed=show(value, p.places),
        formula=f"{show(n)} ÷ {show(d)} × 100 = {exact_text}",
    )


def _aggregate_fin(table, row, pair, p: Printed, parts: list[Row], result) -> None:
    tried: list[tuple[str, str, Range]] = []
    n = effective(row, pair.num.index)
    d = effective(row, pair.den.index)
    if n is not None and d is not None and d > 0:
        tried.append(("ratio_of_sums", "realisasi ÷ rencana dari jumlah rupiah rinciannya",
                      Range(percent(n, d), percent(n, d))))
    values = [c.values[pair.pct.index] for c in parts if pair.pct.index in c.values]
    if values:
        tried.append(("mean", f"rata-rata {len(values)} persentase rinciannya",
                      mean([Range.of(v) for v in values])))
    _judge_aggregate(table, row, pair.pct, p, tried, result)


def _check_cap(table: Table, pair: Pair, result: TableResult) -> None:
    severity = WARNING if pair.prose else ERROR
    source = " (angka dibaca dari uraian)" if pair.prose else ""
    for row in table.rows:
        if row.virtual:
            continue
        p = row.values.get(pair.pct.index)
        t, r = _quantities(row, pair)
        if t is not None and t.value == 0:
            result.checked["target 0"] += 1
            result.zero_targets.append(ZeroTarget(table.label, row.label, row.location, p))
        status = _cap_status(row, pair)
        if status is not None:
            result.checked["capaian"] += 1
            kind, raw = status
            if kind == "mismatch" and raw is not None:
                value = percent(r.value, t.value)
                result.findings.append(_finding(
                    table, row, "achievement_mismatch", severity,
                    f"Capaian tertulis {show(p)}, padahal realisasi {show(r)} dari target "
                    f"{show(t)} adalah {show(value, p.places)}{source}.",
                    pair.pct, printed=show(p), recomputed=show(value, p.places),
                    formula=f"{show(r)} ÷ {show(t)} × 100 = {exact(value)}",
                ))
            elif kind == "capped" and raw is not None:
                value = percent(r.value, t.value)
                result.findings.append(_finding(
                    table, row, "capped_unmarked", WARNING,
                    f"Capaian ditulis 100, padahal realisasi {show(r)} dari target {show(t)} "
                    f"adalah {show(value, 2)}; nilai yang dibatasi 100 harus diberi tanda "
                    f"(mis. 100*) dan dijelaskan{source}.",
                    pair.pct, printed=show(p), recomputed=show(value, 2),
                    formula=f"{show(r)} ÷ {show(t)} × 100 = {exact(value)}; dibatasi 100",
                ))
            continue
        parts = row.children or row.parts
        if p is not None and parts and (t is None or r is None):
            _aggregate_cap(table, row, pair, p, parts, result)


def _aggregate_cap(table, row, pair: Pair, p: Printed, parts: list[Row], result) -> None:
    scored = [c for c in parts if pair.pct.index in c.values]
    if not scored:
        return
    values = [Range.of(c.values[pair.pct.index]) for c in scored]
    tried: list[tuple[str, str, Range]] = [
        ("mean", f"rata-rata capaian {len(scored)} rincian", mean(values)),
        ("min", f"nilai terendah dari {len(scored)} rincian",
         min(values, key=lambda v: v.mid)),
    ]
    plan = next(iter(table.cols(PLAN)), None)
    if plan is not None:
        weights = [effective(c, plan.index) for c in scored]
        if all(w is not None and w > 0 for w in weights):
            tried.append(("weighted_pagu", "rata-rata tertimbang pagu",
                          weighted(values, weights)))  # type: ignore[arg-type]
    quantities = [_quantities(c, pair) for c in scored]
    defined = [v for v, (t, _r) in zip(values, quantities, strict=True)
               if t is None or t.value != 0]
    if defined and len(defined) < len(values):
        tried.append(("mean_defined", f"rata-rata {len(defined)} rincian tanpa yang bertarget 0",
                      mean(defined)))
    usable = [(t, r) for t, r in quantities if t is not None and r is not None and t.value > 0]
    if usable and len(usable) == len(scored):
        total_t = sum((t.value for t, _ in usable), Decimal(0))
        total_r = sum((r.value for _, r in usable), Decimal(0))
        value = percent(total_r, total_t)
        tried.append(("ratio_of_sums", "jumlah realisasi ÷ jumlah target", Range(value, value)))
        raws = [Range.of(percent(r.value, t.value)) for t, r in usable]
        tried.append(("mean_raw", "rata-rata capaian mentah (tanpa batas 100)", mean(raws)))
    _judge_aggregate(table, row, pair.pct, p, tried, result)


def _judge_aggregate(table, row, column, p: Printed, tried, result: TableResult) -> None:
    tried = [t for t in tried if t[2] is not None]
    if not tried:
        return
    result.checked["gabungan"] += 1
    matched = [key for key, _text, value in tried if approx_equal(p, value)]
    if matched:
        result.aggregates.append(Aggregate(table.label, row, column.header, matched, row.location))
        return
    listing = "; ".join(f"{text} = {show_range(value, p.places)}" for _k, text, value in tried)
    result.findings.append(_finding(
        table, row, "aggregate_unexplained", ERROR,
        f"Angka {show(p)} pada baris gabungan ini tidak dihasilkan aturan mana pun. "
        f"Aturan yang dicoba: {listing}.",
        column, printed=show(p), recomputed=listing, formula="; ".join(t[1] for t in tried),
    ))


def _check_sums(table: Table, result: TableResult) -> None:
    for column in table.cols(*MONEY_ROLES):
        for row in table.rows:
            printed = row.values.get(column.index)
            parts = row.parts if row.total else row.children
            if printed is None or not parts:
                continue
            found = [(c, effective(c, column.index)) for c in parts]
            found = [(c, v) for c, v in found if v is not None]
            if not found:
                continue
            total = sum((v for _c, v in found), Decimal(0))
            result.checked["jumlah"] += 1
            if total == printed.value:
                continue
            kind = "total_sum" if row.total else "parent_sum"
            terms = " + ".join(show(v) for _c, v in found[:12])
            if len(found) > 12:
                terms += f" + … ({len(found)} angka)"
            result.findings.append(_finding(
                table, row, kind, ERROR,
                f"{column.header or 'Rupiah'} tertulis {show(printed)}, padahal jumlah "
                f"{len(found)} rincian di bawahnya {show(total)} (selisih "
                f"{show(printed.value - total)}).",
                column, printed=show(printed), recomputed=show(total),
                formula=f"{terms} = {show(total)}",
            ))


def _check_above(table: Table, fin_pairs: list[Pair], result: TableResult) -> None:
    if fin_pairs:
        pair = fin_pairs[0]
        num, den = pair.num, pair.den
    else:
        plans, reals = table.cols(PLAN), table.cols(REAL)
        if len(plans) != 1 or len(reals) != 1:
            return
        num, den = reals[0], plans[0]
    if num is None or den is None or den.role == MONEY_OTHER:
        return
    for row in table.rows:
        n, d = row.values.get(num.index), row.values.get(den.index)
        if n is None or d is None or row.virtual or n.value <= d.value:
            continue
        over = percent(n.value, d.value)
        result.findings.append(_finding(
            table, row, "realisasi_above_rencana", WARNING,
            f"Realisasi Rp{show(n)} melebihi rencana Rp{show(d)}"
            + (f" ({show(over, 2)}%)" if over is not None else "")
            + "; periksa apakah angkanya salah tulis atau memang terjadi kelebihan belanja.",
            num, printed=show(n), recomputed=f"≤ {show(d)}",
            formula=f"{show(n)} > {show(d)}",
        ))


# --- whole document --------------------------------------------------------------------


def check_zero_targets(zeros: list[ZeroTarget]) -> list[Finding]:
    scored = [z for z in zeros if z.printed is not None]
    values = {z.printed.value for z in scored}  # type: ignore[union-attr]
    if len(values) < 2:
        return []
    places = ", ".join(
        f"{show(z.printed)} di {z.table} ({z.row}, {z.location})" for z in scored[:12]
    )
    return [Finding(
        kind="zero_target_inconsistent",
        severity=ERROR,
        message=(
            "Indikator dengan target 0 dinilai berbeda-beda: " + places + ". Capaian dengan "
            "target 0 tidak terdefinisi (ditulis \u201c–\u201d) kecuali aturannya ditetapkan; "
            "aturan itu harus sama di seluruh dokumen."
        ),
        table="beberapa tabel",
        row="; ".join(sorted({z.row for z in scored}))[:300],
        printed=" / ".join(show(Decimal(v)) for v in sorted(values)),
        recomputed="–",
        formula="realisasi ÷ 0 tidak terdefinisi",
        location="; ".join(z.location for z in scored[:12]),
    )]


RULE_TEXT = {
    "mean": "rata-rata",
    "min": "nilai terendah",
    "weighted_pagu": "rata-rata tertimbang pagu",
    "ratio_of_sums": "rasio jumlah",
    "mean_raw": "rata-rata nilai mentah",
    "mean_defined": "rata-rata tanpa target 0",
}


def check_rule_mix(aggregates: list[Aggregate]) -> list[Finding]:
    if len(aggregates) < 3:
        return []
    counts = Counter(
        rule for a in aggregates for rule in set(a.rules) | ({"mean"} if "mean_defined" in a.rules
                                                             else set())
    )
    dominant, uses = counts.most_common(1)[0]
    if uses * 2 <= len(aggregates):
        return []
    out = []
    for aggregate in aggregates:
        rules = set(aggregate.rules) | ({"mean"} if "mean_defined" in aggregate.rules else set())
        if dominant in rules:
            continue
        used = ", ".join(RULE_TEXT.get(r, r) for r in aggregate.rules)
        out.append(Finding(
            kind="aggregate_rule_mixed",
            severity=WARNING,
            message=(
                f"Angka gabungan ini dihitung dengan {used}, sedangkan {uses} dari "
                f"{len(aggregates)} angka gabungan lain dalam dokumen memakai "
                f"{RULE_TEXT.get(dominant, dominant)}."
            ),
            table=aggregate.table,
            row=aggregate.row.label,
            column=aggregate.column,
            printed=used,
            recomputed=RULE_TEXT.get(dominant, dominant),
            location=aggregate.location,
        ))
    return out


@dataclass
class Entry:
    measure: str
    table: Table
    row: Row
    parent: str | None
    value: Printed
    money: bool


def _parent_key(row: Row) -> str | None:
    return row.parent.key if row.parent is not None else None


def index_entries(table: Table, result: TableResult, year: int | None) -> list[Entry]:
    """The figures of a table that other tables may repeat: rencana, realisasi, % and
    capaian of each named row."""
    columns: dict[str, Column] = {}
    fin = result.fin_pair
    plans, reals = table.cols(PLAN), table.cols(REAL)
    if fin is not None:
        if fin.den is not None and fin.den.role == PLAN:
            columns["rencana"] = fin.den
        if fin.num is not None:
            columns["realisasi"] = fin.num
        columns["persen"] = fin.pct
    else:
        if len(plans) == 1:
            columns["rencana"] = plans[0]
        if len(reals) == 1:
            columns["realisasi"] = reals[0]
    caps = [c for c in table.cols(PCT_CAP) if _tag(c, year) is None]
    if result.cap_pair is not None and _tag(result.cap_pair.pct, year) is None:
        columns[f"capaian:{table.kind}"] = result.cap_pair.pct
    elif len(caps) == 1:
        columns[f"capaian:{table.kind}"] = caps[0]
    entries = []
    for measure, column in columns.items():
        if _tag(column, year) is not None:
            continue
        for row in table.rows:
            value = row.values.get(column.index)
            if value is None or not row.key or row.total:
                continue
            entries.append(Entry(measure, table, row, _parent_key(row), value,
                                 column.role in MONEY_ROLES))
    return entries


def _same(a: Entry, b: Entry) -> bool:
    if a.money:
        return a.value.value == b.value.value
    return approx_equal(a.value, Range.of(b.value)) or approx_equal(b.value, Range.of(a.value))


def check_cross(entries: list[Entry], checked: Counter | None = None) -> list[Finding]:
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:  # the same item: by name, and by code where it has one
        groups.setdefault((entry.measure, "name:" + entry.row.key), []).append(entry)
        if entry.row.code:
            groups.setdefault((entry.measure, "code:" + entry.row.code), []).append(entry)
    counts = Counter((e.measure, e.table.number, "name:" + e.row.key) for e in entries)
    counts.update(
        (e.measure, e.table.number, "code:" + e.row.code) for e in entries if e.row.code
    )
    out, seen = [], set()
    for (measure, key), group in groups.items():
        if len({e.table.number for e in group}) < 2:
            continue
        for i, later in enumerate(group):
            for earlier in group[:i]:
                if earlier.table.number == later.table.number:
                    continue
                if not _compatible(earlier, later, counts, measure, key):
                    continue
                pair = (measure, id(earlier.row), id(later.row))
                if pair not in seen:
                    seen.add(pair)
                    if checked is not None:
                        checked["antartabel"] += 1
                    if not _same(earlier, later):
                        out.append(_cross_finding(measure, earlier, later))
                break
    return out


def _compatible(a: Entry, b: Entry, counts, measure: str, key: str) -> bool:
    if a.row.code and b.row.code:
        return a.row.code == b.row.code
    if key.startswith("code:"):
        return False
    if a.parent == b.parent:
        return True
    if a.parent is None or b.parent is None:
        return counts[(measure, a.table.number, key)] == 1 and counts[
            (measure, b.table.number, key)] == 1
    return False


_MEASURE_TEXT = {"rencana": "Rencana/pagu", "realisasi": "Realisasi", "persen": "Persentase"}


def _cross_finding(measure: str, earlier: Entry, later: Entry) -> Finding:
    name = _MEASURE_TEXT.get(measure, "Capaian")
    unit = "Rp" if earlier.money else ""
    return Finding(
        kind="cross_table",
        severity=ERROR,
        message=(
            f"{name} \u201c{later.row.name}\u201d tertulis {unit}{show(later.value)} di "
            f"{later.table.label}, tetapi {unit}{show(earlier.value)} di {earlier.table.label} "
            f"({earlier.row.location})."
        ),
        table=later.table.label,
        row=later.row.label,
        printed=show(later.value),
        recomputed=f"{show(earlier.value)} ({earlier.table.label})",
        formula=f"{name} butir yang sama harus sama di setiap tabel",
        location=later.row.location,
    )
