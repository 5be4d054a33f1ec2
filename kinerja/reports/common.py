"""Pieces shared by the report builders: tables over the computed plan tree, the sentences
that state figures in words, signatures. Pure functions over the report context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from kinerja.core.numbers import (
    MONTHS_ID,
    fmt_date,
    fmt_nip,
    fmt_number,
    fmt_percent,
    fmt_rupiah,
    terbilang,
)
from kinerja.core.rollup import ComputedNode

from .context import ReportContext
from .document import Cell, Chart, ChartSeries, Column, Row, Section, Signature, SumOf, Table

LEVEL_DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2, "tolok_ukur": 2}
SHORT_MONTHS = tuple(m[:3] for m in MONTHS_ID)

MISSING = "Belum diisi."

CellMaker = Callable[[ComputedNode, int, int, tuple[int, ...]], tuple[Cell, ...]]


def tree_rows(
    roots: Sequence[ComputedNode], make: CellMaker, *, max_depth: int = 2, offset: int = 0
) -> tuple[list[Row], list[int]]:
    """Rows for the nodes in pre-order (parents before their children). ``make(node, depth,
    position, child_row_indices)`` gives a row's cells (``position``: 1-based among its
    siblings); the child indices let a parent's cells be formulas over its children.
    Returns the rows and the indices of the top-level rows. ``offset``: the number of rows
    the table will have above these (all indices are shifted by it)."""
    rows: list[Row | None] = []

    def visit(node: ComputedNode, depth: int, position: int) -> int:
        index = len(rows) + offset
        rows.append(None)
        kids: tuple[int, ...] = ()
        if depth < max_depth:
            kids = tuple(visit(c, depth + 1, i) for i, c in enumerate(node.children, start=1))
        style = "group" if node.children and depth < max_depth else "normal"
        rows[index - offset] = Row(make(node, depth, position, kids), level=depth, style=style)
        return index

    tops = [visit(r, 0, i) for i, r in enumerate(roots, start=1)]
    return [r for r in rows if r is not None], tops


def money_cell(value, children: tuple[int, ...] = (), bold: bool = False) -> Cell:
    return Cell(value, "money", SumOf(children) if children else None, bold=bold)


def total_row(label_col: int, n_columns: int, cells: dict[int, Cell]) -> Row:
    out = []
    for i in range(n_columns):
        if i in cells:
            out.append(cells[i])
        elif i == label_col:
            out.append(Cell("JUMLAH", bold=True))
        else:
            out.append(Cell(""))
    return Row(tuple(out), style="total")


def input_table(ctx: ReportContext, key: str, title: str, *, code: bool = False) -> Table:
    """Rencana, realisasi and % per program, kegiatan and leaf (Tabel 3.1 / 8.4 / B)."""
    from .document import Ratio

    columns = [Column("no", "NO", width=4)]
    if code:
        columns.append(Column("code", "KODE", width=14))
    columns += [
        Column("name", "PROGRAM / KEGIATAN / " + ctx.leaf_noun.upper(), width=46),
        Column("plan", "RENCANA (Rp)", "money", 16),
        Column("real", "REALISASI (Rp)", "money", 16),
        Column("pct", "%", "percent", 8),
    ]

    def make(node, depth, position, kids):
        bold = depth < 2 and bool(node.children)
        cells = [Cell("" if depth == 1 else str(position), bold=bold)]
        if code:
            cells.append(Cell(node.code))
        cells += [
            Cell(node.name, bold=bold),
            money_cell(node.pagu.value, kids, bold),
            money_cell(node.realisasi.value, kids, bold),
            Cell(node.absorption.value, "percent", Ratio("real", "plan"), bold=bold),
        ]
        return tuple(cells)

    rows, tops = tree_rows(ctx.root.children, make)
    n = len(columns)
    label = 2 if code else 1
    rows.append(
        total_row(
            label,
            n,
            {
                n - 3: money_cell(ctx.root.pagu.value, tuple(tops), True),
                n - 2: money_cell(ctx.root.realisasi.value, tuple(tops), True),
                n - 1: Cell(ctx.root.absorption.value, "percent", Ratio("real", "plan"), bold=True),
            },
        )
    )
    return Table(
        key,
        title,
        tuple(columns),
        tuple(rows),
        notes=(
            "Persentase = realisasi ÷ rencana × 100. Rencana dan realisasi induk adalah jumlah "
            "anak-anaknya; persentase induk dihitung dari jumlah rupiah, bukan rata-rata persen.",
        ),
    )


def money_sentence(node: ComputedNode, what: str) -> str:
    """``Program Tata Kelola Pemerintahan mencapai kinerja sebesar Rp853.232.370 atau 71,51%
    dari target yang telah ditetapkan (Rp1.193.209.000).``"""
    return (
        f"{what} mencapai kinerja sebesar {fmt_rupiah(node.realisasi.value)} atau "
        f"{fmt_percent(node.absorption.value)} dari target yang telah ditetapkan "
        f"({fmt_rupiah(node.pagu.value)})."
    )


def achievement_sentence(node: ComputedNode, what: str) -> str:
    value = node.achievement.value
    if value is None:
        return f"{what}: capaian kinerja tidak dapat dihitung ({node.reason or 'tanpa data'})."
    return f"{what} mencapai kinerja {fmt_number(value, 2)}% ({node.predicate})."


def program_label(node: ComputedNode) -> str:
    name = node.name
    return name if name.lower().startswith("program") else f"Program {name}"


def kegiatan_label(node: ComputedNode) -> str:
    name = node.name
    return name if name.lower().startswith("kegiatan") else f"Kegiatan {name}"


def amount_in_words(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{fmt_rupiah(value)} ({terbilang(value.to_integral_value())} rupiah)"


def head_signature(ctx: ReportContext, date_text: str | None = None) -> Signature:
    head = ctx.head
    place_date = f"{ctx.place}, {date_text or fmt_date(ctx.generated_on)}" if ctx.place else ""
    if head is None:
        return Signature(place_date, (f"KEPALA {ctx.unit_name.upper()}",), "(belum diisi)")
    rank = head.pangkat + (f" ({head.golongan})" if head.golongan else "")
    return Signature(
        place_date,
        (head.jabatan.upper(),),
        head.name,
        rank,
        fmt_nip(head.nip),
    )


def fmt_target(value, satuan: str = "") -> str:
    if value is None or value == "":
        return "–"
    text = value if isinstance(value, str) else fmt_number(value)
    return (
        f"{text} {satuan}".strip()
        if satuan and satuan != "%"
        else (f"{text}%" if satuan == "%" else text)
    )


def split_sections(blocks: Sequence, numbering: str = "arabic") -> tuple[Section, ...]:
    """Portrait sections, with every landscape table in a landscape section of its own
    (together with a chart or table directly after it that is also wide)."""
    sections: list[Section] = []
    current: list = []
    for block in blocks:
        if isinstance(block, Table) and block.landscape:
            if current:
                sections.append(Section(tuple(current), numbering=numbering))
                current = []
            sections.append(Section((block,), landscape=True, numbering=numbering))
        else:
            current.append(block)
    if current:
        sections.append(Section(tuple(current), numbering=numbering))
    return tuple(sections)


def stored_text(ctx: ReportContext, key: str, default: str = MISSING) -> list:
    """The free text kept for the unit and year under ``key`` as paragraphs (one per line),
    or ``default`` when it has not been written yet."""
    from .document import Paragraph

    text = ctx.texts.get(key) or default
    return [Paragraph(p.strip()) for p in text.splitlines() if p.strip()]


def scurve_chart(series, year: int) -> Chart:
    """The S-curve of cumulative plan and realisation, fisik and keuangan, by month."""
    return Chart(
        "kurva-s",
        f"Kurva S Realisasi Fisik dan Keuangan Tahun {year}",
        "scurve",
        SHORT_MONTHS,
        (
            ChartSeries("Target fisik", tuple(r.plan_fisik for r in series), "plan"),
            ChartSeries("Target keuangan", tuple(r.plan_keuangan for r in series), "plan"),
            ChartSeries("Realisasi fisik", tuple(r.fisik for r in series)),
            ChartSeries("Realisasi keuangan", tuple(r.keuangan for r in series)),
        ),
    )


def kegiatan_bars(root: ComputedNode, year: int) -> Chart:
    """Output achievement per kegiatan, coloured by predicate."""
    kegiatan = [k for p in root.children for k in p.children]
    return Chart(
        "capaian-kegiatan",
        f"Capaian Keluaran per Kegiatan Tahun {year}",
        "bars",
        tuple(k.name for k in kegiatan),
        (ChartSeries("Capaian (%)", tuple(k.achievement.value for k in kegiatan), "bar"),),
        bar_labels=tuple(k.predicate or "" for k in kegiatan),
    )


def sasaran_achievement(ctx: ReportContext, indicator, target) -> Decimal | None:
    """Achievement (raw) of a sasaran indicator's realisation against ``target`` (the annual
    or the medium-term one), by the government's rules; None when either is not a number."""
    from kinerja.core.achievement import IndicatorSpec, Target, achieve

    if not isinstance(target, Decimal) or not isinstance(indicator.realisation, Decimal):
        return None
    spec = IndicatorSpec(polarity=indicator.polarity)
    return achieve(spec, Target(value=target), indicator.realisation, ctx.rules).raw


def unit_document(
    ctx: ReportContext,
    *,
    kind: str,
    title: str,
    sections,
    filename_stem: str,
    cover=None,
    meta: dict | None = None,
):
    """A report document of the context's unit and year, dated the day its data was read."""
    import datetime

    from .document import Document

    return Document(
        kind=kind,
        title=title,
        unit_name=ctx.unit_name,
        government_name=ctx.government,
        year=ctx.year,
        sections=tuple(sections),
        cover=cover,
        filename_stem=filename_stem,
        generated_at=datetime.datetime.combine(ctx.generated_on, datetime.time()),
        meta=meta or {},
    )
