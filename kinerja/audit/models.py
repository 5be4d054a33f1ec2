"""The audit trail: one append-only row per change (who, when, what, old value, new value,
reason). Rows are written only through ``kinerja.audit.services`` and never changed or
removed by the application:

- ``AuditEntry.save()`` inserts and refuses to update an existing row; ``delete()`` refuses;
- the queryset (also used as base manager, so Django's own deletion machinery goes through
  it) refuses ``update()``, ``bulk_update()`` and ``delete()``. The one exception is
  ``update(user=None)``, which Django issues when a user is deleted (``SET_NULL``): the
  ``username`` column keeps who it was;
- on PostgreSQL a trigger refuses UPDATE and DELETE of the table from any client (same
  exception for ``user_id`` becoming NULL), see migration 0002.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.org.models import Government, OrgUnit

from .context import SOURCE_MAX


class AuditLogImmutable(Exception):
    """Something tried to change or delete an audit entry."""


def _refuse(what: str):
    raise AuditLogImmutable(
        f"Jejak audit hanya dapat ditambah: {what} ditolak (the audit log is append-only)."
    )


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # Deleting a user sets the link to NULL (on_delete=SET_NULL); the username stays.
        if kwargs.keys() <= {"user", "user_id"} and all(v is None for v in kwargs.values()):
            return super().update(**kwargs)
        _refuse("update()")

    def bulk_update(self, objs, fields, batch_size=None):
        _refuse("bulk_update()")

    def delete(self):
        _refuse("delete()")

    delete.queryset_only = True

    def _raw_delete(self, using):
        _refuse("_raw_delete()")

    def for_listing(self):
        return self.select_related("unit").order_by("-at", "-id")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pengguna"),
    )
    username = models.CharField(_("nama pengguna"), max_length=150, blank=True)
    government = models.ForeignKey(
        Government,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("pemerintah daerah"),
    )
    unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit kerja"),
    )
    year = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("bulan"), null=True, blank=True)
    action = models.CharField(_("tindakan"), max_length=60)
    model = models.CharField(_("jenis data"), max_length=100, blank=True)
    object_id = models.CharField(_("id data"), max_length=64, blank=True)
    object_label = models.TextField(_("objek"), blank=True)
    field = models.CharField(_("kolom"), max_length=100, blank=True)
    old_value = models.TextField(_("nilai lama"), blank=True)
    new_value = models.TextField(_("nilai baru"), blank=True)
    reason = models.TextField(_("alasan"), blank=True)
    # What wrote the entry besides the user: the command and the operating-system account
    # that ran it, e.g. "kinerja import (budi)", or what the application did by itself, e.g.
    # the lock of overdue months when a page opens. Blank: a request of a signed-in user.
    source = models.CharField(_("sumber"), max_length=SOURCE_MAX, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entri jejak audit")
        verbose_name_plural = _("jejak audit")
        base_manager_name = "objects"
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["unit", "at"], name="audit_unit_at"),
            models.Index(fields=["model", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        what = f"{self.object_label} {self.field}".strip()
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {what}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            _refuse("mengubah entri yang sudah tersimpan / save() of a stored entry")
        if kwargs.get("force_update") or kwargs.get("update_fields") is not None:
            _refuse("save(force_update / update_fields)")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse("delete()")
