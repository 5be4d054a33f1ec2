"""The plan of a unit for a year: programs, kegiatan and their leaves (sub kegiatan or,
before 2021, tolok ukur) with budget, monthly plan and realisation, and indicators with
targets and realisation; sasaran strategis with medium-term targets; past results.

Money is ``DecimalField(15, 2)`` (rupiah with sen, up to Rp9.999.999.999.999,99 a row: 15
significant digits round-trip exactly even through SQLite, which stores decimals as REAL);
percentages ``DecimalField(9, 4)``. Sums are computed in Python, never in SQL.
Nothing here computes: aggregates come from ``kinerja.core`` through ``selectors``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.org.models import OrgUnit

MONEY = {"max_digits": 15, "decimal_places": 2}  # exact on SQLite too (15 digits)
PERCENT = {"max_digits": 9, "decimal_places": 4}
QUANTITY = {"max_digits": 15, "decimal_places": 4}


class Plan(models.Model):
    class Structure(models.TextChoices):
        SUB_KEGIATAN = "program-kegiatan-sub_kegiatan", _("Program › Kegiatan › Sub kegiatan")
        TOLOK_UKUR = "program-kegiatan-tolok_ukur", _("Program › Kegiatan › Tolok ukur")

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField(_("tahun"))
    nomenclature = models.CharField(
        _("versi nomenklatur"),
        max_length=100,
        help_text=_(
            "Versi nomenklatur tempat kode-kode rencana ini berlaku, mis. Permendagri 90/2019."
        ),
    )
    structure = models.CharField(
        _("susunan"), max_length=40, choices=Structure.choices, default=Structure.SUB_KEGIATAN
    )
    # Plans of other units added to this one by ``copy_year --merge`` (a unit absorbing a
    # second one, which cannot be its recorded predecessor): the year comparison reads them
    # for the rows they brought.
    merged_from = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="merged_into",
        verbose_name=_("rencana yang digabung ke sini"),
    )

    class Meta:
        verbose_name = _("rencana")
        verbose_name_plural = _("rencana")
        ordering = ["unit", "year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="uniq_plan")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"

    @property
    def leaf_level(self) -> str:
        return self.structure.rsplit("-", 1)[1]


class PlanNode(models.Model):
    """One row of the plan tree. Budget fields are used on leaves only: a parent's pagu is
    always the sum of its children and is never stored."""

    class Level(models.TextChoices):
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")
        TOLOK_UKUR = "tolok_ukur", _("Tolok ukur")

    class Budget(models.TextChoices):
        DPA = "dpa", _("DPA (anggaran murni)")
        DPPA = "dppa", _("DPPA (anggaran perubahan)")

    DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2, "tolok_ukur": 2}

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices)
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=400)
    position = models.PositiveIntegerField(_("urutan"), default=0)
    responsible_unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit penanggung jawab"),
    )
    pagu_dpa = models.DecimalField(_("pagu DPA"), null=True, blank=True, **MONEY)
    pagu_dppa = models.DecimalField(_("pagu DPPA"), null=True, blank=True, **MONEY)
    budget_in_force = models.CharField(
        _("anggaran yang berlaku"), max_length=4, choices=Budget.choices, default=Budget.DPA
    )

    class Meta:
        verbose_name = _("simpul rencana")
        verbose_name_plural = _("simpul rencana")
        ordering = ["plan", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="uniq_node_code"),
            models.CheckConstraint(
                condition=models.Q(pagu_dpa__isnull=True) | models.Q(pagu_dpa__gte=0),
                name="pagu_dpa_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(pagu_dppa__isnull=True) | models.Q(pagu_dppa__gte=0),
                name="pagu_dppa_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["plan", "parent"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def pagu(self):
        """The pagu in force on a leaf (DPPA when chosen and present, else DPA)."""
        if self.budget_in_force == self.Budget.DPPA and self.pagu_dppa is not None:
            return self.pagu_dppa
        return self.pagu_dpa

    def clean(self) -> None:
        errors = {}
        if self.parent_id:
            parent = self.parent
            if parent.plan_id != self.plan_id:
                errors["parent"] = _("Induk harus berada di rencana yang sama.")
            elif not self.code.startswith(parent.code + "."):
                errors["code"] = _(
                    "Kode %(code)s tidak berada di bawah kode induknya %(parent)s."
                ) % {"code": self.code, "parent": parent.code}
            if self.DEPTH[self.level] != self.DEPTH[parent.level] + 1:
                errors["level"] = _("Tingkat %(level)s tidak boleh berada di bawah %(parent)s.") % {
                    "level": self.get_level_display(),
                    "parent": parent.get_level_display(),
                }
        elif self.level != self.Level.PROGRAM:
            errors["parent"] = _("Hanya program yang boleh tanpa induk.")
        if self.level in (self.Level.PROGRAM, self.Level.KEGIATAN) and (
            self.pagu_dpa is not None or self.pagu_dppa is not None
        ):
            errors["pagu_dpa"] = _(
                "Pagu program dan kegiatan adalah jumlah anak-anaknya dan tidak boleh diisi."
            )
        if errors:
            raise ValidationError(errors)


class MonthlyEntry(models.Model):
    """Plan and realisation of one leaf in one month.

    ``plan_fisik`` and ``realisasi_fisik`` are cumulative percentages; ``plan_keuangan`` is the
    cumulative anggaran kas in rupiah; ``realisasi_keuangan`` is the rupiah spent in this month
    alone (the cumulative figure is derived)."""

    node = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="months")
    month = models.PositiveSmallIntegerField(_("bulan"))
    plan_fisik = models.DecimalField(
        _("target fisik kumulatif (%)"), null=True, blank=True, **PERCENT
    )
    plan_keuangan = models.DecimalField(
        _("anggaran kas kumulatif (Rp)"), null=True, blank=True, **MONEY
    )
    realisasi_keuangan = models.DecimalField(
        _("realisasi keuangan bulan ini (Rp)"), null=True, blank=True, **MONEY
    )
    realisasi_fisik = models.DecimalField(
        _("realisasi fisik kumulatif (%)"), null=True, blank=True, **PERCENT
    )

    class Meta:
        verbose_name = _("data bulanan")
        verbose_name_plural = _("data bulanan")
        ordering = ["node", "month"]
        constraints = [
            models.UniqueConstraint(fields=["node", "month"], name="uniq_node_month"),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="month_1_12"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.node} bulan {self.month}"


class Sasaran(models.Model):
    """A sasaran strategis of a unit over a medium-term period (Renstra / RPJMD)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="sasaran")
    statement = models.CharField(_("sasaran strategis"), max_length=500)
    document = models.CharField(_("dokumen"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("awal periode"))
    period_end = models.PositiveSmallIntegerField(_("akhir periode"))
    position = models.PositiveIntegerField(default=0)
    program_names = models.CharField(
        _("program pendukung"),
        max_length=500,
        blank=True,
        help_text=_("Nama program yang mendukung sasaran ini (nama program berubah antar tahun)."),
    )

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["unit", "position"]

    def __str__(self) -> str:
        return self.statement


class Indicator(models.Model):
    """An indicator on a plan node or on a sasaran strategis (exactly one of the two)."""

    class Polarity(models.TextChoices):
        HIGHER = "higher", _("Semakin tinggi semakin baik")
        LOWER = "lower", _("Semakin rendah semakin baik")

    class ValueType(models.TextChoices):
        NUMBER = "number", _("Angka")
        PERCENT = "percent", _("Persen")
        RANGE = "range", _("Rentang a–b")
        QUALITATIVE = "qualitative", _("Kualitatif (label berjenjang)")

    class Kind(models.TextChoices):
        OUTPUT = "output", _("Keluaran (output)")
        OUTCOME = "outcome", _("Hasil (outcome)")
        PROGRAM = "program", _("Capaian program")
        SASARAN = "sasaran", _("Sasaran")

    class QualitativeMode(models.TextChoices):
        LEVELS = "levels", _("Jenjang label")
        MET = "met", _("Tercapai / tidak")

    node = models.ForeignKey(
        PlanNode, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    sasaran = models.ForeignKey(
        Sasaran, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.OUTPUT)
    statement = models.CharField(_("indikator"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    polarity = models.CharField(
        _("arah"), max_length=6, choices=Polarity.choices, default=Polarity.HIGHER
    )
    value_type = models.CharField(
        _("tipe nilai"), max_length=12, choices=ValueType.choices, default=ValueType.NUMBER
    )
    cumulative = models.BooleanField(
        _("akumulatif"),
        default=True,
        help_text=_(
            "Akumulatif: realisasi bulanan dijumlahkan; bukan: nilai terakhir yang dipakai."
        ),
    )
    levels = models.JSONField(_("jenjang label"), default=list, blank=True)
    qualitative_mode = models.CharField(
        max_length=6, choices=QualitativeMode.choices, default=QualitativeMode.LEVELS
    )
    baseline = models.DecimalField(_("nilai dasar"), null=True, blank=True, **QUANTITY)
    baseline_label = models.CharField(_("nilai dasar (label)"), max_length=100, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(node__isnull=False) & models.Q(sasaran__isnull=True))
                | (models.Q(node__isnull=True) & models.Q(sasaran__isnull=False)),
                name="indicator_on_node_or_sasaran",
            ),
        ]

    def __str__(self) -> str:
        return self.statement

    def clean(self) -> None:
        if (
            self.value_type == self.ValueType.QUALITATIVE
            and self.qualitative_mode == "levels"
            and not self.levels
        ):
                raise ValidationError(
                    {"levels": _("Indikator kualitatif berjenjang perlu daftar label.")}
                )


class IndicatorTarget(models.Model):
    """A target of an indicator for a year (or a quarter or month of it). ``source`` tells
    the annual target (Renja/PK) from the medium-term one (Renstra/RPJMD)."""

    class Source(models.TextChoices):
        ANNUAL = "annual", _("Target tahunan (Renja/PK)")
        MEDIUM_TERM = "medium_term", _("Target jangka menengah (Renstra/RPJMD)")

    class PeriodKind(models.TextChoices):
        YEAR = "year", _("Tahun")
        QUARTER = "quarter", _("Triwulan")
        MONTH = "month", _("Bulan")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.ANNUAL)
    year = models.PositiveSmallIntegerField(_("tahun"))
    period_kind = models.CharField(
        max_length=8, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    period_index = models.PositiveSmallIntegerField(default=0)
    value = models.DecimalField(_("target"), null=True, blank=True, **QUANTITY)
    low = models.DecimalField(_("batas bawah"), null=True, blank=True, **QUANTITY)
    high = models.DecimalField(_("batas atas"), null=True, blank=True, **QUANTITY)
    label = models.CharField(_("target (label)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("target indikator")
        verbose_name_plural = _("target indikator")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "source", "year", "period_kind", "period_index"],
                name="uniq_indicator_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.label or self.value}"


class IndicatorRealisation(models.Model):
    """What an indicator reached in a month, with the story of what was done and what held
    it back. For a cumulative indicator ``value`` is this month's amount; for a stock
    indicator it is the level reached."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="realisations")
    year = models.PositiveSmallIntegerField(_("tahun"))
    month = models.PositiveSmallIntegerField(_("bulan"))
    value = models.DecimalField(_("realisasi"), null=True, blank=True, **QUANTITY)
    label = models.CharField(_("realisasi (label)"), max_length=100, blank=True)
    narrative = models.TextField(_("yang dilaksanakan"), blank=True)
    obstacles = models.TextField(_("kendala"), blank=True)

    class Meta:
        verbose_name = _("realisasi indikator")
        verbose_name_plural = _("realisasi indikator")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "month"], name="uniq_ind_real"),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="ind_real_month_1_12"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}-{self.month:02d}"


class PastResult(models.Model):
    """An achievement recorded for a year whose plan is not kept in Kinerja (e.g. the
    previous year's capaian per kegiatan printed in an old report), matched by code or name."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="past_results")
    year = models.PositiveSmallIntegerField(_("tahun"))
    level = models.CharField(max_length=20)
    code = models.CharField(max_length=40, blank=True)
    name = models.CharField(max_length=400)
    achievement = models.DecimalField(_("capaian (%)"), **PERCENT)
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("capaian tahun lalu")
        verbose_name_plural = _("capaian tahun lalu")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "level", "name"], name="uniq_past"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.year}: {self.achievement}"


class ReportText(models.Model):
    """Free text of a unit's report for a year (kata pengantar, latar belakang, …)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="texts")
    year = models.PositiveSmallIntegerField(_("tahun"))
    key = models.SlugField(max_length=60)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("teks laporan")
        verbose_name_plural = _("teks laporan")
        constraints = [models.UniqueConstraint(fields=["unit", "year", "key"], name="uniq_text")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year} {self.key}"



class Nomenclature(models.Model):
    """One entry of a version of the nomenclature of programs, kegiatan and sub kegiatan
    (Permendagri 90/2019 and its later revisions). Codes are text (``4.01.01.1.01.07``);
    ``parent_code`` is the code of the entry above (blank for a program). A plan whose
    ``Plan.nomenclature`` names the version (see ``kinerja.plans.nomenclature.version_key``)
    picks its codes from here; plan nodes keep the code and name as text, not a link."""

    class Level(models.TextChoices):
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")

    version = models.CharField(_("versi"), max_length=60)
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices)
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=400)
    parent_code = models.CharField(_("kode induk"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("nomenklatur")
        verbose_name_plural = _("nomenklatur")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="uniq_nomenclature_code"),
        ]
        indexes = [models.Index(fields=["version", "level", "parent_code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
