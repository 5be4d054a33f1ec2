"""``kinerja export --unit UNIT --year YEAR --dataset D --format F [-o FILE]``."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.exchange.exports import NoPlan, export_dataset
from kinerja.exchange.schemas import DATASETS, FORMATS

from ._common import unit_by_slug


class Command(BaseCommand):
    help = (
        "Ekspor satu kumpulan data (rencana, indikator, rencana/realisasi bulanan, capaian, "
        "jejak audit) satu unit dan tahun sebagai XLSX, CSV atau JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug unit (lihat `kinerja units`)")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--dataset", required=True, choices=sorted(DATASETS))
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--month", type=int, default=12, help="capaian: posisi s.d. bulan")
        parser.add_argument("-o", "--output", help="berkas tujuan (tanpa ini: keluaran standar)")

    def handle(self, *args, **options):
        unit = unit_by_slug(options["unit"])
        try:
            exported = export_dataset(
                user=None,
                unit=unit,
                year=options["year"],
                dataset=options["dataset"],
                fmt=options["format"],
                upto_month=options["month"],
            )
        except (NoPlan, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if options["output"]:
            Path(options["output"]).write_bytes(exported.content)
            self.stderr.write(f"Tersimpan: {options['output']} ({len(exported.content)} bita)")
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(exported.content)
            sys.stdout.flush()
