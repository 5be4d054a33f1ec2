import json

from django.core.management.base import BaseCommand, CommandError

from kinerja.core.numbers import fmt_number, fmt_percent
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Plan
from kinerja.plans.selectors import compute_plan


class Command(BaseCommand):
    help = "Tampilkan pohon rencana yang dihitung Kinerja untuk satu unit dan tahun."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug unit (lihat `kinerja units`)")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--month", type=int, default=12, help="posisi s.d. bulan (1-12)")
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *args, **options):
        units = list(OrgUnit.objects.filter(slug=options["unit"]).select_related("government"))
        if not units:
            raise CommandError(f"Unit {options['unit']!r} tidak ditemukan; lihat `kinerja units`.")
        if len(units) > 1:
            raise CommandError(
                f"Slug {options['unit']!r} dipakai lebih dari satu pemerintah daerah."
            )
        if not 1 <= options["month"] <= 12:
            raise CommandError(f"--month harus 1 sampai 12, ditemukan {options['month']}.")
        plan = Plan.objects.filter(unit=units[0], year=options["year"]).first()
        if plan is None:
            years = list(Plan.objects.filter(unit=units[0]).values_list("year", flat=True))
            raise CommandError(
                f"Unit {units[0].slug} tidak punya rencana tahun {options['year']}; "
                f"tahun yang ada: {', '.join(map(str, years)) or '-'}."
            )
        result = compute_plan(plan, upto_month=options["month"])
        if options["json"]:
            data = {
                "unit": units[0].slug,
                "year": plan.year,
                "upto_month": result.upto_month,
                "rules": result.rules.to_dict(),
                "tree": result.root.to_dict(),
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self._print(result.root, 0)

    def _print(self, node, depth):
        pad = "  " * depth
        ach = node.achievement.value
        raw = node.achievement_raw.value
        capped = "" if raw == ach else f" (mentah {fmt_number(raw, 2)})"
        self.stdout.write(
            f"{pad}{node.code or '':<18} {node.name[:60]:<60} "
            f"pagu {fmt_number(node.pagu.value):>16}  real {fmt_number(node.realisasi.value):>16}  "
            f"serap {fmt_percent(node.absorption.value):>8}  "
            f"capaian {fmt_number(ach, 2):>7}{capped}  {node.predicate or '–'}"
        )
        for line in (node.absorption.explanation, node.achievement.explanation):
            if line:
                self.stdout.write(f"{pad}    · {line}")
        for child in node.children:
            self._print(child, depth + 1)
