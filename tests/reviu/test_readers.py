"""Files are checked before they are read: type by their first bytes, size, the zip entries
of DOCX/XLSX (a "zip bomb" is refused), pages, rows and lines; every refusal is a clear
Indonesian message, never an exception."""

import io
import zipfile

import pytest

from kinerja.reviu import readers
from kinerja.reviu.readers import RefusedFile, detect_format, read
from kinerja.reviu.service import reviu_file

from .files import Tab, docx_file, xlsx_file

SMALL = [Tab("Tabel 1", ["NO", "URAIAN", "RENCANA", "REALISASI", "%"],
             [["1", "Kegiatan Satu", "10", "5", "50,00"]])]


def zipped(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, fmt", [
    ("laporan.pdf", b"%PDF-1.7\n...", "pdf"),
    ("tanpa-nama", docx_file(SMALL), "docx"),  # the bytes decide, not the name
    ("laporan.docx", xlsx_file(SMALL), "xlsx"),
    ("laporan.csv", b"a;b\n1;2\n", "csv"),
    ("laporan.md", b"| a | b |\n", "text"),
    ("laporan.txt", "Tabel\tRencana\n".encode("utf-16"), "text"),
], ids=["pdf", "docx-unnamed", "xlsx-named-docx", "csv", "md", "txt-utf16"])
def test_format_by_content(name, data, fmt):
    assert detect_format(name, data) == fmt


@pytest.mark.parametrize("name, data, message", [
    ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "format lama"),
    ("gambar.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "bukan dokumen"),
    ("arsip.zip", zipped({"a.txt": "x"}), "bukan DOCX atau XLSX"),
    ("rusak.docx", b"PK\x03\x04" + bytes(50), "rusak"),
    ("kosong.txt", b"", "kosong"),
], ids=["doc", "png", "zip", "broken-docx", "empty"])
def test_refused_files(name, data, message):
    result = reviu_file(name, data)
    assert message in result.refused and result.findings == []


def test_too_large(monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    assert "batasnya" in reviu_file("besar.txt", b"x" * 101).refused


def test_a_zip_bomb_is_refused():
    bomb = zipped({"word/document.xml": b"0" * (20 * 1024 * 1024), "[Content_Types].xml": "x"})
    assert len(bomb) < 100_000
    result = reviu_file("bom.docx", bomb)
    assert "mengembang" in result.refused


def test_too_many_entries(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ZIP_MEMBERS", 3)
    data = zipped({"xl/workbook.xml": "x", **{f"f{i}": "x" for i in range(5)}})
    assert "bagian" in reviu_file("banyak.xlsx", data).refused


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ROWS", 1)
    assert "batasnya" in reviu_file("t.xlsx", xlsx_file(SMALL)).refused


def test_too_many_lines(monkeypatch):
    monkeypatch.setattr(readers, "MAX_LINES", 3)
    assert "baris" in reviu_file("t.txt", b"a\nb\nc\nd\ne\n").refused


def test_too_many_pages(monkeypatch):
    from kinerja.reports.document import Document, PageBreak, Paragraph, Section
    from kinerja.reports.render_pdf import render_pdf

    doc = Document("evaluasi", "Uji", "Unit", "Pemda", 2021, (
        Section((Paragraph("satu"), PageBreak(), Paragraph("dua"))),))
    pdf = render_pdf(doc)
    monkeypatch.setattr(readers, "MAX_PAGES", 1)
    assert "halaman" in reviu_file("dua.pdf", pdf).refused


def test_a_malformed_docx_is_refused_with_the_reason():
    data = zipped({"word/document.xml": "<w:document", "[Content_Types].xml": "x"})
    result = reviu_file("rusak.docx", data)
    assert "tidak dapat dibaca sebagai DOCX" in result.refused


def test_reading_never_raises_anything_but_refused_file():
    with pytest.raises(RefusedFile):
        read("x.xlsx", zipped({"xl/workbook.xml": "<workbook"}))


def test_a_docx_asking_for_an_unknown_zip_version_is_refused():
    """A flipped byte in the zip's central directory may ask for a version zipfile does not
    have (NotImplementedError): refused with the reason, not an error of the server."""
    data = bytearray(docx_file([]))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = (206).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(RefusedFile, match="rusak"):
        read("laporan.docx", bytes(data))


@pytest.mark.parametrize(("left", "indent"), [("360", 360.0), ("-120", -120.0), ("²", 0.0)])
def test_a_docx_cell_indent_is_read_only_from_ascii_digits(left, indent):
    """Word writes the indent of a paragraph in twentieths of a point; a damaged value
    ("²": ``str.isdigit`` says digits, ``float`` refuses) counts as no indent."""
    import docx
    from docx.shared import Twips

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "URAIAN", "ANGGARAN"
    table.cell(1, 1).text = "1.000"
    paragraph = table.cell(1, 0).paragraphs[0]
    paragraph.add_run("Sub kegiatan")
    paragraph.paragraph_format.left_indent = Twips(777)
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                assert b'w:left="777"' in data
                data = data.replace(b'w:left="777"', f'w:left="{left}"'.encode())
            target.writestr(item, data)
    document = read("laporan.docx", out.getvalue())
    cell = document.tables()[0].rows[1][0]
    assert (cell.text, cell.indent) == ("Sub kegiatan", indent)
