"""Writes to the plan area. Every write is a named function with keyword-only arguments
inside a transaction; the caller has checked access through ``kinerja.org.access``."""

from __future__ import annotations

from django.db import transaction

from .models import ReportText

# The free texts of a unit's reports, in the order the forms show them, with their labels.
REPORT_TEXT_KEYS = {
    "kata_pengantar": "Kata pengantar",
    "latar_belakang": "Latar belakang",
    "tujuan": "Tujuan dan sasaran",
    "dasar_penyusunan": "Dasar penyusunan",
    "gambaran_umum": "Gambaran umum organisasi (LKjIP)",
    "aspek_strategis": "Aspek strategis organisasi (LKjIP)",
    "rkp": "Realisasi pelaksanaan RKP",
    "tugas_pembantuan": "Tugas pembantuan",
    "tugas_umum": "Tugas umum pemerintahan",
    "spm": "Penerapan standar pelayanan minimal",
    "permasalahan": "Permasalahan",
    "solusi": "Solusi",
    "faktor_pendorong": "Faktor pendorong keberhasilan (Renja)",
    "faktor_penghambat": "Faktor penghambat (Renja)",
    "tindak_lanjut_triwulan": "Tindak lanjut triwulan berikutnya (Renja)",
    "tindak_lanjut_renja": "Tindak lanjut Renja berikutnya (Renja)",
    "penutup": "Penutup",
}
MAX_TEXT = 20_000


def report_texts_save(*, unit, year: int, texts: dict[str, str]) -> list[str]:
    """Store the given texts (unknown keys are refused before anything is written); an
    empty text removes the stored one. Returns the keys that changed."""
    unknown = sorted(set(texts) - set(REPORT_TEXT_KEYS))
    if unknown:
        raise ValueError(f"bagian teks tidak dikenal: {', '.join(unknown)}")
    too_long = [k for k, v in texts.items() if len(v) > MAX_TEXT]
    if too_long:
        raise ValueError(
            f"teks terlalu panjang (lebih dari {MAX_TEXT} karakter): {', '.join(too_long)}"
        )
    changed = []
    with transaction.atomic():
        current = {t.key: t for t in ReportText.objects.filter(unit=unit, year=year)}
        for key, text in texts.items():
            text = text.strip().replace("\r\n", "\n")
            row = current.get(key)
            if not text:
                if row is not None:
                    row.delete()
                    changed.append(key)
            elif row is None:
                ReportText.objects.create(unit=unit, year=year, key=key, text=text)
                changed.append(key)
            elif row.text != text:
                row.text = text
                row.save(update_fields=["text"])
                changed.append(key)
    return changed
