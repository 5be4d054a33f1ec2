"""Dates, weekdays, year labels and the report's year (table-driven, no files)."""

import pytest

from kinerja.reviu.model import TextBlock
from kinerja.reviu.narrative import Place, dates, report_year, year_labels


def text_places(*texts, scope="text"):
    return [Place(t, scope, "", f"baris {i}") for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize("text, printed, actual", [
    ("pada Hari Rabu, 19 Februari 2021 di Ruang Rapat", "Rabu, 19 Februari 2021", "Jumat"),
    ("Kamis, 13 Februari 2021, Senin, 17 Februari 2021", "Kamis, 13 Februari 2021", "Sabtu"),
    ("dan Senin 2 Maret 2021 di Ruang", "Senin 2 Maret 2021", "Selasa"),
    ("pada HariSelasa, 17 Maret 2021 di Ruang", "Selasa, 17 Maret 2021", "Rabu"),
    ("hari Rabu tanggal 5 Februari 2021", "Rabu tanggal 5 Februari 2021", "Jumat"),
    ("Jum'at, 22 Desember 2021", "Jum'at, 22 Desember 2021", "Rabu"),
    ("Ahad, 9 Nopember 2021", "Ahad, 9 Nopember 2021", "Selasa"),
])
def test_weekdays(text, printed, actual):
    found = [f for f in dates(text_places(text), 2021) if f.kind == "weekday_mismatch"]
    assert [(f.printed, f.recomputed) for f in found][:1] == [(printed, actual)]


@pytest.mark.parametrize("text", [
    "Rabu, 19 Februari 2020", "Jumat, 19 Februari 2021", "pada 19 Februari 2021",
    "Serang, 7 Januari 2022", "Sabtu, 1 Pebruari 2020", "Minggu, 8 Nopember 2020",
])
def test_weekdays_that_match(text):
    assert [f for f in dates(text_places(text), 2021) if f.kind == "weekday_mismatch"] == []


def test_a_date_that_does_not_exist():
    [finding] = dates(text_places("dilaksanakan pada Senin, 30 Februari 2021"), 2021)
    assert finding.kind == "weekday_mismatch" and "tidak ada di kalender" in finding.message


def test_dates_before_the_report_year_are_warnings_only_in_text():
    found = dates(text_places("rapat pada 6 Oktober 2020", "Serang, 7 Januari 2022"), 2021)
    assert [(f.kind, f.severity, f.printed) for f in found] == [
        ("date_other_year", "warning", "6 Oktober 2020")]
    assert dates(text_places("6 Oktober 2020", scope="caption"), 2021) == []


@pytest.mark.parametrize("scope, text, years", [
    ("caption", "Tabel 8.1 Capaian Kinerja Biro Pemerintahan T.A 2020", [2020]),
    ("caption", "Tabel 8.2 Capaian Dibandingkan Tahun Sebelumnya T.A. 2020", [2020]),
    ("caption", "Tabel 8.2 Capaian Kinerja Dibandingkan Tahun 2020", []),
    ("caption", "Tabel 2.1 Perjanjian Kinerja Tahun 2021", []),
    ("heading", "REALISASI RENCANA KERJA PEMERINTAH (RKP) TAHUN 2020", [2020]),
    ("header", "DPA PERUBAHAN TAHUN 2020 TARGET", [2020]),
    ("header", "REALISASI RENSTRA PD S.D. 2020", []),
    ("text", "Akhir Tahun Anggaran 2020 ini disusun", [2020]),
    ("text", "pada tahun 2020 hanya melaksanakan", []),  # not a fiscal-year label
    ("text", "Peraturan Daerah Nomor 5 Tahun 2020 tentang", []),
    ("text", "Lembaran Negara Tahun 2020 Nomor 244", []),
    ("text", "Renstra Tahun 2017 - 2022", []),
    ("text", "pada awal tahun anggaran 2022 ini", []),
    ("caption", "Serang, 7 Januari 2022", []),  # a date: the date checks look at it
])
def test_year_labels(scope, text, years):
    found = year_labels([Place(text, scope, "Tabel X", "baris 1")], 2021)
    assert [int(f.printed) for f in found] == years
    expected = "warning" if scope == "text" else "error"
    assert all(f.severity == expected for f in found)


def test_an_earlier_year_beside_the_report_year_is_a_comparison():
    headers = [Place(t, "header", "Tabel 3.1", "baris 1")
               for t in ("TARGET 2021", "REALISASI 2021", "REALISASI 2020")]
    assert year_labels(headers, 2021) == []
    headers = [Place(t, "header", "Tabel 8.2", "baris 1")
               for t in ("REALISASI 2020", "REALISASI 2019")]
    assert sorted(int(f.printed) for f in year_labels(headers, 2021)) == [2019, 2020]


@pytest.mark.parametrize("lines, year", [
    (["~~ BAHAN ~~", "LAPORAN KINERJA INSTANSI PEMERINTAH AKHIR TAHUN ANGGARAN 2021"], 2021),
    (["LAPORAN KINERJA", "TAHUN 2020", "SERANG, 2021"], 2020),
    (["EVALUASI TERHADAP HASIL RENJA", "PERIODE PELAKSANAAN: TAHUN 2020"], 2020),
    (["Capaian Kinerja T.A. 2019"], 2019),
    (["KATA PENGANTAR", "pada awal tahun anggaran 2022 ini", "Laporan Tahun 2021"], 2021),
    (["Peraturan Daerah Nomor 5 Tahun 2021"], None),
    (["Tanpa tahun"], None),
])
def test_report_year(lines, year):
    assert report_year([TextBlock(line) for line in lines]).year == year
