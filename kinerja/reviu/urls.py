from django.urls import path

from . import views

urlpatterns = [
    path("reviu/", views.upload, name="reviu"),
    path("reviu/unduh.<str:fmt>", views.download, name="reviu-download"),
]
