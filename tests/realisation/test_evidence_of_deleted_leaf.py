"""A leaf deleted through the plan editor takes its evidence files with it: each deletion is
in the audit trail, and the contents leave the disk once the transaction commits, not when
it rolls back."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from kinerja.audit.models import AuditEntry
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans import services as plan_services
from kinerja.plans.models import Plan, PlanNode
from kinerja.realisation import services
from kinerja.realisation.models import Evidence

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def setup(settings, tmp_path):
    """A plan without realisation (so its nodes may be deleted): program › kegiatan › two
    leaves, the first with two evidence files (March and April), the second with one."""
    settings.EVIDENCE_DIR = tmp_path / "bukti"
    gov = Government.objects.create(name="Kab Uji", kind="kabupaten", code="97.01")
    unit = OrgUnit.objects.create(
        government=gov,
        slug="dinas-uji",
        name="Dinas Uji",
        kind="perangkat_daerah",
        from_year=2022,
    )
    operator = get_user_model().objects.create_user("operator-uji")
    Membership.objects.create(user=operator, government=gov, unit=unit, role="operator")
    plan = Plan.objects.create(unit=unit, year=2022, nomenclature="Permendagri 90/2019")
    program = PlanNode.objects.create(plan=plan, code="1.02.01", level="program", name="P")
    kegiatan = PlanNode.objects.create(
        plan=plan, parent=program, code="1.02.01.2.01", level="kegiatan", name="K"
    )
    a, b = (
        PlanNode.objects.create(
            plan=plan,
            parent=kegiatan,
            code=f"1.02.01.2.01.000{i}",
            level="sub_kegiatan",
            name=f"Sub {i}",
            pagu_dpa=Decimal("1000000"),
        )
        for i in (1, 2)
    )
    files = {}
    for node, month, name in ((a, 3, "maret.pdf"), (a, 4, "april.pdf"), (b, 3, "lain.pdf")):
        item = services.evidence_add(
            user=operator,
            plan=plan,
            month=month,
            files=[(node.id, SimpleUploadedFile(name, PDF))],
        )[0]
        files[name] = services.evidence_path(item)
    assert all(path.exists() for path in files.values())
    return operator, kegiatan, a, b, files


def test_files_of_a_deleted_leaf_leave_the_disk_after_commit_and_are_audited(
    setup, django_capture_on_commit_callbacks
):
    operator, _kegiatan, a, _b, files = setup
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.node_delete(user=operator, node=a)
    assert not files["maret.pdf"].exists() and not files["april.pdf"].exists()
    assert files["lain.pdf"].exists()  # the other leaf's file stays
    assert list(Evidence.objects.values_list("name", flat=True)) == ["lain.pdf"]
    entries = AuditEntry.objects.filter(action="evidence.delete").order_by("month")
    assert [(e.month, e.field, e.username) for e in entries] == [
        (3, "file", "operator-uji"),
        (4, "file", "operator-uji"),
    ]
    assert entries[0].old_value.startswith("maret.pdf (") and "sha256" in entries[0].old_value
    assert "1.02.01.2.01.0001 Sub 1 dihapus" in entries[0].reason
    assert entries[0].unit_id == a.plan.unit_id and entries[0].year == 2022


def test_deleting_a_parent_removes_the_files_of_every_leaf_under_it(
    setup, django_capture_on_commit_callbacks
):
    operator, kegiatan, _a, _b, files = setup
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.node_delete(user=operator, node=kegiatan)
    assert not any(path.exists() for path in files.values())
    assert not Evidence.objects.exists()
    assert AuditEntry.objects.filter(action="evidence.delete").count() == 3


def test_files_stay_when_the_transaction_rolls_back(setup, django_capture_on_commit_callbacks):
    operator, kegiatan, a, _b, files = setup
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        plan_services.node_delete(user=operator, node=kegiatan)
        raise RuntimeError("something later in the same transaction failed")
    assert callbacks == []
    assert all(path.exists() for path in files.values())
    assert Evidence.objects.count() == 3 and PlanNode.objects.filter(pk=a.pk).exists()
    assert not AuditEntry.objects.filter(action="evidence.delete").exists()


def test_nothing_is_scheduled_before_the_commit(setup, django_capture_on_commit_callbacks):
    operator, _kegiatan, a, _b, files = setup
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        plan_services.node_delete(user=operator, node=a)
        assert files["maret.pdf"].exists()  # the rows are gone, the contents wait
    assert len(callbacks) == 1
    callbacks[0]()
    assert not files["maret.pdf"].exists() and files["lain.pdf"].exists()
