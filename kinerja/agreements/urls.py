from django.urls import path

from . import views

PK = "unit/<slug:slug>/<int:year>/pk/"

urlpatterns = [
    path(PK, views.agreement_list, name="agreements-list"),
    path(PK + "perjanjian/", views.agreement_detail, name="agreement-detail"),
    path(PK + "perjanjian/buat/", views.agreement_create, name="agreement-create"),
    path(PK + "perjanjian/ubah/", views.agreement_revise, name="agreement-revise"),
    path(PK + "perjanjian/kaskade/", views.agreement_links, name="agreement-links"),
    path(PK + "perjanjian/unduh.<str:fmt>", views.agreement_download, name="agreement-download"),
    path(PK + "pohon/", views.tree, name="agreements-tree"),
    path(PK + "pohon.<str:fmt>", views.tree_download, name="agreements-tree-download"),
    path(PK + "periksa/", views.checks, name="agreements-checks"),
]
