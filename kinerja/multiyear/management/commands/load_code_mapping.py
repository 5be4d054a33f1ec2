from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.multiyear import services


class Command(BaseCommand):
    help = (
        "Muat tabel padanan kode antar versi nomenklatur dari CSV (kolom versi_lama, "
        "versi_baru, kode_lama, kode_baru, nama_baru; pemisah , atau ;). kode_baru kosong "
        "berarti kode itu dihapus di versi baru. Bila satu baris salah, tidak ada yang disimpan."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas CSV")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(f"{path}: tidak dapat dibaca ({exc.strerror}).") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: bukan teks UTF-8.") from None
        try:
            loaded = services.code_mapping_load(user=None, text=text, filename=path.name)
        except services.InvalidInput as exc:
            lines = "\n".join(f"- {e}" for e in exc.errors)
            raise CommandError(f"Tidak ada yang disimpan:\n{lines}") from None
        pairs = "; ".join(f"{a} → {b}" for a, b in loaded.pairs)
        self.stdout.write(
            f"Padanan kode {pairs}: {loaded.created} baru, {loaded.changed} diubah,"
            f" {loaded.unchanged} tetap."
        )
