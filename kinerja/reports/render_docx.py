"""The Word renderer: a ``Document`` → .docx bytes (python-docx).

The file is meant to be edited further in Word, so the look lives in the style sheet: Normal
(Arial 11), Heading 1–3 (what the table of contents collects), Title (cover), Caption and two
styles based on it ("Judul Tabel" for table titles, which the list of tables collects by that
name, so that it works in a localised Word and in LibreOffice too, and "Judul Gambar" for
chart titles), List Bullet / List Number, a bordered table style and a few named paragraph
styles ("Isi Tabel", "Kepala Tabel", "Teks Kecil", …); direct
formatting is kept to what depends on the data (alignment of a column, indentation of a row
level, bold cells, row shading).

Layout: A4 with 2,5 cm margins, landscape sections on the document's wide paper (A4, F4 or
A3). The cover is a section of its own without a page number;
every ``Section`` starts a new Word section (portrait or landscape) with its page number
centred in the footer: i, ii, … for ``roman``, 1, 2, … for ``arabic`` (the first section of
each kind restarts at 1), none for ``none``. Arabic pages carry the unit and year at the top
right, as the PDF does. Each BAB (Heading 1) and each block after a ``PageBreak`` starts a
page, except at the top of a section.

The table of contents and the list of tables are real Word fields (``TOC``) that Word fills
in when the document is opened (``w:updateFields``); until then they show a hint. Cell texts
come from ``document.display`` only. The output is deterministic: the same document gives the
same bytes (fixed creation time, fixed zip entry times).
"""

from __future__ import annotations

import datetime
import io
import struct
import zipfile
from copy import deepcopy
from dataclasses import dataclass

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Length, Pt, RGBColor, Twips

from .document import (
    PAPERS,
    Block,
    Chart,
    Column,
    Cover,
    Document,
    Heading,
    ListOfTables,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    SignaturePair,
    Table,
    TableOfContents,
    display,
)

AUTHOR = "Kinerja"
FONT = "Arial"
PAGE_SHORT = Cm(21)  # A4: every portrait page
PAGE_LONG = Cm(29.7)
MARGIN = Cm(2.5)
HEADER_FOOTER_DISTANCE = Cm(1.25)
LEVEL_INDENT = Cm(0.4)  # per ``Row.level`` in the label column
MAX_INDENT = 6  # deepest level indented further
MANY_COLUMNS = 8  # from this many columns on, tables are set in 8 pt instead of 9 pt
NARROW_TEXT = 6  # text columns at most this wide (NO) are centred
KEEP_TOGETHER_ROWS = 12  # tables with at most this many rows are kept on one page
CHART_DPI = 200
SIGNATURE_SHARE = 0.6  # a single signature takes the right 60 % of the line
SIGNATURE_BLANK_LINES = 3
CELL_MARGINS = 2 * 57 + 30  # twips: the table style's left and right cell margins, and some air

TOC_INSTR = 'TOC \\o "1-3" \\h \\z \\u'
LOT_INSTR = 'TOC \\h \\z \\t "Judul Tabel,1"'
TOC_HINT = "Klik kanan lalu pilih Update Field untuk memperbarui daftar isi."
LOT_HINT = "Klik kanan lalu pilih Update Field untuk memperbarui daftar tabel."

SHADE_HEADER = "E6E6E6"
SHADE_ROW = {"group": "F0F0F0", "total": "E6E6E6"}

# Style names (python-docx looks styles up by their UI name).
S_BODY = "Body Text"
S_BULLET = "List Bullet"
S_NUMBER = "List Number"
S_CAPTION = "Caption"  # the built-in caption: the base of the two below
S_TABLE_CAPTION = "Judul Tabel"  # table titles: what DAFTAR TABEL collects
S_FIGURE_CAPTION = "Judul Gambar"  # looks like Caption, not collected into DAFTAR TABEL
S_FIGURE = "Gambar"
S_SMALL = "Teks Kecil"
S_CENTER = "Teks Tengah"
S_BOLD = "Teks Tebal"
S_RIGHT = "Teks Kanan"
S_CELL = "Isi Tabel"
S_CELL_SMALL = "Isi Tabel Kecil"
S_HEAD = "Kepala Tabel"
S_HEAD_SMALL = "Kepala Tabel Kecil"
S_SIGN = "Tanda Tangan"
S_COVER_TITLE = "Title"
S_COVER = "Sampul"
S_TABLE = "Tabel Laporan"

_PARAGRAPH_STYLES = {
    "body": S_BODY,
    "bullet": S_BULLET,
    "numbered": S_NUMBER,
    "small": S_SMALL,
    "center": S_CENTER,
    "bold": S_BOLD,
    "right": S_RIGHT,
}

# Children of w:sectPr that come after w:pgNumType, and of w:settings after w:updateFields.
_AFTER_PGNUMTYPE = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip
_AFTER_UPDATEFIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip
_BEFORE_FRAMEPR = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore")


# --- public API ------------------------------------------------------------------------


def render_docx(doc: Document) -> bytes:
    """The report as the bytes of a .docx file (A4, styles, TOC fields, page numbers)."""
    word = docx.Document()
    _setup_styles(word)
    _setup_settings(word)
    stamp = _stamp(doc)
    _core_properties(word, doc, stamp)
    _drop_thumbnail(word)
    _Writer(word, doc).write()
    buffer = io.BytesIO()
    word.save(buffer)
    return _fixed_zip(buffer.getvalue(), stamp)


# --- the writer ------------------------------------------------------------------------


@dataclass
class _Page:
    width: Length  # usable width between the margins
    height: Length  # usable height between the margins


class _Writer:
    """Appends the document's blocks to the Word body, section by section."""

    def __init__(self, word, doc: Document):
        self.word = word
        self.doc = doc
        self.body = word.element.body
        self.template_section_free = True  # the template's one section is not used yet
        self.seen_numbering: set[str] = set()
        self.page = _Page(PAGE_SHORT - 2 * MARGIN, PAGE_LONG - 2 * MARGIN)
        self.section_has_content = False
        self.pending_break = False
        self.after_table = False
        self.number_list: int | None = None  # w:numId of the numbered list being written
        self.list_number_abstract = _style_abstract_num(word, S_NUMBER)
        short, long = PAPERS[doc.wide_paper]  # landscape sections: the document's wide paper
        self.wide = (Cm(long), Cm(short))
        self.style_ids: dict[str, str | None] = {}

    def write(self) -> None:
        if self.doc.cover is not None:
            self._cover(self.doc.cover)
        for section in self.doc.sections:
            self._section(section)
        if self.template_section_free:  # nothing at all: still an A4 page
            self._start_section(False, "none")

    # --- sections ----------------------------------------------------------------------

    def _start_section(self, landscape: bool, numbering: str):
        if self.template_section_free:
            section = self.word.sections[0]
            self.template_section_free = False
        else:
            section = self._add_section()
        section.start_type = WD_SECTION.NEW_PAGE
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = self.wide if landscape else (PAGE_SHORT, PAGE_LONG)
        section.page_width = width
        section.page_height = height
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, MARGIN)
        section.gutter = 0
        section.header_distance = HEADER_FOOTER_DISTANCE
        section.footer_distance = HEADER_FOOTER_DISTANCE
        section.different_first_page_header_footer = False
        self.page = _Page(Emu(width - 2 * MARGIN), Emu(height - 2 * MARGIN))

        restart = numbering != "none" and numbering not in self.seen_numbering
        self.seen_numbering.add(numbering)
        _page_number_type(section, numbering, restart)
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        _clear(section.header)
        _clear(section.footer)
        if numbering != "none":
            _page_number_footer(section.footer)
        if numbering == "arabic":
            header = section.header.paragraphs[0]
            header.text = f"{self.doc.unit_name} · Tahun {self.doc.year}"

        self.section_has_content = False
        self.pending_break = False
        self.after_table = False
        self.number_list = None
        return section

    def _add_section(self):
        """Like ``Document.add_section`` but ends the previous section in its last paragraph
        when there is one, instead of adding an empty paragraph (which can spill onto a blank
        page after a table that fills its page)."""
        from docx.section import Section as WordSection

        sentinel = self.body.get_or_add_sectPr()
        previous = sentinel.getprevious()
        reusable = (
            previous is not None
            and previous.tag == qn("w:p")
            and not previous.xpath("./w:pPr/w:sectPr | ./w:pPr/w:framePr | .//w:fldChar")
        )
        if not reusable:
            previous = self.body.add_p()
            # an empty paragraph after a table: as small as possible
            pPr = previous.get_or_add_pPr()
            pPr.append(
                parse_xml(
                    f'<w:spacing {nsdecls("w")} w:before="0" w:after="0" '
                    'w:line="240" w:lineRule="auto"/>'
                )
            )
            pPr.append(
                parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
            )
        previous.set_sectPr(sentinel.clone())
        for ref in sentinel.xpath("w:headerReference|w:footerReference"):
            sentinel.remove(ref)
        return WordSection(sentinel, self.word.part)

    def _cover(self, cover: Cover) -> None:
        self._start_section(False, "none")
        for i, line in enumerate(cover.lines):
            p = self._paragraph(line, S_COVER_TITLE)
            if i == 0:
                p.paragraph_format.space_before = Cm(2)
        # One paragraph (lines broken) in one frame at the foot of the page.
        p = self._paragraph("\n".join(x for x in (cover.unit, cover.government) if x), S_COVER)
        if cover.place_year:
            run = p.add_run()
            run.add_break()
            run.add_break()
            run.add_text(cover.place_year)
            run.font.size = Pt(12)
        _bottom_frame(p, self.page.width)

    def _section(self, section: Section) -> None:
        self._start_section(section.landscape, section.numbering)
        for block in section.blocks:
            if isinstance(block, PageBreak):
                self.pending_break = self.section_has_content
                continue
            self._block(block)
            self.section_has_content = True
            self.pending_break = False

    def _block(self, block: Block) -> None:
        if not (isinstance(block, Paragraph) and block.style == "numbered"):
            self.number_list = None
        if isinstance(block, Heading):
            self._heading(block)
        elif isinstance(block, Paragraph):
            self._text(block)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Chart):
            self._chart(block)
        elif isinstance(block, Signature):
            self._signatures(
                [block], Emu(int(self.page.width * SIGNATURE_SHARE)), WD_TABLE_ALIGNMENT.RIGHT
            )
        elif isinstance(block, SignaturePair):
            self._signatures([block.left, block.right], self.page.width, WD_TABLE_ALIGNMENT.CENTER)
        elif isinstance(block, TableOfContents):
            self._field_list(block.title, TOC_INSTR, TOC_HINT)
        elif isinstance(block, ListOfTables):
            self._field_list(block.title, LOT_INSTR, LOT_HINT)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")

    # --- paragraphs --------------------------------------------------------------------

    def _paragraph(self, text: str, style: str, *, bold: bool | None = None):
        """A new body paragraph; it takes a pending page break and the gap after a table."""
        p = self.word.add_paragraph()
        style_id = self._paragraph_style_id(style)
        if style_id is not None:
            p._p.get_or_add_pPr().style = style_id
        if self.pending_break:
            p.paragraph_format.page_break_before = True
            self.pending_break = False
        elif self.after_table:  # not at the top of a page
            p.paragraph_format.space_before = Pt(9)
        self.after_table = False
        if text:
            _add_text(p, text, bold)
        return p

    def _paragraph_style_id(self, name: str) -> str | None:
        """The id of a paragraph style (None for the default, Normal), as python-docx's
        ``add_paragraph(style=name)`` sets it, but looked up once per name: python-docx
        searches the whole style sheet on every call."""
        if name not in self.style_ids:
            style = self.word.styles[name]
            default = self.word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
            self.style_ids[name] = None if style == default else style.style_id
        return self.style_ids[name]

    def _heading(self, heading: Heading) -> None:
        if heading.level <= 1 and self.section_has_content:
            self.pending_break = True  # each BAB starts a page
        self._paragraph(heading.text, f"Heading {min(max(heading.level, 1), 3)}")

    def _text(self, block: Paragraph) -> None:
        p = self._paragraph(block.text, _PARAGRAPH_STYLES.get(block.style, S_BODY))
        if block.style == "numbered":
            if self.number_list is None:  # each run of numbered paragraphs counts from 1
                self.number_list = self._new_number_list()
            if self.number_list is not None:
                numPr = p._p.get_or_add_pPr().get_or_add_numPr()
                numPr.get_or_add_ilvl().val = 0
                numPr.get_or_add_numId().val = self.number_list

    def _new_number_list(self) -> int | None:
        if self.list_number_abstract is None:
            return None
        numbering = self.word.part.numbering_part.element
        num = numbering.add_num(self.list_number_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _field_list(self, title: str, instr: str, hint: str) -> None:
        """DAFTAR ISI / DAFTAR TABEL: a heading (listed in the TOC, as in the PDF) and a TOC
        field that Word fills in."""
        self._heading(Heading(title, 1))
        p = self._paragraph("", "Normal")
        _add_field(p, instr, hint, dirty=True)

    # --- tables ------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        self._paragraph(table.title, S_TABLE_CAPTION)  # kept with the table by its style
        columns = table.columns
        if not columns:  # nothing to draw: the title and the notes only
            self._notes(table)
            return
        small = len(columns) >= MANY_COLUMNS
        head_style = _style_id(self.word, S_HEAD_SMALL if small else S_HEAD)
        body_style = _style_id(self.word, S_CELL_SMALL if small else S_CELL)
        texts = [
            [(display(cell), cell.bold or row.style != "normal") for cell in row.cells]
            for row in table.rows
        ]
        widths = _widths(columns, texts, int(self.page.width.twips), 8 if small else 9)

        word_table = self.word.add_table(rows=0, cols=len(columns))
        word_table.style = self.word.styles[S_TABLE]
        _table_geometry(word_table, widths, WD_TABLE_ALIGNMENT.CENTER)

        header_rows = self._header_rows(word_table, columns, head_style)
        if table.numbered_header:
            row = word_table.add_row()
            for i, cell in enumerate(row.cells):
                _cell_paragraph(cell, str(i + 1), head_style, bold=False)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            header_rows.append(row)
        for row in header_rows:
            _row_properties(row._tr, header=True)
            for tc in row._tr.tc_lst:  # every w:tc, also the lower halves of merged cells
                _shade(tc, SHADE_HEADER)
            for cell in row.cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
        _fit_merged_widths(word_table, widths)

        label = table.label_index()
        prototypes = [
            _cell_prototype(width, body_style, _align(column))
            for width, column in zip(widths, columns, strict=True)
        ]
        keep = len(table.rows) <= KEEP_TOGETHER_ROWS
        tbl = word_table._tbl
        for r, (row, row_texts) in enumerate(zip(table.rows, texts, strict=True)):
            # Body rows are built from per-column prototype cells: much faster than the
            # python-docx object API on tables of thousands of cells, same XML.
            tr = parse_xml(f"<w:tr {nsdecls('w')}><w:trPr><w:cantSplit/></w:trPr></w:tr>")
            shade = SHADE_ROW.get(row.style)
            indent = int(LEVEL_INDENT.twips) * min(max(row.level, 0), MAX_INDENT)
            for i, (text, bold) in enumerate(row_texts):
                tc = deepcopy(prototypes[i])
                tcPr, p = tc[0], tc[1]
                pPr = p[0]
                if shade:
                    tcPr.append(_shd(shade))
                if keep and r < len(table.rows) - 1:
                    pPr[0].addnext(OxmlElement("w:keepNext"))
                if i == label and indent:
                    pPr[-1].addprevious(OxmlElement("w:ind", {qn("w:left"): str(indent)}))
                if text:
                    p.append(_run(text, bold))
                tr.append(tc)
            tbl.append(tr)
        self.after_table = True
        self._notes(table)

    def _notes(self, table: Table) -> None:
        for i, note in enumerate(table.notes):
            p = self._paragraph(note, S_SMALL)
            if i == 0:
                p.paragraph_format.space_before = Pt(3)

    def _header_rows(self, word_table, columns: tuple[Column, ...], style: str) -> list:
        """One header row, or two when some columns share a group: the group spans its
        columns on the first row; ungrouped headers span both rows."""
        if not any(c.group for c in columns):
            row = word_table.add_row()
            for cell, column in zip(row.cells, columns, strict=True):
                _cell_paragraph(cell, column.header, style)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            return [row]
        top, bottom = word_table.add_row(), word_table.add_row()
        top_cells, bottom_cells = top.cells, bottom.cells
        spans: list[tuple[int, int, str, bool]] = []  # first, last, text, grouped
        for i, column in enumerate(columns):
            if column.group and spans and spans[-1][3] and spans[-1][2] == column.group:
                spans[-1] = (spans[-1][0], i, column.group, True)
            elif column.group:
                spans.append((i, i, column.group, True))
            else:
                spans.append((i, i, column.header, False))
        for first, last, text, grouped in spans:
            if grouped:
                merged = (
                    top_cells[first].merge(top_cells[last]) if last > first else top_cells[first]
                )
                for i in range(first, last + 1):
                    _cell_paragraph(bottom_cells[i], columns[i].header, style)
                    bottom_cells[i].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            else:
                merged = top_cells[first].merge(bottom_cells[first])
            _cell_paragraph(merged, text, style)
            merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        return [top, bottom]

    # --- charts ------------------------------------------------------------------------

    def _chart(self, chart: Chart) -> None:
        from kinerja.reports import charts

        png = charts.render_png(chart, dpi=CHART_DPI, with_title=False)
        px_width, px_height = struct.unpack(">II", png[16:24])
        natural = Emu(int(px_width / CHART_DPI * 914400))
        width = min(self.page.width, natural)
        max_height = self.page.height - Cm(3)  # room for the caption
        if width * px_height / px_width > max_height:
            width = Emu(int(max_height * px_width / px_height))
        p = self._paragraph("", S_FIGURE)
        shape = p.add_run().add_picture(io.BytesIO(png), width=Emu(int(width)))
        doc_pr = shape._inline.docPr
        doc_pr.set("name", f"Grafik {chart.key}")
        describe = getattr(charts, "describe", None)
        doc_pr.set("descr", describe(chart) if describe else chart.title)
        self._paragraph(chart.title, S_FIGURE_CAPTION)

    # --- signatures --------------------------------------------------------------------

    def _signatures(self, signatures: list[Signature], width: Length, align) -> None:
        """Signatures side by side in a borderless table of two rows (offices, then the
        names after the blank lines) so that names stand on one line whatever the offices."""
        spacer = self._paragraph("", "Normal")  # also keeps the table off a table above
        spacer.paragraph_format.keep_with_next = True
        style = _style_id(self.word, S_SIGN)
        n = len(signatures)
        widths = [int(width.twips) // n] * n
        word_table = self.word.add_table(rows=2, cols=n)
        _table_geometry(word_table, widths, align)
        _no_borders(word_table)
        heads, names = word_table.rows
        for row in (heads, names):
            _row_properties(row._tr, header=False)
        for signature, head, name in zip(signatures, heads.cells, names.cells, strict=True):
            head.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            lines = [(signature.place_date, False)]
            caption = _signature_caption(signature)
            if caption:
                lines.append((caption, True))
            lines += [(line, True) for line in signature.title_lines]
            for i, (text, bold) in enumerate(lines):
                p = _cell_paragraph(head, text, style, bold=bold or None, new=i > 0)
                p.paragraph_format.keep_with_next = True
            for i in range(SIGNATURE_BLANK_LINES):
                _cell_paragraph(name, "", style, new=i > 0).paragraph_format.keep_with_next = True
            p = _cell_paragraph(name, signature.name, style, bold=True, new=True)
            for run in p.runs:
                run.font.underline = True
            if signature.rank:
                _cell_paragraph(name, signature.rank, style, new=True)
            if signature.nip:
                _cell_paragraph(name, f"NIP. {signature.nip}", style, new=True)
        self.after_table = True


# --- cells and tables ------------------------------------------------------------------


def _cell_paragraph(cell, text: str, style_id: str, *, bold: bool | None = None, new=False):
    """Writes ``text`` into the cell's first paragraph (or a new one) with a style id."""
    p = cell.add_paragraph() if new else cell.paragraphs[0]
    p._p.get_or_add_pPr().style = style_id
    if text:
        _add_text(p, text, bold)
    return p


def _cell_prototype(width: int, style_id: str, align: str):
    """An empty body cell: its width, paragraph style and alignment."""
    return parse_xml(
        f'<w:tc {nsdecls("w")}><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="{align}"/></w:pPr></w:p></w:tc>'
    )


def _run(text: str, bold: bool):
    """A ``w:r`` with ``text`` (line feeds become line breaks), bold if asked."""
    run = OxmlElement("w:r")
    if bold:
        rPr = OxmlElement("w:rPr")
        rPr.append(OxmlElement("w:b"))
        rPr.append(OxmlElement("w:bCs"))
        run.append(rPr)
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        if line:
            t = OxmlElement("w:t", {qn("xml:space"): "preserve"})
            t.text = line
            run.append(t)
    return run


def _add_text(paragraph, text: str, bold: bool | None = None) -> None:
    run = paragraph.add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break()
        if line:
            run.add_text(line)
    if bold is not None:
        run.bold = bold


def _widths(
    columns: tuple[Column, ...], texts: list[list[tuple[str, bool]]], total: int, size: float
) -> list[int]:
    """Column widths in twips summing to ``total``: proportional to ``Column.width``, but no
    column narrower than its longest word (header or cell), so that "NO" or an amount is
    not broken inside; when the words do not fit at all, purely proportional."""
    weights = [max(c.width, 1) for c in columns]
    minimum = []
    for i, column in enumerate(columns):
        words = [(w, True) for w in column.header.split()] + [(str(i + 1), True)]
        for row in texts:
            text, bold = row[i]
            words.extend((w, bold) for w in text.split())
        minimum.append(max(_text_width(w, size, bold) for w, bold in words) + CELL_MARGINS)
    if sum(minimum) > total:
        minimum = [0] * len(columns)
    fixed: dict[int, int] = {}
    while True:  # give columns their minimum, share the rest by weight among the others
        free = [i for i in range(len(columns)) if i not in fixed]
        rest = total - sum(fixed.values())
        share = {i: rest * weights[i] / sum(weights[j] for j in free) for i in free}
        short = {i: minimum[i] for i in free if share[i] < minimum[i]}
        if not short:
            break
        fixed.update(short)
    widths = [fixed[i] if i in fixed else int(share[i]) for i in range(len(columns))]
    widths[-1] += total - sum(widths)
    return widths


# Arial advance widths in em (bold is a little wider), enough to size a column.
_NARROW = set(".,:;'!|iljtf ")
_MEDIUM = set('()-/[]r*"')
_WIDE = set("MW%@mw")


def _text_width(text: str, size: float, bold: bool) -> int:
    """Roughly how wide ``text`` is in Arial at ``size`` pt, in twips."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.28
        elif ch in _MEDIUM:
            em += 0.36
        elif ch in _WIDE:
            em += 0.86
        elif ch.isdigit():
            em += 0.556
        elif ch.isupper():
            em += 0.72
        else:
            em += 0.56
    return int(em * size * 20 * (1.08 if bold else 1.0))


def _table_geometry(word_table, widths: list[int], align) -> None:
    word_table.autofit = False  # fixed layout: Word keeps the widths given
    word_table.alignment = align
    for column, width in zip(word_table.columns, widths, strict=True):
        column.width = Twips(width)
    tblPr = word_table._tbl.tblPr
    tblW = tblPr.find(qn("w:tblW"))
    if tblW is None:
        tblW = OxmlElement("w:tblW")
        tblPr.append(tblW)
    tblW.set(qn("w:type"), "dxa")
    tblW.set(qn("w:w"), str(sum(widths)))
    for tr in word_table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths, strict=False):
            tc.width = Twips(width)


def _fit_merged_widths(word_table, widths: list[int]) -> None:
    """Each cell as wide as the grid columns it spans."""
    for tr in word_table._tbl.tr_lst:
        position = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Twips(sum(widths[position : position + span]))
            position += span


def _row_properties(tr, *, header: bool) -> None:
    """Rows are not split across pages; header rows repeat on every page."""
    trPr = tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))
    if header:
        trPr.append(OxmlElement("w:tblHeader"))


def _shd(fill: str):
    return OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})


def _shade(tc, fill: str) -> None:
    tcPr = tc.get_or_add_tcPr()
    old = tcPr.find(qn("w:shd"))
    if old is not None:
        tcPr.remove(old)
    shd = _shd(fill)
    # w:shd comes after tcW, gridSpan, vMerge, tcBorders and before noWrap, tcMar, vAlign, …
    after = [
        tcPr.find(qn(t))
        for t in ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
    ]
    after = [e for e in after if e is not None]
    if after:
        after[0].addprevious(shd)
    else:
        tcPr.append(shd)


def _no_borders(word_table) -> None:
    tblPr = word_table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    # w:tblBorders comes after tblStyle … tblInd and before shd, tblLayout, tblCellMar, tblLook
    after = [tblPr.find(qn(t)) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")]
    after = [e for e in after if e is not None]
    if after:
        after[0].addprevious(borders)
    else:
        tblPr.append(borders)


def _align(column: Column) -> str:
    """The ``w:jc`` of a body column: numbers right, narrow text (NO) centred, text left."""
    if column.kind != "text":
        return "right"
    return "center" if column.width <= NARROW_TEXT else "left"


def _signature_caption(signature: Signature) -> str:
    """The caption ("PIHAK PERTAMA") is printed once, even if a title line repeats it."""
    caption = signature.caption
    if caption and caption.strip().rstrip(",").upper() in (
        line.strip().rstrip(",").upper() for line in signature.title_lines
    ):
        return ""
    return caption


# --- fields, page numbers, frames -----------------------------------------------------


def _add_field(paragraph, instr: str, result: str, *, dirty: bool = False) -> None:
    """A complex field: begin, instruction, separate, shown result, end."""

    def char(kind: str):
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        if dirty and kind == "begin":
            fld.set(qn("w:dirty"), "true")
        run.append(fld)
        return run

    p = paragraph._p
    p.append(char("begin"))
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run.append(text)
    p.append(run)
    p.append(char("separate"))
    shown = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = result
    shown.append(t)
    p.append(shown)
    p.append(char("end"))


def _page_number_type(section, numbering: str, restart: bool) -> None:
    sectPr = section._sectPr
    for old in sectPr.findall(qn("w:pgNumType")):
        sectPr.remove(old)
    if numbering == "none":
        return
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:fmt"), "lowerRoman" if numbering == "roman" else "decimal")
    if restart:
        pg.set(qn("w:start"), "1")
    successors = [e for e in sectPr if e.tag in {qn(t) for t in _AFTER_PGNUMTYPE}]
    if successors:
        successors[0].addprevious(pg)
    else:
        sectPr.append(pg)


def _page_number_footer(footer) -> None:
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_field(p, "PAGE", "1")


def _clear(part) -> None:
    """Leaves a header/footer with one empty paragraph."""
    paragraphs = part.paragraphs
    for p in paragraphs[1:]:
        p._p.getparent().remove(p._p)
    if paragraphs:
        for child in list(paragraphs[0]._p):
            if child.tag != qn("w:pPr"):
                paragraphs[0]._p.remove(child)


def _bottom_frame(paragraph, width: Length) -> None:
    """Puts the paragraph in a frame anchored at the bottom of the page's text area
    (consecutive paragraphs with the same frame share it): the cover's unit block."""
    frame = OxmlElement("w:framePr")
    frame.set(qn("w:w"), str(int(width.twips)))
    frame.set(qn("w:wrap"), "notBeside")
    frame.set(qn("w:vAnchor"), "margin")
    frame.set(qn("w:hAnchor"), "margin")
    frame.set(qn("w:xAlign"), "center")
    frame.set(qn("w:yAlign"), "bottom")
    pPr = paragraph._p.get_or_add_pPr()
    successors = [e for e in pPr if e.tag not in {qn(t) for t in _BEFORE_FRAMEPR}]
    if successors:
        successors[0].addprevious(frame)
    else:
        pPr.append(frame)


# --- the style sheet -------------------------------------------------------------------


def _set_font(parent, name: str = FONT) -> None:
    """Sets every script's font of ``parent``'s ``w:rPr`` to ``name`` and drops the theme
    fonts (which would win over it)."""
    rPr = parent.find(qn("w:rPr"))
    if rPr is None:
        rPr = parent.get_or_add_rPr()
    rFonts = rPr.find(qn("w:rFonts"))
    if rFonts is None:
        rFonts = OxmlElement("w:rFonts")
        rPr.insert(0, rFonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rFonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rFonts.set(qn(f"w:{attr}"), name)


def _paragraph_style(
    word,
    name: str,
    *,
    base: str = "Normal",
    size: float | None = None,
    bold: bool | None = None,
    align=None,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool | None = None,
):
    styles = word.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    if base and style.name != "Normal":
        style.base_style = styles[base]
    style.hidden = False
    style.unhide_when_used = False
    _set_font(style.element)
    font = style.font
    font.color.rgb = RGBColor(0, 0, 0)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep_next is not None:
        pf.keep_with_next = keep_next
    return style


def _setup_styles(word) -> None:
    styles = word.styles
    # Document defaults: Arial 11, Indonesian proofing, no spacing (styles add their own).
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    _set_font(rpr_default)
    rPr = rpr_default.find(qn("w:rPr"))
    lang = rPr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "id-ID")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    left, center, right = (
        WD_ALIGN_PARAGRAPH.LEFT,
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.RIGHT,
    )
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal = _paragraph_style(word, "Normal", size=11, after=6)
    normal.paragraph_format.line_spacing = 1.15

    h1 = _paragraph_style(
        word, "Heading 1", size=12, bold=True, align=center, before=0, after=18, keep_next=True
    )
    h2 = _paragraph_style(
        word, "Heading 2", size=11, bold=True, align=left, before=12, after=6, keep_next=True
    )
    h3 = _paragraph_style(
        word, "Heading 3", size=11, bold=True, align=left, before=6, after=6, keep_next=True
    )
    for style in (h1, h2, h3):
        style.paragraph_format.line_spacing = 1.15
    title = _paragraph_style(word, "Title", size=18, bold=True, align=center, before=0, after=0)
    title.paragraph_format.line_spacing = 1.3
    pPr = title.element.pPr
    if pPr is not None:
        for border in pPr.findall(qn("w:pBdr")):
            pPr.remove(border)
    rPr = title.element.rPr
    for tag in ("w:spacing", "w:kern"):
        for e in rPr.findall(qn(tag)):
            rPr.remove(e)
    _paragraph_style(word, S_COVER, size=14, bold=True, align=center, before=0, after=0)

    _paragraph_style(word, S_BODY, align=justify, before=0, after=6)
    for name in (S_BULLET, S_NUMBER):
        _paragraph_style(word, name, align=justify, after=3)
    _paragraph_style(word, S_SMALL, size=9, align=left, after=3)
    _paragraph_style(word, S_CENTER, align=center)
    _paragraph_style(word, S_BOLD, bold=True, align=left)
    _paragraph_style(word, S_RIGHT, align=right)

    caption = _paragraph_style(
        word, S_CAPTION, size=10, bold=True, align=center, before=9, after=6, keep_next=True
    )
    caption.paragraph_format.line_spacing = 1.0
    _paragraph_style(word, S_FIGURE, align=center, before=9, after=0, keep_next=True)
    _paragraph_style(word, S_TABLE_CAPTION, base=S_CAPTION)
    _paragraph_style(word, S_FIGURE_CAPTION, base=S_CAPTION, before=3, after=9, keep_next=False)

    for name, size, bold, align in (
        (S_CELL, 9, None, left),
        (S_CELL_SMALL, 8, None, left),
        (S_HEAD, 9, True, center),
        (S_HEAD_SMALL, 8, True, center),
    ):
        style = _paragraph_style(word, name, size=size, bold=bold, align=align, before=0, after=0)
        style.paragraph_format.line_spacing = 1.0
    sign = _paragraph_style(word, S_SIGN, align=center, before=0, after=0)
    sign.paragraph_format.line_spacing = 1.15

    _paragraph_style(word, "Footer", size=10, align=center, before=0, after=0)
    header = _paragraph_style(word, "Header", size=8, align=right, before=0, after=0)
    header.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    _table_style(word)


def _table_style(word) -> None:
    """A bordered table style: thin black grid, narrow cell margins, single spacing."""
    style = word.styles.add_style(S_TABLE, WD_STYLE_TYPE.TABLE)
    style.base_style = word.styles["Normal Table"]
    style.quick_style = True
    edges = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = "".join(
        f'<w:{side} w:w="{w}" w:type="dxa"/>'
        for side, w in (("top", 17), ("left", 57), ("bottom", 17), ("right", 57))
    )
    style.element.append(
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:spacing w:before="0" w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr>'
        )
    )
    style.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>{edges}</w:tblBorders>"
            f"<w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
        )
    )


def _style_id(word, name: str) -> str:
    return word.styles[name].style_id


def _style_abstract_num(word, name: str) -> int | None:
    """The abstract numbering the list style points at (to start new lists from it)."""
    style = word.styles[name].element
    num_ids = style.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if not num_ids:
        return None
    numbering = word.part.numbering_part.element
    found = numbering.xpath(f'./w:num[@w:numId="{num_ids[0]}"]/w:abstractNumId/@w:val')
    return int(found[0]) if found else None


# --- settings, properties, determinism -------------------------------------------------


def _setup_settings(word) -> None:
    """``w:updateFields``: Word offers to update the TOC fields when the file is opened."""
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    tags = {qn(t) if not t.startswith("sl:") else None for t in _AFTER_UPDATEFIELDS}
    tags.add("{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary")
    successors = [e for e in settings if e.tag in tags]
    if successors:
        successors[0].addprevious(update)
    else:
        settings.append(update)


def _stamp(doc: Document) -> datetime.datetime:
    """The fixed creation time written into the document (zip times need ≥ 1980)."""
    return max(doc.created(), datetime.datetime(1980, 1, 1))


def _core_properties(word, doc: Document, stamp: datetime.datetime) -> None:
    props = word.core_properties
    props.title = doc.title
    props.subject = " · ".join(x for x in (doc.unit_name, doc.government_name) if x)
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.keywords = f"SAKIP; {doc.kind}; {doc.year}"
    props.comments = ""
    props.category = doc.kind
    props.language = "id-ID"
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


def _drop_thumbnail(word) -> None:
    """The template's thumbnail shows an empty page: not this document."""
    rels = word.part.package.rels
    for rId, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rId]


def _fixed_zip(data: bytes, stamp: datetime.datetime) -> bytes:
    """The same package with fixed entry times, so that equal documents give equal bytes."""
    date_time = stamp.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
