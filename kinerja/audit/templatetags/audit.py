"""``{% load audit %}`` then ``<a href="{% audit_history_url obj %}">Riwayat</a>``."""

from django import template

from kinerja.audit.links import history_url

register = template.Library()


@register.simple_tag
def audit_history_url(obj) -> str:
    return history_url(obj)
