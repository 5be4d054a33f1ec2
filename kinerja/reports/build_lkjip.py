"""The Laporan Kinerja of PermenPAN-RB 53/2014 (Anak Lampiran II.1): BAB I Pendahuluan,
BAB II Perencanaan Kinerja (the Perjanjian Kinerja), BAB III Akuntabilitas Kinerja (per
sasaran and indicator: target vs realisation, vs previous years, vs the medium-term target,
vs a national standard, causes, efficiency, supporting programs; then the budget), BAB IV
Penutup and the PK as annex."""

from __future__ import annotations

from decimal import Decimal

from kinerja.core.numbers import fmt_number, fmt_percent, fmt_rupiah

from .build_evaluasi import achievement_bars, agreement_tables, scurve
from .common import (
    MISSING,
    achievement_sentence,
    amount_in_words,
    fmt_target,
    head_signature,
    input_table,
    program_label,
    sasaran_achievement,
    split_sections,
    stored_text,
    unit_document,
)
from .context import ReportContext, SasaranIndicator, SasaranInfo
from .document import (
    Cell,
    Column,
    Cover,
    Document,
    Heading,
    ListOfTables,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Table,
    TableOfContents,
)


def _program_for(ctx: ReportContext, names: str):
    for program in ctx.root.children:
        if program.name and program.name.lower() in (names or "").lower():
            return program
    return None


def medium_term_achievement(ind: SasaranIndicator) -> Decimal | None:
    """This year's realisation against this year's medium-term target, by the indicator's
    own rule (``multiyear.selectors.medium_term_progress``), uncapped."""
    return ind.progress.year_achievement.raw if ind.progress is not None else None


def medium_term_sentence(ctx: ReportContext, s: SasaranInfo, ind: SasaranIndicator) -> str:
    """Point 3 of the analysis: the year's medium-term target and, when the plan sets or
    implies one, the realisation so far against the end-of-period target."""
    mt = medium_term_achievement(ind)
    text = (
        f"3. Dibandingkan target jangka menengah ({s.document or 'Renstra'}): target "
        f"{ctx.year} " + fmt_target(ind.medium_term_target, ind.satuan)
    )
    text += f", capaian {fmt_number(mt, 2)}%" if mt is not None else ""
    p = ind.progress
    if p is not None and p.end.target is not None:
        text += (
            f"; target akhir periode {fmt_target(ind.end_target, ind.satuan)}, realisasi s.d. "
            f"{ctx.year} {fmt_target(p.to_date.value, ind.satuan)}"
        )
        ach = p.to_date_achievement.raw
        text += f", tingkat capaian {fmt_number(ach, 2)}%" if ach is not None else ""
    elif p is not None:
        text += f"; target akhir periode belum dapat ditentukan ({p.end.explanation})"
    return text + "."


def sasaran_table(ctx: ReportContext) -> Table:
    columns = (
        Column("no", "NO", width=4),
        Column("sasaran", "SASARAN STRATEGIS", width=28),
        Column("indicator", "INDIKATOR KINERJA", width=28),
        Column("target", f"TARGET {ctx.year}", width=10),
        Column("real", f"REALISASI {ctx.year}", width=10),
        Column("ach", "CAPAIAN (%)", "number", 9),
        Column("prev", f"REALISASI {ctx.year - 1}", width=10),
        Column("mt", "TARGET JANGKA MENENGAH", width=11),
        Column("mt_ach", "CAPAIAN THD JANGKA MENENGAH (%)", "number", 11),
    )
    rows = []
    for i, s in enumerate(ctx.sasaran, start=1):
        for j, ind in enumerate(s.indicators):
            rows.append(
                Row(
                    (
                        Cell(str(i) if j == 0 else ""),
                        Cell(s.statement if j == 0 else ""),
                        Cell(ind.statement),
                        Cell(fmt_target(ind.target, ind.satuan)),
                        Cell(fmt_target(ind.realisation, ind.satuan)),
                        Cell(sasaran_achievement(ctx, ind, ind.target), "number"),
                        Cell(fmt_target(ind.previous.get(ctx.year - 1), ind.satuan)),
                        Cell(fmt_target(ind.medium_term_target, ind.satuan)),
                        Cell(medium_term_achievement(ind), "number"),
                    )
                )
            )
    if not rows:
        rows.append(Row(tuple(Cell("") for _ in columns)))
    return Table(
        "3.1",
        "Tabel 3.1 Capaian Indikator Kinerja Sasaran Strategis",
        columns,
        tuple(rows),
        landscape=True,
        notes=(
            "Capaian = realisasi ÷ target × 100 (semakin tinggi semakin baik) "
            "atau menurut arah indikator.",
        ),
    )


def pk_summary_table(ctx: ReportContext) -> Table:
    columns = (
        Column("no", "NO", width=4),
        Column("sasaran", "SASARAN STRATEGIS", width=40),
        Column("indicator", "INDIKATOR KINERJA", width=40),
        Column("target", "TARGET", width=12),
    )
    rows = []
    for i, s in enumerate(ctx.sasaran, start=1):
        for j, ind in enumerate(s.indicators):
            rows.append(
                Row(
                    (
                        Cell(str(i) if j == 0 else ""),
                        Cell(s.statement if j == 0 else ""),
                        Cell(ind.statement),
                        Cell(fmt_target(ind.target, ind.satuan)),
                    )
                )
            )
    if not rows:
        rows.append(Row((Cell(""), Cell("Belum ada sasaran strategis."), Cell(""), Cell(""))))
    return Table("2.1", f"Tabel 2.1 Perjanjian Kinerja Tahun {ctx.year}", columns, tuple(rows))


def program_budget_table(ctx: ReportContext) -> Table:
    from .common import money_cell, total_row

    columns = (
        Column("no", "NO", width=4),
        Column("program", "PROGRAM", width=50),
        Column("pagu", "ANGGARAN (Rp)", "money", 18),
        Column("note", "KETERANGAN", width=16),
    )
    rows = [
        Row((Cell(str(i)), Cell(p.name), Cell(p.pagu.value, "money"), Cell("APBD")))
        for i, p in enumerate(ctx.root.children, start=1)
    ]
    rows.append(
        total_row(1, 4, {2: money_cell(ctx.root.pagu.value, tuple(range(len(rows))), True)})
    )
    return Table(
        "2.2", "Tabel 2.2 Program dan Anggaran dalam Perjanjian Kinerja", columns, tuple(rows)
    )


def analysis(ctx: ReportContext) -> list:
    blocks: list = []
    if not ctx.sasaran:
        return [Paragraph("Belum ada sasaran strategis yang dicatat untuk unit ini.")]
    for i, s in enumerate(ctx.sasaran, start=1):
        blocks.append(Heading(f"Sasaran {i}: {s.statement}", 3))
        program = _program_for(ctx, s.program_names)
        for ind in s.indicators:
            ach = sasaran_achievement(ctx, ind, ind.target)
            blocks.append(Paragraph(f"Indikator: {ind.statement}", "bold"))
            blocks.append(
                Paragraph(
                    "1. Target dan realisasi: target "
                    f"{fmt_target(ind.target, ind.satuan)}, realisasi "
                    f"{fmt_target(ind.realisation, ind.satuan)}"
                    + (f", capaian {fmt_number(ach, 2)}%." if ach is not None else ".")
                )
            )
            previous = [
                f"{y}: {fmt_target(v, ind.satuan)}"
                for y, v in sorted(ind.previous.items())
                if v is not None
            ]
            blocks.append(
                Paragraph(
                    "2. Dibandingkan tahun-tahun sebelumnya: "
                    + (
                        "; ".join(previous) + "."
                        if previous
                        else "data tahun sebelumnya belum ada."
                    )
                )
            )
            blocks.append(Paragraph(medium_term_sentence(ctx, s, ind)))
            blocks.append(
                Paragraph(
                    "4. Dibandingkan standar nasional: tidak ada standar nasional untuk "
                    "indikator ini."
                )
            )
            if program is not None:
                weak = [
                    k
                    for k in program.children
                    if k.achievement.value is not None and k.achievement.value <= 65
                ]
                cause = (
                    "Kegiatan dengan capaian rendah: "
                    + "; ".join(f"{k.name} ({fmt_number(k.achievement.value, 2)})" for k in weak)
                    + "."
                    if weak
                    else "Seluruh kegiatan pendukung mencapai target dengan baik."
                )
                blocks.append(Paragraph(f"5. Penyebab keberhasilan/kegagalan: {cause}"))
                eff = program.efficiency.value
                blocks.append(
                    Paragraph(
                        f"6. Efisiensi sumber daya: {program_label(program)} menyerap "
                        f"{fmt_rupiah(program.realisasi.value)} "
                        f"({fmt_percent(program.absorption.value)}) untuk capaian "
                        f"{fmt_number(program.achievement.value, 2)}%; efisiensi "
                        + (f"{fmt_number(eff, 2)} poin." if eff is not None else "tidak terhitung.")
                    )
                )
                blocks.append(
                    Paragraph(
                        "7. Program dan kegiatan pendukung: "
                        + "; ".join(
                            f"{k.name} ({fmt_number(k.achievement.value, 2)})"
                            for k in program.children
                        )
                        + "."
                    )
                )
            else:
                blocks.append(Paragraph("5–7. Program pendukung belum dihubungkan ke sasaran."))
    return blocks


def build(ctx: ReportContext) -> Document:
    root = ctx.root
    front = Section(
        (
            Heading("KATA PENGANTAR", 1),
            *stored_text(
                ctx,
                "kata_pengantar",
                f"Laporan Kinerja {ctx.unit_name} Tahun {ctx.year} disusun sesuai Peraturan "
                "Menteri PANRB Nomor 53 Tahun 2014.",
            ),
            head_signature(ctx),
            PageBreak(),
            Heading("IKHTISAR EKSEKUTIF", 1),
            Paragraph(
                f"Pada Tahun {ctx.year} {ctx.unit_name} mengelola anggaran "
                f"{amount_in_words(root.pagu.value)} dan merealisasikan "
                f"{fmt_rupiah(root.realisasi.value)} ({fmt_percent(root.absorption.value)}). "
                + achievement_sentence(root, "Capaian kinerja keluaran")
            ),
            *[
                Paragraph(
                    f"{ind.statement}: target {fmt_target(ind.target, ind.satuan)}, realisasi "
                    f"{fmt_target(ind.realisation, ind.satuan)}.",
                    "bullet",
                )
                for s in ctx.sasaran
                for ind in s.indicators
            ],
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
            Heading("A. Gambaran Umum Organisasi", 2),
            *stored_text(ctx, "gambaran_umum", ctx.texts.get("latar_belakang") or MISSING),
            Heading("B. Aspek Strategis Organisasi", 2),
            *stored_text(ctx, "aspek_strategis"),
            Heading("C. Permasalahan Utama (Isu Strategis)", 2),
            *stored_text(ctx, "permasalahan"),
            Heading("BAB II PERENCANAAN KINERJA", 1),
            Paragraph(f"Ikhtisar Perjanjian Kinerja {ctx.unit_name} Tahun {ctx.year}:"),
            pk_summary_table(ctx),
            program_budget_table(ctx),
            Heading("BAB III AKUNTABILITAS KINERJA", 1),
            Heading("A. Capaian Kinerja Organisasi", 2),
            sasaran_table(ctx),
            *analysis(ctx),
            achievement_bars(ctx),
            scurve(ctx),
            Heading("B. Realisasi Anggaran", 2),
            Paragraph(
                f"Realisasi anggaran {ctx.unit_name} Tahun {ctx.year} sebesar "
                f"{fmt_rupiah(root.realisasi.value)} atau "
                f"{fmt_percent(root.absorption.value)} dari pagu {fmt_rupiah(root.pagu.value)}."
            ),
            input_table(
                ctx, "3.2", "Tabel 3.2 Realisasi Anggaran per Program dan Kegiatan", code=True
            ),
            Heading("BAB IV PENUTUP", 1),
            Paragraph(
                f"Secara umum capaian kinerja {ctx.unit_name} Tahun {ctx.year} adalah "
                f"{fmt_number(root.achievement.value, 2)}% ({root.predicate}) dengan penyerapan "
                f"anggaran {fmt_percent(root.absorption.value)}."
            ),
            *stored_text(ctx, "penutup", ""),
            head_signature(ctx),
        )
    )
    annex = Section((Heading("LAMPIRAN: PERJANJIAN KINERJA", 1), *agreement_tables(ctx)))
    return unit_document(
        ctx,
        kind="lkjip",
        title=f"Laporan Kinerja {ctx.unit_name} Tahun {ctx.year}",
        cover=Cover(
            ("LAPORAN KINERJA", f"TAHUN {ctx.year}"),
            ctx.unit_name.upper(),
            ctx.government.upper(),
            ctx.year,
            f"{ctx.place.upper()}, {ctx.year + 1}" if ctx.place else "",
        ),
        sections=(front, *body, annex),
        filename_stem=f"laporan-kinerja-{ctx.unit_slug}-{ctx.year}",
    )
