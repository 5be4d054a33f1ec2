"""`kinerja reviu FILE [--year YEAR] [--format text|json|xlsx] [-o OUT]`."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .conftest import SEED


def run(*args):
    out = io.StringIO()
    call_command("reviu", *args, stdout=out)
    return out.getvalue()


def test_text_report_of_the_seed():
    text = run(str(SEED))
    assert text.startswith("Reviu berkas: 000_fbef7e088ec34a1a.txt\n")
    assert "tahun laporan: 2021 (AKHIR TAHUN ANGGARAN 2021)" in text
    assert "== Persentase tidak sama dengan realisasi ÷ rencana × 100 — 2" in text
    assert "! Tabel 3.1 · Penyusunan Perumusan Kebijakan Tekni Kecamatan dan Kelurahan" in text
    assert "rumus 82.536.000 ÷ 36.702.000 × 100 = 224,8815" in text


def test_json_to_a_file_and_the_year_given(tmp_path):
    target = tmp_path / "hasil.json"
    assert "temuan" in run(str(SEED), "--format", "json", "--year", "2020", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["year"] == 2021 - 1 and data["year_source"] == "ditentukan pengguna"
    assert not [f for f in data["findings"] if f["kind"] == "year_label" and f["printed"] ==
                "2020"]


def test_xlsx(tmp_path):
    import openpyxl

    target = tmp_path / "hasil.xlsx"
    assert "kesalahan" in run(str(SEED), "--format", "xlsx", "-o", str(target))
    assert openpyxl.load_workbook(target).sheetnames == ["Ringkasan", "Temuan"]


def test_missing_and_refused_files(tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run(str(tmp_path / "tidak-ada.docx"))
    junk = tmp_path / "rusak.docx"
    junk.write_bytes(b"PK\x03\x04" + bytes(40))
    with pytest.raises(CommandError, match="rusak"):
        run(str(junk))
