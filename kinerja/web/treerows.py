"""The rows of the unit page's plan table, written in Python rather than in the template
language: a province unit has some 340 rows of a dozen figures, each with its explanation,
and Django's template engine took about 350 ms for them (this takes a tenth of that). The
output is the markup the template wrote, with the same CSS classes; every number is
formatted by ``kinerja.core.numbers`` and every text escaped."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kinerja.core.numbers import DASH, fmt_number, fmt_percent
from kinerja.core.rollup import ComputedNode

from .templatetags.kinerja import PREDICATE_CLASSES


def _num(value, places: int | None = None) -> str:
    if isinstance(value, str):  # a qualitative realisation: its label
        return escape(value)
    return fmt_number(value, places)


def _fig(figure, text: str, css: str = "fig") -> str:
    why = escape(figure.explanation)
    return (
        f'<details class="{css}"><summary title="{why}">{text}</summary>'
        f'<div class="why">{why}</div></details>'
    )


def _indicator(ind, ach, real, target_word: str, real_word: str) -> str:
    target = ind.target
    if target is None:
        shown = DASH
    elif target.label:
        shown = escape(target.label)
    else:
        shown = _num(target.value)
    value = _num(ach.raw, 2)
    if ach.is_capped:
        value += f" → {_num(ach.capped, 2)}*"
    why = escape(ach.explanation)
    return (
        f'<div class="ind">{escape(ind.statement)}: {target_word} {shown} '
        f"{escape(ind.satuan)}, {real_word} {_num(real)}\n"
        f'            — <details class="fig inline"><summary title="{why}">{value}</summary>'
        f'<div class="why">{why}</div></details></div>'
    )


def _row(node: ComputedNode, depth: int, words: tuple[str, str]) -> str:
    indicators = "".join(_indicator(ind, ach, real, *words) for ind, ach, real in node.indicators)
    predicate = node.predicate
    badge = escape(predicate) if predicate else DASH
    achievement: Decimal | None = node.achievement.value
    return (
        f'<tr class="lvl-{escape(node.level)} d{depth}">'
        f'<td class="code">{escape(node.code)}</td>'
        f'<td class="name">{escape(node.name)}{indicators}</td>'
        f'<td class="n"><span title="{escape(node.pagu.explanation)}">'
        f"{_num(node.pagu.value)}</span></td>"
        f'<td class="n"><span title="{escape(node.realisasi.explanation)}">'
        f"{_num(node.realisasi.value)}</span></td>"
        f'<td class="n">{_fig(node.absorption, fmt_percent(node.absorption.value), "fig abs")}'
        "</td>"
        f'<td class="n">{_fig(node.fisik, fmt_percent(node.fisik.value))}</td>'
        f'<td class="n">{_fig(node.achievement, _num(achievement, 2), "fig ach")}</td>'
        f'<td><span class="pred {PREDICATE_CLASSES.get(predicate or "", "p-none")}">'
        f"{badge}</span></td></tr>\n"
    )


def tree_rows(root: ComputedNode) -> SafeString:
    """Every node under ``root`` (not the root itself), parents before their children."""
    words = (_("target"), _("realisasi"))
    out: list[str] = []
    stack = [(child, 1) for child in reversed(root.children)]
    while stack:
        node, depth = stack.pop()
        out.append(_row(node, depth, words))
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return mark_safe("".join(out))  # noqa: S308 (every part above is escaped or a number)
