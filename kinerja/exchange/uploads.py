"""An uploaded import file kept on the server between its preview and the "Terapkan" button.

The file is stored under ``settings.VAR_DIR / "imports"`` (``KINERJA_VAR_DIR``), outside
every served folder, as ``<token>.bin`` with ``<token>.json`` beside it (user id, unit id,
year, kind, file name, time). The token is random (``secrets.token_urlsafe``), and a stored
upload is found only by the user who uploaded it, for the same unit, year and kind: anyone
else gets nothing, as if it did not exist. Uploads expire after ``MAX_AGE`` seconds; expired
ones are removed whenever a new one is stored. Applying removes the upload.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

MAX_AGE = 60 * 60
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


@dataclass(frozen=True)
class Upload:
    token: str
    user_id: int
    unit_id: int
    year: int
    kind: str
    filename: str
    data: bytes


def upload_dir() -> Path:
    return Path(getattr(settings, "EXCHANGE_UPLOAD_DIR", Path(settings.VAR_DIR) / "imports"))


def _paths(token: str) -> tuple[Path, Path]:
    base = upload_dir()
    return base / f"{token}.bin", base / f"{token}.json"


def purge(now: float | None = None) -> int:
    """Remove expired uploads; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    base = upload_dir()
    if not base.exists():
        return 0
    for meta in base.glob("*.json"):
        try:
            stamp = json.loads(meta.read_text()).get("at", 0)
        except (OSError, ValueError):
            stamp = 0
        if now - stamp > MAX_AGE:
            meta.with_suffix(".bin").unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
            removed += 1
    return removed


def store(*, user, unit, year: int, kind: str, filename: str, data: bytes) -> str:
    purge()
    base = upload_dir()
    base.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    content, meta = _paths(token)
    content.write_bytes(data)
    meta.write_text(
        json.dumps(
            {
                "user": user.pk,
                "unit": unit.pk,
                "year": year,
                "kind": kind,
                "filename": filename,
                "at": time.time(),
            }
        )
    )
    return token


def load(token: str, *, user, unit, year: int) -> Upload | None:
    """The stored upload if it exists, has not expired and belongs to this user, unit and
    year; None otherwise."""
    if not _TOKEN.fullmatch(token or ""):
        return None
    content, meta_path = _paths(token)
    try:
        meta = json.loads(meta_path.read_text())
        data = content.read_bytes()
    except (OSError, ValueError):
        return None
    if (
        meta.get("user") != user.pk
        or meta.get("unit") != unit.pk
        or meta.get("year") != year
        or time.time() - meta.get("at", 0) > MAX_AGE
    ):
        return None
    return Upload(token, user.pk, unit.pk, year, meta["kind"], meta["filename"], data)


def discard(token: str) -> None:
    if not _TOKEN.fullmatch(token or ""):
        return
    content, meta = _paths(token)
    content.unlink(missing_ok=True)
    meta.unlink(missing_ok=True)
