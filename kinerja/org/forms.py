"""Forms of the users and roles pages. They only read the input; the rules live in
``services`` (whose ``OrgError`` names the field it concerns)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership


def _unit_field(government):
    return forms.ModelChoiceField(
        label=_("Unit kerja"),
        queryset=government.units.order_by("code", "name"),
        required=False,
        empty_label=_("— seluruh pemerintah daerah (admin, inspektorat) —"),
        error_messages={"invalid_choice": _("Unit kerja yang dipilih tidak ada.")},
    )


ROLE_FIELD = {
    "label": _("Peran"),
    "choices": Membership.Role.choices,
    "error_messages": {
        "required": _("Pilih peran."),
        "invalid_choice": _("Peran %(value)s tidak dikenal."),
    },
}


class GrantForm(forms.Form):
    def __init__(self, *args, government, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"] = forms.ModelChoiceField(
            label=_("Pengguna"),
            queryset=users.order_by("username"),
            error_messages={
                "required": _("Pilih pengguna."),
                "invalid_choice": _("Pengguna yang dipilih bukan pengguna pemerintah daerah ini."),
            },
        )
        self.fields["role"] = forms.ChoiceField(**ROLE_FIELD)
        self.fields["unit"] = _unit_field(government)
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.username} — {u.get_full_name()}" if u.get_full_name() else u.username
        )


class NewUserForm(forms.Form):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        error_messages={"required": _("Nama pengguna wajib diisi.")},
        help_text=_("Huruf, angka dan . @ + - _ saja, tanpa spasi."),
    )
    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=300,
        error_messages={"required": _("Nama lengkap wajib diisi.")},
    )
    password = forms.CharField(
        label=_("Kata sandi awal"),
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        error_messages={"required": _("Kata sandi awal wajib diisi.")},
        help_text=_("Pengguna wajib menggantinya saat pertama kali masuk."),
    )
    password_again = forms.CharField(
        label=_("Ulangi kata sandi awal"),
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        error_messages={"required": _("Ulangi kata sandi awal.")},
    )

    def __init__(self, *args, government, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = forms.ChoiceField(**ROLE_FIELD)
        self.fields["unit"] = _unit_field(government)

    def clean(self):
        data = super().clean()
        if (
            data.get("password")
            and data.get("password_again")
            and data["password"] != data["password_again"]
        ):
            self.add_error("password_again", _("Kedua kata sandi tidak sama."))
        return data
