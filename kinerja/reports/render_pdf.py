"""The PDF renderer: a ``Document`` → HTML (Django templates) → PDF (WeasyPrint).

Everything the templates print is prepared here as plain view data: cell texts come from
``document.display`` (the one display rule), column widths, header spans, page names and
table-of-contents entries are worked out in Python; the templates only loop and branch.

Pages (see ``reports/print.css``): the cover has no number, front matter (``numbering ==
"roman"``) is numbered i, ii, …, the first arabic section restarts at 1; each section starts
on a new page, landscape sections on landscape pages of the document's wide paper (A4, F4 or
A3). Nothing is fetched while rendering: the URL fetcher refuses every scheme except
``data:``, and fonts come from the system (Liberation Sans or DejaVu Sans; chart labels are
DejaVu Sans text).

Speed: ``start_pdf`` renders in a forked child while the caller makes the other formats.
"""

from __future__ import annotations

import base64
import functools
import gc
import logging
import math
import multiprocessing
import re
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Any

from kinerja.core.gcpause import gc_paused

from .document import (
    PAPERS,
    Block,
    Chart,
    Column,
    Document,
    Heading,
    ListOfTables,
    PageBreak,
    Paragraph,
    Signature,
    SignaturePair,
    Table,
    TableOfContents,
    display,
)

AUTHOR = "Kinerja"
MANY_COLUMNS = 8  # from this many columns on, tables are set one point smaller
VERY_MANY_COLUMNS = 16  # forms like the Evaluasi Renja (23 columns): as large as fits, ≥ 6,5 pt
MAX_INDENT = 6  # deepest ``Row.level`` indented further (CSS classes indent-0 … indent-6)
MIN_WIDTH = 5  # no column narrower than about five digits ("NO" in bold, padded)
# Estimating column widths (``_widths``): table font sizes, an upper-case bold letter against
# a digit, and the horizontal padding and border of a cell. The width of a digit comes from
# the font fontconfig gives for the print CSS's families (``digit_ems``).
TABLE_PT, SMALL_PT, TINY_PT = 9, 8, 6.5
VERY_MANY_PT = (SMALL_PT, 7, TINY_PT)  # tried in turn for the very wide forms
PT_CM = 2.54 / 72
FONT_FAMILIES = "Liberation Sans,DejaVu Sans"  # as print.css asks for them
# Digit widths (em, regular and bold) when the font file cannot be read: DejaVu Sans's, the
# widest of the two families, so that figures get too much room rather than too little.
FALLBACK_DIGIT_EMS = (0.636, 0.696)
CAPITAL_WIDTH = 1.25
CELL_PADDING_CM = 0.25
TEXT_EM = 0.5  # an average letter of running text
LINE_HEIGHT = 1.25
TALL_ROW = 1 / 3  # a row taller than this part of a page may break across pages
CROWDED_TEXT = 14  # a text column of a too-wide table keeps at least this many digits
NARROW_TEXT = 6  # text columns at most this wide (NO) are centred
# Page margins of print.css (cm): portrait 2,5 all round; landscape 2 top and bottom.
MARGIN_CM, LANDSCAPE_MARGIN_CM = 2.5, 2.0
CHILD_TIMEOUT = 600  # seconds a forked PDF renderer may take before it is given up


@dataclass(frozen=True)
class Page:
    """The text area of a page (cm): what the column widths are estimated against."""

    width: float
    height: float


PORTRAIT = Page(PAPERS["A4"][0] - 2 * MARGIN_CM, PAPERS["A4"][1] - 2 * MARGIN_CM)


def landscape_page(paper: str) -> Page:
    short, long = PAPERS[paper]
    return Page(long - 2 * MARGIN_CM, short - 2 * LANDSCAPE_MARGIN_CM)


def landscape_size_css(paper: str) -> str:
    """The CSS ``size`` of a landscape page on ``paper``."""
    if paper in ("A4", "A3"):  # CSS page-size keywords
        return f"{paper} landscape"
    short, long = PAPERS[paper]
    return f"{long:g}cm {short:g}cm"


_BAB = re.compile(r"^(BAB\s+[IVXLC]+)\.?\s+(.+)$")
_LIST_STYLES = {"bullet": False, "numbered": True}  # paragraph style → ordered list?


# --- view data -------------------------------------------------------------------------


@dataclass
class Item:
    """One block as the template sees it: ``kind`` selects the template branch."""

    kind: str
    block: Any = None
    break_before: bool = False
    id: str = ""
    data: Any = None


@dataclass
class HeadingView:
    level: int  # 1–3: h1–h3
    lines: list[str]


@dataclass
class ListView:
    """Consecutive bullet (or numbered) paragraphs, printed as one list."""

    ordered: bool
    texts: list[str]


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    css: str = ""


@dataclass
class BodyCell:
    text: str
    css: str = ""


@dataclass
class BodyRow:
    cells: list[BodyCell]
    css: str = ""


@dataclass
class TableView:
    title: str
    widths: list[str]  # CSS percentages, one per column
    header_rows: list[list[HeaderCell]]
    numbers: list[str]  # "1", "2", … (empty when the table has no numbered header row)
    rows: list[BodyRow]
    notes: tuple[str, ...]
    css: str


@dataclass
class TocEntry:
    text: str
    href: str
    level: int
    roman: bool  # the target is in the front matter, numbered i, ii, …


@dataclass
class Run:
    """Blocks printed on pages of one name (see print.css); every run starts a page."""

    numbering: str
    landscape: bool
    restart: bool  # the page counter restarts at 1 on the first page
    items: list[Item] = field(default_factory=list)

    @property
    def page(self) -> str:
        """The named ``@page`` of print.css."""
        name = {"roman": "front", "arabic": "body", "none": "plain"}[self.numbering]
        if self.landscape:
            name = "landscape" if name == "body" else f"{name}-landscape"
        return f"{name}-start" if self.restart else name


# --- public API ------------------------------------------------------------------------


def render_html(doc: Document) -> str:
    """The print HTML of ``doc`` (what WeasyPrint lays out)."""
    from django.template.loader import render_to_string

    return render_to_string("reports/document.html", _context(doc))


# WeasyPrint, Pango and fontconfig render one PDF at a time per process: a fork while another
# thread is inside them could leave their locks held in the child. Rendering is bound by the
# interpreter lock anyway, so threads gain nothing from running two at once.
_ENGINE = threading.Lock()
_log = logging.getLogger(__name__)
_warmed = False  # this process has made a PDF: fonts and stylesheets are loaded
_fonts = None  # WeasyPrint's FontConfiguration, shared by the PDFs of the process
_WARM_HTML = (
    '<html><body style="font-family: \'Liberation Sans\', \'DejaVu Sans\', sans-serif">'
    '<p>Kinerja <b>1.234,56</b> <i>%</i> <span style="font-family: \'DejaVu Sans\'">'
    "Jan</span></p></body></html>"
)


def render_pdf(doc: Document) -> bytes:
    """The report as PDF bytes (portrait pages A4, landscape pages on the document's wide
    paper; tagged, title and author in the metadata)."""
    return pdf_from_html(render_html(doc))


def pdf_from_html(html: str) -> bytes:
    """WeasyPrint's PDF of the print HTML. One at a time in a process (see ``_ENGINE``).

    The cyclic garbage collector is paused meanwhile: WeasyPrint allocates millions of
    objects (boxes, styles, PDF objects), which the collector would otherwise traverse again
    and again (about a sixth of the time); the render's own reference cycles are collected
    right after, from the youngest generation only, where they all are."""
    with _ENGINE, gc_paused():
        pdf = _write_pdf(html)
    gc.collect(0)
    return pdf


def start_pdf(doc: Document) -> PendingPdf:
    """Start the PDF of ``doc`` in a child process, so that the caller can make the other
    formats of the same document on the other core meanwhile; ``.result()`` gives the bytes
    (or raises what rendering raised). The HTML, charts included, is made here; the child
    only runs WeasyPrint on it, so it touches neither the database nor matplotlib.

    The child is forked (Linux): it starts at once, with the fonts and stylesheets the
    parent has loaded (``_warm`` loads them first in a process that has not made a PDF yet).
    No other thread is inside WeasyPrint while forking (``_ENGINE`` is held)."""
    html = render_html(doc)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    with _ENGINE:
        _warm()
        process = context.Process(target=_child, args=(html, writer), daemon=True)
        process.start()
    writer.close()
    return PendingPdf(html, process, reader)


@dataclass
class PendingPdf:
    """A PDF being rendered by a forked process (see ``start_pdf``)."""

    html: str
    process: Any
    reader: Any

    def result(self, timeout: float = CHILD_TIMEOUT) -> bytes:
        outcome = None
        try:
            if self.reader.poll(timeout):
                outcome = self.reader.recv()
        except (EOFError, OSError):  # the child died without answering
            outcome = None
        finally:
            self.reader.close()
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
        if outcome is None:
            _log.warning(
                "PDF child process gave no result (exit code %s); rendering here",
                self.process.exitcode,
            )
            return pdf_from_html(self.html)
        ok, value = outcome
        if not ok:
            raise value
        return value


def _warm() -> None:
    """Load WeasyPrint, its stylesheets and the report fonts once in this process (called
    with ``_ENGINE`` held), so that forked children inherit them instead of each loading
    them again (about as long as a short report)."""
    if not _warmed:
        _write_pdf(_WARM_HTML)


def _child(html: str, writer) -> None:
    """In the forked process: the PDF (or the exception) back through the pipe. The process
    ends after this one render, so its garbage goes with it: no cyclic collector at all."""
    gc.disable()
    try:
        outcome = (True, _write_pdf(html))
    except BaseException as error:  # the parent raises it
        outcome = (False, error)
    try:
        writer.send(outcome)
    except Exception:  # an exception that cannot be pickled: its text
        writer.send((False, RuntimeError(repr(outcome[1]))))
    finally:
        writer.close()


def _write_pdf(html: str) -> bytes:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    global _warmed, _fonts
    if _fonts is None:
        # One font configuration for the process instead of a new one per PDF: the fonts
        # stay open and measured from one report to the next (and in forked children).
        _fonts = FontConfiguration()
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"}, fail_on_errors=False)
    logger = logging.getLogger("weasyprint")
    logger.addFilter(_svg_style_noise)
    try:
        pdf = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(
            pdf_tags=True, font_config=_fonts
        )
    finally:
        logger.removeFilter(_svg_style_noise)
    _warmed = True
    return pdf


# WeasyPrint reads the ``style`` attributes of inline SVG elements as HTML CSS too and warns
# about every SVG property in them, although its SVG renderer applies them; those warnings
# (hundreds per chart) are dropped, every other warning is kept.
_SVG_PROPERTIES = frozenset(
    (
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "clip-rule",
        "stop-color",
        "stop-opacity",
        "text-anchor",
        "dominant-baseline",
        "paint-order",
    )
)


def _svg_style_noise(record: logging.LogRecord) -> bool:
    args = record.args if isinstance(record.args, tuple) else ()
    noise = (
        str(record.msg).startswith("Ignored `")
        and len(args) == 5
        and args[-1] == "unknown property"
        and str(args[0]).lower() in _SVG_PROPERTIES
    )
    return not noise


# --- building the context --------------------------------------------------------------


def _context(doc: Document) -> dict:
    runs = _runs(doc)
    toc, lot = _entries(doc)
    return {
        "doc": doc,
        "author": AUTHOR,
        "cover": doc.cover,
        "runs": runs,
        "toc": toc,
        "lot": lot,
        "header_css": _css_string(f"{doc.unit_name} · Tahun {doc.year}"),
        "landscape_size": landscape_size_css(doc.wide_paper),
    }


def _anchor(block: Block, index: int) -> str:
    """The id of a block (its position in the document): what the TOC points at."""
    return f"{type(block).__name__.lower()}-{index}"


def _runs(doc: Document) -> list[Run]:
    """The sections as runs of pages: a section is one run, but a ``Table`` with
    ``landscape=True`` in a portrait section gets a landscape run of its own. Headings that
    would end a run (before a page turn) move to the next run, above what they introduce."""
    runs: list[Run] = []
    seen: set[str] = set()
    index = 0
    wide = landscape_page(doc.wide_paper)
    for section in doc.sections:
        # The first roman and the first arabic section restart the page counter at 1; only
        # the first run of the section does, or the counter would restart again.
        restart = section.numbering != "none" and section.numbering not in seen
        seen.add(section.numbering)
        previous = runs[-1] if runs and runs[-1].numbering == section.numbering else None
        run = Run(section.numbering, section.landscape, restart)
        runs.append(run)
        pending_break = False
        for block in section.blocks:
            index += 1
            if isinstance(block, PageBreak):
                pending_break = True
                continue
            landscape = section.landscape or (isinstance(block, Table) and block.landscape)
            if landscape != run.landscape:
                if all(item.kind == "heading" for item in run.items):
                    run.landscape = landscape  # the headings turn with the table
                else:
                    moved = _trailing_headings(run) if landscape else []
                    run = Run(section.numbering, landscape, restart=False, items=moved)
                    runs.append(run)
            # Each BAB starts a page; a PageBreak breaks before the block that follows it.
            chapter = isinstance(block, Heading) and block.level == 1
            if previous is not None and not pending_break and not chapter:
                run.items[:0] = _trailing_headings(previous)
            previous = None
            item = _item(block, _anchor(block, index), run, wide if run.landscape else PORTRAIT)
            if item is None:  # merged into the previous list
                continue
            item.break_before = bool(run.items) and (pending_break or chapter)
            pending_break = False
            run.items.append(item)
    return [run for run in runs if run.items]


def _trailing_headings(run: Run) -> list[Item]:
    """Take the headings at the end of ``run`` (unless they are all it holds)."""
    keep = len(run.items)
    while keep and run.items[keep - 1].kind == "heading":
        keep -= 1
    if not keep:
        return []
    moved = run.items[keep:]
    del run.items[keep:]
    if moved:
        moved[0].break_before = False
    return moved


def _item(block: Block, anchor: str, run: Run, page: Page) -> Item | None:
    if isinstance(block, Heading):
        return Item("heading", block, id=anchor, data=_heading(block))
    if isinstance(block, Paragraph):
        if block.style in _LIST_STYLES:
            ordered = _LIST_STYLES[block.style]
            last = run.items[-1] if run.items else None
            if last is not None and last.kind == "list" and last.data.ordered == ordered:
                last.data.texts.append(block.text)
                return None
            return Item("list", block, data=ListView(ordered, [block.text]))
        return Item("paragraph", block)
    if isinstance(block, Table):
        return Item("table", block, id=anchor, data=_table_view(block, page))
    if isinstance(block, Chart):
        from kinerja.reports.charts import render_svg

        # As an image, not inline: WeasyPrint then draws the SVG without running the CSS
        # cascade over it; labels as text, which WeasyPrint draws far faster than glyph paths.
        svg = _strip_xml_prolog(render_svg(block, with_title=False))
        data = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
        return Item("chart", block, id=anchor, data=data)
    if isinstance(block, Signature):
        return Item("signature", block, data=_signature(block))
    if isinstance(block, SignaturePair):
        return Item("signature_pair", block, data=[_signature(block.left), _signature(block.right)])
    if isinstance(block, TableOfContents):
        return Item("toc", block, id=anchor)
    if isinstance(block, ListOfTables):
        return Item("lot", block, id=anchor)
    raise TypeError(f"unknown block {type(block).__name__}")


def _heading(heading: Heading) -> HeadingView:
    """``BAB I PENDAHULUAN`` is printed on two lines, as the government format does."""
    level = min(max(heading.level, 1), 3)
    match = _BAB.match(heading.text) if level == 1 else None
    return HeadingView(level, [match[1], match[2]] if match else [heading.text])


def _signature(signature: Signature) -> dict:
    # The caption ("PIHAK PERTAMA") is printed once, even if a title line repeats it.
    caption = signature.caption
    if caption and caption.strip().rstrip(",").upper() in (
        line.strip().rstrip(",").upper() for line in signature.title_lines
    ):
        caption = ""
    return {"s": signature, "caption": caption}


def _strip_xml_prolog(svg: str) -> str:
    """An inline ``<svg>`` must not carry an XML declaration or a DOCTYPE."""
    start = svg.find("<svg")
    return svg[start:] if start > 0 else svg


def _entries(doc: Document) -> tuple[list[TocEntry], list[TocEntry]]:
    toc: list[TocEntry] = []
    lot: list[TocEntry] = []
    index = 0
    for section in doc.sections:
        roman = section.numbering == "roman"
        for block in section.blocks:
            index += 1
            href = f"#{_anchor(block, index)}"
            if isinstance(block, Heading) and block.level <= 2:
                toc.append(TocEntry(block.text, href, block.level, roman))
            elif isinstance(block, TableOfContents | ListOfTables):
                toc.append(TocEntry(block.title, href, 1, roman))
            elif isinstance(block, Table):
                lot.append(TocEntry(block.title, href, 1, roman))
    return toc, lot


# --- tables ----------------------------------------------------------------------------


def _table_view(table: Table, page: Page) -> TableView:
    columns = table.columns
    texts = [[display(cell) for cell in row.cells] for row in table.rows]
    figures = _figure_floors(table, texts)
    size = _table_pt(len(columns), figures, page)
    widths, fits = _widths(columns, figures, page, size)
    aligns = [_align(column, fits) for column in columns]
    label = table.label_index()
    rows = []
    for row, row_texts in zip(table.rows, texts, strict=True):
        cells = []
        for i, (cell, text) in enumerate(zip(row.cells, row_texts, strict=True)):
            css = [aligns[i]] if aligns[i] else []
            if cell.bold:
                css.append("bold")
            if i == label:
                css.append(f"indent-{min(max(row.level, 0), MAX_INDENT)}")
            cells.append(BodyCell(text, " ".join(css)))
        rows.append(BodyRow(cells, "" if row.style == "normal" else f"row-{row.style}"))
    _mark_tall_rows(rows, widths, page, size)
    css = [f"pt-{size:g}".replace(".", "-")]
    if len(columns) >= VERY_MANY_COLUMNS:
        css.append("tight")
    return TableView(
        title=table.title,
        widths=[f"{100 * w:.3f}%" for w in widths],
        header_rows=_header_rows(columns),
        numbers=[str(i) for i in range(1, len(columns) + 1)] if table.numbered_header else [],
        rows=rows,
        notes=table.notes,
        css=" ".join(css),
    )


def _table_pt(n_columns: int, figures: list[float], page: Page) -> float:
    """The table's font size: 9 pt, 8 pt from ``MANY_COLUMNS`` columns on; the very wide
    forms get the largest of 8, 7 and 6,5 pt at which their figures fit the page."""
    if n_columns < MANY_COLUMNS:
        return TABLE_PT
    if n_columns < VERY_MANY_COLUMNS:
        return SMALL_PT
    for size in VERY_MANY_PT:
        if sum(figures) <= _capacity(page, n_columns, size):
            return size
    return VERY_MANY_PT[-1]


def _capacity(page: Page, n_columns: int, size: float) -> float:
    """The page width left for cell contents, in digit widths of a ``size`` pt font."""
    return (page.width - n_columns * CELL_PADDING_CM) / (digit_ems()[0] * size * PT_CM)


@functools.cache
def digit_ems() -> tuple[float, float]:
    """The advance of the digit 0 (em) in the regular and the bold face that fontconfig
    picks for the tables' font families: Liberation Sans (0,556 em in both) where it is
    installed, else usually DejaVu Sans (0,636 and 0,696 em, so bold figures are wider).
    Read once per process from the font files; ``FALLBACK_DIGIT_EMS`` if that fails."""
    try:
        from fontTools.ttLib import TTFont

        ems = []
        for style in ("", ":bold"):
            path = subprocess.run(
                ["fc-match", "-f", "%{file}", FONT_FAMILIES + style],
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            ).stdout
            with TTFont(path, lazy=True, fontNumber=0) as font:
                glyph = font.getBestCmap()[ord("0")]
                ems.append(font["hmtx"][glyph][0] / font["head"].unitsPerEm)
        return ems[0], ems[1]
    except Exception:  # no fontconfig tool, an unreadable file: the wider guess
        _log.warning("digit widths of the report fonts unknown; using DejaVu Sans's")
        return FALLBACK_DIGIT_EMS


def _figure_floors(table: Table, texts: list[list[str]]) -> list[float]:
    """Per column, the widest figure in digit widths of the regular face (figures do not
    wrap; a bold figure, in a group or total row or a bold cell, counts as wide as it is
    drawn), at least ``MIN_WIDTH``; text columns: ``MIN_WIDTH``."""
    regular, bold = digit_ems()
    floors = []
    for i, column in enumerate(table.columns):
        floor = MIN_WIDTH
        if column.kind != "text":
            for row, row_texts in zip(table.rows, texts, strict=True):
                scale = bold / regular if row.style != "normal" or row.cells[i].bold else 1
                floor = max(floor, _digit_width(row_texts[i]) * scale + 0.5)
        floors.append(floor)
    return floors


def _widths(
    columns: tuple[Column, ...], figures: list[float], page: Page, size: float
) -> tuple[list[float], bool]:
    """Column widths as fractions of the table width, proportional to ``Column.width``, but
    never below what a figure needs (``figures``: see ``_figure_floors``), nor, where the page
    allows, below the longest header word, so that no column is clipped.

    Widths are counted in digit widths of the table font (``size`` pt). If even the figures
    do not fit the page, every column gets a share of its minimum and figures may wrap
    (``fits`` is False)."""
    capacity = _capacity(page, len(columns), size)
    words = [  # soft minimum: the longest header word
        max(figure, max((len(w) for w in column.header.split()), default=0) * CAPITAL_WIDTH + 1)
        for column, figure in zip(columns, figures, strict=True)
    ]
    weights = [max(column.width, 1) for column in columns]
    for floors in (words, figures):
        if sum(floors) <= capacity:
            return _fractions(_share(capacity, weights, floors)), True
    # Too wide for the page: text columns keep some room of their own so that names do not
    # turn into towers of syllables.
    wanted = [
        max(floor, min(column.width, CROWDED_TEXT)) if column.kind == "text" else floor
        for column, floor in zip(columns, figures, strict=True)
    ]
    return _fractions(wanted), False


def _share(capacity: float, weights: list[int], floors: list[float]) -> list[float]:
    """Share ``capacity`` by weight; a column whose share is below its floor gets its floor
    and leaves the rest to the others."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        weight = sum(weights[i] for i in free)
        room = capacity - sum(fixed.values())
        share = {i: room * weights[i] / weight for i in free}
        short = [i for i in free if share[i] < floors[i]]
        if not short:
            return [fixed[i] if i in fixed else share[i] for i in range(len(weights))]
        fixed.update((i, floors[i]) for i in short)


def _fractions(widths: list[float]) -> list[float]:
    total = sum(widths)
    return [w / total for w in widths]


def _mark_tall_rows(rows: list[BodyRow], widths: list[float], page: Page, size: float) -> None:
    """Rows are kept whole on a page, except a row that would take more than a third of a
    page (long narratives): it may break, rather than leave the rest of the page empty, and
    so that WeasyPrint still repeats the header above its continuation (it drops the header
    when an unbreakable row is taller than the page)."""
    limit = TALL_ROW * page.height
    letter = TEXT_EM * size * PT_CM
    line = LINE_HEIGHT * size * PT_CM
    per_line = [max((page.width * w - CELL_PADDING_CM) / letter, 1) for w in widths]
    for row in rows:
        lines = max(
            (math.ceil(len(cell.text) / n) for cell, n in zip(row.cells, per_line, strict=True)),
            default=1,
        )
        if lines * line > limit:
            row.css = f"{row.css} tall".strip()


def _digit_width(text: str) -> float:
    """The width of a figure in digit widths (separators are narrow)."""
    return sum(0.5 if ch in ".,:" else 1.0 for ch in text)


def _align(column: Column, fits: bool = True) -> str:
    """The CSS class of a column's cells: figures right-aligned and kept on one line (unless
    the table is too wide for its page: then they may wrap rather than overlap), narrow text
    columns (NO) centred, other text left-aligned (no class)."""
    if column.kind != "text":
        return "num" if fits else "num-wrap"
    return "center" if column.width <= NARROW_TEXT else ""


def _header_rows(columns: tuple[Column, ...]) -> list[list[HeaderCell]]:
    """One header row, or two when some columns share a group: the group spans its
    columns on the first row; ungrouped headers span both rows."""
    if not any(c.group for c in columns):
        return [[HeaderCell(c.header) for c in columns]]
    top: list[HeaderCell] = []
    bottom: list[HeaderCell] = []
    previous = None
    for column in columns:
        if not column.group:
            top.append(HeaderCell(column.header, rowspan=2))
            previous = None
            continue
        if previous == column.group:
            top[-1].colspan += 1
        else:
            top.append(HeaderCell(column.group, css="group"))
        previous = column.group
        bottom.append(HeaderCell(column.header))
    return [top, bottom]


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string that is safe inside ``<style>``."""
    safe = "".join(ch if ch.isalnum() or ch in " .,-()/·" else f"\\{ord(ch):06x}" for ch in text)
    return f'"{safe}"'
