import pytest
from django.contrib.auth import get_user_model

from kinerja.org.models import OrgUnit
from kinerja.plans.models import MonthlyEntry


@pytest.fixture
def user():
    def _user(username: str):
        return get_user_model().objects.get(username=username)

    return _user


@pytest.fixture
def unit(db):
    def _unit(slug: str) -> OrgUnit:
        return OrgUnit.objects.select_related("government").get(slug=slug)

    return _unit


@pytest.fixture
def entry(db) -> MonthlyEntry:
    """A stored month of a leaf of Biro Pemerintahan 2020 (March)."""
    return (
        MonthlyEntry.objects.select_related("node__plan__unit")
        .filter(node__plan__unit__slug="biro-pemerintahan", node__plan__year=2020, month=3)
        .exclude(realisasi_keuangan=None)
        .order_by("node__code")
        .first()
    )
