import json

from django.core.management.base import BaseCommand

from kinerja.org.models import OrgUnit


class Command(BaseCommand):
    help = "Daftar unit kerja: kode, slug, nama dan tahun rencananya."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *args, **options):
        units = (
            OrgUnit.objects.select_related("government", "predecessor", "parent")
            .prefetch_related("plans")
            .order_by("government__code", "from_year", "code", "name")
        )
        rows = [
            {
                "government": u.government.code,
                "code": u.code,
                "slug": u.slug,
                "name": u.name,
                "kind": u.kind,
                "eselon": u.eselon,
                "parent": u.parent.slug if u.parent else None,
                "predecessor": u.predecessor.slug if u.predecessor else None,
                "from_year": u.from_year,
                "to_year": u.to_year,
                "years": sorted(p.year for p in u.plans.all()),
            }
            for u in units
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for r in rows:
            years = ", ".join(str(y) for y in r["years"]) or "-"
            self.stdout.write(f"{r['slug']:<40} {r['code'] or '-':<24} {r['name']}  [{years}]")
