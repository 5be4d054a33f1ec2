"""The workflow of a unit's monthly realisation: draft → submitted → verified or returned →
locked, with reopening by request. The figures themselves live in ``plans.MonthlyEntry``
and ``plans.IndicatorRealisation``; this app keeps the state of each unit and month and
the version that guards against two people overwriting each other, the evidence files of
each leaf and month, and each government's deadline."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.org.models import Government
from kinerja.plans.models import Plan, PlanNode


class MonthStatus(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        RETURNED = "returned", _("Dikembalikan")
        VERIFIED = "verified", _("Diverifikasi")
        LOCKED = "locked", _("Dikunci")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="month_states")
    month = models.PositiveSmallIntegerField(_("bulan"))
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(
        default=0, help_text=_("Naik setiap kali data bulan ini disimpan.")
    )
    comment = models.TextField(_("catatan"), blank=True)
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("status bulan")
        verbose_name_plural = _("status bulan")
        constraints = [
            models.UniqueConstraint(fields=["plan", "month"], name="uniq_month_status"),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="status_month_1_12"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} bulan {self.month}: {self.get_state_display()}"

    @property
    def editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)


class ReopenRequest(models.Model):
    """A request to reopen a locked month, with its reason; the admin decides."""

    status = models.ForeignKey(MonthStatus, on_delete=models.CASCADE, related_name="reopens")
    reason = models.TextField(_("alasan"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    approved = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("permintaan buka kunci")
        verbose_name_plural = _("permintaan buka kunci")

    def __str__(self) -> str:
        return f"{self.status}: {self.reason[:40]}"


class Evidence(models.Model):
    """A file that supports one leaf's realisation in one month (a receipt, a photo, a
    report). The content lives outside every served folder, at
    ``settings.EVIDENCE_DIR / <uuid>``, and is read only through the view that checks access;
    the row keeps what the grid shows and what the audit trail names."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="evidence")
    month = models.PositiveSmallIntegerField(_("bulan"))
    name = models.CharField(_("nama berkas"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=4, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["node", "month", "uploaded_at", "id"]
        indexes = [models.Index(fields=["node", "month"], name="evidence_node_month")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="evidence_month_1_12"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def size_display(self) -> str:
        from .evidence import fmt_size

        return fmt_size(self.size)


class RealisationDeadline(models.Model):
    """How long a government's units have to finish a month: ``days_after_month_end`` days
    after its last day (10 = by the 10th of the following month). Past it, a month not yet
    verified is overdue, and a verified month is locked automatically when ``auto_lock``.
    A government without a row has no deadline."""

    government = models.OneToOneField(
        Government, on_delete=models.CASCADE, related_name="realisation_deadline"
    )
    days_after_month_end = models.PositiveSmallIntegerField(
        _("batas hari setelah akhir bulan"), default=10
    )
    auto_lock = models.BooleanField(_("kunci otomatis bulan terverifikasi"), default=True)

    class Meta:
        verbose_name = _("batas waktu realisasi")
        verbose_name_plural = _("batas waktu realisasi")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days_after_month_end__gte=1, days_after_month_end__lte=90),
                name="deadline_days_1_90",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.government}: {self.days_after_month_end} hari"
