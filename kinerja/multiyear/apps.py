from django.apps import AppConfig


class MultiyearConfig(AppConfig):
    name = "kinerja.multiyear"
