"""The demo agency's reports as files: opened with their own libraries, the figures are
Kinerja's correct ones, in every format; the command line and the reports page make them."""

import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.org.models import OrgUnit
from kinerja.reports.service import make_report, make_reports

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"


@pytest.fixture(scope="module")
def evaluasi_files(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        unit = OrgUnit.objects.get(slug="biro-pemerintahan")
        files = make_reports("evaluasi", ["pdf", "docx", "xlsx"], unit, 2020)
        return {file.filename.rsplit(".", 1)[1]: file for file in files}


def test_pdf_text_has_the_correct_figures(evaluasi_files):
    from pypdf import PdfReader

    report = evaluasi_files["pdf"]
    assert report.filename == "evaluasi-kinerja-biro-pemerintahan-2020.pdf"
    reader = PdfReader(io.BytesIO(report.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for expected in ["LAPORAN EVALUASI KINERJA", "Tabel 3.1 Rencana dan Realisasi Input",
                     "Tabel 8.1 Capaian Kinerja", "Lampiran 1", "1.193.209.000", "853.232.370",
                     "71,51", "98,16", "82,81", "91,41", "Rp853.232.370 atau 71,51%",
                     "19741004 199402 1 002"]:
        assert expected in flat, expected
    assert "48,92" in flat  # the kegiatan total, correct at kegiatan level …
    assert "12,09" in flat  # … and its first tolok ukur with its own figures


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) missing")
def test_a_pdf_page_becomes_a_png_artefact(evaluasi_files, tmp_path):
    pdf = tmp_path / "evaluasi.pdf"
    pdf.write_bytes(evaluasi_files["pdf"].content)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "6", "-l", "6", "-singlefile",
                    str(pdf), str(ARTIFACTS / "evaluasi-halaman-6")], check=True)
    png = ARTIFACTS / "evaluasi-halaman-6.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000


def test_docx_tables_hold_the_core_figures(evaluasi_files):
    import docx

    document = docx.Document(io.BytesIO(evaluasi_files["docx"].content))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    tata_usaha = next(r for r in rows if "Tata Usaha Pemerintahan" in r and "71,51" in r)
    assert "1.193.209.000" in tata_usaha and "853.232.370" in tata_usaha
    assert any("Penyediaan Barang dan Jasa Perkantoran" in " ".join(r) and "98,16" in r
               for r in rows)
    assert any("91,41" in r for r in rows)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "BAB VIII AKUNTABILITAS KINERJA" in headings


def test_xlsx_numbers_are_numbers_and_formulas_agree(evaluasi_files):
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(evaluasi_files["xlsx"].content))
    sheet = wb["Tabel 3.1"]

    def row_with(text):
        for row in sheet.iter_rows():
            if any(isinstance(c.value, str) and c.value.endswith(text) for c in row):
                return row
        raise AssertionError(text)

    leaf = row_with("Penyediaan Barang dan Jasa Perkantoran")
    numbers = [Decimal(str(c.value)) for c in leaf if isinstance(c.value, int | float | Decimal)]
    assert Decimal("655888600") in numbers and Decimal("643797451") in numbers
    kegiatan = row_with("Tata Usaha Pemerintahan")
    formulas = [c.value for c in kegiatan if isinstance(c.value, str) and c.value[:1] == "="]
    assert len(formulas) == 3
    assert formulas[0].startswith("=SUM(") and "/" in formulas[2]
    assert "Lampiran 1" in wb.sheetnames and "Keterangan" in wb.sheetnames


@pytest.mark.parametrize("kind", ["evaluasi", "lkjip", "pk", "realisasi", "renja"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_every_kind_in_every_format_for_2021(kind, fmt):
    report = make_report(kind, fmt, OrgUnit.objects.get(slug="biro-pemkesra"), 2021)
    magic = {"pdf": b"%PDF", "docx": b"PK", "xlsx": b"PK"}[fmt]
    assert report.content.startswith(magic)
    assert "-biro-pemkesra-2021" in report.filename and report.filename.endswith(f".{fmt}")


def test_cli_writes_the_report(tmp_path):
    out = tmp_path / "lk.xlsx"
    call_command("report", "--unit", "biro-pemerintahan", "--year", "2020", "--kind", "lkjip",
                 "--format", "xlsx", "--output", str(out), stdout=io.StringIO())
    assert out.read_bytes().startswith(b"PK")


def test_reports_page_and_download(login):
    client = login("operator")
    page = client.get(reverse("reports", args=["biro-pemerintahan", 2020])).content.decode()
    assert "Laporan Evaluasi Kinerja" in page and "Unduh PDF" in page
    response = client.get(reverse("report-download",
                                  args=["biro-pemerintahan", 2020, "pk", "docx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="perjanjian-kinerja-biro-pemerintahan-2020.docx"')
    assert response.content.startswith(b"PK")
    unknown = client.get(reverse("report-download",
                                 args=["biro-pemerintahan", 2020, "rahasia", "pdf"]))
    assert unknown.status_code == 404


def test_outsider_cannot_download(db, client, django_user_model):
    from kinerja.org.models import Government, Membership

    other = Government.objects.create(name="Provinsi Lain", kind="provinsi", code="98")
    user = django_user_model.objects.create_user("luar")
    Membership.objects.create(user=user, government=other, role="admin")
    client.force_login(user)
    url = reverse("report-download", args=["biro-pemerintahan", 2020, "evaluasi", "xlsx"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("reports", args=["biro-pemerintahan", 2020])).status_code == 404
