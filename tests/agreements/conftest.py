import pytest
from django.contrib.auth import get_user_model

from kinerja.org.models import Government, Membership, OrgUnit


@pytest.fixture
def unit(db):
    def _unit(slug: str) -> OrgUnit:
        return OrgUnit.objects.select_related("government").get(slug=slug)

    return _unit


@pytest.fixture
def user(db):
    def _user(username: str):
        return get_user_model().objects.get(username=username)

    return _user


@pytest.fixture
def outsider(django_user_model):
    """The admin of another government."""
    other = Government.objects.create(name="Kota Lain", kind="kota", code="99.72")
    unit = OrgUnit.objects.create(
        government=other, slug="dinas-lain", name="Dinas Lain", kind="perangkat_daerah",
        from_year=2020,
    )
    user = django_user_model.objects.create_user("orang-luar")
    Membership.objects.create(user=user, government=other, unit=unit, role="admin")
    return user


@pytest.fixture
def nobody(django_user_model):
    return django_user_model.objects.create_user("tanpa-keanggotaan")


@pytest.fixture
def subbag_operator(django_user_model, unit):
    """The operator of one sub bagian only: reads it, not the units above it."""
    sub = unit("subbag-batas")
    user = django_user_model.objects.create_user("operator-batas")
    Membership.objects.create(user=user, government=sub.government, unit=sub, role="operator")
    return user
