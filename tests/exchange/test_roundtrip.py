"""Export → import into an empty year → export gives the same content, for the JSON and
XLSX templates, on both demo units (2020: program › kegiatan › tolok ukur with a monthly
plan; 2021: Permendagri 90 codes with DPPA pagu)."""

import io
import json

import pytest
from openpyxl import load_workbook

from kinerja.exchange.exports import export_dataset
from kinerja.exchange.imports import apply_import
from kinerja.plans.models import Plan
from kinerja.plans.selectors import compute_plan

pytestmark = pytest.mark.django_db
DATASETS = ("plan", "indicators", "monthly-plan", "monthly-realisation")


def content(fmt: str, data: bytes):
    """What a file says, without when and for which unit and year it was made."""
    if fmt == "json":
        document = json.loads(data)
        return document["dataset"], document["columns"], document["rows"]
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    cells = [[(c.value, c.number_format, c.data_type) for c in row] for row in sheet.iter_rows()]
    guide = [[c.value for c in row] for row in book["Petunjuk"].iter_rows()]
    return sheet.title, cells, guide


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
@pytest.mark.parametrize(
    ("source", "year", "target", "target_year"),
    [
        ("biro-pemerintahan", 2020, "biro-pemkesra", 2022),  # another unit and year
        ("biro-pemkesra", 2021, "biro-pemkesra", 2025),  # the same unit, another year
    ],
)
def test_round_trip(unit, user, fmt, source, year, target, target_year):
    src, dst = unit(source), unit(target)
    assert not Plan.objects.filter(unit=dst, year=target_year).exists()
    first = {}
    for dataset in DATASETS:
        exported = export_dataset(user=None, unit=src, year=year, dataset=dataset, fmt=fmt)
        first[dataset] = exported.content
        result = apply_import(
            user=user("admin"),
            unit=dst,
            year=target_year,
            kind=dataset,
            filename=exported.filename,
            data=exported.content,
        )
        assert result.applied, [str(f) for f in result.errors]
        warnings = [f.message for f in result.warnings]
        assert warnings == (["berkas tidak berisi baris data"] if not result.rows_read else [])
        origin = [f.message for f in result.notes if "diekspor dari" in f.message]
        assert origin == [
            f"berkas ini diekspor dari unit {source} tahun {year}; "
            f"diimpor ke {target} tahun {target_year}"
        ]
        assert result.count("same") == 0
        if dataset != "monthly-realisation":  # the realisation fills the plan's months
            assert result.count("update") == 0
    for dataset in DATASETS:
        again = export_dataset(user=None, unit=dst, year=target_year, dataset=dataset, fmt=fmt)
        assert content(fmt, again.content) == content(fmt, first[dataset]), dataset
    # the same figures follow from the same data
    a = compute_plan(Plan.objects.get(unit=src, year=year)).root
    b = compute_plan(Plan.objects.get(unit=dst, year=target_year)).root
    assert (a.pagu, a.realisasi, a.fisik, a.achievement_raw) == (
        b.pagu,
        b.realisasi,
        b.fisik,
        b.achievement_raw,
    )
    # and importing the same files again changes nothing
    for dataset in DATASETS:
        result = apply_import(
            user=user("admin"),
            unit=dst,
            year=target_year,
            kind=dataset,
            filename=f"lagi.{fmt}",
            data=first[dataset],
        )
        assert result.ok and not result.changes, dataset
