"""Evidence files on the realisation grid: the type is read from the content, the size is
limited, files live outside every served folder, only readers of the unit download them
(anyone else gets the 404 of a missing file), and only editors add or remove them while the
month is editable; every upload and deletion is in the audit trail."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import Plan, PlanNode
from kinerja.realisation import evidence, services
from kinerja.realisation.models import Evidence, MonthStatus

State = MonthStatus.State
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
EXE = b"MZ\x90\x00" + b"\x00" * 60
HTML = b"<html><script>alert(1)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


# --- the pure checks --------------------------------------------------------------------

MAX = 1000


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("kuitansi.pdf", PDF, "pdf"),
        ("KUITANSI.PDF", PDF, "pdf"),
        ("foto.png", PNG, "png"),
        ("foto.jpg", JPEG, "jpeg"),
        ("foto.jpeg", JPEG, "jpeg"),
        ("foto.JPG", JPEG, "jpeg"),
        ("program.exe", EXE, "tidak diterima: yang diterima hanya berkas PDF, PNG atau JPEG"),
        ("program.pdf", EXE, "berakhiran .pdf tetapi isinya bukan PDF, PNG atau JPEG"),
        ("halaman.png", HTML, "berakhiran .png tetapi isinya bukan PDF, PNG atau JPEG"),
        ("gambar.svg", SVG, "tidak diterima"),
        ("gambar.png", SVG, "isinya bukan"),
        ("foto.png", JPEG, "berakhiran .png tetapi isinya berkas JPEG"),
        ("laporan.jpg", PDF, "berakhiran .jpg tetapi isinya berkas PDF"),
        ("tanpa-akhiran", PDF, "tidak diterima"),
        ("kosong.pdf", b"", "kosong"),
        ("besar.pdf", PDF + b"x" * MAX, "batasnya 1000 B"),
    ],
)
def test_check_file(name, content, expected):
    found = evidence.check_file(name, len(content), content[: evidence.HEAD_BYTES], MAX)
    if isinstance(found, evidence.Refusal):
        assert expected in found.message and f'"{name}"' in found.message
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1 KB"),
        (12800, "12,5 KB"),
        (10 * 1024 * 1024, "10 MB"),
        (1536 * 1024, "1,5 MB"),
    ],
)
def test_fmt_size(size, text):
    assert evidence.fmt_size(size) == text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("kuitansi.pdf", "kuitansi.pdf"),
        ("C:\\Users\\x\\foto.png", "foto.png"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("a\x00b\r\n.pdf", "ab.pdf"),
        ("", "bukti"),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_clean_name(raw, clean):
    assert evidence.clean_name(raw) == clean


# --- on the demo agency -----------------------------------------------------------------


@pytest.fixture
def store(settings, tmp_path):
    settings.EVIDENCE_DIR = tmp_path / "bukti"
    return settings.EVIDENCE_DIR


@pytest.fixture
def plan(db):
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemerintahan", year=2020
    )


@pytest.fixture
def node(plan):
    return PlanNode.objects.get(
        plan=plan, name="Penyediaan Barang dan Jasa Perkantoran", children__isnull=True
    )


def user(name):
    return get_user_model().objects.get(username=name)


def upload_url(month=3):
    return reverse("evidence-upload", args=["biro-pemerintahan", 2020, month])


def grid_url(month=3):
    return reverse("realisation-grid", args=["biro-pemerintahan", 2020, month])


def stored_files(store: Path) -> list[Path]:
    return sorted(p for p in store.rglob("*") if p.is_file()) if store.exists() else []


def add(plan, node, who="operator", name="kuitansi.pdf", content=PDF, month=3):
    return services.evidence_add(
        user=user(who),
        plan=plan,
        month=month,
        files=[(node.id, SimpleUploadedFile(name, content))],
    )[0]


def test_operator_uploads_and_the_grid_shows_who_what_when(login, store, plan, node):
    client = login("operator")
    response = client.post(
        upload_url(),
        {
            f"file-{node.id}": [
                SimpleUploadedFile("kuitansi maret.pdf", PDF),
                SimpleUploadedFile("foto kegiatan.jpg", JPEG),
            ]
        },
    )
    assert response.status_code == 302
    items = list(Evidence.objects.filter(node=node, month=3).order_by("name"))
    assert [(i.name, i.kind, i.size) for i in items] == [
        ("foto kegiatan.jpg", "jpeg", len(JPEG)),
        ("kuitansi maret.pdf", "pdf", len(PDF)),
    ]
    for item in items:
        path = services.evidence_path(item)
        assert path.parent == store and path.name == str(item.uuid)
        assert path.read_bytes() in (PDF, JPEG)
    entries = AuditEntry.objects.filter(action="evidence.add", unit=plan.unit, month=3)
    assert entries.count() == 2
    assert {e.username for e in entries} == {"operator"}
    assert any("kuitansi maret.pdf" in e.new_value and items[1].sha256 in e.new_value
               for e in entries)
    page = client.get(grid_url()).content.decode()
    assert "kuitansi maret.pdf" in page and "foto kegiatan.jpg" in page
    assert evidence.fmt_size(len(PDF)) in page
    assert "Operator Biro Pemkesra" in page  # who uploaded
    assert reverse("evidence-download", args=[items[1].uuid]) in page


def test_file_fields_not_named_after_a_row_are_ignored(login, store, plan, node):
    """A tampered field name ("file-²": ``str.isdigit`` says digits, ``int`` refuses) adds
    nothing and fails nothing; the well-named file beside it is kept."""
    response = login("operator").post(
        upload_url(),
        {
            "file-²": SimpleUploadedFile("a.pdf", PDF),
            "file-x": SimpleUploadedFile("b.pdf", PDF),
            "berkas-1": SimpleUploadedFile("c.pdf", PDF),
            f"file-{node.id}": SimpleUploadedFile("d.pdf", PDF),
        },
    )
    assert response.status_code == 302
    assert list(Evidence.objects.filter(month=3).values_list("name", flat=True)) == ["d.pdf"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.pdf", EXE, "berakhiran .pdf tetapi isinya bukan PDF, PNG atau JPEG"),
        ("skrip.exe", EXE, "yang diterima hanya berkas PDF, PNG atau JPEG"),
        ("halaman.png", HTML, "berakhiran .png tetapi isinya bukan"),
        ("besar.pdf", PDF + b"x" * 2048, "batasnya 2 KB"),
    ],
)
def test_refused_files_say_why_in_indonesian_and_store_nothing(
    login, settings, store, plan, node, name, content, message
):
    settings.EVIDENCE_MAX_BYTES = 2048
    client = login("operator")
    response = client.post(
        upload_url(),
        {
            f"file-{node.id}": [
                SimpleUploadedFile("baik.pdf", PDF),  # a good one in the same batch
                SimpleUploadedFile(name, content),
            ]
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Tidak ada berkas yang disimpan" in html
    assert message in html and node.code in html
    assert not Evidence.objects.filter(node=node).exists()
    assert stored_files(store) == []
    assert not AuditEntry.objects.filter(action="evidence.add").exists()


def test_limit_comes_from_the_environment(monkeypatch):
    import importlib

    import kinerja.settings as module

    monkeypatch.setenv("KINERJA_EVIDENCE_MAX_MB", "3")
    try:
        assert importlib.reload(module).EVIDENCE_MAX_BYTES == 3 * 1024 * 1024
        monkeypatch.setenv("KINERJA_EVIDENCE_MAX_MB", "sepuluh")
        with pytest.raises(Exception, match="KINERJA_EVIDENCE_MAX_MB"):
            importlib.reload(module)
    finally:
        monkeypatch.delenv("KINERJA_EVIDENCE_MAX_MB")
        importlib.reload(module)


def test_files_are_stored_outside_every_static_root(store, plan, node, client):
    default = Path(django_settings.VAR_DIR) / "evidence"
    from kinerja import settings as module

    assert Path(module.EVIDENCE_DIR).resolve() == default.resolve()
    served = [Path(django_settings.STATIC_ROOT).resolve()]
    served += [Path(p).resolve() for p in getattr(django_settings, "STATICFILES_DIRS", [])]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            served.append(Path(storage.location).resolve())
    assert served
    item = add(plan, node)
    path = services.evidence_path(item).resolve()
    for place in [*served]:
        assert not path.is_relative_to(place)
        assert not default.resolve().is_relative_to(place)
    media = django_settings.MEDIA_ROOT  # nothing is served from it, and it is not set
    assert not media or not default.resolve().is_relative_to(Path(media).resolve())
    for url in (f"/static/{item.uuid}", f"/static/evidence/{item.uuid}", f"/evidence/{item.uuid}"):
        response = client.get(url)
        assert response.status_code == 404
        assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_readers_download_with_safe_headers(login, store, plan, node):
    item = add(plan, node, name='laporan "akhir" Maret.pdf')
    url = reverse("evidence-download", args=[item.uuid])
    for who in ("operator", "kepala", "inspektorat", "admin"):
        response = login(who).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "Maret.pdf" in response["Content-Disposition"]
        assert "sandbox" in response["Content-Security-Policy"]


def _stranger():
    other = Government.objects.create(name="Kota Lain", kind="kota", code="97.01")
    unit = OrgUnit.objects.create(
        government=other, slug="dinas-x", name="Dinas X", kind="perangkat_daerah", from_year=2020
    )
    person = get_user_model().objects.create_user("orang-lain")
    Membership.objects.create(user=person, government=other, unit=unit, role="operator")
    return person


def test_strangers_and_anonymous_users_get_nothing(client, store, plan, node):
    item = add(plan, node)
    url = reverse("evidence-download", args=[item.uuid])
    missing = reverse("evidence-download", args=["00000000-0000-4000-8000-000000000000"])
    # anonymous: sent to the login page, with nothing of the file
    response = client.get(url)
    assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert PDF not in response.content
    # an operator of another government's unit: the same 404 as a file that does not exist
    client.force_login(_stranger())
    forbidden, absent = client.get(url), client.get(missing)
    assert forbidden.status_code == absent.status_code == 404
    assert PDF not in forbidden.content and item.name not in forbidden.content.decode()
    # and may neither add nor delete
    node_id = node.id
    response = client.post(upload_url(), {f"file-{node_id}": SimpleUploadedFile("a.pdf", PDF)})
    assert response.status_code == 404
    response = client.post(
        reverse("evidence-delete", args=["biro-pemerintahan", 2020, 3]), {"evidence": item.uuid}
    )
    assert response.status_code == 404
    assert Evidence.objects.filter(node=node).count() == 1
    assert services.evidence_path(item).exists()


def test_an_operator_of_an_unrelated_unit_in_the_same_government(client, store, plan, node):
    unit = OrgUnit.objects.create(
        government=plan.unit.government,
        slug="dinas-lain",
        name="Dinas Lain",
        kind="perangkat_daerah",
        from_year=2020,
    )
    person = get_user_model().objects.create_user("operator-dinas-lain")
    Membership.objects.create(
        user=person, government=plan.unit.government, unit=unit, role="operator"
    )
    item = add(plan, node)
    client.force_login(person)
    response = client.get(reverse("evidence-download", args=[item.uuid]))
    assert response.status_code == 404 and PDF not in response.content
    with pytest.raises(services.NotAllowed):
        services.evidence_add(
            user=person, plan=plan, month=3, files=[(node.id, SimpleUploadedFile("a.pdf", PDF))]
        )


def test_only_editors_add_and_only_while_the_month_is_editable(login, store, plan, node):
    for who in ("kepala", "inspektorat"):
        with pytest.raises(services.NotAllowed):
            add(plan, node, who=who)
        response = login(who).post(
            upload_url(), {f"file-{node.id}": SimpleUploadedFile("a.pdf", PDF)}
        )
        assert response.status_code == 404
    item = add(plan, node)  # draft: fine
    services.month_submit(user=user("operator"), plan=plan, month=3)
    for state in ("submitted", "verified", "locked"):
        if state == "verified":
            services.month_verify(user=user("kepala"), plan=plan, month=3)
        if state == "locked":
            services.month_lock(user=user("admin"), plan=plan, month=3)
        assert services.month_status(plan, 3).state == state
        for who in ("operator", "admin"):
            with pytest.raises(services.WorkflowError, match="bukti dukung tidak dapat"):
                add(plan, node, who=who)
            with pytest.raises(services.WorkflowError):
                services.evidence_delete(user=user(who), item=item)
    client = login("operator")
    page = client.get(grid_url()).content.decode()
    assert 'form="evidence-upload"' not in page and 'form="evidence-delete"' not in page
    response = client.post(
        upload_url(), {f"file-{node.id}": SimpleUploadedFile("baru.pdf", PDF)}, follow=True
    )
    assert "berstatus dikunci" in response.content.decode()
    assert list(Evidence.objects.filter(node=node)) == [item]
    assert stored_files(store) == [services.evidence_path(item)]


def test_returned_month_is_editable_again(store, plan, node):
    services.month_submit(user=user("operator"), plan=plan, month=3)
    services.month_return(user=user("kepala"), plan=plan, month=3, comment="Lampirkan kuitansi")
    assert add(plan, node).name == "kuitansi.pdf"


def test_delete_is_audited_and_removes_the_file_after_commit(
    login, store, plan, node, django_capture_on_commit_callbacks
):
    item = add(plan, node)
    path = services.evidence_path(item)
    with django_capture_on_commit_callbacks(execute=True):
        response = login("operator").post(
            reverse("evidence-delete", args=["biro-pemerintahan", 2020, 3]),
            {"evidence": str(item.uuid)},
        )
    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert not path.exists()
    entry = AuditEntry.objects.get(action="evidence.delete")
    assert entry.username == "operator" and "kuitansi.pdf" in entry.old_value
    assert entry.month == 3 and entry.unit_id == plan.unit_id


def test_delete_of_another_month_is_not_found(login, store, plan, node):
    item = add(plan, node, month=3)
    response = login("operator").post(
        reverse("evidence-delete", args=["biro-pemerintahan", 2020, 4]), {"evidence": item.uuid}
    )
    assert response.status_code == 404
    assert Evidence.objects.filter(pk=item.pk).exists()


def test_a_leaf_of_another_plan_is_refused(store, plan):
    other = PlanNode.objects.filter(
        plan__unit__slug="biro-pemkesra", children__isnull=True
    ).first()
    with pytest.raises(services.NotAllowed):
        add(plan, other)
    assert stored_files(store) == []


def test_grid_queries_do_not_grow_with_files(client, django_user_model, store):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ..helpers import make_plan

    counts = []
    for code, leaves in (("94.01", 1), ("94.02", 6)):
        plan = make_plan(code, 1, 2, leaves)
        person = django_user_model.objects.create_user(f"op-{code}", first_name="Op")
        Membership.objects.create(
            user=person, government=plan.unit.government, unit=plan.unit, role="operator"
        )
        for n in PlanNode.objects.filter(plan=plan, children__isnull=True):
            services.evidence_add(
                user=person,
                plan=plan,
                month=6,
                files=[(n.id, SimpleUploadedFile("a.pdf", PDF)),
                       (n.id, SimpleUploadedFile("b.png", PNG))],
            )
        client.force_login(person)
        url = reverse("realisation-grid", args=[plan.unit.slug, 2022, 6])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200 and page.content.decode().count(">b.png</a>") == 2 * leaves
        counts.append(len(queries))
    assert counts[0] == counts[1]
