"""Plan editor pages for every persona: readers read, the admin and the operator write, and
everyone else gets 404 and changes nothing."""

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.plans import services
from kinerja.plans.models import (
    Indicator,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)

pytestmark = pytest.mark.django_db

SLUG, YEAR = "biro-pemkesra", 2021


def url(name, *args, slug=SLUG, year=YEAR):
    return reverse(name, args=[slug, year, *args])


def everything():
    """What any page of the plan editor may change."""
    return (
        sorted(
            PlanNode.objects.values_list("id", "code", "name", "position", "pagu_dpa", "pagu_dppa")
        ),
        sorted(MonthlyEntry.objects.values_list("id", "plan_keuangan", "plan_fisik")),
        sorted(Indicator.objects.values_list("id", "statement", "satuan")),
        sorted(IndicatorTarget.objects.values_list("id", "value", "label")),
        Plan.objects.count(),
        AuditEntry.objects.count(),
    )


def as_user(user_obj) -> Client:
    client = Client()
    client.force_login(user_obj)
    return client


@pytest.fixture
def leaf_2021(plan_2021):
    return PlanNode.objects.get(plan=plan_2021, code="4.01.03.1.01.01")


@pytest.fixture
def new_leaf(plan_2022, user):
    op = user("operator")
    program = services.node_create(user=op, plan=plan_2022, parent=None, code="4.01.01")
    kegiatan = services.node_create(user=op, plan=plan_2022, parent=program, code="4.01.01.1.02")
    return services.node_create(
        user=op, plan=plan_2022, parent=kegiatan, code="4.01.01.1.02.01", pagu_dpa=D(1_200_000)
    )


# --- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "writes"),
    [("admin", True), ("operator", True), ("kepala", False), ("inspektorat", False)],
)
def test_every_demo_role_reads_the_plan_pages(login, plan_2021, leaf_2021, username, writes):
    client = login(username)
    page = client.get(url("plan-edit"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "4.01.03.1.01.01" in html and "Pengelolaan Administrasi Kebijakan Pemerintahan" in html
    assert "20.160.770.750" in html  # the plan's total pagu
    assert ("+ Tambah program" in html) is writes
    assert ("tetapi tidak mengubahnya" in html) is not writes
    monthly = client.get(url("plan-monthly"))
    assert monthly.status_code == 200
    assert (f'name="n{leaf_2021.id}-kas-1"' in monthly.content.decode()) is True
    assert ("Simpan rencana bulanan" in monthly.content.decode()) is writes
    assert client.get(url("plan-sasaran", slug="biro-pemerintahan", year=2020)).status_code == 200
    node_page = client.get(url("plan-node-edit", leaf_2021.id))
    assert node_page.status_code == (200 if writes else 404)


def test_unit_year_page_links_to_the_plan_editor(login):
    html = login("kepala").get(reverse("unit-year", args=[SLUG, YEAR])).content.decode()
    assert url("plan-edit") in html


def test_anonymous_is_sent_to_login(client, leaf_2021):
    for target in (url("plan-edit"), url("plan-monthly"), reverse("nomenclature-search")):
        response = client.get(target)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["pptk", "admin-lain"])
def test_outsiders_get_not_found_everywhere(plan_2021, leaf_2021, outsiders, who):
    client = as_user(outsiders[who])
    indicator = Indicator.objects.filter(node=leaf_2021).first()
    before = everything()
    for target in (
        url("plan-edit"),
        url("plan-monthly"),
        url("plan-sasaran"),
        url("plan-node-new"),
        url("plan-node-edit", leaf_2021.id),
        url("plan-indicator-edit", indicator.id),
        url("plan-edit", year=2022),
    ):
        assert client.get(target).status_code == 404, target
    for target, data in (
        (url("plan-node-new"), {"code": "4.01.05"}),
        (url("plan-node-edit", leaf_2021.id), {"code": leaf_2021.code, "pagu_dppa": "1"}),
        (url("plan-node-delete", leaf_2021.id), {}),
        (url("plan-indicator-delete", indicator.id), {}),
        (url("plan-dppa"), {}),
        (url("plan-monthly"), {f"n{leaf_2021.id}-kas-1": "1"}),
        (url("plan-edit", year=2022), {"nomenclature": "Permendagri 90/2019"}),
    ):
        assert client.post(target, data).status_code == 404, target
    assert everything() == before


@pytest.mark.parametrize("username", ["kepala", "inspektorat"])
def test_head_and_inspectorate_cannot_post(login, plan_2021, leaf_2021, username):
    client = login(username)
    indicator = Indicator.objects.filter(node=leaf_2021).first()
    before = everything()
    posts = (
        (url("plan-node-new") + f"?induk={leaf_2021.parent_id}", {"code": "4.01.03.1.01.04"}),
        (
            url("plan-node-edit", leaf_2021.id),
            {"code": leaf_2021.code, "pagu_dppa": "1.000"},
        ),
        (url("plan-node-delete", leaf_2021.id), {}),
        (url("plan-indicator-new") + f"?simpul={leaf_2021.id}", {"statement": "X"}),
        (url("plan-indicator-edit", indicator.id), {"statement": "X"}),
        (url("plan-indicator-delete", indicator.id), {}),
        (url("plan-dppa"), {}),
        (url("plan-monthly"), {f"n{leaf_2021.id}-kas-1": "1"}),
        (url("plan-edit", year=2022), {"nomenclature": "Permendagri 90/2019"}),
    )
    for target, data in posts:
        assert client.post(target, data).status_code == 404, target
    assert everything() == before


def test_a_node_of_another_plan_is_not_found(login, plan_2020):
    other = PlanNode.objects.filter(plan=plan_2020).first()
    client = login("operator")
    assert client.get(url("plan-node-edit", other.id)).status_code == 404
    assert client.post(url("plan-node-delete", other.id)).status_code == 404
    assert client.get(url("plan-node-new") + f"?induk={other.id}").status_code == 404
    assert PlanNode.objects.filter(pk=other.pk).exists()


# --- writing -------------------------------------------------------------------------------


def test_operator_creates_a_plan_from_the_page(login):
    client = login("operator")
    page = client.get(url("plan-edit", year=2022))
    assert page.status_code == 200 and "Buat rencana" in page.content.decode()
    refused = client.post(
        url("plan-edit", year=2022),
        {"nomenclature": "Permendagri 99/2030", "structure": "program-kegiatan-sub_kegiatan"},
    )
    assert "belum dimuat" in refused.content.decode()
    response = client.post(
        url("plan-edit", year=2022),
        {"nomenclature": "Permendagri 90/2019", "structure": "program-kegiatan-sub_kegiatan"},
    )
    assert response.status_code == 302
    assert Plan.objects.filter(unit__slug=SLUG, year=2022).exists()


def test_operator_adds_a_node_by_its_nomenclature_code(login, plan_2021):
    kegiatan = PlanNode.objects.get(plan=plan_2021, code="4.01.01.1.02")
    client = login("operator")
    form = client.get(url("plan-node-new") + f"?induk={kegiatan.id}").content.decode()
    assert 'data-level="sub_kegiatan"' in form and 'data-parent="4.01.01.1.02"' in form
    assert "plans/plan-editor.js" in form
    response = client.post(
        url("plan-node-new"),
        {"induk": kegiatan.id, "code": "4.01.01.1.02.01", "name": "", "pagu_dpa": "Rp1.500.000"},
    )
    assert response.status_code == 302
    node = PlanNode.objects.get(plan=plan_2021, code="4.01.01.1.02.01")
    assert node.name == "Penyediaan Gaji dan Tunjangan ASN"
    assert node.pagu_dpa == D(1_500_000)
    assert response.url.endswith(f"#n{node.id}")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"code": "4.01.01.1.02.77"}, "tidak ada dalam nomenklatur versi permendagri-90-2019"),
        ({"code": "4.01.03.1.01.02"}, "tidak berada di bawah kode induknya 4.01.01.1.02"),
        ({"code": "4.01.01.1.02.04"}, "sudah dipakai"),
        ({"code": "4.01.01.1.02.01", "pagu_dpa": "satu juta"}, "bukan angka yang dikenali"),
    ],
)
def test_refused_node_form_says_which_field_and_why(login, plan_2021, data, says):
    kegiatan = PlanNode.objects.get(plan=plan_2021, code="4.01.01.1.02")
    before = everything()
    response = login("operator").post(url("plan-node-new"), {"induk": kegiatan.id, **data})
    assert response.status_code == 200
    html = response.content.decode()
    assert says in html
    assert 'class="field bad"' in html
    assert everything() == before


def test_dpa_edit_after_dppa_is_refused_on_the_page(login, leaf_2021):
    # the demo's 2021 plan holds only DPPA figures
    response = login("admin").post(
        url("plan-node-edit", leaf_2021.id),
        {"code": leaf_2021.code, "pagu_dpa": "100.000.000", "pagu_dppa": "129.763.000"},
    )
    assert response.status_code == 200
    assert "ubah pagu DPPA" in response.content.decode()
    ok = login("admin").post(
        url("plan-node-edit", leaf_2021.id),
        {"code": leaf_2021.code, "pagu_dpa": "", "pagu_dppa": "130.000.000"},
    )
    assert ok.status_code == 302
    leaf_2021.refresh_from_db()
    assert leaf_2021.pagu_dppa == D(130_000_000)
    entry = AuditEntry.objects.get(
        action="plan.node_update", object_id=str(leaf_2021.id), field="pagu_dppa"
    )
    assert (entry.old_value, entry.new_value, entry.username) == (
        "129763000.00",
        "130000000.00",
        "admin",
    )


def test_delete_with_realisation_says_why(login, leaf_2021):
    client = login("operator")
    response = client.post(url("plan-node-delete", leaf_2021.id), follow=True)
    html = response.content.decode()
    assert "tidak dapat dihapus" in html and "sudah memiliki realisasi" in html
    assert PlanNode.objects.filter(pk=leaf_2021.pk).exists()


def test_delete_of_a_new_node(login, new_leaf):
    client = login("operator")
    response = client.post(url("plan-node-delete", new_leaf.id, year=2022), follow=True)
    assert "Dihapus: 4.01.01.1.02.01" in response.content.decode()
    assert not PlanNode.objects.filter(pk=new_leaf.pk).exists()


def test_indicator_and_target_through_the_form(login, new_leaf):
    client = login("operator")
    base = {
        "statement": "Jumlah ASN yang menerima gaji",
        "kind": "output",
        "satuan": "Orang",
        "polarity": "higher",
        "value_type": "number",
        "cumulative": "",
        "qualitative_mode": "levels",
        "levels": "",
        "baseline": "",
        "target_value": "",
    }
    missing = client.post(url("plan-indicator-new", year=2022), {**base, "simpul": new_leaf.id})
    assert missing.status_code == 200
    assert "tahun 2022 belum diisi" in missing.content.decode()
    assert not Indicator.objects.filter(node=new_leaf).exists()
    created = client.post(
        url("plan-indicator-new", year=2022),
        {**base, "simpul": new_leaf.id, "target_value": "1.250"},
    )
    assert created.status_code == 302
    indicator = Indicator.objects.get(node=new_leaf)
    assert indicator.cumulative is False
    assert IndicatorTarget.objects.get(indicator=indicator, year=2022).value == D(1250)
    edited = client.post(
        url("plan-indicator-edit", indicator.id, year=2022),
        {**base, "target_value": "1.300", "polarity": "lower"},
    )
    assert edited.status_code == 302
    indicator.refresh_from_db()
    assert indicator.polarity == "lower"
    page = client.get(url("plan-node-edit", new_leaf.id, year=2022)).content.decode()
    assert "Jumlah ASN yang menerima gaji" in page and "1.300" in page


def test_sasaran_page_shows_the_year_and_medium_term_targets(login):
    html = login("kepala").get(url("plan-sasaran", slug="biro-pemerintahan", year=2020))
    text = html.content.decode()
    assert "Nilai IKM" in text and "3,3" in text
    assert "Persentase Keselarasan Kebijakan" in text
    assert '<td class="n">100</td>' in text and '<td class="n">75</td>' in text


def test_monthly_grid_saves_and_refuses_the_indonesian_way(login, new_leaf):
    client = login("operator")
    page = client.get(url("plan-monthly", year=2022)).content.decode()
    signature = page.split('name="signature" value="')[1].split('"')[0]
    cells = {f"n{new_leaf.id}-kas-{m}": "100.000" for m in range(1, 13)}
    cells |= {f"n{new_leaf.id}-fisik-{m}": f"{m * 8},5" for m in range(1, 12)}
    cells[f"n{new_leaf.id}-fisik-12"] = "100"
    before = everything()

    bad = client.post(
        url("plan-monthly", year=2022),
        {**cells, f"n{new_leaf.id}-kas-3": "seratus ribu", "signature": signature},
    )
    assert bad.status_code == 200
    html = bad.content.decode()
    assert "4.01.01.1.02.01 Penyediaan Gaji dan Tunjangan ASN: anggaran kas Maret" in html
    assert "seratus ribu" in html and 'class="bad"' in html
    assert everything() == before

    short = client.post(
        url("plan-monthly", year=2022),
        {**cells, f"n{new_leaf.id}-kas-12": "", "signature": signature},
    )
    assert "kurang Rp100.000" in short.content.decode()
    assert everything() == before

    saved = client.post(url("plan-monthly", year=2022), {**cells, "signature": signature})
    assert saved.status_code == 302
    kas, fisik = services.monthly_plan(new_leaf.plan)[new_leaf.id]
    assert kas == [D(100_000)] * 12
    assert fisik[0] == D("8.5") and fisik[11] == D(100)

    stale = client.post(
        url("plan-monthly", year=2022),
        {
            **cells,
            f"n{new_leaf.id}-kas-1": "0",
            f"n{new_leaf.id}-kas-2": "200.000",
            "signature": signature,
        },
    )
    assert "diubah orang lain" in stale.content.decode()
    assert services.monthly_plan(new_leaf.plan)[new_leaf.id][0] == [D(100_000)] * 12


def test_start_dppa_from_the_page(login, new_leaf):
    response = login("admin").post(url("plan-dppa", year=2022), follow=True)
    assert "DPPA dimulai" in response.content.decode()
    new_leaf.refresh_from_db()
    assert new_leaf.pagu_dppa == D(1_200_000) and new_leaf.budget_in_force == "dppa"


# --- nomenclature search -------------------------------------------------------------------


def search(client, **params):
    response = client.get(reverse("nomenclature-search"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [r["code"] for r in response.json()["results"]]


def test_search_by_code_prefix_and_by_name_words(login):
    client = login("kepala")
    v = "permendagri-90-2019"
    assert search(client, versi=v, q="4.01.01.1.06.0") == [
        "4.01.01.1.06.01",
        "4.01.01.1.06.02",
        "4.01.01.1.06.03",
        "4.01.01.1.06.04",
        "4.01.01.1.06.05",
        "4.01.01.1.06.06",
        "4.01.01.1.06.08",
        "4.01.01.1.06.09",
    ]
    assert search(client, versi=v, q="kinerja EVALUASI") == [
        "4.01.01.1.01",
        "4.01.01.1.01.07",
        "4.01.01.1.05.05",
        "4.01.04.1.02.01",
        "4.01.04.1.02.02",
        "4.01.04.1.02.03",
    ]
    assert search(client, versi=v, q="", tingkat="program") == ["4.01.01", "4.01.03", "4.01.04"]
    assert search(client, versi=v, q="", induk="4.01.01.1.08") == [
        "4.01.01.1.08.01",
        "4.01.01.1.08.02",
        "4.01.01.1.08.03",
        "4.01.01.1.08.04",
    ]
    assert search(client, versi=v, q="evaluasi", tingkat="kegiatan") == ["4.01.01.1.01"]
    assert search(client, versi="tidak-ada", q="evaluasi") == []
    assert search(client, versi=v, q="evaluasi", tingkat="bidang") == []
    assert len(search(client, versi=v, q="")) == 20


def test_search_is_read_only(login):
    assert login("operator").post(reverse("nomenclature-search")).status_code == 405


def test_the_history_link_shows_only_when_there_is_a_history(login, leaf_2021):
    """A node loaded with the demo has no audit entry: the page says so instead of linking
    to a history page that answers 404; after a change, the link leads to it."""
    from kinerja.plans.forms import show

    client = login("operator")
    history = reverse("audit-object", args=["plans.PlanNode", leaf_2021.id])
    html = client.get(url("plan-node-edit", leaf_2021.id)).content.decode()
    assert history not in html
    assert "Riwayat perubahan: belum ada perubahan tercatat" in html
    assert client.get(history).status_code == 404
    response = client.post(
        url("plan-node-edit", leaf_2021.id),
        {
            "code": leaf_2021.code,
            "name": leaf_2021.name,
            "pagu_dpa": show(leaf_2021.pagu_dpa),
            "pagu_dppa": show((leaf_2021.pagu_dppa or leaf_2021.pagu_dpa) + 1),
        },
    )
    assert response.status_code == 302
    html = client.get(url("plan-node-edit", leaf_2021.id)).content.decode()
    assert f'<a href="{history}">Riwayat perubahan</a>' in html
    assert client.get(history).status_code == 200
