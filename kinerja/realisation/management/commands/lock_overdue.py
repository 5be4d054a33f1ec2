import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kinerja.core.numbers import MONTHS_ID
from kinerja.realisation.services import lock_overdue


class Command(BaseCommand):
    help = (
        "Kunci otomatis bulan yang sudah diverifikasi dan melewati batas waktu pemerintah "
        "daerahnya (untuk cron; aman dijalankan berulang)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="tanggal acuan YYYY-MM-DD (bawaan: hari ini, zona waktu server)"
        )

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date {options['date']!r}: tanggal tidak dikenal, gunakan YYYY-MM-DD "
                    "seperti 2021-02-10."
                ) from None
        locked = lock_overdue(today=today)
        for status in locked:
            plan = status.plan
            self.stdout.write(
                f"dikunci: {plan.unit.slug} {MONTHS_ID[status.month - 1]} {plan.year}"
            )
        self.stdout.write(f"{len(locked)} bulan dikunci per {today.isoformat()}.")
