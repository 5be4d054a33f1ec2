"""Writing the audit trail: ``record`` and ``record_changes``."""

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.audit.models import AuditEntry
from kinerja.audit.services import record, record_changes, to_text
from kinerja.org.models import Membership

pytestmark = pytest.mark.django_db


def test_record_derives_model_id_government_and_converts_values(user, unit, entry):
    biro = unit("biro-pemerintahan")
    e = record(
        user=user("operator"),
        action="realisation.update",
        unit=biro,
        year=2020,
        month=3,
        obj=entry,
        object_label="4.01.01.1.01.07 Evaluasi Kinerja Perangkat Daerah, Maret 2020",
        field="realisasi_keuangan",
        old=Decimal("1193209"),
        new=None,
        reason="salah ketik",
    )
    stored = AuditEntry.objects.get(pk=e.pk)
    assert stored.username == "operator" and stored.user == user("operator")
    assert stored.government_id == biro.government_id and stored.unit == biro
    assert (stored.model, stored.object_id) == ("plans.MonthlyEntry", str(entry.pk))
    assert stored.object_label.endswith("Maret 2020")
    # a DecimalField of the object is written with the field's decimal places
    assert (stored.old_value, stored.new_value) == ("1193209.00", "")
    assert (stored.year, stored.month, stored.reason) == (2020, 3, "salah ketik")
    assert stored.at is not None


def test_record_without_object_or_unit(user, unit):
    gov = unit("setda").government
    e = record(
        user=user("admin"),
        action="membership.add",
        government=gov,
        model="org.Membership",
        object_id="77",
        object_label="operator — Biro X",
        new="operator",
    )
    assert e.unit is None and e.government == gov
    assert (e.model, e.object_id, e.field, e.old_value, e.new_value) == (
        "org.Membership",
        "77",
        "",
        "",
        "operator",
    )
    system = record(user=None, action="plan.import", unit=unit("setda"))
    assert system.username == "" and system.user is None


def test_object_label_defaults_to_the_object_text(user, unit, entry):
    e = record(
        user=user("operator"), action="plan.create", unit=unit("biro-pemerintahan"), obj=entry
    )
    assert e.object_label == str(entry)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (Decimal("1193209000.00"), "1193209000.00"),
        (Decimal("1E+3"), "1000"),
        (Decimal("-0.50"), "-0.50"),
        (12, "12"),
        ("teks", "teks"),
        (Membership.Role.HEAD, "head"),
        (dt.date(2021, 3, 31), "2021-03-31"),
        (
            dt.datetime(2021, 3, 31, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
            "2021-03-31T00:00:00+00:00",
        ),
        ({"b": 1, "a": [1, 2]}, '{"a": [1, 2], "b": 1}'),
    ],
)
def test_values_become_text_deterministically(value, text):
    assert to_text(value) == text


def test_record_refuses_bad_input(user, unit, entry):
    biro = unit("biro-pemerintahan")
    with pytest.raises(ValueError, match="tindakan"):
        record(user=user("admin"), action="Ubah Data", unit=biro)
    with pytest.raises(ValueError, match="bulan"):
        record(user=user("admin"), action="workflow.submit", unit=biro, month=13)
    from kinerja.org.models import Government

    other = Government.objects.create(name="Kota Lain", kind="kota", code="96.01")
    with pytest.raises(ValueError, match="tidak cocok"):
        record(user=user("admin"), action="plan.update", unit=biro, government=other)
    unsaved = type(entry)(node=entry.node, month=4)
    with pytest.raises(ValueError, match="belum tersimpan"):
        record(user=user("admin"), action="plan.update", unit=biro, obj=unsaved)
    assert not AuditEntry.objects.filter(unit=biro).exists()


def test_record_changes_writes_only_changed_fields(user, unit, entry):
    biro = unit("biro-pemerintahan")
    before = {
        "realisasi_keuangan": Decimal("1193209.00"),
        "realisasi_fisik": Decimal("98.16"),
        "narrative": "",
        "obstacles": None,
    }
    after = {
        "realisasi_keuangan": Decimal("1193209"),  # same amount, other exponent: no change
        "realisasi_fisik": Decimal("99.5"),
        "narrative": "ATK dibeli",
        "obstacles": "",  # None and "" are both empty: no change
    }
    entries = record_changes(
        user=user("operator"),
        action="realisation.update",
        obj=entry,
        before=before,
        after=after,
        unit=biro,
        year=2020,
        month=3,
        object_label="Maret 2020",
        reason="revisi",
    )
    assert [(e.field, e.old_value, e.new_value) for e in entries] == [
        ("realisasi_fisik", "98.1600", "99.5000"),
        ("narrative", "", "ATK dibeli"),
    ]
    stored = AuditEntry.objects.filter(unit=biro).order_by("id")
    assert list(stored.values_list("field", flat=True)) == ["realisasi_fisik", "narrative"]
    assert {e.at for e in stored} == {entries[0].at}  # one change set, one time
    assert {(e.reason, e.month, e.object_label, e.model) for e in stored} == {
        ("revisi", 3, "Maret 2020", "plans.MonthlyEntry")
    }


def test_record_changes_writes_nothing_when_nothing_changed(
    user, unit, entry, django_assert_num_queries
):
    same = {"realisasi_keuangan": entry.realisasi_keuangan, "plan_fisik": entry.plan_fisik}
    operator, biro = user("operator"), unit("biro-pemerintahan")
    with django_assert_num_queries(0):
        out = record_changes(
            user=operator,
            action="realisation.update",
            obj=entry,
            before=same,
            after=dict(same),
            unit=biro,
        )
    assert out == []


def test_record_changes_counts_a_missing_key_as_none(user, unit, entry):
    out = record_changes(
        user=user("operator"),
        action="plan.update",
        obj=entry,
        before={"plan_fisik": Decimal("10")},
        after={},
        unit=unit("biro-pemerintahan"),
    )
    assert [(e.field, e.old_value, e.new_value) for e in out] == [("plan_fisik", "10.0000", "")]


def test_deleting_a_user_keeps_the_username(unit, django_user_model):
    somebody = django_user_model.objects.create_user("pegawai-pindah")
    e = record(user=somebody, action="workflow.submit", unit=unit("biro-pemerintahan"))
    somebody.delete()
    stored = AuditEntry.objects.get(pk=e.pk)
    assert stored.user_id is None and stored.username == "pegawai-pindah"
