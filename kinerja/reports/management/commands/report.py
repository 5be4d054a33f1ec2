from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.agreements.models import PerformanceAgreement
from kinerja.agreements.selectors import plan_for
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Plan
from kinerja.reports.document import PAPERS
from kinerja.reports.service import FORMATS, KIND_PAPER, KINDS, make_reports


class Command(BaseCommand):
    help = "Buat laporan (PDF, DOCX dan/atau XLSX) untuk satu unit dan tahun."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug unit (lihat `kinerja units`)")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--kind", required=True, choices=sorted(KINDS))
        parser.add_argument(
            "--format",
            required=True,
            dest="fmt",
            help="pdf, docx, xlsx, beberapa dipisah koma (pdf,docx,xlsx) atau all",
        )
        parser.add_argument(
            "--output",
            help="berkas tujuan; untuk beberapa format: folder tujuan "
            "(bawaan: nama laporan di folder ini)",
        )
        parser.add_argument("--month", type=int, default=12, help="posisi s.d. bulan (1-12)")
        parser.add_argument(
            "--agreement",
            type=int,
            metavar="ID",
            help="hanya untuk --kind pk: perjanjian kinerja satu pejabat (id PK unit --unit "
            "tahun --year), versi yang berlaku pada 31 Desember",
        )
        defaults = ", ".join(f"{kind} {paper}" for kind, paper in KIND_PAPER.items())
        parser.add_argument(
            "--paper",
            choices=list(PAPERS),
            help=f"kertas halaman lebar (landscape); bawaan A4, {defaults}",
        )

    def handle(self, *args, **options):
        formats = _formats(options["fmt"])
        units = list(OrgUnit.objects.filter(slug=options["unit"]).select_related("government"))
        if len(units) != 1:
            raise CommandError(
                f"Unit {options['unit']!r} tidak ditemukan; lihat `kinerja units`."
                if not units
                else f"Slug {options['unit']!r} dipakai lebih dari satu pemerintah daerah."
            )
        if not 1 <= options["month"] <= 12:
            raise CommandError(f"--month harus 1 sampai 12, ditemukan {options['month']}.")
        agreement = None
        if options["agreement"] is not None:
            agreement = _agreement(options, units[0])
        elif not Plan.objects.filter(unit=units[0], year=options["year"]).exists():
            raise CommandError(f"Unit {units[0].slug} tidak punya rencana tahun {options['year']}.")
        reports = make_reports(
            options["kind"],
            formats,
            units[0],
            options["year"],
            upto_month=options["month"],
            paper=options["paper"],
            agreement=agreement,
        )
        output = options["output"]
        for report in reports:
            if len(reports) == 1:
                path = Path(output or report.filename)
            else:
                path = Path(output or ".") / report.filename
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(report.content)
            self.stdout.write(f"{path} ({len(report.content):,} bita)".replace(",", "."))


def _agreement(options, unit: OrgUnit) -> PerformanceAgreement:
    """The agreement ``--agreement`` names, checked against ``--kind``, ``--unit`` and
    ``--year``, whose unit works on a plan of that year (its own or one above it)."""
    if options["kind"] != "pk":
        raise CommandError("--agreement hanya untuk --kind pk.")
    agreement = (
        PerformanceAgreement.objects.filter(pk=options["agreement"])
        .select_related("unit__government")
        .first()
    )
    if agreement is None or agreement.unit_id != unit.id or agreement.year != options["year"]:
        raise CommandError(
            f"Perjanjian kinerja {options['agreement']} milik {unit.slug} tahun "
            f"{options['year']} tidak ditemukan; lihat halaman PK unit itu."
        )
    if plan_for(unit, agreement.year) is None:
        raise CommandError(
            f"{unit.name} dan unit di atasnya tidak punya rencana tahun {agreement.year}."
        )
    return agreement


def _formats(text: str) -> list[str]:
    """``pdf``, ``pdf,docx`` or ``all`` → the formats, in the order given."""
    if text.strip().lower() == "all":
        return list(FORMATS)
    formats = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if not formats or unknown:
        raise CommandError(
            f"--format: {', '.join(unknown) or 'kosong'} tidak dikenal; "
            f"pilih {', '.join(FORMATS)} (beberapa dipisah koma) atau all."
        )
    return list(dict.fromkeys(formats))
