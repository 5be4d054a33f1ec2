from django.apps import AppConfig


class RealisationConfig(AppConfig):
    name = "kinerja.realisation"
    verbose_name = "Realisasi dan alur kerja"
