"""The audit pages: a unit's entries (with the readable units under it) and one record's
history. Read only: no page changes or removes an entry."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from kinerja.org.access import unit_for_reading

from . import exports
from .forms import FilterForm
from .selectors import JAKARTA, entries_for_object, entries_for_unit

PAGE_SIZE = 50
EXPORTS = {
    "csv": ("text/csv; charset=utf-8", exports.to_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.to_xlsx,
    ),
}


@login_required
@require_safe
def unit_entries(request, slug: str):
    unit = unit_for_reading(request.user, slug)
    form = FilterForm(request.GET)
    entries = entries_for_unit(request.user, unit, filters=form.filters())
    fmt = request.GET.get("format")
    if fmt in EXPORTS:
        content_type, render_to = EXPORTS[fmt]
        stamp = timezone.now().astimezone(JAKARTA).strftime("%Y%m%d-%H%M")
        response = HttpResponse(
            render_to(entries.iterator(chunk_size=2000)), content_type=content_type
        )
        response["Content-Disposition"] = (
            f'attachment; filename="jejak-audit-{unit.slug}-{stamp}.{fmt}"'
        )
        return response
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/unit.html",
        {"unit": unit, "form": form, "page_obj": page, "entries": page.object_list},
    )


@login_required
@require_safe
def object_history(request, model: str, object_id: str):
    entries = entries_for_object(request.user, model, object_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    latest = page.object_list[0] if page.object_list else None
    return render(
        request,
        "audit/object.html",
        {
            "model": model,
            "object_id": object_id,
            "latest": latest,
            "page_obj": page,
            "entries": page.object_list,
        },
    )
