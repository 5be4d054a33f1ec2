"""The reviu page: any logged-in user uploads a report made elsewhere and gets its findings,
grouped by kind, downloadable as XLSX and JSON.

The file is not stored and is not data of any unit, so no unit access applies; the result of
the last reviu is kept in the user's own session for the downloads.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .export import result_from_dict, to_json, to_xlsx
from .forms import ReviuForm
from .service import reviu_file

SESSION_KEY = "reviu_result"
MAX_KEPT = 3000  # findings kept in the session for the downloads

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def upload(request):
    result = None
    if request.method == "POST":
        form = ReviuForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["berkas"]
            data = b"".join(upload.chunks())
            result = reviu_file(upload.name, data, form.cleaned_data.get("tahun"))
            kept = result.to_dict()
            kept["findings"] = kept["findings"][:MAX_KEPT]
            request.session[SESSION_KEY] = kept
    else:
        form = ReviuForm()
        kept = request.session.get(SESSION_KEY)
        if kept and request.GET.get("hasil") == "terakhir":
            result = result_from_dict(kept)
    return render(request, "reviu/upload.html", {"form": form, "result": result})


@login_required
@require_GET
def download(request, fmt: str):
    kept = request.session.get(SESSION_KEY)
    if fmt not in CONTENT_TYPES or not kept:
        raise Http404
    result = result_from_dict(kept)
    body = to_json(result).encode() if fmt == "json" else to_xlsx(result)
    stem = slugify(result.name.rsplit(".", 1)[0]) or "laporan"
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="reviu-{stem}.{fmt}"'
    return response
