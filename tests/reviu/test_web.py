"""The reviu page: login required; any logged-in user (with or without a role on a unit)
uploads a report and sees the findings grouped by kind with counts, downloadable as XLSX
and JSON; a file that cannot be read is refused with the reason."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .conftest import SEED

pytestmark = pytest.mark.django_db
PAGE = reverse("reviu")


def upload(client, name, data, **extra):
    return client.post(PAGE, {"berkas": SimpleUploadedFile(name, data), **extra})


def test_anonymous_is_sent_to_login(client):
    for url in (PAGE, reverse("reviu-download", args=["xlsx"])):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.post(PAGE, {}).status_code == 302


def test_the_header_links_to_the_reviu_for_every_user(login):
    html = login("inspektorat").get(reverse("home")).content.decode()
    assert f'href="{PAGE}"' in html and "Reviu laporan" in html


@pytest.fixture
def outsider(client, django_user_model):
    user = django_user_model.objects.create_user("auditor-baru", password="x")
    client.force_login(user)
    return client


def test_a_user_without_any_role_reviews_the_seed(outsider):
    assert outsider.get(PAGE).status_code == 200
    response = upload(outsider, SEED.name, SEED.read_bytes())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Persentase tidak sama dengan realisasi ÷ rencana × 100" in html
    assert "Penyusunan Perumusan Kebijakan Tekni Kecamatan dan Kelurahan" in html
    assert "48,92" in html and "224,88" in html
    assert "Jumlah dalam uraian tidak sama dengan rinciannya" in html
    assert "Rabu, 19 Februari 2021" in html
    assert 'href="#year_label"' in html and "2021" in html


def test_downloads_hold_every_finding(outsider):
    upload(outsider, SEED.name, SEED.read_bytes())
    response = outsider.get(reverse("reviu-download", args=["json"]))
    assert response["Content-Disposition"] == (
        'attachment; filename="reviu-000_fbef7e088ec34a1a.json"')
    data = json.loads(response.content)
    assert data["year"] == 2021 and data["summary"]["findings"] == len(data["findings"])
    kinds = {group["kind"]: group["count"] for group in data["summary"]["by_kind"]}
    assert kinds["percent_mismatch"] == 2 and kinds["narrative_total"] == 1

    import openpyxl

    response = outsider.get(reverse("reviu-download", args=["xlsx"]))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Ringkasan", "Temuan"]
    rows = list(workbook["Temuan"].iter_rows(values_only=True))
    assert len(rows) == len(data["findings"]) + 1
    assert any(row[2] == "Tabel 3.1" and row[5] == "48,92" and row[6] == "224,88" for row in rows)


def test_download_without_a_reviu_or_in_an_unknown_format_is_not_found(outsider):
    assert outsider.get(reverse("reviu-download", args=["xlsx"])).status_code == 404
    upload(outsider, SEED.name, SEED.read_bytes())
    assert outsider.get(reverse("reviu-download", args=["csv"])).status_code == 404


def test_an_unreadable_file_is_refused_with_the_reason(outsider):
    response = upload(outsider, "gambar.png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    html = response.content.decode()
    assert response.status_code == 200 and "bukan dokumen yang dikenali" in html


def test_too_large_a_file_is_refused_before_reading(outsider, monkeypatch):
    from kinerja.reviu import forms

    monkeypatch.setattr(forms, "MAX_BYTES", 10)
    response = upload(outsider, "laporan.txt", b"x" * 11)
    assert "batasnya" in response.content.decode()


def test_the_year_can_be_given(outsider):
    response = upload(outsider, SEED.name, SEED.read_bytes(), tahun="2020")
    html = response.content.decode()
    assert "ditentukan pengguna" in html


def test_a_clean_report_says_so(outsider):
    text = "LAPORAN TAHUN 2021\n\nTabel 1\nNO\tURAIAN\tRENCANA\tREALISASI\t%\n" \
           "1\tKegiatan Uji Coba\t1.000.000\t500.000\t50,00\n"
    html = upload(outsider, "bersih.txt", text.encode()).content.decode()
    assert "Tidak ada ketidakkonsistenan yang ditemukan." in html
