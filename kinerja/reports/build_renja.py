"""Evaluasi terhadap hasil Renja Perangkat Daerah (Permendagri 86/2017, the form E.81 style).

One row per program, kegiatan and sub kegiatan / tolok ukur, each measured on its OWN first
indicator (the form's rule), with the quarters' own realisation: for money the spending
within the quarter (the difference of two cumulative figures of the core, computed with the
rules in the context), for a cumulative indicator the sum of the quarter's months, for a
stock indicator (%, index) the latest value reported within the quarter. The year's
realisation is the sum of the quarters (for stock indicators the latest value), the level of
achievement the core's achievement of that indicator, and the footer's average a live mean of
the rows' achievements with the predicate of the government's scale.

Columns 13–14 of the form (the Renstra's realisation from the period's start up to this year
and its level against the end-of-period target, the tingkat capaian of
``multiyear.compute.medium_term_progress``) come, like columns 5–6, from the Renstra's own
indicator of the program or kegiatan, else from the sasaran indicator of the same statement;
their rupiah halves stay empty: the Renstra keeps no budget per year."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal

from kinerja.core.achievement import realised
from kinerja.core.numbers import (
    decimal_context,
    fmt_compact,
    fmt_number,
    fmt_percent,
    fmt_rupiah,
)
from kinerja.core.periods import Period, quarter_of
from kinerja.core.rollup import ComputedNode, IndicatorResult, compute_tree

from .common import fmt_target, head_signature, money_cell, tree_rows, unit_document
from .context import ReportContext, SasaranIndicator, SasaranInfo
from .document import (
    Cell,
    Column,
    Document,
    Heading,
    MeanOf,
    Paragraph,
    Ratio,
    Row,
    Section,
    Signature,
    SignaturePair,
    Table,
)

MISSING = "Belum diisi."
ROMAN = ("I", "II", "III", "IV")
_ZERO = Decimal(0)


# --- quarters ---------------------------------------------------------------------------


def active_quarters(upto_month: int) -> tuple[int, ...]:
    """The quarters that have begun by the end of ``upto_month``."""
    return tuple(range(1, quarter_of(upto_month) + 1))


def _quarter_end(q: int, upto_month: int) -> int:
    return min(Period.quarter(2000, q).end_month, upto_month)


class Quarters:
    """The plan computed at the end of each begun quarter (the last one cut at
    ``upto_month``), and each node's spending within each quarter."""

    def __init__(self, ctx: ReportContext) -> None:
        self.upto = ctx.upto_month
        self.quarters = active_quarters(ctx.upto_month)
        roots = tuple(c.node for c in ctx.root.children)
        self._at: dict[int, dict] = {}
        for q in self.quarters:
            month = _quarter_end(q, ctx.upto_month)
            tree = (
                ctx.root
                if month == ctx.upto_month
                else compute_tree(roots, rules=ctx.rules, upto_month=month, name=ctx.unit_name)
            )
            figures = {id(n.node): n.realisasi.value for n in tree.walk()}
            figures["root"] = figures.pop(id(tree.node))
            self._at[q] = figures

    def spending(self, key, q: int) -> Decimal | None:
        """Rp realised within quarter ``q`` (None when nothing was reported up to its end,
        or the quarter has not begun). ``key``: id(PlanNode) or "root"."""
        if q not in self._at:
            return None
        now = self._at[q].get(key)
        if now is None:
            return None
        before = self._at[q - 1].get(key) if q > 1 else None
        return now - (before or _ZERO)

    def indicator(self, result: IndicatorResult, q: int) -> Decimal | str | None:
        """The indicator's own realisation in quarter ``q``: the sum of the quarter's months
        (cumulative), the latest value within the quarter (stock, qualitative)."""
        if q not in self._at:
            return None
        period = Period.quarter(2000, q)
        end = _quarter_end(q, self.upto)
        months = tuple(
            (m, v) for m, v in result.indicator.monthly if period.start_month <= m <= end
        )
        return realised(result.indicator.spec, months, end)


# --- matching sasaran, indicators and responsible units ---------------------------------


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", (text or "").strip().lower())
    return re.sub(r"^(program|kegiatan)\s+", "", text)


def sasaran_of(ctx: ReportContext, program: ComputedNode) -> list[SasaranInfo]:
    """The sasaran that this program serves: among the programs the medium-term plan links
    to it (or, without links, the names stored with it, separated by commas, semicolons or
    new lines)."""
    name = _norm(program.name)
    if not name:
        return []
    found = []
    for s in ctx.sasaran:
        listed = s.programs or re.split(r"[;,\n]", s.program_names or "")
        names = [_norm(n) for n in listed]
        if name in names:
            found.append(s)
    return found


def _sasaran_indicator(
    ctx: ReportContext, result: IndicatorResult | None
) -> SasaranIndicator | None:
    """The sasaran indicator with the same statement as the row's indicator (its Renstra
    target and earlier realisations), if any."""
    if result is None:
        return None
    statement = _norm(result.indicator.statement)
    for s in ctx.sasaran:
        for ind in s.indicators:
            if _norm(ind.statement) == statement:
                return ind
    return None


def responsible_units(ctx: ReportContext) -> dict[str, str]:
    """Node code → the unit that agreed a target on it (the lowest eselon that did, when
    exactly one unit of that eselon did)."""
    by_code: dict[str, dict[str, set[str]]] = {}
    for a in ctx.agreements:
        for line in a.lines:
            if line.node_code:
                by_code.setdefault(line.node_code, {}).setdefault(a.eselon, set()).add(a.unit_name)
    out = {}
    for code, by_eselon in by_code.items():
        lowest = by_eselon[max(by_eselon, key=_eselon_rank)]
        if len(lowest) == 1:
            out[code] = next(iter(lowest))
    return out


def _eselon_rank(eselon: str) -> int:
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
    return roman.get((eselon or "").strip().upper().split(".")[0].split("/")[0], 0)


def _unit_of(ctx: ReportContext, node: ComputedNode, units: dict[str, str]) -> str:
    """Programs: the unit itself. Kegiatan and leaves: the unit that agreed the target of
    the node, or of all its children alike; otherwise the unit itself."""
    if node.level == "program":
        return ctx.unit_name
    if node.code in units:
        return units[node.code]
    below = {units.get(c.code) for c in node.children}
    if len(below) == 1 and None not in below:
        return below.pop()  # type: ignore[return-value]
    return ctx.unit_name


# --- cells ------------------------------------------------------------------------------


def _target_value(result: IndicatorResult | None) -> Decimal | str | None:
    if result is None or result.indicator.target is None:
        return None
    target = result.indicator.target
    if target.label:
        return target.label
    if target.low is not None or target.high is not None:
        return f"{fmt_number(target.low)}–{fmt_number(target.high)}"
    return target.value


def _ratio_reproduces(result: IndicatorResult) -> bool:
    """Whether the indicator's achievement is realisasi ÷ target × 100 of the row's own
    cells (higher is better, a positive numeric target, not capped)."""
    spec, target, ach = result.indicator.spec, result.indicator.target, result.achievement
    return (
        spec.polarity == "higher"
        and spec.value_type in ("number", "percent")
        and target is not None
        and target.value is not None
        and target.value > 0
        and isinstance(result.realisation, Decimal)
        and ach.raw is not None
        and not ach.is_capped
    )


def _k_cell(value) -> Cell:
    return Cell(value, "number")


def _indicator_text(result: IndicatorResult | None) -> str:
    if result is None:
        return ""
    ind = result.indicator
    return f"{ind.statement} ({ind.satuan})" if ind.satuan else ind.statement


def _numbers(roots: Sequence[ComputedNode]) -> dict[int, str]:
    out: dict[int, str] = {}

    def visit(node: ComputedNode, prefix: str) -> None:
        out[id(node)] = prefix
        for i, child in enumerate(node.children, start=1):
            visit(child, f"{prefix}.{i}")

    for i, root in enumerate(roots, start=1):
        visit(root, str(i))
    return out


# --- the table --------------------------------------------------------------------------


def _columns(ctx: ReportContext) -> tuple[Column, ...]:
    year = ctx.year
    upto = "" if ctx.upto_month == 12 else f" S.D. TRIWULAN {ROMAN[quarter_of(ctx.upto_month) - 1]}"
    columns = [
        Column("no", "NO", width=5),
        Column("sasaran", "SASARAN", width=16),
        Column("program", "PROGRAM / KEGIATAN / " + ctx.leaf_noun.upper(), width=24),
        Column("indicator", "INDIKATOR KINERJA PROGRAM (OUTCOME) / KEGIATAN (OUTPUT)", width=22),
        Column("renstra_k", "K", "number", 4, group="TARGET RENSTRA PD (AKHIR PERIODE)"),
        Column("renstra_rp", "Rp", "money", 6, group="TARGET RENSTRA PD (AKHIR PERIODE)"),
        Column("prev_k", "K", "number", 4, group=f"REALISASI RENSTRA PD S.D. {year - 1}"),
        Column("prev_rp", "Rp", "money", 6, group=f"REALISASI RENSTRA PD S.D. {year - 1}"),
        Column("target_k", "K", "number", 4, group=f"TARGET RENJA PD {year}"),
        Column("target_rp", "Rp", "money", 14, group=f"TARGET RENJA PD {year}"),
    ]
    for q, roman in enumerate(ROMAN, start=1):
        columns += [
            Column(f"q{q}_k", "K", "number", 4, group=f"TRIWULAN {roman}"),
            Column(f"q{q}_rp", "Rp", "money", 13, group=f"TRIWULAN {roman}"),
        ]
    columns += [
        Column("real_k", "K", "number", 4, group=f"REALISASI RENJA PD {year}{upto}"),
        Column("real_rp", "Rp", "money", 14, group=f"REALISASI RENJA PD {year}{upto}"),
        Column("ach_k", "K", "number", 5, group="TINGKAT CAPAIAN (%)"),
        Column("ach_rp", "Rp", "percent", 6, group="TINGKAT CAPAIAN (%)"),
        Column("mt_real_k", "K", "number", 4, group=f"REALISASI RENSTRA PD S.D. {year}"),
        Column("mt_real_rp", "Rp", "money", 6, group=f"REALISASI RENSTRA PD S.D. {year}"),
        Column("mt_ach_k", "K", "number", 5, group=f"TINGKAT CAPAIAN RENSTRA S.D. {year} (%)"),
        Column("mt_ach_rp", "Rp", "percent", 5, group=f"TINGKAT CAPAIAN RENSTRA S.D. {year} (%)"),
        Column("unit", "UNIT PD PENANGGUNG JAWAB", width=14),
    ]
    return tuple(columns)


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    with decimal_context():
        return sum(values, _ZERO) / len(values)


def renja_table(ctx: ReportContext, quarters: Quarters | None = None) -> Table:
    quarters = quarters or Quarters(ctx)
    columns = _columns(ctx)
    numbers = _numbers(ctx.root.children)
    units = responsible_units(ctx)

    def money_cells(node: ComputedNode, key, kids: tuple[int, ...], bold: bool) -> dict:
        cells = {"target_rp": money_cell(node.pagu.value, kids, bold)}
        for q in range(1, 5):
            cells[f"q{q}_rp"] = money_cell(quarters.spending(key, q), kids, bold)
        cells["real_rp"] = money_cell(node.realisasi.value, kids, bold)
        cells["ach_rp"] = Cell(
            node.absorption.value, "percent", Ratio("real_rp", "target_rp"), bold=bold
        )
        return cells

    def make(node: ComputedNode, depth, position, kids):
        bold = depth == 0
        result = node.indicators[0] if node.indicators else None
        cells: dict[str, Cell] = {
            "no": Cell(numbers[id(node)], bold=bold),
            "sasaran": Cell(
                "; ".join(s.statement for s in sasaran_of(ctx, node)) if depth == 0 else ""
            ),
            "program": Cell(node.name, bold=bold),
            "indicator": Cell(_indicator_text(result)),
            "renstra_rp": Cell(None, "money"),
            "prev_rp": Cell(None, "money"),
            "mt_real_rp": Cell(None, "money"),
            "mt_ach_rp": Cell(None, "percent"),
            "unit": Cell(_unit_of(ctx, node, units)),
        }
        # columns 5 and 6: the Renstra's end-of-period target (set, or implied by the yearly
        # targets) and its realisation from the period's start to last year (summed for a
        # cumulative indicator, the latest level for any other; multiyear.compute), of the
        # Renstra's own indicator for this program or kegiatan, else of the sasaran
        # indicator with the same statement
        # columns 13 and 14: the realisation from the period's start up to this year and the
        # tingkat capaian against the end target, of the same indicator
        renstra = prev = to_date = None
        level = Cell(None, "number")
        own = ctx.renstra.get(result.indicator.id) if result is not None else None
        sasaran_ind = _sasaran_indicator(ctx, result) if own is None else None
        source = own or sasaran_ind
        if source is not None:
            renstra = source.end_target
            if source.to_date_before is not None:
                prev = source.to_date_before.value
            progress = source.progress
            if progress is not None and progress.in_period:
                to_date = progress.to_date.value
                ach = progress.to_date_achievement
                if ach.capped is not None:
                    level = Cell(ach.capped, "number", note="*" if ach.is_capped else "")
        cells["renstra_k"] = _k_cell(renstra)
        cells["prev_k"] = _k_cell(prev)
        cells["mt_real_k"] = _k_cell(to_date)
        cells["mt_ach_k"] = level
        cells["target_k"] = _k_cell(_target_value(result))
        for q in range(1, 5):
            cells[f"q{q}_k"] = _k_cell(quarters.indicator(result, q) if result else None)
        cells["real_k"] = _k_cell(result.realisation if result else None)
        if result is None or result.achievement.capped is None:
            cells["ach_k"] = Cell(None, "number", bold=bold)
        else:
            ach = result.achievement
            cells["ach_k"] = Cell(
                ach.capped,
                "number",
                Ratio("real_k", "target_k") if _ratio_reproduces(result) else None,
                note="*" if ach.is_capped else "",
                bold=bold,
            )
        cells.update(money_cells(node, id(node.node), kids, bold))
        return tuple(cells[c.key] for c in columns)

    rows, tops = tree_rows(ctx.root.children, make)
    data_rows = tuple(range(len(rows)))
    k_col = [c.key for c in columns].index("ach_k")
    measured = [r.cells[k_col].value for r in rows if isinstance(r.cells[k_col].value, Decimal)]
    average = _mean(measured)
    predicate = ctx.rules.predicate(average)

    def footer(label: str, cells: dict[str, Cell]) -> Row:
        base = {c.key: Cell(None, c.kind) if c.kind != "text" else Cell("") for c in columns}
        base["program"] = Cell(label, bold=True)
        base.update(cells)
        return Row(tuple(base[c.key] for c in columns), style="total")

    total = money_cells(ctx.root, "root", tuple(tops), True)
    rows.append(footer("JUMLAH", total))
    rows.append(
        footer(
            "Rata-rata capaian kinerja (%)",
            {"ach_k": Cell(average, "number", MeanOf(data_rows), bold=True)},
        )
    )
    rows.append(footer("Predikat kinerja", {"ach_k": Cell(predicate or "–", bold=True)}))
    cap = ctx.rules.cap
    return Table(
        "E.81",
        f"Evaluasi terhadap Hasil Renja {ctx.unit_name} Tahun {ctx.year}",
        columns,
        tuple(rows),
        landscape=True,
        sheet_name="Evaluasi Renja",
        notes=(
            "K = kinerja (volume/target indikator), Rp = anggaran. Realisasi triwulan adalah "
            "realisasi dalam triwulan itu sendiri: rupiah yang dibelanjakan dalam triwulan; "
            "indikator kumulatif dijumlahkan per bulan, indikator non-kumulatif (%, indeks) "
            "diambil nilai terakhir dalam triwulan.",
            "Realisasi Renja = jumlah triwulan (rupiah dan indikator kumulatif) atau nilai "
            "terakhir (indikator non-kumulatif). Tingkat capaian K = capaian indikator baris "
            "itu sendiri (realisasi ÷ target × 100 untuk indikator makin tinggi makin baik)"
            + (f"; * dibatasi {fmt_compact(cap)}" if cap is not None else "")
            + "; tingkat capaian Rp = realisasi ÷ target anggaran × 100.",
            "Realisasi Renstra s.d. tahun ini = jumlah realisasi tahun-tahun periode Renstra "
            "(indikator kumulatif) atau nilai terakhir (indikator non-kumulatif); tingkat "
            "capaian Renstra = realisasi itu terhadap target akhir periode. Kolom rupiahnya "
            "kosong: Renstra tidak menyimpan anggaran per tahun.",
            "Rata-rata capaian kinerja = rata-rata tingkat capaian K semua baris yang terukur; "
            "predikat menurut skala: " + _scale_text(ctx) + ".",
        ),
    )


def _scale_text(ctx: ReportContext) -> str:
    bands = "; ".join(f"> {fmt_compact(b.above)} {b.label}" for b in ctx.rules.predicate_scale)
    return f"{bands}; selainnya {ctx.rules.predicate_floor}"


# --- texts ------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(p.strip()) for p in text.split("\n\n") if p.strip()]


def _obstacles(ctx: ReportContext) -> list[Paragraph]:
    statements = {
        r.indicator.id: r.indicator.statement for n in ctx.root.walk() for r in n.indicators
    }
    out = []
    for ind_id, (_, obstacles) in ctx.narratives.items():
        if obstacles.strip():
            what = statements.get(ind_id)
            out.append(Paragraph(f"{what}: {obstacles.strip()}" if what else obstacles, "bullet"))
    return out


def factor_blocks(ctx: ReportContext) -> list:
    blocks: list = []
    for title, key in (
        ("Faktor pendorong keberhasilan", "faktor_pendorong"),
        ("Faktor penghambat", "faktor_penghambat"),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya", "tindak_lanjut_triwulan"),
        (
            "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
            "tindak_lanjut_renja",
        ),
    ):
        blocks.append(Heading(title, 2))
        text = ctx.texts.get(key, "").strip()
        if text:
            blocks += _paragraphs(text)
        elif key == "faktor_penghambat" and _obstacles(ctx):
            blocks += _obstacles(ctx)
        else:
            blocks.append(Paragraph(MISSING))
    return blocks


def period_text(ctx: ReportContext) -> str:
    """``Tahun 2020``; ``Triwulan II Tahun 2020``; ``Triwulan II Tahun 2020 (s.d. Mei 2020)``."""
    if ctx.upto_month == 12:
        return f"Tahun {ctx.year}"
    q = quarter_of(ctx.upto_month)
    cut = (
        "" if ctx.upto_month % 3 == 0 else f" (s.d. {Period.month(ctx.year, ctx.upto_month).label})"
    )
    return f"Triwulan {ROMAN[q - 1]} Tahun {ctx.year}{cut}"


def summary(ctx: ReportContext, table: Table) -> list[Paragraph]:
    root = ctx.root
    k = table.column_index("ach_k")
    average = table.rows[-2].cells[k].value
    predicate = table.rows[-1].cells[k].value
    measured = sum(1 for r in table.rows[:-3] if isinstance(r.cells[k].value, Decimal))
    until = ("akhir " if ctx.upto_month == 12 else "") + period_text(ctx)
    money = (
        f"Sampai dengan {until}, {ctx.unit_name} merealisasikan anggaran Renja "
        f"sebesar {fmt_rupiah(root.realisasi.value)} atau {fmt_percent(root.absorption.value)} "
        f"dari target anggaran {fmt_rupiah(root.pagu.value)}"
        if root.realisasi.value is not None
        else f"Sampai dengan {until}, realisasi anggaran {ctx.unit_name} belum diisi "
        f"(target anggaran {fmt_rupiah(root.pagu.value)})"
    )
    if isinstance(average, Decimal):
        kinerja = (
            f"Rata-rata tingkat capaian kinerja {measured} program, kegiatan dan "
            f"{ctx.leaf_noun} yang terukur sebesar {fmt_number(average, 2)}% dengan predikat "
            f"{predicate}."
        )
    else:
        kinerja = (
            "Tingkat capaian kinerja belum dapat dihitung karena realisasi indikator belum diisi."
        )
    return [Paragraph(money + ". " + kinerja)]


def sasaran_paragraphs(ctx: ReportContext) -> list[Paragraph]:
    out = [
        Paragraph(
            "Indikator dan target kinerja Perangkat Daerah yang mengacu pada sasaran RKPD:",
            "bold",
        )
    ]
    if not ctx.sasaran:
        return [*out, Paragraph(MISSING)]
    for s in ctx.sasaran:
        indicators = "; ".join(
            f"{ind.statement} (target {fmt_target(ind.target, ind.satuan)})" for ind in s.indicators
        )
        out.append(Paragraph(s.statement + (f": {indicators}" if indicators else ""), "bullet"))
    return out


# --- the document -----------------------------------------------------------------------


def signatures(ctx: ReportContext) -> SignaturePair:
    left = dataclasses.replace(head_signature(ctx), caption="Disusun")
    right = Signature(
        f"{ctx.place}, ...................." if ctx.place else "",
        ("PEJABAT YANG MENGEVALUASI",),
        "(....................................)",
        nip="",
        caption="Dievaluasi",
    )
    return SignaturePair(left, right)


def build(ctx: ReportContext) -> Document:
    table = renja_table(ctx)
    blocks = [
        Heading("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", 1),
        Paragraph(f"RENJA PERANGKAT DAERAH {ctx.unit_name.upper()}", "center"),
        Paragraph(ctx.government.upper(), "center"),
        Paragraph(f"PERIODE PELAKSANAAN: {period_text(ctx).upper()}", "center"),
        *sasaran_paragraphs(ctx),
        *summary(ctx, table),
        table,
        *factor_blocks(ctx),
        signatures(ctx),
    ]
    return unit_document(
        ctx,
        kind="renja",
        title=f"Evaluasi terhadap Hasil Renja {ctx.unit_name} {period_text(ctx)}",
        sections=(Section(tuple(blocks), landscape=True),),
        filename_stem=f"evaluasi-renja-{ctx.unit_slug}-{ctx.year}",
        meta={"upto_month": ctx.upto_month},
    )
