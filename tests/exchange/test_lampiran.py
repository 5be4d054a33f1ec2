"""Importing a plan with budget in the layout of the seed's Lampiran 1: header found by its
labels, parents by their codes, Indonesian numbers, totals checked, all or nothing."""

from decimal import Decimal

import pytest

from kinerja.audit.models import AuditEntry
from kinerja.exchange.imports import NotAllowed, apply_import, preview_import
from kinerja.plans.models import MonthlyEntry, Plan, PlanNode
from kinerja.plans.selectors import compute_plan
from kinerja.realisation.models import MonthStatus

from .common import seed_lampiran_csv, seed_lampiran_rows, seed_lampiran_xlsx, xlsx

pytestmark = pytest.mark.django_db


def preview(unit, year, data, filename="lampiran.xlsx", who=None):
    return preview_import(
        user=who, unit=unit, year=year, kind="lampiran1", filename=filename, data=data
    )


def test_seed_lampiran_matches_the_demo_plan_but_for_its_typo(unit):
    result = preview(unit("biro-pemkesra"), 2021, seed_lampiran_xlsx())
    assert result.ok and not result.warnings
    (change,) = result.changes
    assert change.entity == "node" and change.key == ("4.01.04.1.01",)
    assert change.new == {"name": "Fasilitasi Pembinaan Menta Spiritual"}
    assert change.old == {"name": "Fasilitasi Pembinaan Mental Spiritual"}
    codes = [row[0] for row in seed_lampiran_rows()]
    assert change.row == 3 + codes.index("4.01.04.1.01") + 1  # three title rows above
    assert {label: same for label, _c, _u, same in result.counts()}["Simpul rencana"] == 46
    skipped = [f for f in result.notes if "rekening/jumlah" in f.message]
    assert [f.found for f in skipped] == ["BELANJA DAERAH", "BELANJA LANGSUNG"]


def test_csv_reads_like_the_workbook(unit):
    a = preview(unit("biro-pemkesra"), 2023, seed_lampiran_xlsx())
    b = preview(unit("biro-pemkesra"), 2023, seed_lampiran_csv(";"), "lampiran.csv")
    assert a.ok and b.ok and a.changes
    assert a.digest == b.digest


def test_into_an_empty_year_gives_the_report_figures(unit, user, counts):
    pemkesra = unit("biro-pemkesra")
    result = apply_import(
        user=user("operator"),
        unit=pemkesra,
        year=2022,
        kind="lampiran1",
        filename="lampiran.xlsx",
        data=seed_lampiran_xlsx(),
    )
    assert result.applied and result.ok
    plan = Plan.objects.get(unit=pemkesra, year=2022)
    assert plan.nomenclature == "Permendagri 90/2019"
    levels = list(PlanNode.objects.filter(plan=plan).values_list("level", flat=True))
    assert (levels.count("program"), levels.count("kegiatan"), levels.count("sub_kegiatan")) == (
        3,
        11,
        33,
    )
    node = PlanNode.objects.get(plan=plan, code="4.01.01.1.01.07")
    assert node.parent.code == "4.01.01.1.01" and node.pagu == Decimal("9100000")
    new = compute_plan(plan).root
    assert new.pagu.value == Decimal("20160770750")
    assert new.realisasi.value == Decimal("17332301064")
    demo = compute_plan(Plan.objects.get(unit=pemkesra, year=2021)).root
    assert new.absorption.value == demo.absorption.value
    assert new.achievement.value == demo.achievement.value  # targets and outputs came too
    entries = AuditEntry.objects.filter(unit=pemkesra, year=2022)
    assert entries.filter(action="import.apply").count() == 1
    apply = entries.get(action="import.apply")
    assert apply.object_label.endswith("lampiran.xlsx") and apply.username == "operator"
    assert entries.filter(action="import.create").count() == result.count("create")
    # the same file again changes nothing
    again = preview(pemkesra, 2022, seed_lampiran_xlsx())
    assert again.ok and not again.changes


def small(rows):
    header = [
        ["KODE", "URAIAN", "ANGGARAN", "REALISASI", "RENCANA", "REALISASI", "SATUAN", "KET"],
    ]
    return xlsx(header + rows)


def test_codes_stored_as_numbers_are_read_as_text_with_a_warning(unit):
    data = small(
        [
            [1, "Program Satu", None, None, None, None, None, None],
            [1.01, "Kegiatan Satu", None, None, None, None, None, None],
            ["1.01.01", "Sub Satu", 1000000, 250000.5, 2, 1, "Dokumen", "catatan"],
        ]
    )
    result = preview(unit("biro-pemkesra"), 2024, data)
    assert result.ok
    codes = [op.key[0] for op in result.ops if op.entity == "node"]
    assert codes == ["1", "1.01", "1.01.01"]
    warned = [(f.row, f.column) for f in result.warnings if "sebagai angka" in f.message]
    assert warned == [(2, "A (KODE)"), (3, "A (KODE)")]
    leaf = next(op for op in result.ops if op.key == ("1.01.01",))
    assert leaf.new["pagu_dpa"] == Decimal("1000000") and leaf.new["level"] == "sub_kegiatan"


def test_parent_and_total_that_are_not_the_sum_are_warned(unit):
    rows = seed_lampiran_rows()
    for row in rows:
        if row[0] == "4.01.01.1.02":
            row[2] = "9.200.000,00"  # printed 9.100.000,00; its one child has 9.100.000,00
        if row[0] == "5,2":
            row[2] = "1,00"
    result = preview(unit("biro-pemkesra"), 2021, xlsx(rows))
    assert result.ok
    codes = [row[0] for row in rows]
    parent = [f for f in result.warnings if "jumlah anak" in f.message]
    assert [(f.row, f.found, f.expected) for f in parent] == [
        (codes.index("4.01.01.1.02") + 1, "9.200.000", "9.100.000")
    ]
    total = [f for f in result.warnings if "jumlah tercetak" in f.message]
    assert [(f.row, f.found, f.expected) for f in total] == [
        (codes.index("5,2") + 1, "1", "20.160.770.750")
    ]


def test_bad_cells_say_where_and_nothing_is_written(unit, user, counts):
    rows = seed_lampiran_rows()
    rows[10][2] = "2.500.000,5x"
    rows[12][3] = "-5"
    before = counts()
    result = apply_import(
        user=user("operator"),
        unit=unit("biro-pemkesra"),
        year=2022,
        kind="lampiran1",
        filename="salah.xlsx",
        data=xlsx(rows),
    )
    assert not result.applied
    errors = [(f.sheet, f.row, f.column, f.found) for f in result.errors]
    assert errors == [
        ("Lembar1", 11, "C (ANGGARAN)", "2.500.000,5x"),
        ("Lembar1", 13, "D (REALISASI)", "-5"),
    ]
    assert all(f.expected for f in result.errors)
    assert counts() == before


def test_leaf_without_parents_is_refused(unit):
    data = small([["9.99.01.1.01.01", "Sub tanpa induk", "1.000", "0", 1, 0, "Dokumen", ""]])
    result = preview(unit("biro-pemkesra"), 2024, data)
    (error,) = result.errors
    assert error.row == 2 and "tanpa anak" in error.message


def test_locked_december_is_refused_per_row(unit, user, counts):
    pemkesra = unit("biro-pemkesra")
    plan = Plan.objects.get(unit=pemkesra, year=2021)
    MonthStatus.objects.create(plan=plan, month=12, state=MonthStatus.State.LOCKED)
    same = preview(pemkesra, 2021, seed_lampiran_xlsx(), who=user("operator"))
    assert same.ok  # unchanged rows of a locked month are left alone
    rows = seed_lampiran_rows()
    changed = next(r for r in rows if r[0] == "4.01.01.1.01.02")
    changed[3] = "2.000.000,00"
    before = counts()
    result = apply_import(
        user=user("operator"),
        unit=pemkesra,
        year=2021,
        kind="lampiran1",
        filename="l.xlsx",
        data=xlsx(rows),
    )
    assert not result.applied
    (error,) = result.errors
    assert "dikunci" in error.message and "Desember 2021" in error.message
    assert error.row == rows.index(changed) + 1
    assert counts() == before
    leaf = PlanNode.objects.get(plan=plan, code="4.01.01.1.01.02")
    assert MonthlyEntry.objects.get(node=leaf, month=12).realisasi_keuangan == Decimal("2500000")


def test_the_head_reads_but_does_not_import(unit, user):
    with pytest.raises(NotAllowed):
        preview(unit("biro-pemkesra"), 2021, seed_lampiran_xlsx(), who=user("kepala"))
