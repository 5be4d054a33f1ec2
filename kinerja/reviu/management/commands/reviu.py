from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.reviu.export import to_json, to_text, to_xlsx
from kinerja.reviu.service import reviu_file


class Command(BaseCommand):
    help = (
        "Reviu laporan kinerja yang dibuat di luar Kinerja (DOCX, XLSX, CSV, PDF, teks): "
        "daftar setiap angka, jumlah, kalimat, label tahun dan tanggal yang tidak konsisten."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas laporan yang diperiksa")
        parser.add_argument("--year", type=int, help="tahun laporan (bawaan: dari judul/sampul)")
        parser.add_argument(
            "--format", choices=["text", "json", "xlsx"], default="text", dest="fmt"
        )
        parser.add_argument("-o", "--output", help="berkas hasil (bawaan: layar; XLSX wajib)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        result = reviu_file(path.name, path.read_bytes(), options["year"])
        if result.refused:
            raise CommandError(result.refused)
        fmt, output = options["fmt"], options["output"]
        if fmt == "xlsx":
            target = Path(output or f"reviu-{path.stem}.xlsx")
            target.write_bytes(to_xlsx(result))
            self.stdout.write(
                f"{target}: {len(result.findings)} temuan ({len(result.errors)} kesalahan, "
                f"{len(result.warnings)} perlu diperiksa)"
            )
            return
        body = to_json(result) + "\n" if fmt == "json" else to_text(result)
        if output:
            Path(output).write_text(body, encoding="utf-8")
            self.stdout.write(f"{output}: {len(result.findings)} temuan")
        else:
            self.stdout.write(body, ending="")
