import pytest
from django.contrib.auth import get_user_model

from kinerja.audit.models import AuditEntry
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.realisation.models import MonthStatus


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    settings.EXCHANGE_UPLOAD_DIR = tmp_path / "imports"


@pytest.fixture
def user(db):
    def _user(username: str):
        return get_user_model().objects.get(username=username)

    return _user


@pytest.fixture
def unit(db):
    def _unit(slug: str) -> OrgUnit:
        return OrgUnit.objects.select_related("government").get(slug=slug)

    return _unit


@pytest.fixture
def outsider(db):
    """The operator of a unit of another government."""
    gov = Government.objects.create(name="Kabupaten Lain", kind="kabupaten", code="99.01")
    other = OrgUnit.objects.create(
        government=gov,
        slug="dinas-lain",
        name="Dinas Lain",
        kind="perangkat_daerah",
        from_year=2019,
    )
    person = get_user_model().objects.create_user("orang-luar", password="x")
    Membership.objects.create(user=person, government=gov, unit=other, role="operator")
    return person


def snapshot() -> dict:
    """How many rows each table an import may write holds."""
    return {
        model.__name__: model.objects.count()
        for model in (
            Plan,
            PlanNode,
            Indicator,
            IndicatorTarget,
            MonthlyEntry,
            IndicatorRealisation,
            MonthStatus,
            AuditEntry,
        )
    }


@pytest.fixture
def counts():
    return snapshot
