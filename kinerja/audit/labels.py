"""How the audit pages and their exports name who made a change."""

from django.utils.translation import gettext as _


def actor(entry) -> str:
    """The name of the user as recorded (it stays after the user is deleted), or "Sistem"
    for an entry written without a user: the automatic lock after the deadline (from
    ``kinerja lock_overdue`` or when the months page opens) and the commands run from the
    shell without ``--user`` (import, copy_year, load_code_mapping, nomenclature). Which
    command or automatic action wrote the entry is in ``entry.source``, shown beside it."""
    return entry.username or _("Sistem")
