"""The pure rules of plan editing and the nomenclature CSV reader, table-driven, no database."""

from decimal import Decimal as D

import pytest

from kinerja.plans.nomenclature import read_csv, version_key
from kinerja.plans.validation_rules import (
    NomenclatureEntry,
    check_anggaran_kas,
    check_budget,
    check_code,
    check_fisik_plan,
    check_indicator,
    check_level,
    check_locked_months,
    check_nomenclature,
    check_target,
    child_level,
    cumulate,
    per_month,
)


def fields(problems):
    return [p.field for p in problems]


def text(problems):
    return " | ".join(p.message for p in problems)


@pytest.mark.parametrize(
    ("code", "parent", "existing", "expected_fields", "says"),
    [
        ("4.01.01.1.01", "4.01.01", {}, [], ""),
        ("", "4.01.01", {}, ["code"], "wajib diisi"),
        ("4.01 01", None, {}, ["code"], "tanpa spasi"),
        ("4.01.01.", None, {}, ["code"], "tidak dikenali"),
        ("4.01.03.1.01", "4.01.01", {}, ["code"], "harus diawali 4.01.01."),
        ("4.01.011.1.01", "4.01.01", {}, ["code"], "tidak berada di bawah kode induknya 4.01.01"),
        ("4.01.01", "4.01.01", {}, ["code"], "tidak berada di bawah"),
        ("4.01.01", None, {"4.01.01": "4.01.01 Program A"}, ["code"], "sudah dipakai"),
        (
            "4.01.03.1",
            "4.01.01",
            {"4.01.03.1": "x"},
            ["code", "code"],
            "tidak berada di bawah",
        ),
        ("01.01.01", "01.01", {}, [], ""),
        ("X.XX.01", None, {}, [], ""),
    ],
)
def test_check_code(code, parent, existing, expected_fields, says):
    problems = check_code(code=code, parent_code=parent, existing=existing)
    assert fields(problems) == expected_fields
    assert says in text(problems)


def test_duplicate_code_names_the_node_using_it():
    problems = check_code(code="02", parent_code=None, existing={"02": "02 Program Lama"})
    assert "02 Program Lama" in problems[0].message


@pytest.mark.parametrize(
    ("parent_level", "leaf", "expected"),
    [
        (None, "sub_kegiatan", "program"),
        ("program", "sub_kegiatan", "kegiatan"),
        ("kegiatan", "sub_kegiatan", "sub_kegiatan"),
        ("kegiatan", "tolok_ukur", "tolok_ukur"),
        ("sub_kegiatan", "sub_kegiatan", None),
        ("tolok_ukur", "tolok_ukur", None),
    ],
)
def test_child_level(parent_level, leaf, expected):
    assert child_level(parent_level, leaf) == expected


@pytest.mark.parametrize(
    ("level", "parent_level", "ok", "says"),
    [
        ("program", None, True, ""),
        ("kegiatan", None, False, "di tingkat teratas; seharusnya program"),
        ("sub_kegiatan", "program", False, "di bawah program; seharusnya kegiatan"),
        ("sub_kegiatan", "sub_kegiatan", False, "tidak boleh memiliki anak"),
    ],
)
def test_check_level(level, parent_level, ok, says):
    problems = check_level(level=level, parent_level=parent_level, leaf_level="sub_kegiatan")
    assert (problems == []) is ok
    assert says in text(problems)


ENTRY = NomenclatureEntry("4.01.01.1.01.07", "sub_kegiatan", "Evaluasi", "4.01.01.1.01")


@pytest.mark.parametrize(
    ("entry", "level", "parent", "says"),
    [
        (ENTRY, "sub_kegiatan", "4.01.01.1.01", None),
        (None, "sub_kegiatan", "4.01.01.1.01", "tidak ada dalam nomenklatur versi v1"),
        (ENTRY, "kegiatan", "4.01.01.1.01", "adalah sub kegiatan, bukan kegiatan"),
        (ENTRY, "sub_kegiatan", "4.01.01.1.02", "berada di bawah 4.01.01.1.01, bukan"),
    ],
)
def test_check_nomenclature(entry, level, parent, says):
    problems = check_nomenclature(
        code="4.01.01.1.01.07", level=level, parent_code=parent, entry=entry, version="v1"
    )
    if says is None:
        assert problems == []
    else:
        assert fields(problems) == ["code"]
        assert says in problems[0].message


@pytest.mark.parametrize(
    ("level", "dpa", "dppa", "stored_dpa", "stored_dppa", "expected_fields", "says"),
    [
        ("sub_kegiatan", D(100), None, None, None, [], ""),
        ("sub_kegiatan", D(100), D(120), D(100), None, [], ""),
        ("sub_kegiatan", D(100), D(130), D(100), D(120), [], ""),
        ("program", D(100), None, None, None, ["pagu_dpa"], "tidak boleh diisi pada program"),
        ("kegiatan", None, D(5), None, None, ["pagu_dppa"], "jumlah pagu anak-anaknya"),
        ("kegiatan", None, None, None, None, [], ""),
        ("tolok_ukur", D(-1), None, None, None, ["pagu_dpa"], "negatif"),
        ("sub_kegiatan", D(110), D(120), D(100), D(120), ["pagu_dpa"], "ubah pagu DPPA"),
        ("sub_kegiatan", None, D(120), D(100), D(120), ["pagu_dpa"], "DPPA sudah ada"),
    ],
)
def test_check_budget(level, dpa, dppa, stored_dpa, stored_dppa, expected_fields, says):
    problems = check_budget(
        level=level,
        pagu_dpa=dpa,
        pagu_dppa=dppa,
        stored_dpa=stored_dpa,
        stored_dppa=stored_dppa,
    )
    assert fields(problems) == expected_fields
    assert says in text(problems)


def test_dpa_frozen_message_shows_both_amounts():
    problems = check_budget(
        level="sub_kegiatan",
        pagu_dpa=D(1_500_000),
        pagu_dppa=D(2_000_000),
        stored_dpa=D(1_000_000),
        stored_dppa=D(2_000_000),
    )
    assert "Rp1.000.000 menjadi Rp1.500.000" in problems[0].message
    assert "Rp2.000.000" in problems[0].message


def twelve(*values, fill=None):
    return [D(v) if v is not None else None for v in values] + [fill] * (12 - len(values))


@pytest.mark.parametrize(
    ("amounts", "pagu", "expected_fields", "says"),
    [
        (twelve(*[100] * 12), D(1200), [], ""),
        (twelve(1200), D(1200), [], ""),  # empty months are 0
        ([None] * 12, D(1200), [], ""),  # no plan at all
        ([None] * 12, None, [], ""),
        (twelve(*[100] * 11), D(1200), ["kas"], "kurang Rp100"),
        (twelve(*[100] * 12), D(1000), ["kas"], "lebih Rp200"),
        (twelve(1300, -100), D(1200), ["kas-2"], "Februari -Rp100 negatif"),
        (twelve(500), None, ["kas"], "Pagu belum diisi"),
        (twelve("0.50", "999.50"), D(1000), [], ""),
    ],
)
def test_check_anggaran_kas(amounts, pagu, expected_fields, says):
    problems = check_anggaran_kas(amounts=amounts, pagu=pagu)
    assert fields(problems) == expected_fields
    assert says in text(problems)


def test_anggaran_kas_total_is_named_with_the_pagu():
    problems = check_anggaran_kas(amounts=twelve(1_000_000), pagu=D(1_193_209_000))
    assert "Rp1.000.000 tidak sama dengan pagu Rp1.193.209.000" in problems[0].message


def test_monthly_plan_needs_twelve_months():
    with pytest.raises(ValueError):
        check_anggaran_kas(amounts=[D(1)] * 11, pagu=D(11))
    with pytest.raises(ValueError):
        check_fisik_plan(values=[D(1)] * 13)


RISING = [8, 16, 25, 33, 41, 50, 58, 66, 75, 83, 91, 100]


@pytest.mark.parametrize(
    ("values", "expected_fields", "says"),
    [
        (twelve(*RISING), [], ""),
        ([None] * 12, [], ""),
        (twelve(*[0] * 11, 100), [], ""),
        (twelve(*RISING[:4], 30, *RISING[5:]), ["fisik-5"], "turun dari 33% (April) menjadi 30%"),
        (twelve(*RISING[:11], 90), ["fisik-12"], "turun dari 91%"),
        (twelve(*RISING[:11], 95), ["fisik-12"], "Desember 95%; seharusnya 100%"),
        (twelve(*RISING[:3], None, *RISING[4:]), ["fisik-4"], "April kosong"),
        (twelve(*RISING[:11], 120), ["fisik-12"], "di luar 0–100%"),
        (twelve(-1, *RISING[1:]), ["fisik-1"], "di luar 0–100%"),
    ],
)
def test_check_fisik_plan(values, expected_fields, says):
    problems = check_fisik_plan(values=values)
    assert set(fields(problems)) == set(expected_fields)
    assert says in text(problems)


def test_fisik_plan_ending_below_100_names_december():
    problems = check_fisik_plan(values=twelve(*[10] * 12))
    assert fields(problems) == ["fisik-12"]
    assert "Desember 10%" in problems[0].message


@pytest.mark.parametrize(
    ("old_kas", "new_kas", "old_fisik", "new_fisik", "locked", "expected_fields"),
    [
        (twelve(100), twelve(100), twelve(10), twelve(10), {1, 2}, []),
        (twelve(100), twelve(90, 10), twelve(10), twelve(10), {1}, ["kas-1"]),
        (twelve(100), twelve(100, 10), twelve(10), twelve(10), {1}, []),
        (twelve(100), twelve(100), twelve(10, 20), twelve(10, 25), {1, 2}, ["fisik-2"]),
        (twelve(100), twelve(100), twelve(10), twelve(10, 0), {3}, []),
        ([None] * 12, twelve(0), twelve(), twelve(), {1}, ["kas-1"]),
        (twelve(100), twelve(50), twelve(10), twelve(20), set(), []),
    ],
)
def test_check_locked_months(old_kas, new_kas, old_fisik, new_fisik, locked, expected_fields):
    problems = check_locked_months(
        old_kas=old_kas, new_kas=new_kas, old_fisik=old_fisik, new_fisik=new_fisik, locked=locked
    )
    assert fields(problems) == expected_fields
    for p in problems:
        assert "sudah dikunci" in p.message


@pytest.mark.parametrize(
    ("cumulative", "monthly"),
    [
        (twelve(10, 30, 30, 60), twelve(10, 20, 0, 30)),
        ([None] * 12, [None] * 12),
        (twelve(10, None, 40), twelve(10, None, 30)),
    ],
)
def test_per_month_and_cumulate(cumulative, monthly):
    assert per_month(cumulative) == monthly
    if None not in cumulative[:4]:
        assert cumulate(monthly)[:4] == cumulative[:4]


def test_cumulate_counts_empty_months_as_zero():
    assert cumulate(twelve(5, None, 7))[:3] == [D(5), D(5), D(12)]
    assert cumulate([None] * 12) == [None] * 12


@pytest.mark.parametrize(
    ("statement", "satuan", "vtype", "mode", "levels", "expected_fields"),
    [
        ("Jumlah dokumen", "Dokumen", "number", "levels", [], []),
        ("", "Dokumen", "number", "levels", [], ["statement"]),
        ("Jumlah dokumen", " ", "percent", "levels", [], ["satuan"]),
        ("Opini BPK", "", "qualitative", "levels", ["WDP", "WTP"], []),
        ("Opini BPK", "", "qualitative", "levels", ["WTP"], ["levels"]),
        ("Opini BPK", "", "qualitative", "levels", ["WTP", "wtp"], ["levels"]),
        ("Tersedia", "", "qualitative", "met", [], []),
    ],
)
def test_check_indicator(statement, satuan, vtype, mode, levels, expected_fields):
    problems = check_indicator(
        statement=statement,
        satuan=satuan,
        value_type=vtype,
        qualitative_mode=mode,
        levels=levels,
    )
    assert fields(problems) == expected_fields


@pytest.mark.parametrize(
    ("vtype", "mode", "levels", "value", "low", "high", "label", "expected_fields", "says"),
    [
        ("number", "levels", [], D(4), None, None, "", [], ""),
        ("number", "levels", [], None, None, None, "", ["target_value"], "tahun 2021 belum"),
        ("percent", "levels", [], D(0), None, None, "", [], ""),
        ("range", "levels", [], None, D(1), D(3), "", [], ""),
        ("range", "levels", [], None, None, D(3), "", ["target_low"], "batas bawah"),
        ("range", "levels", [], None, D(5), D(3), "", ["target_low"], "lebih besar"),
        ("qualitative", "met", [], None, None, None, "", ["target_label"], "isi label"),
        ("qualitative", "levels", ["WDP", "WTP"], None, None, None, "wtp", [], ""),
        ("qualitative", "levels", ["WDP", "WTP"], None, None, None, "BB", ["target_label"], "WDP"),
    ],
)
def test_check_target(vtype, mode, levels, value, low, high, label, expected_fields, says):
    problems = check_target(
        statement="Indikator A",
        year=2021,
        value_type=vtype,
        qualitative_mode=mode,
        levels=levels,
        value=value,
        low=low,
        high=high,
        label=label,
    )
    assert fields(problems) == expected_fields
    assert says in text(problems)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Permendagri 90/2019", "permendagri-90-2019"),
        ("permendagri-90-2019", "permendagri-90-2019"),
        ("  Kepmendagri 050-5889/2021 ", "kepmendagri-050-5889-2021"),
        ("Permendagri 13/2006 (kode lokal demo)", "local"),
        ("local", "local"),
        ("Lokal", "local"),
    ],
)
def test_version_key(text, key):
    assert version_key(text) == key


GOOD_CSV = """kode;nama
4;URUSAN PEMERINTAHAN FUNGSI PENUNJANG
4.01;SEKRETARIAT DAERAH
4.01.01;Program Penunjang
4.01.01.1.01;Perencanaan
4.01.01.1.01.01;Penyusunan Dokumen Perencanaan Perangkat Daerah
4.01.01.1.01.02;Koordinasi dan Penyusunan Dokumen RKA-SKPD

"""


def test_csv_derives_levels_and_parents_and_skips_urusan():
    entries, skipped, problems = read_csv(GOOD_CSV)
    assert problems == []
    assert skipped == 3  # urusan, bidang, blank line
    assert [(e.code, e.level, e.parent_code) for e in entries] == [
        ("4.01.01", "program", ""),
        ("4.01.01.1.01", "kegiatan", "4.01.01"),
        ("4.01.01.1.01.01", "sub_kegiatan", "4.01.01.1.01"),
        ("4.01.01.1.01.02", "sub_kegiatan", "4.01.01.1.01"),
    ]


def test_csv_with_explicit_levels_and_parents_for_local_codes():
    entries, _skipped, problems = read_csv(
        "Kode,Tingkat,Nama,Kode_Induk\n01,program,Tata Kelola,\n01.01,kegiatan,Tata Usaha,01\n"
        "01.01.01,sub kegiatan,Laporan,01.01\n"
    )
    assert problems == []
    assert [e.level for e in entries] == ["program", "kegiatan", "sub_kegiatan"]


@pytest.mark.parametrize(
    ("csv_text", "says"),
    [
        ("kd,nama\n", "kolom kode tidak ada; ditemukan: kd, nama"),
        ("kode,uraian_x\n", "kolom nama tidak ada"),
        ("", "Berkas kosong"),
        ("kode,nama\n4.01.01,A\n4.01 01.1.01,B\n", "Baris 3, kolom kode"),
        ("kode,nama\n4.01.01,A\n4.01.01.1,B\n", "Baris 3, kolom kode: 4.01.01.1 terdiri atas 4"),
        ("kode,nama\n4.01.01,A\n4.01.01.1.01,\n", "Baris 3, kolom nama: nama kosong"),
        ("kode,nama\n4.01.01,A\n4.01.01,B\n", "Baris 3, kolom kode: kode 4.01.01 sudah ada di"),
        ("kode,nama\n4.01.01.1.01,B\n", "Baris 2, kolom kode_induk: induk 4.01.01"),
        ("kode,tingkat,nama\n4.01.01,bidang,A\n", "Baris 2, kolom tingkat"),
        (
            "kode,tingkat,nama,kode_induk\n01,program,A,\n02,program,B,\n01.01,kegiatan,C,02\n",
            "Baris 4, kolom kode: kode 01.01 tidak berada di bawah kode induknya 02",
        ),
        (
            "kode,tingkat,nama,kode_induk\n01,program,A,\n01.01,sub_kegiatan,C,01\n",
            "induk sub kegiatan harus kegiatan",
        ),
        ("kode,tingkat,nama,kode_induk\n01,program,A,00\n", "tidak boleh memiliki induk"),
    ],
)
def test_csv_problems_name_row_and_column(csv_text, says):
    _entries, _skipped, problems = read_csv(csv_text)
    assert problems, "a problem was expected"
    assert says in text(problems)
