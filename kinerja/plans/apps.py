from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "kinerja.plans"
    verbose_name = "Rencana dan anggaran"
