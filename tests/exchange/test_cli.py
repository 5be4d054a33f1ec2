"""``kinerja import`` (preview, --apply, exit status) and ``kinerja export``."""

import json

import pytest
from django.core.management import CommandError, call_command

from kinerja.audit.models import AuditEntry
from kinerja.plans.models import Plan, PlanNode

from .common import seed_lampiran_xlsx

pytestmark = pytest.mark.django_db


def run_import(capsys, *args):
    try:
        call_command("import", *args)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, capsys.readouterr().out


def test_preview_then_apply(tmp_path, capsys, unit):
    path = tmp_path / "lampiran.xlsx"
    path.write_bytes(seed_lampiran_xlsx())
    args = ("--unit", "biro-pemkesra", "--year", "2022", "--kind", "lampiran1", str(path))
    status, out = run_import(capsys, *args)
    assert status == 0
    assert "Simpul rencana         dibuat    47" in out and "--apply" in out
    assert not Plan.objects.filter(unit=unit("biro-pemkesra"), year=2022).exists()
    status, out = run_import(capsys, *args, "--apply", "--user", "operator")
    assert status == 0 and "Diterapkan" in out
    plan = Plan.objects.get(unit=unit("biro-pemkesra"), year=2022)
    assert PlanNode.objects.filter(plan=plan).count() == 47
    assert AuditEntry.objects.get(action="import.apply", year=2022).username == "operator"


def test_errors_exit_non_zero_and_write_nothing(tmp_path, capsys):
    path = tmp_path / "salah.csv"
    path.write_text(
        "Kode;Uraian;Pagu DPA\n4.01.01;Program;\n4.01.01.1.01;Keg;\n4.01.01.1.01.01;Sub;sejuta\n",
        encoding="utf-8",
    )
    args = ("--unit", "biro-pemkesra", "--year", "2022", "--kind", "plan", str(path), "--apply")
    status, out = run_import(capsys, *args)
    assert status == 1
    assert "GALAT: lembar CSV, baris 4, kolom C (Pagu DPA)" in out and "'sejuta'" in out
    assert "tidak ada yang disimpan" in out
    assert not Plan.objects.filter(year=2022).exists()
    status, out = run_import(capsys, *args[:-1], "--json")
    assert status == 1
    document = json.loads(out)
    assert document["galat"] == 1 and document["temuan"][0]["row"] == 4


def test_import_refusals(tmp_path, outsider):
    path = tmp_path / "r.csv"
    path.write_text("Kode,Uraian\n4.01.01,X\n", encoding="utf-8")
    base = ("--unit", "biro-pemkesra", "--year", "2021", "--kind", "plan")
    with pytest.raises(CommandError, match="tidak boleh mengubah"):
        call_command("import", *base, str(path), "--user", "orang-luar")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import", "--unit", "tidak-ada", "--year", "2021", "--kind", "plan", str(path))
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("import", *base, str(tmp_path / "hilang.csv"))


def test_export_to_file_and_stdout(tmp_path, capsysbinary):
    out = tmp_path / "rencana.json"
    call_command(
        "export",
        "--unit",
        "biro-pemkesra",
        "--year",
        "2021",
        "--dataset",
        "plan",
        "--format",
        "json",
        "-o",
        str(out),
    )
    document = json.loads(out.read_bytes())
    assert document["dataset"] == "plan" and len(document["rows"]) == 47
    capsysbinary.readouterr()
    call_command(
        "export",
        "--unit",
        "biro-pemerintahan",
        "--year",
        "2020",
        "--dataset",
        "achievements",
        "--format",
        "csv",
        "--month",
        "3",
    )
    text = capsysbinary.readouterr().out.decode("utf-8-sig")
    assert text.startswith("Kode,Uraian,Tingkat")
    with pytest.raises(CommandError, match="tidak punya rencana"):
        call_command(
            "export",
            "--unit",
            "biro-pemkesra",
            "--year",
            "2030",
            "--dataset",
            "plan",
            "--format",
            "csv",
        )
