from django.urls import path

from . import views

urlpatterns = [
    path("unit/<slug:slug>/<int:year>/realisasi/", views.months, name="realisation-months"),
    path(
        "unit/<slug:slug>/<int:year>/realisasi/<int:month>/",
        views.grid,
        name="realisation-grid",
    ),
]
