"""Governments, fiscal years, org units (a tree that changes between years), their heads,
and who may work on which unit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.numbers import is_nip
from kinerja.core.rules import DEFAULT_RULES, Rules


class Government(models.Model):
    class Kind(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("kode wilayah"), max_length=20, unique=True)
    capital = models.CharField(_("ibu kota"), max_length=100, blank=True)
    rules = models.JSONField(
        _("aturan perhitungan"),
        default=dict,
        blank=True,
        help_text=_("Kosong berarti aturan bawaan; lihat kinerja.core.rules.Rules."),
    )

    class Meta:
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = _("pemerintah daerah")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def computation_rules(self) -> Rules:
        """The rules in force: the stored settings over the documented defaults."""
        return Rules.from_dict(self.rules) if self.rules else DEFAULT_RULES

    def clean(self) -> None:
        try:
            Rules.from_dict(self.rules or {})
        except ValueError as exc:
            raise ValidationError({"rules": str(exc)}) from exc


class FiscalYear(models.Model):
    government = models.ForeignKey(Government, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("tahun"))

    class Meta:
        verbose_name = _("tahun anggaran")
        verbose_name_plural = _("tahun anggaran")
        ordering = ["government", "year"]
        constraints = [
            models.UniqueConstraint(fields=["government", "year"], name="uniq_fiscal_year"),
        ]

    def __str__(self) -> str:
        return f"{self.government} {self.year}"


class Urusan(models.Model):
    """A bidang urusan of the Permendagri 90/2019 nomenclature, e.g. ``1.01`` Pendidikan or
    ``4.01`` Sekretariat Daerah (the biro of the Setda belong to it). A unit belongs to one;
    the government dashboard filters by it."""

    code = models.CharField(
        _("kode"),
        max_length=10,
        unique=True,
        validators=[
            RegexValidator(
                r"^[0-9X]\.[0-9X]{2}$",
                _("Kode urusan/bidang ditulis seperti 1.01 (urusan, titik, dua angka bidang)."),
            )
        ],
    )
    name = models.CharField(_("nama"), max_length=200)

    class Meta:
        verbose_name = _("urusan/bidang")
        verbose_name_plural = _("urusan/bidang")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class OrgUnit(models.Model):
    """A unit of the government: perangkat daerah, biro/bagian/sub bagian, bidang/seksi.

    Units change between years: ``from_year``/``to_year`` bound the years a unit exists
    and ``predecessor`` points to the unit it replaced, so years can be compared.
    """

    class Kind(models.TextChoices):
        PERANGKAT_DAERAH = "perangkat_daerah", _("Perangkat daerah")
        BIRO = "biro", _("Biro")
        BAGIAN = "bagian", _("Bagian")
        SUB_BAGIAN = "sub_bagian", _("Sub bagian")
        BIDANG = "bidang", _("Bidang")
        SEKSI = "seksi", _("Seksi")

    class Eselon(models.TextChoices):
        I = "I", "I"  # noqa: E741
        II = "II", "II"
        III = "III", "III"
        IV = "IV", "IV"

    government = models.ForeignKey(Government, on_delete=models.CASCADE, related_name="units")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    predecessor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="successors"
    )
    slug = models.SlugField(max_length=80)
    code = models.CharField(_("kode"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=250)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    eselon = models.CharField(_("eselon"), max_length=3, choices=Eselon.choices, blank=True)
    urusan = models.ForeignKey(
        Urusan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("urusan/bidang"),
    )
    from_year = models.PositiveSmallIntegerField(_("berlaku sejak"))
    to_year = models.PositiveSmallIntegerField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["government", "code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["government", "slug"], name="uniq_unit_slug"),
            models.CheckConstraint(
                condition=models.Q(to_year__isnull=True)
                | models.Q(to_year__gte=models.F("from_year")),
                name="unit_years_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def exists_in(self, year: int) -> bool:
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)

    def clean(self) -> None:
        if self.parent_id and self.parent.government_id != self.government_id:
            raise ValidationError(
                {"parent": _("Unit induk harus milik pemerintah daerah yang sama.")}
            )
        node, seen = self.parent, {self.pk}
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": _("Susunan unit tidak boleh melingkar.")})
            seen.add(node.pk)
            node = node.parent


class UnitHead(models.Model):
    """The official who heads a unit in a given year."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="heads")
    year = models.PositiveSmallIntegerField(_("tahun"))
    name = models.CharField(_("nama"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=21, blank=True)
    pangkat = models.CharField(_("pangkat"), max_length=80, blank=True)
    golongan = models.CharField(_("golongan"), max_length=10, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=250)

    class Meta:
        verbose_name = _("kepala unit")
        verbose_name_plural = _("kepala unit")
        ordering = ["unit", "year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="uniq_unit_head")]

    def __str__(self) -> str:
        return f"{self.name} ({self.jabatan}, {self.year})"

    def clean(self) -> None:
        digits = "".join(self.nip.split())
        if digits and not is_nip(digits):
            raise ValidationError(
                {"nip": _("NIP harus 18 angka, ditemukan %(nip)r.") % {"nip": self.nip}}
            )
        self.nip = digits


class Membership(models.Model):
    """A role granted to a user on a unit and everything under it."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin pemerintah daerah")
        OPERATOR = "operator", _("Operator unit")
        HEAD = "head", _("Kepala unit")
        INSPECTORATE = "inspectorate", _("Inspektorat")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    government = models.ForeignKey(Government, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="uniq_membership"),
            models.CheckConstraint(
                condition=models.Q(role__in=["admin", "inspectorate"])
                | models.Q(unit__isnull=False),
                name="unit_role_needs_unit",
            ),
        ]

    def __str__(self) -> str:
        where = self.unit or self.government
        return f"{self.user} — {self.get_role_display()} — {where}"


class UserAccount(models.Model):
    """Kinerja's side of a user account: the government whose admin created it (so that
    admin still sees the account when it holds no role yet) and whether the user must
    change the initial password before doing anything else."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kinerja_account"
    )
    government = models.ForeignKey(
        Government,
        on_delete=models.CASCADE,
        related_name="accounts",
        verbose_name=_("pemerintah daerah"),
    )
    must_change_password = models.BooleanField(_("wajib ganti kata sandi"), default=False)

    class Meta:
        verbose_name = _("akun pengguna")
        verbose_name_plural = _("akun pengguna")

    def __str__(self) -> str:
        return f"{self.user} ({self.government})"


class LoginFailure(models.Model):
    """A failed login, kept to slow down and then lock repeated guessing (per account and
    per address). Old rows are removed on each successful login of the account."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("login gagal")
        verbose_name_plural = _("login gagal")

    def __str__(self) -> str:
        return f"{self.username} {self.address} {self.at:%Y-%m-%d %H:%M}"
