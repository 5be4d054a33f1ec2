"""Links to the audit pages, for the other apps' pages and templates."""

from django.urls import reverse

from .services import model_label


def history_url(obj) -> str:
    """The history page of a saved model instance (what ``record(obj=...)`` wrote)."""
    return reverse("audit-object", args=[model_label(obj), str(obj.pk)])


def unit_trail_url(unit) -> str:
    """The audit page of a unit and the units under it."""
    return reverse("audit-unit", args=[unit.slug])
