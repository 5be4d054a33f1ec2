"""Tabel 8.2 and 8.3 from the stored years, on the demo agency."""

from decimal import Decimal as D

import pytest

from kinerja.core.numbers import percent
from kinerja.demo import seed_data as data
from kinerja.multiyear.models import CodeMapping
from kinerja.multiyear.selectors import (
    ikm_indicators,
    ikm_surveys,
    lineage,
    medium_term_progress,
    plan_of_lineage,
    unit_in_year,
    year_comparison,
)
from kinerja.org.models import OrgUnit

pytestmark = pytest.mark.django_db

LOCAL = "Permendagri 13/2006 (kode lokal demo)"
P90 = "Permendagri 90/2019"


def unit(slug):
    return OrgUnit.objects.select_related("government", "predecessor").get(slug=slug)


def test_lineage_and_units_over_the_years():
    pemkesra, pemerintahan = unit("biro-pemkesra"), unit("biro-pemerintahan")
    assert [u.slug for u in lineage(pemkesra)] == ["biro-pemkesra", "biro-pemerintahan"]
    assert unit_in_year(pemerintahan, 2021) == (pemkesra, "")
    assert unit_in_year(pemerintahan, 2020) == (pemerintahan, "")
    gone, reason = unit_in_year(unit("subbag-tu"), 2021)
    assert gone is None and "tidak ada pada tahun 2021" in reason
    assert plan_of_lineage(pemkesra, 2020).unit == pemerintahan
    assert plan_of_lineage(pemkesra, 2021).unit == pemkesra
    assert plan_of_lineage(pemkesra, 2019) is None


# Tabel 8.2 of the seed: REALISASI 2020 against REALISASI 2019, per program and kegiatan
TABEL_8_2 = {
    "01": (D(100), "80", "naik"),
    "01.01": (D(100), "80", "naik"),
    "02": (D("82.8125"), "90.35", "turun"),
    "02.01": (D(100), "75", "naik"),
    "02.02": (D(100), "77.78", "naik"),
    "02.03": (D(50), "100", "turun"),
    "02.04": (D("87.5"), "100", "turun"),
    "02.05": (D(75), "80", "turun"),
    "02.06": (D(100), "100", "tetap"),
    "02.07": (D(50), "90", "turun"),
    "02.08": (D(100), "100", "tetap"),
}


@pytest.mark.parametrize(("code", "expected"), TABEL_8_2.items())
def test_tabel_8_2_of_2020_against_the_recorded_2019(code, expected):
    now, before, direction = expected
    comparison = year_comparison(unit("biro-pemerintahan"), 2020)
    assert comparison.source == "past"
    assert comparison.previous_unit.slug == "biro-pemerintahan"
    row = comparison.find(code)
    assert row.achievement == now
    assert row.previous_achievement == D(before)
    assert row.matched_by == "capaian tercatat"
    assert row.trend.direction == direction
    assert row.trend.assessment == {"naik": "membaik", "turun": "memburuk"}.get(direction, "tetap")


def test_every_recorded_2019_result_is_used():
    comparison = year_comparison(unit("biro-pemerintahan"), 2020)
    recorded = {p["node"] for p in data.PREVIOUS_YEAR}
    assert {r.code for r in comparison.rows if r.matched_by == "capaian tercatat"} == recorded
    assert [r.code for r in comparison.programs] == ["01", "02"]
    # leaves have no 2019 figure; their indicators have no counterpart either
    leaf = comparison.find("02.01.01")
    assert leaf.previous_achievement is None and not leaf.trend.comparable
    assert leaf.indicators[0].matched_by == ""
    assert comparison.warnings == ()


def test_2021_of_the_merged_unit_compares_with_its_predecessors_2020():
    comparison = year_comparison(unit("biro-pemkesra"), 2021)
    assert comparison.source == "plan"
    assert comparison.previous_unit.slug == "biro-pemerintahan"
    assert comparison.previous_nomenclature == LOCAL
    assert comparison.nomenclature == P90
    # the report maps no 2020 code to a 2021 code and no name is the same
    assert comparison.mapping_rows == 0
    assert all(r.matched_by == "" for r in comparison.rows)
    assert len(comparison.rows) == 3 + 11 + 33


def test_a_mapping_table_pairs_the_two_nomenclatures():
    for old, new in [("02", "4.01.03"), ("02.01", "4.01.03.1.03"), ("02.01.01", "4.01.03.1.03.01")]:
        CodeMapping.objects.create(old_version=LOCAL, new_version=P90, old_code=old, new_code=new)
    comparison = year_comparison(unit("biro-pemkesra"), 2021)
    assert comparison.mapping_rows == 3
    program = comparison.find("4.01.03")
    assert (program.previous_code, program.matched_by) == ("02", "kode dipetakan")
    assert program.previous_achievement == D("82.8125")
    kegiatan = comparison.find("4.01.03.1.03")
    assert kegiatan.previous_name == "Penyelenggaraan Kerjasama Daerah"
    assert kegiatan.previous_achievement == D(100)
    leaf = comparison.find("4.01.03.1.03.01")
    ind = leaf.indicators[0]
    # one indicator on each side with the same satuan (Dokumen): paired although the
    # statements differ, and the 2021 target of 1 is below the 7 documents of 2020
    assert leaf.previous_code == "02.01.01"
    assert ind.matched_by == "satu-satunya"
    assert (ind.realisation, ind.previous_realisation) == (D(1), D(7))
    assert (ind.value_trend.direction, ind.value_trend.assessment) == ("turun", "memburuk")
    assert ind.warning == "target 2021 (1) lebih rendah dari realisasi 2020 (7)"
    assert comparison.warnings == (
        "4.01.03.1.03.01 Fasilitasi Kerjasama Pemerintah — Fasilitasi Kerjasama Pemerintah:"
        " target 2021 (1) lebih rendah dari realisasi 2020 (7)",
    )


def test_medium_term_progress_2020_reproduces_tabel_8_3():
    view = medium_term_progress(unit("biro-pemerintahan"), 2020)
    assert [s.code for s in view.sasaran] == ["SS-01", "SS-02"]
    ikm, keselarasan = view.sasaran
    assert ikm.document == "Renstra Sekretariat Daerah Provinsi Banten 2017-2022"
    assert ikm.programs == ("Tata Kelola Pemerintahan",)
    assert keselarasan.programs == ("Perumusan Kebijakan Pemerintahan",)
    nilai = ikm.indicators[0].progress
    assert nilai.year_target.value == D("3.3") and nilai.year_realisation == D("3.3")
    assert nilai.year_achievement.raw == 100
    p = keselarasan.indicators[0].progress
    assert p.year_target.value == 75 and p.year_realisation == D("82.81")
    assert p.year_achievement.raw == percent(D("82.81"), 75)  # 110,41
    assert p.year_achievement.is_capped
    # the report gives no target for 2022: the end target and tingkat capaian stay undefined
    assert p.end.rule == "none" and "(2022) belum diisi" in p.end.explanation
    assert p.to_date.value == D("82.81")
    assert p.to_date_achievement.reason == "target belum diisi"
    assert [d.title for d in view.documents] == [
        "RPJMD Provinsi Banten 2017-2022",
        "Renstra Sekretariat Daerah Provinsi Banten 2017-2022",
    ]


def test_the_successor_sees_its_predecessors_sasaran():
    view = medium_term_progress(unit("biro-pemkesra"), 2021)
    assert [s.code for s in view.sasaran] == ["SS-01", "SS-02"]
    # no 2021 program is linked yet: the stored program names are shown
    assert view.sasaran[0].programs == ("Tata Kelola Pemerintahan",)
    p = view.sasaran[1].indicators[0].progress
    assert p.year_achievement.reason == "target belum diisi"
    assert p.to_date.value == D("82.81") and p.to_date.missing == (2021,)


def test_outside_the_period_nothing_is_listed():
    assert medium_term_progress(unit("biro-pemkesra"), 2023).sasaran == ()


def test_demo_ikm_of_2020():
    rows = ikm_surveys(unit("biro-pemerintahan"), 2020)
    assert len(rows) == 1
    result = rows[0].result
    assert result.index == D("3.3") and result.converted == D("82.5")
    assert (result.grade.mutu, result.grade.label) == ("B", "Baik")
    statements = [
        (i.statement, i.node_id is not None)
        for i in ikm_indicators(unit("biro-pemerintahan"), 2020)
    ]
    assert ("Nilai IKM", True) in statements and ("Nilai IKM", False) in statements


def _queries(func):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_selectors_read_in_a_fixed_number_of_queries(merged):
    from kinerja.multiyear import services
    from kinerja.plans.models import Indicator, IndicatorTarget, Plan, PlanNode

    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    c = OrgUnit.objects.select_related("government", "predecessor").get(pk=merged.c.pk)
    doc = services.medium_term_plan_save(
        user=None, unit=c, kind="renstra", title="Renstra", period_start=2021, period_end=2025
    )
    sasaran = services.sasaran_save(user=None, document=doc, unit=c, statement="Sasaran 1")

    def indicator(n):
        ind = services.sasaran_indicator_save(
            user=None, sasaran=sasaran, unit=c, statement=f"Indikator {n}"
        )
        services.medium_term_targets_save(
            user=None, indicator=ind, unit=c, targets={y: str(n) for y in range(2021, 2026)}
        )

    indicator(0)
    small = _queries(lambda: year_comparison(c, 2021))
    small_mt = _queries(lambda: medium_term_progress(c, 2021))
    # ten more kegiatan with a sub kegiatan and an indicator each, in both years
    for plan in Plan.objects.filter(pk__in=[merged.plan.pk, c.plans.get(year=2021).pk]):
        program = PlanNode.objects.get(plan=plan, code="1.01.01")
        for k in range(3, 13):
            keg = PlanNode.objects.create(
                plan=plan,
                parent=program,
                code=f"1.01.01.2.{k:02d}",
                level="kegiatan",
                name=f"Kegiatan {k}",
            )
            leaf = PlanNode.objects.create(
                plan=plan,
                parent=keg,
                code=f"{keg.code}.0001",
                level="sub_kegiatan",
                name=f"Sub {k}",
                pagu_dpa=D(1000),
            )
            ind = Indicator.objects.create(node=leaf, statement=f"Jumlah {k}", satuan="Dokumen")
            IndicatorTarget.objects.create(indicator=ind, year=plan.year, value=D(k))
    for n in range(1, 6):
        indicator(n)
    assert len(medium_term_progress(c, 2021).sasaran[0].indicators) == 6
    assert _queries(lambda: year_comparison(c, 2021)) == small
    assert _queries(lambda: medium_term_progress(c, 2021)) == small_mt
