"""``kinerja check --unit … --year …``: the findings as text or JSON, exit status 1 on an
error; without ``--unit`` it is still Django's system check."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kinerja.agreements.models import AgreementRow

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("check", *args, stdout=out)
    except CommandError as exc:
        if exc.returncode == 1 and str(exc).endswith("galat ditemukan."):
            return out.getvalue(), 1
        raise
    return out.getvalue(), 0


def test_errors_exit_with_status_one_and_are_listed():
    text, status = run("--unit", "biro-pemerintahan", "--year", "2020")
    assert status == 1
    assert "[GALAT] pk_target_mismatch" in text
    assert "di: Biro Pemerintahan (PK versi 1) › anggaran: 02.03.01 Administrasi Rupabumi" in text
    assert "seharusnya: 4 Dokumen\n  ditemukan: 2 Dokumen" in text
    assert text.rstrip().endswith("3 galat, 7 peringatan.")


def test_json():
    text, status = run("--unit", "biro-pemerintahan", "--year", "2020", "--json")
    data = json.loads(text)
    assert status == 1
    assert (data["unit"], data["year"], data["on"]) == ("biro-pemerintahan", 2020, "2020-12-31")
    assert (data["errors"], data["warnings"]) == (3, 7)
    assert data["findings"][0] == {
        "code": "pk_no_parent",
        "where": "Bagian Administrasi Kewilayahan (PK versi 1) › indikator 1: Persentase "
        "realisasi kebijakan administrasi kewilayahan",
        "message": "Indikator ini tidak terhubung ke indikator mana pun dalam PK atasannya "
        "(Biro Pemerintahan).",
        "expected": "mendukung salah satu dari 6 indikator PK atasan",
        "found": "tidak terhubung",
        "severity": "error",
    }


def test_no_error_exits_zero():
    text, status = run("--unit", "subbag-rupabumi", "--year", "2020")
    assert status == 0 and "0 galat, 0 peringatan." in text
    row = AgreementRow.objects.get(agreement__unit__slug="bagian-kewilayahan")
    row.parent = AgreementRow.objects.filter(agreement__unit__slug="biro-pemerintahan").last()
    row.save()
    text, status = run("--unit", "bagian-kewilayahan", "--year", "2020", "--json")
    assert status == 0 and json.loads(text)["findings"] == []


def test_on_a_date_and_bad_arguments():
    text, _ = run("--unit", "subbag-rupabumi", "--year", "2020", "--on", "2020-06-30")
    assert "(PK yang berlaku pada 30 Juni 2020)" in text
    for args, message in [
        (("--unit", "tidak-ada", "--year", "2020"), "tidak ditemukan"),
        (("--unit", "subbag-rupabumi"), "--year wajib diisi"),
        (("--unit", "subbag-rupabumi", "--year", "2020", "--on", "30-06-2020"), "bukan tanggal"),
        (("--year", "2020"), "hanya dipakai bersama --unit"),
    ]:
        with pytest.raises(CommandError, match=message):
            call_command("check", *args, stdout=StringIO())


def test_without_unit_it_is_the_system_check():
    out = StringIO()
    call_command("check", stdout=out)
    assert "System check identified no issues" in out.getvalue()
