"""The agreement as plain data: which version is in force, how typed targets are read, the
stored form of a version, and the anggaran total. No database."""

import datetime
import subprocess
import sys
from decimal import Decimal

import pytest

from kinerja.agreements.domain import (
    AgreementDoc,
    BudgetLine,
    Line,
    ParseError,
    Party,
    VersionStamp,
    parse_target,
    target_text,
    version_in_force,
)

D = Decimal
d = datetime.date

V1_UNDATED = VersionStamp(1, None)
V1 = VersionStamp(1, d(2020, 1, 6))
V2 = VersionStamp(2, d(2020, 9, 15))
V3 = VersionStamp(3, d(2020, 11, 2))


@pytest.mark.parametrize(
    "versions, on, expected",
    [
        ([V1], d(2020, 12, 31), 1),
        ([V1], d(2020, 1, 5), None),  # not yet signed
        ([V1], d(2020, 1, 6), 1),  # in force on the day it is signed
        ([V1_UNDATED], d(2019, 1, 1), 1),  # no date: in force from the start
        ([V1, V2], d(2020, 9, 14), 1),
        ([V1, V2], d(2020, 9, 15), 2),
        ([V1, V2, V3], d(2020, 12, 31), 3),
        ([V3, V1, V2], d(2020, 10, 1), 2),  # order of the input does not matter
        ([V1_UNDATED, V2], d(2020, 6, 30), 1),
        ([], d(2020, 12, 31), None),
    ],
)
def test_version_in_force(versions, on, expected):
    assert version_in_force(versions, on) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("4", (D(4), "")),
        ("1,5", (D("1.5"), "")),
        ("1.000", (D(1000), "")),
        ("71,51%", (D("71.51"), "")),
        (" 100 % ", (D(100), "")),
        ("WTP", (None, "WTP")),
        ("Tersedia", (None, "Tersedia")),
        ("", (None, "")),
        ("   ", (None, "")),
    ],
)
def test_parse_target(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize("text", ["4 dokumen", "1,2,3", "12a", "--5"])
def test_parse_target_refuses_numbers_it_cannot_read(text):
    with pytest.raises(ParseError) as caught:
        parse_target(text)
    assert "contoh yang benar" in str(caught.value)


@pytest.mark.parametrize(
    "target, label, satuan, expected",
    [
        (D("4.0000"), "", "Dokumen", "4 Dokumen"),
        (D("71.5100"), "", "%", "71,51 %"),
        (None, "WTP", "", "WTP"),
        (None, "", "Dokumen", "–"),
        (D("1193209000"), "", "", "1.193.209.000"),
    ],
)
def test_target_text(target, label, satuan, expected):
    assert target_text(target, label, satuan) == expected


def _doc(**changes) -> AgreementDoc:
    base = {
        "agreement_id": 7,
        "unit_id": 3,
        "unit_slug": "subbag-x",
        "unit_name": "Sub Bagian X",
        "eselon": "IV",
        "year": 2020,
        "title": "Perjanjian Kinerja Eselon IV",
        "version": 2,
        "signed_on": d(2020, 9, 15),
        "reason": "DPA perubahan",
        "superior_unit_id": 2,
        "superior_title": "Kepala Bagian Y",
        "official": Party("Ani", "197410041994021002", "Penata", "III/c", "Kepala Sub Bagian X"),
        "superior": Party("Budi", jabatan="Kepala Bagian Y"),
        "lines": (
            Line(11, 0, "Kegiatan A", "Tersusunnya dokumen", "Dokumen", D("4.0000"),
                 node_id=5, node_code="02.03.01", indicator_id=9, parent_key=4),
            Line(12, 1, "Kegiatan A", "Opini BPK", "", None, "WTP"),
        ),
        "budget": (
            BudgetLine(0, "Kegiatan A", "02.03", 4, D("200000000.00")),
            BudgetLine(1, "Sub A1", "02.03.01", 5, D("131400000.00"), 9, "Dokumen", D(2)),
            BudgetLine(2, "Sub A2", "02.03.02", 6, D("68600000.00")),
            BudgetLine(3, "Kegiatan B", "02.04", 7, D("0.50")),
        ),
    }
    base.update(changes)
    return AgreementDoc(**base)


def test_stored_form_reads_back_equal():
    doc = _doc()
    data = doc.to_dict()
    assert data["lines"][0]["target"] == "4.0000"
    assert data["budget"][1]["amount"] == "131400000.00"
    assert data["signed_on"] == "2020-09-15"
    again = AgreementDoc.from_dict(data, is_latest=True)
    assert again == doc
    assert isinstance(again.lines[0].target, Decimal)


def test_stored_form_without_date_or_lines():
    doc = _doc(signed_on=None, lines=(), budget=())
    assert AgreementDoc.from_dict(doc.to_dict(), is_latest=True) == doc


def test_budget_total_counts_a_kegiatan_listed_with_its_sub_kegiatan_once():
    # 02.03 (200 juta) covers 02.03.01 and 02.03.02; 02.04 stands alone
    assert _doc().budget_total == D("200000000.50")
    assert _doc(budget=()).budget_total == D(0)


@pytest.mark.parametrize("version, kind", [(1, "PK awal"), (2, "PK perubahan ke-1"),
                                           (4, "PK perubahan ke-3")])
def test_kind(version, kind):
    assert _doc(version=version).kind == kind


def test_signed_text_is_indonesian():
    assert _doc().signed_text == "15 September 2020"
    assert _doc(signed_on=None).signed_text == ""


def test_pure_modules_import_no_django():
    code = (
        "import sys; import kinerja.agreements.domain, kinerja.agreements.checks, "
        "kinerja.agreements.pohon; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
