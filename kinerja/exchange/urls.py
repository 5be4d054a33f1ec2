from django.urls import path

from . import views

urlpatterns = [
    path("unit/<slug:slug>/<int:year>/pertukaran/", views.home, name="exchange-home"),
    path("unit/<slug:slug>/pertukaran/", views.go, name="exchange-go"),
    path(
        "unit/<slug:slug>/<int:year>/pertukaran/ekspor/<str:dataset>.<str:fmt>",
        views.export_download,
        name="exchange-export",
    ),
    path(
        "unit/<slug:slug>/<int:year>/pertukaran/impor/",
        views.import_preview,
        name="exchange-import",
    ),
    path(
        "unit/<slug:slug>/<int:year>/pertukaran/impor/<str:token>/",
        views.import_apply,
        name="exchange-apply",
    ),
    path("templat/<str:kind>.<str:fmt>", views.template_download, name="exchange-template"),
]
