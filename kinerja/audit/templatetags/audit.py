"""``{% load audit %}`` then ``<a href="{% audit_history_url obj %}">Riwayat</a>``, or
``{{ entry|audit_actor }}`` for who made an entry's change ("Sistem" when no user did)."""

from django import template

from kinerja.audit import labels
from kinerja.audit.links import history_url

register = template.Library()


@register.simple_tag
def audit_history_url(obj) -> str:
    return history_url(obj)


@register.filter
def audit_actor(entry) -> str:
    return labels.actor(entry)
