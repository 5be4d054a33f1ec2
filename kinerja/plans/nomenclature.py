"""The nomenclature of programs, kegiatan and sub kegiatan, without the database: naming a
version and reading a list of entries from CSV text.

``version_key`` turns a plan's nomenclature text into the key its entries are stored under
(``"Permendagri 90/2019"`` → ``"permendagri-90-2019"``); a text that says the codes are local
(``lokal`` / ``local``, e.g. the demo's 2020 plan ``"Permendagri 13/2006 (kode lokal demo)"``)
gives ``"local"``: such a plan takes free codes and names, checked only for their place in
the tree.

``read_csv`` reads a full list. Columns (header names in any case; ``,`` or ``;``):

- ``kode`` (or ``code``, ``nomor_kode``): the full code as text, e.g. ``4.01.01.1.01.07``;
- ``nama`` (or ``name``, ``nomenklatur``, ``uraian``);
- ``tingkat`` (or ``level``), optional: ``program``, ``kegiatan``, ``sub_kegiatan`` (also
  written ``sub kegiatan``); when absent or blank it follows from the number of parts of a
  Permendagri 90 code: 3 program, 5 kegiatan, 6 sub kegiatan; rows of 1 or 2 parts (urusan,
  bidang) are skipped;
- ``kode_induk`` (or ``parent_code``), optional: when blank, a kegiatan's parent is the first
  three parts of its code and a sub kegiatan's its code without the last part.

Every row is checked (code format, name, level, parent present in the file and one level
up, no code twice); a problem names the row and the column.
"""

from __future__ import annotations

import csv
import io
import re

from .validation_rules import CODE_RE, NomenclatureEntry, Problem

LOCAL = "local"
LEVELS = ("program", "kegiatan", "sub_kegiatan")
PARENT_LEVEL = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}
LEVEL_BY_PARTS = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
SKIPPED_PARTS = (1, 2)  # urusan, bidang urusan

COLUMNS = {
    "code": ("kode", "code", "nomor_kode"),
    "name": ("nama", "name", "nomenklatur", "uraian"),
    "level": ("tingkat", "level"),
    "parent_code": ("kode_induk", "parent_code", "induk"),
}
LEVEL_WORDS = {
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub_kegiatan",
    "sub kegiatan": "sub_kegiatan",
    "subkegiatan": "sub_kegiatan",
}


def version_key(text: str) -> str:
    """The key of a nomenclature version named ``text`` (see the module docstring)."""
    folded = text.strip().casefold()
    if re.search(r"\b(lokal|local)\b", folded):
        return LOCAL
    return re.sub(r"[^0-9a-z]+", "-", folded).strip("-")


def is_local(text: str) -> bool:
    return version_key(text) == LOCAL


def derived_parent(code: str, level: str) -> str:
    parts = code.split(".")
    if level == "program":
        return ""
    if level == "kegiatan":
        return ".".join(parts[:3])
    return ".".join(parts[:-1])


def _header_map(header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    names = [h.strip().casefold().replace(" ", "_") for h in header]
    found: dict[str, int] = {}
    for key, aliases in COLUMNS.items():
        for i, name in enumerate(names):
            if name in aliases:
                found[key] = i
                break
    problems = [
        Problem(
            "baris 1",
            f"Baris 1 (judul kolom): kolom {COLUMNS[key][0]} tidak ada; ditemukan: "
            f"{', '.join(h.strip() for h in header) or '(kosong)'}.",
        )
        for key in ("code", "name")
        if key not in found
    ]
    return found, problems


def read_csv(text: str) -> tuple[list[NomenclatureEntry], int, list[Problem]]:
    """The entries of a CSV list, the number of rows skipped (urusan, bidang, blank) and the
    problems found; when there is any problem the entries must not be stored."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        return [], 0, [Problem("baris 1", "Berkas kosong: tidak ada judul kolom dan baris.")]
    columns, problems = _header_map(rows[0])
    if problems:
        return [], 0, problems

    def cell(row: list[str], key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    entries: list[tuple[int, NomenclatureEntry]] = []
    skipped = 0
    for number, row in enumerate(rows[1:], start=2):
        code, name = cell(row, "code"), cell(row, "name")
        if not any(c.strip() for c in row):
            skipped += 1
            continue
        where = f"Baris {number}"
        if not CODE_RE.fullmatch(code):
            problems.append(
                Problem(
                    f"baris {number}",
                    f"{where}, kolom kode: \u201c{code}\u201d bukan kode (angka atau huruf "
                    f"dipisahkan titik, mis. 4.01.01.1.01.07).",
                )
            )
            continue
        level_text = cell(row, "level").casefold()
        parts = len(code.split("."))
        if level_text:
            level = LEVEL_WORDS.get(level_text)
            if level is None:
                problems.append(
                    Problem(
                        f"baris {number}",
                        f"{where}, kolom tingkat: \u201c{cell(row, 'level')}\u201d tidak "
                        f"dikenal; pilihan: program, kegiatan, sub_kegiatan.",
                    )
                )
                continue
        elif parts in SKIPPED_PARTS:
            skipped += 1
            continue
        else:
            level = LEVEL_BY_PARTS.get(parts)
            if level is None:
                problems.append(
                    Problem(
                        f"baris {number}",
                        f"{where}, kolom kode: {code} terdiri atas {parts} bagian; tingkatnya "
                        f"tidak dapat ditentukan (program 3, kegiatan 5, sub kegiatan 6 "
                        f"bagian) — isi kolom tingkat.",
                    )
                )
                continue
        if not name:
            problems.append(Problem(f"baris {number}", f"{where}, kolom nama: nama kosong."))
            continue
        parent = cell(row, "parent_code") or derived_parent(code, level)
        entries.append((number, NomenclatureEntry(code, level, name, parent)))

    first_row: dict[str, int] = {}
    by_code: dict[str, NomenclatureEntry] = {}
    for number, entry in entries:
        if entry.code in first_row:
            problems.append(
                Problem(
                    f"baris {number}",
                    f"Baris {number}, kolom kode: kode {entry.code} sudah ada di baris "
                    f"{first_row[entry.code]}.",
                )
            )
            continue
        first_row[entry.code] = number
        by_code[entry.code] = entry
    for number, entry in entries:
        wanted = PARENT_LEVEL[entry.level]
        if wanted is None:
            if entry.parent_code:
                problems.append(
                    Problem(
                        f"baris {number}",
                        f"Baris {number}, kolom kode_induk: program {entry.code} tidak boleh "
                        f"memiliki induk ({entry.parent_code}).",
                    )
                )
            continue
        parent = by_code.get(entry.parent_code)
        if parent is None:
            problems.append(
                Problem(
                    f"baris {number}",
                    f"Baris {number}, kolom kode_induk: induk {entry.parent_code or '(kosong)'} "
                    f"dari {entry.code} tidak ada di berkas.",
                )
            )
        elif parent.level != wanted:
            problems.append(
                Problem(
                    f"baris {number}",
                    f"Baris {number}: induk {parent.code} adalah {parent.level.replace('_', ' ')}"
                    f", padahal induk {entry.level.replace('_', ' ')} harus "
                    f"{wanted.replace('_', ' ')}.",
                )
            )
        elif not entry.code.startswith(parent.code + "."):
            problems.append(
                Problem(
                    f"baris {number}",
                    f"Baris {number}, kolom kode: kode {entry.code} tidak berada di bawah kode "
                    f"induknya {parent.code}.",
                )
            )
    return [e for _n, e in entries if by_code.get(e.code) is e], skipped, problems
