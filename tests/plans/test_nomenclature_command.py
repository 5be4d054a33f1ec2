"""``kinerja nomenclature load / search / versions`` and the demo's nomenclature."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kinerja.audit.models import AuditEntry
from kinerja.plans.models import Nomenclature, PlanNode
from kinerja.plans.services import DEMO_NOMENCLATURE, nomenclature_load_demo

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("nomenclature", *args, stdout=out)
    return out.getvalue()


def write(tmp_path, text, name="daftar.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_demo_nomenclature_holds_every_code_of_the_2021_plan():
    codes = set(
        PlanNode.objects.filter(plan__unit__slug="biro-pemkesra", plan__year=2021).values_list(
            "code", "name"
        )
    )
    stored = set(
        Nomenclature.objects.filter(version="permendagri-90-2019").values_list("code", "name")
    )
    assert codes <= stored
    assert len(stored) > len(codes)  # and neighbours to pick from
    before = Nomenclature.objects.count()
    assert nomenclature_load_demo() == {"added": 0, "updated": 0, "removed": 0, "total": before}


def test_load_a_full_list_then_a_revision(tmp_path):
    first = write(
        tmp_path,
        "KODE;NOMENKLATUR\n1;URUSAN WAJIB\n1.02;KESEHATAN\n1.02.01;Program Penunjang\n"
        "1.02.01.2.01;Perencanaan\n1.02.01.2.01.0001;Penyusunan Dokumen Perencanaan\n"
        "1.02.01.2.01.0002;Koordinasi RKA\n",
    )
    out = run("load", first, "--version", "Kepmendagri 050-5889/2021")
    assert "kepmendagri-050-5889-2021: 4 entri (4 baru, 0 berubah, 0 dihapus; 2 baris" in out
    entry = Nomenclature.objects.get(version="kepmendagri-050-5889-2021", code="1.02.01.2.01.0002")
    assert (entry.level, entry.parent_code) == ("sub_kegiatan", "1.02.01.2.01")
    revised = write(
        tmp_path,
        "kode,nama\n1.02.01,Program Penunjang Urusan\n1.02.01.2.01,Perencanaan\n"
        "1.02.01.2.01.0001,Penyusunan Dokumen Perencanaan\n",
        name="revisi.csv",
    )
    out = run("load", revised, "--version", "kepmendagri-050-5889-2021")
    assert "3 entri (0 baru, 1 berubah, 1 dihapus" in out
    assert not Nomenclature.objects.filter(code="1.02.01.2.01.0002").exists()
    log = AuditEntry.objects.filter(action="nomenclature.load").order_by("id").last()
    assert json.loads(log.new_value) == {"added": 0, "updated": 1, "removed": 1, "total": 3}
    assert log.reason == "revisi.csv"
    # the other version is untouched
    assert Nomenclature.objects.filter(version="permendagri-90-2019").count() > 60


def test_a_bad_file_loads_nothing_and_names_rows_and_columns(tmp_path):
    bad = write(
        tmp_path,
        "kode,nama\n4.09.01,Program\n4.09.01.1.01,\n4.09.02.1.01.01,Sub yatim\n",
    )
    before = Nomenclature.objects.count()
    with pytest.raises(CommandError) as exc:
        run("load", bad, "--version", "uji")
    message = str(exc.value)
    assert "2 masalah, tidak ada yang dimuat" in message
    assert "Baris 3, kolom nama: nama kosong" in message
    assert "Baris 4, kolom kode_induk: induk 4.09.02.1.01" in message
    assert Nomenclature.objects.count() == before


def test_windows_encoded_file_is_read(tmp_path):
    path = write(
        tmp_path,
        "kode;nama\n7.01.01;Program Penunjang Pemerintahan Kecamatan – Ö\n",
        encoding="cp1252",
    )
    run("load", path, "--version", "uji-1252")
    assert Nomenclature.objects.get(version="uji-1252").name.endswith("– Ö")


@pytest.mark.parametrize("version", ["kode lokal", "  "])
def test_local_or_empty_version_is_refused(tmp_path, version):
    with pytest.raises(CommandError, match="tidak dapat dipakai"):
        run("load", str(DEMO_NOMENCLATURE), "--version", version)


def test_missing_file_is_refused():
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run("load", "/tidak/ada.csv", "--version", "v")


def test_search_and_versions():
    out = run("search", "penyusunan dpa", "--version", "Permendagri 90/2019")
    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["4.01.01.1.01.04", "4.01.01.1.01.05"]
    data = json.loads(
        run(
            "search", "4.01.04", "--version", "permendagri-90-2019", "--json", "--level", "kegiatan"
        )
    )
    assert [d["code"] for d in data] == ["4.01.04.1.01", "4.01.04.1.02", "4.01.04.1.03"]
    assert "permendagri-90-2019\t66" in run("versions")
