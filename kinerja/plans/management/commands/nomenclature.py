"""``kinerja nomenclature``: load a full nomenclature list from CSV, search it, list versions.

    kinerja nomenclature load LIST.csv --version permendagri-90-2019
    kinerja nomenclature search "evaluasi kinerja" --version permendagri-90-2019
    kinerja nomenclature versions

The CSV columns are described in ``kinerja.plans.nomenclature``. A file with any problem is
refused as a whole, each problem naming its row and column.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from kinerja.plans.models import Nomenclature
from kinerja.plans.nomenclature import read_csv, version_key
from kinerja.plans.services import nomenclature_load, nomenclature_search


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class Command(BaseCommand):
    help = "Nomenklatur program, kegiatan dan sub kegiatan: muat dari CSV (load), cari (search)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="muat daftar lengkap satu versi dari berkas CSV")
        load.add_argument("file", help="berkas CSV: kolom kode, nama (tingkat, kode_induk)")
        load.add_argument(
            "--version",
            dest="nomenclature_version",
            required=True,
            help="versi, mis. permendagri-90-2019",
        )
        search = sub.add_parser("search", help="cari menurut kode atau nama")
        search.add_argument("query")
        search.add_argument("--version", dest="nomenclature_version", required=True)
        search.add_argument("--level", default="", choices=["", *Nomenclature.Level.values])
        search.add_argument("--limit", type=int, default=20)
        search.add_argument("--json", action="store_true", help="keluaran JSON")
        sub.add_parser("versions", help="versi yang sudah dimuat dan jumlah entrinya")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "load":
            self._load(Path(options["file"]), options["nomenclature_version"])
        elif action == "search":
            self._search(options)
        else:
            versions = (
                Nomenclature.objects.order_by("version")
                .values_list("version")
                .annotate(count=Count("id"))
            )
            for version, count in versions:
                self.stdout.write(f"{version}\t{count}")

    def _load(self, path: Path, version: str) -> None:
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        key = version_key(version)
        if not key or key == "local":
            raise CommandError(
                f"Versi {version!r} tidak dapat dipakai: tulis nama versi, "
                f"mis. permendagri-90-2019 (kode lokal tidak dimuat)."
            )
        entries, skipped, problems = read_csv(read_text(path))
        if problems:
            lines = "\n".join(f"  {p.message}" for p in problems[:50])
            more = f"\n  … dan {len(problems) - 50} lagi" if len(problems) > 50 else ""
            raise CommandError(
                f"{path.name}: {len(problems)} masalah, tidak ada yang dimuat:\n{lines}{more}"
            )
        counts = nomenclature_load(version=key, entries=entries, source=path.name)
        self.stdout.write(
            f"Nomenklatur {key}: {counts['total']} entri ({counts['added']} baru, "
            f"{counts['updated']} berubah, {counts['removed']} dihapus; {skipped} baris "
            f"urusan/bidang/kosong dilewati)."
        )

    def _search(self, options) -> None:
        rows = nomenclature_search(
            version=version_key(options["nomenclature_version"]),
            query=options["query"],
            level=options["level"],
            limit=options["limit"],
        )
        if options["json"]:
            data = [
                {"code": r.code, "level": r.level, "name": r.name, "parent_code": r.parent_code}
                for r in rows
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for r in rows:
            self.stdout.write(f"{r.code:<20} {r.get_level_display():<13} {r.name}")
