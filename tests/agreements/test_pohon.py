"""The pohon kinerja: trees from agreements, the layout, and the SVG and PNG drawings (no
database)."""

import io
import xml.etree.ElementTree as ET
from decimal import Decimal

from PIL import Image

from kinerja.agreements import pohon
from kinerja.agreements.domain import AgreementDoc, Line

D = Decimal
ONE = Decimal(1)


def doc(unit_id, superior, eselon, name, lines):
    return AgreementDoc(
        agreement_id=unit_id, unit_id=unit_id, unit_slug=f"u{unit_id}", unit_name=name,
        eselon=eselon, year=2020, title=name, superior_unit_id=superior, lines=tuple(lines),
    )


def line(key, statement, parent=None, target=ONE, satuan="Dokumen"):
    return Line(key, 0, "Kegiatan", statement, satuan, target, parent_key=parent)


DOCS = [
    doc(1, None, "II", "Biro", [line(10, "Keselarasan kebijakan", target=D(100), satuan="%")]),
    doc(2, 1, "III", "Bagian A", [line(20, "Kebijakan kerjasama", 10)]),
    doc(3, 1, "III", "Bagian B & <C>", [line(30, "Kebijakan wilayah")]),  # supports nothing
    doc(4, 2, "IV", "Sub A1", [line(40, "Dokumen kerjasama", 20, D(5)),
                               line(41, "Rumusan teknis", 20)]),
    doc(5, 3, "IV", "Sub B1", [line(50, "Administrasi rupabumi", 30, D(4))]),
]
COLUMNS = {1: 0, 2: 1, 3: 1, 4: 2, 5: 2}


def test_forest_follows_the_links_and_marks_the_orphan():
    forest = pohon.build_forest(DOCS, COLUMNS)
    assert [(r.key, r.orphan) for r in forest] == [(10, False), (30, True)]
    biro, orphan = forest
    assert [c.key for c in biro.children] == [20]
    assert [c.key for c in biro.children[0].children] == [40, 41]
    assert [c.key for c in orphan.children] == [50]
    assert [n.column for n in biro.walk()] == [0, 1, 2, 2]
    assert biro.target == "100 %" and orphan.children[0].target == "4 Dokumen"


def test_a_root_is_no_orphan_when_its_superior_has_no_agreement_here():
    forest = pohon.build_forest(DOCS[1:2] + DOCS[3:4], {2: 0, 4: 1})
    assert [(r.key, r.orphan) for r in forest] == [(20, False)]


def test_layout_puts_parents_beside_the_middle_of_their_children():
    forest = pohon.build_forest(DOCS, COLUMNS)
    lay = pohon.layout(forest, "Pohon kinerja Biro 2020")
    boxes = {b.lines[0]: b for b in lay.boxes}
    a1, a2 = boxes["Dokumen kerjasama"], boxes["Rumusan teknis"]
    assert a1.x == a2.x > boxes["Kebijakan kerjasama"].x > boxes["Keselarasan kebijakan"].x
    assert boxes["Kebijakan kerjasama"].y == (a1.y + a2.y) // 2
    assert boxes["Keselarasan kebijakan"].y == boxes["Kebijakan kerjasama"].y
    assert boxes["Administrasi rupabumi"].y > a2.y  # the orphan tree comes after
    assert len(lay.edges) == 4  # 10→20, 20→40, 20→41, 30→50
    assert [h for _, h in lay.headings] == ["Eselon II", "Eselon III", "Eselon IV"]
    assert all(b.x + pohon.BOX_W <= lay.width and b.y + pohon.BOX_H <= lay.height
               for b in lay.boxes)


def test_long_statements_are_wrapped_and_cut():
    long = "Persentase terwujudnya penata usaha keuangan dan pencapaian kinerja program " * 3
    [root] = pohon.build_forest([doc(1, None, "II", "Biro", [line(1, long)])], {1: 0})
    [box] = pohon.layout([root], "t").boxes
    assert len(box.lines) == pohon.STATEMENT_LINES
    assert box.lines[-1].endswith("…")
    assert all(len(text) <= pohon.WRAP for text in box.lines)


def test_svg_is_well_formed_escaped_and_says_what_it_shows():
    forest = pohon.build_forest(DOCS, COLUMNS)
    svg = pohon.render_svg(pohon.layout(forest, "Pohon <kinerja>"), pohon.describe(forest))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Pohon <kinerja>"
    desc = root.find(f"{ns}desc").text
    assert "Sub A1: Dokumen kerjasama (target 5 Dokumen), mendukung «Kebijakan kerjasama»" in desc
    assert "Bagian B & <C>: Kebijakan wilayah (target 1 Dokumen), tanpa induk" in desc
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "Bagian B & <C>" in texts and "tanpa induk" in texts
    assert len(root.findall(f"{ns}path")) == 4
    assert len(root.findall(f".//{ns}g[@class='box orphan']")) == 1


def test_empty_tree_says_so():
    svg = pohon.render_svg(pohon.layout([], "Pohon kinerja"), pohon.describe([]))
    assert "Belum ada perjanjian kinerja." in svg
    ET.fromstring(svg)


def test_png_has_the_layout_size_times_the_scale():
    forest = pohon.build_forest(DOCS, COLUMNS)
    lay = pohon.layout(forest, "Pohon kinerja")
    image = Image.open(io.BytesIO(pohon.render_png(lay, scale=2)))
    assert image.format == "PNG"
    assert image.size == (lay.width * 2, lay.height * 2)
    # the boxes are drawn: the pixel in the middle of the first box is its tint, not white
    box = lay.boxes[0]
    x, y = (box.x + pohon.BOX_W - 20) * 2, (box.y + pohon.BOX_H // 2) * 2
    assert image.convert("RGB").getpixel((x, y)) != (255, 255, 255)
