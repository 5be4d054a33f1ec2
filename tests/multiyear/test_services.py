"""Writes of the multi-year area: the medium-term plan, the mapping table from CSV, IKM
surveys and the IKM fed into an indicator. Each write is atomic and audited; a user of an
unrelated unit or with a reading role is refused."""

from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kinerja.audit.models import AuditEntry
from kinerja.core.numbers import percent
from kinerja.multiyear import services
from kinerja.multiyear.models import (
    CodeMapping,
    EndTarget,
    IkmElement,
    IkmSurvey,
    MediumTermPlan,
    SasaranProgram,
)
from kinerja.multiyear.selectors import ikm_surveys, medium_term_progress
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    PlanNode,
)

pytestmark = pytest.mark.django_db


# --- the medium-term plan --------------------------------------------------------------


@pytest.fixture
def renstra(merged):
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    doc = services.medium_term_plan_save(
        user=merged.operator_c,
        unit=merged.c,
        kind="renstra",
        title="Renstra Dinas C 2021-2026",
        period_start=2021,
        period_end=2026,
    )
    tujuan = services.tujuan_save(
        user=merged.operator_c,
        document=doc,
        statement="Pelayanan prima",
        code="T1",
        unit=merged.c,
    )
    sasaran = services.sasaran_save(
        user=merged.operator_c,
        document=doc,
        unit=merged.c,
        statement="Meningkatnya layanan",
        code="S1",
        tujuan=tujuan,
    )
    indicator = services.sasaran_indicator_save(
        user=merged.operator_c,
        sasaran=sasaran,
        unit=merged.c,
        statement="Jumlah inovasi",
        satuan="Inovasi",
        cumulative=True,
    )
    return doc, tujuan, sasaran, indicator


def test_a_renstra_with_tujuan_sasaran_and_indicator(merged, renstra):
    doc, tujuan, sasaran, indicator = renstra
    assert doc.unit == merged.c and doc.kind == "renstra"
    assert (sasaran.period_start, sasaran.period_end, sasaran.unit) == (2021, 2026, merged.c)
    assert sasaran.placement.plan == doc and sasaran.placement.tujuan == tujuan
    assert indicator.kind == "sasaran" and indicator.cumulative
    actions = list(
        AuditEntry.objects.filter(action__startswith="multiyear.").values_list("action", flat=True)
    )
    for action in ("medium_term_create", "tujuan_create", "sasaran_create", "indicator_create"):
        assert f"multiyear.{action}" in actions


def test_yearly_targets_and_end_target(merged, renstra):
    _doc, _tujuan, sasaran, indicator = renstra
    changes = services.medium_term_targets_save(
        user=merged.operator_c,
        indicator=indicator,
        unit=merged.c,
        targets={2021: "2", 2022: "2", 2023: "3", 2024: "3", 2025: "4", 2026: "4"},
    )
    assert changes == 6
    stored = dict(
        IndicatorTarget.objects.filter(indicator=indicator, source="medium_term").values_list(
            "year", "value"
        )
    )
    assert stored == {2021: 2, 2022: 2, 2023: 3, 2024: 3, 2025: 4, 2026: 4}
    IndicatorRealisation.objects.create(indicator=indicator, year=2021, month=12, value=D(3))
    view = medium_term_progress(merged.c, 2021)
    progress = view.sasaran[0].indicators[0].progress
    assert progress.end.rule == "sum" and progress.end.target.value == 18
    assert progress.year_achievement.raw == 150
    assert progress.to_date_achievement.raw == percent(3, 18)
    # an explicit end target overrides the sum; a typed Indonesian number is read exactly
    services.medium_term_targets_save(
        user=merged.operator_c, indicator=indicator, unit=merged.c, targets={}, end="20,5"
    )
    assert EndTarget.objects.get(indicator=indicator).value == D("20.5")
    progress = medium_term_progress(merged.c, 2021).sasaran[0].indicators[0].progress
    assert progress.end.rule == "explicit"
    # unchanged values write nothing; a change writes one audit entry per field
    assert (
        services.medium_term_targets_save(
            user=merged.operator_c, indicator=indicator, unit=merged.c, targets={2021: "2"}
        )
        == 0
    )
    services.medium_term_targets_save(
        user=merged.operator_c, indicator=indicator, unit=merged.c, targets={2021: "1"}
    )
    entry = AuditEntry.objects.filter(action="multiyear.medium_term_target").latest("id")
    assert (entry.field, entry.old_value, entry.new_value, entry.year) == (
        "value",
        "2.0000",
        "1.0000",
        2021,
    )
    # a blank removes the year's target
    services.medium_term_targets_save(
        user=merged.operator_c, indicator=indicator, unit=merged.c, targets={2026: ""}
    )
    assert not IndicatorTarget.objects.filter(indicator=indicator, year=2026).exists()


def test_unreadable_targets_save_nothing(merged, renstra):
    indicator = renstra[3]
    with pytest.raises(services.InvalidInput) as info:
        services.medium_term_targets_save(
            user=merged.operator_c,
            indicator=indicator,
            unit=merged.c,
            targets={2021: "2", 2022: "1,2,3", 2030: "4"},
            end="banyak",
        )
    where = [e.where for e in info.value.errors]
    assert where == ["tahun 2022", "tahun 2030", "target akhir periode"]
    assert "di luar periode 2021–2026" in info.value.errors[1].message
    assert info.value.errors[0].found == "1,2,3"
    assert not IndicatorTarget.objects.filter(indicator=indicator).exists()


def test_program_links(merged, renstra):
    sasaran = renstra[2]
    program = PlanNode.objects.get(plan__unit=merged.c, plan__year=2021, code="1.01.01")
    services.program_link_save(
        user=merged.operator_c, sasaran=sasaran, node=program, unit=merged.c, linked=True
    )
    assert medium_term_progress(merged.c, 2021).sasaran[0].programs == ("Program Penunjang",)
    services.program_link_save(
        user=merged.operator_c, sasaran=sasaran, node=program, unit=merged.c, linked=False
    )
    assert not SasaranProgram.objects.filter(sasaran=sasaran).exists()
    assert AuditEntry.objects.filter(action="multiyear.program_unlink").count() == 1
    leaf = PlanNode.objects.get(plan__unit=merged.c, plan__year=2021, code="1.01.01.2.01.0001")
    with pytest.raises(services.Refused, match="hanya program atau kegiatan"):
        services.program_link_save(
            user=merged.operator_c, sasaran=sasaran, node=leaf, unit=merged.c, linked=True
        )
    old = PlanNode.objects.get(plan__unit=merged.a, plan__year=2020, code="1.01.01")
    with pytest.raises(services.Refused, match="tahun 2020 di luar periode sasaran"):
        services.program_link_save(
            user=merged.operator_c, sasaran=sasaran, node=old, unit=merged.c, linked=True
        )


def test_medium_term_writes_are_refused_to_others(merged, renstra):
    doc, _tujuan, sasaran, indicator = renstra
    with pytest.raises(services.NotAllowed):
        services.tujuan_save(user=merged.operator_b, document=doc, statement="x", unit=merged.b)
    with pytest.raises(services.NotAllowed):
        services.tujuan_save(user=merged.inspector, document=doc, statement="x", unit=merged.c)
    with pytest.raises(services.NotAllowed):
        services.medium_term_targets_save(
            user=merged.operator_b, indicator=indicator, unit=merged.b, targets={2021: "1"}
        )
    with pytest.raises(services.NotAllowed):  # only the government's admin keeps the RPJMD
        services.medium_term_plan_save(
            user=merged.operator_c,
            unit=merged.c,
            kind="rpjmd",
            title="RPJMD",
            period_start=2021,
            period_end=2026,
        )
    rpjmd = services.medium_term_plan_save(
        user=merged.admin,
        unit=merged.c,
        kind="rpjmd",
        title="RPJMD Kabupaten Uji 2021-2026",
        period_start=2021,
        period_end=2026,
    )
    assert rpjmd.unit is None and rpjmd.government == merged.gov
    with pytest.raises(services.InvalidInput, match="akhir periode sebelum awalnya"):
        services.medium_term_plan_save(
            user=merged.admin,
            unit=merged.c,
            kind="renstra",
            title="X",
            period_start=2026,
            period_end=2021,
        )
    assert MediumTermPlan.objects.filter(government=merged.gov).count() == 2


# --- the mapping table -----------------------------------------------------------------

CSV = (
    "\ufeffversi_lama;versi_baru;kode_lama;kode_baru;nama_baru\n"
    "Permendagri 90/2019;Kepmendagri 050-5889/2021;1.01.01.2.01;1.01.01.2.02;Perencanaan\n"
    "Permendagri 90/2019;Kepmendagri 050-5889/2021;1.01.01.2.01.0002;;\n"
)


def test_mapping_csv_is_loaded_and_reloaded():
    loaded = services.code_mapping_load(user=None, text=CSV, filename="padanan.csv")
    assert (loaded.created, loaded.changed, loaded.unchanged) == (2, 0, 0)
    assert loaded.pairs == (("Permendagri 90/2019", "Kepmendagri 050-5889/2021"),)
    removed = CodeMapping.objects.get(old_code="1.01.01.2.01.0002")
    assert removed.new_code == "" and str(removed) == "1.01.01.2.01.0002 → (dihapus)"
    again = services.code_mapping_load(user=None, text=CSV, filename="padanan.csv")
    assert (again.created, again.changed, again.unchanged) == (0, 0, 2)
    changed = services.code_mapping_load(
        user=None, text=CSV.replace("1.01.01.2.02;", "1.01.01.2.03;"), filename="padanan.csv"
    )
    assert (changed.created, changed.changed, changed.unchanged) == (0, 1, 1)
    assert AuditEntry.objects.filter(action="multiyear.code_mapping").count() == 3


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("kode;nama\n1;x\n", "padanan.csv, baris 1", "kolom versi_lama, versi_baru, kode_lama"),
        ("", "padanan.csv, baris 1", "berkas kosong"),
        (
            "versi_lama,versi_baru,kode_lama,kode_baru\nA,B,1.01,1.02\nA,B,1..01,1.02\n",
            "padanan.csv, baris 3, kolom kode_lama",
            "bukan kode",
        ),
        (
            "versi_lama,versi_baru,kode_lama,kode_baru\nA,B,1.01,1.02\nA,B,1.01,1.03\n",
            "padanan.csv, baris 3, kolom kode_lama",
            "sudah ada di baris 2",
        ),
        (
            "versi_lama,versi_baru,kode_lama,kode_baru\nA,A,1.01,1.02\n",
            "padanan.csv, baris 2, kolom versi_baru",
            "sama dengan versi_lama",
        ),
        (
            "versi_lama,versi_baru,kode_lama,kode_baru\nA,,1.01,1.02\n",
            "padanan.csv, baris 2, kolom versi_baru",
            "belum diisi",
        ),
    ],
)
def test_mapping_csv_errors_name_the_row_and_column(text, where, message):
    with pytest.raises(services.InvalidInput) as info:
        services.code_mapping_load(user=None, text=text, filename="padanan.csv")
    assert any(e.where == where and message in e.message for e in info.value.errors), [
        str(e) for e in info.value.errors
    ]
    assert not CodeMapping.objects.exists()


def test_load_code_mapping_command(tmp_path, capsys):
    path = tmp_path / "padanan.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("load_code_mapping", str(path))
    out = capsys.readouterr().out
    assert "Permendagri 90/2019 → Kepmendagri 050-5889/2021: 2 baru, 0 diubah, 0 tetap." in out
    bad = tmp_path / "salah.csv"
    bad.write_text("versi_lama,versi_baru,kode_lama,kode_baru\nA,B,x y,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="salah.csv, baris 2, kolom kode_lama: bukan kode"):
        call_command("load_code_mapping", str(bad))


def test_copy_year_command(merged, capsys):
    call_command("copy_year", "--unit", "dinas-a", "--from", "2020", "--to", "2021", "--dry-run")
    out = capsys.readouterr().out
    assert out.startswith("Uji coba (--dry-run): tidak ada yang disimpan.\nDinas A 2020 akan")
    assert "- Disalin ke Dinas C (gabungan A), unit yang ada pada tahun 2021." in out
    assert not merged.c.plans.exists()
    call_command("copy_year", "--unit", "dinas-a", "--from", "2020", "--to", "2021")
    assert "Dinas A 2020 disalin ke" in capsys.readouterr().out
    assert merged.c.plans.filter(year=2021).exists()
    with pytest.raises(CommandError, match="sudah punya rencana tahun 2021"):
        call_command("copy_year", "--unit", "dinas-c", "--from", "2020", "--to", "2021")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("copy_year", "--unit", "tidak-ada", "--from", "2020", "--to", "2021")


# --- IKM -------------------------------------------------------------------------------

COUNTS = [
    ("0", "2", "5", "3"),
    ("0", "2", "6", "2"),
    ("1", "1", "6", "2"),
    ("", "", "", "8"),
    ("0", "0", "5", "5"),
    ("0", "1", "6", "3"),
    ("0", "1", "5", "4"),
    ("1", "4", "4", "1"),
    ("0", "2", "6", "2"),
]


def _elements(counts=COUNTS):
    return [services.ElementText(n, c) for n, c in enumerate(counts, start=1)]


def _save(merged, **kwargs):
    args = {
        "user": merged.operator_c,
        "unit": merged.c,
        "year": 2021,
        "service": "Pelayanan perizinan",
        "guideline": "permenpan_14_2017",
        "mode": "counts",
        "respondents": "10",
        "elements": _elements(),
    }
    args.update(kwargs)
    return services.ikm_survey_save(**args)


def test_survey_counts_are_saved_and_computed(merged):
    survey = _save(merged)
    assert survey.elements.count() == 9
    u4 = survey.elements.get(number=4)
    assert (u4.name, u4.counts) == ("Biaya/Tarif", (0, 0, 0, 8))
    row = ikm_surveys(merged.c, 2021)[0]
    assert row.result.grade.mutu == "B" and row.result.grade.compared == D("79.17")
    entries = AuditEntry.objects.filter(action="multiyear.ikm_survey", object_id=str(survey.id))
    assert entries.get(field="ikm").new_value.startswith("3.1666")
    assert entries.get(field="U4.count_4").new_value == "8"
    # a change records only what changed
    first = list(entries.values_list("id", flat=True))
    changed = [list(c) for c in COUNTS]
    changed[0][3] = "4"
    _save(merged, elements=_elements(changed), respondents="11", survey=survey)
    fields = set(
        AuditEntry.objects.filter(action="multiyear.ikm_survey", object_id=str(survey.id))
        .exclude(id__in=first)
        .values_list("field", flat=True)
    )
    assert fields == {"respondents", "U1.count_4", "ikm"}
    ikm = AuditEntry.objects.filter(field="ikm").latest("id")
    assert ikm.old_value.startswith("3.1666") and ikm.new_value.startswith("3.1757")


def test_survey_input_errors_save_nothing(merged):
    bad = [list(c) for c in COUNTS]
    bad[1][2] = "6,5"
    bad[2][0] = "satu"
    with pytest.raises(services.InvalidInput) as info:
        _save(merged, elements=_elements(bad), respondents="")
    where = [e.where for e in info.value.errors]
    assert where == ["U2, jawaban 3", "U3, jawaban 1"]
    assert info.value.errors[0].message == "harus bilangan bulat"
    with pytest.raises(services.InvalidInput) as info:
        _save(merged, respondents="9")
    assert "U1 (Persyaratan): 10 jawaban, lebih banyak dari 9 responden" in str(info.value)
    with pytest.raises(services.InvalidInput, match="U9 \\(Sarana dan Prasarana\\)"):
        _save(merged, elements=_elements(COUNTS[:8]))
    assert not IkmSurvey.objects.filter(unit=merged.c).exists()
    assert (
        not IkmElement.objects.exists()
        or not IkmElement.objects.filter(survey__unit=merged.c).exists()
    )


def test_survey_by_means_and_by_index(merged):
    means = _save(
        merged,
        service="Pengaduan",
        mode="means",
        elements=[services.ElementText(n, mean="3,3") for n in range(1, 10)],
    )
    assert ikm_surveys(merged.c, 2021)[0].result.index == D("3.3")
    index = _save(merged, service="Lama", mode="index", index="3,30", elements=[], respondents="")
    assert index.index_value == D("3.3") and index.respondents is None
    with pytest.raises(services.InvalidInput, match="sudah ada survei tahun 2021"):
        _save(merged, service="Pengaduan", mode="index", index="3", elements=[])
    assert means.guideline == "permenpan_14_2017"


def test_survey_writes_are_refused_to_others(merged):
    with pytest.raises(services.NotAllowed):
        _save(merged, user=merged.operator_b)
    with pytest.raises(services.NotAllowed):
        _save(merged, user=merged.inspector)


@pytest.fixture
def ikm_indicator(merged):
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    return Indicator.objects.get(
        node__plan__unit=merged.c, statement="Persentase layanan tepat waktu"
    )


def test_ikm_feeds_an_indicator(merged, ikm_indicator):
    _save(merged)
    _save(
        merged,
        service="Pengaduan",
        mode="means",
        elements=[services.ElementText(n, mean="3,5") for n in range(1, 10)],
    )
    value = services.ikm_feed_indicator(
        user=merged.operator_c, unit=merged.c, year=2021, indicator=ikm_indicator, scale="index"
    )
    # mean of 3,1666… and 3,5, stored with four decimals
    assert value == D("3.3333")
    stored = IndicatorRealisation.objects.get(indicator=ikm_indicator, year=2021, month=12)
    assert stored.value == D("3.3333")
    entry = AuditEntry.objects.get(action="multiyear.ikm_feed")
    assert (entry.field, entry.old_value, entry.new_value) == ("value", "", "3.3333")
    assert entry.reason == "IKM dari survei: Pelayanan perizinan 3,1667; Pengaduan 3,5"
    # auto: a target above 4 means the 25–100 scale
    IndicatorTarget.objects.create(indicator=ikm_indicator, year=2021, value=D(80))
    assert services.ikm_feed_indicator(
        user=merged.operator_c, unit=merged.c, year=2021, indicator=ikm_indicator
    ) == D("83.3333")


def test_ikm_feed_refusals(merged, ikm_indicator):
    with pytest.raises(services.Refused, match="belum punya hasil survei IKM"):
        services.ikm_feed_indicator(
            user=merged.operator_c, unit=merged.c, year=2021, indicator=ikm_indicator
        )
    _save(merged)
    _save(
        merged,
        service="Lama",
        mode="index",
        index="3",
        elements=[],
        respondents="",
        guideline="kepmenpan_25_2004",
    )
    with pytest.raises(services.Refused, match="memakai pedoman berbeda"):
        services.ikm_feed_indicator(
            user=merged.operator_c, unit=merged.c, year=2021, indicator=ikm_indicator
        )
    count = Indicator.objects.get(node__plan__unit=merged.c, statement="Jumlah dokumen")
    with pytest.raises(services.Refused, match="akumulatif"):
        services.ikm_feed_indicator(
            user=merged.operator_c, unit=merged.c, year=2021, indicator=count
        )
    with pytest.raises(services.NotAllowed):
        services.ikm_feed_indicator(
            user=merged.operator_b, unit=merged.c, year=2021, indicator=ikm_indicator
        )
    other = Indicator.objects.get(node__plan__unit=merged.a, statement="Jumlah keluhan")
    with pytest.raises(services.NotAllowed):  # not an indicator of Dinas C's 2021 plan
        services.ikm_feed_indicator(
            user=merged.operator_c, unit=merged.c, year=2021, indicator=other
        )
    assert not AuditEntry.objects.filter(action="multiyear.ikm_feed").exists()


def test_demo_ikm_feeds_nilai_ikm_with_the_same_value():
    from kinerja.org.models import OrgUnit

    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    indicator = Indicator.objects.get(node__plan__unit=unit, statement="Nilai IKM")
    value = services.ikm_feed_indicator(user=None, unit=unit, year=2020, indicator=indicator)
    assert value == D("3.3")
    assert not AuditEntry.objects.filter(action="multiyear.ikm_feed").exists()  # no change
