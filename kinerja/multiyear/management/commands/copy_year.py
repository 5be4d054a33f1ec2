from django.core.management.base import BaseCommand, CommandError

from kinerja.multiyear import services
from kinerja.org.models import OrgUnit


def find_unit(slug: str, government: str | None = None) -> OrgUnit:
    units = OrgUnit.objects.filter(slug=slug).select_related("government", "predecessor")
    if government:
        units = units.filter(government__code=government)
    units = list(units)
    if not units:
        raise CommandError(f"Unit {slug!r} tidak ditemukan; lihat `kinerja units`.")
    if len(units) > 1:
        raise CommandError(
            f"Slug {slug!r} dipakai lebih dari satu pemerintah daerah; sebutkan --government."
        )
    return units[0]


class Command(BaseCommand):
    help = (
        "Salin rencana satu unit dari satu tahun ke tahun berikutnya: susunan program, "
        "kegiatan dan sub kegiatan serta indikatornya; target, pagu dan realisasi dikosongkan. "
        "Kode dipetakan bila versi nomenklatur berubah; unit yang digabung atau berganti nama "
        "diikuti ke penerusnya. Ditolak bila tahun tujuan sudah punya rencana."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug unit (lihat `kinerja units`)")
        parser.add_argument("--from", dest="from_year", required=True, type=int)
        parser.add_argument("--to", dest="to_year", required=True, type=int)
        parser.add_argument(
            "--to-unit", help="slug unit tujuan, bila unit punya lebih dari satu penerus"
        )
        parser.add_argument(
            "--nomenclature",
            help="versi nomenklatur tahun tujuan (bawaan: versi rencana asal), "
            "mis. 'Permendagri 90/2019'",
        )
        parser.add_argument("--government", help="kode pemerintah daerah, bila slug ganda")
        parser.add_argument(
            "--dry-run", action="store_true", help="tampilkan hasilnya tanpa menyimpan apa pun"
        )
        parser.add_argument(
            "--merge",
            action="store_true",
            help="gabungkan ke rencana unit tujuan (--to-unit) yang sudah ada: untuk unit kedua "
            "yang dilebur ke unit yang mencatat pendahulu lain",
        )

    def handle(self, *args, **options):
        unit = find_unit(options["unit"], options["government"])
        target = (
            find_unit(options["to_unit"], options["government"]) if options["to_unit"] else None
        )
        try:
            result = services.copy_year(
                user=None,
                unit=unit,
                from_year=options["from_year"],
                to_year=options["to_year"],
                nomenclature=options["nomenclature"],
                target_unit=target,
                dry_run=options["dry_run"],
                merge=options["merge"],
            )
        except services.Refused as exc:
            raise CommandError(str(exc)) from None
        if result.dry_run:
            self.stdout.write("Uji coba (--dry-run): tidak ada yang disimpan.")
        self.stdout.write(result.summary())
        for note in result.notes:
            self.stdout.write(f"- {note}")
        for node in result.changed:
            self.stdout.write(f"  {node.old_code} → {node.code}  {node.name}")
        for row in result.removed:
            self.stdout.write(f"  {row.old_code} dihapus  {row.name}")
