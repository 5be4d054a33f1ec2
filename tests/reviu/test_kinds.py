"""Each kind of finding in a small hand-made report, in every input format: the faulty
report yields the finding, the same report corrected yields no finding at all."""

import pytest

from kinerja.reviu.service import reviu_file

from .files import WRITERS, Tab

TITLE = "LAPORAN KINERJA AKHIR TAHUN ANGGARAN 2021"
MONEY = ["KODE", "URAIAN", "RENCANA (Rp)", "REALISASI (Rp)", "%"]
OUTPUT = ["KODE", "URAIAN", "TARGET", "REALISASI", "CAPAIAN (%)"]


def money_table(rows, caption="Tabel 1 Realisasi Anggaran Tahun 2021"):
    return Tab(caption, MONEY, rows)


def budget(child2=("2.000.000", "1.000.000", "50,00"), parent=("3.000.000", "1.500.000", "50,00"),
           child1=("1.000.000", "500.000", "50,00"), total=None, caption=None):
    rows = [
        ["1", "Program Tata Kelola Pemerintahan", *parent],
        ["1.1", "Penyusunan Laporan Kinerja", *child1],
        ["1.2", "Koordinasi Kerjasama Daerah", *child2],
    ]
    if total:
        rows.append(["", "JUMLAH", *total])
    return money_table(rows, caption or "Tabel 1 Realisasi Anggaran Tahun 2021")


def outputs(rows, caption="Tabel 2 Capaian Keluaran Tahun 2021"):
    return Tab(caption, OUTPUT, rows)


def achieved(parent="75", second=("2 Dokumen", "2 Dokumen", "100")):
    return outputs([
        ["1", "Penyusunan Dokumen Perencanaan", "", "", parent],
        ["1.1", "Rencana Kerja Tahunan", "4 Dokumen", "2 Dokumen", "50"],
        ["1.2", "Laporan Evaluasi Tahunan", *second],
    ])


def mixed(last_parent):
    rows = []
    for k, name in enumerate(("Alfa Satu", "Beta Dua", "Gama Tiga", "Delta Empat"), start=1):
        rows.append([str(k), f"Kegiatan Pembinaan {name}", "", "",
                     last_parent if k == 4 else "87,5"])
        rows.append([f"{k}.1", f"Dokumen Pertama {name}", "1 Dokumen", "1 Dokumen", "100"])
        rows.append([f"{k}.2", f"Dokumen Kedua {name}", "4 Dokumen", "3 Dokumen", "75"])
    return outputs(rows)


def zero(scored_first, scored_second):
    row = ["1", "Rumusan Kebijakan Kerjasama Luar Negeri", "0 Dokumen", "0 Dokumen"]
    return [
        outputs([[*row, scored_first]], "Tabel 2 Capaian Keluaran Tahun 2021"),
        outputs([[*row, scored_second]], "Tabel 3 Capaian Kinerja Tahun 2021"),
    ]


SCENARIOS = {
    "percent_mismatch": (
        [budget(child2=("2.000.000", "1.000.000", "60,00"))],
        [budget()],
    ),
    "parent_sum": (
        [budget(parent=("3.500.000", "1.500.000", "42,86"))],
        [budget()],
    ),
    "total_sum": (
        [budget(total=("3.100.000", "1.500.000", "48,39"))],
        [budget(total=("3.000.000", "1.500.000", "50,00"))],
    ),
    "realisasi_above_rencana": (
        [budget(child1=("1.000.000", "1.200.000", "120,00"),
                parent=("3.000.000", "2.200.000", "73,33"))],
        [budget()],
    ),
    "cross_table": (
        [budget(), money_table([["1.1", "Penyusunan Laporan Kinerja", "1.100.000", "500.000",
                                 "45,45"]], "Tabel 2 Rincian Anggaran Tahun 2021")],
        [budget(), money_table([["1.1", "Penyusunan Laporan Kinerja", "1.000.000", "500.000",
                                 "50,00"]], "Tabel 2 Rincian Anggaran Tahun 2021")],
    ),
    "narrative_mismatch": (
        ["Kegiatan Penyusunan Laporan Kinerja mencapai kinerja sebesar Rp600.000 atau 60,00% "
         "dari target yang telah ditetapkan.", budget()],
        ["Kegiatan Penyusunan Laporan Kinerja mencapai kinerja sebesar Rp500.000 atau 50,00% "
         "dari target yang telah ditetapkan.", budget()],
    ),
    "narrative_total": (
        ["Biro Contoh melaksanakan 2 kegiatan dengan anggaran sebesar Rp3.500.000, meliputi:",
         "Kegiatan Penyusunan Laporan Kinerja — Anggaran : Rp1.000.000",
         "Kegiatan Koordinasi Kerjasama Daerah — Anggaran : Rp2.000.000", budget()],
        ["Biro Contoh melaksanakan 2 kegiatan dengan anggaran sebesar Rp3.000.000, meliputi:",
         "Kegiatan Penyusunan Laporan Kinerja — Anggaran : Rp1.000.000",
         "Kegiatan Koordinasi Kerjasama Daerah — Anggaran : Rp2.000.000", budget()],
    ),
    "achievement_mismatch": (
        [achieved(parent="70", second=("2 Dokumen", "2 Dokumen", "90"))],
        [achieved()],
    ),
    "capped_unmarked": (
        [achieved(second=("5 Dokumen", "7 Dokumen", "100"))],
        [achieved(second=("5 Dokumen", "7 Dokumen", "100*"))],
    ),
    "aggregate_unexplained": (
        [achieved(parent="90")],
        [achieved()],
    ),
    "aggregate_rule_mixed": (
        [mixed("80")],
        [mixed("87,5")],
    ),
    "zero_target_inconsistent": (
        zero("0", "100"),
        zero("–", "–"),
    ),
    "year_label": (
        [budget(caption="Tabel 1 Realisasi Anggaran T.A. 2020")],
        [budget(caption="Tabel 1 Realisasi Anggaran T.A. 2021")],
    ),
    "weekday_mismatch": (
        ["Rapat koordinasi dilaksanakan pada hari Rabu, 19 Februari 2021 di ruang rapat biro.",
         budget()],
        ["Rapat koordinasi dilaksanakan pada hari Jumat, 19 Februari 2021 di ruang rapat biro.",
         budget()],
    ),
    "date_other_year": (
        ["Rapat koordinasi dilaksanakan pada tanggal 5 Maret 2020 di ruang rapat biro.",
         budget()],
        ["Rapat koordinasi dilaksanakan pada tanggal 5 Maret 2021 di ruang rapat biro.",
         budget()],
    ),
}


def run(blocks, fmt):
    data = WRITERS[fmt]([TITLE, *blocks])
    return reviu_file(f"laporan.{fmt}", data)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("kind", sorted(SCENARIOS))
def test_the_faulty_report_yields_the_finding(kind, fmt):
    result = run(SCENARIOS[kind][0], fmt)
    assert not result.refused and not result.notes, (result.refused, result.notes)
    assert result.year == 2021
    kinds = [f.kind for f in result.findings]
    assert kind in kinds, kinds
    finding = next(f for f in result.findings if f.kind == kind)
    assert finding.message and finding.location


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("kind", sorted(SCENARIOS))
def test_the_corrected_report_yields_nothing(kind, fmt):
    result = run(SCENARIOS[kind][1], fmt)
    assert not result.refused and not result.notes, (result.refused, result.notes)
    assert [(f.kind, f.message) for f in result.findings] == []
    assert sum(result.checked.values()) > 0


def test_a_finding_carries_table_row_printed_recomputed_and_formula():
    result = run(SCENARIOS["percent_mismatch"][0], "md")
    finding = next(f for f in result.findings if f.kind == "percent_mismatch")
    assert finding.table == "Tabel 1"
    assert finding.row == "1.2 Koordinasi Kerjasama Daerah"
    assert (finding.printed, finding.recomputed) == ("60,00", "50,00")
    assert finding.formula == "1.000.000 ÷ 2.000.000 × 100 = 50"
    assert finding.severity == "error"
