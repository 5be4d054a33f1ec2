"""The reviu of the seed report (a 2021 Laporan Kinerja made elsewhere) finds the
inconsistencies a careful reader finds, each with its table, row, figures and formula."""

from decimal import Decimal

import pytest

from kinerja.core.numbers import fmt_number, round_half_up


def found(result, kind, **where):
    return [
        f for f in result.findings
        if f.kind == kind and all(value in getattr(f, key) for key, value in where.items())
    ]


def test_reads_the_report_year_from_the_cover(seed_result):
    assert seed_result.year == 2021
    assert "AKHIR TAHUN ANGGARAN 2021" in seed_result.year_source
    assert not seed_result.refused and seed_result.notes == []


def test_tabel_3_1_row_printed_48_92_although_it_spent_more_than_planned(seed_result):
    row = "Penyusunan Perumusan Kebijakan Tekni Kecamatan dan Kelurahan"
    [finding] = found(seed_result, "percent_mismatch", table="Tabel 3.1", row=row)
    expected = round_half_up(Decimal(82536000) * 100 / Decimal(36702000), 2)
    assert finding.printed == "48,92"
    assert finding.recomputed == fmt_number(expected, 2) == "224,88"
    assert "82.536.000 ÷ 36.702.000 × 100" in finding.formula
    assert "Rp82.536.000" in finding.message and "Rp36.702.000" in finding.message
    assert finding.severity == "error" and finding.location == "baris 313"
    [above] = found(seed_result, "realisasi_above_rencana", table="Tabel 3.1", row=row)
    assert above.severity == "warning"


def test_bab_ii_total_is_not_the_sum_of_its_kegiatan(seed_result):
    [finding] = found(seed_result, "narrative_total")
    assert finding.printed == "2.802.281.000"
    assert finding.recomputed == "2.692.391.000"  # Kerjasama Luar Negeri printed Rp110.000
    assert finding.formula.count("+") == 8
    [item] = found(seed_result, "narrative_mismatch", row="Kerjasama Luar")
    assert item.printed == "110.000" and item.recomputed.startswith("110.000.000")


@pytest.mark.parametrize("where", [
    {"table": "Tabel 8.1", "message": "T.A 2020"},
    {"table": "Tabel 8.1", "message": "DPA PERUBAHAN TAHUN 2020"},
    {"table": "Tabel 8.2", "message": "REALISASI 2020"},
])
def test_year_labels_of_2020_in_the_2021_report(seed_result, where):
    hits = found(seed_result, "year_label", **where)
    assert hits and all(f.printed == "2020" and f.recomputed == "2021" for f in hits)
    assert all(f.severity == "error" for f in hits)


def test_year_labels_in_running_text_are_warnings(seed_result):
    hits = found(seed_result, "year_label", table="Narasi", message="Tahun Anggaran 2020")
    assert len(hits) >= 10 and {f.severity for f in hits} == {"warning"}
    assert not found(seed_result, "year_label", message="2017")  # 2017-2022 is a range


def test_a_weekday_that_does_not_match_its_date(seed_result):
    [finding] = found(seed_result, "weekday_mismatch", printed="Rabu, 19 Februari 2021")
    assert finding.recomputed == "Jumat"
    assert "jatuh pada hari Jumat" in finding.message
    assert not found(seed_result, "weekday_mismatch", printed="Rabu, 19 Februari 2020")


def test_parents_that_are_not_the_sum_of_their_children(seed_result):
    hits = found(seed_result, "parent_sum", table="Tabel 3.1")
    rows = {(f.row, f.printed, f.recomputed) for f in hits}
    assert ("Penyelenggaraan Kerjasama Daerah", "1.609.072.000", "362.000.000") in rows
    assert ("Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan", "168.702.000",
            "168.505.000") in rows
    [program] = found(seed_result, "parent_sum", table="Tabel 8.4", row="Program Perumusan")
    assert (program.printed, program.recomputed) == ("972.645.880", "972.645.380")


def test_the_same_item_with_different_figures_in_two_tables(seed_result):
    [pagu] = found(seed_result, "cross_table", table="Tabel 3.1", row="Tekni Kecamatan")
    assert pagu.printed == "36.702.000" and pagu.recomputed == "36.899.000 (Tabel 2.1)"
    [capaian] = found(seed_result, "cross_table", table="Tabel 8.1",
                      row="Penyelenggaraan Pemerintahan Kecamatan")
    assert capaian.printed == "87,50" and capaian.recomputed == "80 (Tabel 3.2)"


def test_sentences_that_contradict_their_table(seed_result):
    hits = found(seed_result, "narrative_mismatch", printed="93,75%")
    assert {f.recomputed for f in hits} >= {"nilai 85,94% di Tabel 3.2"}
    [unit] = found(seed_result, "narrative_mismatch", printed="96,88%", location="baris 325")
    assert "rata-rata 92,97%" in unit.recomputed  # the mean of its two programs


def test_aggregates_no_rule_reproduces_say_which_rules_were_tried(seed_result):
    [finding] = found(seed_result, "aggregate_unexplained", table="Tabel 3.2",
                      row="Program Perumusan")
    assert finding.printed == "85,94"
    assert "rata-rata capaian 8 rincian = 81,88" in finding.message
    assert "nilai terendah" in finding.message
    [mixed] = found(seed_result, "aggregate_rule_mixed", table="Tabel 3.2")
    assert "Kecamatan" in mixed.row and mixed.printed == "rasio jumlah"


def test_zero_target_scored_0_and_100(seed_result):
    [finding] = found(seed_result, "zero_target_inconsistent")
    assert finding.printed == "0 / 100"
    assert "Tabel 3.2" in finding.message and "Tabel 8.1" in finding.message


def test_capped_values_not_marked(seed_result):
    [finding] = found(seed_result, "capped_unmarked", table="Tabel 8.1")
    assert finding.recomputed == "140,00" and "7 ÷ 5 × 100" in finding.formula


def test_findings_are_grouped_by_kind_with_counts(seed_result):
    groups = seed_result.groups()
    assert [g["kind"] for g in groups][:2] == ["percent_mismatch", "achievement_mismatch"]
    assert sum(g["count"] for g in groups) == len(seed_result.findings)
    assert all(g["count"] == g["errors"] + g["warnings"] for g in groups)
    assert len(seed_result.errors) >= 25
