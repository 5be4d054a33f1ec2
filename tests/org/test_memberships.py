"""Users and roles managed by the government admin: list, grant, revoke, new accounts with a
password to change at first login; every change in the audit trail; everybody else 404."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.demo.loader import DEMO_PASSWORD
from kinerja.org import services
from kinerja.org.models import Government, Membership, OrgUnit, UserAccount

pytestmark = pytest.mark.django_db

BANTEN = "36"
USERS = reverse("org-users", args=[BANTEN])
NEW = reverse("org-user-new", args=[BANTEN])
GRANT = reverse("org-grant", args=[BANTEN])
STRONG = "Sandi-Awal-2025!"


def _user(username):
    return get_user_model().objects.get(username=username)


def _state():
    """Everything these pages may change."""
    return (
        sorted(Membership.objects.values_list("user_id", "unit_id", "role")),
        sorted(get_user_model().objects.values_list("username", flat=True)),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def other_admin(db, django_user_model):
    """The admin of another government, with one unit and one operator there."""
    gov = Government.objects.create(name="Kota Lain", kind="kota", code="99.71")
    unit = OrgUnit.objects.create(
        government=gov,
        slug="dinas-lain",
        name="Dinas Lain",
        kind="perangkat_daerah",
        from_year=2020,
    )
    admin = django_user_model.objects.create_user("admin-lain", password="x")
    Membership.objects.create(user=admin, government=gov, role="admin")
    operator = django_user_model.objects.create_user("operator-lain", password="x")
    Membership.objects.create(user=operator, government=gov, unit=unit, role="operator")
    return admin


def test_admin_lists_the_people_of_the_government_with_their_roles(login, other_admin):
    client = login("admin")
    assert client.get(reverse("org-index")).url == USERS
    html = client.get(USERS).content.decode()
    for username in ("operator", "kepala", "inspektorat", "admin"):
        assert f'<td class="code">{username}</td>' in html
    assert "Operator unit — Biro Pemerintahan dan Kesejahteraan Rakyat" in html
    assert "Inspektorat — seluruh pemerintah daerah" in html
    assert "operator-lain" not in html and "admin-lain" not in html
    assert "Dinas Lain" not in html  # the unit choices are this government's only


def test_grant_records_the_new_role_in_the_audit_trail(login):
    client = login("admin")
    unit = OrgUnit.objects.get(slug="bagian-kerjasama")
    response = client.post(GRANT, {"user": _user("kepala").pk, "role": "operator", "unit": unit.pk})
    assert response.status_code == 302
    membership = Membership.objects.get(user=_user("kepala"), unit=unit, role="operator")
    entry = AuditEntry.objects.get(action="org.membership_grant", object_id=str(membership.pk))
    assert (entry.username, entry.unit_id, entry.field) == ("admin", unit.pk, "role")
    assert (entry.old_value, entry.new_value) == ("", "operator")
    assert "kepala" in entry.object_label and "Bagian Kerjasama" in entry.object_label
    assert "Operator unit — Bagian Kerjasama" in client.get(USERS).content.decode()


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"role": "operator"}, "Peran Operator unit memerlukan unit kerja."),
        ({"role": "inspectorate", "unit": "UNIT"}, "berlaku untuk seluruh pemerintah daerah"),
        ({"role": "operator", "unit": "UNIT"}, "sudah memegang peran Operator unit"),
        ({"role": "raja", "unit": "UNIT"}, "Peran raja tidak dikenal"),
        ({"role": "operator", "unit": "999999"}, "Unit kerja yang dipilih tidak ada"),
    ],
)
def test_grant_refuses_bad_input_with_a_message_and_changes_nothing(login, post, message):
    client = login("admin")
    unit = OrgUnit.objects.get(slug="biro-pemkesra")
    data = {"user": _user("operator").pk, **post}
    if data.get("unit") == "UNIT":
        data["unit"] = unit.pk
    before = _state()
    response = client.post(GRANT, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "Tidak ada yang disimpan" in html
    assert _state() == before


def test_revoke_records_the_old_role(login):
    client = login("admin")
    membership = Membership.objects.get(user=_user("kepala"), role="head")
    response = client.post(reverse("org-revoke", args=[BANTEN, membership.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = AuditEntry.objects.get(action="org.membership_revoke", object_id=str(membership.pk))
    assert (entry.old_value, entry.new_value) == ("head", "")
    assert entry.unit.slug == "biro-pemkesra" and entry.username == "admin"
    # the head lost the unit: its page is now missing for them
    assert (
        login("kepala").get(reverse("unit-year", args=["biro-pemkesra", 2021])).status_code == 404
    )


def test_the_last_admin_role_cannot_be_revoked(login):
    client = login("admin")
    membership = Membership.objects.get(user=_user("admin"), role="admin")
    before = _state()
    response = client.post(reverse("org-revoke", args=[BANTEN, membership.pk]), follow=True)
    assert "Peran admin terakhir" in response.content.decode()
    assert _state() == before


def test_new_account_must_change_the_initial_password_before_anything_else(login):
    client = login("admin")
    unit = OrgUnit.objects.get(slug="biro-pemkesra")
    response = client.post(
        NEW,
        {
            "username": "pptk-baru",
            "full_name": "Siti  Rahmawati",
            "password": STRONG,
            "password_again": STRONG,
            "role": "operator",
            "unit": unit.pk,
        },
    )
    assert response.status_code == 302
    user = _user("pptk-baru")
    assert user.get_full_name() == "Siti Rahmawati"
    assert UserAccount.objects.get(user=user).must_change_password
    assert Membership.objects.filter(user=user, unit=unit, role="operator").exists()
    created = AuditEntry.objects.get(action="org.user_create", object_id=str(user.pk))
    assert created.new_value == "pptk-baru (Siti Rahmawati)" and created.government.code == BANTEN
    assert STRONG not in "".join(AuditEntry.objects.values_list("new_value", flat=True))
    assert AuditEntry.objects.filter(action="org.membership_grant", new_value="operator").exists()

    person = Client()
    assert (
        person.post(reverse("login"), {"username": "pptk-baru", "password": STRONG}).status_code
        == 302
    )
    unit_page = reverse("unit-year", args=["biro-pemkesra", 2021])
    for path in (reverse("home"), unit_page, reverse("dashboard", args=[2021])):
        response = person.get(path)
        assert response.status_code == 302 and response.url == reverse("password-change")
    page = person.get(reverse("password-change")).content.decode()
    assert "kata sandi awal" in page
    response = person.post(
        reverse("password-change"),
        {
            "old_password": STRONG,
            "new_password1": "Pilihan-Sendiri-77",
            "new_password2": "Pilihan-Sendiri-77",
        },
    )
    assert response.status_code == 302
    assert not UserAccount.objects.get(user=user).must_change_password
    assert AuditEntry.objects.filter(action="org.password_change", username="pptk-baru").exists()
    assert person.get(unit_page).status_code == 200  # still logged in, free to work


@pytest.mark.parametrize(
    ("change", "field_message"),
    [
        ({"username": "operator"}, "Nama pengguna “operator” sudah dipakai"),
        ({"username": "OPERATOR"}, "sudah dipakai"),
        ({"username": "dua kata"}, "tidak sah"),
        ({"password_again": "lain"}, "Kedua kata sandi tidak sama"),
        ({"password": "12345678", "password_again": "12345678"}, "Kata sandi awal"),
        ({"full_name": ""}, "Nama lengkap wajib diisi"),
        ({"role": "head", "unit": ""}, "memerlukan unit kerja"),
    ],
)
def test_new_account_refuses_bad_input_and_creates_nothing(login, change, field_message):
    client = login("admin")
    data = {
        "username": "calon",
        "full_name": "Calon Pengguna",
        "password": STRONG,
        "password_again": STRONG,
        "role": "operator",
        "unit": OrgUnit.objects.get(slug="biro-pemkesra").pk,
        **change,
    }
    before = _state()
    response = client.post(NEW, data)
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert _state() == before
    assert not UserAccount.objects.exists()


@pytest.mark.parametrize("username", ["operator", "kepala", "inspektorat"])
def test_other_roles_get_not_found_and_change_nothing(login, username):
    client = login(username)
    membership = Membership.objects.get(user=_user("operator"))
    before = _state()
    assert client.get(reverse("org-index")).status_code == 404
    assert client.get(USERS).status_code == 404
    assert client.get(NEW).status_code == 404
    assert client.post(GRANT, {"user": _user(username).pk, "role": "admin"}).status_code == 404
    assert client.post(reverse("org-revoke", args=[BANTEN, membership.pk])).status_code == 404
    new = {
        "username": "x",
        "full_name": "X",
        "password": STRONG,
        "password_again": STRONG,
        "role": "admin",
    }
    assert client.post(NEW, new).status_code == 404
    assert _state() == before


def test_admin_of_another_government_cannot_see_or_touch_this_one(other_admin):
    client = Client()
    client.force_login(other_admin)
    membership = Membership.objects.get(user=_user("operator"))
    before = _state()
    assert client.get(reverse("org-index")).url == reverse("org-users", args=["99.71"])
    assert client.get(USERS).status_code == 404
    assert client.get(NEW).status_code == 404
    assert client.post(reverse("org-revoke", args=[BANTEN, membership.pk])).status_code == 404
    # through their own government: this government's membership and user are unknown there
    assert client.post(reverse("org-revoke", args=["99.71", membership.pk])).status_code == 404
    lain = OrgUnit.objects.get(slug="dinas-lain")
    response = client.post(
        reverse("org-grant", args=["99.71"]),
        {"user": _user("operator").pk, "role": "operator", "unit": lain.pk},
    )
    assert "bukan pengguna pemerintah daerah ini" in response.content.decode()
    page = client.get(reverse("org-users", args=["99.71"])).content.decode()
    assert "operator-lain" in page
    assert '<td class="code">operator</td>' not in page
    assert '<td class="code">inspektorat</td>' not in page
    assert _state() == before


def test_anonymous_is_sent_to_login(client):
    response = client.get(USERS)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_services_refuse_a_user_who_does_not_administer_the_government(other_admin):
    banten = Government.objects.get(code=BANTEN)
    unit = OrgUnit.objects.get(slug="biro-pemkesra")
    with pytest.raises(services.NotAllowed):
        services.membership_grant(
            by=other_admin, government=banten, user=_user("kepala"), role="operator", unit=unit
        )
    with pytest.raises(services.NotAllowed):
        services.membership_revoke(by=_user("operator"), membership=Membership.objects.first())
    with pytest.raises(services.NotAllowed):
        services.user_create(
            by=_user("inspektorat"),
            government=banten,
            username="y",
            full_name="Y",
            password=STRONG,
            role="inspectorate",
        )


def test_superuser_administers_every_government(django_user_model, other_admin):
    root = django_user_model.objects.create_superuser("root", password="x")
    client = Client()
    client.force_login(root)
    index = client.get(reverse("org-index")).content.decode()
    assert USERS in index and reverse("org-users", args=["99.71"]) in index


def test_demo_password_login_is_not_forced_to_change(client):
    response = client.post(reverse("login"), {"username": "operator", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
