"""Checks on an evidence file before it is stored, and how its size is written. Plain Python
(no Django), so the rules are tested by tables.

Accepted: PDF, PNG and JPEG. The type is read from the first bytes of the content (the
"magic"), and the file name's extension must name the same type, so a renamed program or
web page is refused whatever it is called. SVG, GIF, office documents and archives are
refused: SVG can carry scripts, the others are not what the workflow asks for.

Not included: storing the file, access checks, the size limit's value (a setting) — see
``kinerja.realisation.services``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.numbers import fmt_number

# kind → (what the content starts with, extensions, content type served, label)
KINDS: dict[str, tuple[bytes, tuple[str, ...], str, str]] = {
    "pdf": (b"%PDF-", (".pdf",), "application/pdf", "PDF"),
    "png": (b"\x89PNG\r\n\x1a\n", (".png",), "image/png", "PNG"),
    "jpeg": (b"\xff\xd8\xff", (".jpg", ".jpeg"), "image/jpeg", "JPEG"),
}
HEAD_BYTES = 16  # enough for every signature above
ACCEPT = ",".join(ext for _, exts, _, _ in KINDS.values() for ext in exts)  # for <input accept>
MAX_NAME = 200


@dataclass(frozen=True)
class Refusal:
    """Why a file is refused, in Indonesian, naming the file."""

    message: str


def content_type(kind: str) -> str:
    return KINDS[kind][2]


def kind_of_content(head: bytes) -> str | None:
    """The kind whose signature the content starts with, or ``None``."""
    for kind, (magic, _, _, _) in KINDS.items():
        if head.startswith(magic):
            return kind
    return None


def kind_of_name(name: str) -> str | None:
    """The kind the file name's extension claims, or ``None``."""
    lower = name.lower()
    for kind, (_, extensions, _, _) in KINDS.items():
        if lower.endswith(extensions):
            return kind
    return None


def clean_name(name: str) -> str:
    """The file name as kept and offered on download: the last path part, without control
    characters, at most ``MAX_NAME`` characters (keeping the extension)."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and len(ext) <= 10:
            name = stem[: MAX_NAME - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME]
    return name or "bukti"


def check_file(name: str, size: int, head: bytes, max_bytes: int) -> str | Refusal:
    """The kind of an acceptable file, or the reason it is refused. ``head`` is the first
    ``HEAD_BYTES`` bytes of the content (fewer if the file is shorter)."""
    labels = [label for _, _, _, label in KINDS.values()]
    allowed = ", ".join(labels[:-1]) + " atau " + labels[-1]
    if size <= 0:
        return Refusal(f'Berkas "{name}" kosong; unggah berkas {allowed} yang berisi.')
    if size > max_bytes:
        return Refusal(
            f'Berkas "{name}" berukuran {fmt_size(size)}; batasnya {fmt_size(max_bytes)}.'
        )
    claimed = kind_of_name(name)
    if claimed is None:
        return Refusal(
            f'Berkas "{name}" tidak diterima: yang diterima hanya berkas {allowed} '
            f"(nama berakhiran {ACCEPT.replace(',', ', ')})."
        )
    found = kind_of_content(head)
    if found != claimed:
        ext = "." + name.rsplit(".", 1)[-1].lower()
        label = KINDS[claimed][3]
        what = f"bukan {allowed}" if found is None else f"berkas {KINDS[found][3]}"
        return Refusal(
            f'Berkas "{name}" berakhiran {ext} tetapi isinya {what}; '
            f"unggah berkas {label} yang asli."
        )
    return claimed


def fmt_size(size: int) -> str:
    """``512 B``, ``12,5 KB``, ``10 MB`` (1 KB = 1024 B), one decimal at most."""
    if size < 1024:
        return f"{size} B"
    for unit, factor in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < factor * 1024 or unit == "GB":
            return f"{fmt_number(Decimal(size) / Decimal(factor), 1).removesuffix(',0')} {unit}"
    raise AssertionError("unreachable")
