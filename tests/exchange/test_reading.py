"""Files are checked before they are read, and tables are found by their header labels
(pure, no database)."""

import io
import zipfile

import pytest

from kinerja.exchange.reading import DEFAULT_LIMITS, FileRefused, Limits, check_file, read_table
from kinerja.exchange.schemas import LAMPIRAN1, MONTHLY_PLAN, PLAN

from .common import seed_lampiran_csv, seed_lampiran_xlsx, xlsx


def refused(filename, data, limits=DEFAULT_LIMITS):
    with pytest.raises(FileRefused) as info:
        check_file(filename, data, limits)
    return info.value.finding


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("rencana.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        ("rencana.xlsm", b"PK\x03\x04", "makro"),
        ("rencana.pdf", b"%PDF-1.7", "tidak dikenali"),
        ("rencana", b"kode", "tidak dikenali"),
        ("rencana.csv", b"", "kosong"),
        ("rencana.xlsx", b"kode;uraian\n", "bukan XLSX"),
        ("rencana.csv", b"PK\x03\x04rest", "ZIP"),
        ("rencana.json", b"{\x00\x01}", "biner"),
        ("rencana.xlsx", b"PK\x03\x04broken", "rusak"),
    ],
)
def test_type_and_magic_checked(name, data, says):
    assert says in refused(name, data).message


def test_size_limit():
    finding = refused("a.csv", b"x" * 2000, Limits(max_bytes=1000))
    assert "terlalu besar" in finding.message and "1000 bita" in finding.expected


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_zip_bomb_refused_before_openpyxl():
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"\x00" * (30 * 1024 * 1024),
        }
    )
    assert len(bomb) < 100_000
    finding = refused("bom.xlsx", bomb)
    assert "bom ZIP" in finding.message
    finding = refused("bom.xlsx", bomb, Limits(max_ratio=10**9, max_unzipped_bytes=10**6))
    assert "terlalu besar setelah dibuka" in finding.message


def test_entity_declarations_refused():
    data = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><w/>',
        }
    )
    assert "DTD/ENTITY" in refused("lol.xlsx", data).message


def _asking_for_zip_version(data: bytes, version: int) -> bytes:
    """``data`` with the central directory's "version needed to extract" of every entry set
    to ``version`` (20.6 = 206): what a flipped byte did in a property test."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + 6 : at + 8] = version.to_bytes(2, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_zip_asking_for_an_unknown_version_is_refused_not_an_error():
    data = _asking_for_zip_version(xlsx([["Kode", "Uraian"]]), 206)
    with pytest.raises(NotImplementedError):  # what zipfile itself does with it
        zipfile.ZipFile(io.BytesIO(data))
    assert "arsip XLSX rusak" in refused("rusak.xlsx", data).message


def test_zip_without_workbook_parts_refused():
    assert "bukan buku kerja" in refused("a.xlsx", _zip({"a.txt": b"hello"})).message


def test_real_workbook_accepted():
    assert check_file("Rencana.XLSX", xlsx([["Kode", "Uraian"]])) == "xlsx"
    assert check_file("r.csv", "kode;uraian\n".encode("utf-16")) == "csv"


def test_seed_lampiran_header_found_on_two_rows():
    table, findings = read_table("lampiran.xlsx", seed_lampiran_xlsx(), LAMPIRAN1)
    assert not [f for f in findings if f.is_error]
    assert table.header_row == 5  # ANGGARAN | REALISASI under BELANJA, after three title rows
    columns = {key: ref.letter for key, ref in table.columns.items()}
    assert columns == {
        "kode": "A",
        "uraian": "B",
        "anggaran": "C",
        "realisasi": "D",  # REALISASI under BELANJA
        "rencana_keluaran": "E",
        "realisasi_keluaran": "F",  # REALISASI under HASIL/KELUARAN
        "satuan": "G",
        "keterangan": "H",
    }
    # the column numbers, the repeated header on the next page and the blank row are skipped
    codes = [row.cells["kode"].value for row in table.rows]
    assert codes[:3] == ["5", "5,2", "4.01.01"]
    assert "KODE" not in codes and "1" not in codes
    assert len(table.rows) == 49


def test_seed_lampiran_csv_with_semicolons():
    table, findings = read_table("lampiran.csv", seed_lampiran_csv(";"), LAMPIRAN1)
    assert table is not None and len(table.rows) == 49
    table, findings = read_table("lampiran.tsv", seed_lampiran_csv("\t"), LAMPIRAN1)
    assert table is not None and len(table.rows) == 49


def test_header_tolerates_case_spelling_and_extra_columns():
    rows = [
        ["No", "KODE REKENING", "uraian ", "Anggran (Rp)", "%", "Realisai", "Catatan"],
        [1, "4.01.01", "Program", "1.000", "", "", ""],
    ]
    table, findings = read_table("a.xlsx", xlsx(rows), LAMPIRAN1)
    assert table is not None
    assert {k: r.letter for k, r in table.columns.items()} == {
        "kode": "B",
        "uraian": "C",
        "anggaran": "D",
        "realisasi": "F",
    }
    ignored = {f.column.split(" ")[0] for f in findings if "diabaikan" in f.message}
    assert ignored == {"A", "E", "G"}


def test_header_missing_says_which_columns():
    table, findings = read_table("a.csv", b"kode;nama;jumlah\n1;a;2\n", MONTHLY_PLAN)
    assert table is None
    (finding,) = findings
    assert finding.is_error and "Bulan" in finding.message and "tidak ada" in finding.message


def test_first_sheet_with_the_header_is_used():
    data = xlsx(
        [["Catatan saja"]],
        title="Sampul",
        extra_sheets=[("Data", [["Kode", "Uraian"], ["4.01.01", "Program"]])],
    )
    table, _ = read_table("a.xlsx", data, PLAN)
    assert table.sheet == "Data" and table.rows[0].number == 2


def test_row_and_column_limits():
    rows = [["Kode", "Uraian"]] + [[f"{i}", "x"] for i in range(1, 30)]
    table, findings = read_table("a.xlsx", xlsx(rows), PLAN, Limits(max_rows=10))
    assert table is None and "terlalu banyak baris" in findings[-1].message
    wide = [["Kode", "Uraian", *[f"k{i}" for i in range(10)]], ["1", "x", *range(10)]]
    table, findings = read_table("a.xlsx", xlsx(wide), PLAN, Limits(max_columns=5))
    assert table is None and "terlalu banyak kolom" in findings[-1].message
    sparse = [["Kode", "Uraian"], ["1", "x"], *[[None, None]] * 40, ["2", "y"]]
    table, findings = read_table("a.xlsx", xlsx(sparse), PLAN, Limits(max_rows=10))
    assert [r.number for r in table.rows] == [2, 43]  # empty rows are not data rows
    csv_rows = "Kode,Uraian\n" + "".join(f"{i},x\n" for i in range(30))
    table, findings = read_table("a.csv", csv_rows.encode(), PLAN, Limits(max_rows=10))
    assert table is None and "terlalu banyak baris" in findings[-1].message


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'{"rows": [', "bukan JSON"),
        (b"[1, 2]", "struktur"),
        (b'{"dataset": "indicators", "rows": []}', "jenis lain"),
        (b"[" * 100_000 + b"]" * 100_000, None),
    ],
)
def test_bad_json(data, says):
    table, findings = read_table("a.json", data, PLAN)
    assert table is None and findings and findings[0].is_error
    if says:
        assert says in findings[0].message


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1", "2", "3", "4"], True),
        ([1, 2.0, "3"], True),
        (["1", "2", "4"], False),
        (["1", "2"], False),  # too few to be the numbers under a header
        (["1", "²", "3"], False),  # "²".isdigit() is true; int() refuses it
        (["١", "٢", "٣"], False),
        (["a", "b", "c"], False),
    ],
)
def test_the_row_of_column_numbers_under_a_header(values, expected):
    from kinerja.exchange.cells import Cell
    from kinerja.exchange.reading import _is_numbering_row

    assert _is_numbering_row([Cell(v) for v in values]) is expected
