"""Nothing in the application changes or removes an audit entry; on PostgreSQL the database
refuses it too."""

import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import RequestFactory

from kinerja.audit.models import AuditEntry, AuditLogImmutable
from kinerja.audit.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(user, unit):
    return record(
        user=user("operator"),
        action="realisation.update",
        unit=unit("biro-pemerintahan"),
        model="plans.MonthlyEntry",
        object_id="1",
        field="realisasi_keuangan",
        old="1.00",
        new="2.00",
    )


def test_saving_a_stored_entry_is_refused(stored):
    stored.new_value = "999.00"
    with pytest.raises(AuditLogImmutable, match="append-only"):
        stored.save()
    again = AuditEntry.objects.get(pk=stored.pk)
    again.reason = "disamarkan"
    with pytest.raises(AuditLogImmutable):
        again.save(update_fields=["reason"])
    assert AuditEntry.objects.get(pk=stored.pk).new_value == "2.00"


def test_a_new_instance_with_an_existing_pk_cannot_overwrite(stored):
    copy = AuditEntry(pk=stored.pk, action="plan.update", new_value="palsu")
    with pytest.raises(DatabaseError), transaction.atomic():
        copy.save()  # always an INSERT: the primary key clashes
    assert AuditEntry.objects.get(pk=stored.pk).new_value == "2.00"


def test_deleting_an_entry_is_refused(stored):
    with pytest.raises(AuditLogImmutable):
        stored.delete()
    assert AuditEntry.objects.filter(pk=stored.pk).exists()


@pytest.mark.parametrize(
    "attempt",
    [
        lambda qs: qs.update(new_value="0"),
        lambda qs: qs.update(user=None, reason="x"),
        lambda qs: qs.delete(),
        lambda qs: qs.bulk_update(list(qs), ["reason"]),
        lambda qs: qs.update_or_create(pk=qs.get().pk, defaults={"reason": "x"}),
    ],
    ids=["update", "update-more-than-user", "delete", "bulk_update", "update_or_create"],
)
def test_queryset_writes_are_refused(stored, attempt):
    with pytest.raises(AuditLogImmutable):
        attempt(AuditEntry.objects.filter(pk=stored.pk))
    assert AuditEntry.objects.get(pk=stored.pk).new_value == "2.00"


def test_the_one_update_allowed_unlinks_the_user(stored):
    # what on_delete=SET_NULL issues when a user is deleted; the username stays
    assert AuditEntry.objects.filter(pk=stored.pk).update(user=None) == 1
    again = AuditEntry.objects.get(pk=stored.pk)
    assert again.user_id is None and again.username == "operator"
    assert again.new_value == "2.00"


def test_base_manager_is_guarded_too():
    # Django's deletion machinery uses the base manager: it must be the guarded one
    assert isinstance(AuditEntry._base_manager.all(), type(AuditEntry.objects.all()))
    with pytest.raises(AuditLogImmutable):
        AuditEntry._base_manager.all().delete()


def test_a_unit_with_history_cannot_be_deleted(user, unit):
    from kinerja.org.models import OrgUnit

    setda = unit("setda")
    new = OrgUnit.objects.create(
        government=setda.government,
        parent=setda,
        slug="biro-baru",
        name="Biro Baru",
        kind="biro",
        from_year=2022,
    )
    record(user=user("admin"), action="unit.create", unit=new, obj=new)
    with pytest.raises(ProtectedError), transaction.atomic():
        new.delete()
    assert OrgUnit.objects.filter(pk=new.pk).exists()


def test_admin_is_read_only(user):
    model_admin = admin.site._registry[AuditEntry]
    request = RequestFactory().get("/admin/")
    request.user = user("admin")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert model_admin.actions is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_trigger_refuses_raw_update_and_delete(stored):
    for sql in (
        "UPDATE audit_auditentry SET new_value = '0' WHERE id = %s",
        "UPDATE audit_auditentry SET user_id = NULL, reason = 'x' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [stored.pk])
    assert AuditEntry.objects.get(pk=stored.pk).new_value == "2.00"
    # the one allowed change: the user link set to NULL (what deleting a user does)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET user_id = NULL WHERE id = %s", [stored.pk])
    again = AuditEntry.objects.get(pk=stored.pk)
    assert again.user_id is None and again.username == "operator"
