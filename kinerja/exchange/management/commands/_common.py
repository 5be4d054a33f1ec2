"""Shared by ``kinerja import`` and ``kinerja export``."""

from django.core.management.base import CommandError

from kinerja.org.models import OrgUnit


def unit_by_slug(slug: str) -> OrgUnit:
    units = list(OrgUnit.objects.filter(slug=slug).select_related("government"))
    if not units:
        raise CommandError(f"Unit {slug!r} tidak ditemukan; lihat `kinerja units`.")
    if len(units) > 1:
        raise CommandError(f"Slug {slug!r} dipakai lebih dari satu pemerintah daerah.")
    return units[0]
