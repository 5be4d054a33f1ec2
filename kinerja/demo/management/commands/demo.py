from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from kinerja.demo.loader import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = (
        "Siapkan basis data (migrate), muat data demo Biro Pemerintahan Provinsi Banten "
        "lalu jalankan server. Aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-server", action="store_true", help="jangan jalankan server")
        parser.add_argument("--addr", default="127.0.0.1", help="alamat server (127.0.0.1)")
        parser.add_argument("--port", default="8000", help="port server (8000)")

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3"):
            from pathlib import Path

            Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Data demo dimuat: {counts['units']} unit, {counts['plans']} rencana, "
                f"{counts['nodes']} simpul rencana ({db['ENGINE'].rsplit('.', 1)[1]})."
            )
        )
        address = f"http://{options['addr']}:{options['port']}/"
        self.stdout.write(f"\nAlamat: {address}")
        self.stdout.write(f"Kata sandi semua akun demo: {DEMO_PASSWORD}")
        for u in DEMO_USERS:
            self.stdout.write(f"  {u.username:<12} {u.description}")
        self.stdout.write("")
        if options["no_server"]:
            return
        call_command("runserver", f"{options['addr']}:{options['port']}", use_reloader=False)
