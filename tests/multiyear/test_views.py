"""The multi-year pages for each persona, with the forbidden paths (404 like a missing
page): a user of an unrelated unit, of another government, a reading role writing."""

from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from kinerja.audit.models import AuditEntry
from kinerja.multiyear.models import IkmSurvey
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import Indicator, IndicatorRealisation, IndicatorTarget, Plan

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def outsider():
    """An operator of one sub bagian of the demo: reads nothing of the biro's plans."""
    user = get_user_model().objects.create_user("outsider", password="x")
    unit = OrgUnit.objects.get(slug="subbag-tu")
    Membership.objects.create(user=user, government=unit.government, unit=unit, role="operator")
    return _client(user)


@pytest.fixture
def stranger():
    """The admin of another government."""
    gov = Government.objects.create(name="Kota Lain", kind="kota", code="77.77")
    user = get_user_model().objects.create_user("stranger", password="x")
    Membership.objects.create(user=user, government=gov, role="admin")
    return _client(user)


PAGES = [
    "/unit/biro-pemerintahan/2020/tahun-lalu/",
    "/unit/biro-pemkesra/2021/tahun-lalu/",
    "/unit/biro-pemerintahan/2020/jangka-menengah/",
    "/unit/biro-pemkesra/2021/jangka-menengah/",
    "/unit/biro-pemerintahan/2020/ikm/",
]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("persona", ["operator", "kepala", "inspektorat", "admin"])
def test_pages_open_for_every_persona(login, persona, url):
    response = login(persona).get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("url", PAGES + ["/unit/biro-pemkesra/2021/salin/"])
def test_pages_are_missing_for_an_unrelated_unit_and_another_government(outsider, stranger, url):
    assert outsider.get(url).status_code == 404
    assert stranger.get(url).status_code == 404


def test_anonymous_is_sent_to_login(client):
    response = client.get(PAGES[0])
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_comparison_page_shows_tabel_8_2(login):
    html = login("operator").get("/unit/biro-pemerintahan/2020/tahun-lalu/").content.decode()
    for figure in ("82,81", "90,35", "87,50", "77,78", "capaian tercatat"):
        assert figure in html
    assert "▲ naik" in html and "▼ turun" in html
    assert login("operator").get("/unit/biro-pemerintahan/2019/tahun-lalu/").status_code == 404


def test_medium_term_page_shows_tabel_8_3(login):
    html = login("inspektorat").get("/unit/biro-pemerintahan/2020/jangka-menengah/").content
    html = html.decode()
    assert "Renstra Sekretariat Daerah Provinsi Banten 2017-2022" in html
    assert "110,41" in html  # 82,81 ÷ 75 × 100
    assert "Ubah target" not in html  # the inspectorate reads only
    assert (
        "Ubah target"
        in login("operator").get("/unit/biro-pemerintahan/2020/jangka-menengah/").content.decode()
    )


def _keselarasan():
    return Indicator.objects.get(
        sasaran__unit__slug="biro-pemerintahan",
        statement="Persentase Keselarasan Kebijakan di Bidang Pemerintahan",
    )


def test_medium_term_targets_are_saved_by_a_writer_only(login):
    ind = _keselarasan()
    url = "/unit/biro-pemkesra/2020/jangka-menengah/"
    data = {"action": "targets", "sasaran": ind.sasaran_id, "indicator": ind.id, "t2022": "85"}
    assert login("inspektorat").post(url, data).status_code == 404
    assert not IndicatorTarget.objects.filter(indicator=ind, year=2022).exists()
    response = login("operator").post(url, data)
    assert response.status_code == 302
    assert IndicatorTarget.objects.get(indicator=ind, year=2022, source="medium_term").value == 85
    html = login("operator").get(url).content.decode()
    assert "97,42" in html  # tingkat capaian: 82,81 ÷ 85 × 100
    assert AuditEntry.objects.filter(action="multiyear.medium_term_target", year=2022).exists()
    bad = login("operator").post(url, {**data, "t2022": "8,5,0"}, follow=True)
    assert "tahun 2022" in bad.content.decode()
    assert IndicatorTarget.objects.get(indicator=ind, year=2022, source="medium_term").value == 85


def test_copy_page(login):
    url = "/unit/biro-pemkesra/2021/salin/"
    assert login("inspektorat").get(url).status_code == 404
    assert login("inspektorat").post(url, {"action": "copy"}).status_code == 404
    page = login("operator").get(url)
    assert page.status_code == 200 and 'value="2022"' in page.content.decode()
    preview = login("operator").post(url, {"action": "preview", "to_year": "2022"})
    assert "akan disalin ke Biro Pemerintahan dan Kesejahteraan Rakyat 2022" in (
        preview.content.decode()
    )
    assert not Plan.objects.filter(unit__slug="biro-pemkesra", year=2022).exists()
    done = login("operator").post(
        url, {"action": "copy", "to_year": "2022", "nomenclature": "Permendagri 90/2019"}
    )
    assert done.status_code == 302 and done["Location"] == "/unit/biro-pemkesra/2022/"
    assert Plan.objects.filter(unit__slug="biro-pemkesra", year=2022).exists()


def test_copy_into_a_year_that_has_a_plan_says_so(login):
    response = login("operator").post(
        "/unit/biro-pemerintahan/2020/salin/", {"action": "copy", "to_year": "2021"}
    )
    assert response.status_code == 200
    assert "sudah punya rencana tahun 2021; tidak ada yang disalin" in response.content.decode()


def test_ikm_pages(login):
    html = login("kepala").get("/unit/biro-pemerintahan/2020/ikm/").content.decode()
    assert "82,50" in html and "Baik" in html and "PermenPAN-RB 14/2017" in html
    assert login("inspektorat").get("/unit/biro-pemerintahan/2020/ikm/baru/").status_code == 404
    data = {
        "action": "save",
        "service": "Layanan administrasi",
        "guideline": "permenpan_14_2017",
        "mode": "means",
        "respondents": "100",
        **{f"u{n}_mean": "3,6" for n in range(1, 10)},
    }
    url = "/unit/biro-pemkesra/2021/ikm/baru/"
    assert login("inspektorat").post(url, data).status_code == 404
    response = login("operator").post(url, data)
    assert response.status_code == 302
    survey = IkmSurvey.objects.get(unit__slug="biro-pemkesra", year=2021)
    page = login("inspektorat").get(response["Location"]).content.decode()
    assert "Sangat Baik" in page and "90,00" in page
    bad = login("operator").post(url, {**data, "service": "Lain", "u3_mean": "4,5"})
    assert bad.status_code == 200
    assert "U3 (Waktu Penyelesaian): NRR 4,5 di luar skala 1–4" in bad.content.decode()
    assert IkmSurvey.objects.filter(unit__slug="biro-pemkesra").count() == 1
    assert survey.elements.count() == 9


def test_ikm_feeds_the_indicator_from_the_page(login):
    ind = Indicator.objects.get(node__plan__unit__slug="biro-pemerintahan", statement="Nilai IKM")
    IndicatorRealisation.objects.filter(indicator=ind).update(value=D("3.1"))
    url = "/unit/biro-pemerintahan/2020/ikm/"
    assert login("inspektorat").post(url, {"indicator": ind.id}).status_code == 404
    response = login("operator").post(url, {"indicator": ind.id, "scale": "index"}, follow=True)
    assert "diisi 3,3" in response.content.decode()
    assert IndicatorRealisation.objects.get(indicator=ind, year=2020, month=12).value == D("3.3")
    entry = AuditEntry.objects.get(action="multiyear.ikm_feed")
    assert (entry.old_value, entry.new_value, entry.username) == ("3.1000", "3.3000", "operator")


def test_the_unit_year_page_links_here(login):
    html = login("operator").get("/unit/biro-pemkesra/2021/").content.decode()
    assert 'href="/unit/biro-pemkesra/2021/tahun-lalu/"' in html
