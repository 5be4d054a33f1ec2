"""Data kept over years, beside the plans of ``kinerja.plans``.

The medium-term plan reuses the plan area's ``Sasaran`` (a unit's sasaran strategis over a
period), ``Indicator`` (on the sasaran) and ``IndicatorTarget`` with
``source="medium_term"`` (one target per year of the period); this app adds what those do
not hold: the document (RPJMD of the government, Renstra of a unit), its tujuan, where each
sasaran sits in it, the end-of-period target and which programs of a year serve a sasaran.
See docs/decisions/0007-medium-term-plan.md.

Also here: the mapping of codes between nomenclature versions used when a plan is copied
into the next year, and the community satisfaction surveys (IKM / SKM).

Nothing here computes: see ``compute`` and ``ikm`` (pure) and ``selectors``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.org.models import Government, OrgUnit
from kinerja.plans.models import QUANTITY, Indicator, PlanNode, Sasaran

from .ikm import DEFAULT_GUIDELINE, GUIDELINES


class MediumTermPlan(models.Model):
    """An RPJMD (the government's five-year plan; no unit) or a Renstra (a unit's)."""

    class Kind(models.TextChoices):
        RPJMD = "rpjmd", _("RPJMD")
        RENSTRA = "renstra", _("Renstra")

    government = models.ForeignKey(
        Government, on_delete=models.CASCADE, related_name="medium_term_plans"
    )
    unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="medium_term_plans",
        verbose_name=_("unit"),
    )
    kind = models.CharField(_("jenis"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("judul dokumen"), max_length=300)
    period_start = models.PositiveSmallIntegerField(_("awal periode"))
    period_end = models.PositiveSmallIntegerField(_("akhir periode"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("mengacu pada"),
        help_text=_("RPJMD yang diacu sebuah Renstra."),
    )

    class Meta:
        verbose_name = _("rencana jangka menengah")
        verbose_name_plural = _("rencana jangka menengah")
        ordering = ["government", "period_start", "kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="mtp_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="rpjmd", unit__isnull=True)
                | models.Q(kind="renstra", unit__isnull=False),
                name="mtp_renstra_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def covers(self, year: int) -> bool:
        return self.period_start <= year <= self.period_end


class Tujuan(models.Model):
    """A goal (tujuan) of a medium-term plan; its sasaran strategis serve it."""

    plan = models.ForeignKey(MediumTermPlan, on_delete=models.CASCADE, related_name="tujuan")
    code = models.CharField(_("kode"), max_length=20, blank=True)
    statement = models.CharField(_("tujuan"), max_length=500)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.statement


class SasaranPlacement(models.Model):
    """Where a sasaran strategis (``plans.Sasaran``) sits: in which medium-term plan, under
    which tujuan, with which code."""

    sasaran = models.OneToOneField(Sasaran, on_delete=models.CASCADE, related_name="placement")
    plan = models.ForeignKey(MediumTermPlan, on_delete=models.CASCADE, related_name="placements")
    tujuan = models.ForeignKey(
        Tujuan, null=True, blank=True, on_delete=models.SET_NULL, related_name="placements"
    )
    code = models.CharField(_("kode"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("letak sasaran")
        verbose_name_plural = _("letak sasaran")

    def __str__(self) -> str:
        return f"{self.code} {self.sasaran}".strip()


class EndTarget(models.Model):
    """The end-of-period target of an indicator, when the document sets it. Without one it
    is derived from the yearly targets (``compute.end_target``)."""

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="end_target")
    value = models.DecimalField(_("target akhir"), null=True, blank=True, **QUANTITY)
    low = models.DecimalField(_("batas bawah"), null=True, blank=True, **QUANTITY)
    high = models.DecimalField(_("batas atas"), null=True, blank=True, **QUANTITY)
    label = models.CharField(_("target akhir (label)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("target akhir periode")
        verbose_name_plural = _("target akhir periode")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.label or self.value}"


class ProgramIndicator(models.Model):
    """An indicator of a program or kegiatan in a medium-term plan (the Renstra of a unit),
    with a target for each year of the period (``ProgramIndicatorTarget``) and optionally the
    end target. Plan nodes and their indicators are per year, so the row is tied to the
    year's plan indicator by a stable key, not by a foreign key: the node's level and code
    (``code`` as written in ``nomenclature``, carried through the mapping table when a year's
    plan uses another version) and the indicator's statement (case and blanks ignored; the
    only indicator of the node with the same satuan when the statement differs). Copying a
    plan into the next year keeps code (mapped) and statement, so the key still finds it.
    The definition (satuan, polarity, value type) is the Renstra's, copied from the plan
    indicator it was added from."""

    class Level(models.TextChoices):
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")

    document = models.ForeignKey(
        MediumTermPlan, on_delete=models.CASCADE, related_name="program_indicators"
    )
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices)
    code = models.CharField(_("kode"), max_length=40)
    nomenclature = models.CharField(_("versi nomenklatur kode"), max_length=100, blank=True)
    name = models.CharField(_("nama program/kegiatan"), max_length=400)
    statement = models.CharField(_("indikator"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    polarity = models.CharField(
        _("arah"), max_length=6, choices=Indicator.Polarity.choices, default="higher"
    )
    value_type = models.CharField(
        _("tipe nilai"), max_length=12, choices=Indicator.ValueType.choices, default="number"
    )
    cumulative = models.BooleanField(_("akumulatif"), default=False)
    levels = models.JSONField(_("jenjang label"), default=list, blank=True)
    qualitative_mode = models.CharField(max_length=6, default="levels")
    end_value = models.DecimalField(_("target akhir"), null=True, blank=True, **QUANTITY)
    end_low = models.DecimalField(_("batas bawah"), null=True, blank=True, **QUANTITY)
    end_high = models.DecimalField(_("batas atas"), null=True, blank=True, **QUANTITY)
    end_label = models.CharField(_("target akhir (label)"), max_length=100, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("indikator program/kegiatan Renstra")
        verbose_name_plural = _("indikator program/kegiatan Renstra")
        ordering = ["document", "position", "id"]

    def __str__(self) -> str:
        return f"{self.code} {self.statement}"


class ProgramIndicatorTarget(models.Model):
    """The medium-term target of a program or kegiatan indicator for one year."""

    line = models.ForeignKey(ProgramIndicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.DecimalField(_("target"), null=True, blank=True, **QUANTITY)
    low = models.DecimalField(_("batas bawah"), null=True, blank=True, **QUANTITY)
    high = models.DecimalField(_("batas atas"), null=True, blank=True, **QUANTITY)
    label = models.CharField(_("target (label)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("target Renstra indikator program/kegiatan")
        verbose_name_plural = _("target Renstra indikator program/kegiatan")
        ordering = ["line", "year"]
        constraints = [
            models.UniqueConstraint(fields=["line", "year"], name="uniq_program_indicator_year"),
        ]

    def __str__(self) -> str:
        return f"{self.line} {self.year}: {self.label or self.value}"


class SasaranProgram(models.Model):
    """A program (or kegiatan) of a year's plan that serves a sasaran strategis. The link is
    per year because nodes are; copying a plan into the next year copies its links."""

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="program_links")
    node = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="sasaran_links")

    class Meta:
        verbose_name = _("program pendukung sasaran")
        verbose_name_plural = _("program pendukung sasaran")
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "node"], name="uniq_sasaran_program"),
        ]

    def __str__(self) -> str:
        return f"{self.node} → {self.sasaran}"


class CodeMapping(models.Model):
    """One row of a mapping table between two nomenclature versions (as written in
    ``Plan.nomenclature``): an old code, its new code (blank: removed) and optionally its new
    name. A code that is not listed keeps its code, or follows its parent's new code."""

    old_version = models.CharField(_("versi lama"), max_length=100)
    new_version = models.CharField(_("versi baru"), max_length=100)
    old_code = models.CharField(_("kode lama"), max_length=40)
    new_code = models.CharField(_("kode baru"), max_length=40, blank=True)
    new_name = models.CharField(_("nama baru"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("padanan kode")
        verbose_name_plural = _("padanan kode")
        ordering = ["old_version", "new_version", "old_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["old_version", "new_version", "old_code"], name="uniq_code_mapping"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.old_code} → {self.new_code or '(dihapus)'}"


class IkmSurvey(models.Model):
    """The result of one community satisfaction survey (SKM) of a unit's service in a year,
    entered per unsur (counts of answers 1–4 or the NRR) or, for a survey known only from an
    old report, as its index. The guideline tells which unsur and which interval table."""

    class Mode(models.TextChoices):
        COUNTS = "counts", _("Jumlah jawaban 1–4 per unsur")
        MEANS = "means", _("Nilai rata-rata (NRR) per unsur")
        INDEX = "index", _("Nilai IKM saja (tanpa rincian unsur)")

    GUIDELINE_CHOICES = [(key, g.name) for key, g in GUIDELINES.items()]

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="ikm_surveys")
    year = models.PositiveSmallIntegerField(_("tahun"))
    service = models.CharField(_("jenis layanan"), max_length=200)
    guideline = models.CharField(
        _("pedoman"), max_length=30, choices=GUIDELINE_CHOICES, default=DEFAULT_GUIDELINE
    )
    mode = models.CharField(_("cara isian"), max_length=8, choices=Mode.choices)
    respondents = models.PositiveIntegerField(_("jumlah responden"), null=True, blank=True)
    index_value = models.DecimalField(
        _("nilai IKM (1–4)"), null=True, blank=True, max_digits=9, decimal_places=4
    )
    period = models.CharField(_("periode survei"), max_length=100, blank=True)
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("survei kepuasan masyarakat")
        verbose_name_plural = _("survei kepuasan masyarakat")
        ordering = ["unit", "year", "service"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "service"], name="uniq_ikm_survey"),
        ]

    def __str__(self) -> str:
        return f"IKM {self.unit} {self.year}: {self.service}"


class IkmElement(models.Model):
    """One unsur of a survey: the counts of answers 1, 2, 3 and 4, or its NRR."""

    survey = models.ForeignKey(IkmSurvey, on_delete=models.CASCADE, related_name="elements")
    number = models.PositiveSmallIntegerField(_("nomor unsur"))
    name = models.CharField(_("unsur"), max_length=200)
    count_1 = models.PositiveIntegerField(_("jawaban 1"), null=True, blank=True)
    count_2 = models.PositiveIntegerField(_("jawaban 2"), null=True, blank=True)
    count_3 = models.PositiveIntegerField(_("jawaban 3"), null=True, blank=True)
    count_4 = models.PositiveIntegerField(_("jawaban 4"), null=True, blank=True)
    mean = models.DecimalField(_("NRR"), null=True, blank=True, max_digits=9, decimal_places=4)

    class Meta:
        verbose_name = _("unsur survei")
        verbose_name_plural = _("unsur survei")
        ordering = ["survey", "number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="uniq_ikm_element"),
        ]

    def __str__(self) -> str:
        return f"U{self.number} {self.name}"

    @property
    def counts(self) -> tuple[int, int, int, int] | None:
        values = (self.count_1, self.count_2, self.count_3, self.count_4)
        if all(v is None for v in values):
            return None
        return tuple(v or 0 for v in values)  # type: ignore[return-value]
