"""The kinerja command: units, show and the demo set-up."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_units_json_lists_units_with_their_plan_years():
    units = {u["slug"]: u for u in json.loads(run("units", "--json"))}
    assert units["biro-pemerintahan"]["years"] == [2020]
    assert units["biro-pemkesra"]["years"] == [2021]
    assert units["biro-pemkesra"]["predecessor"] == "biro-pemerintahan"
    assert {"code", "slug", "name", "years"} <= set(units["setda"])


def test_show_json_gives_the_computed_tree_with_decimals_as_strings():
    data = json.loads(run("show", "--unit", "biro-pemerintahan", "--year", "2020", "--json"))
    tree = data["tree"]
    assert tree["pagu"]["value"] == "2802281000.00"
    program = next(c for c in tree["children"] if c["name"] == "Perumusan Kebijakan Pemerintahan")
    assert program["achievement"]["value"].startswith("82.8125")
    assert program["achievement"]["explanation"].startswith("82,81 = rata-rata 8 kegiatan")
    assert program["predicate"] == "Tinggi"
    leaf = program["children"][0]["children"][0]
    assert set(leaf) >= {"code", "name", "level", "absorption", "achievement_raw", "predicate"}
    assert isinstance(leaf["pagu"]["value"], str)


def test_show_text_names_every_node():
    out = run("show", "--unit", "biro-pemkesra", "--year", "2021")
    assert "4.01.01.1.01.07" in out
    assert "85,97%" in out


def test_show_refuses_unknown_unit_and_year():
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run("show", "--unit", "tidak-ada", "--year", "2020")
    with pytest.raises(CommandError, match="tahun yang ada: 2020"):
        run("show", "--unit", "biro-pemerintahan", "--year", "2019")


def test_kinerja_entry_point_runs_a_management_command(tmp_path):
    """`.venv/bin/kinerja` is a thin wrapper over Django's commands."""
    env = {**os.environ, "KINERJA_VAR_DIR": str(tmp_path), "DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "demo", "--no-server"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Alamat: http://127.0.0.1:8000/" in done.stdout
    assert "operator" in done.stdout and "inspektorat" in done.stdout
    assert (tmp_path / "kinerja.sqlite3").exists()
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "kinerja.cli",
            "show",
            "--unit",
            "biro-pemerintahan",
            "--year",
            "2020",
            "--json",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["tree"]["pagu"]["value"] == "2802281000.00"


def test_settings_refuse_to_start_without_secret_key_in_production(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "SECRET_KEY")}
    env.update(DEBUG="0", KINERJA_VAR_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "SECRET_KEY must be set" in done.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "DATABASE_URL")}
    env.update(
        DEBUG="0",
        KINERJA_VAR_DIR=str(tmp_path),
        SECRET_KEY="x7Vq-9mLr2_TfY4bNw8KpZs1HcJ6uDgE0aQiRoXtWyUvBnMlKjHgFdSaPoIuYtRe",
        ALLOWED_HOSTS="kinerja.example.go.id",
    )
    done = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
