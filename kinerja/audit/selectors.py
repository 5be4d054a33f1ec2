"""Reading the audit trail. Every read goes through ``kinerja.org.access``: a unit the user
may not read, or a record none of whose entries the user may read, is reported as missing
(``Http404``), exactly like one that does not exist."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.http import Http404

from kinerja.org.access import GOVERNMENT_WIDE, readable_units
from kinerja.org.models import Membership, OrgUnit

from .models import AuditEntry

JAKARTA = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class AuditFilters:
    """All optional. Dates are calendar days in Asia/Jakarta, both ends included; ``action``
    is a prefix (``"workflow"`` matches ``workflow.submit``); ``username`` is exact (case
    insensitive); ``text`` is searched in the object label, the field name and the source
    (``"kinerja import"`` finds what that command wrote)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    action: str = ""
    username: str = ""
    year: int | None = None
    month: int | None = None
    text: str = ""


NO_FILTERS = AuditFilters()


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=JAKARTA)


def apply_filters(qs, filters: AuditFilters):
    if filters.date_from:
        qs = qs.filter(at__gte=_start_of(filters.date_from))
    if filters.date_to:
        qs = qs.filter(at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    if filters.action:
        qs = qs.filter(action__startswith=filters.action.strip())
    if filters.username:
        qs = qs.filter(username__iexact=filters.username.strip())
    if filters.year is not None:
        qs = qs.filter(year=filters.year)
    if filters.month is not None:
        qs = qs.filter(month=filters.month)
    if filters.text:
        text = filters.text.strip()
        qs = qs.filter(
            Q(object_label__icontains=text) | Q(field__icontains=text) | Q(source__icontains=text)
        )
    return qs


def units_under(user, unit: OrgUnit) -> list[int]:
    """Ids of the unit and of the units below it (through ``parent``) that the user may read;
    empty when the user may not read the unit. Three queries."""
    readable = set(readable_units(user).values_list("id", flat=True))
    if unit.id not in readable:
        return []
    children = defaultdict(list)
    for uid, parent_id in OrgUnit.objects.filter(government_id=unit.government_id).values_list(
        "id", "parent_id"
    ):
        children[parent_id].append(uid)
    out, stack, seen = [], [unit.id], set()
    while stack:
        uid = stack.pop()
        if uid in seen:
            continue
        seen.add(uid)
        if uid in readable:
            out.append(uid)
        stack.extend(children[uid])
    return sorted(out)


def entries_for_unit(user, unit: OrgUnit, *, filters: AuditFilters = NO_FILTERS):
    """The entries of the unit and of the readable units under it, newest first, filtered.
    ``Http404`` when the user may not read the unit."""
    ids = units_under(user, unit)
    if not ids:  # the same answer as a missing unit
        raise Http404("Unit tidak ditemukan")
    return apply_filters(AuditEntry.objects.filter(unit_id__in=ids), filters).for_listing()


def _whole_governments(user):
    """Governments on which the user holds a government-wide role: they read the entries
    that concern no single unit (``unit`` empty)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None  # every government
    return Membership.objects.filter(user=user, role__in=GOVERNMENT_WIDE).values("government_id")


def entries_for_object(user, model: str, object_id: str):
    """The history of one record, newest first: the entries whose unit the user may read
    (and, for entries without a unit, whose government the user reads whole). ``Http404``
    when there is none."""
    qs = AuditEntry.objects.filter(model=model, object_id=object_id)
    governments = _whole_governments(user)
    no_unit = Q(unit__isnull=True)
    if governments is not None:
        no_unit &= Q(government_id__in=governments)
    qs = qs.filter(Q(unit__in=readable_units(user)) | no_unit)
    qs = qs.for_listing()
    if not qs.exists():
        raise Http404("Riwayat tidak ditemukan")
    return qs
