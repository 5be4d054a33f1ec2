from django.urls import path

from . import views

urlpatterns = [
    path(
        "unit/<slug:slug>/<int:year>/tahun-lalu/", views.comparison, name="multiyear-comparison"
    ),
    path(
        "unit/<slug:slug>/<int:year>/jangka-menengah/",
        views.medium_term,
        name="multiyear-medium-term",
    ),
    path("unit/<slug:slug>/<int:year>/salin/", views.copy, name="multiyear-copy"),
    path("unit/<slug:slug>/<int:year>/ikm/", views.ikm_list, name="multiyear-ikm"),
    path("unit/<slug:slug>/<int:year>/ikm/baru/", views.ikm_edit, name="multiyear-ikm-new"),
    path(
        "unit/<slug:slug>/<int:year>/ikm/<int:pk>/", views.ikm_edit, name="multiyear-ikm-edit"
    ),
]
