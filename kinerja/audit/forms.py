from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import AuditFilters

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what the browser needs


class FilterForm(forms.Form):
    """The GET filter of the unit's audit page; fields that do not validate are ignored."""

    dari = forms.DateField(label=_("Dari tanggal"), required=False, widget=DATE)
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DATE)
    tindakan = forms.CharField(
        label=_("Tindakan"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": _("mis. workflow")}),
    )
    pengguna = forms.CharField(label=_("Pengguna"), required=False, max_length=150)
    tahun = forms.IntegerField(label=_("Tahun"), required=False, min_value=1900, max_value=2999)
    bulan = forms.IntegerField(label=_("Bulan"), required=False, min_value=1, max_value=12)
    cari = forms.CharField(label=_("Cari objek, kolom atau sumber"), required=False, max_length=200)

    def clean(self):
        data = super().clean()
        start, end = data.get("dari"), data.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("Tanggal akhir sebelum tanggal awal."))
        return data

    def filters(self) -> AuditFilters:
        self.is_valid()
        data = self.cleaned_data
        return AuditFilters(
            date_from=data.get("dari"),
            date_to=data.get("sampai"),
            action=data.get("tindakan") or "",
            username=data.get("pengguna") or "",
            year=data.get("tahun"),
            month=data.get("bulan"),
            text=data.get("cari") or "",
        )
