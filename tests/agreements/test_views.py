"""The Perjanjian Kinerja pages for every persona, the forbidden paths (404 like a missing
unit), and creating, revising and linking through the forms."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.agreements.models import AgreementRow, AgreementVersion, PerformanceAgreement
from kinerja.audit.models import AuditEntry
from kinerja.plans.models import PlanNode

pytestmark = pytest.mark.django_db

BIRO = ("biro-pemerintahan", 2020)


def url(name, slug="biro-pemerintahan", year=2020, *extra):
    return reverse(name, args=[slug, year, *extra])


READ_PAGES = [
    url("agreements-list"),
    url("agreement-detail"),
    url("agreement-detail", "subbag-rupabumi"),
    url("agreements-tree"),
    url("agreements-tree-download", "biro-pemerintahan", 2020, "svg"),
    url("agreements-tree-download", "biro-pemerintahan", 2020, "png"),
    url("agreements-checks"),
]
EDIT_PAGES = [
    url("agreement-revise", "subbag-rupabumi"),
    url("agreement-links", "bagian-kewilayahan"),
    url("agreement-create", "biro-pemkesra", 2021),
]


@pytest.mark.parametrize("username", ["admin", "operator", "kepala", "inspektorat"])
def test_every_persona_reads_every_page(login, username):
    client = login(username)
    for page in READ_PAGES:
        assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("username", ["admin", "operator"])
def test_admin_and_operator_open_the_forms(login, username):
    client = login(username)
    for page in EDIT_PAGES:
        assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("username", ["kepala", "inspektorat"])
def test_head_and_inspectorate_cannot_change_anything(login, username):
    client = login(username)
    for page in EDIT_PAGES:
        assert client.get(page).status_code == 404, page
        assert client.post(page, {"title": "x", "rows": "0", "budget": "0"}).status_code == 404
    assert AgreementVersion.objects.filter(number__gt=1).count() == 0
    detail = client.get(url("agreement-detail", "subbag-rupabumi")).content.decode()
    assert "Buat PK perubahan" not in detail


@pytest.mark.parametrize("who", ["outsider", "nobody"])
def test_strangers_get_not_found_everywhere(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for page in READ_PAGES + EDIT_PAGES:
        response = client.get(page)
        assert response.status_code == 404, page
        assert "Rupabumi" not in response.content.decode()
    assert client.post(EDIT_PAGES[0], {}).status_code == 404
    assert client.get(url("agreements-list", "tidak-ada")).status_code == 404


def test_a_sub_bagian_operator_sees_only_its_own(client, subbag_operator):
    client.force_login(subbag_operator)
    assert client.get(url("agreement-detail", "subbag-batas")).status_code == 200
    assert client.get(url("agreement-revise", "subbag-batas")).status_code == 200
    for page in (
        url("agreement-detail", "subbag-rupabumi"),
        url("agreements-list"),
        url("agreement-revise", "bagian-kewilayahan"),
    ):
        assert client.get(page).status_code == 404, page
    # the superior's indicators it supports are not shown to it
    html = client.get(url("agreement-detail", "subbag-batas")).content.decode()
    assert "Persentase realisasi kebijakan administrasi kewilayahan" not in html
    assert "indikator unit yang tidak dapat Anda baca" in html


def test_anonymous_is_sent_to_login(client):
    response = client.get(READ_PAGES[0])
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_unit_page_links_to_the_agreements(login):
    html = login("kepala").get(reverse("unit-year", args=BIRO)).content.decode()
    assert url("agreements-list") in html


def test_list_shows_every_official_of_the_year(login):
    html = login("inspektorat").get(url("agreements-list")).content.decode()
    assert html.count(reverse("agreement-detail", args=["subbag-rupabumi", 2020])) == 1
    assert "GUNAWAN RUSMINTO, AP, M.Si" in html
    assert "2.802.281.000" in html  # the Kepala Biro's anggaran (Tabel 2.1)
    assert html.index("Bagian Kerjasama") < html.index("Sub Bagian Tata Usaha Biro")
    empty = login("operator").get(url("agreements-list", "biro-pemkesra", 2021)).content.decode()
    assert "Belum ada perjanjian kinerja" in empty
    assert url("agreement-create", "biro-pemkesra", 2021) in empty


def test_detail_shows_the_plan_beside_the_agreement(login):
    html = login("kepala").get(url("agreement-detail")).content.decode()
    assert "Perjanjian Kinerja Eselon II" in html
    assert "19741004 199402 1 002" in html
    assert "Rp2.802.281.000" in html
    # Rupabumi: 2 in the Kepala Biro's annex, 4 in the plan, marked
    assert '<strong class="error" title="berbeda dengan PK">4 Dokumen</strong>' in html
    assert "Persentase realisasi kebijakan kerjasama pemerintahan" in html  # supported by


def test_tree_page_and_downloads(login):
    client = login("inspektorat")
    html = client.get(url("agreements-tree")).content.decode()
    assert "<svg" in html and "Tersusunnya administrasi Rupabumi" in html
    assert "1 indikator tanpa induk" in html
    svg = client.get(url("agreements-tree-download", *BIRO, "svg"))
    assert svg["Content-Type"] == "image/svg+xml"
    assert 'filename="pohon-kinerja-biro-pemerintahan-2020.svg"' in svg["Content-Disposition"]
    assert b"Tersusunnya administrasi Rupabumi" in svg.content
    png = client.get(url("agreements-tree-download", *BIRO, "png"))
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(url("agreements-tree-download", *BIRO, "pdf")).status_code == 404


def test_checks_page_lists_the_findings(login):
    html = login("kepala").get(url("agreements-checks")).content.decode()
    assert "3 galat, 7 peringatan" in html
    assert "02.03.01 Administrasi Rupabumi" in html
    assert "pk_no_parent" in html


def _revise_post(client, slug, changes):
    """Post the revise form as it comes, with ``changes`` applied."""
    response = client.get(url("agreement-revise", slug))
    form = response.context["form"]
    data = dict(form.header)
    data.update(rows=str(len(form.rows)), budget=str(len(form.budget)))
    for i, row in enumerate(form.rows):
        data.update({f"r-{i}-{k}": v for k, v in row.items()})
    for i, b in enumerate(form.budget):
        data.update({f"b-{i}-{k}": v for k, v in b.items()})
    data.update(changes)
    return client.post(url("agreement-revise", slug), data)


def test_revise_through_the_form(login):
    client = login("operator")
    response = _revise_post(
        client,
        "subbag-rupabumi",
        {
            "signed_on": "2020-09-15",
            "reason": "Refocusing Covid-19",
            "r-0-target": "2",
            "r-1-hapus": "1",
            "b-0-amount": "131.400.000",
        },
    )
    assert response.status_code == 302
    agreement = PerformanceAgreement.objects.get(unit__slug="subbag-rupabumi")
    assert agreement.version == 2 and agreement.rows.count() == 1
    html = client.get(url("agreement-detail", "subbag-rupabumi")).content.decode()
    assert "PK perubahan ke-1" in html and "Refocusing Covid-19" in html
    assert "15 September 2020" in html
    old = client.get(url("agreement-detail", "subbag-rupabumi") + "?tanggal=2020-09-14")
    assert old.context["doc"].version == 1
    assert [x.target for x in old.context["doc"].lines] == [4, 2]
    assert client.get(url("agreement-detail", "subbag-rupabumi") + "?versi=9").status_code == 404


def test_revise_refuses_an_unreadable_number_and_keeps_what_was_typed(login):
    client = login("operator")
    response = _revise_post(
        client,
        "subbag-rupabumi",
        {
            "signed_on": "2020-09-15",
            "reason": "DPA perubahan",
            "r-0-target": "2,5,1",
            "b-0-amount": "Rp 1.000.000.000,123",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[0].startswith("Indikator baris 1, kolom target: '2,5,1'")
    assert errors[1].startswith("Anggaran baris 1, kolom anggaran:")
    assert response.context["form"].rows[0]["target"] == "2,5,1"
    assert PerformanceAgreement.objects.get(unit__slug="subbag-rupabumi").version == 1


def test_revise_without_reason_says_so(login):
    response = _revise_post(login("admin"), "subbag-rupabumi", {"signed_on": "2020-09-15"})
    assert "Alasan perubahan: wajib diisi" in response.content.decode()


def test_more_blank_rows_without_saving(login):
    client = login("operator")
    before = len(client.get(url("agreement-revise", "subbag-rupabumi")).context["form"].rows)
    response = _revise_post(client, "subbag-rupabumi", {"tambah": "1", "r-0-target": "x1"})
    assert len(response.context["form"].rows) == before + 3
    assert response.context["form"].errors == []
    assert PerformanceAgreement.objects.get(unit__slug="subbag-rupabumi").version == 1


def test_create_through_the_form_with_indonesian_numbers(login):
    client = login("operator")
    form = client.get(url("agreement-create", "biro-pemkesra", 2021)).context["form"]
    assert form.header["official_name"] == "GUNAWAN RUSMINTO, AP, M.Si"
    leaf = PlanNode.objects.filter(plan__year=2021, level="sub_kegiatan").order_by("code")[0]
    data = dict(form.header)
    data.update(
        {
            "rows": "2",
            "budget": "1",
            "r-0-subject": "Program Pemerintahan",
            "r-0-statement": "Indeks kepuasan",
            "r-0-satuan": "Skala",
            "r-0-target": "3,25",
            "r-1-subject": "Program Pemerintahan",
            "r-1-statement": "Opini BPK",
            "r-1-target": "WTP",
            "b-0-node": str(leaf.id),
            "b-0-amount": "Rp1.193.209.000",
        }
    )
    response = client.post(url("agreement-create", "biro-pemkesra", 2021), data)
    assert response.status_code == 302
    agreement = PerformanceAgreement.objects.get(unit__slug="biro-pemkesra", year=2021)
    rows = list(agreement.rows.order_by("position"))
    assert [(r.target, r.target_label) for r in rows] == [(Decimal("3.25"), ""), (None, "WTP")]
    assert str(agreement.budget_lines.get().amount) == "1193209000.00"
    assert AuditEntry.objects.filter(action="agreement.create").count() == 1
    again = client.get(url("agreement-create", "biro-pemkesra", 2021))
    assert again.status_code == 302 and again.url == url("agreement-revise", "biro-pemkesra", 2021)


def test_links_page_links_kewilayahan(login):
    client = login("admin")
    row = AgreementRow.objects.get(agreement__unit__slug="bagian-kewilayahan")
    target = AgreementRow.objects.filter(agreement__unit__slug="biro-pemerintahan").last()
    response = client.post(
        url("agreement-links", "bagian-kewilayahan"), {f"parent-{row.id}": str(target.id)}
    )
    assert response.status_code == 302
    assert AgreementRow.objects.get(id=row.id).parent_id == target.id
    foreign = AgreementRow.objects.filter(agreement__unit__slug="subbag-batas").first()
    bad = client.post(
        url("agreement-links", "bagian-kewilayahan"), {f"parent-{row.id}": str(foreign.id)}
    )
    assert bad.status_code == 200
    assert AgreementRow.objects.get(id=row.id).parent_id == target.id
    html = client.get(url("agreements-checks")).content.decode()
    assert "pk_no_parent" not in html


def test_the_cascade_link_is_offered_to_who_may_read_the_superior(login):
    """The Kepala Biro's PK answers to the Sekretaris Daerah (unit setda): the government's
    admin reads setda and may set the cascade; the biro's operator may edit the biro's PK
    but not read setda's, so the link (which would lead to a 404) is not shown."""
    links = url("agreement-links")
    assert links in login("admin").get(url("agreement-detail")).content.decode()
    assert login("admin").get(links).status_code == 200
    page = login("operator").get(url("agreement-detail")).content.decode()
    assert "Buat PK perubahan" in page and links not in page
    assert login("operator").get(links).status_code == 404
    # under the biro, the operator reads the superior (the biro) and gets the link
    kewilayahan = login("operator").get(url("agreement-detail", "bagian-kewilayahan"))
    assert url("agreement-links", "bagian-kewilayahan") in kewilayahan.content.decode()
