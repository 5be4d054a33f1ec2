"""Perjanjian Kinerja: an official's yearly promise of indicator targets to their superior.

One ``PerformanceAgreement`` per unit and year holds the agreement **as it stands now** (its
latest version): the parties, the indicator rows with their targets (``AgreementRow``) and
the programs / kegiatan / sub kegiatan with their anggaran (``AgreementBudgetLine``). Every
version ever signed, the first (PK awal) and each revision (PK perubahan, after the budget
revision or a change of official), is kept as an immutable ``AgreementVersion`` with its date,
its reason and its full content; ``selectors.agreement_in_force`` picks the one in force on a
date. Rows are linked to the plan's indicators and nodes, and to the row of the superior's
agreement they support (the cascade eselon II → III → IV)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.numbers import fmt_date
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Indicator, PlanNode

QUANTITY = {"max_digits": 15, "decimal_places": 4}
MONEY = {"max_digits": 15, "decimal_places": 2}


class PerformanceAgreement(models.Model):
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("unit pihak pertama"),
    )
    superior_unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit pihak kedua"),
    )
    superior_title = models.CharField(
        _("jabatan pihak kedua"),
        max_length=250,
        blank=True,
        help_text=_("Diisi bila atasan bukan unit di Kinerja, mis. Sekretaris Daerah."),
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    title = models.CharField(_("judul"), max_length=300)
    signed_on = models.DateField(_("tanggal"), null=True, blank=True)
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    reason = models.TextField(
        _("alasan perubahan"), blank=True, help_text=_("Kosong untuk PK awal (versi 1).")
    )
    # pihak pertama: the official who signs (the unit's head when the PK was made)
    official_name = models.CharField(_("nama pihak pertama"), max_length=150, blank=True)
    official_nip = models.CharField(_("NIP pihak pertama"), max_length=21, blank=True)
    official_pangkat = models.CharField(_("pangkat pihak pertama"), max_length=80, blank=True)
    official_golongan = models.CharField(_("golongan pihak pertama"), max_length=10, blank=True)
    official_jabatan = models.CharField(_("jabatan pihak pertama"), max_length=250, blank=True)
    # pihak kedua: the superior (jabatan in ``superior_title``)
    superior_name = models.CharField(_("nama pihak kedua"), max_length=150, blank=True)
    superior_nip = models.CharField(_("NIP pihak kedua"), max_length=21, blank=True)
    superior_pangkat = models.CharField(_("pangkat pihak kedua"), max_length=80, blank=True)
    superior_golongan = models.CharField(_("golongan pihak kedua"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["year", "unit"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="uniq_agreement")]

    def __str__(self) -> str:
        return self.title


class AgreementRow(models.Model):
    """An indicator of the agreement with its target, as the current version states it."""

    agreement = models.ForeignKey(
        PerformanceAgreement, on_delete=models.CASCADE, related_name="rows"
    )
    position = models.PositiveIntegerField(default=0)
    sasaran = models.CharField(_("sasaran"), max_length=500, blank=True)
    subject = models.CharField(_("program / kegiatan"), max_length=400)
    node = models.ForeignKey(
        PlanNode, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreement_rows",
        verbose_name=_("indikator rencana"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supporting",
        verbose_name=_("mendukung indikator atasan"),
    )
    statement = models.CharField(_("indikator kinerja"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target = models.DecimalField(_("target"), null=True, blank=True, **QUANTITY)
    target_label = models.CharField(_("target (label)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("baris perjanjian kinerja")
        verbose_name_plural = _("baris perjanjian kinerja")
        ordering = ["agreement", "position"]

    def __str__(self) -> str:
        return f"{self.subject}: {self.statement}"


class AgreementBudgetLine(models.Model):
    """A program, kegiatan or sub kegiatan of the agreement with its anggaran and, where the
    agreement states one, the output target of that node."""

    agreement = models.ForeignKey(
        PerformanceAgreement, on_delete=models.CASCADE, related_name="budget_lines"
    )
    position = models.PositiveIntegerField(default=0)
    node = models.ForeignKey(
        PlanNode, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=40, blank=True)
    name = models.CharField(_("program / kegiatan / sub kegiatan"), max_length=400)
    amount = models.DecimalField(_("anggaran (Rp)"), null=True, blank=True, **MONEY)
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target = models.DecimalField(_("target keluaran"), null=True, blank=True, **QUANTITY)
    target_label = models.CharField(_("target keluaran (label)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("anggaran perjanjian kinerja")
        verbose_name_plural = _("anggaran perjanjian kinerja")
        ordering = ["agreement", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="agreement_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class AgreementVersionImmutable(Exception):
    """Something tried to change a stored version of an agreement."""


class AgreementVersion(models.Model):
    """One signed version of an agreement, kept as it was: number 1 is the PK awal, the
    others are PK perubahan. ``content`` is the whole agreement (parties, rows, anggaran) as
    ``kinerja.agreements.domain.AgreementDoc.to_dict`` writes it. Never changed once stored."""

    agreement = models.ForeignKey(
        PerformanceAgreement, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("versi"))
    signed_on = models.DateField(_("tanggal"), null=True, blank=True)
    reason = models.TextField(_("alasan perubahan"), blank=True)
    content = models.JSONField(_("isi"))
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )
    created_by_name = models.CharField(_("nama pencatat"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("versi perjanjian kinerja")
        verbose_name_plural = _("versi perjanjian kinerja")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="uniq_agreement_version")
        ]

    def __str__(self) -> str:
        return f"{self.agreement} v{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AgreementVersionImmutable(
                "Versi perjanjian kinerja yang sudah dicatat tidak dapat diubah."
            )
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return "PK awal" if self.number == 1 else f"PK perubahan ke-{self.number - 1}"

    @property
    def signed_text(self) -> str:
        return fmt_date(self.signed_on) if self.signed_on else ""
