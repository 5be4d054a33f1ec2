"""Pausing Python's cyclic garbage collector around one large computation.

Loading and computing a province allocates over a million small objects (tuples,
Decimals, nodes, figures) that all stay alive until the result is dropped. The cyclic
collector would traverse them again and again while they are built, which cost about a
third of the time. The plan trees and computed trees are acyclic (tuples and frozen
records pointing down), so reference counting alone frees them; pausing the collector
loses nothing.

Included: ``gc_paused``, a context manager. It restores the previous state on exit, so it
nests, and it leaves the collector off when it was already off.

Not included: ``gc.freeze`` or threshold tuning, which would change the whole process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector inside the block; re-enable it on exit (also on
    an exception) if it was enabled on entry."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
