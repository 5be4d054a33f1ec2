"""The grid's script uploads and deletes evidence without leaving the page: the same views
answer it in JSON (messages, and the new evidence list of each leaf touched) when it asks
for JSON, with the same access rules and audit as the plain form posts."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.org.models import Membership, OrgUnit
from kinerja.plans.models import Plan, PlanNode
from kinerja.realisation import services
from kinerja.realisation.models import Evidence

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def store(settings, tmp_path):
    settings.EVIDENCE_DIR = tmp_path / "bukti"
    return settings.EVIDENCE_DIR


@pytest.fixture
def plan():
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemerintahan", year=2020
    )


@pytest.fixture
def nodes(plan):
    return list(PlanNode.objects.filter(plan=plan, children__isnull=True).order_by("id")[:2])


def upload_url(month=3):
    return reverse("evidence-upload", args=["biro-pemerintahan", 2020, month])


def delete_url(month=3):
    return reverse("evidence-delete", args=["biro-pemerintahan", 2020, month])


def stored(store):
    return sorted(p for p in store.rglob("*") if p.is_file()) if store.exists() else []


def test_operator_uploads_and_gets_the_new_lists_of_the_leaves(login, store, nodes):
    a, b = nodes
    response = login("operator").post(
        upload_url(),
        {
            f"file-{a.id}": [SimpleUploadedFile("kuitansi <1>.pdf", PDF)],
            f"file-{b.id}": [SimpleUploadedFile("foto.pdf", PDF)],
        },
        **JSON,
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    answer = json.loads(response.content)
    assert answer["ok"] is True
    assert answer["messages"] == [
        {"level": "success", "text": 'Bukti dukung tersimpan: "kuitansi <1>.pdf", "foto.pdf".'}
    ]
    assert set(answer["files"]) == {str(a.id), str(b.id)}
    item = Evidence.objects.get(node=a)
    html = answer["files"][str(a.id)]
    assert "kuitansi &lt;1&gt;.pdf</a>" in html and "<1>" not in html
    assert reverse("evidence-download", args=[item.uuid]) in html
    assert f'value="{item.uuid}"' in html and 'form="evidence-delete"' in html  # may delete
    assert "Operator Biro Pemkesra" in html
    assert len(stored(store)) == 2
    assert AuditEntry.objects.filter(action="evidence.add").count() == 2


def test_refused_file_answers_why_and_stores_nothing(login, store, nodes):
    response = login("operator").post(
        upload_url(),
        {f"file-{nodes[0].id}": SimpleUploadedFile("program.pdf", b"MZ" + b"\x00" * 30)},
        **JSON,
    )
    assert response.status_code == 400
    answer = json.loads(response.content)
    assert answer["ok"] is False and answer["files"] == {}
    texts = [m["text"] for m in answer["messages"]]
    assert texts[0] == "Tidak ada berkas yang disimpan."
    assert "berakhiran .pdf tetapi isinya bukan" in texts[1] and nodes[0].code in texts[1]
    assert {m["level"] for m in answer["messages"]} == {"error"}
    assert stored(store) == [] and not Evidence.objects.exists()
    assert not AuditEntry.objects.filter(action="evidence.add").exists()


def test_a_month_not_editable_answers_conflict(login, store, plan, nodes):
    operator = get_user_model().objects.get(username="operator")
    services.month_submit(user=operator, plan=plan, month=3)
    response = login("operator").post(
        upload_url(), {f"file-{nodes[0].id}": SimpleUploadedFile("a.pdf", PDF)}, **JSON
    )
    assert response.status_code == 409
    answer = json.loads(response.content)
    assert answer["ok"] is False and "bukti dukung tidak dapat" in answer["messages"][0]["text"]
    assert stored(store) == []


@pytest.mark.parametrize("who", ["kepala", "inspektorat", "operator-dinas-lain", "stranger"])
def test_forbidden_users_get_the_404_of_a_missing_page_and_change_nothing(
    login, client, store, plan, nodes, who
):
    item = services.evidence_add(
        user=get_user_model().objects.get(username="operator"),
        plan=plan,
        month=3,
        files=[(nodes[0].id, SimpleUploadedFile("asli.pdf", PDF))],
    )[0]
    if who == "operator-dinas-lain":
        unit = OrgUnit.objects.create(
            government=plan.unit.government,
            slug="dinas-lain",
            name="Dinas Lain",
            kind="perangkat_daerah",
            from_year=2020,
        )
        person = get_user_model().objects.create_user(who)
        Membership.objects.create(
            user=person, government=plan.unit.government, unit=unit, role="operator"
        )
        client.force_login(person)
    elif who == "stranger":
        client.force_login(get_user_model().objects.create_user("tanpa-peran"))
    else:
        client = login(who)
    upload = client.post(
        upload_url(), {f"file-{nodes[1].id}": SimpleUploadedFile("b.pdf", PDF)}, **JSON
    )
    delete = client.post(delete_url(), {"evidence": str(item.uuid)}, **JSON)
    for response in (upload, delete):
        assert response.status_code == 404
        assert b"asli.pdf" not in response.content and b'"files"' not in response.content
    assert list(Evidence.objects.all()) == [item]
    assert stored(store) == [services.evidence_path(item)]
    assert not AuditEntry.objects.filter(action="evidence.delete").exists()


def test_delete_answers_the_leaf_list_without_the_file(
    login, store, plan, nodes, django_capture_on_commit_callbacks
):
    operator = get_user_model().objects.get(username="operator")
    keep, gone = services.evidence_add(
        user=operator,
        plan=plan,
        month=3,
        files=[
            (nodes[0].id, SimpleUploadedFile("tetap.pdf", PDF)),
            (nodes[0].id, SimpleUploadedFile("hapus.pdf", PDF)),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = login("operator").post(delete_url(), {"evidence": str(gone.uuid)}, **JSON)
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["ok"] is True
    assert answer["messages"] == [{"level": "success", "text": 'Bukti dukung "hapus.pdf" dihapus.'}]
    html = answer["files"][str(nodes[0].id)]
    assert "tetap.pdf</a>" in html and "hapus.pdf" not in html
    assert not services.evidence_path(gone).exists() and services.evidence_path(keep).exists()
    assert AuditEntry.objects.get(action="evidence.delete").username == "operator"


def test_without_the_script_the_posts_still_redirect_to_the_grid(login, store, nodes):
    response = login("operator").post(
        upload_url(), {f"file-{nodes[0].id}": SimpleUploadedFile("a.pdf", PDF)}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("realisation-grid", args=["biro-pemerintahan", 2020, 3])
    assert Evidence.objects.filter(node=nodes[0]).count() == 1


def test_the_grid_loads_the_script_for_editors(login):
    url = reverse("realisation-grid", args=["biro-pemerintahan", 2020, 3])
    html = login("operator").get(url).content.decode()
    assert "realisation/evidence.js" in html and 'id="evidence-messages"' in html
    assert 'class="nojs-only"' in html
