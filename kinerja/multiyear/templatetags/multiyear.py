"""Display of the multi-year figures. Templates only format; they never compute."""

from decimal import Decimal

from django import template

from kinerja.core import numbers

register = template.Library()


@register.filter
def target(value):
    """A core ``Target`` as written: ``3,3``, ``80–90``, ``BB``; None → ``–``."""
    if value is None:
        return numbers.DASH
    if value.label:
        return value.label
    if value.value is not None:
        return numbers.fmt_number(value.value)
    if value.low is not None and value.high is not None:
        return f"{numbers.fmt_number(value.low)}–{numbers.fmt_number(value.high)}"
    return numbers.DASH


@register.filter
def val(value):
    """A realisation: a number the Indonesian way (exact), a label as it is; None → ``–``."""
    if value is None:
        return numbers.DASH
    if isinstance(value, Decimal | int):
        return numbers.fmt_number(value)
    return str(value)


ARROWS = {"naik": "▲", "turun": "▼", "tetap": "="}


@register.filter
def arrow(trend):
    if trend is None or trend.direction is None:
        return numbers.DASH
    return f"{ARROWS[trend.direction]} {trend.direction}"


@register.filter
def trend_class(trend):
    return {"membaik": "ok", "memburuk": "error"}.get(getattr(trend, "assessment", None), "")


@register.simple_tag
def linked(links, sasaran_id, node_id):
    """Whether the program ``node_id`` serves the sasaran ``sasaran_id``."""
    return (sasaran_id, node_id) in links
