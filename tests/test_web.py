"""Pages: login, the list of plans and the unit-year page, for each persona."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

UNIT_2020 = reverse("unit-year", args=["biro-pemerintahan", 2020])


def test_anonymous_is_sent_to_login(client):
    response = client.get(UNIT_2020)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_login_page_is_indonesian(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Masuk ke Kinerja" in response.content.decode()


def test_login_with_demo_password(client):
    from django.test import Client

    from kinerja.demo.loader import DEMO_PASSWORD

    wrong = Client().post(reverse("login"), {"username": "operator", "password": "keliru"})
    assert wrong.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in wrong.content.decode()
    response = client.post(reverse("login"), {"username": "operator", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get(UNIT_2020).status_code == 200


@pytest.mark.parametrize("username", ["admin", "operator", "kepala", "inspektorat"])
def test_every_demo_role_sees_the_unit_year_page(login, username):
    response = login(username).get(UNIT_2020)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Biro Pemerintahan" in html
    assert "1.193.209.000" in html
    assert "71,51%" in html
    assert "82,81" in html and "91,41" in html
    assert "82,81 = rata-rata 8 kegiatan: 100; 100; 50; 87,5; 75; 100; 50; 100" in html
    assert "GUNAWAN RUSMINTO" in html
    assert "19741004 199402 1 002" in html


def test_home_lists_readable_plans(login):
    html = login("operator").get(reverse("home")).content.decode()
    assert reverse("unit-year", args=["biro-pemerintahan", 2020]) in html
    assert reverse("unit-year", args=["biro-pemkesra", 2021]) in html


def test_month_selector_changes_the_position(login):
    html = login("operator").get(UNIT_2020 + "?bulan=6").content.decode()
    assert "32,11%" in html


def test_outsider_gets_not_found_not_forbidden(db, django_user_model, client):
    from kinerja.org.models import Government, Membership, OrgUnit

    other = Government.objects.create(name="Kota Lain", kind="kota", code="99.71")
    unit = OrgUnit.objects.create(
        government=other,
        slug="dinas-lain",
        name="Dinas Lain",
        kind="perangkat_daerah",
        from_year=2020,
    )
    user = django_user_model.objects.create_user("orang-luar", password="x")
    Membership.objects.create(user=user, government=other, unit=unit, role="operator")
    client.force_login(user)
    assert client.get(UNIT_2020).status_code == 404
    missing = client.get(reverse("unit-year", args=["tidak-ada", 2020]))
    assert missing.status_code == 404
    assert "Biro Pemerintahan" not in client.get(reverse("home")).content.decode()


def test_user_without_membership_sees_nothing(client, django_user_model):
    user = django_user_model.objects.create_user("baru", password="x")
    client.force_login(user)
    assert client.get(UNIT_2020).status_code == 404
    assert "Belum ada unit kerja" in client.get(reverse("home")).content.decode()


def test_unknown_year_is_not_found(login):
    assert (
        login("admin").get(reverse("unit-year", args=["biro-pemerintahan", 2031])).status_code
        == 404
    )


def test_indonesian_even_when_the_browser_asks_for_english(login):
    client = login("operator")
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="id"' in response.content.decode()
    assert response.headers["Content-Language"] == "id"


def test_english_is_available(login):
    client = login("operator")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in html
    assert "Plans and achievements of work units" in html
    page = client.get(UNIT_2020).content.decode()
    assert "Output achievement" in page and "71,51%" in page


def test_unit_page_lists_data_findings(login):
    client = login("admin")
    clean = client.get(UNIT_2020).content.decode()
    assert "Pemeriksaan data: tidak ada temuan." in clean
    annual_only = client.get(reverse("unit-year", args=["biro-pemkesra", 2021])).content.decode()
    assert "Pemeriksaan data: 33 temuan" in annual_only
    assert "Data bulanan belum lengkap" in annual_only


def test_operator_of_a_sub_unit_cannot_read_the_bureau(db, client, django_user_model):
    from kinerja.org.models import Membership, OrgUnit

    sub = OrgUnit.objects.get(slug="subbag-kerjasama-daerah")
    user = django_user_model.objects.create_user("pptk")
    Membership.objects.create(user=user, government=sub.government, unit=sub, role="operator")
    client.force_login(user)
    assert client.get(UNIT_2020).status_code == 404


def test_inspectorate_of_another_government_sees_nothing(db, client, django_user_model):
    from kinerja.org.models import Government, Membership

    other = Government.objects.create(name="Provinsi Lain", kind="provinsi", code="99")
    user = django_user_model.objects.create_user("apip-lain")
    Membership.objects.create(user=user, government=other, role="inspectorate")
    client.force_login(user)
    assert client.get(UNIT_2020).status_code == 404


def test_unit_page_draws_the_charts_inline(login):
    html = login("operator").get(UNIT_2020).content.decode()
    assert "<title>Kurva S Realisasi Fisik dan Keuangan Tahun 2020</title>" in html
    assert "<title>Capaian Keluaran per Kegiatan Tahun 2020</title>" in html
    assert "http://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", "")


TEXTS_2020 = reverse("report-texts", args=["biro-pemerintahan", 2020])


def test_operator_edits_report_texts_and_they_reach_the_report(login):
    from kinerja.org.models import OrgUnit
    from kinerja.reports.document import Paragraph
    from kinerja.reports.service import build_document

    client = login("operator")
    page = client.get(TEXTS_2020).content.decode()
    assert "Kata pengantar" in page and "Assalamu" in page
    response = client.post(TEXTS_2020, {"dasar_penyusunan": "UU 23/2014\nPP 18/2016",
                                        "kata_pengantar": "Kata pengantar baru.",
                                        "solusi": ""})
    assert response.status_code == 302
    document = build_document("evaluasi", OrgUnit.objects.get(slug="biro-pemerintahan"), 2020)
    paragraphs = [b.text for b in document.blocks() if isinstance(b, Paragraph)]
    assert "UU 23/2014" in paragraphs and "PP 18/2016" in paragraphs
    assert "Kata pengantar baru." in paragraphs
    # a field posted empty removes its text; a field not posted keeps it
    from kinerja.plans.models import ReportText

    stored = set(ReportText.objects.filter(year=2020).values_list("key", flat=True))
    assert "solusi" not in stored and "latar_belakang" in stored
    assert any(p.startswith("Laporan Evaluasi Kinerja Program") for p in paragraphs)


def test_inspectorate_reads_texts_but_cannot_change_them(login):
    from kinerja.plans.models import ReportText

    client = login("inspektorat")
    page = client.get(TEXTS_2020).content.decode()
    assert "readonly" in page and "Simpan" not in page
    before = list(ReportText.objects.values_list("key", "text"))
    assert client.post(TEXTS_2020, {"kata_pengantar": "diubah"}).status_code == 404
    assert list(ReportText.objects.values_list("key", "text")) == before


def test_report_texts_refuse_unknown_and_too_long():
    import pytest as _pytest

    from kinerja.org.models import OrgUnit
    from kinerja.plans.services import report_texts_save

    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    with _pytest.raises(ValueError, match="tidak dikenal: rahasia"):
        report_texts_save(unit=unit, year=2020, texts={"rahasia": "x"})
    with _pytest.raises(ValueError, match="terlalu panjang"):
        report_texts_save(unit=unit, year=2020, texts={"solusi": "x" * 20_001})


def test_government_dashboard_lists_readable_units_with_their_figures(login):
    html = login("admin").get(reverse("dashboard", args=[2020]) + "?urut=capaian").content.decode()
    assert "Biro Pemerintahan" in html
    assert "2.802.281.000" in html and "65,16%" in html and "91,41" in html
    assert "Sangat Tinggi" in html
    assert reverse("unit-year", args=["biro-pemerintahan", 2020]) in html
    lampiran = login("inspektorat").get(reverse("dashboard", args=[2021])).content.decode()
    assert "85,97%" in lampiran


def test_dashboard_shows_nothing_of_another_government(db, client, django_user_model):
    from kinerja.org.models import Government, Membership

    other = Government.objects.create(name="Provinsi Lain", kind="provinsi", code="93")
    person = django_user_model.objects.create_user("admin-lain")
    Membership.objects.create(user=person, government=other, role="admin")
    client.force_login(person)
    html = client.get(reverse("dashboard", args=[2020])).content.decode()
    assert "Biro Pemerintahan" not in html and "Tidak ada rencana" in html


def test_dashboard_queries_do_not_grow_with_units(db, client, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinerja.org.models import Membership

    from .helpers import make_plan

    counts = []
    for code, programs in (("92.01", 1), ("92.02", 4)):
        plan = make_plan(code, programs, 2, 3)
        person = django_user_model.objects.create_user(f"adm-{code}")
        Membership.objects.create(user=person, government=plan.unit.government, role="admin")
        client.force_login(person)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("dashboard", args=[2022])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
