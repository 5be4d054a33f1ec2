"""Columns recognised from their headers, and the tree of rows (table-driven)."""

import pytest

from kinerja.reviu import tables as t
from kinerja.reviu.model import Cell, RawTable
from kinerja.reviu.tables import analyse, role_of


@pytest.mark.parametrize("parts, role", [
    (["NO"], t.NO),
    (["KODE"], t.CODE),
    (["PROGRAM / KEGIATAN / TOLOK UKUR"], t.NAME),
    (["KEGIATAN DAN TOLAK UKUR"], t.NAME),
    (["Uraian"], t.NAME),
    (["RENCANA (Rp)"], t.PLAN),
    (["PAGU ANGGARAN"], t.PLAN),
    (["BELANJA", "ANGGARAN"], t.PLAN),
    (["BELANJA", "REALISASI"], t.REAL),
    (["REALISASI KEUANGAN", "S.D. BULAN INI (Rp)"], t.REAL),
    (["ANGGARAN KAS S.D. BULAN INI (Rp)"], t.MONEY_OTHER),
    (["%"], t.PCT),
    (["PENYERAPAN (%)"], t.PCT_FIN),
    (["CAPAIAN (%)"], t.PCT_CAP),
    (["CAPAIAN KINERJA", "TARGET"], t.TARGET),
    (["CAPAIAN KINERJA", "REALISASI"], t.REAL_OUT),
    (["TARGET RENJA PD 2021", "K"], t.TARGET),
    (["TARGET RENJA PD 2021", "Rp"], t.PLAN),
    (["TRIWULAN II", "K"], t.REAL_OUT),
    (["TRIWULAN II", "Rp"], t.REAL),
    (["TINGKAT CAPAIAN (%)", "K"], t.PCT_CAP),
    (["TINGKAT CAPAIAN (%)", "Rp"], t.PCT_FIN),
    (["FISIK", "REALISASI (%)"], t.OTHER_NUM),
    (["DEVIASI (POIN)"], t.OTHER_NUM),
    (["EFISIENSI (POIN)"], t.OTHER_NUM),
    (["SATUAN"], t.UNIT),
    (["KETERANGAN"], t.NOTE),
    (["PREDIKAT"], t.NOTE),
    (["INDIKATOR KINERJA PROGRAM (OUTCOME) / KEGIATAN (OUTPUT)"], t.INDICATOR),
    (["KEGIATAN DAN REALISASI OUTPUT"], t.TEXT_REAL),
    (["HASIL/KELUARAN", "RENCANA"], t.TARGET),
    (["RENCANA", "%"], t.PCT_PLAN),
    (["PRESENTASE CAPAIAN"], t.PCT_CAP),  # misspelt, as reports often are
    (["RELISASI (Rp)"], t.REAL),
    (["PAGU ANGARAN"], t.PLAN),
    (["KEGIATAN DAN TOLAK UKUR"], t.NAME),
    (["KETRANGAN"], t.NOTE),
])
def test_column_roles(parts, role):
    assert role_of(parts) == role


def grid(rows, bold=(), indent=None):
    indent = indent or {}
    return RawTable([
        [Cell(text=c, bold=i in bold, indent=indent.get(i, 0.0) if k == 1 else 0.0)
         for k, c in enumerate(row)]
        for i, row in enumerate(rows)
    ])


def tree(table):
    def walk(row, depth):
        yield ("  " * depth) + row.name
        for child in row.children:
            yield from walk(child, depth + 1)

    return [line for row in table.rows if row.parent is None and not row.total
            for line in walk(row, 0)]


HEADER = ["NO", "URAIAN", "RENCANA", "REALISASI", "%"]


@pytest.mark.parametrize("rows, bold, indent, expected", [
    (  # codes
        [["KODE", "URAIAN", "RENCANA", "REALISASI", "%"], ["4.01", "Program A", "3", "1", "1"],
         ["4.01.1.01", "Kegiatan B", "3", "1", "1"], ["4.01.1.01.02", "Sub C", "3", "1", "1"],
         ["4.02", "Program D", "1", "1", "1"]],
        (), None, ["Program A", "  Kegiatan B", "    Sub C", "Program D"],
    ),
    (  # bold parents, numbered children
        [HEADER, ["", "Kegiatan A", "3", "1", "1"], ["", "1 Tolok B", "1", "1", "1"],
         ["", "2 Tolok C", "2", "1", "1"], ["", "Kegiatan D", "1", "1", "1"],
         ["", "1 Tolok E", "1", "1", "1"]],
        {1, 4}, None, ["Kegiatan A", "  Tolok B", "  Tolok C", "Kegiatan D", "  Tolok E"],
    ),
    (  # indentation
        [HEADER, ["1", "Program A", "3", "1", "1"], ["", "Kegiatan B", "3", "1", "1"],
         ["1", "Tolok C", "3", "1", "1"]],
        (), {1: 0.0, 2: 227.0, 3: 454.0}, ["Program A", "  Kegiatan B", "    Tolok C"],
    ),
    (  # numbering 1 / 1.1 / a.
        [HEADER, ["", "1 Program A", "3", "1", "1"], ["", "1.1 Kegiatan B", "3", "1", "1"],
         ["", "a. Rincian C", "3", "1", "1"], ["", "2 Program D", "1", "1", "1"]],
        (), None, ["Program A", "  Kegiatan B", "    Rincian C", "Program D"],
    ),
])
def test_row_tree(rows, bold, indent, expected):
    table = analyse(grid(rows, bold, indent), 1, "docx")
    assert tree(table) == expected


def test_a_program_column_left_of_the_kegiatan_column_makes_a_program_node():
    raw = grid([
        ["NO", "PROGRAM", "KEGIATAN DAN TOLOK UKUR", "RENCANA", "REALISASI", "%"],
        ["1", "Program A", "Kegiatan B", "3", "1", "33,33"],
        ["", "", "1 Tolok C", "3", "1", "33,33"],
        ["", "", "Kegiatan D", "2", "1", "50,00"],
        ["2", "Program E", "Kegiatan F", "2", "1", "50,00"],
    ], bold={1, 3, 4})
    table = analyse(raw, 1, "text")
    assert tree(table) == [
        "Program A", "  Kegiatan B", "    Tolok C", "  Kegiatan D", "Program E", "  Kegiatan F",
    ]
    assert table.rows[0].virtual and not table.rows[0].values


def test_total_rows_have_the_top_rows_as_parts():
    raw = grid([
        ["KODE", "URAIAN", "ANGGARAN", "REALISASI", "%"],
        ["", "JUMLAH BELANJA", "5", "2", "40,00"],
        ["1", "Program A", "3", "1", "33,33"], ["1.1", "Kegiatan B", "3", "1", "33,33"],
        ["2", "Program C", "2", "1", "50,00"],
    ])
    table = analyse(raw, 1, "xlsx")
    total = table.rows[0]
    assert total.total and [p.name for p in total.parts] == ["Program A", "Program C"]


def test_a_table_continued_on_the_next_page_is_one_table():
    header = ["NO", "URAIAN", "RENCANA", "REALISASI", "%"]
    first = RawTable([[Cell(text=c) for c in header], [Cell(text=c) for c in
                      ["1", "Kegiatan Satu Dua", "3", "1", "33,33"]]], "Tabel 3.1 Input")
    second = RawTable([[Cell(text=c) for c in header], [Cell(text=c) for c in
                       ["", "Tiga", "", "", ""]], [Cell(text=c) for c in
                       ["2", "Kegiatan Empat", "2", "1", "50,00"]]])
    from kinerja.reviu.model import TextBlock

    blocks, tables = t.analyse_tables([first, TextBlock("12"), second], "pdf")
    assert len(tables) == 1
    assert [r.name for r in tables[0].rows] == ["Kegiatan Satu Dua Tiga", "Kegiatan Empat"]
