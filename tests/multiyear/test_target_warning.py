"""The warning when a year's target asks less than last year's realisation, where it is
shown: the year comparison page (Tabel 8.2) and the plan editor's target field (and its
message after saving). The plan of 2021 is the merged Dinas C's, copied from Dinas A's 2020
(realised: Persentase layanan 92 %, Jumlah dokumen 3, Jumlah keluhan 3, lower is better)."""

from decimal import Decimal as D

import pytest
from django.test import Client

from kinerja.multiyear import services
from kinerja.multiyear.models import CodeMapping
from kinerja.multiyear.selectors import target_warning, year_comparison
from kinerja.plans.models import Indicator, IndicatorTarget, Plan

from .conftest import P90

pytestmark = pytest.mark.django_db

NEW = "Kepmendagri 050-5889/2021"


@pytest.fixture
def year_2021(merged):
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    return Plan.objects.get(unit=merged.c, year=2021)


def _set(plan, statement, value):
    ind = Indicator.objects.get(node__plan=plan, statement=statement)
    IndicatorTarget.objects.update_or_create(
        indicator=ind, source="annual", year=plan.year, defaults={"value": D(value)}
    )
    return ind


@pytest.mark.parametrize(
    ("statement", "target", "warning"),
    [
        ("Jumlah dokumen", "2", "target 2021 (2) lebih rendah dari realisasi 2020 (3)"),
        ("Jumlah dokumen", "3", None),
        ("Jumlah dokumen", "5", None),
        (
            "Persentase layanan tepat waktu",
            "91.5",
            "target 2021 (91,5) lebih rendah dari realisasi 2020 (92)",
        ),
        ("Persentase layanan tepat waktu", "92", None),
        (
            "Jumlah keluhan",
            "4",
            "target 2021 (4) lebih tinggi dari realisasi 2020 (3), padahal makin rendah makin baik",
        ),
        ("Jumlah keluhan", "2", None),
    ],
)
def test_the_warning_of_one_indicator_is_the_comparison_s(
    merged, year_2021, statement, target, warning
):
    ind = _set(year_2021, statement, target)
    assert target_warning(ind) == warning
    row = next(
        i
        for r in year_comparison(merged.c, 2021).rows
        for i in r.indicators
        if i.statement == statement
    )
    assert row.warning == warning


def test_nothing_to_warn_about(merged, year_2021):
    ind = Indicator.objects.get(node__plan=year_2021, statement="Jumlah dokumen")
    assert target_warning(ind) is None  # no target yet
    first_year = Indicator.objects.get(node__plan=merged.plan, statement="Jumlah dokumen")
    assert target_warning(first_year) is None  # no plan for 2019


def test_the_warning_follows_a_code_changed_by_the_mapping_table(merged):
    CodeMapping.objects.create(
        old_version=P90, new_version=NEW, old_code="1.01.01.2.01", new_code="1.01.01.2.02"
    )
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021, nomenclature=NEW)
    plan = Plan.objects.get(unit=merged.c, year=2021)
    ind = _set(plan, "Jumlah dokumen", "1")
    assert ind.node.code == "1.01.01.2.02.0001"
    assert target_warning(ind) == "target 2021 (1) lebih rendah dari realisasi 2020 (3)"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_plan_editor_shows_it_at_the_target_and_after_saving(merged, year_2021):
    ind = _set(year_2021, "Jumlah dokumen", "2")
    url = f"/unit/dinas-c/2021/rencana/indikator/{ind.id}/"
    client = _client(merged.operator_c)
    html = client.get(url).content.decode()
    assert "target 2021 (2) lebih rendah dari realisasi 2020 (3)" in html
    data = {
        "statement": ind.statement,
        "kind": ind.kind,
        "satuan": ind.satuan,
        "polarity": ind.polarity,
        "value_type": ind.value_type,
        "cumulative": "on",
        "qualitative_mode": ind.qualitative_mode,
        "levels": "",
        "baseline": "",
        "target_value": "1",
    }
    saved = client.post(url, data, follow=True)
    assert saved.status_code == 200
    assert "Perhatian: target 2021 (1) lebih rendah dari realisasi 2020 (3)." in (
        saved.content.decode()
    )
    assert IndicatorTarget.objects.get(indicator=ind, source="annual").value == 1
    # raised above last year's: no warning any more
    saved = client.post(url, {**data, "target_value": "4"}, follow=True)
    assert "lebih rendah dari realisasi" not in saved.content.decode()
    assert "lebih rendah dari realisasi" not in client.get(url).content.decode()


def test_the_comparison_page_lists_it(merged, year_2021):
    _set(year_2021, "Jumlah dokumen", "2")
    html = _client(merged.operator_c).get("/unit/dinas-c/2021/tahun-lalu/").content.decode()
    assert "Target di bawah realisasi tahun lalu" in html
    assert "target 2021 (2) lebih rendah dari realisasi 2020 (3)" in html
