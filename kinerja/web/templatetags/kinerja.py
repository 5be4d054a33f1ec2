"""Indonesian display of Kinerja's numbers. Templates only format; they never compute."""

from django import template

from kinerja.core import numbers

register = template.Library()


@register.filter
def rupiah(value):
    return numbers.fmt_rupiah(value)


@register.filter
def pct(value, places=2):
    return numbers.fmt_percent(value, int(places))


@register.filter
def num(value, places=None):
    return numbers.fmt_number(value, None if places in (None, "") else int(places))


@register.filter
def nip(value):
    return numbers.fmt_nip(value or "")


PREDICATE_CLASSES = {
    "Sangat Tinggi": "p-st",
    "Tinggi": "p-t",
    "Sedang": "p-s",
    "Rendah": "p-r",
    "Sangat Rendah": "p-sr",
}


@register.filter
def predicate_class(label):
    return PREDICATE_CLASSES.get(label or "", "p-none")
