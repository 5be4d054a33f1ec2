"""Kinerja's own reports, reviewed: every figure Kinerja prints agrees with every other, in
DOCX, PDF and XLSX. The only remarks are two weekdays in texts the demo agency typed
(copied from the seed report): they are the data's, and the reviu is right to point at them.
A figure changed by hand in a generated report is found again."""

import io

import pytest

from .conftest import REPORTS

pytestmark = pytest.mark.django_db
DEMO_WEEKDAY_SLIPS = {"Senin, 4 November 2020", "Jum'at, 22 Desember 2020"}


@pytest.mark.parametrize("key", REPORTS, ids=["-".join(map(str, k)) for k in REPORTS])
def test_kinerja_report_has_no_error(kinerja_reviews, key):
    slug, year, kind, fmt = key
    result = kinerja_reviews[key]
    assert not result.refused and result.notes == []
    assert result.year == year
    assert [(f.kind, f.table, f.row, f.message) for f in result.errors] == []
    warnings = {(f.kind, f.printed) for f in result.warnings}
    assert warnings <= {("weekday_mismatch", slip) for slip in DEMO_WEEKDAY_SLIPS}


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_the_evaluasi_report_is_checked_through(kinerja_reviews, fmt):
    result = kinerja_reviews[("biro-pemerintahan", 2020, "evaluasi", fmt)]
    checked = result.checked
    assert checked["persentase"] >= 80  # every rupiah row of Tabel 3.1, 8.4, Lampiran 1
    assert checked["jumlah"] >= 60  # every parent and total
    assert checked["capaian"] >= 55 and checked["gabungan"] >= 15
    assert checked["antartabel"] >= 100
    if fmt != "xlsx":  # the workbook holds the tables only, not the sentences around them
        assert checked["rincian anggaran"] >= 10 and checked["kalimat"] >= 4
    assert {f.printed for f in result.warnings} == DEMO_WEEKDAY_SLIPS


def test_other_kinds_are_checked_too(kinerja_reviews):
    for kind, least in (("lkjip", 50), ("realisasi", 80), ("renja", 100), ("pk", 10)):
        for fmt in ("docx", "xlsx"):
            result = kinerja_reviews[("biro-pemerintahan", 2020, kind, fmt)]
            assert sum(result.checked.values()) >= least, (kind, fmt, result.checked)


def test_a_figure_changed_by_hand_in_a_generated_docx_is_found(kinerja_reports):
    import docx

    from kinerja.reviu.service import reviu_file

    path = kinerja_reports[("biro-pemerintahan", 2020, "evaluasi", "docx")]
    document = docx.Document(str(path))
    table = next(t for t in document.tables if "RENCANA (Rp)" in [c.text for c in t.rows[0].cells])
    cell = next(
        row.cells[3] for row in table.rows
        if row.cells[1].text == "Penyediaan Barang dan Jasa Perkantoran"
    )
    assert cell.text == "643.797.451"
    cell.paragraphs[0].runs[0].text = "653.797.451"
    buffer = io.BytesIO()
    document.save(buffer)
    result = reviu_file("diubah.docx", buffer.getvalue())
    kinds = {(f.kind, f.table) for f in result.errors}
    assert ("percent_mismatch", "Tabel 3.1") in kinds
    assert ("parent_sum", "Tabel 3.1") in kinds
    assert ("cross_table", "Lampiran 1") in kinds  # Lampiran 1 repeats the tolok ukur
    [percent] = [f for f in result.errors if f.kind == "percent_mismatch"]
    assert (percent.printed, percent.recomputed) == ("98,16", "99,68")
