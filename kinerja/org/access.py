"""The one place that answers "may this user read / change this unit's data".

A membership grants a role on a unit and everything under it; the admin and the
inspectorate of a government read every unit of it. A unit's predecessors are readable
with it, so that years can be compared. Views never query a scoped row without going
through here, and a unit the user may not read is reported exactly like a missing one.
"""

from __future__ import annotations

from collections import defaultdict

from django.http import Http404

from .models import Government, Membership, OrgUnit

GOVERNMENT_WIDE = {Membership.Role.ADMIN, Membership.Role.INSPECTORATE}
WRITERS = {Membership.Role.ADMIN, Membership.Role.OPERATOR, Membership.Role.HEAD}


def _closure(unit_ids: set[int], units: list[OrgUnit]) -> set[int]:
    """The given units, everything under them, and the predecessors of all of those."""
    children = defaultdict(list)
    by_id = {u.id: u for u in units}
    for u in units:
        children[u.parent_id].append(u.id)
    seen: set[int] = set()
    stack = list(unit_ids)
    while stack:
        uid = stack.pop()
        if uid in seen or uid not in by_id:
            continue
        seen.add(uid)
        stack.extend(children[uid])
        if by_id[uid].predecessor_id:
            stack.append(by_id[uid].predecessor_id)
    return seen


def _unit_ids(user, roles: set[str] | None) -> set[int]:
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(OrgUnit.objects.values_list("id", flat=True))
    memberships = list(Membership.objects.filter(user=user))
    if roles is not None:
        memberships = [m for m in memberships if m.role in roles]
    if not memberships:
        return set()
    governments = {m.government_id for m in memberships}
    units = list(OrgUnit.objects.filter(government_id__in=governments))
    ids: set[int] = set()
    roots: set[int] = set()
    for m in memberships:
        if m.role in GOVERNMENT_WIDE:
            ids.update(u.id for u in units if u.government_id == m.government_id)
        elif m.unit_id:
            roots.add(m.unit_id)
    return ids | _closure(roots, units)


def readable_units(user):
    """Units whose data the user may read."""
    return OrgUnit.objects.filter(id__in=_unit_ids(user, None))


def writable_units(user):
    """Units whose data the user may change (the inspectorate only reads)."""
    return OrgUnit.objects.filter(id__in=_unit_ids(user, WRITERS))


def can_read_unit(user, unit: OrgUnit) -> bool:
    return unit.id in _unit_ids(user, None)


def can_write_unit(user, unit: OrgUnit) -> bool:
    return unit.id in _unit_ids(user, WRITERS)


def unit_for_reading(user, slug: str) -> OrgUnit:
    """The unit with this slug if the user may read it; otherwise 404, as if it did not exist."""
    unit = (
        OrgUnit.objects.select_related("government")
        .filter(slug=slug, id__in=_unit_ids(user, None))
        .order_by("government__code")
        .first()
    )
    if unit is None:
        raise Http404("Unit tidak ditemukan")
    return unit


def roles_on_unit(user, unit: OrgUnit) -> set[str]:
    """The roles the user holds on this unit: through a membership on it or on a unit above
    it (or on a successor of it, since a successor's people work on its predecessor's
    data), or government-wide. Empty when the user may not read the unit at all."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return {Membership.Role.ADMIN}
    roles: set[str] = set()
    units = list(OrgUnit.objects.filter(government_id=unit.government_id))
    for m in Membership.objects.filter(user=user, government_id=unit.government_id):
        if m.role in GOVERNMENT_WIDE or (m.unit_id and unit.id in _closure({m.unit_id}, units)):
            roles.add(m.role)
    return roles


def administered_governments(user):
    """Governments whose users and memberships the user manages: those where the user holds
    the admin role (every government for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return Government.objects.none()
    if user.is_superuser:
        return Government.objects.all()
    return Government.objects.filter(
        id__in=Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
            "government_id"
        )
    )


def government_for_admin(user, code: str) -> Government:
    """The government with this code if the user is its admin; otherwise 404, as if it did
    not exist."""
    government = administered_governments(user).filter(code=code).first()
    if government is None:
        raise Http404("Pemerintah daerah tidak ditemukan")
    return government
