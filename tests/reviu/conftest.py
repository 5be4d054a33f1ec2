"""Kinerja's own reports of the demo agency, generated once per test session (they are
slow: the evaluasi PDF alone takes seconds), and their reviu results."""

from pathlib import Path

import pytest

SEED = Path(__file__).parent / "data" / "000_fbef7e088ec34a1a.txt"
KINDS = ("evaluasi", "lkjip", "pk", "realisasi", "renja")
UNITS = {
    # the unit whose year is the body of the seed report: every kind in every format
    ("biro-pemerintahan", 2020): ("docx", "pdf", "xlsx"),
    # its successor, the seed's Lampiran 1: every kind as DOCX and XLSX
    ("biro-pemkesra", 2021): ("docx", "xlsx"),
}
REPORTS = [
    (slug, year, kind, fmt)
    for (slug, year), formats in UNITS.items()
    for kind in KINDS
    for fmt in formats
]


@pytest.fixture(scope="session")
def seed_result():
    from kinerja.reviu.service import reviu_file

    return reviu_file(SEED.name, SEED.read_bytes())


@pytest.fixture(scope="session")
def kinerja_reports(django_db_setup, django_db_blocker, tmp_path_factory):
    from kinerja.org.models import OrgUnit
    from kinerja.reports.service import build_document, render_document

    folder = tmp_path_factory.mktemp("kinerja-reports")
    files = {}
    with django_db_blocker.unblock():
        for (slug, year), formats in UNITS.items():
            unit = OrgUnit.objects.get(slug=slug)
            for kind in KINDS:
                document = build_document(kind, unit, year)
                for fmt in formats:
                    report = render_document(document, fmt)
                    path = folder / report.filename
                    path.write_bytes(report.content)
                    files[(slug, year, kind, fmt)] = path
    return files


@pytest.fixture(scope="session")
def kinerja_reviews(kinerja_reports):
    from kinerja.reviu.service import reviu_file

    return {key: reviu_file(path.name, path.read_bytes()) for key, path in kinerja_reports.items()}
