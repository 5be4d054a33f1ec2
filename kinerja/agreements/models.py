"""Perjanjian Kinerja: an official's yearly promise of indicator targets to their superior.

This is the minimal shape needed to keep the agreements of the seed report; signing,
cascading checks and printing come with the performance-agreement work."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.org.models import OrgUnit
from kinerja.plans.models import PlanNode

QUANTITY = {"max_digits": 15, "decimal_places": 4}


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

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["year", "unit"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="uniq_agreement")]

    def __str__(self) -> str:
        return self.title


class AgreementRow(models.Model):
    agreement = models.ForeignKey(
        PerformanceAgreement, on_delete=models.CASCADE, related_name="rows"
    )
    position = models.PositiveIntegerField(default=0)
    subject = models.CharField(_("program / kegiatan"), max_length=400)
    node = models.ForeignKey(
        PlanNode, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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
