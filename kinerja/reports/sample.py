"""A small document that uses every block and formula, for developing and testing the
renderers without a database. Its figures are consistent: every formula reproduces the
value stored in its cell."""

from __future__ import annotations

from decimal import Decimal as D

from .document import (
    Cell,
    Chart,
    ChartSeries,
    Column,
    Cover,
    Difference,
    Document,
    Heading,
    ListOfTables,
    MeanOf,
    PageBreak,
    Paragraph,
    Ratio,
    Row,
    Section,
    Signature,
    SignaturePair,
    SumOf,
    Table,
    TableOfContents,
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _pct(num: D, den: D) -> D | None:
    return None if den == 0 else num / den * 100


def input_table() -> Table:
    """Program → kegiatan → tolok ukur with rencana, realisasi and % (ratio of sums)."""
    leaves = {
        "01.01": [
            ("Penyediaan Barang dan Jasa Perkantoran", D("655888600"), D("643797451")),
            ("Koordinasi Ke Dalam dan Ke Luar Daerah", D("466610000"), D("186670119")),
        ],
        "01.02": [
            ("Peningkatan Kapasitas Aparatur", D("44050000"), D("1300000")),
            ("Penyusunan Kebijakan Teknis Kerjasama Luar Negeri", D("0"), D("0")),
        ],
    }
    columns = (
        Column("no", "NO", width=4),
        Column("code", "KODE", width=10),
        Column("name", "PROGRAM / KEGIATAN / TOLOK UKUR", width=48),
        Column("plan", "RENCANA (Rp)", "money", 16, group="ANGGARAN"),
        Column("real", "REALISASI (Rp)", "money", 16, group="ANGGARAN"),
        Column("pct", "%", "percent", 8),
    )
    rows: list[Row] = []
    program_index = 0
    rows.append(Row(()))  # placeholder for the program row, filled below
    kegiatan_rows = []
    for k, (code, items) in enumerate(leaves.items(), start=1):
        k_index = len(rows)
        rows.append(Row(()))
        kegiatan_rows.append(k_index)
        child_rows = []
        for i, (name, plan, real) in enumerate(items, start=1):
            child_rows.append(len(rows))
            rows.append(
                Row(
                    (
                        Cell(str(i)),
                        Cell(f"{code}.{i:02d}"),
                        Cell(name),
                        Cell(plan, "money"),
                        Cell(real, "money"),
                        Cell(_pct(real, plan), "percent", Ratio("real", "plan")),
                    ),
                    level=2,
                )
            )
        plan = sum((rows[r].cells[3].value for r in child_rows), D(0))
        real = sum((rows[r].cells[4].value for r in child_rows), D(0))
        rows[k_index] = Row(
            (
                Cell(str(k)),
                Cell(code),
                Cell(f"Kegiatan {k}", bold=True),
                Cell(plan, "money", SumOf(tuple(child_rows)), bold=True),
                Cell(real, "money", SumOf(tuple(child_rows)), bold=True),
                Cell(_pct(real, plan), "percent", Ratio("real", "plan"), bold=True),
            ),
            level=1,
            style="group",
        )
    plan = sum((rows[r].cells[3].value for r in kegiatan_rows), D(0))
    real = sum((rows[r].cells[4].value for r in kegiatan_rows), D(0))
    rows[program_index] = Row(
        (
            Cell("1"),
            Cell("01"),
            Cell("Program Tata Kelola Pemerintahan", bold=True),
            Cell(plan, "money", SumOf(tuple(kegiatan_rows)), bold=True),
            Cell(real, "money", SumOf(tuple(kegiatan_rows)), bold=True),
            Cell(_pct(real, plan), "percent", Ratio("real", "plan"), bold=True),
        ),
        level=0,
        style="group",
    )
    rows.append(
        Row(
            (
                Cell(""),
                Cell(""),
                Cell("JUMLAH", bold=True),
                Cell(plan, "money", SumOf((program_index,)), bold=True),
                Cell(real, "money", SumOf((program_index,)), bold=True),
                Cell(_pct(real, plan), "percent", Ratio("real", "plan"), bold=True),
            ),
            style="total",
        )
    )
    return Table(
        "3.1",
        "Tabel 3.1 Rencana dan Realisasi Input",
        columns,
        tuple(rows),
        notes=("Persentase = realisasi ÷ rencana × 100, dihitung dari jumlah rupiah.",),
    )


def achievement_table() -> Table:
    """Output achievement with a capped value, an undefined one, means and efficiency."""
    columns = (
        Column("name", "KEGIATAN / TOLOK UKUR", width=40),
        Column("target", "TARGET", "number", 8, group="KELUARAN"),
        Column("real", "REALISASI", "number", 8, group="KELUARAN"),
        Column("satuan", "SATUAN", width=10, group="KELUARAN"),
        Column("ach", "CAPAIAN (%)", "number", 10),
        Column("abs", "PENYERAPAN (%)", "percent", 10),
        Column("eff", "EFISIENSI", "number", 10),
        Column("predicate", "PREDIKAT", width=14),
    )
    leaves = [
        ("Penyelenggaraan Kerjasama Daerah", D(5), D(7), D(100), "*", D("70.1")),
        ("Administrasi Rupabumi", D(4), D(2), D(50), "", D("64.84")),
        ("Penyusunan Kebijakan Teknis (target 0)", D(0), D(0), None, "", None),
    ]
    rows = [Row(())]
    for name, t, r, ach, note, absorption in leaves:
        eff = None if ach is None or absorption is None else ach - absorption
        rows.append(
            Row(
                (
                    Cell(name),
                    Cell(t, "number"),
                    Cell(r, "number"),
                    Cell("Dokumen"),
                    Cell(ach, "number", note=note),
                    Cell(absorption, "percent"),
                    Cell(eff, "number", Difference("ach", "abs")),
                    Cell("Sangat Tinggi" if ach == 100 else ("Sangat Rendah" if ach else "–")),
                ),
                level=1,
            )
        )
    mean = (D(100) + D(50)) / 2
    rows[0] = Row(
        (
            Cell("Kegiatan contoh", bold=True),
            Cell(None, "number"),
            Cell(None, "number"),
            Cell(""),
            Cell(mean, "number", MeanOf((1, 2, 3)), bold=True),
            Cell(None, "percent"),
            Cell(None, "number"),
            Cell("Tinggi"),
        ),
        style="group",
    )
    return Table(
        "8.1",
        "Tabel 8.1 Capaian Kinerja",
        columns,
        tuple(rows),
        landscape=True,
        notes=(
            "* capaian dibatasi 100 (mentah 140).",
            "Tolok ukur dengan target 0 tidak dihitung dalam rata-rata.",
        ),
    )


def long_table(n: int = 80) -> Table:
    columns = (
        Column("no", "NO", "integer", 5),
        Column("name", "URAIAN", width=50),
        Column("value", "NILAI (Rp)", "money", 18),
    )
    rows = tuple(
        Row(
            (
                Cell(D(i), "integer"),
                Cell(f"Baris ke-{i} dengan uraian yang cukup panjang"),
                Cell(D(i) * D("1000000"), "money"),
            )
        )
        for i in range(1, n + 1)
    )
    return Table("L1", "Lampiran 1 Daftar Panjang", columns, rows, sheet_name="Lampiran 1")


def sample_document() -> Document:
    plan = tuple(
        D(v)
        for v in (
            "4.21",
            "18.48",
            "33.37",
            "45.94",
            "55.53",
            "60.86",
            "69.44",
            "75.18",
            "85.14",
            "91.39",
            "95.50",
            "100",
        )
    )
    real = tuple(
        D(v)
        for v in (
            "0",
            "12.91",
            "17.55",
            "22.17",
            "30.67",
            "32.11",
            "33.56",
            "38.43",
            "40.48",
            "45.35",
            "54.99",
            "65.16",
        )
    )
    fisik = tuple(
        D(v)
        for v in (
            "4.45",
            "14.79",
            "23.33",
            "26.99",
            "27.86",
            "34.96",
            "39.91",
            "44.47",
            "67.08",
            "72.39",
            "82.19",
            "98.53",
        )
    )
    head = Signature(
        "Serang, 7 Januari 2021",
        ("KEPALA BIRO PEMERINTAHAN", "SEKRETARIAT DAERAH PROVINSI BANTEN"),
        "GUNAWAN RUSMINTO, AP, M.Si",
        "Pembina Utama Muda",
        "19741004 199402 1 002",
    )
    return Document(
        kind="sample",
        title="Laporan Contoh",
        unit_name="Biro Pemerintahan",
        government_name="Pemerintah Provinsi Banten",
        year=2020,
        filename_stem="laporan-contoh-2020",
        cover=Cover(
            ("LAPORAN EVALUASI KINERJA", "AKHIR TAHUN ANGGARAN 2020"),
            "BIRO PEMERINTAHAN",
            "SEKRETARIAT DAERAH PROVINSI BANTEN",
            2020,
            "SERANG, 2021",
        ),
        sections=(
            Section(
                (
                    Heading("KATA PENGANTAR", 1),
                    Paragraph("Puji dan syukur kami panjatkan ke hadirat Allah SWT."),
                    head,
                    PageBreak(),
                    TableOfContents(),
                    PageBreak(),
                    ListOfTables(),
                ),
                numbering="roman",
            ),
            Section(
                (
                    Heading("BAB I PENDAHULUAN", 1),
                    Heading("A. Latar Belakang", 2),
                    Paragraph(
                        "Program Tata Kelola Pemerintahan mencapai kinerja sebesar "
                        "Rp853.232.370 atau 71,51% dari target yang telah ditetapkan."
                    ),
                    Paragraph("Pertama, butir berpoin.", "bullet"),
                    Paragraph("Kedua, butir berpoin.", "bullet"),
                    Paragraph("Langkah bernomor satu.", "numbered"),
                    Paragraph("Langkah bernomor dua.", "numbered"),
                    Heading("BAB III RENCANA DAN REALISASI KINERJA", 1),
                    input_table(),
                    Chart(
                        "scurve",
                        "Kurva S Realisasi Fisik dan Keuangan",
                        "scurve",
                        MONTHS,
                        (
                            ChartSeries("Target fisik dan keuangan", plan, "plan"),
                            ChartSeries("Realisasi fisik", fisik),
                            ChartSeries("Realisasi keuangan", real),
                        ),
                    ),
                    Chart(
                        "bars",
                        "Capaian Keluaran per Kegiatan",
                        "bars",
                        ("Kerjasama Daerah", "Rupabumi", "Kecamatan", "Batas Daerah"),
                        (ChartSeries("Capaian", (D(100), D(50), D("87.5"), D(75)), "bar"),),
                        bar_labels=("Sangat Tinggi", "Sangat Rendah", "Tinggi", "Sedang"),
                    ),
                )
            ),
            Section((achievement_table(),), landscape=True),
            Section(
                (
                    long_table(),
                    Paragraph(
                        "Terbilang: (dua miliar delapan ratus dua juta dua ratus delapan "
                        "puluh satu ribu rupiah)",
                        "small",
                    ),
                    SignaturePair(
                        Signature(
                            "",
                            ("PIHAK KEDUA", "SEKRETARIS DAERAH PROVINSI BANTEN"),
                            "Ir. CONTOH NAMA, M.Si",
                            "Pembina Utama Madya",
                            "19650101 199003 1 001",
                            "PIHAK KEDUA",
                        ),
                        Signature(
                            "Serang, 2 Januari 2020",
                            ("PIHAK PERTAMA", "KEPALA BIRO PEMERINTAHAN"),
                            "GUNAWAN RUSMINTO, AP, M.Si",
                            "Pembina Utama Muda",
                            "19741004 199402 1 002",
                            "PIHAK PERTAMA",
                        ),
                    ),
                )
            ),
        ),
    )
