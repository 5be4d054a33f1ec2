"""``{% load audit %}`` then ``<a href="{% audit_history_url obj %}">Riwayat</a>``, or
``{% audit_history_link obj "Riwayat perubahan" %}`` (the link when the record has a
history, else a note saying none is recorded), or ``{{ entry|audit_actor }}`` for who made
an entry's change ("Sistem" when no user did)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kinerja.audit import labels
from kinerja.audit.links import has_history, history_url

register = template.Library()


@register.simple_tag
def audit_history_url(obj) -> str:
    return history_url(obj)


@register.simple_tag
def audit_history_link(obj, label: str) -> str:
    if has_history(obj):
        return format_html('<a href="{}">{}</a>', history_url(obj), label)
    return format_html(
        '<span class="no-history">{}: {}</span>', label, _("belum ada perubahan tercatat")
    )


@register.filter
def audit_actor(entry) -> str:
    return labels.actor(entry)
