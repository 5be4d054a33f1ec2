from django.urls import path

from . import views

urlpatterns = [
    path("unit/<slug:slug>/<int:year>/realisasi/", views.months, name="realisation-months"),
    path(
        "unit/<slug:slug>/<int:year>/realisasi/<int:month>/",
        views.grid,
        name="realisation-grid",
    ),
    path(
        "unit/<slug:slug>/<int:year>/realisasi/<int:month>/bukti/",
        views.evidence_upload,
        name="evidence-upload",
    ),
    path(
        "unit/<slug:slug>/<int:year>/realisasi/<int:month>/bukti/hapus/",
        views.evidence_delete,
        name="evidence-delete",
    ),
    path("realisasi/bukti/<uuid:key>/", views.evidence_download, name="evidence-download"),
    path("realisasi/tunggakan/<int:year>/", views.arrears, name="realisation-arrears"),
    path("realisasi/batas-waktu/", views.deadline, name="realisation-deadline"),
]
