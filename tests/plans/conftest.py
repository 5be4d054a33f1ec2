import pytest
from django.contrib.auth import get_user_model

from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans import services
from kinerja.plans.models import Plan


@pytest.fixture
def user(db):
    def _user(username: str):
        return get_user_model().objects.get(username=username)

    return _user


@pytest.fixture
def plan_2021(db) -> Plan:
    """Biro Pemkesra 2021: Permendagri 90/2019 codes, every leaf with realisation."""
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemkesra", year=2021
    )


@pytest.fixture
def plan_2020(db) -> Plan:
    """Biro Pemerintahan 2020: local codes, program › kegiatan › tolok ukur."""
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemerintahan", year=2020
    )


@pytest.fixture
def plan_2022(db, user) -> Plan:
    """A new, empty plan of Biro Pemkesra for 2022 following Permendagri 90/2019."""
    unit = OrgUnit.objects.select_related("government").get(slug="biro-pemkesra")
    return services.plan_create(
        user=user("operator"),
        unit=unit,
        year=2022,
        nomenclature="Permendagri 90/2019",
        structure=Plan.Structure.SUB_KEGIATAN,
    )


@pytest.fixture
def outsiders(db, django_user_model):
    """An operator of a sub unit of the old bureau (same government, unrelated to Biro
    Pemkesra's plans) and an admin of another government."""
    sub = OrgUnit.objects.get(slug="subbag-kerjasama-daerah")
    pptk = django_user_model.objects.create_user("pptk")
    Membership.objects.create(user=pptk, government=sub.government, unit=sub, role="operator")
    other = Government.objects.create(name="Kota Lain", kind="kota", code="99.71")
    foreign = django_user_model.objects.create_user("admin-lain")
    Membership.objects.create(user=foreign, government=other, role="admin")
    return {"pptk": pptk, "admin-lain": foreign}
