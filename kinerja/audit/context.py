"""What is writing audit entries now, besides the user: a command run from the shell, or
something the application does by itself. Kept apart from the models so that the ``kinerja``
command can set it before Django is set up."""

from __future__ import annotations

import contextlib
import contextvars

SOURCE_MAX = 200  # length of ``AuditEntry.source``

# Blank in web requests. A new thread starts with the default, so a server started by a
# command does not lend the command's name to its requests.
_source: contextvars.ContextVar[str] = contextvars.ContextVar("kinerja_audit_source", default="")


@contextlib.contextmanager
def written_by(source: str):
    """Entries recorded inside the block carry ``source`` (one line, cut to the column's
    length), e.g. ``with written_by("kinerja import (budi)"):``. Blocks nest; the innermost
    wins."""
    token = _source.set(" ".join(str(source).split())[:SOURCE_MAX])
    try:
        yield
    finally:
        _source.reset(token)


def current_source() -> str:
    return _source.get()
