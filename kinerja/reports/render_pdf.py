"""The PDF renderer: a ``Document`` → HTML (Django templates) → PDF (WeasyPrint).

Everything the templates print is prepared here as plain view data: cell texts come from
``document.display`` (the one display rule), column widths, header spans, page names and
table-of-contents entries are worked out in Python; the templates only loop and branch.

Pages (see ``reports/print.css``): the cover has no number, front matter (``numbering ==
"roman"``) is numbered i, ii, …, the first arabic section restarts at 1; each section starts
on a new page, landscape sections on A4 landscape pages. Nothing is fetched while rendering:
the URL fetcher refuses every scheme except ``data:``, and fonts come from the system.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .document import (
    Block,
    Chart,
    Column,
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
MANY_COLUMNS = 8  # from this many columns on, tables are set one point smaller
MAX_INDENT = 6  # deepest ``Row.level`` indented further (CSS classes indent-0 … indent-6)
MIN_WIDTH = 5  # no column narrower than about five characters ("NO" in bold, padded)
NARROW_TEXT = 6  # text columns at most this wide (NO) are centred

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
class SectionView:
    page: str  # the named @page of print.css
    items: list[Item] = field(default_factory=list)


# --- public API ------------------------------------------------------------------------


def render_html(doc: Document) -> str:
    """The print HTML of ``doc`` (what WeasyPrint lays out)."""
    from django.template.loader import render_to_string

    return render_to_string("reports/document.html", _context(doc))


def render_pdf(doc: Document) -> bytes:
    """The report as PDF bytes (A4, tagged, title and author in the metadata)."""
    import weasyprint

    html = render_html(doc)
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(
        pdf_tags=True
    )


# --- building the context --------------------------------------------------------------


def _context(doc: Document) -> dict:
    sections = _sections(doc)
    toc, lot = _entries(doc)
    return {
        "doc": doc,
        "author": AUTHOR,
        "cover": doc.cover,
        "sections": sections,
        "toc": toc,
        "lot": lot,
        "header_css": _css_string(f"{doc.unit_name} · Tahun {doc.year}"),
    }


def _anchor(block: Block, index: int) -> str:
    """The id of a block (its position in the document): what the TOC points at."""
    return f"{type(block).__name__.lower()}-{index}"


def _page_name(section: Section, restart: bool) -> str:
    base = {"roman": "front", "arabic": "body", "none": "plain"}[section.numbering]
    if section.landscape:
        base = "landscape" if base == "body" else f"{base}-landscape"
    return f"{base}-start" if restart else base


def _sections(doc: Document) -> list[SectionView]:
    views = []
    seen: set[str] = set()
    index = 0
    for section in doc.sections:
        # The first roman and the first arabic section restart the page counter at 1.
        restart = section.numbering != "none" and section.numbering not in seen
        seen.add(section.numbering)
        view = SectionView(_page_name(section, restart))
        pending_break = False
        for block in section.blocks:
            index += 1
            if isinstance(block, PageBreak):
                pending_break = True
                continue
            item = _item(block, _anchor(block, index), view.items)
            if item is None:  # merged into the previous list
                continue
            # Each BAB starts a page; a PageBreak breaks before the block that follows it.
            chapter = isinstance(block, Heading) and block.level == 1
            item.break_before = bool(view.items) and (pending_break or chapter)
            pending_break = False
            view.items.append(item)
        views.append(view)
    return views


def _item(block: Block, anchor: str, previous: list[Item]) -> Item | None:
    if isinstance(block, Heading):
        return Item("heading", block, id=anchor, data=_heading_lines(block))
    if isinstance(block, Paragraph):
        if block.style in _LIST_STYLES:
            ordered = _LIST_STYLES[block.style]
            last = previous[-1] if previous else None
            if last is not None and last.kind == "list" and last.data.ordered == ordered:
                last.data.texts.append(block.text)
                return None
            return Item("list", block, data=ListView(ordered, [block.text]))
        return Item("paragraph", block)
    if isinstance(block, Table):
        return Item("table", block, id=anchor, data=_table_view(block))
    if isinstance(block, Chart):
        from kinerja.reports.charts import render_svg

        return Item("chart", block, id=anchor, data=_strip_xml_prolog(render_svg(block)))
    if isinstance(block, Signature):
        return Item("signature", block, data=_signature(block))
    if isinstance(block, SignaturePair):
        return Item("signature_pair", block, data=[_signature(block.left), _signature(block.right)])
    if isinstance(block, TableOfContents):
        return Item("toc", block, id=anchor)
    if isinstance(block, ListOfTables):
        return Item("lot", block, id=anchor)
    raise TypeError(f"unknown block {type(block).__name__}")


def _heading_lines(heading: Heading) -> list[str]:
    """``BAB I PENDAHULUAN`` is printed on two lines, as the government format does."""
    match = _BAB.match(heading.text) if heading.level == 1 else None
    return [match[1], match[2]] if match else [heading.text]


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


def _table_view(table: Table) -> TableView:
    columns = table.columns
    label = _label_column(columns)
    rows = []
    for row in table.rows:
        cells = []
        for i, (column, cell) in enumerate(zip(columns, row.cells, strict=True)):
            css = [_align(column)]
            if cell.bold:
                css.append("bold")
            if i == label:
                css.append(f"indent-{min(max(row.level, 0), MAX_INDENT)}")
            cells.append(BodyCell(display(cell), " ".join(css)))
        rows.append(BodyRow(cells, f"row-{row.style}"))
    return TableView(
        title=table.title,
        widths=_widths(columns, rows),
        header_rows=_header_rows(columns),
        numbers=[str(i) for i in range(1, len(columns) + 1)] if table.numbered_header else [],
        rows=rows,
        notes=table.notes,
        css="many-columns" if len(columns) >= MANY_COLUMNS else "",
    )


def _widths(columns: tuple[Column, ...], rows: list[BodyRow]) -> list[str]:
    """CSS widths proportional to ``Column.width``, widened where a header word or a figure
    (figures never wrap) would not fit, so that no column is clipped."""
    wanted = []
    for i, column in enumerate(columns):
        words = [len(word) for word in column.header.split()] or [0]
        width = max(column.width, MIN_WIDTH, max(words) + 2)
        if column.kind != "text":
            width = max(width, *(len(row.cells[i].text) + 2 for row in rows), 0)
        wanted.append(width)
    total = sum(wanted)
    return [f"{100 * width / total:.3f}%" for width in wanted]


def _align(column: Column) -> str:
    if column.kind != "text":
        return "num"
    return "center" if column.width <= NARROW_TEXT else "text"


def _label_column(columns: tuple[Column, ...]) -> int | None:
    """The column ``Row.level`` indents: the widest text column (the names)."""
    text = [(c.width, -i) for i, c in enumerate(columns) if c.kind == "text"]
    return -max(text)[1] if text else None


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
    safe = "".join(
        ch if ch.isalnum() or ch in " .,-()/·" else f"\\{ord(ch):06x}" for ch in text
    )
    return f'"{safe}"'
