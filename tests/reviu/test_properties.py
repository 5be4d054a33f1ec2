"""Property-based tests: the reviu fed random and malformed input (random bytes, random
text and tables in every format, damaged DOCX/XLSX/PDF) always ends in a clean result or in
findings, never in an unhandled exception; and on a consistent table it finds nothing, on the
same table with one percentage changed it finds exactly that percentage."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.core.numbers import fmt_number, round_half_up
from kinerja.reviu.findings import KINDS, Finding
from kinerja.reviu.service import Result, reviu_file

from .files import WRITERS, Tab, docx_file, xlsx_file

SETTINGS = settings(
    max_examples=40, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
NAMES = ["laporan.docx", "laporan.xlsx", "laporan.pdf", "laporan.csv", "laporan.txt",
         "laporan.md", "laporan"]


def assert_clean(result):
    assert isinstance(result, Result)
    if result.refused:
        assert isinstance(result.refused, str) and result.findings == []
        return
    assert all(isinstance(f, Finding) and f.kind in KINDS for f in result.findings)
    assert all(f.severity in ("error", "warning") and f.message for f in result.findings)
    assert not [n for n in result.notes if "gagal dijalankan" in n], result.notes


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from(NAMES))
def test_random_bytes(data, name):
    assert_clean(reviu_file(name, data))


@SETTINGS
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b""]),
       st.binary(max_size=2000), st.sampled_from(NAMES))
def test_random_bytes_behind_known_signatures(head, tail, name):
    assert_clean(reviu_file(name, head + tail))


NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(lambda n: fmt_number(Decimal(n))),
    st.decimals(min_value=0, max_value=1000, places=2).map(lambda d: fmt_number(d, 2)),
    st.sampled_from(["–", "-", "0", "100*", "2,802.281.000", "Rp. 110.000,-", "48.92", "1.19.3",
                     "7 Dokumen", "3,3 Skala", "100%", "0 Dokumen", ""]),
)
WORD = st.sampled_from([
    "NO", "KODE", "URAIAN", "PROGRAM", "KEGIATAN", "RENCANA", "REALISASI", "%", "TARGET",
    "CAPAIAN (%)", "PAGU", "JUMLAH", "Tabel 3.1", "Lampiran 1", "Tahun Anggaran 2020",
    "T.A. 2021", "Rabu, 19 Februari 2021", "31 Februari 2021", "mencapai kinerja sebesar",
    "anggaran sebesar Rp", "Anggaran : Rp", "Tata Usaha Pemerintahan", "**", "<b>", "</b>",
    "1.1", "4.01.01.1.01", "a.", "1", "Kegiatan", "dan", "atau",
])
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
CELL = st.one_of(NUMBER, WORD, PRINTABLE)


@SETTINGS
@given(st.lists(st.lists(st.one_of(CELL, st.text(max_size=20)), min_size=1, max_size=7),
                max_size=25),
       st.sampled_from(["\t", "|", ";", " "]), st.sampled_from(["t.txt", "t.md", "t.csv"]))
def test_random_text_tables(rows, separator, name):
    lines = [separator.join(row) for row in rows]
    if separator == "|":
        lines = ["| " + line + " |" for line in lines]
    assert_clean(reviu_file(name, "\n".join(lines).encode()))


TABLE = st.builds(
    Tab,
    st.one_of(st.just(""), WORD),
    st.lists(WORD, min_size=2, max_size=6),
    st.lists(st.lists(CELL, min_size=2, max_size=6), max_size=12),
    st.sets(st.integers(min_value=0, max_value=11), max_size=4),
)
BLOCKS = st.lists(st.one_of(TABLE, st.lists(WORD, max_size=12).map(" ".join)), max_size=6)


@SETTINGS
@given(BLOCKS, st.sampled_from(sorted(WRITERS)))
def test_random_reports_in_every_format(blocks, fmt):
    for block in blocks:  # a table's rows as wide as its header, as a writer needs
        if isinstance(block, Tab):
            width = len(block.header)
            block.rows = [(row + [""] * width)[:width] for row in block.rows]
    assert_clean(reviu_file(f"laporan.{fmt}", WRITERS[fmt](["LAPORAN TAHUN 2021", *blocks])))


@SETTINGS
@given(st.sampled_from(["docx", "xlsx"]), st.lists(
    st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=255)),
    min_size=1, max_size=20))
def test_damaged_office_files(fmt, flips):
    table = Tab("Tabel 1", ["KODE", "URAIAN", "RENCANA", "REALISASI", "%"],
                [["1", "Program Satu", "10", "5", "50,00"], ["1.1", "Kegiatan Dua", "10", "5",
                                                            "50,00"]])
    data = bytearray((docx_file if fmt == "docx" else xlsx_file)([table]))
    for position, value in flips:
        data[position % len(data)] = value
    assert_clean(reviu_file(f"rusak.{fmt}", bytes(data)))


ROW = st.tuples(
    st.integers(min_value=1, max_value=5 * 10**9),
    st.integers(min_value=0, max_value=5 * 10**9),
)


def consistent(rows):
    body = []
    for k, (plan, real) in enumerate(rows, start=1):
        pct = round_half_up(Decimal(real) * 100 / Decimal(plan), 2)
        body.append([f"1.{k}", f"Kegiatan Nomor {k} Uji", fmt_number(Decimal(plan)),
                     fmt_number(Decimal(real)), fmt_number(pct, 2)])
    total_plan = sum(p for p, _ in rows)
    total_real = sum(r for _, r in rows)
    pct = round_half_up(Decimal(total_real) * 100 / Decimal(total_plan), 2)
    head = ["1", "Program Uji Acak", fmt_number(Decimal(total_plan)),
            fmt_number(Decimal(total_real)), fmt_number(pct, 2)]
    return [head, *body]


@settings(max_examples=30, deadline=None, database=None)
@given(st.lists(ROW, min_size=1, max_size=8), st.sampled_from(sorted(WRITERS)), st.data())
def test_a_consistent_table_is_clean_and_one_changed_percentage_is_found(rows, fmt, data):
    table = consistent(rows)
    header = ["KODE", "URAIAN", "RENCANA (Rp)", "REALISASI (Rp)", "%"]
    write = WRITERS[fmt]
    clean = reviu_file(f"t.{fmt}", write(["TAHUN ANGGARAN 2021", Tab("Tabel 1", header, table)]))
    assert [f.kind for f in clean.errors] == []
    k = data.draw(st.integers(min_value=1, max_value=len(rows)))
    printed = Decimal(table[k][4].replace(".", "").replace(",", "."))
    table[k][4] = fmt_number(printed + Decimal("0.01"), 2)
    changed = reviu_file(f"t.{fmt}", write(["TAHUN ANGGARAN 2021",
                                              Tab("Tabel 1", header, table)]))
    found = [(f.kind, f.row) for f in changed.errors]
    assert found == [("percent_mismatch", f"1.{k} Kegiatan Nomor {k} Uji")]
