"""Property-based tests: the importers fed random and malformed files (CSV text, random
bytes, broken and random workbooks, random JSON). Every input ends in a clean preview or in
findings, never in an unhandled exception; a preview writes nothing; applying a file with
an error writes nothing; applying a clean one writes it whole, and the same file then
previews as unchanged."""

import csv
import datetime as dt
import io
import json
import random
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kinerja.core.numbers import fmt_number
from kinerja.exchange.imports import apply_import, preview_import
from kinerja.exchange.schemas import IMPORT_KINDS
from kinerja.exchange.templates_files import template_file
from kinerja.org.models import OrgUnit

from .conftest import snapshot

pytestmark = pytest.mark.django_db
KINDS = sorted(IMPORT_KINDS)
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CODES = [
    "4.01.01",
    "4.01.01.1.01",
    "4.01.01.1.01.02",
    "4.01.01.1.01.07",
    "4.01.03.1.02.01",
    "4.01.99",
    "4.01.99.1.01",
    "4.01.99.1.01.01",
    "4.01.99.1.01.02",
    "1",
    "1.01",
    "1.01.01",
    "5,2",
    "4..01",
    "",
]
NUMBERS = [
    "1.193.209.000,00",
    "1.193.209.000,-",
    "Rp 1.193.209.000",
    "71,51%",
    "71.51",
    "-",
    "",
    "0",
    "1",
    "2",
    "-5",
    "1,2,3",
    "1e5",
    "1.000,505",
    "9.999.999.999.999,99",
    "99999999999999999",
    "12",
    "Maret",
    "13",
]
WORDS = [
    "program",
    "kegiatan",
    "sub kegiatan",
    "tolok ukur",
    "DPA",
    "DPPA",
    "ya",
    "tidak",
    "naik",
    "turun",
    "angka",
    "persen",
    "rentang",
    "kualitatif",
    "10–20",
    "WTP",
    "biro-pemkesra",
    "BELANJA LANGSUNG",
    "=SUM(A1)",
]

cell_text = st.one_of(
    st.sampled_from(CODES),
    st.sampled_from(NUMBERS),
    st.sampled_from(WORDS),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**14).map(str),
    st.integers(-(10**16), 10**16).map(str),
    st.text(max_size=20),
)


@st.composite
def csv_files(draw, kind):
    schema = IMPORT_KINDS[kind]
    labels = [c.label for c in schema.columns] + ["Kolom lain", "Kode", "bulan", "%"]
    header = draw(st.lists(st.sampled_from(labels), min_size=1, max_size=len(labels) + 2))
    if draw(st.booleans()):  # most files carry the required columns
        header = [c.label for c in schema.columns if c.required] + header
    rows = draw(st.lists(st.lists(cell_text, max_size=len(header) + 2), max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    if draw(st.booleans()):
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
        text = out.getvalue()
    else:  # written by hand, quotes and all
        text = "\n".join(delimiter.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace")


workbook_value = st.one_of(
    st.none(),
    cell_text,
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, max_value=10**10, min_value=-(10**10)
    ),
)


@st.composite
def sheets(draw, kind):
    """A header and rows of cell values of every type a workbook holds, with formats."""
    schema = IMPORT_KINDS[kind]
    labels = [c.label for c in schema.columns]
    header = [c.label for c in schema.columns if c.required] + draw(
        st.lists(st.sampled_from(labels), max_size=len(labels))
    )
    rows = draw(st.lists(st.lists(workbook_value, max_size=len(header) + 1), max_size=10))
    formats = draw(
        st.lists(st.sampled_from(["General", "0.00", "0.00%", "#,##0.00", "@"]), min_size=1)
    )
    return header, rows, formats


def workbook(header, rows, formats) -> bytes:
    book = Workbook()
    ws = book.active
    ws.append(header)
    for number, row in enumerate(rows):
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for cell in ws[ws.max_row]:
            cell.number_format = formats[number % len(formats)]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), cell_text),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def json_files(draw, kind):
    schema = IMPORT_KINDS[kind]
    keys = list(schema.keys) + ["lain", "Kode"]
    rows = draw(
        st.lists(
            st.one_of(st.dictionaries(st.sampled_from(keys), json_value, max_size=8), json_value),
            max_size=8,
        )
    )
    document = draw(
        st.sampled_from(
            [
                {"format": "kinerja-pertukaran", "dataset": kind, "rows": rows},
                {"rows": rows, "meta": {"nomenklatur": "Permendagri 90/2019"}},
                {"dataset": "lain", "rows": rows},
                rows,
            ]
        )
    )
    return json.dumps(document).encode()


LEAVES_2021 = [
    "4.01.01.1.01.02",
    "4.01.01.1.01.03",
    "4.01.01.1.05.02",
    "4.01.03.1.02.01",
    "4.01.04.1.03.03",
]
money = st.decimals(min_value=0, max_value=10**12, places=2).map(
    lambda d: st.sampled_from([fmt_number(d), format(d, "f"), "Rp " + fmt_number(d), "-"])
)
percent = st.decimals(min_value=0, max_value=100, places=2).map(
    lambda d: st.sampled_from([fmt_number(d), fmt_number(d) + "%", format(d, "f"), ""])
)
words = st.text(alphabet="abcdefghij KLMNO-", min_size=1, max_size=25)


@st.composite
def plausible_rows(draw, kind):
    """Mostly valid rows of a kind, so that the apply path is exercised often."""
    schema = IMPORT_KINDS[kind]
    rows = []
    if kind in ("plan", "lampiran1"):
        for p in range(1, draw(st.integers(1, 2)) + 1):
            program = f"9.{p:02d}.01"
            rows.append({"kode": program, "uraian": draw(words), "tingkat": "program"})
            for k in range(1, draw(st.integers(1, 2)) + 1):
                kegiatan = f"{program}.1.{k:02d}"
                rows.append({"kode": kegiatan, "uraian": draw(words), "tingkat": "kegiatan"})
                for n in range(1, draw(st.integers(1, 3)) + 1):
                    rows.append(
                        {
                            "kode": f"{kegiatan}.{n:02d}",
                            "uraian": draw(words),
                            "tingkat": "sub kegiatan",
                            "pagu_dpa": draw(draw(money)),
                            "anggaran": draw(draw(money)),
                            "realisasi": draw(draw(money)),
                            "rencana_keluaran": str(draw(st.integers(0, 5))),
                            "realisasi_keluaran": str(draw(st.integers(0, 5))),
                            "satuan": draw(st.sampled_from(["Dokumen", "Kegiatan", "-", ""])),
                            "keterangan": draw(words),
                        }
                    )
    else:
        for _ in range(draw(st.integers(1, 8))):
            rows.append(
                {
                    "kode": draw(st.sampled_from(LEAVES_2021)),
                    "bulan": draw(st.sampled_from(["1", "3", "Juni", "12", "Desember"])),
                    "indikator_ke": draw(st.sampled_from(["", "1"])),
                    "indikator": draw(words),
                    "satuan": draw(st.sampled_from(["Dokumen", "%", ""])),
                    "tipe": draw(st.sampled_from(["angka", "persen", "angka"])),
                    "akumulatif": draw(st.sampled_from(["ya", "tidak", ""])),
                    "target": draw(draw(percent)),
                    "rencana_fisik": draw(draw(percent)),
                    "anggaran_kas": draw(draw(money)),
                    "realisasi_keuangan": draw(draw(money)),
                    "realisasi_fisik": draw(draw(percent)),
                    "realisasi_keluaran": str(draw(st.integers(0, 3))),
                    "yang_dilaksanakan": draw(words),
                    "kendala": draw(st.sampled_from(["", "hujan"])),
                }
            )
        unique = {}
        for row in rows:  # one row per code, month (and indicator): duplicates are refused
            unique.setdefault((row["kode"], row["bulan"].lower()[:3], row["indikator_ke"]), row)
        rows = list(unique.values())
    columns = [c for c in schema.columns if c.required or draw(st.booleans())]
    if draw(st.integers(0, 9)) == 0:  # now and then one bad cell
        row = draw(st.sampled_from(rows))
        row[draw(st.sampled_from([c.key for c in columns]))] = draw(cell_text)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([c.label for c in columns])
    for row in rows:
        writer.writerow([row.get(c.key, "") for c in columns])
    return out.getvalue().encode("utf-8")


def check(kind, filename, data, year):
    """The properties every input must keep; runs inside a transaction rolled back after."""
    unit = OrgUnit.objects.get(slug="biro-pemkesra")
    operator = get_user_model().objects.get(username="operator")
    with transaction.atomic():
        before = snapshot()
        preview = preview_import(
            user=operator, unit=unit, year=year, kind=kind, filename=filename, data=data
        )
        assert snapshot() == before, "a preview wrote something"
        for finding in preview.findings:
            assert finding.message and finding.severity in ("error", "warning", "info")
        result = apply_import(
            user=operator, unit=unit, year=year, kind=kind, filename=filename, data=data
        )
        if not preview.ok:
            assert not result.applied
            assert snapshot() == before, "a refused import wrote something"
        else:
            assert result.applied, [str(f) for f in result.errors]
            assert result.digest == preview.digest
            again = preview_import(
                user=operator, unit=unit, year=year, kind=kind, filename=filename, data=data
            )
            assert again.ok and not again.changes, [op.label for op in again.changes]
        transaction.set_rollback(True)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_csv_text(kind, data):
    content = data.draw(csv_files(kind))
    check(
        kind,
        data.draw(st.sampled_from(["a.csv", "a.tsv", "a.txt"])),
        content,
        data.draw(st.sampled_from([2021, 2040])),
    )


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_plausible_csv(kind, data):
    years = [2021, 2040] if kind in ("plan", "lampiran1") else [2021]
    check(kind, "a.csv", data.draw(plausible_rows(kind)), data.draw(st.sampled_from(years)))


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_random_workbooks(kind, data):
    spec = data.draw(sheets(kind))
    check(kind, "a.xlsx", workbook(*spec), data.draw(st.sampled_from([2021, 2040])))


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_random_json(kind, data):
    check(kind, "a.json", data.draw(json_files(kind)), data.draw(st.sampled_from([2021, 2040])))


@SETTINGS
@given(
    content=st.binary(max_size=3000),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"{", b"\xff\xfe"]),
    filename=st.sampled_from(["a.xlsx", "a.csv", "a.json", "a.txt", "a.xls", "a"]),
    kind=st.sampled_from(KINDS),
)
def test_random_bytes(content, prefix, filename, kind):
    check(kind, filename, prefix + content, 2021)


_EXAMPLES: dict[str, bytes] = {}


def _example(kind: str) -> bytes:
    if kind not in _EXAMPLES:
        _EXAMPLES[kind] = template_file(kind, "xlsx", example=True).content
    return _EXAMPLES[kind]


@SETTINGS
@given(
    kind=st.sampled_from(KINDS),
    seed=st.integers(0, 2**32),
    flips=st.integers(1, 40),
    cut=st.one_of(st.none(), st.integers(0, 20000)),
)
def test_broken_workbooks(kind, seed, flips, cut):
    data = bytearray(_example(kind))
    rng = random.Random(seed)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    if cut is not None:
        data = data[:cut]
    check(kind, "rusak.xlsx", bytes(data), 2040)


def test_a_clean_random_file_is_applied_whole():
    """The properties above are not vacuous: a valid file is applied and then unchanged."""
    rows = "Kode;Uraian;Pagu DPA (Rp)\n4.01.99;Program;\n4.01.99.1.01;Kegiatan;\n"
    rows += "4.01.99.1.01.01;Sub;1.000,50\n"
    check("plan", "a.csv", rows.encode(), 2021)
    unit = OrgUnit.objects.get(slug="biro-pemkesra")
    preview = preview_import(
        user=None, unit=unit, year=2021, kind="plan", filename="a.csv", data=rows.encode()
    )
    assert preview.count("create") == 3
    leaf = next(op for op in preview.ops if op.key == ("4.01.99.1.01.01",))
    assert leaf.new["pagu_dpa"] == Decimal("1000.50")
