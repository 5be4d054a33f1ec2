"""Managing who works on what: the admin of a government creates accounts for its people and
grants or revokes their roles on its units. Every write is a named function with keyword-only
arguments, checks through ``kinerja.org.access`` that ``by`` administers the government, runs
in one transaction and records what changed in the audit trail (never a password)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from kinerja.audit.services import record

from .access import GOVERNMENT_WIDE, administered_governments
from .models import Government, Membership, OrgUnit, UserAccount

Role = Membership.Role


class NotAllowed(Exception):
    """``by`` does not administer the government; views answer it like a missing page."""


class OrgError(ValueError):
    """Input that cannot be accepted: ``field`` names the form field, the message (in
    Indonesian) says what was found and what is expected."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _require_admin(by, government: Government) -> None:
    if not administered_governments(by).filter(pk=government.pk).exists():
        raise NotAllowed


def government_users(government: Government):
    """The accounts of the government: created by its admin, or holding a role on it."""
    return (
        get_user_model()
        .objects.filter(
            Q(kinerja_account__government=government) | Q(memberships__government=government)
        )
        .distinct()
    )


def describe(membership: Membership) -> str:
    """``"operator: Operator unit di Biro Pemerintahan"`` — what a membership grants."""
    where = membership.unit.name if membership.unit_id else membership.government.name
    return f"{membership.get_role_display()} di {where}"


def _check_grant(government: Government, user, role: str, unit: OrgUnit | None) -> None:
    if role not in Role.values:
        raise OrgError("role", f"Peran “{role}” tidak dikenal; pilih salah satu dari daftar.")
    if role in GOVERNMENT_WIDE:
        if unit is not None:
            raise OrgError(
                "unit",
                f"Peran {Role(role).label} berlaku untuk seluruh pemerintah daerah: "
                "kosongkan unit kerja.",
            )
    elif unit is None:
        raise OrgError("unit", f"Peran {Role(role).label} memerlukan unit kerja.")
    if unit is not None and unit.government_id != government.pk:
        raise OrgError("unit", "Unit kerja itu bukan milik pemerintah daerah ini.")
    if not government_users(government).filter(pk=user.pk).exists():
        raise OrgError("user", "Pengguna itu bukan pengguna pemerintah daerah ini.")
    existing = Membership.objects.filter(user=user, government=government, role=role)
    existing = existing.filter(unit__isnull=True) if unit is None else existing.filter(unit=unit)
    if existing.exists():
        raise OrgError(
            "role",
            f"{user.get_username()} sudah memegang peran {Role(role).label} "
            f"di {unit.name if unit else government.name}.",
        )


def _grant(by, government, user, role, unit) -> Membership:
    membership = Membership.objects.create(user=user, government=government, unit=unit, role=role)
    record(
        user=by,
        action="org.membership_grant",
        unit=unit,
        government=government,
        obj=membership,
        object_label=f"{user.get_username()}: {describe(membership)}",
        field="role",
        old="",
        new=role,
    )
    return membership


def membership_grant(
    *, by, government: Government, user, role: str, unit: OrgUnit | None = None
) -> Membership:
    """Grant ``role`` to ``user`` on ``unit`` (and everything under it); admin and
    inspectorate are government-wide and take no unit. Refuses a unit of another
    government, a user who is not of this government, and a role already held."""
    _require_admin(by, government)
    with transaction.atomic():
        _check_grant(government, user, role, unit)
        return _grant(by, government, user, role, unit)


def membership_revoke(*, by, membership: Membership) -> None:
    """Remove a membership. The last admin role of a government cannot be removed (nobody
    could manage it any more)."""
    government = membership.government
    _require_admin(by, government)
    with transaction.atomic():
        if (
            membership.role == Role.ADMIN
            and not Membership.objects.filter(government=government, role=Role.ADMIN)
            .exclude(pk=membership.pk)
            .exists()
        ):
            raise OrgError(
                "membership",
                "Peran admin terakhir pemerintah daerah tidak dapat dicabut; "
                "beri peran admin kepada orang lain lebih dulu.",
            )
        record(
            user=by,
            action="org.membership_revoke",
            unit=membership.unit,
            government=government,
            obj=membership,
            object_label=f"{membership.user.get_username()}: {describe(membership)}",
            field="role",
            old=membership.role,
            new="",
        )
        membership.delete()


def user_create(
    *,
    by,
    government: Government,
    username: str,
    full_name: str,
    password: str,
    role: str,
    unit: OrgUnit | None = None,
):
    """Create the account of a new person of the government with an initial password that
    must be changed at the first login, and grant the first role. All or nothing."""
    _require_admin(by, government)
    User = get_user_model()
    username = username.strip()
    full_name = " ".join(full_name.split())
    try:
        User.username_validator(username)
    except ValidationError:
        raise OrgError(
            "username",
            f"Nama pengguna “{username}” tidak sah: gunakan huruf, angka dan . @ + - _ saja, "
            "tanpa spasi.",
        ) from None
    if not username or len(username) > 150:
        raise OrgError("username", "Nama pengguna wajib diisi, paling panjang 150 karakter.")
    if not full_name or len(full_name) > 300:
        raise OrgError("full_name", "Nama lengkap wajib diisi, paling panjang 300 karakter.")
    if User.objects.filter(username__iexact=username).exists():
        raise OrgError("username", f"Nama pengguna “{username}” sudah dipakai; pilih nama lain.")
    first, _, last = full_name.partition(" ")
    with transaction.atomic():
        user = User(username=username, first_name=first[:150], last_name=last[:150])
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise OrgError("password", " ".join(exc.messages)) from None
        user.set_password(password)
        user.save()
        UserAccount.objects.create(user=user, government=government, must_change_password=True)
        record(
            user=by,
            action="org.user_create",
            government=government,
            obj=user,
            object_label=username,
            field="username",
            old="",
            new=f"{username} ({full_name})",
        )
        _check_grant(government, user, role, unit)
        _grant(by, government, user, role, unit)
    return user


def password_changed(*, user) -> None:
    """The user chose their own password (recorded, without any value): the initial one no
    longer has to be changed."""
    account = UserAccount.objects.filter(user=user).first()
    with transaction.atomic():
        if account is not None and account.must_change_password:
            account.must_change_password = False
            account.save(update_fields=["must_change_password"])
        record(
            user=user,
            action="org.password_change",
            government=account.government if account else None,
            obj=user,
            object_label=user.get_username(),
        )
