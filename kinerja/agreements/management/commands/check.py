"""``kinerja check --unit UNIT --year YEAR [--json] [--on DATE]``: the checks of the
Perjanjian Kinerja of a unit and the units under it (see ``kinerja.agreements.checks``); the
exit status is 1 when there is a finding of error severity.

Without ``--unit`` this is Django's own ``check`` (system checks, ``--deploy``…), which this
command extends rather than hides."""

import datetime
import json

from django.core.management.base import CommandError
from django.core.management.commands.check import Command as SystemCheckCommand

from kinerja.agreements.checks import ERROR
from kinerja.agreements.selectors import unit_findings
from kinerja.core.numbers import fmt_date
from kinerja.org.models import OrgUnit


class Command(SystemCheckCommand):
    help = (
        "Tanpa --unit: pemeriksaan sistem Django. Dengan --unit dan --year: periksa perjanjian "
        "kinerja unit dan unit di bawahnya (kaskade, target, anggaran, sub kegiatan tanpa PK)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--unit", help="slug unit (lihat `kinerja units`)")
        parser.add_argument("--year", type=int, help="tahun perjanjian kinerja")
        parser.add_argument(
            "--on", help="PK yang berlaku pada tanggal ini (YYYY-MM-DD); bawaan 31 Desember"
        )
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *app_labels, **options):
        if not options.get("unit"):
            if options.get("year") or options.get("json") or options.get("on"):
                raise CommandError("--year, --on dan --json hanya dipakai bersama --unit.")
            return super().handle(*app_labels, **options)
        if not options.get("year"):
            raise CommandError("--year wajib diisi bersama --unit, mis. --year 2020.")
        units = list(OrgUnit.objects.filter(slug=options["unit"]).select_related("government"))
        if not units:
            raise CommandError(f"Unit {options['unit']!r} tidak ditemukan; lihat `kinerja units`.")
        if len(units) > 1:
            raise CommandError(
                f"Slug {options['unit']!r} dipakai lebih dari satu pemerintah daerah."
            )
        year = options["year"]
        on = None
        if options.get("on"):
            try:
                on = datetime.date.fromisoformat(options["on"])
            except ValueError as exc:
                raise CommandError(
                    f"--on: {options['on']!r} bukan tanggal; contoh yang benar: 2020-12-31."
                ) from exc
        findings = unit_findings(units[0], year, on)
        errors = sum(1 for f in findings if f.severity == ERROR)
        warnings = len(findings) - errors
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "unit": units[0].slug,
                        "year": year,
                        "on": (on or datetime.date(year, 12, 31)).isoformat(),
                        "errors": errors,
                        "warnings": warnings,
                        "findings": [f.to_dict() for f in findings],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            on_text = fmt_date(on or datetime.date(year, 12, 31))
            self.stdout.write(
                f"Pemeriksaan perjanjian kinerja {units[0].name} tahun {year} "
                f"(PK yang berlaku pada {on_text})"
            )
            for f in findings:
                label = "GALAT" if f.severity == ERROR else "PERINGATAN"
                self.stdout.write(f"\n[{label}] {f.code}\n  di: {f.where}\n  {f.message}")
                self.stdout.write(f"  seharusnya: {f.expected}\n  ditemukan: {f.found}")
            self.stdout.write(f"\n{errors} galat, {warnings} peringatan.")
        if errors:
            raise CommandError(f"{errors} galat ditemukan.", returncode=1)
