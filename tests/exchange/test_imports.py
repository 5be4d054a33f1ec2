"""Kinerja's own templates: preview (created / changed / left alone, and every problem by
sheet, row and column), all-or-nothing apply recorded in the audit trail, access and the
realisation workflow."""

from decimal import Decimal

import pytest
from django.db import DatabaseError

from kinerja.audit.models import AuditEntry
from kinerja.exchange import imports
from kinerja.exchange.imports import NotAllowed, apply_import, preview_import
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.realisation.models import MonthStatus

pytestmark = pytest.mark.django_db


def csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def run(unit, kind, data, *, who=None, year=2021, apply=False, name="berkas.csv", **kw):
    action = apply_import if apply else preview_import
    return action(user=who, unit=unit, year=year, kind=kind, filename=name, data=data, **kw)


@pytest.fixture
def pemkesra(unit):
    return unit("biro-pemkesra")


@pytest.fixture
def plan(pemkesra):
    return Plan.objects.get(unit=pemkesra, year=2021)


def node(plan, code):
    return PlanNode.objects.get(plan=plan, code=code)


# --- plan ----------------------------------------------------------------------------------


def test_plan_update_shows_old_and_new_and_is_audited(pemkesra, plan, user):
    data = csv(
        "Kode;Uraian;Pagu DPPA (Rp)",
        "4.01.01.1.01.02;Koordinasi dan Penyusunan Dokumen RKA-SKPD;Rp 3.000.000",
        "4.01.01.1.01.03;Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD;2.500.000,00",
        "4.01.01.1.01.04;Koordinasi dan Penyusunan DPA SKPD;2.500.000,-",
    )
    preview = run(pemkesra, "plan", data, who=user("operator"))
    assert preview.ok
    changes = {op.key[0]: (op.old, op.new) for op in preview.changes}
    assert changes == {
        "4.01.01.1.01.02": ({"pagu_dppa": Decimal("2500000")}, {"pagu_dppa": Decimal("3000000")}),
        "4.01.01.1.01.04": (
            {"name": "Koordinasi dan Penyusunan DPA-SKPD"},
            {"name": "Koordinasi dan Penyusunan DPA SKPD"},
        ),
    }
    assert [r[1:] for r in preview.counts()] == [(0, 0, 1), (0, 2, 1)]  # plan; nodes
    assert node(plan, "4.01.01.1.01.02").pagu_dppa == Decimal("2500000")  # a preview writes nothing

    result = run(pemkesra, "plan", data, who=user("operator"), apply=True, name="pagu.csv")
    assert result.applied
    assert node(plan, "4.01.01.1.01.02").pagu_dppa == Decimal("3000000")
    entries = AuditEntry.objects.filter(unit=pemkesra, action="import.update")
    assert set(entries.values_list("field", "old_value", "new_value")) == {
        ("pagu_dppa", "2500000.00", "3000000.00"),
        ("name", "Koordinasi dan Penyusunan DPA-SKPD", "Koordinasi dan Penyusunan DPA SKPD"),
    }
    assert all("pagu.csv" in e.reason and e.username == "operator" for e in entries)
    (done,) = AuditEntry.objects.filter(unit=pemkesra, action="import.apply")
    assert done.object_label == "Rencana: pagu.csv" and '"diubah": 2' in done.new_value


def test_a_missing_column_is_left_alone_and_an_empty_cell_clears(pemkesra, plan):
    leaf = "4.01.01.1.01.02"
    only_names = run(pemkesra, "plan", csv("Kode,Uraian", f"{leaf},Baru"))
    assert [op.new for op in only_names.changes] == [{"name": "Baru"}]
    cleared = run(pemkesra, "plan", csv("Kode,Uraian,Pagu DPPA (Rp)", f"{leaf},Baru,-"))
    assert cleared.changes[0].new == {"name": "Baru", "pagu_dppa": None}


def test_plan_problems_by_row_and_column(pemkesra):
    data = csv(
        "Kode;Uraian;Tingkat;Pagu DPA (Rp)",
        "4.01.01;Program;kegiatan;",
        "4.01.09;Program Baru;program;",
        "4.01.09.1.01;Kegiatan Baru;kegiatan;1.000",
        "4.01.09.1.01.01;Sub Baru;sub kegiatan;1.000,123",
        "4.01.09.1.01.02;Sub Baru 2;sub kegiatan;500",
        "4.01.09.1.01.02;Sub Baru 2 lagi;sub kegiatan;500",
        "4.01.09.1.01.02.03;Terlalu dalam;;",
        "4.01.01.1;Induk baru di tengah;;",
        ";Tanpa kode;;",
    )
    result = run(pemkesra, "plan", data)
    expected = [
        (5, "D (Pagu DPA (Rp))", "punya lebih dari 2 angka desimal"),
        (10, "A (Kode)", "kode kosong"),
        (7, "A (Kode)", "kode sudah dipakai di baris 6"),
        (2, "C (Tingkat)", "tingkat tidak sesuai dengan kodenya"),
        (8, "A (Kode)", "kode ini berada lebih dari tiga tingkat di bawah program"),
        (9, "A (Kode)", "kode baru ini akan menjadi induk simpul yang sudah ada"),
    ]
    assert len(result.errors) == len(expected)
    for finding, (row, column, message) in zip(result.errors, expected, strict=True):
        assert (finding.row, finding.column) == (row, column)
        assert finding.message.startswith(message)
    assert all(f.sheet == "CSV" for f in result.errors)
    notes = [f for f in result.notes if "pagu program dan kegiatan" in f.message]
    assert [f.row for f in notes] == [4]


@pytest.mark.parametrize("who", ["kepala", "inspektorat", "orang-luar"])
def test_only_the_admin_and_operator_of_the_unit_import(pemkesra, user, outsider, who):
    with pytest.raises(NotAllowed):
        run(pemkesra, "plan", csv("Kode,Uraian", "4.01.01,X"), who=user(who))
    with pytest.raises(NotAllowed):
        run(pemkesra, "plan", csv("Kode,Uraian", "4.01.01,X"), who=user(who), apply=True)


def test_admin_of_another_government_is_refused(pemkesra, outsider):
    from kinerja.org.models import Membership

    Membership.objects.filter(user=outsider).update(role="admin", unit=None)
    with pytest.raises(NotAllowed):
        run(pemkesra, "plan", csv("Kode,Uraian", "4.01.01,X"), who=outsider)


# --- indicators ----------------------------------------------------------------------------


def test_indicators_created_changed_and_checked(pemkesra, plan, user):
    data = csv(
        "Kode,Indikator ke,Indikator,Satuan,Tipe nilai,Jenjang label,Target tahunan",
        "4.01.01.1.01.02,1,Koordinasi dan Penyusunan Dokumen RKA-SKPD,Dokumen,angka,,2",
        '4.01.01.1.01.02,2,Ketepatan waktu,%,persen,,"98,5%"',
        "4.01.01.1.01.03,2,Rentang,Hari,rentang,,10–20",
        "4.01.01.1.01.04,3,Terlalu jauh,Dokumen,angka,,1",
        "4.01.01.1.01.05,2,Opini,,kualitatif,,WTP",
        "4.01.01.1.01.06,2,Opini,,kualitatif,WDP | WTP,BB",
        "4.99,1,Tidak ada,,angka,,1",
    )
    result = run(pemkesra, "indicators", data, who=user("operator"), apply=True)
    assert not result.applied
    assert [(f.row, f.column) for f in result.errors] == [
        (5, "B (Indikator ke)"),
        (6, "F (Jenjang label)"),
        (7, "G (Target tahunan)"),
        (8, "A (Kode)"),
    ]
    ok = csv(*data.decode().splitlines()[:4])
    result = run(pemkesra, "indicators", ok, who=user("operator"), apply=True)
    assert result.applied, [str(f) for f in result.errors]
    first = Indicator.objects.filter(node=node(plan, "4.01.01.1.01.02")).order_by("position")
    assert [(i.statement, i.satuan, i.value_type) for i in first] == [
        ("Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Dokumen", "number"),
        ("Ketepatan waktu", "%", "percent"),
    ]
    targets = [
        IndicatorTarget.objects.get(indicator=i, year=2021, source="annual").value for i in first
    ]
    assert targets == [Decimal("2"), Decimal("98.5")]
    ranged = Indicator.objects.get(node=node(plan, "4.01.01.1.01.03"), statement="Rentang")
    target = ranged.targets.get(year=2021)
    assert (target.low, target.high) == (Decimal("10"), Decimal("20"))
    assert AuditEntry.objects.filter(action="import.create", model="plans.Indicator").count() == 2


# --- monthly plan and realisation ----------------------------------------------------------


def test_monthly_plan_rows(pemkesra, plan):
    data = csv(
        "Kode;Bulan;Rencana fisik kumulatif (%);Anggaran kas kumulatif (Rp)",
        "4.01.01.1.01.02;Maret;25;625.000",
        "4.01.01.1.01.02;Juni;50,5;1.250.000",
        "4.01.01.1.01.02;Juni;50;1.250.000",
        "4.01.01.1.01.02;13;50;1",
        "4.01.01.1.01;Maret;25;1",
        "4.01.01.1.01.03;Maret;120;1",
        "4.01.01.1.01.03;April;20;9.000.000",
    )
    result = run(pemkesra, "monthly-plan", data)
    assert [(f.row, f.column.split(" ")[0]) for f in result.errors] == [
        (4, "B"),
        (5, "B"),
        (6, "A"),
        (7, "C"),
    ]
    assert [(f.row, f.column.split(" ")[0]) for f in result.warnings] == [(8, "D")]
    created = {op.key: op.new for op in result.ops if op.action == "create"}
    assert created[("4.01.01.1.01.02", 3)] == {
        "plan_fisik": Decimal("25"),
        "plan_keuangan": Decimal("625000"),
    }


def realisation_csv(*rows):
    header = (
        "Kode;Bulan;Indikator ke;Realisasi keuangan bulan ini (Rp);"
        "Realisasi fisik kumulatif (%);Realisasi keluaran;Yang dilaksanakan;Kendala"
    )
    return csv(header, *rows)


def test_realisation_rows_bump_the_month_and_are_audited(pemkesra, plan, user):
    leaf = node(plan, "4.01.01.1.01.02")
    data = realisation_csv(
        "4.01.01.1.01.02;3;;1.000.000;40;;;",
        "4.01.01.1.01.02;3;1;;;1;Rapat RKA;Jadwal mundur",
    )
    result = run(pemkesra, "monthly-realisation", data, who=user("operator"), apply=True)
    assert result.applied, [str(f) for f in result.errors]
    entry = MonthlyEntry.objects.get(node=leaf, month=3)
    assert (entry.realisasi_keuangan, entry.realisasi_fisik) == (Decimal("1000000"), 40)
    real = IndicatorRealisation.objects.get(indicator__node=leaf, year=2021, month=3)
    assert (real.value, real.narrative, real.obstacles) == (1, "Rapat RKA", "Jadwal mundur")
    assert MonthStatus.objects.get(plan=plan, month=3).version == 1
    months = set(
        AuditEntry.objects.filter(unit=pemkesra, action__startswith="import.").values_list(
            "month", flat=True
        )
    )
    assert months == {3, None}  # every record of March, and the import itself
    # realisation above pagu is a warning, not a refusal
    too_much = realisation_csv("4.01.01.1.01.02;4;;9.000.000;50;;;")
    over = run(pemkesra, "monthly-realisation", too_much)
    assert over.ok and any("melebihi pagu" in f.message for f in over.warnings)


@pytest.mark.parametrize("state", ["submitted", "verified", "locked"])
def test_a_month_past_draft_is_refused_per_row(pemkesra, plan, user, counts, state):
    MonthStatus.objects.create(plan=plan, month=3, state=state)
    data = realisation_csv(
        "4.01.01.1.01.02;3;;1.000.000;40;;;",
        "4.01.01.1.01.03;3;1;;;1;;",
        "4.01.01.1.01.04;4;;1.000.000;40;;;",
    )
    before = counts()
    result = run(pemkesra, "monthly-realisation", data, who=user("operator"), apply=True)
    assert not result.applied
    assert [f.row for f in result.errors] == [2, 3]
    assert all("Maret 2021" in f.message for f in result.errors)
    assert counts() == before


def test_stale_preview_is_not_applied(pemkesra, plan, user, counts):
    data = csv("Kode,Uraian", "4.01.01.1.01.02,Nama baru")
    shown = run(pemkesra, "plan", data, who=user("operator"))
    leaf = node(plan, "4.01.01.1.01.02")
    leaf.name = "Diubah orang lain"
    leaf.save()
    before = counts()
    result = run(
        pemkesra, "plan", data, who=user("operator"), apply=True, expected_digest=shown.digest
    )
    assert result.stale and not result.applied and counts() == before
    assert result.changes[0].old == {"name": "Diubah orang lain"}
    again = run(
        pemkesra, "plan", data, who=user("operator"), apply=True, expected_digest=result.digest
    )
    assert again.applied


def test_a_failure_while_writing_leaves_nothing(pemkesra, user, counts, monkeypatch):
    def boom(self, op):
        raise DatabaseError("disk penuh")

    monkeypatch.setattr(imports._Applier, "_realisation", boom)
    data = realisation_csv(
        "4.01.01.1.01.02;3;;1.000.000;40;;;",
        "4.01.01.1.01.02;3;1;;;1;Rapat;",
    )
    before = counts()
    result = run(pemkesra, "monthly-realisation", data, who=user("operator"), apply=True)
    assert not result.applied
    assert "tidak ada yang disimpan" in result.errors[-1].message
    assert counts() == before


def test_indicator_and_monthly_imports_need_a_plan(pemkesra):
    result = run(pemkesra, "indicators", csv("Kode,Indikator", "4.01.01,X"), year=2030)
    assert [f.message for f in result.errors] == [
        "unit Biro Pemerintahan dan Kesejahteraan Rakyat belum punya rencana tahun 2030"
    ]
