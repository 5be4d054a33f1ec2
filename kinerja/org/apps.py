from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "kinerja.org"
    verbose_name = "Organisasi"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login receiver)
