"""Forms of the plan editor. Numbers are typed the Indonesian way and read with
``kinerja.core.parse``; a number that cannot be read is refused at its field with the
parser's message. The rules themselves are checked by the services; their problems are put
back on the fields they name (``add_problems``)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.numbers import fmt_number
from kinerja.core.parse import ParseError, parse_money, parse_number

from .models import Indicator, Plan


def show(value: Decimal | None) -> str:
    """A stored number as the forms show it: ``1.200.000``, ``97,5``; None → empty."""
    return "" if value is None else fmt_number(value)


class MoneyField(forms.CharField):
    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_money(text)
        except ParseError as exc:
            raise forms.ValidationError(str(exc)) from None


class NumberField(forms.CharField):
    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_number(text, allow_negative=True)
        except ParseError as exc:
            raise forms.ValidationError(str(exc)) from None


def add_problems(form: forms.Form, problems) -> None:
    """Put each problem on the field it names (or on the whole form)."""
    for p in problems:
        form.add_error(p.field if p.field in form.fields else None, p.message)


class PlanCreateForm(forms.Form):
    nomenclature = forms.CharField(
        label=_("Versi nomenklatur"),
        max_length=100,
        widget=forms.TextInput(attrs={"list": "versions"}),
        help_text=_("Mis. Permendagri 90/2019, atau “kode lokal” untuk kode bebas."),
    )
    structure = forms.ChoiceField(
        label=_("Susunan"), choices=Plan.Structure.choices, initial=Plan.Structure.SUB_KEGIATAN
    )


class NodeForm(forms.Form):
    code = forms.CharField(label=_("Kode"), max_length=40, required=False)
    name = forms.CharField(label=_("Nama"), max_length=400, required=False)
    pagu_dpa = MoneyField(label=_("Pagu DPA (Rp)"), required=False)
    pagu_dppa = MoneyField(label=_("Pagu DPPA (Rp)"), required=False)

    def __init__(self, *args, leaf: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not leaf:
            del self.fields["pagu_dpa"]
            del self.fields["pagu_dppa"]


class IndicatorForm(forms.Form):
    statement = forms.CharField(label=_("Indikator"), max_length=500, required=False)
    kind = forms.ChoiceField(label=_("Jenis"), choices=Indicator.Kind.choices)
    satuan = forms.CharField(label=_("Satuan"), max_length=50, required=False)
    polarity = forms.ChoiceField(label=_("Arah"), choices=Indicator.Polarity.choices)
    value_type = forms.ChoiceField(label=_("Tipe nilai"), choices=Indicator.ValueType.choices)
    cumulative = forms.BooleanField(
        label=_("Akumulatif (realisasi bulanan dijumlahkan)"), required=False
    )
    qualitative_mode = forms.ChoiceField(
        label=_("Cara menilai indikator kualitatif"),
        choices=Indicator.QualitativeMode.choices,
    )
    levels = forms.CharField(
        label=_("Jenjang label (satu per baris, terendah dahulu)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    baseline = NumberField(label=_("Nilai dasar"), required=False)
    target_value = NumberField(label=_("Target"), required=False)
    target_low = NumberField(label=_("Target: batas bawah"), required=False)
    target_high = NumberField(label=_("Target: batas atas"), required=False)
    target_label = forms.CharField(label=_("Target (label)"), max_length=100, required=False)

    def level_list(self) -> tuple[str, ...]:
        lines = self.cleaned_data.get("levels", "").splitlines()
        return tuple(line.strip() for line in lines if line.strip())


def indicator_initial(indicator: Indicator | None, target) -> dict:
    if indicator is None:
        return {"cumulative": True}
    initial = {
        "statement": indicator.statement,
        "kind": indicator.kind,
        "satuan": indicator.satuan,
        "polarity": indicator.polarity,
        "value_type": indicator.value_type,
        "cumulative": indicator.cumulative,
        "qualitative_mode": indicator.qualitative_mode,
        "levels": "\n".join(indicator.levels or []),
        "baseline": show(indicator.baseline),
    }
    if target is not None:
        initial.update(
            target_value=show(target.value),
            target_low=show(target.low),
            target_high=show(target.high),
            target_label=target.label,
        )
    return initial
