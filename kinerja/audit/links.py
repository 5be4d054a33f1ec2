"""Links to the audit pages, for the other apps' pages and templates."""

from django.urls import reverse

from .models import AuditEntry
from .services import model_label


def history_url(obj) -> str:
    """The history page of a saved model instance (what ``record(obj=...)`` wrote)."""
    return reverse("audit-object", args=[model_label(obj), str(obj.pk)])


def has_history(obj) -> bool:
    """Whether the history page of ``obj`` has anything to show (it answers 404 otherwise;
    a record loaded as demo or seed data has no entry until someone changes it)."""
    return AuditEntry.objects.filter(model=model_label(obj), object_id=str(obj.pk)).exists()


def unit_trail_url(unit) -> str:
    """The audit page of a unit and the units under it."""
    return reverse("audit-unit", args=[unit.slug])
