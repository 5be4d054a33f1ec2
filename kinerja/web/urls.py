from django.contrib.auth import views as auth_views
from django.urls import path

from . import dashboard, views
from .login import ThrottledLoginView

urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", ThrottledLoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("dasbor/<int:year>/", dashboard.government, name="dashboard"),
    path("unit/<slug:slug>/<int:year>/", views.unit_year, name="unit-year"),
    path("unit/<slug:slug>/<int:year>/laporan/", views.reports, name="reports"),
    path("unit/<slug:slug>/<int:year>/teks/", views.report_texts, name="report-texts"),
    path(
        "unit/<slug:slug>/<int:year>/laporan/<str:kind>.<str:fmt>",
        views.report_download,
        name="report-download",
    ),
]
