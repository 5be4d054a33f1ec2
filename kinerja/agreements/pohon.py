"""The pohon kinerja (performance tree) of a unit: the indicators of the agreements in force
of the unit and the units under it, each under the indicator of the superior it supports,
drawn left to right (one column per level of the organisation) as SVG written here and as
PNG drawn by matplotlib from the same layout. No Django import.

``build_forest`` turns agreements into trees; ``layout`` places the boxes; ``render_svg`` and
``render_png`` draw the layout. An indicator that should support one of its superior's but
does not (the ``pk_no_parent`` finding) is drawn as a root of its own with a red dashed
border and the words "tanpa induk".
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .domain import AgreementDoc

BOX_W = 270
BOX_H = 84
GAP_X = 46
GAP_Y = 14
MARGIN = 16
HEADER_H = 30
PAD = 8
WRAP = 46
STATEMENT_LINES = 3
FONT = "DejaVu Sans"
COLORS = ("#0b5e8e", "#2e7d32", "#8e24aa", "#e65100", "#455a64")
TINTS = ("#e3eff7", "#e8f5e9", "#f3e5f5", "#fff3e0", "#eceff1")
ORPHAN = "#c62828"
ORPHAN_TEXT = "tanpa induk"
EDGE = "#90a4ae"
TEXT = "#1d2733"
MUTED = "#5b6775"


@dataclass(frozen=True)
class TreeItem:
    key: int
    unit_name: str
    eselon: str
    statement: str
    target: str
    column: int
    children: tuple[TreeItem, ...] = ()
    orphan: bool = False

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def build_forest(docs: Sequence[AgreementDoc], columns: Mapping[int, int]) -> list[TreeItem]:
    """The trees of the agreements' lines. ``columns`` gives each unit's column (how many
    levels it lies under the unit whose tree this is). Roots are the lines that support no
    line of the agreements given, in the order of the agreements (higher eselon first);
    a root is an orphan when its agreement's superior is among the agreements."""
    keys = {line.key for doc in docs for line in doc.lines}
    units_with_doc = {doc.unit_id for doc in docs}
    kids: dict[int, list] = {}
    for doc in docs:
        for line in doc.lines:
            if line.parent_key in keys:
                kids.setdefault(line.parent_key, []).append((doc, line))

    def item(doc: AgreementDoc, line, orphan: bool = False) -> TreeItem:
        return TreeItem(
            key=line.key,
            unit_name=doc.unit_name,
            eselon=doc.eselon,
            statement=line.statement,
            target=line.target_text,
            column=columns.get(doc.unit_id, 0),
            children=tuple(item(d, c) for d, c in kids.get(line.key, ())),
            orphan=orphan,
        )

    roots = []
    for doc in docs:
        for line in doc.lines:
            if line.parent_key not in keys:
                roots.append(item(doc, line, doc.superior_unit_id in units_with_doc))
    return roots


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    column: int
    header: str
    lines: tuple[str, ...]
    target: str
    orphan: bool


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    boxes: tuple[Box, ...]
    edges: tuple[tuple[int, int, int, int], ...]  # from (x1, y1) to (x2, y2)
    headings: tuple[tuple[int, str], ...]  # column x, title
    title: str


def _wrap(text: str) -> tuple[str, ...]:
    lines = textwrap.wrap(text, WRAP) or [""]
    if len(lines) > STATEMENT_LINES:
        lines = lines[:STATEMENT_LINES]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return tuple(lines)


def _short(text: str, width: int = 44) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def layout(forest: Sequence[TreeItem], title: str) -> Layout:
    """Boxes left to right by column; each leaf takes the next row and a parent sits level
    with the middle of its children."""
    boxes: list[Box] = []
    edges: list[tuple[int, int, int, int]] = []
    row = 0
    top = MARGIN + HEADER_H

    def x_of(column: int) -> int:
        return MARGIN + column * (BOX_W + GAP_X)

    def place(node: TreeItem) -> int:
        nonlocal row
        ys = [place(child) for child in node.children]
        if ys:
            y = (ys[0] + ys[-1]) // 2
        else:
            y = top + row * (BOX_H + GAP_Y)
            row += 1
        boxes.append(
            Box(
                x_of(node.column),
                y,
                node.column,
                _short(node.unit_name, 50),
                _wrap(node.statement),
                _short(f"Target: {node.target}"),
                node.orphan,
            )
        )
        for child, child_y in zip(node.children, ys, strict=True):
            edges.append(
                (
                    x_of(node.column) + BOX_W,
                    y + BOX_H // 2,
                    x_of(child.column),
                    child_y + BOX_H // 2,
                )
            )
        return y

    for root in forest:
        place(root)
    columns = max((b.column for b in boxes), default=0) + 1
    eselon_of: dict[int, str] = {}
    for root in forest:
        for node in root.walk():
            eselon_of.setdefault(node.column, node.eselon)
    headings = tuple(
        (x_of(c), f"Eselon {eselon_of[c]}" if eselon_of.get(c) else "")
        for c in range(columns)
        if c in eselon_of
    )
    width = MARGIN * 2 + columns * BOX_W + (columns - 1) * GAP_X
    height = top + max(row, 1) * (BOX_H + GAP_Y) + MARGIN
    return Layout(width, height, tuple(boxes), tuple(edges), headings, title)


def describe(forest: Sequence[TreeItem]) -> str:
    """The tree in words, for screen readers: each indicator with what it supports."""
    parts = []

    def walk(node: TreeItem, parent: TreeItem | None) -> None:
        text = f"{node.unit_name}: {node.statement} (target {node.target})"
        if parent is not None:
            text += f", mendukung «{parent.statement}»"
        elif node.orphan:
            text += ", tanpa induk"
        parts.append(text)
        for child in node.children:
            walk(child, node)

    for root in forest:
        walk(root, None)
    return "; ".join(parts) + "." if parts else "Belum ada perjanjian kinerja."


def _edge_path(x1: int, y1: int, x2: int, y2: int) -> str:
    mid = x1 + GAP_X // 2
    return f"M{x1} {y1}H{mid}V{y2}H{x2}"


def render_svg(lay: Layout, description: str = "") -> str:
    """The layout as a standalone SVG document (also fit to put inline in HTML)."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {lay.width} '
        f'{lay.height}" width="{lay.width}" height="{lay.height}" '
        f'font-family="{FONT}, sans-serif" style="max-width:100%;height:auto">',
        f"<title>{escape(lay.title)}</title>",
        f"<desc>{escape(description)}</desc>",
        f'<rect width="{lay.width}" height="{lay.height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="{MARGIN + 4}" font-size="12" font-weight="bold" '
        f'fill="{TEXT}">{escape(lay.title)}</text>',
    ]
    for x, text in lay.headings:
        out.append(
            f'<text x="{x}" y="{MARGIN + HEADER_H - 8}" font-size="10" fill="{MUTED}">'
            f"{escape(text)}</text>"
        )
    for x1, y1, x2, y2 in lay.edges:
        out.append(
            f'<path d="{_edge_path(x1, y1, x2, y2)}" fill="none" stroke="{EDGE}" '
            'stroke-width="1.5"/>'
        )
    if not lay.boxes:
        out.append(
            f'<text x="{MARGIN}" y="{MARGIN + HEADER_H + 16}" font-size="11" fill="{MUTED}">'
            "Belum ada perjanjian kinerja.</text>"
        )
    for b in lay.boxes:
        color = COLORS[b.column % len(COLORS)]
        tint = TINTS[b.column % len(TINTS)]
        stroke = ORPHAN if b.orphan else color
        dash = ' stroke-dasharray="5 3"' if b.orphan else ""
        out.append(
            f'<g class="box{" orphan" if b.orphan else ""}">'
            f'<rect x="{b.x}" y="{b.y}" width="{BOX_W}" height="{BOX_H}" rx="4" '
            f'fill="{tint}" stroke="{stroke}" stroke-width="1.5"{dash}/>'
        )
        out.append(
            f'<text x="{b.x + PAD}" y="{b.y + 14}" font-size="8.5" font-weight="bold" '
            f'fill="{color}">{escape(b.header)}</text>'
        )
        if b.orphan:
            out.append(
                f'<text x="{b.x + BOX_W - PAD}" y="{b.y + BOX_H - 8}" font-size="9" '
                f'font-weight="bold" text-anchor="end" fill="{ORPHAN}">{ORPHAN_TEXT}</text>'
            )
        for i, line in enumerate(b.lines):
            out.append(
                f'<text x="{b.x + PAD}" y="{b.y + 30 + i * 12}" font-size="9.5" '
                f'fill="{TEXT}">{escape(line)}</text>'
            )
        out.append(
            f'<text x="{b.x + PAD}" y="{b.y + BOX_H - 8}" font-size="9" fill="{MUTED}">'
            f"{escape(b.target)}</text></g>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_png(lay: Layout, scale: float = 2.0) -> bytes:
    """The same drawing as PNG (one SVG unit = ``scale`` pixels), drawn with matplotlib's
    object API on the Agg canvas, without touching its process-wide settings."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    figure = Figure(figsize=(lay.width / 72, lay.height / 72), dpi=72, facecolor="white")
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, lay.width)
    ax.set_ylim(lay.height, 0)
    ax.axis("off")

    def text(x, y, s, size, color=TEXT, weight="normal"):
        ax.text(x, y, s, fontsize=size, color=color, fontweight=weight, family=FONT,
                va="baseline", ha="left")

    text(MARGIN, MARGIN + 4, lay.title, 12, weight="bold")
    for x, heading in lay.headings:
        text(x, MARGIN + HEADER_H - 8, heading, 10, MUTED)
    for x1, y1, x2, y2 in lay.edges:
        mid = x1 + GAP_X // 2
        ax.plot([x1, mid, mid, x2], [y1, y1, y2, y2], color=EDGE, linewidth=1.1)
    if not lay.boxes:
        text(MARGIN, MARGIN + HEADER_H + 16, "Belum ada perjanjian kinerja.", 11, MUTED)
    for b in lay.boxes:
        color = COLORS[b.column % len(COLORS)]
        ax.add_patch(
            FancyBboxPatch(
                (b.x, b.y), BOX_W, BOX_H, boxstyle="round,pad=0,rounding_size=4",
                facecolor=TINTS[b.column % len(TINTS)],
                edgecolor=ORPHAN if b.orphan else color,
                linewidth=1.1, linestyle="--" if b.orphan else "-",
            )
        )
        text(b.x + PAD, b.y + 14, b.header, 8.5, color, "bold")
        if b.orphan:
            ax.text(b.x + BOX_W - PAD, b.y + BOX_H - 8, ORPHAN_TEXT, fontsize=9, color=ORPHAN,
                    fontweight="bold", family=FONT, va="baseline", ha="right")
        for i, line in enumerate(b.lines):
            text(b.x + PAD, b.y + 30 + i * 12, line, 9.5)
        text(b.x + PAD, b.y + BOX_H - 8, b.target, 9, MUTED)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=72 * scale, metadata={"Software": None})
    return buffer.getvalue()
