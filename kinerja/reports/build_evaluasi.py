"""The Laporan Evaluasi Kinerja in the structure of the seed report (BAB I–X and Lampiran 1).

Every figure comes from the computed plan in the context; sentences state them in words the
way the seed does, but from one set of data, so they agree with the tables."""

from __future__ import annotations

from decimal import Decimal

from kinerja.core.numbers import MONTHS_ID, fmt_date, fmt_number, fmt_percent, fmt_rupiah
from kinerja.core.periods import Period

from .common import (
    achievement_sentence,
    amount_in_words,
    fmt_target,
    head_signature,
    input_table,
    kegiatan_bars,
    kegiatan_label,
    money_cell,
    program_label,
    scurve_chart,
    split_sections,
    stored_text,
    total_row,
    tree_rows,
    unit_document,
)
from .context import AgreementInfo, ReportContext, target_value
from .document import (
    Cell,
    Chart,
    Column,
    Cover,
    Difference,
    Document,
    Heading,
    ListOfTables,
    MeanOf,
    PageBreak,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
    TableOfContents,
)


def _programs(ctx):
    return ctx.root.children


def _kegiatan(ctx):
    return [k for p in ctx.root.children for k in p.children]


def _leaves(ctx):
    return [n for n in ctx.root.walk() if not n.children and n is not ctx.root]


def _indicator_text(result) -> tuple[str, str]:
    ind = result.indicator
    target = ind.target
    if target is None:
        t = "–"
    elif target.label:
        t = target.label
    elif target.low is not None or target.high is not None:
        t = f"{fmt_number(target.low)}–{fmt_number(target.high)}"
    else:
        t = fmt_target(target.value, ind.satuan)
    return t, fmt_target(result.realisation, ind.satuan)


def cover(ctx: ReportContext) -> Cover:
    return Cover(
        ("LAPORAN EVALUASI KINERJA", f"AKHIR TAHUN ANGGARAN {ctx.year}"),
        ctx.unit_name.upper(),
        ctx.government.upper(),
        ctx.year,
        f"{ctx.place.upper()}, {ctx.year + 1}" if ctx.place else str(ctx.year + 1),
    )


# --- BAB II --------------------------------------------------------------------------


def table_2_1(ctx: ReportContext) -> Table:
    columns = (
        Column("no", "NO", width=4),
        Column("program", "PROGRAM / SASARAN", width=22),
        Column("indicator", "INDIKATOR KINERJA", width=30),
        Column("target", "TARGET", width=12),
        Column("activity", "KEGIATAN DAN " + ctx.leaf_noun.upper(), width=36),
        Column("pagu", "PAGU ANGGARAN (Rp)", "money", 16),
    )

    def make(node, depth, position, kids):
        first = node.indicators[0] if node.indicators else None
        statement = first.indicator.statement if first else ""
        target = _indicator_text(first)[0] if first else ""
        bold = bool(node.children)
        if depth == 0:
            return (
                Cell(str(position), bold=True),
                Cell(node.name, bold=True),
                Cell(statement),
                Cell(target),
                Cell(""),
                money_cell(node.pagu.value, kids, True),
            )
        name = node.name if depth == 1 else f"{position} {node.name}"
        return (
            Cell(""),
            Cell(""),
            Cell(statement if depth == 1 else ""),
            Cell(target),
            Cell(name, bold=bold),
            money_cell(node.pagu.value, kids, bold),
        )

    rows, tops = tree_rows(_programs(ctx), make)
    rows.append(total_row(4, 6, {5: money_cell(ctx.root.pagu.value, tuple(tops), True)}))
    return Table(
        "2.1",
        f"Tabel 2.1 Perjanjian Kinerja Tahun {ctx.year}",
        columns,
        tuple(rows),
    )


def bab_2(ctx: ReportContext) -> list:
    programs, kegiatan, leaves = _programs(ctx), _kegiatan(ctx), _leaves(ctx)
    blocks: list = [
        Heading("BAB II URUSAN WAJIB YANG DILAKSANAKAN", 1),
        Paragraph(
            f"Pada Tahun Anggaran {ctx.year}, {ctx.unit_name} melaksanakan "
            f"{len(programs)} program, {len(kegiatan)} kegiatan dan {len(leaves)} "
            f"{ctx.leaf_noun} dengan anggaran sebesar {amount_in_words(ctx.root.pagu.value)}, "
            "meliputi:"
        ),
    ]
    for program in programs:
        blocks.append(Paragraph(program_label(program), "bold"))
        for keg in program.children:
            outputs = "; ".join(
                f"{leaf.name}, dengan target {_indicator_text(leaf.indicators[0])[0]}"
                for leaf in keg.children
                if leaf.indicators
            )
            blocks.append(
                Paragraph(
                    f"{kegiatan_label(keg)} — anggaran {fmt_rupiah(keg.pagu.value)}"
                    + (f"; keluaran: {outputs}." if outputs else "."),
                    "bullet",
                )
            )
    blocks.append(table_2_1(ctx))
    return blocks


# --- BAB III -------------------------------------------------------------------------


def table_3_2(ctx: ReportContext) -> Table:
    columns = (
        Column("name", "PROGRAM / KEGIATAN / " + ctx.leaf_noun.upper(), width=30),
        Column("plan", "RENCANA OUTPUT", width=12, group="KELUARAN"),
        Column("real", "REALISASI OUTPUT", width=12, group="KELUARAN"),
        Column("story", "URAIAN REALISASI", width=44),
        Column("ach", "CAPAIAN (%)", "number", 10),
    )

    def make(node, depth, position, kids):
        bold = bool(node.children)
        plan = real = story = ""
        note = ""
        if not node.children and node.indicators:
            result = node.indicators[0]
            plan, real = _indicator_text(result)
            narrative, obstacles = ctx.narratives.get(result.indicator.id, ("", ""))
            story = narrative
            if obstacles and obstacles not in narrative:
                joint = " " if not narrative or narrative.rstrip().endswith(".") else ". "
                story = f"{narrative}{joint}Kendala: {obstacles}".strip()
            note = "*" if result.achievement.is_capped else ""
        name = node.name if depth < 2 else f"{position} {node.name}"
        return (
            Cell(name, bold=bold),
            Cell(plan),
            Cell(real),
            Cell(story),
            Cell(
                node.achievement.value,
                "number",
                MeanOf(kids) if kids else None,
                note=note,
                bold=bold,
            ),
        )

    rows, _ = tree_rows(_programs(ctx), make)
    return Table(
        "3.2",
        "Tabel 3.2 Rencana dan Realisasi Output",
        columns,
        tuple(rows),
        landscape=True,
        notes=(
            "Capaian = realisasi ÷ target × 100; * dibatasi 100. Capaian kegiatan = rata-rata "
            f"{ctx.leaf_noun}-nya, capaian program = rata-rata kegiatannya.",
        ),
    )


def table_monthly(ctx: ReportContext) -> Table:
    columns = (
        Column("month", "BULAN", width=12),
        Column("pf", "TARGET (%)", "percent", 10, group="FISIK"),
        Column("rf", "REALISASI (%)", "percent", 10, group="FISIK"),
        Column("df", "DEVIASI", "percent", 9, group="FISIK"),
        Column("pk", "TARGET (%)", "percent", 10, group="KEUANGAN"),
        Column("rk", "REALISASI (%)", "percent", 10, group="KEUANGAN"),
        Column("dk", "DEVIASI", "percent", 9, group="KEUANGAN"),
    )

    def diff(a, b):
        return None if a is None or b is None else a - b

    rows = tuple(
        Row(
            (
                Cell(MONTHS_ID[r.month - 1]),
                Cell(r.plan_fisik, "percent"),
                Cell(r.fisik, "percent"),
                Cell(diff(r.fisik, r.plan_fisik), "percent", Difference("rf", "pf")),
                Cell(r.plan_keuangan, "percent"),
                Cell(r.keuangan, "percent"),
                Cell(diff(r.keuangan, r.plan_keuangan), "percent", Difference("rk", "pk")),
            )
        )
        for r in ctx.series
    )
    return Table(
        "3.2a",
        f"Tabel 3.2a Realisasi Fisik dan Keuangan Bulanan Tahun {ctx.year}",
        columns,
        rows,
        sheet_name="Tabel 3.2a Bulanan",
        notes=("Angka kumulatif s.d. akhir bulan. Deviasi = realisasi − target (poin persen).",),
    )


def _period_sentence(label: str, row) -> str:
    return (
        f"{label}: target fisik {fmt_percent(row.plan_fisik)} dan target keuangan "
        f"{fmt_percent(row.plan_keuangan)} dengan realisasi fisik {fmt_percent(row.fisik)} dan "
        f"realisasi keuangan {fmt_percent(row.keuangan)}."
    )


def periodic_paragraphs(ctx: ReportContext) -> list[Paragraph]:
    by_month = {r.month: r for r in ctx.series}
    out = [Paragraph("Laporan triwulanan:", "bold")]
    for q in range(1, 5):
        period = Period.quarter(ctx.year, q)
        out.append(Paragraph(_period_sentence(period.label, by_month[period.end_month]), "bullet"))
    out.append(Paragraph("Laporan semesteran:", "bold"))
    for s in (1, 2):
        period = Period.semester(ctx.year, s)
        out.append(Paragraph(_period_sentence(period.label, by_month[period.end_month]), "bullet"))
    out.append(Paragraph("Laporan akhir tahun:", "bold"))
    out.append(Paragraph(_period_sentence(f"Tahun {ctx.year}", by_month[12]), "bullet"))
    return out


def scurve(ctx: ReportContext) -> Chart:
    return scurve_chart(ctx.series, ctx.year)


def achievement_bars(ctx: ReportContext) -> Chart:
    return kegiatan_bars(ctx.root, ctx.year)


def table_indicators(ctx, key, title, nodes, kind_label) -> Table:
    columns = (
        Column("name", kind_label, width=30),
        Column("indicator", "INDIKATOR", width=40),
        Column("target", "TARGET", width=12),
        Column("real", "REALISASI", width=12),
        Column("ach", "CAPAIAN (%)", "number", 10),
    )
    rows = []
    for node in nodes:
        for i, result in enumerate(node.indicators):
            target, real = _indicator_text(result)
            rows.append(
                Row(
                    (
                        Cell(node.name if i == 0 else "", bold=True),
                        Cell(result.indicator.statement),
                        Cell(target),
                        Cell(real),
                        Cell(
                            result.achievement.capped,
                            "number",
                            note="*" if result.achievement.is_capped else "",
                        ),
                    )
                )
            )
    if not rows:
        rows.append(
            Row((Cell("Belum ada indikator."), Cell(""), Cell(""), Cell(""), Cell(None, "number")))
        )
    return Table(key, title, columns, tuple(rows))


def bab_3(ctx: ReportContext) -> list:
    root = ctx.root
    blocks: list = [
        Heading("BAB III RENCANA DAN REALISASI KINERJA", 1),
        Heading("1. Rencana dan Realisasi Input", 2),
        Paragraph(
            "Input adalah sumber daya yang diperlukan untuk melaksanakan kegiatan; capaiannya "
            f"diukur dari realisasi belanja. Secara keseluruhan {ctx.unit_name} merealisasikan "
            f"{fmt_rupiah(root.realisasi.value)} atau {fmt_percent(root.absorption.value)} dari "
            f"anggaran {fmt_rupiah(root.pagu.value)}."
        ),
        Paragraph("Per program:", "bold"),
    ]
    for program in _programs(ctx):
        blocks.append(
            Paragraph(
                f"{program_label(program)} mencapai kinerja sebesar "
                f"{fmt_rupiah(program.realisasi.value)} atau "
                f"{fmt_percent(program.absorption.value)} dari target yang telah ditetapkan.",
                "numbered",
            )
        )
    blocks.append(
        input_table(ctx, "3.1", "Tabel 3.1 Rencana dan Realisasi Input " + ctx.leaf_noun.title())
    )
    blocks += [
        Heading("2. Rencana dan Realisasi Output", 2),
        Paragraph(
            "Pengukuran kinerja output membandingkan target dalam perjanjian kinerja dengan "
            f"realisasinya, dengan hasil pencapaian sebesar "
            f"{fmt_number(root.achievement.value, 2)}% ({root.predicate}) dan capaian keuangan "
            f"sebesar {fmt_percent(root.absorption.value)}. Capaian {ctx.unit_name} adalah "
            f"rata-rata capaian programnya: {root.achievement.explanation}."
        ),
        Paragraph("Per program:", "bold"),
    ]
    for program in _programs(ctx):
        blocks.append(
            Paragraph(
                achievement_sentence(program, program_label(program))
                + " "
                + program.achievement.explanation
                + ".",
                "numbered",
            )
        )
    blocks += [
        table_3_2(ctx),
        achievement_bars(ctx),
        Paragraph("Realisasi fisik dan keuangan bulanan:", "bold"),
        table_monthly(ctx),
        scurve(ctx),
        *periodic_paragraphs(ctx),
        Heading("3. Rencana dan Realisasi Outcome", 2),
        table_indicators(
            ctx, "3.3", "Tabel 3.3 Rencana dan Realisasi Outcome", _kegiatan(ctx), "KEGIATAN"
        ),
        Heading("4. Rencana dan Realisasi Capaian Program", 2),
        table_indicators(
            ctx, "3.4", "Tabel 3.4 Rencana dan Realisasi Capaian Program", _programs(ctx), "PROGRAM"
        ),
    ]
    return blocks


# --- BAB VIII ------------------------------------------------------------------------


def agreement_notes(a: AgreementInfo) -> tuple[str, ...]:
    """Which version of the agreement is printed, when it is a PK perubahan."""
    if a.version == 1:
        return ()
    signed = f" tanggal {fmt_date(a.signed_on)}" if a.signed_on else ""
    reason = f"; alasan perubahan: {a.reason}" if a.reason else ""
    return (f"{a.kind} (versi {a.version}){signed}{reason}.",)


def agreement_tables(ctx: ReportContext) -> list:
    """The Perjanjian Kinerja of every eselon, each in the version in force on the report's
    date (``ReportContext.agreements_on``)."""
    blocks: list = []
    for i, a in enumerate(ctx.agreements, start=1):
        columns = (
            Column("no", "NO", width=4),
            Column("subject", "PROGRAM / KEGIATAN", width=30),
            Column("indicator", "INDIKATOR KINERJA", width=44),
            Column("satuan", "SATUAN", width=10),
            Column("target", "TARGET", "number", 10),
        )
        rows, last = [], None
        for line in a.lines:
            first = line.subject != last
            last = line.subject
            rows.append(
                Row(
                    (
                        Cell(str(sum(1 for r in rows if r.cells[1].value) + 1) if first else ""),
                        Cell(line.subject if first else ""),
                        Cell(line.statement),
                        Cell(line.satuan),
                        Cell(
                            line.target if line.target is not None else line.target_label,
                            "number" if line.target is not None else "text",
                        ),
                    )
                )
            )
        blocks.append(
            Table(
                f"PK{i}",
                a.title,
                columns,
                tuple(rows),
                numbered_header=True,
                notes=agreement_notes(a),
                sheet_name=f"PK {i}",
            )
        )
    if not blocks:
        blocks.append(Paragraph("Belum ada perjanjian kinerja yang dicatat untuk tahun ini."))
    elif ctx.agreements_on is not None:
        revised = sum(1 for a in ctx.agreements if a.version > 1)
        blocks.insert(
            0,
            Paragraph(
                f"Perjanjian kinerja yang dimuat adalah versi yang berlaku pada "
                f"{fmt_date(ctx.agreements_on)}"
                + (f"; {revised} di antaranya PK perubahan." if revised else ".")
            ),
        )
    return blocks


def table_8_1(ctx: ReportContext) -> Table:
    columns = (
        Column("no", "NO", width=4),
        Column("name", "PROGRAM / KEGIATAN DAN " + ctx.leaf_noun.upper(), width=44),
        Column("target", "TARGET", width=14, group="CAPAIAN KINERJA"),
        Column("real", "REALISASI", width=14, group="CAPAIAN KINERJA"),
        Column("ach", "%", "number", 9, group="CAPAIAN KINERJA"),
        Column("predicate", "PREDIKAT", width=14),
    )

    def make(node, depth, position, kids):
        bold = bool(node.children)
        target = real = ""
        note = ""
        if node.indicators and (depth == 0 or not node.children):
            target, real = _indicator_text(node.indicators[0])
        if not node.children and node.indicators:
            note = "*" if node.indicators[0].achievement.is_capped else ""
        name = node.name if depth < 2 else f"{position} {node.name}"
        return (
            Cell(str(position) if depth == 0 else ""),
            Cell(name, bold=bold),
            Cell(target),
            Cell(real),
            Cell(
                node.achievement.value,
                "number",
                MeanOf(kids) if kids else None,
                note=note,
                bold=bold,
            ),
            Cell(node.predicate or "–"),
        )

    rows, tops = tree_rows(_programs(ctx), make)
    rows.append(
        Row(
            (
                Cell(""),
                Cell(f"CAPAIAN {ctx.unit_name.upper()}", bold=True),
                Cell(""),
                Cell(""),
                Cell(ctx.root.achievement.value, "number", MeanOf(tuple(tops)), bold=True),
                Cell(ctx.root.predicate or "–"),
            ),
            style="total",
        )
    )
    excluded = [f"{n.name}: {', '.join(n.excluded)}" for n in ctx.root.walk() if n.excluded]
    notes = [
        "Capaian = realisasi ÷ target × 100 (indikator semakin tinggi semakin baik); * dibatasi "
        "100 sesuai aturan, nilai mentahnya tetap disimpan.",
        f"Capaian induk = rata-rata anaknya. {ctx.root.achievement.explanation}.",
    ]
    if excluded:
        notes.append("Tidak dihitung dalam rata-rata: " + "; ".join(excluded) + ".")
    return Table(
        "8.1",
        f"Tabel 8.1 Capaian Kinerja {ctx.unit_name} T.A. {ctx.year}",
        columns,
        tuple(rows),
        notes=tuple(notes),
    )


def _comparison_source(ctx: ReportContext) -> str:
    """Where last year's figures of Tabel 8.2 come from, in a sentence."""
    c = ctx.comparison
    before = ctx.year - 1
    if c is None or c.source == "none":
        return f"Belum ada rencana atau capaian tahun {before} yang tersimpan di Kinerja."
    name = c.previous_unit.name if c.previous_unit is not None else ctx.unit_name
    merged = [u.name for u in c.merged_units if u != c.previous_unit]
    if c.previous_unit is not None and c.previous_unit in c.merged_units:
        predecessor = f" (unit yang digabung ke {ctx.unit_name})"
    elif c.previous_unit is not None and c.previous_unit.name != ctx.unit_name:
        predecessor = f" (unit pendahulu {ctx.unit_name})"
    else:
        predecessor = ""
    if c.source == "plan":
        text = (
            f"Capaian {before} dihitung dari rencana {before} {name}{predecessor} yang "
            "tersimpan di Kinerja, dengan aturan yang sama; baris dipasangkan menurut kode"
        )
        if c.mapping_rows:
            text += (
                f" (kode {c.previous_nomenclature} dibawa ke {c.nomenclature} menurut tabel "
                f"pemetaan, {c.mapping_rows} baris)"
            )
        text += ", lalu menurut nama"
        if merged:
            text += (
                f"; baris yang digabung dari rencana {before} "
                + " dan ".join(merged)
                + " dibandingkan dengan rencana itu"
            )
        return text + "."
    return f"Capaian {before} diambil dari capaian yang dicatat untuk {name}{predecessor}."


def table_8_2(ctx: ReportContext) -> Table:
    """Programs and kegiatan now and a year before, with the trend
    (``multiyear.selectors.year_comparison``)."""
    columns = (
        Column("name", "PROGRAM / KEGIATAN", width=46),
        Column("now", f"CAPAIAN {ctx.year} (%)", "number", 12),
        Column("before", f"CAPAIAN {ctx.year - 1} (%)", "number", 12),
        Column("diff", "PERUBAHAN (POIN)", "number", 12),
        Column("trend", "TREN", width=8),
    )
    rows = []
    compared = ctx.comparison.rows if ctx.comparison is not None else ()
    for r in compared:
        if r.depth > 1:
            continue
        now, before = r.achievement, r.previous_achievement
        bold = r.depth == 0
        rows.append(
            Row(
                (
                    Cell(r.name, bold=bold),
                    Cell(now, "number", bold=bold),
                    Cell(before, "number", bold=bold),
                    Cell(
                        None if now is None or before is None else now - before,
                        "number",
                        Difference("now", "before"),
                        bold=bold,
                    ),
                    Cell(r.trend.direction or "–"),
                ),
                level=r.depth,
                style="group" if bold else "normal",
            )
        )
    notes = [
        _comparison_source(ctx),
        "Tren: naik, turun atau tetap capaian tahun ini dibandingkan tahun sebelumnya; – bila "
        "salah satunya tidak ada.",
    ]
    if ctx.comparison is not None:
        notes += [f"Target di bawah realisasi tahun lalu: {w}." for w in ctx.comparison.warnings]
    return Table(
        "8.2",
        f"Tabel 8.2 Capaian Kinerja Dibandingkan Tahun {ctx.year - 1}",
        columns,
        tuple(rows),
        notes=tuple(notes),
    )


def table_8_3(ctx: ReportContext) -> Table:
    """Each sasaran indicator this year against this year's medium-term target, and the
    period so far against the end target (``multiyear.selectors.medium_term_progress``)."""
    columns = (
        Column("no", "NO", width=4),
        Column("sasaran", "SASARAN STRATEGIS", width=30),
        Column("program", "PROGRAM", width=20),
        Column("indicator", "INDIKATOR KINERJA", width=30),
        Column("target", "TARGET JANGKA MENENGAH", width=12),
        Column("real", f"REALISASI {ctx.year}", width=12),
        Column("ach", "CAPAIAN (%)", "number", 10),
        Column("end", "TARGET AKHIR PERIODE", width=12),
        Column("to_date", f"REALISASI S.D. {ctx.year}", width=12),
        Column("to_date_ach", "TINGKAT CAPAIAN (%)", "number", 10),
    )
    rows, notes = [], []
    sasaran = ctx.medium_term.sasaran if ctx.medium_term is not None else ()
    for i, s in enumerate(sasaran, start=1):
        for j, ind in enumerate(s.indicators):
            p = ind.progress
            statement = f"{ind.statement} ({ind.satuan})" if ind.satuan else ind.statement
            rows.append(
                Row(
                    (
                        Cell(str(i) if j == 0 else ""),
                        Cell(s.statement if j == 0 else ""),
                        Cell("; ".join(s.programs) if j == 0 else ""),
                        Cell(statement),
                        Cell(fmt_target(target_value(p.year_target), ind.satuan)),
                        Cell(fmt_target(p.year_realisation, ind.satuan)),
                        Cell(p.year_achievement.raw, "number"),
                        Cell(fmt_target(target_value(p.end.target), ind.satuan)),
                        Cell(fmt_target(p.to_date.value, ind.satuan)),
                        Cell(p.to_date_achievement.raw, "number"),
                    )
                )
            )
            if p.year_achievement.is_capped:
                notes.append(f"{ind.statement}: {p.year_achievement.explanation}.")
            notes.append(
                f"{ind.statement} — target akhir periode: {p.end.explanation}; realisasi s.d. "
                f"{ctx.year}: {p.to_date.explanation}."
            )
    if not rows:
        rows.append(Row(tuple(Cell("") for _ in columns)))
    return Table(
        "8.3",
        f"Tabel 8.3 Capaian Dibandingkan Target Jangka Menengah T.A. {ctx.year}",
        columns,
        tuple(rows),
        landscape=True,
        notes=(
            "Capaian = realisasi tahun ini ÷ target jangka menengah tahun ini × 100, menurut "
            "arah indikator; nilai mentahnya ditampilkan. Tingkat capaian = realisasi sejak awal "
            "periode s.d. tahun ini ÷ target akhir periode × 100.",
            *notes,
        ),
    )


def table_8_4(ctx: ReportContext) -> Table:
    columns = (
        Column("name", "PROGRAM / KEGIATAN", width=40),
        Column("plan", "RENCANA (Rp)", "money", 16),
        Column("real", "REALISASI (Rp)", "money", 16),
        Column("abs", "PENYERAPAN (%)", "percent", 11),
        Column("ach", "CAPAIAN KINERJA (%)", "number", 11),
        Column("eff", "EFISIENSI (POIN)", "number", 11),
    )

    def make(node, depth, position, kids):
        bold = depth == 0
        return (
            Cell(node.name, bold=bold),
            money_cell(node.pagu.value, kids, bold),
            money_cell(node.realisasi.value, kids, bold),
            Cell(node.absorption.value, "percent", Ratio("real", "plan"), bold=bold),
            Cell(node.achievement.value, "number", bold=bold),
            Cell(node.efficiency.value, "number", Difference("ach", "abs"), bold=bold),
        )

    rows, tops = tree_rows(_programs(ctx), make, max_depth=1)
    root = ctx.root
    rows.append(
        Row(
            (
                Cell("JUMLAH", bold=True),
                money_cell(root.pagu.value, tuple(tops), True),
                money_cell(root.realisasi.value, tuple(tops), True),
                Cell(root.absorption.value, "percent", Ratio("real", "plan"), bold=True),
                Cell(root.achievement.value, "number", bold=True),
                Cell(root.efficiency.value, "number", Difference("ach", "abs"), bold=True),
            ),
            style="total",
        )
    )
    return Table(
        "8.4",
        "Tabel 8.4 Analisis Penggunaan Sumber Daya",
        columns,
        tuple(rows),
        notes=(
            "Efisiensi = capaian kinerja − penyerapan anggaran (poin persen); "
            "positif berarti kinerja dicapai dengan anggaran lebih sedikit.",
        ),
    )


def table_8_5(ctx: ReportContext) -> Table:
    columns = (
        Column("name", "KEGIATAN", width=44),
        Column("ach", "CAPAIAN (%)", "number", 10),
        Column("predicate", "PREDIKAT", width=14),
        Column("role", "PERAN TERHADAP CAPAIAN", width=30),
    )
    rows = []
    for keg in _kegiatan(ctx):
        value = keg.achievement.value
        if value is None:
            role = "tidak dapat diukur"
        elif value >= 90:
            role = "mendukung pencapaian target"
        elif value > 65:
            role = "mendukung sebagian"
        else:
            role = "menghambat pencapaian target"
        rows.append(
            Row((Cell(keg.name), Cell(value, "number"), Cell(keg.predicate or "–"), Cell(role)))
        )
    return Table(
        "8.5",
        "Tabel 8.5 Analisis Program dan Kegiatan Pendukung Pencapaian Target",
        columns,
        tuple(rows),
        notes=("Mendukung: capaian ≥ 90; sebagian: > 65; menghambat: ≤ 65.",),
    )


def bab_8(ctx: ReportContext) -> list:
    root = ctx.root
    eff = root.efficiency.value
    blocks: list = [
        Heading("BAB VIII AKUNTABILITAS KINERJA", 1),
        Heading("8.1 Target Kinerja dalam Perjanjian Kinerja", 2),
        *agreement_tables(ctx),
        Heading("8.2 Pengukuran Capaian Kinerja Dibandingkan dengan Target", 2),
        Paragraph(achievement_sentence(root, ctx.unit_name)),
    ]
    for program in _programs(ctx):
        blocks.append(Paragraph(achievement_sentence(program, program_label(program)), "numbered"))
    blocks += [
        table_8_1(ctx),
        Heading("8.3 Pengukuran Capaian Kinerja Dibandingkan dengan Tahun Sebelumnya", 2),
        table_8_2(ctx),
        Heading("8.4 Pengukuran Capaian Kinerja Dibandingkan dengan Target Jangka Menengah", 2),
        table_8_3(ctx),
        Heading("8.5 Analisis Efisiensi Penggunaan Sumber Daya", 2),
        Paragraph(
            f"Dengan penyerapan anggaran {fmt_percent(root.absorption.value)} dan capaian "
            f"kinerja {fmt_number(root.achievement.value, 2)}%, efisiensi penggunaan sumber "
            f"daya {ctx.unit_name} adalah "
            + (f"{fmt_number(eff, 2)} poin" if eff is not None else "tidak dapat dihitung")
            + (
                " (efisien)."
                if eff is not None and eff >= 0
                else "."
                if eff is None
                else " (kurang efisien)."
            )
        ),
        table_8_4(ctx),
        Heading("8.6 Analisis Program dan Kegiatan yang Mendukung Pencapaian Target", 2),
        table_8_5(ctx),
    ]
    return blocks


# --- Lampiran 1 ----------------------------------------------------------------------


def lampiran_1(ctx: ReportContext) -> Table:
    columns = (
        Column("code", "KODE", width=14),
        Column("name", "PROGRAM / KEGIATAN / " + ctx.leaf_noun.upper(), width=40),
        Column("plan", "ANGGARAN (Rp)", "money", 15, group="BELANJA"),
        Column("real", "REALISASI (Rp)", "money", 15, group="BELANJA"),
        Column("pct", "%", "percent", 7, group="BELANJA"),
        Column("out_plan", "RENCANA", "number", 8, group="HASIL / KELUARAN"),
        Column("out_real", "REALISASI", "number", 8, group="HASIL / KELUARAN"),
        Column("satuan", "SATUAN", width=9, group="HASIL / KELUARAN"),
        Column("note", "KETERANGAN", width=30),
    )

    def make(node, depth, position, kids):
        bold = bool(node.children)
        out_plan = out_real = None
        satuan = note = ""
        if not node.children and node.indicators:
            result = node.indicators[0]
            target = result.indicator.target
            out_plan = target.value if target else None
            out_real = result.realisation if isinstance(result.realisation, Decimal) else None
            satuan = result.indicator.satuan
            note = ctx.narratives.get(result.indicator.id, ("", ""))[0]
        return (
            Cell(node.code, bold=bold),
            Cell(node.name, bold=bold),
            money_cell(node.pagu.value, kids, bold),
            money_cell(node.realisasi.value, kids, bold),
            Cell(node.absorption.value, "percent", Ratio("real", "plan"), bold=bold),
            Cell(out_plan, "number"),
            Cell(out_real, "number"),
            Cell(satuan),
            Cell(note[:300] + ("…" if len(note) > 300 else "")),
        )

    rows, tops = tree_rows(_programs(ctx), make, offset=1)
    root = ctx.root
    total = Row(
        (
            Cell("", bold=True),
            Cell("JUMLAH BELANJA", bold=True),
            money_cell(root.pagu.value, tuple(tops), True),
            money_cell(root.realisasi.value, tuple(tops), True),
            Cell(root.absorption.value, "percent", Ratio("real", "plan"), bold=True),
            Cell(None, "number"),
            Cell(None, "number"),
            Cell(""),
            Cell(""),
        ),
        style="total",
    )
    return Table(
        "L1",
        f"Lampiran 1 Laporan Kinerja {ctx.unit_name} Tahun Anggaran {ctx.year}",
        columns,
        (total, *rows),
        landscape=True,
        sheet_name="Lampiran 1",
    )


# --- the document --------------------------------------------------------------------


def build(ctx: ReportContext) -> Document:
    signature = head_signature(ctx)
    front = Section(
        (
            Heading("KATA PENGANTAR", 1),
            *stored_text(
                ctx,
                "kata_pengantar",
                f"Laporan Evaluasi Kinerja {ctx.unit_name} Tahun Anggaran {ctx.year} ini disusun "
                "sebagai pertanggungjawaban pelaksanaan tugas, fungsi dan kewenangan.",
            ),
            signature,
            PageBreak(),
            TableOfContents(),
            PageBreak(),
            ListOfTables(),
        ),
        numbering="roman",
    )
    body = split_sections(
        (
            Heading("BAB I PENDAHULUAN", 1),
            Heading("A. Latar Belakang", 2),
            *stored_text(ctx, "latar_belakang"),
            Heading("B. Tujuan dan Sasaran", 2),
            *stored_text(
                ctx,
                "tujuan",
                f"Laporan ini menjadi sarana evaluasi atas pencapaian kinerja {ctx.unit_name} "
                f"Tahun Anggaran {ctx.year} dan bahan penyusunan LPPD, LKjIP dan LKPj.",
            ),
            Heading("C. Dasar Penyusunan", 2),
            *stored_text(ctx, "dasar_penyusunan"),
            *bab_2(ctx),
            *bab_3(ctx),
            Heading("BAB IV REALISASI PELAKSANAAN RENCANA KERJA PEMERINTAH (RKP)", 1),
            *stored_text(ctx, "rkp"),
            Heading("BAB V TUGAS PEMBANTUAN", 1),
            *stored_text(ctx, "tugas_pembantuan"),
            Heading("BAB VI TUGAS UMUM PEMERINTAHAN", 1),
            *stored_text(ctx, "tugas_umum"),
            Heading("BAB VII PENERAPAN DAN PENCAPAIAN STANDAR PELAYANAN MINIMAL", 1),
            *stored_text(ctx, "spm"),
            *bab_8(ctx),
            Heading("BAB IX PERMASALAHAN DAN TINDAK LANJUT", 1),
            Heading("A. Permasalahan", 2),
            *stored_text(ctx, "permasalahan"),
            Heading("B. Solusi", 2),
            *stored_text(ctx, "solusi"),
            Heading("BAB X PENUTUP", 1),
            *stored_text(ctx, "penutup"),
            signature,
        )
    )
    appendix = Section((Heading("LAMPIRAN 1", 1), lampiran_1(ctx)), landscape=True)
    return unit_document(
        ctx,
        kind="evaluasi",
        title=f"Laporan Evaluasi Kinerja {ctx.unit_name} Tahun Anggaran {ctx.year}",
        cover=cover(ctx),
        sections=(front, *body, appendix),
        filename_stem=f"evaluasi-kinerja-{ctx.unit_slug}-{ctx.year}",
    )
