from django.urls import path

from . import views

urlpatterns = [
    path("unit/<slug:slug>/", views.unit_entries, name="audit-unit"),
    path("object/<str:model>/<str:object_id>/", views.object_history, name="audit-object"),
]
