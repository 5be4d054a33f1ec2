"""What the unit page shows beside the plan tree, picked from the computed plan. Pure
functions over ``ComputedNode`` (no database); the figures themselves come from the core.

- ``deviation_warnings``: the leaves whose cumulative fisik or keuangan lags the plan beyond
  the government's thresholds (``core.rollup.deviation_warning``, the same test as the
  realisation grid's warnings), in plan order;
- ``kegiatan_nodes``: every kegiatan (the level under a program), in plan order;
- ``lowest_absorption``: the leaves with the lowest absorption, lowest first (leaves without
  an absorption — no pagu, pagu 0 — are left out; ties keep plan order);
- ``months_not_submitted``: the months that have ended and are still draft, returned or
  never opened.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kinerja.core.rollup import ComputedNode

NOT_SUBMITTED = ("draft", "returned")


def leaves(root: ComputedNode) -> Iterator[ComputedNode]:
    """The leaves under ``root`` in plan order (``root`` itself when it has no children)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.children:
            stack.extend(reversed(node.children))
        else:
            yield node


def deviation_warnings(root: ComputedNode) -> list[ComputedNode]:
    return [
        leaf
        for leaf in leaves(root)
        if leaf.deviation_fisik_warning or leaf.deviation_keuangan_warning
    ]


def kegiatan_nodes(root: ComputedNode) -> list[ComputedNode]:
    return [kegiatan for program in root.children for kegiatan in program.children]


def lowest_absorption(root: ComputedNode, n: int = 10) -> list[ComputedNode]:
    ranked = [leaf for leaf in leaves(root) if leaf.absorption.value is not None]
    ranked.sort(key=lambda leaf: leaf.absorption.value)  # stable: ties keep plan order
    return ranked[:n]


@dataclass(frozen=True)
class PendingMonth:
    month: int
    state: str  # "draft", "returned" or "" (never opened)


def months_not_submitted(
    year: int, states: Mapping[int, str], today: datetime.date
) -> list[PendingMonth]:
    """The months of ``year`` that ended before ``today`` and whose state (``states``: month
    → state) is draft or returned, or that have no state yet."""
    out = []
    for month in range(1, 13):
        last_day = datetime.date(year, month, calendar.monthrange(year, month)[1])
        if last_day >= today:
            break
        state = states.get(month, "")
        if state in NOT_SUBMITTED or not state:
            out.append(PendingMonth(month, state))
    return out
