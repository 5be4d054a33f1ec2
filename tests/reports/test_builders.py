"""The report documents built from the demo agency: Kinerja's own figures, consistent with
each other, and none of the seed report's inconsistencies."""

from decimal import Decimal

import pytest

from kinerja.org.models import OrgUnit
from kinerja.reports.document import Heading, Paragraph, Table, display, formula_mismatches
from kinerja.reports.service import KINDS, build_document

pytestmark = pytest.mark.django_db

PLANS = [("biro-pemerintahan", 2020), ("biro-pemkesra", 2021)]
BUILT_HERE = ["evaluasi", "lkjip", "pk"]


def doc(kind, slug="biro-pemerintahan", year=2020, month=12):
    return build_document(kind, OrgUnit.objects.get(slug=slug), year, upto_month=month)


def table(document, key) -> Table:
    return next(t for t in document.tables() if t.key == key)


def texts(document) -> str:
    return "\n".join(b.text for b in document.blocks() if isinstance(b, Paragraph | Heading))


def row_of(t: Table, name: str, column: str = "name"):
    i = t.column_index(column)
    hits = [r for r in t.rows if str(r.cells[i].value).endswith(name)]
    assert hits, f"{name!r} not in {t.title}"
    return hits[0]


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("slug,year", PLANS)
def test_every_formula_reproduces_its_figure(kind, slug, year):
    document = doc(kind, slug, year)
    assert document.tables() or kind == "pk"
    for t in document.tables():
        assert formula_mismatches(t) == [], t.title
        for row in t.rows:
            assert len(row.cells) == len(t.columns), t.title


def test_evaluasi_has_the_seed_structure():
    document = doc("evaluasi")
    headings = [h.text for h in document.headings()]
    for bab in ["BAB I ", "BAB II ", "BAB III ", "BAB IV ", "BAB V ", "BAB VI ", "BAB VII ",
                "BAB VIII ", "BAB IX ", "BAB X ", "LAMPIRAN 1"]:
        assert any(h.startswith(bab) for h in headings), bab
    keys = {t.key for t in document.tables()}
    assert {"2.1", "3.1", "3.2", "3.2a", "3.3", "3.4", "8.1", "8.2", "8.3", "8.4", "8.5",
            "L1"} <= keys
    assert sum(1 for t in document.tables() if t.key.startswith("PK")) == 13
    assert document.cover.lines == ("LAPORAN EVALUASI KINERJA", "AKHIR TAHUN ANGGARAN 2020")


def test_evaluasi_input_table_has_correct_figures_not_the_seeds():
    t = table(doc("evaluasi"), "3.1")
    tata_usaha = row_of(t, "Tata Usaha Pemerintahan")
    assert [display(c) for c in tata_usaha.cells[2:]] == [
        "1.193.209.000", "853.232.370", "71,51"]
    penyediaan = row_of(t, "Penyediaan Barang dan Jasa Perkantoran")
    assert display(penyediaan.cells[-1]) == "98,16"
    # the seed printed this leaf with the whole kegiatan's realisation (82.536.000, "48,92")
    kecamatan = row_of(t, "Penyusunan Perumusan Kebijakan Teknis Kecamatan dan Kelurahan")
    assert kecamatan.cells[2].value == Decimal("36899000")
    assert kecamatan.cells[3].value == Decimal("4460000")
    assert display(kecamatan.cells[4]) == "12,09"
    # the seed printed the program's totals on the Kerjasama Daerah kegiatan row
    kerjasama = row_of(t, "Penyelenggaraan Kerjasama Daerah")
    assert kerjasama.cells[2].value == Decimal("362000000")
    total = t.rows[-1]
    assert total.style == "total"
    assert [display(c) for c in total.cells[2:]] == ["2.802.281.000", "1.826.018.750", "65,16"]


def test_evaluasi_achievements_and_sentences():
    document = doc("evaluasi")
    t = table(document, "8.1")
    assert display(row_of(t, "Perumusan Kebijakan Pemerintahan").cells[4]) == "82,81"
    assert display(t.rows[-1].cells[4]) == "91,41"
    capped = row_of(t, "1 Penyelenggaraan Kerjasama Daerah")
    assert display(capped.cells[4]) == "100*"
    body = texts(document)
    assert ("Program Tata Kelola Pemerintahan mencapai kinerja sebesar Rp853.232.370 atau "
            "71,51% dari target yang telah ditetapkan.") in body
    assert "82,81 = rata-rata 8 kegiatan: 100; 100; 50; 87,5; 75; 100; 50; 100" in body
    assert ("dua miliar delapan ratus dua juta dua ratus delapan puluh satu ribu rupiah"
            in body)
    assert "Triwulan II 2020: target fisik 60,86% dan target keuangan 60,86% dengan realisasi " \
           "fisik 34,96% dan realisasi keuangan 32,11%." in body


def test_evaluasi_monthly_table_and_charts():
    document = doc("evaluasi")
    monthly = table(document, "3.2a")
    assert [display(c) for c in monthly.rows[11].cells] == [
        "Desember", "100,00", "98,53", "-1,47", "100,00", "65,16", "-34,84"]
    charts = {c.key: c for c in document.charts()}
    assert charts["kurva-s"].series[3].values[11] == monthly.rows[11].cells[5].value
    bars = charts["capaian-kegiatan"]
    assert len(bars.categories) == 9
    assert bars.bar_labels[bars.categories.index("Penataan Daerah Otonom")] == "Sangat Rendah"


def test_previous_year_and_medium_term_comparisons():
    document = doc("evaluasi")
    t82 = table(document, "8.2")
    kld = row_of(t82, "Penyelenggaraan Kerjasama Daerah")
    assert [display(c) for c in kld.cells[1:]] == ["100", "75", "25", "naik"]
    rupabumi = row_of(t82, "Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan")
    assert [display(c) for c in rupabumi.cells[1:]] == ["50", "100", "-50", "turun"]
    assert "Capaian 2019 diambil dari capaian yang dicatat untuk Biro Pemerintahan." in t82.notes
    t83 = table(document, "8.3")
    keselarasan = row_of(t83, "Persentase Keselarasan Kebijakan di Bidang Pemerintahan (%)",
                         "indicator")
    assert display(keselarasan.cells[4]) == "75%"
    assert display(keselarasan.cells[5]) == "82,81%"
    assert display(keselarasan.cells[6]) == "110,41"


def test_efficiency_table():
    t = table(doc("evaluasi"), "8.4")
    total = t.rows[-1]
    assert display(total.cells[3]) == "65,16"
    assert display(total.cells[4]) == "91,41"
    # from the exact figures (91,40625 − 65,1619…), not from the rounded ones (26,25)
    assert display(total.cells[5]) == "26,24"


def test_lampiran_1_of_2021_matches_the_budget():
    t = table(doc("evaluasi", "biro-pemkesra", 2021), "L1")
    assert [display(c) for c in t.rows[0].cells[2:5]] == [
        "20.160.770.750", "17.332.301.064", "85,97"]
    row = row_of(t, "4.01.01.1.01.07", "code")
    assert row.cells[1].value == "Evaluasi Kinerja Perangkat Daerah"
    assert [display(c) for c in row.cells[5:8]] == ["1", "0", "Kegiatan"]
    assert sum(1 for r in t.rows if r.level == 2) == 33


def test_lkjip_follows_permenpan_53_2014():
    document = doc("lkjip")
    headings = [h.text for h in document.headings()]
    for expected in ["IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                     "BAB III AKUNTABILITAS KINERJA", "A. Capaian Kinerja Organisasi",
                     "B. Realisasi Anggaran", "BAB IV PENUTUP",
                     "LAMPIRAN: PERJANJIAN KINERJA"]:
        assert expected in headings
    body = texts(document)
    for point in ["1. Target dan realisasi", "2. Dibandingkan tahun-tahun sebelumnya",
                  "3. Dibandingkan target jangka menengah", "4. Dibandingkan standar nasional",
                  "5. Penyebab keberhasilan/kegagalan", "6. Efisiensi sumber daya",
                  "7. Program dan kegiatan pendukung"]:
        assert body.count(point) == 2, point  # two sasaran, one indicator each
    sasaran = table(document, "3.1")
    assert display(row_of(sasaran, "Nilai IKM", "indicator").cells[5]) == "100"


def test_pk_statement_and_annex_per_official():
    document = doc("pk")
    body = texts(document)
    headings = [h.text for h in document.headings()]
    assert headings.count("PERJANJIAN KINERJA TAHUN 2020") == 13
    assert headings.count("LAMPIRAN PERJANJIAN KINERJA TAHUN 2020") == 13
    assert "Pihak pertama berjanji akan mewujudkan target kinerja" in body
    assert "Nama: GUNAWAN RUSMINTO, AP, M.Si" in body
    targets = table(document, "PK5")
    assert targets.title.endswith("(Kepala Sub Bagian Tata Usaha Biro)")
    assert [display(c) for c in targets.rows[0].cells[3:]] == ["Kegiatan", "1"]
    assert targets.rows[0].cells[1].value == "Tata Usaha Pemerintahan"
    assert len(targets.rows) == 5
    empty = doc("pk", "biro-pemkesra", 2021)
    assert "Belum ada perjanjian kinerja" in texts(empty)
