"""A table row cut by the page end in a PDF: the reviu reads it as one row, with the level its
indentation gives, however long the text that runs on to the next page."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.reports.document import Cell, Column, Document, Row, Section, Table
from kinerja.reports.render_pdf import render_pdf
from kinerja.reviu.model import RawTable
from kinerja.reviu.readers import read_pdf
from kinerja.reviu.tables import analyse_tables

STORY = " ".join(
    f"Rapat koordinasi ke-{i} dilaksanakan dengan peserta dari perangkat daerah." for i in range(90)
)
LAST_WORDS = "pada hari Selasa, 22 Desember 2020 di ruang rapat"


def _document() -> Document:
    columns = (
        Column("name", "PROGRAM / KEGIATAN", width=30),
        Column("story", "URAIAN REALISASI", width=50),
        Column("pct", "CAPAIAN (%)", "percent", 10),
    )

    def row(name, story, pct, level, style="normal"):
        return Row((Cell(name), Cell(story), Cell(D(pct), "percent")), level, style)

    rows = (
        row("Program Uji", "", "75", 0, "group"),
        row("Kegiatan Satu", "", "75", 1, "group"),
        row("1 Tolok ukur pendek", "Selesai.", "100", 2),
        row("2 Tolok ukur panjang", f"{STORY} {LAST_WORDS}.", "50", 2),
        row("Kegiatan Dua", "", "75", 1, "group"),
        row("1 Tolok ukur akhir", "Selesai.", "75", 2),
    )
    table = Table("3.2", "Tabel 3.2 Rencana dan Realisasi Output", columns, rows)
    return Document("evaluasi", "Uji", "Biro Uji", "Provinsi Uji", 2020, (Section((table,)),))


@pytest.fixture(scope="module")
def pdf():
    return render_pdf(_document())


@pytest.fixture
def table(pdf):
    _, tables = analyse_tables(read_pdf("uji.pdf", pdf).blocks, "pdf")
    (table,) = [t for t in tables if t.caption.startswith("Tabel 3.2")]
    return table


def test_the_long_row_runs_over_a_page_and_ends_open(pdf):
    parts = [b for b in read_pdf("uji.pdf", pdf).blocks if isinstance(b, RawTable)]
    assert len(parts) >= 2  # the table spans pages
    assert parts[0].open_end  # cut inside the long row
    assert [r[0].indent for r in parts[0].rows[-1:]] == [pytest.approx(19.3, abs=1)]


def test_the_cut_row_is_one_row_with_its_whole_text(table):
    long_rows = [r for r in table.rows if r.name.endswith("Tolok ukur panjang")]
    assert len(long_rows) == 1
    text = " ".join(" ".join(long_rows[0].texts.values()).split())
    assert LAST_WORDS in text
    assert "ke-0 " in text and "ke-89 " in text


def test_the_hierarchy_survives_the_page_break(table):
    by_name = {r.name.split(" ", 1)[-1] if r.numbering else r.name: r for r in table.rows}
    program = by_name["Program Uji"]
    assert [c.name for c in program.children] == ["Kegiatan Satu", "Kegiatan Dua"]
    first, second = program.children
    assert len(first.children) == 2 and len(second.children) == 1
