from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("unit/<slug:slug>/<int:year>/", views.unit_year, name="unit-year"),
    path("unit/<slug:slug>/<int:year>/laporan/", views.reports, name="reports"),
    path("unit/<slug:slug>/<int:year>/teks/", views.report_texts, name="report-texts"),
    path(
        "unit/<slug:slug>/<int:year>/laporan/<str:kind>.<str:fmt>",
        views.report_download,
        name="report-download",
    ),
]
