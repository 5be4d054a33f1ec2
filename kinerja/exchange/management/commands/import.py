"""``kinerja import --unit UNIT --year YEAR --kind KIND FILE [--apply]``: preview an import
(and apply it with ``--apply``). The exit status is 1 when the file has errors (nothing is
written then), 0 otherwise."""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kinerja.exchange.imports import NotAllowed, apply_import, preview_import
from kinerja.exchange.reading import DEFAULT_LIMITS
from kinerja.exchange.schemas import IMPORT_KINDS

from ._common import unit_by_slug


class Command(BaseCommand):
    help = (
        "Impor berkas XLSX, CSV atau JSON ke rencana satu unit dan tahun. Tanpa --apply hanya "
        "pratinjau; dengan --apply semua perubahan disimpan sekaligus (atau tidak sama sekali "
        "bila ada galat) dan dicatat di jejak audit."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas .xlsx, .csv atau .json")
        parser.add_argument("--unit", required=True, help="slug unit (lihat `kinerja units`)")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--kind", required=True, choices=sorted(IMPORT_KINDS))
        parser.add_argument("--apply", action="store_true", help="simpan perubahannya")
        parser.add_argument(
            "--user",
            help="nama pengguna yang tercatat di jejak audit; haknya atas unit diperiksa",
        )
        parser.add_argument("--json", action="store_true", help="pratinjau sebagai JSON")

    def handle(self, *args, **options):
        unit = unit_by_slug(options["unit"])
        path = Path(options["file"])
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise CommandError(f"Berkas {path} tidak dapat dibaca: {exc}") from exc
        if size > DEFAULT_LIMITS.max_bytes:
            raise CommandError(
                f"Berkas {path} terlalu besar ({size} bita; paling besar "
                f"{DEFAULT_LIMITS.max_bytes} bita)."
            )
        data = path.read_bytes()
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Pengguna {options['user']!r} tidak ditemukan.")
        run = apply_import if options["apply"] else preview_import
        try:
            preview = run(
                user=user,
                unit=unit,
                year=options["year"],
                kind=options["kind"],
                filename=path.name,
                data=data,
            )
        except NotAllowed:
            raise CommandError(
                f"Pengguna {user.username} tidak boleh mengubah data unit {unit.slug}."
            ) from None
        if options["json"]:
            self.stdout.write(json.dumps(preview.to_dict(), ensure_ascii=False, indent=2))
        else:
            self._print(preview, options["apply"])
        if preview.errors:
            sys.exit(1)

    def _print(self, preview, apply):
        out = self.stdout.write
        title = IMPORT_KINDS[preview.kind].title
        out(f"Impor {title} dari {preview.filename} ke {preview.unit.name} {preview.year}")
        if preview.sheet:
            out(f"Lembar {preview.sheet}, baris judul {preview.header_row or '-'}, "
                f"{preview.rows_read} baris data")
        for label, created, changed, same in preview.counts():
            out(f"  {label:<22} dibuat {created:>5}  diubah {changed:>5}  tetap {same:>5}")
        for op in preview.changes:
            verb = "BARU " if op.action == "create" else "UBAH "
            where = f" [baris {op.row}]" if op.row else ""
            out(f"{verb}{op.entity_label}: {op.label}{where}")
            if op.action == "update":
                for name, old, new in op.changes():
                    out(f"      {name}: {old} → {new}")
        for finding in preview.findings:
            out(f"{finding.severity_label.upper()}: {finding}")
        if preview.errors:
            out(f"{len(preview.errors)} galat: tidak ada yang disimpan.")
        elif preview.applied:
            out(f"Diterapkan: {preview.count('create')} dibuat, {preview.count('update')} "
                "diubah; tercatat di jejak audit.")
        elif apply:
            out("Tidak ada yang disimpan.")
        else:
            out("Pratinjau saja: jalankan lagi dengan --apply untuk menyimpan.")
