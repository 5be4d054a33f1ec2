from django.urls import path

from . import views

PLAN = "unit/<slug:slug>/<int:year>/rencana/"

urlpatterns = [
    path(PLAN, views.plan_edit, name="plan-edit"),
    path(PLAN + "dppa/", views.plan_dppa, name="plan-dppa"),
    path(PLAN + "simpul/baru/", views.node_new, name="plan-node-new"),
    path(PLAN + "simpul/<int:node_id>/", views.node_edit, name="plan-node-edit"),
    path(PLAN + "simpul/<int:node_id>/hapus/", views.node_delete, name="plan-node-delete"),
    path(PLAN + "indikator/baru/", views.indicator_new, name="plan-indicator-new"),
    path(PLAN + "indikator/<int:indicator_id>/", views.indicator_edit, name="plan-indicator-edit"),
    path(
        PLAN + "indikator/<int:indicator_id>/hapus/",
        views.indicator_delete,
        name="plan-indicator-delete",
    ),
    path(PLAN + "sasaran/", views.sasaran_targets, name="plan-sasaran"),
    path(PLAN + "bulanan/", views.monthly, name="plan-monthly"),
    path("nomenklatur/cari/", views.nomenclature_search, name="nomenclature-search"),
]
