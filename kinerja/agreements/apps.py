from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "kinerja.agreements"
    verbose_name = "Perjanjian kinerja"
