"""Per-process memory of computed page parts.

``Memo`` keeps, per key, the value and the inputs it was computed from, and gives the value
back only to a caller holding equal inputs: it never serves a figure its data does not
give, and needs no invalidation. The least recently used entries go first.

``TimedMemo`` is for a page whose inputs are too large to load on every request (the
government dashboard of a whole province): its callers pass a cheap version of the data
instead (the latest audit entry of each unit, since every change through the application
is recorded there), and an entry also expires after between half the ``ttl`` and the
``ttl`` (at random, so that entries made together do not all expire together), which
bounds how long a change made outside the application (a script, the database itself) can
go unseen. ``get`` does not give an expired entry; ``lookup`` gives it marked as expired,
so that the caller can show it while ``refresh`` computes it again in a background thread
(one per key and process at a time; see docs/decisions/0009-page-memos.md).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connection
from django.db.models import OuterRef, Subquery

log = logging.getLogger(__name__)


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
        self._refreshing: set = set()  # keys a refresh has been started for and not ended

    def lookup(self, key, inputs) -> tuple[object | None, bool]:
        """``(value, expired)``: the value stored under ``key`` if it was computed from inputs
        equal to ``inputs``, also once its time has passed (then ``expired`` is true);
        ``(None, False)`` when there is none for these inputs."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        if entry is None or entry[0] != inputs:
            return None, False
        return entry[1], not self._fresh(entry)

    def refreshing(self, key) -> bool:
        with self._lock:
            return key in self._refreshing

    def refresh(self, keys: Iterable, compute: Callable[[list], None]) -> threading.Thread | None:
        """Run ``compute(claimed)`` for the keys of ``keys`` no refresh is running for in this
        process (``compute`` stores what it computes with ``put``); nothing when every key
        is already being refreshed. It runs in a new thread, which closes its database
        connection at the end, unless the setting ``KINERJA_MEMO_REFRESH_IN_BACKGROUND`` is
        false (the tests): then here, before returning. Returns the thread, if one was
        started. A failed refresh in the background is logged (the next caller finding the
        entry expired starts another); one run here raises."""
        with self._lock:
            claimed = [key for key in dict.fromkeys(keys) if key not in self._refreshing]
            self._refreshing.update(claimed)
        if not claimed:
            return None
        background = getattr(settings, "KINERJA_MEMO_REFRESH_IN_BACKGROUND", True)

        def run():
            try:
                compute(claimed)
            except Exception:
                if not background:
                    raise
                log.exception("refreshing %d kept page parts failed", len(claimed))
            finally:
                with self._lock:
                    self._refreshing.difference_update(claimed)
                if background:
                    close_connection()

        if not background:
            run()
            return None
        thread = threading.Thread(target=run, name="kinerja-memo-refresh", daemon=True)
        thread.start()
        return thread

    def _entry(self, inputs, value) -> tuple:
        return (inputs, value, time.monotonic() + self.ttl * random.uniform(0.5, 1))

    def _fresh(self, entry) -> bool:
        return time.monotonic() < entry[2]


def close_connection() -> None:
    """The end of a background refresh: its thread's database connection is closed (Django
    closes a request's connection itself, not one opened by a thread of its own)."""
    connection.close()
