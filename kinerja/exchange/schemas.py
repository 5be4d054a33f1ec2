"""The tables Kinerja exchanges: their columns, the headers the export writes, the other
spellings an import recognises, and what each column holds. Pure Python, no Django.

Import kinds: ``plan``, ``indicators``, ``monthly-plan``, ``monthly-realisation`` (Kinerja's
own templates, which are also what the export writes) and ``lampiran1`` (the budget
annex of a Laporan Kinerja, as in the seed report). Export datasets: the four templates plus
``achievements`` (computed) and ``audit`` (the audit trail)."""

from __future__ import annotations

from dataclasses import dataclass, field

# column types: how a cell is read and written
CODE, TEXT, LONGTEXT, MONEY, PERCENT, QUANTITY, MONTH, INT, BOOL, CHOICE, LABELS, TARGET = (
    "code",
    "text",
    "longtext",
    "money",
    "percent",
    "quantity",
    "month",
    "int",
    "bool",
    "choice",
    "labels",
    "target",
)
NUMERIC = {MONEY, PERCENT, QUANTITY}


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header the export writes
    type: str
    required: bool = False
    synonyms: tuple[str, ...] = ()  # other headers recognised on import (normalised)
    help: str = ""  # what the column holds (the Petunjuk sheet, the documentation)
    example: str = ""
    informative: bool = False  # written by the export, checked but never stored by an import


@dataclass(frozen=True)
class Schema:
    name: str  # the kind / dataset key
    title: str  # sheet name and human title
    stem: str  # file name stem
    columns: tuple[Column, ...]
    description: str
    importable: bool = True
    notes: tuple[str, ...] = field(default=())

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


LEVELS = {
    "program": "program",
    "kegiatan": "kegiatan",
    "subkegiatan": "sub_kegiatan",
    "tolokukur": "tolok_ukur",
}
LEVEL_LABEL = {
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
    "tolok_ukur": "tolok ukur",
}
BUDGETS = {"dpa": "dpa", "murni": "dpa", "dppa": "dppa", "perubahan": "dppa"}
BUDGET_LABEL = {"dpa": "DPA", "dppa": "DPPA"}
KINDS = {
    "keluaran": "output",
    "output": "output",
    "hasil": "outcome",
    "outcome": "outcome",
    "program": "program",
    "capaianprogram": "program",
}
KIND_LABEL = {"output": "keluaran", "outcome": "hasil", "program": "program", "sasaran": "sasaran"}
POLARITIES = {
    "naik": "higher",
    "higher": "higher",
    "tinggi": "higher",
    "semakintinggisemakinbaik": "higher",
    "positif": "higher",
    "turun": "lower",
    "lower": "lower",
    "rendah": "lower",
    "semakinrendahsemakinbaik": "lower",
    "negatif": "lower",
}
POLARITY_LABEL = {"higher": "naik", "lower": "turun"}
VALUE_TYPES = {
    "angka": "number",
    "number": "number",
    "jumlah": "number",
    "persen": "percent",
    "percent": "percent",
    "persentase": "percent",
    "rentang": "range",
    "range": "range",
    "kualitatif": "qualitative",
    "qualitative": "qualitative",
    "label": "qualitative",
}
VALUE_TYPE_LABEL = {
    "number": "angka",
    "percent": "persen",
    "range": "rentang",
    "qualitative": "kualitatif",
}
MODES = {"jenjang": "levels", "levels": "levels", "tercapai": "met", "met": "met"}
MODE_LABEL = {"levels": "jenjang", "met": "tercapai"}

_CODE = Column(
    "kode",
    "Kode",
    CODE,
    required=True,
    synonyms=("kode", "kd", "kode rekening", "no kode", "kode program kegiatan", "nomor kode"),
    help="Kode program, kegiatan atau sub kegiatan sebagai teks, mis. 4.01.01.1.01.07. "
    "Induk dikenali dari kodenya: 4.01.01 adalah induk 4.01.01.1.01.",
    example="4.01.01.1.01.07",
)
_NAME_SYNONYMS = (
    "uraian",
    "nama",
    "program",
    "kegiatan",
    "sub kegiatan",
    "program kegiatan",
    "program kegiatan sub kegiatan",
    "nama program kegiatan sub kegiatan",
    "nama program kegiatan",
    "uraian program kegiatan",
    "nama kegiatan",
    "tolok ukur",
)
_NAME = Column(
    "uraian",
    "Uraian",
    TEXT,
    required=True,
    synonyms=_NAME_SYNONYMS,
    help="Nama program, kegiatan atau sub kegiatan.",
    example="Evaluasi Kinerja Perangkat Daerah",
)
_NAME_INFO = Column(
    "uraian",
    "Uraian",
    TEXT,
    synonyms=_NAME_SYNONYMS,
    informative=True,
    help="Nama simpul, hanya untuk dibaca: bila berbeda dari nama yang tersimpan, impor "
    "memberi peringatan (periksa kodenya).",
)
_MONTH = Column(
    "bulan",
    "Bulan",
    MONTH,
    required=True,
    synonyms=("bulan", "bln", "month"),
    help="Bulan 1 sampai 12, atau namanya (Maret).",
    example="3",
)
_INDICATOR_NO = Column(
    "indikator_ke",
    "Indikator ke",
    INT,
    synonyms=("indikator ke", "no indikator", "nomor indikator", "urutan indikator", "ke"),
    help="Nomor urut indikator pada simpul itu, mulai 1.",
    example="1",
)

PLAN = Schema(
    name="plan",
    title="Rencana",
    stem="rencana",
    description="Susunan rencana (program, kegiatan, sub kegiatan atau tolok ukur) dan pagunya.",
    columns=(
        _CODE,
        _NAME,
        Column(
            "tingkat",
            "Tingkat",
            CHOICE,
            synonyms=("tingkat", "level", "jenjang simpul"),
            help="program, kegiatan, sub kegiatan atau tolok ukur. Bila kosong, tingkat "
            "dibaca dari kedalaman kode: akar = program, anaknya = kegiatan, cucunya = "
            "sub kegiatan (atau tolok ukur untuk rencana bersusunan tolok ukur).",
            example="sub kegiatan",
        ),
        Column(
            "pagu_dpa",
            "Pagu DPA (Rp)",
            MONEY,
            synonyms=("pagu dpa", "dpa", "pagu murni", "anggaran murni", "pagu dpa rp"),
            help="Pagu menurut DPA (anggaran murni), hanya pada sub kegiatan/tolok ukur; "
            "pagu program dan kegiatan adalah jumlah anak-anaknya.",
            example="9.100.000",
        ),
        Column(
            "pagu_dppa",
            "Pagu DPPA (Rp)",
            MONEY,
            synonyms=("pagu dppa", "dppa", "pagu perubahan", "anggaran perubahan"),
            help="Pagu menurut DPPA (anggaran perubahan), bila ada.",
            example="",
        ),
        Column(
            "anggaran_berlaku",
            "Anggaran berlaku",
            CHOICE,
            synonyms=("anggaran berlaku", "pagu berlaku", "anggaran yang berlaku"),
            help="DPA atau DPPA: pagu mana yang dipakai. Bila kosong pada baris baru: DPPA "
            "bila pagu DPPA diisi, selain itu DPA.",
            example="DPA",
        ),
        Column(
            "unit_pj",
            "Unit penanggung jawab",
            TEXT,
            synonyms=("unit penanggung jawab", "penanggung jawab", "unit pj", "pj"),
            help="Slug unit kerja penanggung jawab (lihat `kinerja units`), boleh kosong.",
            example="biro-pemkesra",
        ),
    ),
    notes=(
        "Baris yang tidak ada di berkas dibiarkan; impor tidak pernah menghapus.",
        "Rencana yang belum ada dibuat; nomenklatur dan susunannya diambil dari lembar Info "
        "(XLSX) atau bagian meta (JSON), selain itu dari rencana tahun sebelumnya.",
    ),
)

INDICATORS = Schema(
    name="indicators",
    title="Indikator dan target",
    stem="indikator",
    description="Indikator setiap simpul rencana dan target tahunannya.",
    columns=(
        Column(
            "kode",
            "Kode",
            CODE,
            required=True,
            synonyms=_CODE.synonyms,
            help="Kode simpul rencana tempat indikator berada; simpul harus sudah ada.",
            example="4.01.01.1.01.02",
        ),
        _NAME_INFO,
        _INDICATOR_NO,
        Column(
            "jenis",
            "Jenis",
            CHOICE,
            synonyms=("jenis", "jenis indikator"),
            help="keluaran, hasil atau program. Bila kosong pada indikator baru: program "
            "untuk program, hasil untuk kegiatan, keluaran untuk sub kegiatan.",
            example="keluaran",
        ),
        Column(
            "indikator",
            "Indikator",
            TEXT,
            required=True,
            synonyms=("indikator", "indikator kinerja", "tolok ukur kinerja", "nama indikator"),
            help="Bunyi indikator.",
            example="Koordinasi dan Penyusunan Dokumen RKA-SKPD",
        ),
        Column(
            "satuan",
            "Satuan",
            TEXT,
            synonyms=("satuan",),
            help="Satuan: Dokumen, Kegiatan, %, Skala, Orang...",
            example="Kegiatan",
        ),
        Column(
            "arah",
            "Arah",
            CHOICE,
            synonyms=("arah", "polaritas", "arah indikator"),
            help="naik (semakin tinggi semakin baik) atau turun (semakin rendah semakin baik).",
            example="naik",
        ),
        Column(
            "tipe",
            "Tipe nilai",
            CHOICE,
            synonyms=("tipe nilai", "tipe", "jenis nilai"),
            help="angka, persen, rentang (target a–b) atau kualitatif (label).",
            example="angka",
        ),
        Column(
            "akumulatif",
            "Akumulatif",
            BOOL,
            synonyms=("akumulatif", "kumulatif"),
            help="ya: realisasi bulanan dijumlahkan (jumlah dokumen); tidak: nilai terakhir "
            "yang dipakai (%, indeks).",
            example="ya",
        ),
        Column(
            "jenjang",
            "Jenjang label",
            LABELS,
            synonyms=("jenjang label", "jenjang", "label"),
            help="Untuk indikator kualitatif: label dari yang terburuk, dipisah |, mis. "
            "C | B | BB | A.",
            example="",
        ),
        Column(
            "mode_kualitatif",
            "Mode kualitatif",
            CHOICE,
            synonyms=("mode kualitatif", "mode"),
            help="jenjang (label berjenjang) atau tercapai (tercapai/tidak).",
            example="jenjang",
        ),
        Column(
            "nilai_dasar",
            "Nilai dasar",
            QUANTITY,
            synonyms=("nilai dasar", "baseline", "kondisi awal"),
            help="Nilai dasar (baseline), boleh kosong.",
        ),
        Column(
            "nilai_dasar_label",
            "Nilai dasar (label)",
            TEXT,
            synonyms=("nilai dasar label", "baseline label"),
            help="Nilai dasar berupa label untuk indikator kualitatif.",
        ),
        Column(
            "target",
            "Target tahunan",
            TARGET,
            synonyms=("target tahunan", "target", "target kinerja"),
            help="Target tahun ini: angka (1.000 atau 98,5), rentang (10–20) atau label "
            "(WTP) sesuai tipe nilai.",
            example="1",
        ),
    ),
    notes=(
        "Indikator dikenali dari kode simpul dan nomor urutnya; indikator baru mendapat nomor "
        "berikutnya. Target triwulan/bulan dan target jangka menengah tidak ada di templat ini "
        "dan dibiarkan.",
    ),
)

MONTHLY_PLAN = Schema(
    name="monthly-plan",
    title="Rencana bulanan",
    stem="rencana-bulanan",
    description="Rencana fisik dan anggaran kas kumulatif setiap sub kegiatan per bulan.",
    columns=(
        Column(
            "kode",
            "Kode",
            CODE,
            required=True,
            synonyms=_CODE.synonyms,
            help="Kode sub kegiatan (atau tolok ukur); harus sudah ada di rencana.",
            example="4.01.01.1.01.02",
        ),
        _NAME_INFO,
        _MONTH,
        Column(
            "rencana_fisik",
            "Rencana fisik kumulatif (%)",
            PERCENT,
            synonyms=("rencana fisik kumulatif", "rencana fisik", "target fisik"),
            help="Target fisik kumulatif s.d. bulan ini, dalam persen (0–100).",
            example="25",
        ),
        Column(
            "anggaran_kas",
            "Anggaran kas kumulatif (Rp)",
            MONEY,
            synonyms=(
                "anggaran kas kumulatif",
                "anggaran kas",
                "rencana keuangan",
                "target keuangan",
            ),
            help="Anggaran kas kumulatif s.d. bulan ini, dalam rupiah.",
            example="625.000",
        ),
    ),
)

MONTHLY_REALISATION = Schema(
    name="monthly-realisation",
    title="Realisasi bulanan",
    stem="realisasi-bulanan",
    description="Realisasi keuangan dan fisik setiap sub kegiatan per bulan, dan realisasi "
    "indikatornya.",
    columns=(
        Column(
            "kode",
            "Kode",
            CODE,
            required=True,
            synonyms=_CODE.synonyms,
            help="Kode simpul; harus sudah ada di rencana.",
            example="4.01.01.1.01.02",
        ),
        _NAME_INFO,
        _MONTH,
        Column(
            "indikator_ke",
            "Indikator ke",
            INT,
            synonyms=_INDICATOR_NO.synonyms,
            help="Kosong: baris realisasi keuangan dan fisik sub kegiatan. Diisi: baris "
            "realisasi indikator ke-n simpul itu (kolom keluaran, yang dilaksanakan, kendala).",
            example="",
        ),
        Column(
            "indikator",
            "Indikator",
            TEXT,
            synonyms=("indikator",),
            informative=True,
            help="Bunyi indikator, hanya untuk dibaca.",
        ),
        Column(
            "realisasi_keuangan",
            "Realisasi keuangan bulan ini (Rp)",
            MONEY,
            synonyms=("realisasi keuangan bulan ini", "realisasi keuangan", "realisasi rp"),
            help="Rupiah yang dibelanjakan pada bulan ini saja (bukan kumulatif).",
            example="2.500.000",
        ),
        Column(
            "realisasi_fisik",
            "Realisasi fisik kumulatif (%)",
            PERCENT,
            synonyms=("realisasi fisik kumulatif", "realisasi fisik", "fisik"),
            help="Kemajuan fisik kumulatif s.d. bulan ini, dalam persen (0–100).",
            example="25",
        ),
        Column(
            "realisasi_keluaran",
            "Realisasi keluaran",
            TARGET,
            synonyms=("realisasi keluaran", "realisasi indikator", "realisasi output", "keluaran"),
            help="Realisasi indikator pada bulan ini (indikator akumulatif: jumlah bulan ini; "
            "selain itu: nilai yang dicapai), atau label untuk indikator kualitatif.",
            example="1",
        ),
        Column(
            "yang_dilaksanakan",
            "Yang dilaksanakan",
            LONGTEXT,
            synonyms=("yang dilaksanakan", "uraian kegiatan", "narasi", "keterangan"),
            help="Apa yang dilaksanakan.",
        ),
        Column(
            "kendala",
            "Kendala",
            LONGTEXT,
            synonyms=("kendala", "hambatan", "permasalahan"),
            help="Apa yang menghambat.",
        ),
    ),
    notes=(
        "Bulan yang sudah diajukan, diverifikasi atau dikunci tidak dapat diubah lewat impor; "
        "baris yang akan mengubahnya ditolak satu per satu dengan alasannya.",
    ),
)

LAMPIRAN1 = Schema(
    name="lampiran1",
    title="Lampiran 1",
    stem="lampiran-1",
    description="Lampiran 1 Laporan Kinerja: kode, uraian, anggaran, realisasi, rencana dan "
    "realisasi keluaran, satuan, keterangan. Induk dikenali dari kodenya.",
    columns=(
        _CODE,
        _NAME,
        Column(
            "anggaran",
            "Anggaran",
            MONEY,
            required=True,
            synonyms=(
                "anggaran",
                "belanja anggaran",
                "pagu",
                "pagu anggaran",
                "jumlah anggaran",
                "alokasi anggaran",
                "anggaran rp",
            ),
            help="Pagu yang berlaku; pada program dan kegiatan hanya diperiksa terhadap jumlah "
            "anak-anaknya.",
            example="9.100.000,00",
        ),
        Column(
            "realisasi",
            "Realisasi",
            MONEY,
            synonyms=(
                "belanja realisasi",
                "realisasi belanja",
                "realisasi keuangan",
                "realisasi anggaran",
                "realisasi",
            ),
            help="Realisasi keuangan setahun; disimpan sebagai realisasi Desember (dikurangi "
            "realisasi Januari–November yang sudah ada).",
            example="0,00",
        ),
        Column(
            "rencana_keluaran",
            "Rencana keluaran",
            TARGET,
            synonyms=(
                "hasil keluaran rencana",
                "keluaran rencana",
                "rencana keluaran",
                "rencana output",
                "target keluaran",
                "rencana",
            ),
            help="Target keluaran (indikator pertama sub kegiatan).",
            example="1",
        ),
        Column(
            "realisasi_keluaran",
            "Realisasi keluaran",
            TARGET,
            synonyms=(
                "hasil keluaran realisasi",
                "keluaran realisasi",
                "realisasi keluaran",
                "realisasi output",
                "realisasi",
            ),
            help="Realisasi keluaran setahun (indikator pertama).",
            example="0",
        ),
        Column(
            "satuan",
            "Satuan",
            TEXT,
            synonyms=("satuan", "hasil keluaran satuan", "keluaran satuan"),
            help="Satuan keluaran.",
            example="Kegiatan",
        ),
        Column(
            "keterangan",
            "Keterangan",
            LONGTEXT,
            synonyms=("keterangan", "ket"),
            help="Keterangan; disimpan sebagai uraian yang dilaksanakan bulan Desember.",
        ),
    ),
    notes=(
        "Baris judul dicari dari labelnya (boleh dua baris, salah eja kecil, huruf besar/kecil, "
        "kolom tambahan); baris nomor kolom (1 2 3 …), judul yang berulang, baris kosong dan "
        "baris rekening/jumlah (BELANJA DAERAH, BELANJA LANGSUNG, JUMLAH) dilewati.",
    ),
)

ACHIEVEMENTS = Schema(
    name="achievements",
    title="Capaian",
    stem="capaian",
    importable=False,
    description="Angka yang dihitung Kinerja untuk setiap simpul dan indikator.",
    columns=(
        Column("kode", "Kode", CODE),
        Column("uraian", "Uraian", TEXT),
        Column("tingkat", "Tingkat", TEXT),
        Column("pagu", "Pagu (Rp)", MONEY),
        Column("realisasi", "Realisasi keuangan (Rp)", MONEY),
        Column("penyerapan", "Penyerapan (%)", PERCENT),
        Column("rencana_fisik", "Rencana fisik (%)", PERCENT),
        Column("fisik", "Realisasi fisik (%)", PERCENT),
        Column("deviasi_fisik", "Deviasi fisik (poin)", PERCENT),
        Column("satuan", "Satuan", TEXT),
        Column("target", "Target", TARGET),
        Column("realisasi_indikator", "Realisasi indikator", TARGET),
        Column("capaian_mentah", "Capaian mentah (%)", PERCENT),
        Column("capaian", "Capaian (%)", PERCENT),
        Column("predikat", "Predikat", TEXT),
        Column("efisiensi", "Efisiensi (poin)", PERCENT),
        Column("penjelasan", "Penjelasan capaian", LONGTEXT),
    ),
)

AUDIT = Schema(
    name="audit",
    title="Jejak audit",
    stem="jejak-audit",
    importable=False,
    description="Jejak audit unit dan unit di bawahnya untuk tahun itu.",
    columns=(
        Column("waktu", "Waktu (WIB)", TEXT),
        Column("pengguna", "Pengguna", TEXT),
        Column("tindakan", "Tindakan", TEXT),
        Column("jenis_data", "Jenis data", TEXT),
        Column("id_data", "Id data", TEXT),
        Column("objek", "Objek", TEXT),
        Column("kolom", "Kolom", TEXT),
        Column("nilai_lama", "Nilai lama", LONGTEXT),
        Column("nilai_baru", "Nilai baru", LONGTEXT),
        Column("alasan", "Alasan", LONGTEXT),
        Column("tahun", "Tahun", INT),
        Column("bulan", "Bulan", INT),
    ),
)

IMPORT_KINDS = {s.name: s for s in (PLAN, INDICATORS, MONTHLY_PLAN, MONTHLY_REALISATION, LAMPIRAN1)}
DATASETS = {
    s.name: s for s in (PLAN, INDICATORS, MONTHLY_PLAN, MONTHLY_REALISATION, ACHIEVEMENTS, AUDIT)
}
TEMPLATES = IMPORT_KINDS
FORMATS = ("xlsx", "csv", "json")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
