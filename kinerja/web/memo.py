"""Per-process memory of computed page parts.

``Memo`` keeps, per key, the value and the inputs it was computed from, and gives the value
back only to a caller holding equal inputs: it never serves a figure its data does not
give, and needs no invalidation. The least recently used entries go first.

``TimedMemo`` is for a page whose inputs are too large to load on every request (the
government dashboard of a whole province): its callers pass a cheap version of the data
instead (the latest audit entry of each unit, since every change through the application
is recorded there), and an entry is also dropped after between half the ``ttl`` and the
``ttl`` (at random, so that entries made together are not all made again together), which
bounds how long a change made outside the application (a script, the database itself) can
go unseen.
"""

from __future__ import annotations

import random
import threading
import time
from collections import OrderedDict

from django.db.models import OuterRef, Subquery


def audit_version() -> Subquery:
    """For a query over rows with a ``unit_id`` (plans): the id of the unit's latest audit
    entry, or None. One index lookup per row (``audit_unit_at``)."""
    from kinerja.audit.models import AuditEntry

    latest = AuditEntry.objects.filter(unit_id=OuterRef("unit_id")).order_by("-at", "-id")
    return Subquery(latest.values("id")[:1])


class Memo:
    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, inputs):
        """The value stored under ``key`` if it was computed from inputs equal to
        ``inputs``; otherwise None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        if entry is None or not self._fresh(entry):
            return None
        stored_inputs, value = entry[0], entry[1]
        return value if stored_inputs == inputs else None

    def put(self, key, inputs, value) -> None:
        with self._lock:
            self._entries[key] = self._entry(inputs, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _entry(self, inputs, value) -> tuple:
        return (inputs, value)

    def _fresh(self, entry) -> bool:
        return True


class TimedMemo(Memo):
    def __init__(self, size: int, ttl: float):
        super().__init__(size)
        self.ttl = ttl

    def _entry(self, inputs, value) -> tuple:
        return (inputs, value, time.monotonic() + self.ttl * random.uniform(0.5, 1))

    def _fresh(self, entry) -> bool:
        return time.monotonic() < entry[2]
