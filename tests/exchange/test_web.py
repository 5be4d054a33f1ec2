"""The import and export pages for every persona, the forbidden paths included, and the
upload → preview → apply flow with the file kept on the server under a token."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.audit.models import AuditEntry
from kinerja.exchange import uploads, views
from kinerja.exchange.reading import Limits
from kinerja.plans.models import Plan, PlanNode

from .common import seed_lampiran_xlsx

pytestmark = pytest.mark.django_db


def home(year=2021, slug="biro-pemkesra"):
    return reverse("exchange-home", args=[slug, year])


def test_writer_sees_exports_templates_and_the_upload_form(login):
    page = login("operator").get(home()).content.decode()
    assert 'id="exports"' in page and 'id="import-form"' in page and 'id="templates"' in page
    assert reverse("exchange-export", args=["biro-pemkesra", 2021, "achievements", "xlsx"]) in page


def test_unit_page_links_here(login):
    page = login("inspektorat").get(reverse("unit-year", args=["biro-pemkesra", 2021]))
    assert home() in page.content.decode()


@pytest.mark.parametrize("who", ["inspektorat", "kepala"])
def test_reader_and_head_see_exports_only(login, who):
    client = login(who)
    page = client.get(home()).content.decode()
    assert 'id="exports"' in page and 'id="import-form"' not in page and 'id="read-only"' in page
    response = upload(client, b"Kode,Uraian\n4.01.01,X\n", "r.csv", "plan")
    assert response.status_code == 404


def test_year_without_plan_offers_the_import(login):
    page = login("operator").get(home(2030)).content.decode()
    assert 'id="no-plan"' in page and 'id="import-form"' in page
    response = login("operator").get(
        reverse("exchange-go", args=["biro-pemkesra"]), {"tahun": 2030}
    )
    assert response.status_code == 302 and response.url == home(2030)


def test_forbidden_and_anonymous(login, client, outsider):
    from django.test import Client

    stranger = Client()
    stranger.force_login(outsider)
    for url in (
        home(),
        reverse("exchange-export", args=["biro-pemkesra", 2021, "plan", "json"]),
        reverse("exchange-go", args=["biro-pemkesra"]) + "?tahun=2022",
    ):
        assert stranger.get(url).status_code == 404
        assert client.get(url).status_code == 302  # to the login page
    data = {"jenis": "plan", "berkas": io.BytesIO(b"Kode,Uraian\n4.01.01,X\n")}
    data["berkas"].name = "r.csv"
    assert (
        stranger.post(reverse("exchange-import", args=["biro-pemkesra", 2021]), data).status_code
        == 404
    )
    data["berkas"].seek(0)
    reader = login("inspektorat")
    assert (
        reader.post(reverse("exchange-import", args=["biro-pemkesra", 2021]), data).status_code
        == 404
    )


def test_export_download(login):
    response = login("kepala").get(
        reverse("exchange-export", args=["biro-pemkesra", 2021, "indicators", "xlsx"])
    )
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="indikator-biro-pemkesra-2021.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Indikator dan target"
    unknown = reverse("exchange-export", args=["biro-pemkesra", 2021, "rahasia", "xlsx"])
    assert login("kepala").get(unknown).status_code == 404
    missing = reverse("exchange-export", args=["biro-pemkesra", 2030, "plan", "json"])
    assert login("kepala").get(missing).status_code == 404


@pytest.mark.parametrize("kind", ["plan", "indicators", "monthly-plan", "monthly-realisation"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_templates_blank_and_with_example(login, kind, fmt):
    client = login("inspektorat")
    blank = client.get(reverse("exchange-template", args=[kind, fmt]))
    example = client.get(reverse("exchange-template", args=[kind, fmt]) + "?contoh=1")
    assert blank.status_code == example.status_code == 200
    assert (
        "-templat." in blank["Content-Disposition"] and "-contoh." in example["Content-Disposition"]
    )
    if fmt == "json":
        assert json.loads(blank.content)["rows"] == []
        assert json.loads(example.content)["rows"]
    assert len(example.content) > len(blank.content)


def test_examples_import_into_an_empty_year(login, unit, user):
    from kinerja.exchange.imports import apply_import
    from kinerja.exchange.templates_files import template_file

    pemkesra = unit("biro-pemkesra")
    for kind in ("plan", "indicators", "monthly-plan", "monthly-realisation"):
        example = template_file(kind, "xlsx", example=True)
        result = apply_import(
            user=user("operator"),
            unit=pemkesra,
            year=2026,
            kind=kind,
            filename=example.filename,
            data=example.content,
        )
        assert result.applied and not result.warnings, (kind, [str(f) for f in result.findings])
    lampiran = template_file("lampiran1", "xlsx", example=True)
    result = apply_import(
        user=user("operator"),
        unit=pemkesra,
        year=2027,
        kind="lampiran1",
        filename=lampiran.filename,
        data=lampiran.content,
    )
    assert result.applied and not result.warnings
    from kinerja.plans.selectors import compute_plan

    for year in (2026, 2027):
        root = compute_plan(Plan.objects.get(unit=pemkesra, year=year)).root
        assert str(root.pagu.value) == "20160770750.00"
        assert str(root.realisasi.value) == "17332301064.00"


def upload(client, content, name, kind, year=2021):
    data = {"jenis": kind, "berkas": io.BytesIO(content)}
    data["berkas"].name = name
    return client.post(reverse("exchange-import", args=["biro-pemkesra", year]), data)


def test_upload_preview_then_apply(login, unit, settings):
    operator = login("operator")
    content = seed_lampiran_xlsx()
    response = upload(operator, content, "lampiran.xlsx", "lampiran1", 2022)
    page = response.content.decode()
    assert response.status_code == 200 and 'id="apply-form"' in page
    assert "4.01.01.1.01.07" in page and not Plan.objects.filter(year=2022).exists()
    action = re.search(r'action="([^"]+)" id="apply-form"', page).group(1)
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)
    stored = list((settings.EXCHANGE_UPLOAD_DIR).glob("*.bin"))
    assert len(stored) == 1 and stored[0].read_bytes() == content
    # the token is bound to the user who uploaded
    assert login("admin").post(action, {"digest": digest}).status_code == 404
    response = operator.post(action, {"digest": digest})
    assert 'id="applied"' in response.content.decode()
    plan = Plan.objects.get(unit=unit("biro-pemkesra"), year=2022)
    assert PlanNode.objects.filter(plan=plan).count() == 47
    assert AuditEntry.objects.filter(unit=plan.unit, year=2022, action="import.apply").count() == 1
    assert not list(settings.EXCHANGE_UPLOAD_DIR.glob("*.bin"))  # removed once applied
    assert operator.post(action, {"digest": digest}).status_code == 404


def test_upload_with_errors_offers_no_apply(login, settings):
    response = upload(
        login("operator"), b"Kode;Uraian;Pagu DPA\n4.01.01;X;1,2,3\n", "r.csv", "plan"
    )
    page = response.content.decode()
    assert 'id="refused"' in page and 'id="apply-form"' not in page
    assert "baris 2" in page and "C (Pagu DPA)" in page and "1,2,3" in page
    assert not list(settings.EXCHANGE_UPLOAD_DIR.glob("*.bin"))


def test_upload_refusals(login, monkeypatch):
    operator = login("operator")
    page = operator.post(reverse("exchange-import", args=["biro-pemkesra", 2021]), {}).content
    assert "Pilih jenis data" in page.decode()
    monkeypatch.setattr(views, "DEFAULT_LIMITS", Limits(max_bytes=10))
    page = upload(operator, b"Kode,Uraian\n4.01.01,Program\n", "r.csv", "plan").content.decode()
    assert "berkas terlalu besar" in page and 'id="apply-form"' not in page


def test_stored_uploads_expire(unit, user, monkeypatch):
    pemkesra, operator = unit("biro-pemkesra"), user("operator")
    token = uploads.store(
        user=operator, unit=pemkesra, year=2021, kind="plan", filename="r.csv", data=b"x"
    )
    assert uploads.load(token, user=operator, unit=pemkesra, year=2021).data == b"x"
    assert uploads.load(token, user=operator, unit=pemkesra, year=2022) is None
    assert uploads.load("../../etc/passwd", user=operator, unit=pemkesra, year=2021) is None
    later = uploads.time.time() + uploads.MAX_AGE + 1
    monkeypatch.setattr(uploads.time, "time", lambda: later)
    assert uploads.load(token, user=operator, unit=pemkesra, year=2021) is None
    assert uploads.purge() == 1
