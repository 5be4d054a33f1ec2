from django.apps import AppConfig


class ReviuConfig(AppConfig):
    name = "kinerja.reviu"
