from django import forms
from django.utils.translation import gettext_lazy as _

from .readers import MAX_BYTES


class ReviuForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas laporan"),
        help_text=_("DOCX, XLSX, CSV, PDF, atau teks/markdown; paling besar %(mb)s MB.")
        % {"mb": MAX_BYTES // 1024 // 1024},
    )
    tahun = forms.IntegerField(
        label=_("Tahun laporan"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Kosongkan agar tahun dibaca dari judul atau sampul laporan."),
    )

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Berkas %(name)s berukuran %(size).1f MB; batasnya %(max)s MB.")
                % {
                    "name": upload.name,
                    "size": upload.size / 1024 / 1024,
                    "max": MAX_BYTES // 1024 // 1024,
                }
            )
        return upload
