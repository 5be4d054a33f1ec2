"""Laporan realisasi fisik dan keuangan of one unit up to the end of a month (which may close
a quarter or a semester).

Every figure comes from the computed plan: ``ctx.root`` is the plan at the end of
``ctx.upto_month``; the realisation up to the previous month comes from the same plan computed
one month earlier (``compute_tree`` with the rules in the context), so "realisasi bulan ini" is
the difference of two cumulative figures the core computed. Parents' rupiah are live sums of
their children; percentages are ratios of the row's own rupiah; deviations are differences of
the row's own columns."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from kinerja.core.numbers import MONTHS_ID, fmt_compact, fmt_number, fmt_percent, fmt_rupiah
from kinerja.core.periods import Period, quarter_of, semester_of
from kinerja.core.rollup import ComputedNode, compute_tree

from .build_evaluasi import scurve, table_monthly
from .common import head_signature, money_cell, tree_rows, unit_document
from .context import ReportContext
from .document import (
    Cell,
    Chart,
    Column,
    Difference,
    Document,
    Heading,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
)

_ZERO = Decimal(0)


# --- the period ------------------------------------------------------------------------


def _bare(label: str) -> str:
    """``Triwulan II 2020`` → ``Triwulan II``."""
    return label.rsplit(" ", 1)[0]


def period_parts(year: int, month: int) -> tuple[str, tuple[str, ...]]:
    """The month label (``Juni 2020``) and the quarter / semester the month closes
    (``("Triwulan II", "Semester I")``; empty when the month closes none)."""
    closes: list[str] = []
    if month % 3 == 0:
        closes.append(_bare(Period.quarter(year, quarter_of(month)).label))
    if month % 6 == 0:
        closes.append(_bare(Period.semester(year, semester_of(month)).label))
    return Period.month(year, month).label, tuple(closes)


def period_label(year: int, month: int) -> str:
    """``s.d. Juni 2020 (Triwulan II / Semester I)``; ``s.d. Mei 2020``."""
    month_label, closes = period_parts(year, month)
    return f"s.d. {month_label}" + (f" ({' / '.join(closes)})" if closes else "")


# --- figures of the previous month -----------------------------------------------------


def _previous_realisation(ctx: ReportContext) -> dict[int, Decimal | None]:
    """id(PlanNode) → realisation up to the end of the previous month, as the row shows it:
    0 in January, and 0 when nothing was realised before but something is now (so that
    "bulan ini" = s.d. bulan ini − s.d. bulan lalu is defined); None when neither month has
    a figure. The key "root" holds the unit's."""
    now = {id(n.node): n.realisasi.value for n in ctx.root.walk()}
    now["root"] = now.pop(id(ctx.root.node))  # type: ignore[index]
    if ctx.upto_month == 1:
        before: dict = {}
    else:
        tree = compute_tree(
            tuple(c.node for c in ctx.root.children),
            rules=ctx.rules,
            upto_month=ctx.upto_month - 1,
            name=ctx.unit_name,
        )
        before = {id(n.node): n.realisasi.value for n in tree.walk()}
        before["root"] = before.pop(id(tree.node))
    out: dict = {}
    for key, value in now.items():
        previous = before.get(key)
        out[key] = previous if previous is not None else (_ZERO if value is not None else None)
    return out


def _minus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


# --- the main table ---------------------------------------------------------------------


def realisation_table(ctx: ReportContext, previous: dict | None = None) -> Table:
    month = MONTHS_ID[ctx.upto_month - 1].upper()
    columns = (
        Column("code", "KODE", width=10),
        Column("name", "URAIAN (PROGRAM / KEGIATAN / " + ctx.leaf_noun.upper() + ")", width=34),
        Column("pagu", "PAGU (Rp)", "money", 14),
        Column("kas", f"ANGGARAN KAS S.D. BULAN INI ({month}) (Rp)", "money", 14),
        Column("prev", "S.D. BULAN LALU (Rp)", "money", 14, group="REALISASI KEUANGAN"),
        Column("this", "BULAN INI (Rp)", "money", 13, group="REALISASI KEUANGAN"),
        Column("real", "S.D. BULAN INI (Rp)", "money", 14, group="REALISASI KEUANGAN"),
        Column("pct", "KEUANGAN (%)", "percent", 8, group="REALISASI KEUANGAN"),
        Column("plan_f", "TARGET (%)", "percent", 8, group="FISIK"),
        Column("real_f", "REALISASI (%)", "percent", 8, group="FISIK"),
        Column("dev_f", "DEVIASI (POIN)", "percent", 8, group="FISIK"),
    )
    if previous is None:
        previous = _previous_realisation(ctx)

    def cells(node: ComputedNode, key, kids: tuple[int, ...], bold: bool) -> tuple[Cell, ...]:
        real = node.realisasi.value
        prev = previous[key]
        return (
            money_cell(node.pagu.value, kids, bold),
            money_cell(node.plan_keuangan.value, kids, bold),
            money_cell(prev, kids, bold),
            Cell(_minus(real, prev), "money", Difference("real", "prev"), bold=bold),
            money_cell(real, kids, bold),
            Cell(node.absorption.value, "percent", Ratio("real", "pagu"), bold=bold),
            Cell(node.plan_fisik.value, "percent", bold=bold),
            Cell(node.fisik.value, "percent", bold=bold),
            Cell(node.deviation_fisik.value, "percent", Difference("real_f", "plan_f"), bold=bold),
        )

    def make(node, depth, position, kids):
        bold = bool(node.children)
        return (
            Cell(node.code, bold=bold),
            Cell(node.name, bold=bold),
            *cells(node, id(node.node), kids, bold),
        )

    rows, tops = tree_rows(ctx.root.children, make)
    rows.append(
        Row(
            (Cell(""), Cell("JUMLAH", bold=True), *cells(ctx.root, "root", tuple(tops), True)),
            style="total",
        )
    )
    return Table(
        "1",
        f"Tabel 1 Realisasi Fisik dan Keuangan {period_label(ctx.year, ctx.upto_month)}",
        columns,
        tuple(rows),
        landscape=True,
        sheet_name="Tabel 1 Realisasi",
        notes=(
            "Rupiah induk = jumlah anak-anaknya. Realisasi bulan ini = realisasi s.d. bulan ini "
            "− realisasi s.d. bulan lalu. Keuangan (%) = realisasi s.d. bulan ini ÷ pagu × 100.",
            "Fisik kumulatif; fisik induk = "
            + (
                "rata-rata anak tertimbang pagu"
                if ctx.rules.fisik_rollup == "weighted_pagu"
                else "rata-rata anak"
            )
            + ". Deviasi = realisasi − target (poin persen); negatif berarti tertinggal.",
        ),
    )


# --- deviation warnings -----------------------------------------------------------------


def _limit(ctx: ReportContext, plan: Decimal) -> Decimal:
    rules = ctx.rules
    return rules.deviation_early if plan <= rules.deviation_plan_split else rules.deviation_late


def deviation_status(ctx: ReportContext, plan: Decimal | None, real: Decimal | None) -> str:
    """A sentence fragment judging ``real`` against ``plan`` (cumulative %) by the rules."""
    if plan is None or real is None:
        return "deviasi belum dapat dihitung karena rencana atau realisasinya belum diisi"
    behind = plan - real
    limit = _limit(ctx, plan)
    split = fmt_compact(ctx.rules.deviation_plan_split)
    where = f"≤ {split}%" if plan <= ctx.rules.deviation_plan_split else f"> {split}%"
    if behind <= 0:
        return (
            f"realisasi {'sesuai' if behind == 0 else 'mendahului'} rencana"
            + (f" ({fmt_number(-behind, 2)} poin)" if behind else "")
            + ": status AMAN"
        )
    text = (
        f"tertinggal {fmt_number(behind, 2)} poin dari rencana; dengan rencana {where} batas "
        f"peringatan adalah keterlambatan lebih dari {fmt_compact(limit)} poin"
    )
    if behind > limit:
        return text + ": status PERINGATAN (deviasi melewati batas)"
    return text + ": status AMAN (masih dalam batas toleransi)"


def _leaves(ctx: ReportContext) -> list[ComputedNode]:
    return [n for n in ctx.root.walk() if not n.children and n is not ctx.root]


def warned_leaves(ctx: ReportContext) -> list[ComputedNode]:
    return [n for n in _leaves(ctx) if n.deviation_fisik_warning or n.deviation_keuangan_warning]


def warning_table(ctx: ReportContext, leaves: list[ComputedNode]) -> Table:
    columns = (
        Column("code", "KODE", width=10),
        Column("name", ctx.leaf_noun.upper(), width=34),
        Column("plan_f", "TARGET (%)", "percent", 8, group="FISIK"),
        Column("real_f", "REALISASI (%)", "percent", 8, group="FISIK"),
        Column("dev_f", "DEVIASI (POIN)", "percent", 8, group="FISIK"),
        Column("plan_k", "TARGET (%)", "percent", 8, group="KEUANGAN"),
        Column("real_k", "REALISASI (%)", "percent", 8, group="KEUANGAN"),
        Column("dev_k", "DEVIASI (POIN)", "percent", 8, group="KEUANGAN"),
        Column("what", "PERINGATAN", width=14),
    )
    rows = []
    for n in leaves:
        what = [
            w
            for w, on in (
                ("fisik", n.deviation_fisik_warning),
                ("keuangan", n.deviation_keuangan_warning),
            )
            if on
        ]
        rows.append(
            Row(
                (
                    Cell(n.code),
                    Cell(n.name),
                    Cell(n.plan_fisik.value, "percent"),
                    Cell(n.fisik.value, "percent"),
                    Cell(n.deviation_fisik.value, "percent", Difference("real_f", "plan_f")),
                    Cell(n.plan_keuangan_pct.value, "percent"),
                    Cell(n.absorption.value, "percent"),
                    Cell(n.deviation_keuangan.value, "percent", Difference("real_k", "plan_k")),
                    Cell(", ".join(what)),
                )
            )
        )
    rules = ctx.rules
    return Table(
        "2",
        f"Tabel 2 {ctx.leaf_noun.title()} dengan Peringatan Deviasi "
        f"{period_label(ctx.year, ctx.upto_month)}",
        columns,
        tuple(rows),
        sheet_name="Tabel 2 Peringatan",
        notes=(
            "Peringatan: realisasi tertinggal lebih dari "
            f"{fmt_compact(rules.deviation_early)} poin selama rencana ≤ "
            f"{fmt_compact(rules.deviation_plan_split)}%, atau lebih dari "
            f"{fmt_compact(rules.deviation_late)} poin sesudahnya.",
        ),
    )


# --- monthly table and S-curve up to the month ------------------------------------------


def monthly_table(ctx: ReportContext) -> Table:
    upto = dataclasses.replace(
        ctx, series=tuple(r for r in ctx.series if r.month <= ctx.upto_month)
    )
    table = table_monthly(upto)
    return dataclasses.replace(
        table,
        key="3",
        title=(
            f"Tabel 3 Realisasi Fisik dan Keuangan Bulanan s.d. "
            f"{Period.month(ctx.year, ctx.upto_month).label}"
        ),
        sheet_name="Tabel 3 Bulanan",
    )


def curve(ctx: ReportContext) -> Chart:
    """The S-curve: the plan over the whole year, the realisation up to the month only."""
    series = tuple(
        r if r.month <= ctx.upto_month else dataclasses.replace(r, fisik=None, keuangan=None)
        for r in ctx.series
    )
    chart = scurve(dataclasses.replace(ctx, series=series))
    return dataclasses.replace(
        chart,
        title=f"Kurva S Realisasi Fisik dan Keuangan {period_label(ctx.year, ctx.upto_month)}",
    )


# --- sentences --------------------------------------------------------------------------


def summary(ctx: ReportContext, previous: dict | None = None) -> list[Paragraph]:
    root = ctx.root
    month_label, closes = period_parts(ctx.year, ctx.upto_month)
    if previous is None:
        previous = _previous_realisation(ctx)
    this_month = _minus(root.realisasi.value, previous["root"])
    out = [
        Paragraph(
            f"Laporan ini menyajikan realisasi fisik dan keuangan {ctx.unit_name} Tahun "
            f"Anggaran {ctx.year} sampai dengan akhir bulan {month_label}"
            + (f", sekaligus laporan {' dan '.join(closes)}" if closes else "")
            + "."
        )
    ]
    if root.realisasi.value is None:
        money = (
            f"Dari pagu sebesar {fmt_rupiah(root.pagu.value)}, realisasi keuangan belum diisi "
            f"s.d. {month_label}."
        )
    else:
        money = (
            f"Dari pagu sebesar {fmt_rupiah(root.pagu.value)}, realisasi keuangan s.d. "
            f"{month_label} sebesar {fmt_rupiah(root.realisasi.value)} atau "
            f"{fmt_percent(root.absorption.value)}, termasuk realisasi bulan {month_label} "
            f"sebesar {fmt_rupiah(this_month)}."
        )
    if root.plan_keuangan.value is None:
        money += " Anggaran kas (rencana penyerapan) belum diisi."
    else:
        money += (
            f" Anggaran kas s.d. bulan ini {fmt_rupiah(root.plan_keuangan.value)} atau "
            f"{fmt_percent(root.plan_keuangan_pct.value)}; keuangan "
            + deviation_status(ctx, root.plan_keuangan_pct.value, root.absorption.value)
            + "."
        )
    out.append(Paragraph(money))
    if root.fisik.value is None and root.plan_fisik.value is None:
        fisik = "Rencana dan realisasi fisik belum diisi."
    else:
        fisik = (
            f"Realisasi fisik mencapai {fmt_percent(root.fisik.value)} dari rencana "
            f"{fmt_percent(root.plan_fisik.value)}"
            + (
                f" (deviasi {fmt_number(root.deviation_fisik.value, 2)} poin)"
                if root.deviation_fisik.value is not None
                else ""
            )
            + "; fisik "
            + deviation_status(ctx, root.plan_fisik.value, root.fisik.value)
            + "."
        )
    out.append(Paragraph(fisik))
    return out


def warning_blocks(ctx: ReportContext) -> list:
    leaves = _leaves(ctx)
    warned = warned_leaves(ctx)
    noun = ctx.leaf_noun
    measured = [n for n in leaves if n.deviation_fisik.defined or n.deviation_keuangan.defined]
    if not measured:
        return [
            Paragraph(
                f"Deviasi belum dapat dihitung: tidak ada {noun} yang rencana dan realisasi "
                f"fisik atau keuangannya terisi {period_label(ctx.year, ctx.upto_month)}."
            )
        ]
    if not warned:
        return [
            Paragraph(
                f"Tidak ada {noun} yang deviasi fisik maupun keuangannya melewati batas "
                f"peringatan {period_label(ctx.year, ctx.upto_month)}."
            )
        ]
    fisik = sum(1 for n in warned if n.deviation_fisik_warning)
    keuangan = sum(1 for n in warned if n.deviation_keuangan_warning)
    return [
        Paragraph(
            f"{len(warned)} dari {len(leaves)} {noun} memiliki deviasi yang melewati batas "
            f"peringatan ({fisik} pada fisik, {keuangan} pada keuangan) dan perlu "
            "ditindaklanjuti:"
        ),
        warning_table(ctx, warned),
    ]


# --- the document -----------------------------------------------------------------------


def build(ctx: ReportContext) -> Document:
    label = period_label(ctx.year, ctx.upto_month)
    previous = _previous_realisation(ctx)
    blocks = [
        Heading("LAPORAN REALISASI FISIK DAN KEUANGAN", 1),
        Paragraph(ctx.unit_name.upper(), "center"),
        Paragraph(ctx.government.upper(), "center"),
        Paragraph(f"TAHUN ANGGARAN {ctx.year} — {label.upper()}", "center"),
        Heading("A. Ringkasan", 2),
        *summary(ctx, previous),
        Heading("B. Realisasi per Program, Kegiatan dan " + ctx.leaf_noun.title(), 2),
        realisation_table(ctx, previous),
        Heading("C. Peringatan Deviasi", 2),
        *warning_blocks(ctx),
        Heading("D. Realisasi Bulanan dan Kurva S", 2),
        monthly_table(ctx),
        curve(ctx),
        head_signature(ctx),
    ]
    return unit_document(
        ctx,
        kind="realisasi",
        title=f"Laporan Realisasi Fisik dan Keuangan {ctx.unit_name} {label}",
        sections=(Section(tuple(blocks), landscape=True),),
        filename_stem=f"realisasi-{ctx.unit_slug}-{ctx.year}-{ctx.upto_month:02d}",
        meta={"upto_month": ctx.upto_month},
    )
