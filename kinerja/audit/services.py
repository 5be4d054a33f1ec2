"""Writing the audit trail. The other apps' write services call ``record`` (one entry) or
``record_changes`` (one entry per changed field) inside their own transaction, after the
change itself, so that the change and its record commit or roll back together.

Values are stored as text, the same way for the same value whatever its Python type:

- ``None`` → ``""``; ``bool`` → ``"true"``/``"false"``;
- ``Decimal`` → plain machine form without exponent, e.g. ``"1193209000.00"``; when the value
  belongs to a ``DecimalField`` of ``obj`` it is first quantized to the field's decimal places,
  so ``Decimal("1193209")`` and ``Decimal("1193209.00")`` both give ``"1193209.00"``;
- dates and times → ISO 8601 (aware datetimes in UTC); choices (enums) → their value;
- a model instance → its primary key; lists and dicts → JSON with sorted keys;
- anything else → ``str(value)``.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils import timezone

from .context import current_source
from .models import AuditEntry

ACTION_RE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")


def model_label(obj_or_model) -> str:
    """``"plans.MonthlyEntry"`` for a MonthlyEntry instance or class."""
    meta = obj_or_model._meta
    return f"{meta.app_label}.{meta.object_name}"


def to_text(value, *, model_field=None) -> str:
    """The stored text of a value (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return to_text(value.value)
    if isinstance(value, float | int) and isinstance(model_field, models.DecimalField):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        if isinstance(model_field, models.DecimalField) and value.is_finite():
            value = value.quantize(Decimal(1).scaleb(-model_field.decimal_places))
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return "" if value.pk is None else str(value.pk)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return str(value)


def _model_field(obj, name: str):
    if obj is None or not name:
        return None
    try:
        return obj._meta.get_field(name)
    except FieldDoesNotExist:  # a name that is not a field of the object, e.g. "output"
        return None


def _username(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_username()


def _entry(
    *,
    at,
    user,
    action,
    unit,
    government,
    year,
    month,
    obj,
    model,
    object_id,
    object_label,
    field,
    old,
    new,
    reason,
) -> AuditEntry:
    if not isinstance(action, str) or not ACTION_RE.fullmatch(action) or len(action) > 60:
        raise ValueError(f"tindakan audit {action!r} bukan kode seperti 'realisation.update'")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"bulan {month!r} di luar 1–12")
    if unit is not None:
        if government is None:
            government_id = unit.government_id
        else:
            government_id = government.pk
            if government_id != unit.government_id:
                raise ValueError("unit dan pemerintah daerah entri audit tidak cocok")
    else:
        government_id = None if government is None else government.pk
    if obj is not None:
        if obj.pk is None:
            raise ValueError("objek audit belum tersimpan (tanpa id)")
        model = model or model_label(obj)
        object_id = object_id or str(obj.pk)
        object_label = object_label or str(obj)
    model_field = _model_field(obj, field)
    return AuditEntry(
        at=at,
        user=user if _username(user) else None,
        username=_username(user),
        government_id=government_id,
        unit=unit,
        year=year,
        month=month,
        action=action,
        model=model,
        object_id=str(object_id),
        object_label=object_label,
        field=field,
        old_value=to_text(old, model_field=model_field),
        new_value=to_text(new, model_field=model_field),
        reason=reason or "",
        source=current_source(),
    )


def record(
    *,
    user,
    action: str,
    unit=None,
    government=None,
    year: int | None = None,
    month: int | None = None,
    obj=None,
    model: str = "",
    object_id: str = "",
    object_label: str = "",
    field: str = "",
    old=None,
    new=None,
    reason: str = "",
) -> AuditEntry:
    """Append one entry. ``obj`` (a saved model instance) gives ``model``, ``object_id`` and,
    when not given, ``object_label`` (``str(obj)``); ``unit`` gives ``government``. ``field``
    blank means the action concerns the whole object (create, submit, request…)."""
    entry = _entry(
        at=timezone.now(),
        user=user,
        action=action,
        unit=unit,
        government=government,
        year=year,
        month=month,
        obj=obj,
        model=model,
        object_id=object_id,
        object_label=object_label,
        field=field,
        old=old,
        new=new,
        reason=reason,
    )
    entry.save()
    return entry


def record_changes(
    *,
    user,
    action: str,
    obj,
    before: dict,
    after: dict,
    unit,
    object_label: str = "",
    reason: str = "",
    year: int | None = None,
    month: int | None = None,
) -> list[AuditEntry]:
    """Append one entry per field whose stored text differs between ``before`` and ``after``
    (a key missing on one side counts as ``None``), in the order of ``after`` then of the
    keys only in ``before``; all entries carry the same time. Nothing is written when nothing
    changed. Returns the entries written."""
    at = timezone.now()
    keys = list(after) + [k for k in before if k not in after]
    entries: list[AuditEntry] = []
    for key in keys:
        model_field = _model_field(obj, key)
        old_text = to_text(before.get(key), model_field=model_field)
        new_text = to_text(after.get(key), model_field=model_field)
        if old_text == new_text:
            continue
        if not object_label:  # str(obj) may query: only once, and only for a change
            object_label = str(obj)
        entries.append(
            _entry(
                at=at,
                user=user,
                action=action,
                unit=unit,
                government=None,
                year=year,
                month=month,
                obj=obj,
                model="",
                object_id="",
                object_label=object_label,
                field=key,
                old=before.get(key),
                new=after.get(key),
                reason=reason,
            )
        )
    if entries:
        with transaction.atomic():
            for entry in entries:
                entry.save()
    return entries
