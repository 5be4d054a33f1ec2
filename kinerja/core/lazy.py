"""Explanation texts that are written only when they are read.

A computed figure carries an Indonesian explanation with its numbers written out
("71,51% = Rp853.232.370 ÷ Rp1.193.209.000 × 100"). A province has about 200 000 of them,
while a page or a report shows a few hundred; writing them all took most of the computing
time. So the core stores what a text needs and writes it on first access.

Included:
- ``Text``: what a text is stored as before it is written: the string itself, a tuple
  ``(function, *arguments)`` (cheap to build, and its arguments are bound when it is built)
  or a zero-argument callable;
- ``resolve``: writes a ``Text``; ``concat``: a ``Text`` followed by a plain string;
- ``Frozen``: the base of the core's slotted records that refuse assignment like a frozen
  dataclass (``dataclasses.FrozenInstanceError``).

Not included: the texts themselves (``rollup``, ``achievement``); caching, which the
records do in their own slot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import Any

Text = str | tuple[Any, ...] | Callable[[], str]


def resolve(text: Text) -> str:
    """The written text of a ``Text``."""
    if type(text) is str:
        return text
    if type(text) is tuple:
        return text[0](*text[1:])
    return text()  # type: ignore[operator]


def concat(head: Text, tail: str) -> str:
    """``head`` written, followed by ``tail``."""
    return resolve(head) + tail


class Frozen:
    """Slotted record whose fields cannot be assigned after construction (as a frozen
    dataclass: ``FrozenInstanceError``). Subclasses set their slots with the slot
    descriptors' ``__set__`` or ``object.__setattr__``."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
