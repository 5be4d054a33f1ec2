"""The government dashboard: filter by urusan/bidang beside the year switch and the sort,
the forbidden path, and a fixed number of queries whatever the number of units."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .builders import YEAR, admin_of, make_government

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard", args=[YEAR])


def _units(html: str) -> list[str]:
    return re.findall(r'<a href="/unit/[^"]+">(Dinas \d+)</a>', html)


@pytest.fixture
def kabupaten(django_user_model):
    gov = make_government("91.01", ["1.01", "1.02", "1.01", None, "5.01"])
    client = Client()
    client.force_login(admin_of(gov, django_user_model, "adm-91"))
    return client


def test_filter_by_urusan_lists_only_its_units(kabupaten):
    everything = kabupaten.get(DASHBOARD).content.decode()
    assert _units(everything) == ["Dinas 01", "Dinas 02", "Dinas 03", "Dinas 04", "Dinas 05"]
    select = everything.split('<select id="urusan"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options == [
        ("", "Semua urusan"),
        ("1.01", "1.01 Bidang 1.01"),
        ("1.02", "1.02 Bidang 1.02"),
        ("5.01", "5.01 Bidang 5.01"),
        ("-", "Tanpa urusan"),
    ]
    assert _units(kabupaten.get(DASHBOARD + "?urusan=1.01").content.decode()) == [
        "Dinas 01",
        "Dinas 03",
    ]
    assert _units(kabupaten.get(DASHBOARD + "?urusan=-").content.decode()) == ["Dinas 04"]
    unknown = kabupaten.get(DASHBOARD + "?urusan=9.99").content.decode()
    assert _units(unknown) == [] and "Tidak ada rencana urusan 9.99" in unknown


def test_filter_keeps_the_sort_and_the_year_switch_keeps_the_filter(kabupaten):
    html = kabupaten.get(DASHBOARD + "?urusan=1.01&urut=serapan").content.decode()
    # realisation grows with the unit number: Dinas 03 absorbs more than Dinas 01
    assert _units(html) == ["Dinas 03", "Dinas 01"]
    assert f'href="{DASHBOARD}?urusan=1.01"' in html  # the year switch
    assert 'href="?urusan=1.01&amp;urut=capaian"' in html  # the sort links
    assert '<option value="1.01" selected>' in html


def test_demo_units_belong_to_the_sekretariat_daerah(login):
    html = login("admin").get(reverse("dashboard", args=[2020]) + "?urusan=4.01").content.decode()
    assert "Biro Pemerintahan" in html and "4.01 Sekretariat Daerah" in html
    assert "2.802.281.000" in html


def test_another_governments_admin_sees_neither_its_units_nor_its_urusan(
    kabupaten, django_user_model
):
    other = make_government("91.02", ["2.15"])
    client = Client()
    client.force_login(admin_of(other, django_user_model, "adm-92"))
    html = client.get(DASHBOARD + "?urusan=1.01").content.decode()
    assert _units(html) == [] and "1.02 Bidang" not in html
    assert "2.15 Bidang 2.15" in client.get(DASHBOARD).content.decode()


@pytest.mark.parametrize("query", ["", "?urusan=1.01&urut=capaian"])
def test_dashboard_queries_do_not_grow_with_units(db, django_user_model, query):
    counts = []
    for code, n in (("93.01", 2), ("93.02", 10)):
        gov = make_government(code, ["1.01", None] * (n // 2), leaves=2 if n == 2 else 6)
        client = Client()
        client.force_login(admin_of(gov, django_user_model, f"adm-{code}"))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(DASHBOARD + query)
        assert response.status_code == 200
        assert len(_units(response.content.decode())) == (n if not query else n // 2)
        counts.append(len(queries))
    assert counts[0] == counts[1]
