"""Perjanjian Kinerja of every official of the unit for the year: the statement sheet with
the standard wording of PermenPAN-RB 53/2014 and the annex table for their eselon, with
signature blocks."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from kinerja.core.numbers import fmt_date, fmt_nip

from .common import amount_in_words, money_cell, total_row, unit_document
from .context import AgreementInfo, Official, ReportContext
from .document import (
    Cell,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Section,
    Signature,
    SignaturePair,
    Table,
)

STATEMENT = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
PROMISE = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
    "tersebut menjadi tanggung jawab kami."
)
SUPERVISION = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
    "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
    "pemberian penghargaan dan sanksi."
)
SUBJECT_HEADER = {"II": "SASARAN / PROGRAM", "III": "PROGRAM / KEGIATAN", "IV": "KEGIATAN"}
BUDGET_HEADER = {"II": "PROGRAM", "III": "KEGIATAN", "IV": "KEGIATAN / SUB KEGIATAN"}


def _name(official: Official | None) -> str:
    return official.name if official else "(nama belum diisi)"


def _signature(official: Official | None, title: str, caption: str, place_date: str = ""):
    if official is None:
        return Signature(
            place_date, (caption, title.upper()), "(nama belum diisi)", caption=caption
        )
    rank = official.pangkat + (f" ({official.golongan})" if official.golongan else "")
    return Signature(
        place_date,
        (caption, (official.jabatan or title).upper()),
        official.name,
        rank,
        fmt_nip(official.nip),
        caption,
    )


def _title_of(a: AgreementInfo) -> str:
    return a.official.jabatan if a.official and a.official.jabatan else f"Kepala {a.unit_name}"


def targets_table(a: AgreementInfo, index: int) -> Table:
    columns = (
        Column("no", "NO", width=4),
        Column("subject", SUBJECT_HEADER.get(a.eselon, "PROGRAM / KEGIATAN"), width=30),
        Column("indicator", "INDIKATOR KINERJA", width=44),
        Column("satuan", "SATUAN", width=10),
        Column("target", "TARGET", "number", 10),
    )
    rows, last, number = [], None, 0
    for line in a.lines:
        first = line.subject != last
        last = line.subject
        number += first
        rows.append(
            Row(
                (
                    Cell(str(number) if first else ""),
                    Cell(line.subject if first else ""),
                    Cell(line.statement),
                    Cell(line.satuan),
                    Cell(line.target, "number")
                    if line.target is not None
                    else Cell(line.target_label),
                )
            )
        )
    return Table(
        f"PK{index}",
        f"Lampiran Perjanjian Kinerja: {a.title}",
        columns,
        tuple(rows),
        sheet_name=f"PK {index} target",
    )


def budget_table(ctx: ReportContext, a: AgreementInfo, index: int) -> Table | None:
    """Program / kegiatan / sub kegiatan of the agreement with their anggaran, as the
    version in force states them; for an agreement recorded without anggaran, the pagu the
    plan holds for the nodes its indicators are about."""
    # the code in a column of its own: a kegiatan and one of its sub kegiatan may bear the
    # same name (the demo's Penyelenggaraan Kerjasama Daerah), and a reader (or the reviu)
    # tells them apart by their codes
    columns = (
        Column("no", "NO", width=4),
        Column("code", "KODE", width=12),
        Column("subject", BUDGET_HEADER.get(a.eselon, "PROGRAM / KEGIATAN"), width=44),
        Column("pagu", "ANGGARAN (Rp)", "money", 18),
        Column("note", "KETERANGAN", width=16),
    )
    if a.budget:
        rows, tops = _budget_rows(a)
        total = a.budget_total
    else:
        codes: list[str] = []
        for line in a.lines:
            if line.node_code and line.node_code not in codes:
                codes.append(line.node_code)
        nodes = [n for code in codes if (n := ctx.root.find(code)) is not None]
        if not nodes:
            return None
        rows = [
            Row(
                (
                    Cell(str(i)),
                    Cell(n.code),
                    Cell(n.name),
                    Cell(n.pagu.value, "money"),
                    Cell("APBD"),
                )
            )
            for i, n in enumerate(nodes, start=1)
        ]
        tops = list(range(len(nodes)))
        total = sum((n.pagu.value or Decimal(0) for n in nodes), Decimal(0))
    rows.append(total_row(2, 5, {3: money_cell(total, tuple(tops), True)}))
    return Table(
        f"PK{index}b",
        f"Anggaran: {a.title}",
        columns,
        tuple(rows),
        sheet_name=f"PK {index} anggaran",
    )


def _budget_rows(a: AgreementInfo) -> tuple[list[Row], list[int]]:
    """The anggaran lines in the agreement's order, each under the line above it whose code
    its own extends; a line with lines under it sums them when their anggaran adds up to
    its own. Returns the rows and the indices of the top-level rows."""
    items = list(a.budget)
    children: dict[int, list[int]] = {}
    parent_of: dict[int, int] = {}
    for i, item in enumerate(items):
        for j in range(i - 1, -1, -1):
            if item.code and items[j].code and item.code.startswith(items[j].code + "."):
                parent_of[i] = j
                children.setdefault(j, []).append(i)
                break
    rows, tops, number = [], [], 0
    for i, item in enumerate(items):
        top = i not in parent_of
        if top:
            number += 1
            tops.append(i)
        kids = tuple(children.get(i, ()))
        adds_up = (
            kids
            and item.amount is not None
            and sum((items[k].amount or Decimal(0) for k in kids), Decimal(0)) == item.amount
        )
        bold = bool(kids)
        rows.append(
            Row(
                (
                    Cell(str(number) if top else ""),
                    Cell(item.code),
                    Cell(item.name, bold=bold),
                    money_cell(item.amount, kids if adds_up else (), bold),
                    Cell("APBD" if top else ""),
                ),
                level=0 if top else 1,
                style="group" if bold else "normal",
            )
        )
    return rows, tops


def _date_text(ctx: ReportContext, a: AgreementInfo) -> str:
    """Place and date above the signatures: the version's own date when recorded."""
    if not ctx.place:
        return ""
    return f"{ctx.place}, {fmt_date(a.signed_on or ctx.generated_on)}"


def _version_text(a: AgreementInfo) -> str:
    text = f"{a.kind} (versi {a.version})"
    if a.signed_on:
        text += f", tanggal {fmt_date(a.signed_on)}"
    if a.reason:
        text += f"; alasan perubahan: {a.reason}"
    return text + "."


def agreement_section(ctx: ReportContext, a: AgreementInfo, index: int) -> list[Section]:
    superior_title = a.superior_name or "Atasan langsung"
    date_text = _date_text(ctx, a)
    budget = budget_table(ctx, a, index)
    version = [Paragraph(_version_text(a), "center")] if a.version > 1 else []
    statement = Section(
        (
            Heading(f"PERJANJIAN KINERJA TAHUN {ctx.year}", 1),
            Paragraph(a.title, "center"),
            *version,
            Paragraph(STATEMENT),
            Paragraph(f"Nama: {_name(a.official)}", "bullet"),
            Paragraph(f"Jabatan: {_title_of(a)}", "bullet"),
            Paragraph("selanjutnya disebut pihak pertama;"),
            Paragraph(f"Nama: {_name(a.superior)}", "bullet"),
            Paragraph(f"Jabatan: {superior_title}", "bullet"),
            Paragraph("selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
            Paragraph(PROMISE),
            Paragraph(SUPERVISION),
            SignaturePair(
                _signature(a.superior, superior_title, "PIHAK KEDUA"),
                _signature(a.official, _title_of(a), "PIHAK PERTAMA", date_text),
            ),
        )
    )
    annex_blocks: list = [
        Heading(f"LAMPIRAN PERJANJIAN KINERJA TAHUN {ctx.year}", 2),
        Paragraph(f"{_title_of(a)} — {ctx.government}", "center"),
        targets_table(a, index),
    ]
    if budget is not None:
        annex_blocks.append(budget)
        total = budget.rows[-1].cells[budget.column_index("pagu")].value
        annex_blocks.append(Paragraph(f"Jumlah anggaran: {amount_in_words(total)}.", "small"))
    annex_blocks.append(
        SignaturePair(
            _signature(a.superior, superior_title, "PIHAK KEDUA"),
            _signature(a.official, _title_of(a), "PIHAK PERTAMA", date_text),
        )
    )
    return [statement, Section(tuple(annex_blocks))]


def build(ctx: ReportContext) -> Document:
    """Every agreement of the context (the unit's and those of the units under it, or the
    one asked for), each in the version in force on the report's date."""
    slug, name = ctx.agreement_unit or (ctx.unit_slug, ctx.unit_name)
    sections: list[Section] = []
    for i, a in enumerate(ctx.agreements, start=1):
        sections.extend(agreement_section(ctx, a, i))
    if not sections:
        on = fmt_date(ctx.agreements_on or ctx.generated_on)
        sections.append(
            Section(
                (
                    Heading(f"PERJANJIAN KINERJA TAHUN {ctx.year}", 1),
                    Paragraph(
                        f"Belum ada perjanjian kinerja {name} yang dicatat untuk tahun "
                        f"{ctx.year} dan berlaku pada {on}."
                    ),
                )
            )
        )
    document = unit_document(
        ctx,
        kind="pk",
        title=f"Perjanjian Kinerja {name} Tahun {ctx.year}",
        sections=tuple(sections),
        filename_stem=f"perjanjian-kinerja-{slug}-{ctx.year}",
    )
    # the PK of one official is that official's unit's document (page headers, properties)
    return dataclasses.replace(document, unit_name=name)
