"""Demo data for Kinerja, transcribed from a real report of Pemerintah Provinsi Banten.

Source: "Laporan Kinerja Instansi Pemerintah (LKIP) Akhir Tahun Anggaran 2021, Biro Pemerintahan
dan Kesra Sekretariat Daerah Provinsi Banten" (a draft, "BAHAN"). Its body is the 2020 evaluation
of Biro Pemerintahan; its Lampiran 1 is the 2021 budget of the merged Biro Pemerintahan dan
Kesejahteraan Rakyat. The report contradicts itself in many places: every value chosen here, and
every printed value that differs from it, is listed in docs/demo-data.md.

Pure data, no imports. Amounts, percentages and indicator values are strings (the loader turns
them into Decimal). Rupiah are whole numbers without separators; percentages use a dot.
Parents carry no pagu (the system sums the leaves) but keep what the report printed under
"printed". The 2020 codes are local demo codes (program.kegiatan.tolok ukur, order of Tabel
2.1); the 2021 codes are Permendagri 90/2019 codes from Lampiran 1.
"""

GOVERNMENT = {
    "name": "Pemerintah Provinsi Banten",
    "kind": "provinsi",
    "code": "36",
    "capital": "Serang",
}

YEARS = [2019, 2020, 2021]

# The organisation tree, parents before children. Bagian and sub bagian of Biro
# Pemerintahan from the Perjanjian Kinerja of BAB VIII 8.1; the report gives no
# structure for Biro Pemerintahan dan Kesejahteraan Rakyat.
UNITS = [
    {
        "slug": "setda",
        "name": "Sekretariat Daerah Provinsi Banten",
        "kind": "perangkat_daerah",
        "eselon": "I",
        "parent": None,
        "code": "4.01.0.00.0.00.01.0000",
        "from_year": 2019,
        "to_year": None,
        "predecessor": None,
    },
    {
        "slug": "biro-pemerintahan",
        "name": "Biro Pemerintahan",
        "kind": "biro",
        "eselon": "II",
        "parent": "setda",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "biro-pemkesra",
        "name": "Biro Pemerintahan dan Kesejahteraan Rakyat",
        "kind": "biro",
        "eselon": "II",
        "parent": "setda",
        "code": None,
        "from_year": 2021,
        "to_year": None,
        "predecessor": "biro-pemerintahan",
    },
    {
        "slug": "bagian-kerjasama",
        "name": "Bagian Kerjasama",
        "kind": "bagian",
        "eselon": "III",
        "parent": "biro-pemerintahan",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "bagian-apod",
        "name": "Bagian Administrasi Pemerintahan dan Otonomi Daerah",
        "kind": "bagian",
        "eselon": "III",
        "parent": "biro-pemerintahan",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "bagian-kewilayahan",
        "name": "Bagian Administrasi Kewilayahan",
        "kind": "bagian",
        "eselon": "III",
        "parent": "biro-pemerintahan",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-tu",
        "name": "Sub Bagian Tata Usaha Biro",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-kerjasama",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-kerjasama-daerah",
        "name": "Sub Bagian Kerjasama Daerah",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-kerjasama",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-kln",
        "name": "Sub Bagian Kerjasama Luar Negeri",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-kerjasama",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-pdo",
        "name": "Sub Bagian Penataan Daerah Otonom",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-apod",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-ekppd",
        "name": "Sub Bagian Evaluasi Kinerja Penyelenggaraan Pemerintah Daerah",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-apod",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-adpem",
        "name": "Sub Bagian Administrasi Pemerintahan",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-apod",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-batas",
        "name": "Sub Bagian Batas Daerah",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-kewilayahan",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-rupabumi",
        "name": "Sub Bagian Administrasi Rupabumi",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-kewilayahan",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
    {
        "slug": "subbag-bina-kecamatan",
        "name": "Sub Bagian Administrasi Bina Kecamatan",
        "kind": "sub_bagian",
        "eselon": "IV",
        "parent": "bagian-kewilayahan",
        "code": None,
        "from_year": 2019,
        "to_year": 2020,
        "predecessor": None,
    },
]

# Heads per unit and year, only what the report states.
HEADS = [
    {
        "unit": "biro-pemerintahan",
        "year": 2020,
        "name": "GUNAWAN RUSMINTO, AP, M.Si",
        "nip": "197410041994021002",
        "pangkat": "Pembina Utama Muda",
        "golongan": "IV/c",
        "jabatan": "Kepala Biro Pemerintahan Sekretariat Daerah Provinsi Banten",
    },
    {
        "unit": "biro-pemkesra",
        "year": 2021,
        "name": "GUNAWAN RUSMINTO, AP, M.Si",
        "nip": "197410041994021002",
        "pangkat": "Pembina Utama Muda",
        "golongan": "IV/c",
        "jabatan": (
            "Kepala Biro Pemerintahan dan Kesejahteraan Rakyat Sekretariat Daerah Provinsi Banten"
        ),
    },
]

# Plan trees. 2020: program -> kegiatan -> tolok ukur (Tabel 2.1, 3.1, 3.2, 8.1).
# 2021: program -> kegiatan -> sub kegiatan (Lampiran 1).
PLANS = [
    {
        "unit": "biro-pemerintahan",
        "year": 2020,
        "nomenclature": "Permendagri 13/2006 (kode lokal demo)",
        "structure": "program-kegiatan-tolok_ukur",
        "printed": {"pagu": "2802281000", "realisasi": None, "percent": "65.16"},
        "nodes": [
            {
                "code": "01",
                "name": "Tata Kelola Pemerintahan",
                "level": "program",
                "responsible_unit": "biro-pemerintahan",
                "printed": {"pagu": "1193209000", "realisasi": "853232370", "percent": "71.51"},
                "indicators": [
                    {
                        "statement": "Nilai IKM",
                        "satuan": "Skala",
                        "polarity": "higher",
                        "value_type": "number",
                        "cumulative": False,
                        "target": "3.3",
                        "realisation": "3.3",
                        "narrative": (
                            "Capaian Nilai IKM skala 3,3 (Tabel 8.1 dan 8.3); capaian kinerja "
                            "kegiatan: Kegiatan Tata Usaha Biro Pemerintahan."
                        ),
                        "obstacles": (
                            "Belum adanya rincian dan indikator terkait pengukuran nilai IKM (BAB "
                            "IX)."
                        ),
                        "levels": [],
                    },
                ],
                "children": [
                    {
                        "code": "01.01",
                        "name": "Tata Usaha Pemerintahan",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-tu",
                        "printed": {
                            "pagu": "1193209000",
                            "realisasi": "853232370",
                            "percent": "71.51",
                        },
                        "indicators": [
                            {
                                "statement": "Jumlah Kegiatan Ketatausahaan Biro Pemerintahan",
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Ketersediaan Laporan Kinerja Pemerintah Provinsi "
                                    "Banten sebesar 100% tahun 2020 melalui pelaksanaan : 1. "
                                    "Penyediaan Barang dan Jasa Perkantoran; 2. Koordinasi dan "
                                    "Konsultasi Kedalam dan Luar Daerah; 3. Penyusunan Laporan "
                                    "Kinerja Keuangan dan Neraca Aset; 4. Perencanaan Evaluasi dan "
                                    "Pelaporan pada Biro Pemerintahan; 5. Peningkatan Kapasitas "
                                    "Aparatur."
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "01.01.01",
                                "name": "Penyusunan Laporan Kinerja dan Neraca Aset",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "12112000",
                                "realisasi": "8464800",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya laporan kinerja keuangan dan asset"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya laporan realisasi fisik dan keuangan "
                                            "bulanan, triwulan, semester dan akhir tahun anggaran "
                                            "2020 pada Biro Pemerintahan sebanyak 1 dokumen "
                                            "meliputi : 1) Laporan bulanan bulan Januari : target "
                                            "fisik 4.21% dan target keuangan 3.02% dengan "
                                            "realisasi fisik 4.45% dan realisasi keuangan 0.00%; "
                                            "bulan Februari : target fisik 18.48% dan target "
                                            "keuangan 18.48% dengan realisasi fisik 14.79% dan "
                                            "realisasi keuangan 12.91%; bulan Maret : target fisik "
                                            "33.37% dan target keuangan 33.37% dengan realisasi "
                                            "fisik 23.33% dan realisasi keuangan 17.55%; Bulan "
                                            "April : target fisik 45.94% dan target keuangan "
                                            "45.94% dengan realisasi fisik 26.99% dan realisasi "
                                            "keuangan 22.17%; bulan Mei : target fisik 55.53% dan "
                                            "target keuangan 55.53% dengan realisasi fisik 27.86% "
                                            "dan realisasi keuangan 30.67%; bulan Juni : target "
                                            "fisik 60.86% dan target keuangan 60.86% dengan "
                                            "realisasi fisik 34.96% dan realisasi keuangan 32.11%; "
                                            "bulan Juli : target fisik 69.44% dan target keuangan "
                                            "69.44% dengan realisasi fisik 39.91% dan realisasi "
                                            "keuangan 33.56%; bulan Agustus : target fisik 75.18% "
                                            "dan target keuangan 75.18% dengan realisasi fisik "
                                            "44.47% dan realisasi keuangan 38.43%; bulan September "
                                            ": target fisik 85.14% dan target keuangan 85.18% "
                                            "dengan realisasi fisik 67.08% dan realisasi keuangan "
                                            "40.48%; bulan Oktober : target fisik 91.39% dan "
                                            "target keuangan 91.39% dengan realisasi fisik 72.39% "
                                            "dan realisasi keuangan 45.35%; November : target "
                                            "fisik 95.50% target keuangan 95.50% dengan realisasi "
                                            "fisik 82.19% dan realisasi keuangan 54.99%; dan bulan "
                                            "Desember : target fisik 100% dan target keuangan 100% "
                                            "dengan realisasi fisik 98.53% dan realisasi keuangan "
                                            "65.16%; 2) Laporan triwulanan Triwulan I : target "
                                            "fisik 33.37% dan target keuangan 33.37% dengan "
                                            "realisasi fisik 23.33% dan realisasi keuangan 17.55%; "
                                            "Triwulan II : target fisik 60.86% dan target keuangan "
                                            "60.86% dengan realisasi fisik 34.96% dan realisasi "
                                            "keuangan 32.11%; Triwulan III : target fisik 85.14% "
                                            "dan target keuangan 85.14 % dengan realisasi fisik "
                                            "67.08% dan realisasi keuangan 40.48%; dan Triwulan IV "
                                            ": target fisik 100% dan target keuangan 100% dengan "
                                            "realisasi fisik 98.53% dan realisasi keuangan 65.16%. "
                                            "3) Laporan semesteran Semester I : target fisik "
                                            "60.86% dan target keuangan 60.86% dengan realisasi "
                                            "fisik 34.96% dan realisasi keuangan 32.11%; dan "
                                            "Semester II: target fisik 100% dan target keuangan "
                                            "100% dengan realisasi fisik 98.53% dan realisasi "
                                            "keuangan 65.16%. 4) Laporan akhir tahun Target fisik "
                                            "100% dan target keuangan 100% dengan realisasi fisik "
                                            "98.53% dan realisasi keuangan 65.16%.."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "01.01.02",
                                "name": "Perencanaan, Evaluasi dan Pelaporan",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "14548400",
                                "realisasi": "13000000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya perencanaan, evaluasi dan pelaporan"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya laporan Perencanaan Evaluasi dan "
                                            "Pelaporan pada Biro Pemerintahan sebanyak 1 dokumen "
                                            "antara lain : 1. Penyusunan Laporan Kinerja tahun "
                                            "2020 yang di laksanakan mulai bulan Oktober s/d "
                                            "Desember sebanyak 4 dokumen, yang bersisi antara lain "
                                            ": a. Penyusunan Bahan LAKIP 2020 sebanyak 1 dokumen; "
                                            "b. Penyusunan Bahan LKPj 2020 sebanyak 1 dokumen; c. "
                                            "Penyusunan Bahan LPPD 2020 sebanyak 1 dokumen; d. "
                                            "Penyusunan Laporan Hasil Kegiatan / Proceeding "
                                            "sebanyak 1 dokumen yang dilaksanakan pada bulan "
                                            "Desember 2020. 2. Penyusunan Perencanaan Program dan "
                                            "Kegiatan sebanyak 7 dokumen, yang berisi antara lain "
                                            ": a. Penyusunan Renja APBD Tahun 2021 sebanyak 1 "
                                            "dokumen yang di laksanakan pada bulan Desember 2020; "
                                            "b. Penyusunan Renja APBD-P Tahun 2020 sebanyak 1 "
                                            "dokumen yang dilaksanakan pada bulan Oktober 2020; c. "
                                            "Penyusunan DRPK tahun 2021 sebanyak 1 dokumen yang di "
                                            "laksanakan pada bulan Desember 2020; d. Penyusunan "
                                            "RKA 2021 sebanyak 1 dokumen yang dilaksanakan pada "
                                            "bulan November 2020; e. Penyusunan DPA 2020 sebanyak "
                                            "1 dokumen yang dilaksanakan pada bulan Januari 2020; "
                                            "f. Penyusunan DPPA tahun 2020 sebanyak 1 dokumen yang "
                                            "dilaksanakan pada bulan September 2020; dan, g. "
                                            "Penyusunan Laporan Hasil Kegiatan / Proceeding "
                                            "sebanyak 1 dokumen yang dilaksanakan pada bulan "
                                            "Desember 2020. 3. Penyusunan Pengendalian dan "
                                            "Evaluasi Renja tahun 2020 sebanyak 2 dokumen, yang "
                                            "berisi antara lain : a. Penyusunan Evaluasi Renja "
                                            "Tahun 2020 sebanyak 1 dokumen yang dilaksanakan pada "
                                            "bulan Desember 2020; dan, b. Penyusunan Laporan Hasil "
                                            "Kegiatan / Proceeding sebanyak 1 dokumen yang "
                                            "dilaksanakan pada bulan Desember 2020."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "01.01.03",
                                "name": "Penyediaan Barang dan Jasa Perkantoran",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "655888600",
                                "realisasi": "643797451",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya pengadaan barang dan jasa perkantoran"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersedianya kebutuhan Barang dan Jasa Perkantoran "
                                            "pada Biro Pemerintahan selama 12 Bulan yang di "
                                            "laksanakan pada Bulan Januari s/d Desember 2020. "
                                            "Dengan pelaksanaan antara lain: 1. Penyediaan Alat "
                                            "Tulis Kantor pada Biro Pemerintahan melalui sistem "
                                            "pengadaan langsung yang dilaksanakan pada bulan Maret "
                                            "2020 untuk memenuhi kebutuhan alat tulis kantor "
                                            "selama 12 bulan pada Biro Pemerintahan; 2. Penyediaan "
                                            "Surat Kabar/Majalah pada Biro Pemerintahan yang "
                                            "dilaksanakan setiap bulan yang dimulai pada bulan "
                                            "Februari 2020 selama 12 bulan; 3. Penyediaan TV Cable "
                                            "pada Biro Pemerintahan yang dilaksanakan setiap bulan "
                                            "yang dimulai pada bulan Februari 2020 selama 12 "
                                            "bulan; 4. Penyediaan pengadaan untuk kebutuhan Biro "
                                            "Pemerintahan selama 12 bulan, terhitung mulai dari "
                                            "bulan Januari s/d Desember 2020; 5. Penyediaan "
                                            "kebutuhan makan dan minum rapat yang terutama "
                                            "dilaksanakan oleh internal Biro Pemerintahan yang di "
                                            "laksanakan mulai bulan Januari s/d Desember 2020; 6. "
                                            "Penyediaan kebutuhan makan dan minum kegiatan yang "
                                            "terutama dilaksanakan oleh internal Biro Pemerintahan "
                                            "dengan mengundang instansi/perorangan di luar Biro "
                                            "Pemerintahan yang di laksanakan mulai bulan Januari "
                                            "s/d Desember 2020; 7. Pemenuhan Jasa Tenaga Kerja "
                                            "Lapangan selama 12 bulan yang di mulai pada bulan "
                                            "Januari s/d Desember 2020;"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "01.01.04",
                                "name": "Koordinasi Ke Dalam dan Ke Luar Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "466610000",
                                "realisasi": "186670119",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya koordinasi ke dalam dan ke luar daerah"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terpenuhinya kebutuhan Koordinasi dan Konsultasi baik "
                                            "kedalam dan keluar daerah pada Biro Pemerintahan "
                                            "selama 12 Bulan yang dilaksanakan mulai bulan Januari "
                                            "s/d Desember 2020."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "01.01.05",
                                "name": "Peningkatan Kapasitas Aparatur",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "44050000",
                                "realisasi": "1300000",
                                "indicators": [
                                    {
                                        "statement": "Terlaksananya peningkatan kapasitas aparatur",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Peningkatan Kapasitas Aparatur "
                                            "Pemerintahan sebanyak 1 dokumen dengan memfasilitasi "
                                            "aparatur Pemerintah untuk mengikuti Pendidikan dan "
                                            "Pelatihan yang di selenggarakan oleh OPD - OPD "
                                            "penyelenggara yang mengundang Biro Pemerintahan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "code": "02",
                "name": "Perumusan Kebijakan Pemerintahan",
                "level": "program",
                "responsible_unit": "biro-pemerintahan",
                "printed": {"pagu": "1609072000", "realisasi": "972645880", "percent": "60.45"},
                "indicators": [
                    {
                        "statement": "Persentase Keselarasan Kebijakan di Bidang Pemerintahan",
                        "satuan": "%",
                        "polarity": "higher",
                        "value_type": "percent",
                        "cumulative": False,
                        "target": "100",
                        "realisation": "82.81",
                        "narrative": (
                            "Capaian % Jumlah Dokumen Kebijakan Pemerintahan melalui capaian "
                            "kinerja kegiatan: 1. Penyelenggaraan Kerjasama Daerah; 2. "
                            "Penyelenggaraan Kerjasama Luar Negeri; 3. Evaluasi Kinerja Pemerintah "
                            "Daerah; 4. Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan; 5. "
                            "Administrasi Rupabumi dan Kode Data Wilayah Administrasi "
                            "Pemerintahan; 6. Penataan Daerah Otonom; 7. Penataan Wilayah "
                            "Administrasi dan Batas Daerah; 8. Administrasi Kepala Daerah dan "
                            "DPRD. Realisasi 82,81% = rata-rata capaian keluaran kedelapan "
                            "kegiatan (Tabel 8.1)."
                        ),
                        "obstacles": (
                            "Belum keluarnya Peraturan Menteri Dalam Negeri terkait Kerjasama "
                            "Daerah (BAB IX); efisiensi anggaran untuk penanganan Covid-19."
                        ),
                        "levels": [],
                    },
                ],
                "children": [
                    {
                        "code": "02.01",
                        "name": "Penyelenggaraan Kerjasama Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-kerjasama-daerah",
                        "printed": {
                            "pagu": "362000000",
                            "realisasi": "243250500",
                            "percent": "67.20",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah dokumen bahan kebijakan teknis penyelenggaraan "
                                    "kerjasama daerah"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Jumlah Dokumen Bahan Teknis Penyelenggaraan "
                                    "Kerjasama Daerah sebesar 75% tahun 2020 melalui pelaksanaan : "
                                    "1. Penyelenggaraan Kerjasama Daerah; 2. Penyusunan Perumusan "
                                    "Kebijakan Teknis Kerjasama Daerah;"
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.01.01",
                                "name": "Penyelenggaraan Kerjasama Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "347007000",
                                "realisasi": "243250500",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya penyelenggaraan kerjasama daerah"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "5",
                                        "realisation": "7",
                                        "narrative": (
                                            "Terlaksananya Penyelenggaraan Kerjasama Daerah "
                                            "Sebanyak 9 dokumen melalui pelaksanaan : a. Rapat Tim "
                                            "Koordinasi Kerjasama Daerah yang dilaksanakan pada "
                                            "Hari Rabu, 19 Februari 2020 di Ruang Rapat Biro "
                                            "Pemerintahan Gd. SKPD Terpadu Lantai II dengan "
                                            "peserta berjumlah 30 Orang Perwakilan OPD Provinsi "
                                            "Banten dan Universitas Islam Negeri Sultan Maulana "
                                            "Hasanuddin Banten, dan narasumber pada kegiatan "
                                            "tersebut Plt. Asisten Pemerintahan dan Kesra Setda "
                                            "Provinsi Banten, Kepala Biro Pemerintahan Setda "
                                            "Provinsi Banten, Kepala Bagian Kerjasama Biro "
                                            "Pemerintahan Setda Provinsi Banten Output dari rapat "
                                            "tim Koordinasi Kerjasama Daerah tersebut adalah "
                                            "Tersusunnya Draft Nota Kesepahaman antara Pemerintah "
                                            "Provinsi Banten dengan Universitas Islam Negeri "
                                            "Sultan Maulana Hasanuddin Banten tentang Tri Dharma "
                                            "Perguruan Tinggi, Peningkatan Sumber Daya Manusia dan "
                                            "Pengembangan Potensi Daerah Provinsi Banten; b. Rapat "
                                            "Tim Koordinasi Kerjasama Daerah yang dilaksanakan "
                                            "pada Hari Kamis, 13 Februari 2020, Senin, 17 Februari "
                                            "2020 dan Senin 2 Maret 2020 di Ruang Rapat Biro "
                                            "Pemerintahan Gd. SKPD Terpadu Lantai II dengan "
                                            "peserta berjumlah 30 Orang Perwakilan OPD Provinsi "
                                            "Banten dan Universitas Indonesia, dengan narasumber "
                                            "pada kegiatan tersebut adalah Plt. Asisten "
                                            "Pemerintahan dan Kesra Setda Provinsi Banten, Kepala "
                                            "Biro Pemerintahan Setda Provinsi Banten, Kepala "
                                            "Bagian Kerjasama Biro Pemerintahan Setda Provinsi "
                                            "Banten. Output dari rapat tim Koordinasi Kerjasama "
                                            "Daerah adalah Tersusunnya Draft Nota Kesepakatan "
                                            "Bersama antara Pemerintah Provinsi Banten dengan "
                                            "Universitas Indonesia tentang Pendidikan, Penelitian, "
                                            "Pengabdian Kepada Masyarakat, dan Pembangunan di "
                                            "Provinsi Banten; c. Rapat Tim Koordinasi Kerjasama "
                                            "Daerah yang dilaksanakan pada Hari Senin, 8 Juni 2020 "
                                            "dan Rabu 10 Juni 2020 di Ruang Rapat Biro "
                                            "Pemerintahan Gd. SKPD Terpadu Lantai II dengan "
                                            "peserta berjumlah 10 Orang dari Biro Pemerintahan, "
                                            "Biro Hukum Setda Provinsi Banten dan perwakilan "
                                            "Universitas Sultan Ageng Tirtayasa, dengan narasumber "
                                            "pada kegiatan tersebut adalah Plt. Asisten "
                                            "Pemerintahan dan Kesra Setda Provinsi Banten, Kepala "
                                            "Biro Pemerintahan Setda Provinsi Banten, Kepala "
                                            "Bagian Kerjasama Biro Pemerintahan Setda Provinsi "
                                            "Banten. Output dari rapat tim Koordinasi Kerjasama "
                                            "Daerah adalah Tersusunnya Draft Nota Kesepahaman "
                                            "antara Pemerintah Provinsi Banten dengan Universitas "
                                            "Sultan Ageng Tirtayasa tentang Pemberdayaan dan "
                                            "Peningkatan Sumber Daya Manusia Serta Pengembangan "
                                            "Potensi Daerah; d. Rapat Tim Koordinasi Kerjasama "
                                            "Daerah yang dilaksanakan pada Hari Kamis, 26 November "
                                            "2020 dan Jumat 27 November 2020 di Ruang Rapat Biro "
                                            "Pemerintahan Gd. SKPD Terpadu Lantai II dengan "
                                            "peserta berjumlah 7 Orang dari Biro Pemerintahan, "
                                            "Biro Hukum dan Inspektorat, dengan narasumber pada "
                                            "kegiatan tersebut adalah Plt. Asisten Pemerintahan "
                                            "dan Kesra Setda Provinsi Banten, Kepala Biro "
                                            "Pemerintahan Setda Provinsi Banten, Kepala Bagian "
                                            "Kerjasama Biro Pemerintahan Setda Provinsi Banten. "
                                            "Output dari rapat tim Koordinasi Kerjasama Daerah "
                                            "adalah Tersusunnya Draft Nota Kesepakatan antara "
                                            "Pemerintah Provinsi Banten dengan Perwakilan Badan "
                                            "Pengawasan Keuangan dan Pembangunan Provinsi Banten "
                                            "tentang Pelaksanaan Pengawasan Penyelenggaraan "
                                            "Pemerintahan Daerah; e. Rapat Tim Koordinasi "
                                            "Kerjasama Daerah yang dilaksanakan pada Hari Rabu, 11 "
                                            "November 2020 dan Jumat 13 November 2020 di Ruang "
                                            "Rapat Biro Pemerintahan Gd. SKPD Terpadu Lantai II "
                                            "dengan peserta berjumlah 20 Orang OPD Provinsi "
                                            "Banten, PT. BGD dan PT. Bank Banten, , dengan "
                                            "narasumber pada kegiatan tersebut adalah Plt. Asisten "
                                            "Pemerintahan dan Kesra Setda Provinsi Banten, Kepala "
                                            "Biro Pemerintahan Setda Provinsi Banten, Kepala "
                                            "Bagian Kerjasama Biro Pemerintahan Setda Provinsi "
                                            "Banten. Output dari rapat tim Koordinasi Kerjasama "
                                            "Daerah adalah Tersusunnya Draft Perjanjian Kerja Sama "
                                            "antara Pemerintah Provinsi Banten dengan PT. Banten "
                                            "Global Development tentang Penyertaan Modal "
                                            "Pemerintah Provinsi Banten Kepada PT. Banten Global "
                                            "Development Tahun Anggaran 2020; f. Rapat Tim "
                                            "Koordinasi Kerjasama Daerah yang dilaksanakan pada "
                                            "Hari Senin, 4 November 2020 dan Kamis, 12 November "
                                            "2020 di Ruang Rapat Biro Pemerintahan Gd. SKPD "
                                            "Terpadu Lantai II dengan peserta berjumlah 30 Orang "
                                            "Perwakilan OPD Provinsi Banten dan Polda Banten, "
                                            "dengan narasumber pada kegiatan tersebut adalah Plt. "
                                            "Asisten Pemerintahan dan Kesra Setda Provinsi Banten, "
                                            "Kepala Biro Pemerintahan Setda Provinsi Banten, "
                                            "Kepala Bagian Kerjasama Biro Pemerintahan Setda "
                                            "Provinsi Banten. Output dari rapat tim Koordinasi "
                                            "Kerjasama Daerah adalah Tersusunnya Draft Nota "
                                            "Kesepahaman antara Kepolisian Daerah Banten dengan "
                                            "Pemerintah Provinsi Banten tentang Integrasi Closed "
                                            "Circuit Television (CCTV) Kepolisian Daerah Banten "
                                            "Dengan Pemerintah Provinsi Banten; g. Rapat Tim "
                                            "Koordinasi Kerjasama Daerah yang dilaksanakan pada "
                                            "Hari Kamis, 3 Desember 2020, Selasa, 8 Desember 2020 "
                                            "dan Jum'at, 22 Desember 2020 di Ruang Rapat Biro "
                                            "Pemerintahan Gd. SKPD Terpadu Lantai II dengan "
                                            "peserta berjumlah 15 Orang OPD Provinsi Banten dan "
                                            "PT. ABM (Perseroda), dengan narasumber pada kegiatan "
                                            "tersebut adalah Plt. Asisten Pemerintahan dan Kesra "
                                            "Setda Provinsi Banten, Kepala Biro Pemerintahan Setda "
                                            "Provinsi Banten, Kepala Bagian Kerjasama Biro "
                                            "Pemerintahan Setda Provinsi Banten. Output dari rapat "
                                            "tim Koordinasi Kerjasama Daerah adalah Tersusunnya "
                                            "Draft Perjanjian Kerja Sama antara Pemerintah "
                                            "Provinsi Banten dengan PT. Agrobisnis Banten Mandiri "
                                            "(Perseroda) tentang Penyertaan Modal Pemerintah "
                                            "Provinsi Banten Kepada PT. Agrobisnis Banten Mandiri "
                                            "(Perseroda) Tahun Anggaran 2020; h. Rapat Tim "
                                            "Koordinasi Kerjasama Daerah yang dilaksanakan pada "
                                            "Hari Selasa, 17 Maret 2020 di Ruang Rapat Biro "
                                            "Pemerintahan Gd. SKPD Terpadu Lantai II dengan "
                                            "peserta berjumlah 30 Orang Perwakilan OPD Provinsi "
                                            "Banten), dengan narasumber pada kegiatan tersebut "
                                            "adalah Asisten Pemerintahan Setda Provinsi Banten "
                                            "Kepala Biro Pemerintahan Setda Provinsi Banten Kepala "
                                            "Bagian Kerjasama Biro Pemerintahan Setda Provinsi "
                                            "Banten. Output dari rapat tim Koordinasi Kerjasama "
                                            "Daerah adalah Terkoordinasinya Penyelenggaraan "
                                            "Kerjasama Daerah; i. Rapat Evaluasi Kerjasama Daerah "
                                            "yang direncanakan akan dilaksanakan pada bulan "
                                            "Oktober 2020, namun tidak dapat dilakanakan "
                                            "disebabkan terjadinya pandemic Covid-19 yang "
                                            "mengakibatkan adanya efisiensi anggaran, yang pada "
                                            "akhirnya kegiatan Evaluasi Kerjaama Daerah tidak "
                                            "dapat dilaksanakan."
                                        ),
                                        "obstacles": (
                                            "Rapat Evaluasi Kerjasama Daerah yang direncanakan "
                                            "akan dilaksanakan pada bulan Oktober 2020, namun "
                                            "tidak dapat dilakanakan disebabkan terjadinya "
                                            "pandemic Covid-19 yang mengakibatkan adanya efisiensi "
                                            "anggaran, yang pada akhirnya kegiatan Evaluasi "
                                            "Kerjaama Daerah tidak dapat dilaksanakan."
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.01.02",
                                "name": "Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "14993000",
                                "realisasi": "141000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya Rumusan Kebijakan Teknis Kerjasama Daerah"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Penyusunan Perumusan Kebijakan Teknis "
                                            "Kerjasama Daerah sebanyak 1 dokumen pada bulan "
                                            "Desember 2020. Penyusunan kebijakan dilaksanakan di "
                                            "Ruang Rapat Biro Pemerintahan dengan peserta sebanyak "
                                            "5 orang Bagian Kerjasama pada Biro Pemerintahan Setda "
                                            "Provinsi Banten. Output kegiatan adalah Tersusunnya "
                                            "Rancangan Peraturan Gubernur Banten tentang Pedoman "
                                            "Penyelenggaraan Kerjasama Daerah."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.02",
                        "name": "Penyelenggaraan Kerjasama Luar Negeri",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-kln",
                        "printed": {
                            "pagu": "110000000",
                            "realisasi": "96337000",
                            "percent": "87.58",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah dokumen bahan kebijakan teknis penyelenggaraan "
                                    "kerjasama luar negeri"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Jumlah Dokumen Bahan Kebijakan Teknis "
                                    "Penyelenggaraan Kerjasama Luar Negeri Sebesar 67% Tahun 2020 "
                                    "Melalui Pelaksanaan : 1. Penyelenggaraan Kerjasama Luar "
                                    "Negeri; 2. -"
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.02.01",
                                "name": "Penyelenggaraan Kerjasama Luar Negeri",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "110000000",
                                "realisasi": "96337000",
                                "indicators": [
                                    {
                                        "statement": "Terselenggaranya kerjasama luar negeri",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "2",
                                        "realisation": "2",
                                        "narrative": (
                                            "Terselenggaranya Kerjasama Luar Negeri sebanyak 2 "
                                            "dokumen antara lain : a. Pelaksanaan Rapat Koordinasi "
                                            "Kerjasama Luar Negeri yang dilaksanakan pada hari "
                                            "Kamis, tanggal 10 Desember 2020 bertempat di ruang "
                                            "rapat TIK Gd. Dinas Kominfo Provinsi Banten dengan "
                                            "menghadirkan 25 orang peserta yang berasal dari OPD "
                                            "Provinsi dan 32 orang berasal dari Kabupaten/Kota. "
                                            "Narasumber kegiatan rapat berasal dari Eselon III "
                                            "Kementerian Dalam Negeri, 2 orang dari Eselon II "
                                            "Daerah dan 1 orang yang berasal dari Eselon III "
                                            "daerah. Output yang dihasilkan adalah : Setiap OPD "
                                            "dalam melaksanakan atau merencanakan untuk melakukan "
                                            "kerjasama dengan pihak luar negeri harus "
                                            "berkoordinasi terlebih dahulu dengan Provinsi sesuai "
                                            "dengan SOP yang sudah di sahkan. Diharapkan setiap "
                                            "tahapan pelaksanaan kerjasama luar negeri dengan "
                                            "mempedomani SOP kerjasama luar negeri yang sudah di "
                                            "sesuaikan dengan peraturan perundangan yang berlaku. "
                                            "Perjalanan Dinas Luar Negeri hanya dapat dilakukan "
                                            "oleh Kela Daerah, Wakil Kepala Daerah, Pimpinan dan "
                                            "Anggota DPRD. Manfaat yang didapatkan adalah : 1). "
                                            "Peningkatan Kinerja Pemerintah Daerah, 2). "
                                            "Peningkatan Pendapatan Asli Daerah, 3). Peningkatan "
                                            "kualitas daerah dan mewujudkan kesejahteraan daerah "
                                            "dan 4). Mewujudkan Inovasi untuk Pemerintah Daerah. "
                                            "Persaratan perjalanan dinas Luar Negeri antara lain : "
                                            "- Perjalanan Dinas yang dilakukan oleh Kepala Daerah "
                                            "/ Wakil Kepala Daerah; - wajib didampingi pejabat "
                                            "administrasi/fungsional pada perangkat daerah yang "
                                            "menangani tugas pokok dan fungsi dari tujuan "
                                            "perjalanan dinas itu sendiri; - Perjaanan Dinas yang "
                                            "dilakukan oleh Pimpinan dan Anggota DPRD; - Dapat "
                                            "didampingi pejabat administrasi/fungsional pada "
                                            "perangkat daerah terkait; - larangan perjananan dinas "
                                            "luar negeri : 1). Kepala Daerah dan Wakil Kepala "
                                            "Daerah dilarang melakukan perjalanan ke Luar Negeri "
                                            "pada kondisi perjalanan ke luar negeri dilakukan "
                                            "secara bersamaan, 2). terjadi keruuhan atau gangguan "
                                            "keamanan, 3). terjadi bencana alam. - Tujuan "
                                            "Perjalanan Dina Luar Negeri : 1). Penjajakan "
                                            "kerjasama pemerintah daerah dengan pihak luar, "
                                            "negeri, tindak lanjut kerjaama pemerintah daerah "
                                            "dengan pihak luar negeri; 2). mengikuti dan/atau "
                                            "melaksanakan promosi dan pameran poteni dan budaya "
                                            "daerah; 3). kunjungan persahabatan; 4). pendidikan "
                                            "dan pelatihan; 5. study banding; 6. seminar; 7). "
                                            "Lokakarya; 8). Konferensi promosi potensi daerah; 8). "
                                            "pertemuan internasional; 8). penandatanganan naskah "
                                            "kerjasama; 9). Narasumber/pembicara. - dokumen "
                                            "pendukung : 1). Surat Undangan/ surat balasan "
                                            "kunjungan dari Negara atau tempat yang dituju/ Surat "
                                            "konfirmasi dari KBRI setempat; 2). Kerangka Acuan "
                                            "Kerja / Term of Reference ; 3). Salinan daftar "
                                            "pelaksanaan anggaran atau daftar isian pelaksanaan "
                                            "anggaran; 4). surat keterangan keabsahan dokumen dari "
                                            "unit kerja, rincian biaya perjalanan dina; 5). jadwal "
                                            "pelaksanaan kegiatan dan 6). data peronil peserta; - "
                                            "pengesahan Perjanalan Dinas Luar Negeri : Rekomendasi "
                                            ": dalam pelaksanaan rapat koordinasi yang akan di "
                                            "adakan selanjutnya agar setiap OPD baik Provinsi "
                                            "maupun kabupaten/kota melampirkan draft kerjasama "
                                            "luar negeri yang akan dan sedang di laksanakan. b. "
                                            "Pelaksanaan Rapat Evaluai Kerjasama Luar Negeri "
                                            "(dengan tema Tata Cara Kerjaama Daerah dengan "
                                            "Pemerintahan Daerah dan Kerjasama Daerah dengan "
                                            "Lembaga di Luar Negeri) yang di laksanakan pada "
                                            "tanggal 15 Desember 2020 bertempat di ruang rapat TIK "
                                            "Gd. Dinas Kominfo Provinsi Banten dengan menghadirkan "
                                            "25 orang peserta yang berasal dari OPD Provinsi dan "
                                            "32 orang berasal dari Kabupaten/Kota. Narasumber "
                                            "kegiatan rapat berasal dari Eselon III Kementerian "
                                            "Dalam Negeri, 2 orang dari Eselon II Daerah dan 1 "
                                            "orang yang berasal dari Eselon III daerah. Output "
                                            "yang dihasilkan adalah : a) hal penting yang "
                                            "dihasilkan : Dalam pelaksanaan kerjasama luar negeri, "
                                            "Pemerintah Daerah dapat melakukan kerjasama dengan "
                                            "pemerintah daerah di luar negeri dan lembaga di luar "
                                            "negeri yang merupakan bagian dari kerjasama "
                                            "internasional yang harus mendapatkan persetujuan "
                                            "Pemerintah Pusat. disamping itu Pemerintah Daerah "
                                            "dapat menjadi penerima manfaat atas kerjasama yang "
                                            "dilakukan oleh Pemerintah Pusat dengan pihak luar "
                                            "negeri yang nantinya akan bersifat penerus kerjasama "
                                            "Pemerintah Pusat kepada Pemerintah Daerah; Kerjasama "
                                            "luar negeri yang dilakukan oleh Pemerintah Daerah "
                                            "hendaknya berdasarkan prioritas dan potensi yang "
                                            "dimiliki oleh daerah tersebut, sehingga kerjasama "
                                            "akan memberikan manfaat secara maksimal; sebagaimana "
                                            "diamanatkan dalam Perpres Nomor 38 Tahun 2015 tentang "
                                            "Kerja Infrastruktur, Pemerintah Daerah juga dapat "
                                            "menggunakan skema Public Private Partnership (PPP) "
                                            "sebagai salah satu alternative skema pendanaan "
                                            "pembangunan yang melibatkan pihak swasta, namun "
                                            "bukanlah privatisasi tetapi pengelolaan asset melalui "
                                            "kensensi; mitra pembangunan internasional yang "
                                            "melakukan kerjasama dengan Pemerintah Indonesia e "
                                            "cara umum memberikan program yang bersifat hibah. "
                                            "namun ada juga yang berupa pinjaman lunak guna "
                                            "mendukung pembangunan di kerjasama menjadi prioritas "
                                            "secara umum dari mitra pembangunan di luar negeri; "
                                            "dengan dikeluarkannya Peraturan Menteri Dalam Negeri "
                                            "Nomor 25 Tahun 2020, diharapkan mampu menjadi pedoman "
                                            "pelaksanaan kerjasama daerah guna mendorong "
                                            "percepatan pembangunan di daerah."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.02.02",
                                "name": (
                                    "Penyusunan Perumusan Kebijakan Teknis Kerjasama Luar Negeri"
                                ),
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "0",
                                "realisasi": "0",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya rumusan kebijakan teknis kerjasama luar "
                                            "negeri"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "0",
                                        "realisation": "0",
                                        "narrative": (
                                            "Kegiatan tidak dapat dilaksanakan disebabkan "
                                            "dilakukan efisiensi anggaran di sebabkan Pandemi "
                                            "Covid-19."
                                        ),
                                        "obstacles": (
                                            "Kegiatan tidak dapat dilaksanakan disebabkan "
                                            "dilakukan efisiensi anggaran di sebabkan Pandemi "
                                            "Covid-19."
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.03",
                        "name": (
                            "Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan"
                        ),
                        "level": "kegiatan",
                        "responsible_unit": "subbag-rupabumi",
                        "printed": {
                            "pagu": "200000000",
                            "realisasi": "94194000",
                            "percent": "47.10",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah bahan kebijakan di bidang pembakuan nama rupa bumi "
                                    "serta kode dan data wilayah administrasi pemerintahan"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Jumlah Bahan Kebijakan di Bidang Pembakuan Nama "
                                    "Rupa Bumi Serta Kode dan Data Wilayah Administrasi "
                                    "Pemerintahan sebesar 100% Tahun 2020 melalui pelaksanaan : 1. "
                                    "Administrasi Rupabumi; 2. Administrasi Kode dan Data Wilayah "
                                    "Administrasi Pemerintahan."
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.03.01",
                                "name": "Administrasi Rupabumi",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "131400000",
                                "realisasi": "85194000",
                                "indicators": [
                                    {
                                        "statement": "Tersusunnya administrasi Rupabumi",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "4",
                                        "realisation": "2",
                                        "narrative": (
                                            "Terlaksananya Administrasi Rupabumi sebanyak 2 "
                                            "dokumen, antara lain : 1. Pelaksanaan Inventarisasi "
                                            "dan Validasi Rupabumi di Provinsi Banten yang di "
                                            "laksanakan pada 1 Maret 2020 di Kabupaten Serang, "
                                            "Lebak dan Kabupaten Pandeglang dengan 7 (Tujuh) orang "
                                            "personel yang berasal dari Biro Pemerintahan Setda "
                                            "Provinsi Banten. Hasil yang di peroleh antara lain : "
                                            "a. Data rupabumi Warisan Budaya berupa Bunker, Pos "
                                            "Jaga, Klinik, Barak, Rumah Dokter, Stasiun, Makam dan "
                                            "tempat peribadatan; b. Data yang di peroleh bukan "
                                            "hanya bentuk fisik bangunan, namun juga asal usul "
                                            "serta sejarah di balik pendirian bangunan; c. "
                                            "Dimungkinkan untuk adanya rekomendasi berupa "
                                            "penelitian lanjutan terkait keterkaitan antara satu "
                                            "bangunan dengan bangunan lainnya baik dalam satu "
                                            "pulau maupun berbeda pulau atau di wilayah-wilayah "
                                            "lainnya. 2. Direncanakan akan dilaksanakan koordinasi "
                                            "ke DIY terkait dengan pelaksanaan Administrasi yang "
                                            "di laksanakan di DIY yang sudah lebih baik jika di "
                                            "bandingkan dengan daerah lainnya. Namun, akibat "
                                            "terkendala dengan Covid - 19 maka kegiatan tersebut "
                                            "tidak dapat di laksanakan."
                                        ),
                                        "obstacles": (
                                            "Direncanakan akan dilaksanakan koordinasi ke DIY "
                                            "terkait dengan pelaksanaan Administrasi yang di "
                                            "laksanakan di DIY yang sudah lebih baik jika di "
                                            "bandingkan dengan daerah lainnya. Namun, akibat "
                                            "terkendala dengan Covid - 19 maka kegiatan tersebut "
                                            "tidak dapat di laksanakan."
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.03.02",
                                "name": (
                                    "Administrasi Kode dan Data Wilayah Administrasi Pemerintahan"
                                ),
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "68600000",
                                "realisasi": "9000000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya Administrasi Kode dan Data Wilayah "
                                            "Administrasi Pemerintahan Provinsi Banten"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "2",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya administrasi Kode dan Data Wilayah "
                                            "Administrasi Pemerintahan Provinsi Banten sebanyak 1 "
                                            "dokumen, antara lain : 1. Tidak terlaksananya Rapat "
                                            "Kode Data Wilayah Administrasi Pemerintahan yang "
                                            "direncanakan dilaksanakan pada bulan Agustus 2020 "
                                            "dengan mengundang peserta berjumlah 50 orang untuk "
                                            "memperoleh data terbaru Kode Data yang akan di "
                                            "bukukan kembali pada tahun 2021. Namun, karena dampak "
                                            "dari Covid-19 yang mengharuskan adanya efisiensi "
                                            "anggaran, maka kegiatan ini tidak dapat di laksanakan "
                                            "2. Terlaksananya Cetak Buku Update Kode data Wilayah "
                                            "Administrasi Pemerintahan di Provinsi Banten yang "
                                            "direncanakan pada bulan September 2020 yang di "
                                            "dalamnya memuat Kode Data Wilayah Administrasi "
                                            "Pemerintahan terbaru di Provinsi Banten."
                                        ),
                                        "obstacles": (
                                            "Tidak terlaksananya Rapat Kode Data Wilayah "
                                            "Administrasi Pemerintahan yang direncanakan "
                                            "dilaksanakan pada bulan Agustus 2020 dengan "
                                            "mengundang peserta berjumlah 50 orang untuk "
                                            "memperoleh data terbaru Kode Data yang akan di "
                                            "bukukan kembali pada tahun 2021. Namun, karena dampak "
                                            "dari Covid-19 yang mengharuskan adanya efisiensi "
                                            "anggaran, maka kegiatan ini tidak dapat di laksanakan"
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.04",
                        "name": "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-bina-kecamatan",
                        "printed": {
                            "pagu": "168702000",
                            "realisasi": "82536000",
                            "percent": "48.92",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah dokumen bahan kebijakan teknis Kabupaten Kota dalam "
                                    "rangka PATEN"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "87.50",
                                "narrative": (
                                    "Meningkatnya Jumlah Dokumen Bahan Kebijakan Teknis Kab./Kota "
                                    "Dalam Rangka Penyelenggaraan Pelayanan Administrasi Terpadu "
                                    "Kecamatan sebesar 87.50% Tahun 2020 melalui pelaksanaan : 1. "
                                    "Penyusunan Perumusan Kebijakan Tekni Kecamatan dan Kelurahan; "
                                    "2. Pembinaan Penyelenggaraan Pelayanan Administrasi "
                                    "Pemerintahan"
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.04.01",
                                "name": (
                                    "Penyusunan Perumusan Kebijakan Teknis Kecamatan dan Kelurahan"
                                ),
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "36899000",
                                "realisasi": "4460000",
                                "printed": {
                                    "pagu": "36702000",
                                    "realisasi": "82536000",
                                    "percent": "48.92",
                                },
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya rancangan kebijakan teknis Kecamatan dan "
                                            "Kelurahan"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Perumusan Kebijakan Teknis Kecamatan "
                                            "dan Kelurahan sebanyak 1 dokumen melalui pelaksanaan "
                                            "jajak pendapat dari Kabupaten / Kota se-Provinsi "
                                            "Banten yang di laksanakan dari tanggal 6 November s/d "
                                            "16 November 2020"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.04.02",
                                "name": (
                                    "Pembinaan Penyelenggaraan Pelayanan Administrasi Kecamatan"
                                ),
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "131803000",
                                "realisasi": "78076000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya pembinaan penyelenggaraan pelayanan "
                                            "administrasi Kecamatan dan Kelurahan"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "4",
                                        "realisation": "3",
                                        "narrative": (
                                            "Terlaksananya Pembinaan Penyelenggaraan Pelayanan "
                                            "Adminitrai Kecamatan dan Kelurahan sebanyak 3 "
                                            "dokumen, antara lain : 1. Rapat Kerja Inovasi "
                                            "Pelayanan Kecamatan, yang di laksanakan pada 13 "
                                            "February 2020 dan 10 Maret 2020 di Ruang Rapat Lt. II "
                                            "Gd. KPD Terpadu dengan mengundang seluruh Kabupaten / "
                                            "Kota se-Provinsi Banten. Narasumber dalam Rapat Kerja "
                                            "antara lain 1. Direktur Dekonsentrasi dan Tugas "
                                            "Pembantuan dan Kerjasama Kemendagri, 2. Kasi Wilayah "
                                            "II Subdit Kecamatan Kemendagri, 3. Kepala Biro "
                                            "Pemerintahan Setda Provinsi Banten; 2. Pelaksanaan "
                                            "Monitoring dan Evaluasi Penyelenggaraan Pemerintahan "
                                            "Kelurahan dilaksanakan melalui monitoring dan "
                                            "evaluasi langsung di Kelurahan di 8 Kabupaten / Kota "
                                            "se-Provinsi Banten yang menghasilkan beberapa hal "
                                            "yang perlu untuk di sempurnakan dalam pelaksanaan "
                                            "pemerintahan Kelurahan se-Provinsi Banten. Kegiatan "
                                            "dilaksanakan pada 24 November 2020 s/d 16 Desember "
                                            "2020; 3. Pelaksanaan Monitoring dan Evaluasi "
                                            "pelaksanaan PATEN (Pelayanan Terpadu Kecamatan dan "
                                            "Kelurahan), dilaksanakan semenjak 4 Desember 2020 s/d "
                                            "18 Desember 2020. Pelaksanaan kegiatan adalah dengan "
                                            "mendatangi langsung Kelurahan dan Kecamatan di 8 "
                                            "Kabupaten / Kota se-Provinsi Banten, untuk dapat "
                                            "memperoleh data yang lebih akurat dalam pelaksanaan "
                                            "PATEN di Kabupaten / Kota Se-Provinsi Banten. Hasil "
                                            "yang di peroleh dalam monitoring dan evaluasi adalah "
                                            "masih terdapatnya beberapa Kecamatan dan Kelurahan "
                                            "yang membutuhkan peningkatan Pelayanannya, begitu "
                                            "juga dengan kelengkapan invrastruktur pelayanan yang "
                                            "tidak sedikit masih harus di tingkatkan kembali. 4. "
                                            "Rapat Penyelenggaraan Pemerintahan Kelurahan tidak "
                                            "dapat di laksanakan di sebabkan adanya efisiensi "
                                            "anggaran untuk Covid-19"
                                        ),
                                        "obstacles": (
                                            "Rapat Penyelenggaraan Pemerintahan Kelurahan tidak "
                                            "dapat di laksanakan di sebabkan adanya efisiensi "
                                            "anggaran untuk Covid-19"
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.05",
                        "name": "Penataan Wilayah Administrasi dan Batas Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-batas",
                        "printed": {
                            "pagu": "229500000",
                            "realisasi": "138331180",
                            "percent": "60.28",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah dokumen bahan kebijakan di bidang Batas Daerah"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Jumlah Dokumen Bahan Kebijakan di Bidang Batas "
                                    "Daerah sebesar 100% Tahun 2020 melalui pelaksanaan : 1. "
                                    "Administrasi Batas Daerah; 2. Pembangunan dan Pemeliharaan "
                                    "Batas Daerah."
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.05.01",
                                "name": "Administrasi Batas Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "120000000",
                                "realisasi": "51294000",
                                "indicators": [
                                    {
                                        "statement": "Terlaksananya Administrasi Batas Daerah",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "2",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya administrasi Batas Daerah sebanyak 1 "
                                            "dokumen antara lain : 1. pelaksanaan Rapat Koordinasi "
                                            "dalam rangka Implementasi Peraturan Menteri Dalam "
                                            "Negeri Nomor 98 Tahun 2014 tentang Batas Daerah "
                                            "Kabupaten Serang dengan Kota Serang Provinsi Banten "
                                            "pada hari Selasa 18 Februari 2020 yang di laksanakan "
                                            "di Ruang Rapat Biro Pemerintahan Lt. 2 Gedung SKPD "
                                            "Terpadu Kawasan Pusat Pemerintahan Provinsi Banten "
                                            "Jl. Syech Nawawi Al-Bantani Palima - Kota Serang "
                                            "dengan peserta berjumlah 50 Orang (Dinas/Instansi "
                                            "terkait, Kepala Desa/Lurah di Kabupaten Serang dan "
                                            "Kota Serang yang berbatasan) dan narasumber berasal "
                                            "dari Kasubdit Batas antar Daerah Wilayah I "
                                            "Kemendagri, Kepala Biro Pemerintahan dan Kepala Sub "
                                            "Bagian Batas Daerah). output yang di harapkan adalah "
                                            "Adapun output yang diharapkan dari kegiatan ini yaitu "
                                            "adanya kesepahaman dan persamaan persepsi mengenai "
                                            "Batas Daerah antara Kabupaten Serang dan Kota Serang. "
                                            "2. Rapat korrdinasi kedua tidak dapat di laksanakan "
                                            "di sebabkan adanya efisiensi anggaran untuk Covid-19"
                                        ),
                                        "obstacles": (
                                            "Rapat korrdinasi kedua tidak dapat di laksanakan di "
                                            "sebabkan adanya efisiensi anggaran untuk Covid-19"
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.05.02",
                                "name": "Pembangunan dan Pemeliharaan Pilar Batas Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "109500000",
                                "realisasi": "87037180",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya kegiatan pembangunan dan pemeliharaan "
                                            "pilar batas daerah"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "2",
                                        "realisation": "2",
                                        "narrative": (
                                            "Terlaksananya pembangunan dan pemeliharaan Pilar "
                                            "Batas Wilayah sebanyak 2 kegiatan, antara lain : 1. "
                                            "terlaksananya pembangunan pilar batas daerah Provinsi "
                                            "Banten sebanyak 8 pilar batas wilayah antara Provinsi "
                                            "Banten dengan Provinsi DKI Jakarta pada bulan Oktober "
                                            "s/d November 2020. 2. terlaksannya pemeliharaan pilar "
                                            "batas wilayah sebanyak 4 pilar batas antara Provinsi "
                                            "Banten dengan Provinsi DKI Jakarta pada Bulan Oktober "
                                            "s/d November 2020."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.06",
                        "name": "Evaluasi Kinerja Pemerintah Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-ekppd",
                        "printed": {
                            "pagu": "270000000",
                            "realisasi": "167767200",
                            "percent": "62.14",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah dokumen bahan kebijakan teknis di bidang evaluasi "
                                    "penyelenggaraan pemerintah daerah"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Jumlah Dokumen Bahan Kebijakan Teknis di Bidang "
                                    "Evaluasi Penyelenggaraan Pemerintah Daerah sebesar 100% Tahun "
                                    "2020 melalui pelaksanaan : 1. Penyusunan Kebijakan Teknis "
                                    "Evaluasi Kinerja Pemerintahan Daerah; 2. Penyusunan LPPD dan "
                                    "IKK Provinsi Banten; 3. Pembinaan Penyelenggaraan "
                                    "pemerintahan Kab/Kota; 4. Evaluasi Kinerja Penyelenggaraan "
                                    "Pemerintahan Daerah."
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.06.01",
                                "name": (
                                    "Penyusunan Kebijakan Teknis Evaluasi Kinerja Pemerintahan "
                                    "Daerah"
                                ),
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "20401200",
                                "realisasi": "11891200",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya rumusan kebijakan evaluasi kinerja "
                                            "pemerintahan daerah"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya rumusan kebijakan evaluasi kinerja "
                                            "pemerintah daerah yang diawali dengan koordinasi dan "
                                            "konsultasi baik dengan pihak Kementerian khususnya "
                                            "Kemendagri maupun dengan 8 Kabupaten/Kota se-Provinsi "
                                            "Banten yang dilaksanakan pada bulan Oktober s/d "
                                            "Desember 2020. Hasil yang di peroleh adalah rumusan "
                                            "kebijakan Evaluasi Kinerja Pemerintah Daerah sebanyak "
                                            "1 dokumen."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.06.02",
                                "name": "Penyusunan LPPD dan IKK Provinsi Banten",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "98920000",
                                "realisasi": "92632000",
                                "indicators": [
                                    {
                                        "statement": "Tersusunnya LPPD dan IKK Provinsi Banten",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "2",
                                        "realisation": "2",
                                        "narrative": (
                                            "Terlaksananya penyusunan LPPD dan IKK LPPD Provinsi "
                                            "Banten tahun 2019 sebanyak 2 dokumen berupa Buku LPPD "
                                            "dan Buku IKK LPPD. Penyusunan dilaksanakan semenjak "
                                            "bulan Januari s/d Maret 2020 yang di laksanakan pada "
                                            "Kantor Biro Pemerintahan setda Provinsi Banten. "
                                            "Pengumpulan dan penyusunan LPPD dan IKK LPPD Provinsi "
                                            "Banten diawali dengan pengumpulan data dari setiap "
                                            "OPD Provinsi Banten yang kemudian diolah hingga "
                                            "menghasilkan buku LPPD dan IKK LPPD Provinsi Banten "
                                            "2019."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.06.03",
                                "name": "Pembinaan Penyelenggaraan Pemerintahan Kabupaten/Kota",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "54586800",
                                "realisasi": "37762000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terselenggaranya pembinaan penyelenggaraan pemerintah "
                                            "Daerah Kabupaten/Kota"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Pembinaan Penyelenggaraan Pemerintahan "
                                            "Daerah Kab/Kota sebanyak 1 dokumen yang diawali "
                                            "dengan kegiatan Pra-LPPD Kab/Kota Se-Provinsi Banten "
                                            "pada bulan Juni s/d Agustus 2020, yang kemudian "
                                            "data-data tersebut di evaluasi hingga menghasilkann "
                                            "hasil evaluasi berupa rekomendasi-rekomendasi yang "
                                            "harus di laksanakan dan dipenuhi oleh Kab/Kota untuk "
                                            "kemudian mendapatkan penilaian dari tim evaluasi LPPD "
                                            "Provinsi Banten."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.06.04",
                                "name": "Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "96092000",
                                "realisasi": "25482000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya Evaluasi Kinerja Penyelenggaraan "
                                            "Pemerintah Daerah"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "9",
                                        "realisation": "9",
                                        "narrative": (
                                            "Terlaksananya Evaluasi Kinerja Penyelenggaraan "
                                            "Pemerintah Daerah sebanyak 1 dokumen yang di "
                                            "laksanakan pada tanggal 6 s/d 8 Oktober 2020 yang di "
                                            "laksanakan di ruang Rapat Biro Pemerintahan Lt. II "
                                            "SKPD Terpadu. Kegiatan di laksanakan dengan "
                                            "pemanggilan tim penyusun LPPD dan IKK LPPD Kab/Kota "
                                            "se-Provinsi Banten untuk mendapatkan pembekalan dan "
                                            "evaluasi hingga penilaian dari Tim Nasional Penilai "
                                            "LPPD. Hasil dari kegiatan ini adalah berupa penilaian "
                                            "LPPD dan IKK LPPD dari Kab/Kota se-Provinsi Banten."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.07",
                        "name": "Penataan Daerah Otonom",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-pdo",
                        "printed": {
                            "pagu": "138870000",
                            "realisasi": "75640000",
                            "percent": "54.47",
                        },
                        "indicators": [
                            {
                                "statement": (
                                    "Jumlah dokumen bahan kebijakan teknis di bidang penataan "
                                    "daerah"
                                ),
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Jumlah Dokumen Bahan Kebijakan Teknis di Bidang "
                                    "Penataan Daerah sebesar 100% Tahun 2020 melalui pelaksanaan : "
                                    "1. Penyusunan Perumusan Kebijakan Penataan Daerah; 2. "
                                    "Penataan Daerah Otonom; 3. Penyelesaian Pelimpahan Aset Antar "
                                    "Pemerintah Daerah"
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.07.01",
                                "name": "Penyusunan Perumusan Kebijakan Penataan Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "40000000",
                                "realisasi": "37710000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya rancangan kebijakan penataan daerah"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Penyusunan Perumusan Kebijakan Penataan "
                                            "Daerah sebanyak 1 dokumen terkait dengan Laporan "
                                            "pelaksanaan Penetapan Standart Pelayanan Minimal "
                                            "tahun 2019 yang di rumuskan dan dievaluai pada "
                                            "tanggal 11 Februari 2020 bertempat di Ruang Rapat "
                                            "Biro Pemerintahan, Gd. SKPD terpadu lantai II. "
                                            "Peserta yang hadir berjumlah 48 orang dari OPD Bagian "
                                            "Pemerintahan, Bagian Organisasi dan BAPPEDA Kab/Kota "
                                            "di Provinsi Banten, dengan narasumber berjumlah 3 "
                                            "orang yang berasal dari Kementerian Dalam Negeri dan "
                                            "Kepala Biro Pemerintahan Setda Provinsi Banten."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.07.02",
                                "name": "Penataan Daerah Otonom",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "69300000",
                                "realisasi": "17800000",
                                "indicators": [
                                    {
                                        "statement": "Terlaksananya penataan daerah otonom",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "0",
                                        "narrative": (
                                            "Kegiatan penataan daerah otonom tidak dapat "
                                            "dilaksanakan di sebabkan adanya efisiensi anggaran "
                                            "untuk Covid-19"
                                        ),
                                        "obstacles": (
                                            "Kegiatan penataan daerah otonom tidak dapat "
                                            "dilaksanakan di sebabkan adanya efisiensi anggaran "
                                            "untuk Covid-19"
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.07.03",
                                "name": "Penyelesaian Pelimpahan Aset Antar Pemerintah Daerah",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "29570000",
                                "realisasi": "20130000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya penyelesaian permasalahan asset "
                                            "pemerintahan daerah"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "2",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terselenggaranya Penyelesaian Pelimpahan Aset Antar "
                                            "Pemerintah Daerah sebanyak 1 dokumen, antara lain : "
                                            "1. terlaksananya rekon data asset Kabupaten / Kota se "
                                            "Provinsi Banten, begitupula asset yang di miliki dan "
                                            "di kelola oleh Provinsi Banten yang di laksanakan "
                                            "pada bulan Januari 2020, yang menghasilkan data asset "
                                            "yang di miliki dan dikelola oleh Provinsi Banten "
                                            "hingga Kabupaten/Kota se-Provinsi Banten, juga data "
                                            "asset yang dimilikii oleh Pemerintah Pusat. 2. Untuk "
                                            "target kedua yakni terkait dengan rapat penyelesaian "
                                            "pelimpahan asset yang di rencanakan dilaksanakan pada "
                                            "bulan Agustus tidak dapat di laksanakan di sebabkan "
                                            "adanya efisiensi anggaran untuk Covid-19."
                                        ),
                                        "obstacles": (
                                            "Untuk target kedua yakni terkait dengan rapat "
                                            "penyelesaian pelimpahan asset yang di rencanakan "
                                            "dilaksanakan pada bulan Agustus tidak dapat di "
                                            "laksanakan di sebabkan adanya efisiensi anggaran "
                                            "untuk Covid-19."
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "02.08",
                        "name": "Administrasi Kepala Daerah dan DPRD",
                        "level": "kegiatan",
                        "responsible_unit": "subbag-adpem",
                        "printed": {
                            "pagu": "130000000",
                            "realisasi": "74589500",
                            "percent": "57.38",
                        },
                        "indicators": [
                            {
                                "statement": "Jumlah dokumen administrasi Kepala Daerah dan DPRD",
                                "satuan": "%",
                                "polarity": "higher",
                                "value_type": "percent",
                                "cumulative": False,
                                "target": "100",
                                "realisation": "100",
                                "narrative": (
                                    "Meningkatnya Pelayanan Administrasi Bagi Pejabat "
                                    "Negara/Daerah dan DPRD sebesar 100% Tahun 2020 melalui "
                                    "pelaksanaan : 1. Penyusunan Kebijakan Administrasi "
                                    "Pemerintahan; 2. Administrasi Kepala Daerah dan DPRD."
                                ),
                                "obstacles": "",
                                "levels": [],
                            },
                        ],
                        "children": [
                            {
                                "code": "02.08.01",
                                "name": "Penyusunan Kebijakan Administrasi Pemerintahan",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "8280000",
                                "realisasi": "8133000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Tersusunnya rancangan kebijakan administrasi "
                                            "pemerintahan"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Penyusunan Kebijakan Administrasi "
                                            "Kepala Daerah sebanyak 1 dokumen melalui pelaksanaan "
                                            "koordinasi dan konsultasi terkait dengan kebijakan "
                                            "Kementerian Dalam Negeri dan pelaksanaannya khususnya "
                                            "mengenai tata cara dan pelaksanaan seluruh "
                                            "administrasi terkait Kepala Daerah. Kegiatan di "
                                            "laksanakan pada bulan Juni s/d November 2020 di "
                                            "seluruh Kabupaten / Kota se-Provinsi Banten. Hal ini "
                                            "bertujuan terbangunnya sinkronisasi antara Kabupaten "
                                            "/ Kota dengan Provinsi, yang pada akhirnya mampu "
                                            "membangun sinergisitas yang baik."
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "02.08.02",
                                "name": "Administrasi Kepala Daerah dan DPRD",
                                "level": "tolok_ukur",
                                "pagu_dpa": None,
                                "pagu_dppa": "121720000",
                                "realisasi": "66456500",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Terlaksananya administrasi kepala daerah dan DPRD"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Adminitrasi Kepala Daerah dan DPRD "
                                            "sebanyak 1 dokumen melalui pelaksanaan Rapat "
                                            "Koordinasi Administrasi Kepala Daerah dan DPRD yang "
                                            "di laksanakan pada hari Rabu tanggal 5 Februari 2020 "
                                            "di Ruang Rapat Biro Pemerintahan Gd. SKPD Terpadu "
                                            "Lantai II. Peserta yang hadir dalam kegiatan "
                                            "berjumlah 50 orang yang berasal dari OPD Kabupaten / "
                                            "Kota se-Provinsi Banten serta perwakilan OPD Provinsi "
                                            "Banten. Narasumber kegiatan terdiri atas 2 (Dua) "
                                            "orang setara eselon III Kementerian Dalam Negeri dan "
                                            "1 (Satu) orang setara Eselon II Daerah. Output "
                                            "kegiatan pelaksanaan rapat adalah dapat memberikan "
                                            "pemahaman dan penekanan kepada kabupaten kota terkait "
                                            "dengan pelaksanaan izin alasan penting bagi kepala "
                                            "daerah dan DPRD sehingga dapat terlaksananya tertib "
                                            "administrasi dan sinkronisasi antara pemerintah pusat "
                                            "dalam hal ini kemendagri dan pemerintah daerah "
                                            "provinsi dan kabupaten kota. Di rencanakan sebelumnya "
                                            "bahwa kegiatan akan di laksanakan dua kali rapat "
                                            "koordinasi, namun akibat terjadinya pandemic Covid - "
                                            "19 yang kemudian dilakukan efisiensi anggaran, maka "
                                            "kegiatan kedua tidak dapat dilaksanakan, dan hanya "
                                            "melalui teleconverence."
                                        ),
                                        "obstacles": (
                                            "Di rencanakan sebelumnya bahwa kegiatan akan di "
                                            "laksanakan dua kali rapat koordinasi, namun akibat "
                                            "terjadinya pandemic Covid - 19 yang kemudian "
                                            "dilakukan efisiensi anggaran, maka kegiatan kedua "
                                            "tidak dapat dilaksanakan, dan hanya melalui "
                                            "teleconverence."
                                        ),
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "unit": "biro-pemkesra",
        "year": 2021,
        "nomenclature": "Permendagri 90/2019",
        "structure": "program-kegiatan-sub_kegiatan",
        "printed": {"pagu": "20160770750", "realisasi": "17332301064", "percent": "85.97"},
        "nodes": [
            {
                "code": "4.01.01",
                "name": "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
                "level": "program",
                "responsible_unit": "biro-pemkesra",
                "printed": {"pagu": "2322925750", "realisasi": "2085237252", "percent": "89.77"},
                "indicators": [],
                "children": [
                    {
                        "code": "4.01.01.1.01",
                        "name": "Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "28200250",
                            "realisasi": "10000000",
                            "percent": "35.46",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.01.1.01.01",
                                "name": "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "250",
                                "realisasi": "0",
                                "indicators": [],
                            },
                            {
                                "code": "4.01.01.1.01.02",
                                "name": "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "2500000",
                                "realisasi": "2500000",
                                "indicators": [
                                    {
                                        "statement": "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Kegiatan Laporan Kinerja Keuangan dan "
                                            "Neraca Aset yang Akuntabel CALK, Prognosis, Neraca "
                                            "dan Aset)"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.01.03",
                                "name": "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "2500000",
                                "realisasi": "2500000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Kegiatan Penyediaan Barang dan jasa "
                                            "Perkantoran sesuai Kebutuhan (Belanja ATK dan Cetak)"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.01.04",
                                "name": "Koordinasi dan Penyusunan DPA-SKPD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "2500000",
                                "realisasi": "2500000",
                                "indicators": [
                                    {
                                        "statement": "Koordinasi dan Penyusunan DPA-SKPD",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Kegiatan Peningkatan Pengelolaan "
                                            "Kearsipan yang rapih dan informatif (Pengelolaan "
                                            "Arsip)"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.01.05",
                                "name": "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "2500000",
                                "realisasi": "2500000",
                                "indicators": [
                                    {
                                        "statement": "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya Penyediaan Data dan Informasi "
                                            "Pembangunan yang Akurat (Pengelolaan Website)"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.01.06",
                                "name": (
                                    "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan "
                                    "Ikhtisar Realisasi Kinerja SKPD"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "9100000",
                                "realisasi": "0",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan "
                                            "Ikhtisar Realisasi Kinerja SKPD"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "0",
                                        "narrative": "",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.01.07",
                                "name": "Evaluasi Kinerja Perangkat Daerah",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "9100000",
                                "realisasi": "0",
                                "indicators": [
                                    {
                                        "statement": "Evaluasi Kinerja Perangkat Daerah",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "0",
                                        "narrative": "",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.01.1.02",
                        "name": "Administrasi Keuangan Perangkat Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {"pagu": "9100000", "realisasi": "5750000", "percent": "63.19"},
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.01.1.02.04",
                                "name": "Koordinasi dan Pelaksanaan Akuntansi SKPD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "9100000",
                                "realisasi": "5750000",
                                "indicators": [
                                    {
                                        "statement": "Koordinasi dan Pelaksanaan Akuntansi SKPD",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya administrasi keuangan Perangkat Daerah"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.01.1.05",
                        "name": "Administrasi Kepegawaian Perangkat Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "170721500",
                            "realisasi": "154490000",
                            "percent": "90.49",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.01.1.05.01",
                                "name": "Peningkatan Sarana dan Prasarana Disiplin Pegawai",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "250",
                                "realisasi": "0",
                                "indicators": [],
                            },
                            {
                                "code": "4.01.01.1.05.02",
                                "name": "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "170721000",
                                "realisasi": "154490000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Administrasi Kepegawaian "
                                            "Perangkat Daerah"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.05.03",
                                "name": (
                                    "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "250",
                                "realisasi": "0",
                                "indicators": [],
                            },
                        ],
                    },
                    {
                        "code": "4.01.01.1.06",
                        "name": "Administrasi Umum Perangkat Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "564104000",
                            "realisasi": "448495500",
                            "percent": "79.51",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.01.1.06.02",
                                "name": "Penyediaan Peralatan dan Perlengkapan Kantor",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "215094000",
                                "realisasi": "197755000",
                                "indicators": [
                                    {
                                        "statement": "Penyediaan Peralatan dan Perlengkapan Kantor",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Administrasi Umum Perangkat Daerah"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.06.04",
                                "name": "Penyediaan Bahan Logistik Kantor",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "72560000",
                                "realisasi": "65680000",
                                "indicators": [
                                    {
                                        "statement": "Penyediaan Bahan Logistik Kantor",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya pengadaan barang dan jasa Perkantoran"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.06.05",
                                "name": "Penyediaan Barang Cetak dan Penggandaan",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "120592000",
                                "realisasi": "110667500",
                                "indicators": [
                                    {
                                        "statement": "Penyediaan Barang Cetak dan Penggandaan",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya pengadaan barang dan jasa Perkantoran"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.01.1.06.09",
                                "name": "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "155858000",
                                "realisasi": "74393000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": "Terselenggaranya fungsi perangkat daerah",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.01.1.08",
                        "name": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "1550800000",
                            "realisasi": "1466501752",
                            "percent": "94.56",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.01.1.08.04",
                                "name": "Penyediaan Jasa Pelayanan Umum Kantor",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "1550800000",
                                "realisasi": "1466501752",
                                "indicators": [
                                    {
                                        "statement": "Penyediaan Jasa Pelayanan Umum Kantor",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": "Tersedianya Jasa Pelayanan Umum Kantor",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "code": "4.01.03",
                "name": "Program Pemerintahan dan Otonomi Daerah",
                "level": "program",
                "responsible_unit": "biro-pemkesra",
                "printed": {"pagu": "1262133000", "realisasi": "868296250", "percent": "68.80"},
                "indicators": [],
                "children": [
                    {
                        "code": "4.01.03.1.01",
                        "name": "Pelaksanaan Tugas Pemerintahan",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "374966000",
                            "realisasi": "194881000",
                            "percent": "51.97",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.03.1.01.01",
                                "name": "Pengelolaan Administrasi Kebijakan Pemerintahan",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "129763000",
                                "realisasi": "44536500",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Pengelolaan Administrasi Kebijakan Pemerintahan"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Meningkatnya kerjasama dan penyelenggaraan "
                                            "administrasi pemerintahan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.03.1.01.02",
                                "name": "Fasilitasi Pelaksanaan Pemerintahan Umum",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "84914000",
                                "realisasi": "49451500",
                                "indicators": [
                                    {
                                        "statement": "Fasilitasi Pelaksanaan Pemerintahan Umum",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terfasilitasinya Pelaksanaan Pemerintahan Umum"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.03.1.01.03",
                                "name": "Fasilitasi Penataan Wilayah",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "160289000",
                                "realisasi": "100893000",
                                "indicators": [
                                    {
                                        "statement": "Fasilitasi Penataan Wilayah",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": "Terfasilitasinya Penataan Wilayah",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.03.1.02",
                        "name": "Pelaksanaan Otonomi Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "489167000",
                            "realisasi": "386596750",
                            "percent": "79.03",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.03.1.02.01",
                                "name": "Fasilitasi Administrasi Kepala Daerah dan DPRD",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "140000000",
                                "realisasi": "115758750",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Fasilitasi Administrasi Kepala Daerah dan DPRD"
                                        ),
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terfasilitasinya pelayanan Administrasi Kepala Daerah "
                                            "dan DPRD"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.03.1.02.02",
                                "name": "Pengembangan Otonomi dan Penataan Urusan",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "119060000",
                                "realisasi": "102008000",
                                "indicators": [
                                    {
                                        "statement": "Pengembangan Otonomi dan Penataan Urusan",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Persentase Realisasi Kebijakan Kerjasama Pemerintahan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.03.1.02.03",
                                "name": "Evaluasi dan Penyelenggaraan Pemerintahan",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "230107000",
                                "realisasi": "168830000",
                                "indicators": [
                                    {
                                        "statement": "Evaluasi dan Penyelenggaraan Pemerintahan",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersedianya bahan rumusan Kebijakan Administrasi "
                                            "Pemerintahan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.03.1.03",
                        "name": "Fasilitasi Kerjasama Daerah",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "398000000",
                            "realisasi": "286818500",
                            "percent": "72.06",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.03.1.03.01",
                                "name": "Fasilitasi Kerjasama Pemerintah",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "306026000",
                                "realisasi": "243862000",
                                "indicators": [
                                    {
                                        "statement": "Fasilitasi Kerjasama Pemerintah",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya penyelenggaraan kerjasama pemerintah "
                                            "daerah"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.03.1.03.02",
                                "name": "Fasilitasi Kerjasama Badan Usaha/Swasta",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "45310000",
                                "realisasi": "16741500",
                                "indicators": [
                                    {
                                        "statement": "Fasilitasi Kerjasama Badan Usaha/Swasta",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terlaksananya penyelenggaraan kerjasama Badan "
                                            "Usaha/Swasta"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.03.1.03.03",
                                "name": "Evaluasi Pelaksanaan Kerjasama",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "46664000",
                                "realisasi": "26215000",
                                "indicators": [
                                    {
                                        "statement": "Evaluasi Pelaksanaan Kerjasama",
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": "Tersusunnya dokumen bahan kebijakan bersama",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "code": "4.01.04",
                "name": "Program Kesejahteraan Rakyat",
                "level": "program",
                "responsible_unit": "biro-pemkesra",
                "printed": {"pagu": "16575712000", "realisasi": "14378767562", "percent": "86.75"},
                "indicators": [],
                "children": [
                    {
                        "code": "4.01.04.1.01",
                        "name": "Fasilitasi Pembinaan Mental Spiritual",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "15904532000",
                            "realisasi": "14056551562",
                            "percent": "88.38",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.04.1.01.01",
                                "name": "Pengelolaan Sarana dan Prasarana Spiritual",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "540363000",
                                "realisasi": "76036000",
                                "indicators": [
                                    {
                                        "statement": "Pengelolaan Sarana dan Prasarana Spiritual",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": "Terselenggaranya Hari besar keagamaan",
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.04.1.01.02",
                                "name": "Fasilitasi Kelembagaan Bina Spiritual",
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "15364169000",
                                "realisasi": "13980515562",
                                "indicators": [
                                    {
                                        "statement": "Fasilitasi Kelembagaan Bina Spiritual",
                                        "satuan": "Kegiatan",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Terdistribusinya hibah untuk lembaga kemasyarakatan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.04.1.02",
                        "name": "Fasilitasi Pengembangan Kesejahteraan Rakyat Pelayanan Dasar",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "406432000",
                            "realisasi": "205102000",
                            "percent": "50.46",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.04.1.02.01",
                                "name": (
                                    "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan Capaian "
                                    "Kinerja Kebijakan Kesejahteraan Rakyat Bidang Pendidikan"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "53196000",
                                "realisasi": "46636000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan "
                                            "Capaian Kinerja Kebijakan Kesejahteraan Rakyat Bidang "
                                            "Pendidikan"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Koordinasi, Sinkronisasi, "
                                            "Evaluasi dan Capaian Kinerja Kebijakan Kesejahteraan "
                                            "Rakyat Bidang Pendidikan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.04.1.02.02",
                                "name": (
                                    "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan Capaian "
                                    "Kinerja Kebijakan Kesejahteraan Rakyat Bidang Kesehatan"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "143316000",
                                "realisasi": "73796000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan "
                                            "Capaian Kinerja Kebijakan Kesejahteraan Rakyat Bidang "
                                            "Kesehatan"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Koordinasi, Sinkronisasi, "
                                            "Evaluasi dan Capaian Kinerja Kebijakan Kesejahteraan "
                                            "Rakyat Bidang Kesehatan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.04.1.02.03",
                                "name": (
                                    "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan Capaian "
                                    "Kinerja Kebijakan Kesejahteraan Rakyat Bidang Sosial"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "209920000",
                                "realisasi": "84670000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan "
                                            "Capaian Kinerja Kebijakan Kesejahteraan Rakyat Bidang "
                                            "Sosial"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Koordinasi, Sinkronisasi, "
                                            "Evaluasi dan Capaian Kinerja Kebijakan Kesejahteraan "
                                            "Rakyat Bidang Sosial"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "code": "4.01.04.1.03",
                        "name": "Fasilitasi Pengembangan Kesejahteraan Rakyat Non Pelayanan Dasar",
                        "level": "kegiatan",
                        "responsible_unit": "biro-pemkesra",
                        "printed": {
                            "pagu": "264748000",
                            "realisasi": "117114000",
                            "percent": "44.24",
                        },
                        "indicators": [],
                        "children": [
                            {
                                "code": "4.01.04.1.03.01",
                                "name": (
                                    "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan Rakyat "
                                    "Bidang Kepemudaan, Olahraga, Kebudayaan dan Pariwisata"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "79596000",
                                "realisasi": "65836000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan "
                                            "Rakyat Bidang Kepemudaan, Olahraga, Kebudayaan dan "
                                            "Pariwisata"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Koordinasi dan Sinkronisasi "
                                            "Kebijakan Kesejahteraan Rakyat Bidang Kepemudaan, "
                                            "Olahraga, Kebudayaan dan Pariwisata"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.04.1.03.02",
                                "name": (
                                    "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan Rakyat "
                                    "Bidang Pemberdayaan Perempuan dan Perlindungan Anak, "
                                    "Pengendalian Penduduk dan Keluarga Berencana, Administrasi "
                                    "Kependudukan dan Pencatatan Sipil, Pemberdayaan Masyarakat "
                                    "dan Desa, Transmigrasi dan Tenaga Kerja"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "123976000",
                                "realisasi": "27076000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan "
                                            "Rakyat Bidang Pemberdayaan Perempuan dan Perlindungan "
                                            "Anak, Pengendalian Penduduk dan Keluarga Berencana, "
                                            "Administrasi Kependudukan dan Pencatatan Sipil, "
                                            "Pemberdayaan Masyarakat dan Desa, Transmigrasi dan "
                                            "Tenaga Kerja"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya Koordinasi dan Sinkronisasi Kebijakan "
                                            "Kesejahteraan Rakyat Bidang Pemberdayaan Perempuan "
                                            "dan Perlindungan Anak, Pengendalian Penduduk dan "
                                            "Keluarga Berencana, Administrasi Kependudukan dan "
                                            "Pencatatan Sipil, Pemberdayaan Masyarakat dan Desa, "
                                            "Transmigrasi dan Tenaga Kerja"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                            {
                                "code": "4.01.04.1.03.03",
                                "name": (
                                    "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan Rakyat "
                                    "Bidang Komunikasi, Informatika, Statistik, Persandian, dan "
                                    "Perhubungan"
                                ),
                                "level": "sub_kegiatan",
                                "pagu_dpa": None,
                                "pagu_dppa": "61176000",
                                "realisasi": "24202000",
                                "indicators": [
                                    {
                                        "statement": (
                                            "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan "
                                            "Rakyat Bidang Komunikasi, Informatika, Statistik, "
                                            "Persandian, dan Perhubungan"
                                        ),
                                        "satuan": "Dokumen",
                                        "polarity": "higher",
                                        "value_type": "number",
                                        "cumulative": True,
                                        "target": "1",
                                        "realisation": "1",
                                        "narrative": (
                                            "Tersusunnya dokumen Koordinasi dan Sinkronisasi "
                                            "Kebijakan Kesejahteraan Rakyat Bidang Komunikasi, "
                                            "Informatika, Statistik, Persandian, dan Perhubungan"
                                        ),
                                        "obstacles": "",
                                        "levels": [],
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
    },
]

# Unit-level cumulative percentages of the monthly report (Tabel 3.2 / 8.5).
MONTHLY = [
    {
        "unit": "biro-pemerintahan",
        "year": 2020,
        "rows": [
            {
                "month": 1,
                "target_fisik": "4.21",
                "target_keuangan": "3.02",
                "realisasi_fisik": "4.45",
                "realisasi_keuangan": "0.00",
            },
            {
                "month": 2,
                "target_fisik": "18.48",
                "target_keuangan": "18.48",
                "realisasi_fisik": "14.79",
                "realisasi_keuangan": "12.91",
            },
            {
                "month": 3,
                "target_fisik": "33.37",
                "target_keuangan": "33.37",
                "realisasi_fisik": "23.33",
                "realisasi_keuangan": "17.55",
            },
            {
                "month": 4,
                "target_fisik": "45.94",
                "target_keuangan": "45.94",
                "realisasi_fisik": "26.99",
                "realisasi_keuangan": "22.17",
            },
            {
                "month": 5,
                "target_fisik": "55.53",
                "target_keuangan": "55.53",
                "realisasi_fisik": "27.86",
                "realisasi_keuangan": "30.67",
            },
            {
                "month": 6,
                "target_fisik": "60.86",
                "target_keuangan": "60.86",
                "realisasi_fisik": "34.96",
                "realisasi_keuangan": "32.11",
            },
            {
                "month": 7,
                "target_fisik": "69.44",
                "target_keuangan": "69.44",
                "realisasi_fisik": "39.91",
                "realisasi_keuangan": "33.56",
            },
            {
                "month": 8,
                "target_fisik": "75.18",
                "target_keuangan": "75.18",
                "realisasi_fisik": "44.47",
                "realisasi_keuangan": "38.43",
            },
            {
                "month": 9,
                "target_fisik": "85.14",
                "target_keuangan": "85.14",
                "realisasi_fisik": "67.08",
                "realisasi_keuangan": "40.48",
            },
            {
                "month": 10,
                "target_fisik": "91.39",
                "target_keuangan": "91.39",
                "realisasi_fisik": "72.39",
                "realisasi_keuangan": "45.35",
            },
            {
                "month": 11,
                "target_fisik": "95.50",
                "target_keuangan": "95.50",
                "realisasi_fisik": "82.19",
                "realisasi_keuangan": "54.99",
            },
            {
                "month": 12,
                "target_fisik": "100.00",
                "target_keuangan": "100.00",
                "realisasi_fisik": "98.53",
                "realisasi_keuangan": "65.16",
            },
        ],
    },
]

# Sasaran strategis of Tabel 8.3 with their indicators; 2019 from Tabel 8.2.
SASARAN = [
    {
        "code": "SS-01",
        "unit": "biro-pemerintahan",
        "statement": (
            "Meningkatnya Penyelenggaraan Pemerintahan yang Akuntabel, Efektif dan Efisien"
        ),
        "document": (
            "Renstra Sekretariat Daerah Provinsi Banten 2017-2022 (RPJMD Provinsi Banten 2017-2022)"
        ),
        "period_start": 2017,
        "period_end": 2022,
        "program": "Tata Kelola Pemerintahan",
        "program_codes": {2020: "01"},
        "indicators": [
            {
                "statement": "Nilai IKM",
                "satuan": "Skala",
                "polarity": "higher",
                "value_type": "number",
                "cumulative": False,
                "levels": [],
                "medium_term_targets": {2020: "3.3"},
                "targets": {2020: "3.3"},
                "realisations": {2020: "3.3"},
                "achievements": {2019: "80", 2020: "100"},
            },
        ],
    },
    {
        "code": "SS-02",
        "unit": "biro-pemerintahan",
        "statement": "Meningkatnya Kerjasama dan Penyelenggaraan Administrasi Pemerintahan",
        "document": (
            "Renstra Sekretariat Daerah Provinsi Banten 2017-2022 (RPJMD Provinsi Banten 2017-2022)"
        ),
        "period_start": 2017,
        "period_end": 2022,
        "program": "Perumusan Kebijakan Pemerintahan",
        "program_codes": {2020: "02"},
        "indicators": [
            {
                "statement": "Persentase Keselarasan Kebijakan di Bidang Pemerintahan",
                "satuan": "%",
                "polarity": "higher",
                "value_type": "percent",
                "cumulative": False,
                "levels": [],
                "medium_term_targets": {2020: "75"},
                "targets": {2020: "100"},
                "realisations": {2020: "82.81"},
                "achievements": {2019: "90.35", 2020: "82.81"},
            },
        ],
    },
]

# Tabel 8.2, column "Realisasi 2019" (capaian %, kegiatan and program).
PREVIOUS_YEAR = [
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "program",
        "node": "01",
        "name": "Tata Kelola Pemerintahan: Nilai IKM (skala)",
        "achievement": "80",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "01.01",
        "name": "Tata Usaha Pemerintahan",
        "achievement": "80",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "program",
        "node": "02",
        "name": (
            "Perumusan Kebijakan Pemerintahan: Persentase Keselarasan Kebijakan di Bidang "
            "Pemerintahan"
        ),
        "achievement": "90.35",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.01",
        "name": "Penyelenggaraan Kerjasama Daerah",
        "achievement": "75",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.02",
        "name": "Penyelenggaraan Kerjasama Luar Negeri",
        "achievement": "77.78",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.03",
        "name": "Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan",
        "achievement": "100",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.04",
        "name": "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan",
        "achievement": "100",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.05",
        "name": "Penataan Wilayah Administrasi dan Batas Daerah",
        "achievement": "80",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.06",
        "name": "Evaluasi Kinerja Pemerintah Daerah",
        "achievement": "100",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.07",
        "name": "Penataan Daerah Otonom",
        "achievement": "90",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
    {
        "unit": "biro-pemerintahan",
        "year": 2019,
        "level": "kegiatan",
        "node": "02.08",
        "name": "Administrasi Kepala Daerah dan DPRD",
        "achievement": "100",
        "source": "Tabel 8.2, kolom Realisasi 2019",
    },
]

# Perjanjian Kinerja 2020 of BAB VIII 8.1, per eselon.
PERFORMANCE_AGREEMENTS = [
    {
        "unit": "biro-pemerintahan",
        "year": 2020,
        "eselon": "II",
        "superior_unit": "setda",
        "superior_title": "Sekretaris Daerah Provinsi Banten",
        "title": (
            "Perjanjian Kinerja Eselon II (Kepala Biro dengan Sekretaris Daerah Provinsi Banten)"
        ),
        "rows": [
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Capaian kesesuaian dengan parameter penilaian dokumen perencanaan, evaluasi "
                    "dan pelaporan perangkat daerah"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Persentase sarana prasarana perkantoran yang mendukung kelancaran tugas dan "
                    "fungsi administratif perangkat daerah"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Persentase terwujudnya peningkatan kapasitas sumber daya aparatur yang "
                    "mendukung kelancaran tugas dan fungsi SKPD"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Persentase terwujudnya penata usaha keuangan dan pencapaian kinerja program "
                    "yang mendukung kelancaran tugas dan fungsi SKPD"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "02",
                "subject": "Perumusan Kebijakan Pemerintahan",
                "node": "02",
                "statement": "Persentase Realisasi Kebijakan Kerjasama Pemerintahan",
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "02",
                "subject": "Perumusan Kebijakan Pemerintahan",
                "node": "02",
                "statement": "Capaian Laporan Penyelenggaraan Pemerintah Daerah Provinsi Banten",
                "satuan": "%",
                "target": "100",
            },
        ],
    },
    {
        "unit": "bagian-kerjasama",
        "year": 2020,
        "eselon": "III",
        "superior_unit": "biro-pemerintahan",
        "superior_title": "Kepala Biro Pemerintahan Setda Provinsi Banten",
        "title": (
            "Perjanjian Kinerja Eselon III (Kepala Bagian Kerjasama dengan Kepala Biro "
            "Pemerintahan)"
        ),
        "rows": [
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Capaian kesesuaian dengan parameter penilaian dokumen perencanaan, evaluasi "
                    "dan pelaporan perangkat daerah"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Persentase sarana prasarana perkantoran yang mendukung kelancaran tugas dan "
                    "fungsi administratif perangkat daerah"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Persentase terwujudnya penata usaha keuangan dan pencapaian kinerja program "
                    "yang mendukung kelancaran tugas dan fungsi SKPD"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "01",
                "subject": "Tata Kelola Pemerintahan Biro Pemerintahan",
                "node": "01",
                "statement": (
                    "Persentase terwujudnya peningkatan kapasitas sumber daya aparatur yang "
                    "mendukung kelancaran tugas dan fungsi SKPD"
                ),
                "satuan": "%",
                "target": "100",
            },
            {
                "level": "program",
                "subject_code": "02",
                "subject": "Perumusan Kebijakan Pemerintahan",
                "node": "02",
                "statement": "Persentase realisasi kebijakan kerjasama pemerintahan",
                "satuan": "%",
                "target": "100",
            },
        ],
    },
    {
        "unit": "bagian-apod",
        "year": 2020,
        "eselon": "III",
        "superior_unit": "biro-pemerintahan",
        "superior_title": "Kepala Biro Pemerintahan Setda Provinsi Banten",
        "title": (
            "Perjanjian Kinerja Eselon III (Kepala Bagian Administrasi Pemerintahan dan Otonomi "
            "Daerah)"
        ),
        "rows": [
            {
                "level": "program",
                "subject_code": "02",
                "subject": "Perumusan Kebijakan Pemerintahan",
                "node": "02",
                "statement": (
                    "Persentase realisasi kebijakan administrasi pemerintahan dan otonomi daerah"
                ),
                "satuan": "%",
                "target": "100",
            },
        ],
    },
    {
        "unit": "bagian-kewilayahan",
        "year": 2020,
        "eselon": "III",
        "superior_unit": "biro-pemerintahan",
        "superior_title": "Kepala Biro Pemerintahan Setda Provinsi Banten",
        "title": (
            "Perjanjian Kinerja Eselon III (Kepala Bagian Administrasi Kewilayahan dengan Kepala "
            "Biro Pemerintahan Setda Provinsi Banten)"
        ),
        "rows": [
            {
                "level": "program",
                "subject_code": "02",
                "subject": "Perumusan Kebijakan Pemerintahan",
                "node": "02",
                "statement": "Persentase realisasi kebijakan administrasi kewilayahan",
                "satuan": "%",
                "target": "100",
            },
        ],
    },
    {
        "unit": "subbag-tu",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-kerjasama",
        "superior_title": "Kepala Bagian Kerjasama",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Tata Usaha Biro)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "01.01",
                "subject": "Tata Usaha Pemerintahan",
                "node": "01.01.01",
                "statement": "Tersusunnya laporan kinerja keuangan dan asset",
                "satuan": "Kegiatan",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "01.01",
                "subject": "Tata Usaha Pemerintahan",
                "node": "01.01.02",
                "statement": "Terlaksananya perencanaan, evaluasi dan pelaporan",
                "satuan": "Kegiatan",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "01.01",
                "subject": "Tata Usaha Pemerintahan",
                "node": "01.01.03",
                "statement": "Terlaksananya pengadaan barang dan jasa perkantoran",
                "satuan": "Kegiatan",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "01.01",
                "subject": "Tata Usaha Pemerintahan",
                "node": "01.01.04",
                "statement": "Terlaksananya koordinasi ke dalam dan ke luar daerah",
                "satuan": "Kegiatan",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "01.01",
                "subject": "Tata Usaha Pemerintahan",
                "node": "01.01.05",
                "statement": "Terlaksananya peningkatan kapasitas aparatur",
                "satuan": "Kegiatan",
                "target": "1",
            },
        ],
    },
    {
        "unit": "subbag-kerjasama-daerah",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-kerjasama",
        "superior_title": "Kepala Bagian Kerjasama",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Kerjasama Daerah)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.01",
                "subject": "Penyelenggaraan Kerjasama Daerah",
                "node": "02.01.02",
                "statement": "Tersusunnya Rumusan Kebijakan Teknis Kerjasama Daerah",
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.01",
                "subject": "Penyelenggaraan Kerjasama Daerah",
                "node": "02.01.01",
                "statement": "Terlaksananya penyelenggaraan kerjasama daerah",
                "satuan": "Dokumen",
                "target": "5",
            },
        ],
    },
    {
        "unit": "subbag-kln",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-kerjasama",
        "superior_title": "Kepala Bagian Kerjasama",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Kerjasama Luar Negeri)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.02",
                "subject": "Penyelenggaraan Kerjasama Luar Negeri",
                "node": "02.02.02",
                "statement": "Tersusunnya rumusan kebijakan teknis kerjasama luar negeri",
                "satuan": "Dokumen",
                "target": "0",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.02",
                "subject": "Penyelenggaraan Kerjasama Luar Negeri",
                "node": "02.02.01",
                "statement": "Terselenggaranya kerjasama luar negeri",
                "satuan": "Dokumen",
                "target": "2",
            },
        ],
    },
    {
        "unit": "subbag-pdo",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-apod",
        "superior_title": "Kepala Bagian Administrasi Pemerintahan dan Otonomi Daerah",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Penataan Daerah Otonom)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.07",
                "subject": "Penataan Daerah Otonom",
                "node": "02.07.01",
                "statement": "Tersusunnya rancangan kebijakan penataan daerah",
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.07",
                "subject": "Penataan Daerah Otonom",
                "node": "02.07.02",
                "statement": "Terlaksananya penataan daerah otonom",
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.07",
                "subject": "Penataan Daerah Otonom",
                "node": "02.07.03",
                "statement": "Terlaksananya penyelesaian permasalahan asset pemerintahan daerah",
                "satuan": "Dokumen",
                "target": "2",
            },
        ],
    },
    {
        "unit": "subbag-ekppd",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-apod",
        "superior_title": "Kepala Bagian Administrasi Pemerintahan dan Otonomi Daerah",
        "title": (
            "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Evaluasi Kinerja Penyelenggaraan "
            "Pemerintah Daerah)"
        ),
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.06",
                "subject": "Evaluasi Kinerja Pemerintahan Daerah",
                "node": "02.06.01",
                "statement": "Tersusunnya rumusan kebijakan evaluasi kinerja pemerintahan daerah",
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.06",
                "subject": "Evaluasi Kinerja Pemerintahan Daerah",
                "node": "02.06.02",
                "statement": "Tersusunnya LPPD dan IKK Provinsi Banten",
                "satuan": "Dokumen",
                "target": "2",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.06",
                "subject": "Evaluasi Kinerja Pemerintahan Daerah",
                "node": "02.06.03",
                "statement": (
                    "Terselenggaranya pembinaan penyelenggaraan pemerintah Daerah Kabupaten/Kota"
                ),
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.06",
                "subject": "Evaluasi Kinerja Pemerintahan Daerah",
                "node": "02.06.04",
                "statement": "Terlaksananya Evaluasi Kinerja Penyelenggaraan Pemerintah Daerah",
                "satuan": "Dokumen",
                "target": "9",
            },
        ],
    },
    {
        "unit": "subbag-adpem",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-apod",
        "superior_title": "Kepala Bagian Administrasi Pemerintahan dan Otonomi Daerah",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Administrasi Pemerintahan)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.08",
                "subject": "Administrasi Kepala Daerah dan DPRD",
                "node": "02.08.01",
                "statement": "Tersusunnya rancangan kebijakan administrasi pemerintahan",
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.08",
                "subject": "Administrasi Kepala Daerah dan DPRD",
                "node": "02.08.02",
                "statement": "Terlaksananya administrasi kepala daerah dan DPRD",
                "satuan": "Dokumen",
                "target": "1",
            },
        ],
    },
    {
        "unit": "subbag-batas",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-kewilayahan",
        "superior_title": "Kepala Bagian Administrasi Kewilayahan",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Batas Daerah)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.05",
                "subject": "Penataan Wilayah Administrasi dan Batas Daerah",
                "node": "02.05.01",
                "statement": "Terlaksananya Administrasi Batas Daerah",
                "satuan": "Kegiatan",
                "target": "2",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.05",
                "subject": "Penataan Wilayah Administrasi dan Batas Daerah",
                "node": "02.05.02",
                "statement": (
                    "Terlaksananya kegiatan pembangunan dan pemeliharaan pilar batas daerah"
                ),
                "satuan": "Kegiatan",
                "target": "2",
            },
        ],
    },
    {
        "unit": "subbag-rupabumi",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-kewilayahan",
        "superior_title": "Kepala Bagian Administrasi Kewilayahan",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Administrasi Rupabumi)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.03",
                "subject": (
                    "Penyusunan Administrasi Rupabumi dan Kode Data Wilayah Administrasi "
                    "Pemerintahan"
                ),
                "node": "02.03.01",
                "statement": "Tersusunnya administrasi Rupabumi",
                "satuan": "Dokumen",
                "target": "4",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.03",
                "subject": (
                    "Penyusunan Administrasi Rupabumi dan Kode Data Wilayah Administrasi "
                    "Pemerintahan"
                ),
                "node": "02.03.02",
                "statement": (
                    "Terlaksananya Administrasi Kode dan Data Wilayah Administrasi Pemerintahan "
                    "Provinsi Banten"
                ),
                "satuan": "Dokumen",
                "target": "2",
            },
        ],
    },
    {
        "unit": "subbag-bina-kecamatan",
        "year": 2020,
        "eselon": "IV",
        "superior_unit": "bagian-kewilayahan",
        "superior_title": "Kepala Bagian Administrasi Kewilayahan",
        "title": "Perjanjian Kinerja Eselon IV (Kepala Sub Bagian Administrasi Bina Kecamatan)",
        "rows": [
            {
                "level": "kegiatan",
                "subject_code": "02.04",
                "subject": "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan",
                "node": "02.04.01",
                "statement": "Tersusunnya rancangan kebijakan teknis Kecamatan dan Kelurahan",
                "satuan": "Dokumen",
                "target": "1",
            },
            {
                "level": "kegiatan",
                "subject_code": "02.04",
                "subject": "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan",
                "node": "02.04.02",
                "statement": (
                    "Terlaksananya pembinaan penyelenggaraan pelayanan administrasi Kecamatan dan "
                    "Kelurahan"
                ),
                "satuan": "Dokumen",
                "target": "4",
            },
        ],
    },
]

# Report text, plain (markup removed).
NARRATIVES = {
    ("biro-pemerintahan", 2020): {
        "kata_pengantar": (
            "Assalamu'alaikum Wr.Wb.\nPuji dan syukur kami panjatkan ke hadirat Allah SWT, karena "
            "pada awal tahun anggaran 2021 ini, Biro Pemerintahan Sekretariat Daerah Provinsi "
            "Banten telah menyusun Bahan Evaluasi Kinerja Akhir Tahun Anggaran 2020 lingkup "
            "penyelenggaraan urusan desentralisasi, dekonsentrasi dan tugas pembantuan, kerjasama, "
            "pertanahan, kependudukan dan fasilitasi penyelenggaraan pemerintahan.\nEvaluasi ini "
            "merupakan pertanggungjawaban pelaksanaan tugas, fungsi dan kewenangan yang berisi "
            "sasaran, program, penjelasan tentang kinerja kegiatan, capaian kinerja dan analisis "
            "capaian kinerja Biro Pemerintahan Sekretariat Daerah Provinsi Banten dalam rangka "
            "mencapai Visi dan Misi Sekretariat Daerah Provinsi Banten Tahun 2017-2022\nAkhirnya, "
            "kami berharap agar informasi yang disajikan dalam Evaluasi Kinerja Akhir Tahun "
            "Anggaran 2020 dapat dimanfaatkan untuk melakukan evaluasi atas kinerja pembangunan "
            "serta koreksi atas kelemahan yang ada dan dapat mempertajam prioritas rencana "
            "pembangunan di tahun yang akan datang sehingga dapat meningkatkan kinerja pembangunan "
            'untuk "Terwujudnya Peningkatan Kualitas Kinerja Sekretariat Daerah Provinsi Banten '
            "Menuju Tata Kelola Pemerintahan Yang Baik\".\nWassalamu'alaikum Wr.Wb.\nSerang, 7 "
            "Januari 2021"
        ),
        "latar_belakang": (
            "Laporan Evaluasi Kinerja Program, Kegiatan dan Anggaran Biro Pemerintahan Sekretariat "
            "Daerah Provinsi Banten Akhir Tahun Anggaran 2020 ini disusun sebagai bagian integral "
            "dari siklus akuntabilitas kinerja pelaksanaan program kegiatan Satuan Kinerja "
            "Pemerintah Daerah Provinsi Banten. Laporan Evaluasi Kinerja bagi Biro Pemerintahan "
            "Sekretariat Daerah Provinsi Banten adalah sebagai wujud implementasi pengendalian "
            "manajemen yang berkenaan dengan penyelenggaraan urusan desentralisasi, dekonsentrasi "
            "dan tugas pembantuan. Sistem pengendalian ini sebagai mekanisme untuk mengukur "
            "sejauhmana pencapaian kinerja perencanaan tahunan terhadap Visi, Misi, Strategi dan "
            "Sasaran program kegiatan yang tertuang dalam Rencana Strategis Sekretariat Daerah "
            "Provinsi Banten tahun 2017 – 2022."
        ),
        "permasalahan": (
            "Secara umum tidak terdapat permasalahan dalam pelaksanaan Program dan Kegiatan pada "
            "Biro Pemerintahan yang mengganggu jalannya kinerja pada tahun 2020. Rendahnya "
            "penyerapan lebih di dasarkan kepada hal-hal teknis yang terjadi selama tahun 2020, "
            "diantaranya :\n1. Belum keluarnya Peraturan Menteri Dalam Negeri terkait Kerjasama "
            "Daerah;\n2. Belum adanya rincian dan indikator terkait pengukuran nilai IKM;"
        ),
        "solusi": (
            "Secara umum, tindak lanjut untuk memperbaiki dan meningkatkan Capaian Kinerja Input, "
            "Output, Outcomes dan Program adalah Personil pelaksana kegiatan dari mulai Kordinator "
            "PPTK, Pejabat Pelaksanan Teknis Kegiatan (PPTK) serta Tenaga Pendukung Teknis maupun "
            "Administrasi harus :\n1. Mempedomani peraturan perundangan yang melandasi perencanaan "
            "dan pelaksanaan kegiatan;\n2. Memahami pelaksanaan kegiatan yang telah direncanakan "
            "dan ditetapkan dalam DPA maupun DPPA;\n3. Melaksanakan kegiatan dengan mengacu kepada "
            "TOR/Kerangka Acuan Kegiatan, ROK/Rencana Operasional Kegiatan, Penjadwalan dan Cash "
            "Budgetting yang telah ditetapkan;\n4. Diharapkan dalam hal penyerapan anggaran sudah "
            "dapat di laksanakan pada awal tahun (Bulan Januari);"
        ),
        "penutup": (
            "Penyusunan laporan evaluasi kinerja Biro Pemerintahan Sekretariat Daerah Provinsi "
            "Banten akhir tahun anggaran 2020 sebagai bentuk akuntabilitas kinerja yang dicapai "
            "oleh Satuan Kerja Perangkat Daerah (SKPD) selama satu tahun anggaran. Evaluasi "
            "kinerja menyajikan informasi capaian indikator kinerja input, output, outcome dan "
            "capaian program tahunan pelaksanaan program dan kegiatan tahun anggaran 2020.\nDalam "
            "rangka perbaikan kinerja pada tahun mendatang, Biro Pemerintahan Sekretariat Daerah "
            "Provinsi Banten difokuskan kepada upaya pencapaian kinerja berdasarkan Renstra "
            "Sekretariat Daerah Provinsi Banten tahun 2017-2022."
        ),
    },
}

# Header of Lampiran 1.
LAMPIRAN_2021 = {
    "title": "Laporan Kinerja Pemerintah Satuan Kerja Perangkat Daerah Tahun Anggaran 2021",
    "skpd": "Biro Pemerintahan dan Kesejahteraan Rakyat Setda Provinsi Banten",
    "fungsi": "Urusan Pemerintahan Fungsi Penunjang",
    "sub_fungsi": "Administrasi Pemerintahan",
    "provinsi": "Banten",
    "place_date": "Serang, Desember 2021",
    "signed_by": {"unit": "biro-pemkesra", "year": 2021},
}
