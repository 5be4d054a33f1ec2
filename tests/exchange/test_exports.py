"""Every dataset as XLSX, CSV and JSON, with exact decimals."""

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kinerja.exchange.exports import NoPlan, NotAllowed, export_dataset
from kinerja.exchange.schemas import DATASETS, FORMATS
from kinerja.plans.models import Plan, PlanNode
from kinerja.plans.selectors import compute_plan

pytestmark = pytest.mark.django_db


def workbook(exported):
    return load_workbook(io.BytesIO(exported.content))


def export(unit, dataset, fmt, year=2020, who=None, **kw):
    return export_dataset(user=who, unit=unit, year=year, dataset=dataset, fmt=fmt, **kw)


@pytest.mark.parametrize("dataset", sorted(DATASETS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_dataset_in_every_format(unit, user, dataset, fmt):
    exported = export(unit("biro-pemerintahan"), dataset, fmt, who=user("inspektorat"))
    schema = DATASETS[dataset]
    assert exported.filename == f"{schema.stem}-biro-pemerintahan-2020.{fmt}"
    if fmt == "json":
        document = json.loads(exported.content)
        assert document["dataset"] == dataset and document["year"] == 2020
        assert [c["key"] for c in document["columns"]] == list(schema.keys)
        rows = document["rows"]
    elif fmt == "csv":
        assert exported.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert rows[0] == [c.label for c in schema.columns]
        rows = rows[1:]
    else:
        book = load_workbook(io.BytesIO(exported.content))
        assert book.sheetnames == [schema.title, "Info", "Petunjuk"]
        sheet = book[schema.title]
        assert [c.value for c in sheet[1]] == [c.label for c in schema.columns]
        rows = list(sheet.iter_rows(min_row=2))
    if dataset != "audit":  # the audit trail of 2020 may be empty in a fresh database
        assert rows


def test_decimals_are_exact(unit):
    plan_rows = json.loads(export(unit("biro-pemkesra"), "plan", "json", year=2021).content)
    leaf = next(r for r in plan_rows["rows"] if r["kode"] == "4.01.01.1.01.01")
    assert leaf["pagu_dppa"] == "250.00" and leaf["pagu_dpa"] is None
    book = workbook(export(unit("biro-pemkesra"), "plan", "xlsx", year=2021))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "4.01.04.1.01.02")
    code, pagu = row[0], row[header.index("Pagu DPPA (Rp)")]
    assert code.data_type == "s"
    assert pagu.value == 15364169000 and pagu.number_format == "#,##0.00"
    text = export(unit("biro-pemkesra"), "plan", "csv", year=2021).content.decode("utf-8-sig")
    line = "4.01.04.1.01.02,Fasilitasi Kelembagaan Bina Spiritual,sub kegiatan,,15364169000.00"
    assert line in text


def test_achievements_are_the_computed_figures(unit):
    pemerintahan = unit("biro-pemerintahan")
    document = json.loads(export(pemerintahan, "achievements", "json", upto_month=6).content)
    assert document["meta"]["posisi s.d. bulan"] == 6
    root = compute_plan(Plan.objects.get(unit=pemerintahan, year=2020), upto_month=6).root
    first = document["rows"][0]
    assert first["tingkat"] == "unit"
    assert Decimal(first["pagu"]) == root.pagu.value
    assert Decimal(first["realisasi"]) == root.realisasi.value
    assert first["capaian"] is None  # no output is reported before December in the demo
    document = json.loads(export(pemerintahan, "achievements", "json").content)
    root = compute_plan(Plan.objects.get(unit=pemerintahan, year=2020)).root
    first = document["rows"][0]
    assert Decimal(first["realisasi"]) == root.realisasi.value
    assert Decimal(first["capaian"]) == root.achievement.value
    assert first["penjelasan"] == root.achievement.explanation
    indicators = [r for r in document["rows"] if r["tingkat"] == "indikator"]
    nodes = [r for r in document["rows"] if r["tingkat"] != "indikator"]
    assert len(nodes) == 1 + PlanNode.objects.filter(plan__unit=pemerintahan).count()
    assert len(indicators) == sum(len(n.indicators) for n in root.walk())


def test_text_that_looks_like_a_formula_is_guarded_in_csv_and_typed_in_xlsx(unit):
    plan = Plan.objects.get(unit=unit("biro-pemkesra"), year=2021)
    PlanNode.objects.filter(plan=plan, code="4.01.01").update(name='=HYPERLINK("x")')
    text = export(unit("biro-pemkesra"), "plan", "csv", year=2021).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    book = workbook(export(unit("biro-pemkesra"), "plan", "xlsx", year=2021))
    cell = book.worksheets[0]["B2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


def test_audit_dataset_and_access(unit, user, outsider):
    pemkesra = unit("biro-pemkesra")
    with pytest.raises(NotAllowed):
        export(pemkesra, "plan", "json", year=2021, who=outsider)
    with pytest.raises(NoPlan):
        export(pemkesra, "plan", "json", year=2030)
    with pytest.raises(ValueError):
        export(pemkesra, "plan", "pdf", year=2021)
    from kinerja.exchange.imports import apply_import

    apply_import(
        user=user("operator"),
        unit=pemkesra,
        year=2021,
        kind="plan",
        filename="nama.csv",
        data=b"Kode,Uraian\r\n4.01.01,Program Penunjang\r\n",
    )
    rows = json.loads(export(pemkesra, "audit", "json", year=2021, who=user("kepala")).content)
    actions = [(r["tindakan"], r["kolom"], r["pengguna"]) for r in rows["rows"]]
    assert ("import.update", "name", "operator") in actions
    assert ("import.apply", "", "operator") in actions


def test_a_file_of_another_dataset_is_refused(unit):
    from kinerja.exchange.imports import preview_import

    pemkesra = unit("biro-pemkesra")
    for fmt in ("xlsx", "json"):
        exported = export(pemkesra, "indicators", fmt, year=2021)
        result = preview_import(
            user=None,
            unit=pemkesra,
            year=2021,
            kind="plan",
            filename=exported.filename,
            data=exported.content,
        )
        (error,) = result.errors
        assert "jenis lain" in error.message and error.found == "indicators"
        assert not result.ops
