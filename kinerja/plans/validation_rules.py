"""The rules of plan editing, as pure functions over plain values (no Django, no database).

Each ``check_*`` returns a list of ``Problem`` (the form field it concerns and an Indonesian
message saying what was found and what is expected); an empty list means the input is
fine. The services in ``kinerja.plans.services`` gather what the rules need from the
database, call them, and refuse the whole change when any problem is found.

Included:
- codes: format, under the parent's code, unique in the plan (``check_code``); the level
  allowed under the parent (``check_level``); present in the plan's nomenclature version at
  the same level and under the same parent (``check_nomenclature``);
- budget: pagu only on leaves, DPA frozen once a DPPA exists (``check_budget``);
- monthly plan: anggaran kas (rupiah per month) summing to the pagu in force
  (``check_anggaran_kas``); fisik plan cumulative, 0–100, never decreasing, 100 in December
  (``check_fisik_plan``); months that are locked keep their plan (``check_locked_months``);
- indicators and their annual targets (``check_indicator``, ``check_target``).

Monthly fields are named ``kas-<month>`` and ``fisik-<month>`` (1–12).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.numbers import MONTHS_ID, fmt_money, fmt_number
from kinerja.core.tree import level_name

LEAF_LEVELS = ("sub_kegiatan", "tolok_ukur")
HUNDRED = Decimal(100)
ZERO = Decimal(0)
CODE_RE = re.compile(r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*")


@dataclass(frozen=True)
class Problem:
    """One reason a change is refused: ``field`` is the form field (``code``, ``pagu_dpa``,
    ``kas-3``, ``target_value``…), ``message`` says what and why, in Indonesian."""

    field: str
    message: str


@dataclass(frozen=True)
class NomenclatureEntry:
    """What the rules need of one nomenclature entry."""

    code: str
    level: str
    name: str
    parent_code: str = ""


def child_level(parent_level: str | None, leaf_level: str) -> str | None:
    """The level of a new child: a program at the top, a kegiatan under a program, the
    plan's leaf level (``sub_kegiatan`` or ``tolok_ukur``) under a kegiatan; None under a
    leaf (a leaf has no children)."""
    if parent_level is None:
        return "program"
    if parent_level == "program":
        return "kegiatan"
    if parent_level == "kegiatan":
        return leaf_level
    return None


def check_level(*, level: str, parent_level: str | None, leaf_level: str) -> list[Problem]:
    expected = child_level(parent_level, leaf_level)
    if expected == level:
        return []
    if expected is None:
        return [
            Problem(
                "level",
                f"{level_name(parent_level or '').capitalize()} adalah tingkat terendah "
                f"dan tidak boleh memiliki anak.",
            )
        ]
    where = f"di bawah {level_name(parent_level)}" if parent_level else "di tingkat teratas"
    return [
        Problem(
            "level",
            f"Tingkat {level_name(level)} tidak boleh berada {where}; "
            f"seharusnya {level_name(expected)}.",
        )
    ]


def check_code(
    *, code: str, parent_code: str | None, existing: Mapping[str, str] | None = None
) -> list[Problem]:
    """``code`` well formed, under ``parent_code`` (it starts with the parent's code and a
    dot, and is longer), and not among ``existing`` (code → label of the node using it)."""
    code = code.strip()
    if not code:
        return [Problem("code", "Kode wajib diisi.")]
    if not CODE_RE.fullmatch(code):
        return [
            Problem(
                "code",
                f"Kode \u201c{code}\u201d tidak dikenali: kode berisi angka atau huruf yang "
                f"dipisahkan titik, tanpa spasi, mis. 4.01.01.1.01.07.",
            )
        ]
    problems = []
    if parent_code:
        prefix = parent_code.strip() + "."
        if not code.startswith(prefix) or len(code) == len(prefix):
            problems.append(
                Problem(
                    "code",
                    f"Kode {code} tidak berada di bawah kode induknya {parent_code}: "
                    f"kode harus diawali {prefix}",
                )
            )
    if existing and code in existing:
        problems.append(
            Problem(
                "code",
                f"Kode {code} sudah dipakai di rencana ini ({existing[code]}); "
                f"setiap kode hanya boleh dipakai sekali.",
            )
        )
    return problems


def check_nomenclature(
    *,
    code: str,
    level: str,
    parent_code: str | None,
    entry: NomenclatureEntry | None,
    version: str,
) -> list[Problem]:
    """The code of a plan that follows nomenclature ``version`` must be an entry of it, of
    the same level, whose parent is the node's parent."""
    if entry is None:
        return [
            Problem(
                "code",
                f"Kode {code} tidak ada dalam nomenklatur versi {version}; pilih "
                f"{level_name(level)} dari daftar nomenklatur (cari dengan kode atau nama).",
            )
        ]
    problems = []
    if entry.level != level:
        problems.append(
            Problem(
                "code",
                f"Kode {code} dalam nomenklatur versi {version} adalah "
                f"{level_name(entry.level)}, bukan {level_name(level)}.",
            )
        )
    if (entry.parent_code or "") != (parent_code or ""):
        under = entry.parent_code or "tingkat teratas"
        problems.append(
            Problem(
                "code",
                f"Kode {code} dalam nomenklatur versi {version} berada di bawah {under}, "
                f"bukan di bawah induknya di rencana ini ({parent_code or 'tingkat teratas'}).",
            )
        )
    return problems


def check_budget(
    *,
    level: str,
    pagu_dpa: Decimal | None,
    pagu_dppa: Decimal | None,
    stored_dpa: Decimal | None = None,
    stored_dppa: Decimal | None = None,
) -> list[Problem]:
    """Pagu only on a leaf and never negative; once a DPPA is stored, the DPA (the original
    budget) stays as it was: a change of budget is a change of the DPPA."""
    if level not in LEAF_LEVELS:
        if pagu_dpa is not None or pagu_dppa is not None:
            return [
                Problem(
                    "pagu_dpa" if pagu_dpa is not None else "pagu_dppa",
                    f"Pagu tidak boleh diisi pada {level_name(level)}: pagu "
                    f"{level_name(level)} adalah jumlah pagu anak-anaknya. Isi pagu pada "
                    f"sub kegiatan.",
                )
            ]
        return []
    problems = []
    for field, label, value in (("pagu_dpa", "DPA", pagu_dpa), ("pagu_dppa", "DPPA", pagu_dppa)):
        if value is not None and value < 0:
            problems.append(
                Problem(field, f"Pagu {label} {fmt_money(value)} negatif; pagu tidak boleh < 0.")
            )
    if stored_dppa is not None and pagu_dpa != stored_dpa:
        problems.append(
            Problem(
                "pagu_dpa",
                f"Pagu DPA tidak dapat diubah ({fmt_money(stored_dpa)} menjadi "
                f"{fmt_money(pagu_dpa)}) karena DPPA sudah ada ({fmt_money(stored_dppa)}): "
                f"DPA tetap sebagai anggaran murni; ubah pagu DPPA.",
            )
        )
    return problems


def per_month(cumulative: Sequence[Decimal | None]) -> list[Decimal | None]:
    """Amounts per month from cumulative amounts (a month without figure stays None and the
    next month is taken against the last known figure)."""
    out: list[Decimal | None] = []
    last = ZERO
    for value in cumulative:
        if value is None:
            out.append(None)
            continue
        out.append(value - last)
        last = value
    return out


def cumulate(amounts: Sequence[Decimal | None]) -> list[Decimal | None]:
    """Cumulative amounts from amounts per month (an empty month counts as 0); all None
    when every month is empty."""
    if all(a is None for a in amounts):
        return [None] * len(amounts)
    out: list[Decimal | None] = []
    total = ZERO
    for a in amounts:
        total += a or ZERO
        out.append(total)
    return out


def _twelve(values: Sequence) -> None:
    if len(values) != 12:
        raise ValueError(f"rencana bulanan harus 12 bulan, diberikan {len(values)}")


def check_anggaran_kas(*, amounts: Sequence[Decimal | None], pagu: Decimal | None) -> list[Problem]:
    """Anggaran kas: rupiah per month (an empty month is 0), none negative, summing to the
    pagu in force. Every month empty means no plan (allowed)."""
    _twelve(amounts)
    if all(a is None for a in amounts):
        return []
    problems = [
        Problem(
            f"kas-{m}",
            f"Anggaran kas {MONTHS_ID[m - 1]} {fmt_money(a)} negatif; anggaran kas tidak "
            f"boleh < 0.",
        )
        for m, a in enumerate(amounts, start=1)
        if a is not None and a < 0
    ]
    if pagu is None:
        problems.append(
            Problem("kas", "Pagu belum diisi: isi pagu sub kegiatan sebelum anggaran kas.")
        )
        return problems
    total = sum((a or ZERO for a in amounts), ZERO)
    if total != pagu:
        gap = pagu - total
        how = f"kurang {fmt_money(gap)}" if gap > 0 else f"lebih {fmt_money(-gap)}"
        problems.append(
            Problem(
                "kas",
                f"Jumlah anggaran kas Januari–Desember {fmt_money(total)} tidak sama dengan "
                f"pagu {fmt_money(pagu)} ({how}).",
            )
        )
    return problems


def check_fisik_plan(*, values: Sequence[Decimal | None]) -> list[Problem]:
    """Fisik plan: cumulative % for each month, 0–100, never decreasing, 100 in December.
    Every month empty means no plan (allowed); otherwise every month must be filled."""
    _twelve(values)
    if all(v is None for v in values):
        return []
    problems = []
    last: tuple[int, Decimal] | None = None
    for m, v in enumerate(values, start=1):
        name = MONTHS_ID[m - 1]
        if v is None:
            problems.append(
                Problem(
                    f"fisik-{m}",
                    f"Rencana fisik kumulatif {name} kosong; isi persen kumulatif "
                    f"(0 bila belum ada kemajuan).",
                )
            )
            continue
        if v < 0 or v > HUNDRED:
            problems.append(
                Problem(
                    f"fisik-{m}",
                    f"Rencana fisik kumulatif {name} {fmt_number(v)}% di luar 0–100%.",
                )
            )
        elif last is not None and v < last[1]:
            problems.append(
                Problem(
                    f"fisik-{m}",
                    f"Rencana fisik kumulatif turun dari {fmt_number(last[1])}% "
                    f"({MONTHS_ID[last[0] - 1]}) menjadi {fmt_number(v)}% ({name}); "
                    f"rencana kumulatif tidak boleh turun.",
                )
            )
        last = (m, v)
    december = values[11]
    if december is not None and december != HUNDRED and ZERO <= december <= HUNDRED:
        problems.append(
            Problem(
                "fisik-12",
                f"Rencana fisik kumulatif Desember {fmt_number(december)}%; "
                f"seharusnya 100% di akhir tahun.",
            )
        )
    return problems


def check_locked_months(
    *,
    old_kas: Sequence[Decimal | None],
    new_kas: Sequence[Decimal | None],
    old_fisik: Sequence[Decimal | None],
    new_fisik: Sequence[Decimal | None],
    locked: set[int],
) -> list[Problem]:
    """A locked month keeps its plan: its anggaran kas (per month) and fisik plan cannot
    change until the month is reopened."""
    problems = []
    for m in sorted(locked):
        i = m - 1
        for field, old, new, label in (
            ("kas", old_kas, new_kas, "anggaran kas"),
            ("fisik", old_fisik, new_fisik, "rencana fisik"),
        ):
            if (old[i] or ZERO) != (new[i] or ZERO) or (old[i] is None) != (new[i] is None):
                problems.append(
                    Problem(
                        f"{field}-{m}",
                        f"Bulan {MONTHS_ID[i]} sudah dikunci: {label} bulan itu tidak dapat "
                        f"diubah (minta buka kunci lebih dulu).",
                    )
                )
    return problems


def check_indicator(
    *,
    statement: str,
    satuan: str,
    value_type: str,
    qualitative_mode: str,
    levels: Sequence[str],
) -> list[Problem]:
    problems = []
    if not statement.strip():
        problems.append(Problem("statement", "Pernyataan indikator wajib diisi."))
    if value_type != "qualitative" and not satuan.strip():
        problems.append(
            Problem("satuan", "Satuan wajib diisi untuk indikator angka (mis. Dokumen, Orang, %).")
        )
    if value_type == "qualitative" and qualitative_mode == "levels":
        cleaned = [x.strip() for x in levels if x.strip()]
        if len(cleaned) < 2:
            problems.append(
                Problem(
                    "levels",
                    "Indikator kualitatif berjenjang perlu sedikitnya dua label, "
                    "satu per baris, dari yang terendah ke yang tertinggi.",
                )
            )
        elif len({x.casefold() for x in cleaned}) != len(cleaned):
            problems.append(Problem("levels", "Label jenjang tidak boleh kembar."))
    return problems


def check_target(
    *,
    statement: str,
    year: int,
    value_type: str,
    qualitative_mode: str,
    levels: Sequence[str],
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    label: str,
) -> list[Problem]:
    """The annual target: the part the indicator's type needs must be filled (a value; a
    range low ≤ high; a label, one of the levels when the indicator has levels)."""
    missing = f"Target indikator \u201c{statement}\u201d tahun {year} belum diisi"
    if value_type == "range":
        problems = []
        if low is None:
            problems.append(Problem("target_low", f"{missing}: isi batas bawah rentang."))
        if high is None:
            problems.append(Problem("target_high", f"{missing}: isi batas atas rentang."))
        if low is not None and high is not None and low > high:
            problems.append(
                Problem(
                    "target_low",
                    f"Batas bawah {fmt_number(low)} lebih besar dari batas atas "
                    f"{fmt_number(high)}.",
                )
            )
        return problems
    if value_type == "qualitative":
        label = label.strip()
        if not label:
            return [Problem("target_label", f"{missing}: isi label target (mis. WTP).")]
        cleaned = [x.strip() for x in levels if x.strip()]
        known = {x.casefold() for x in cleaned}
        if qualitative_mode == "levels" and cleaned and label.casefold() not in known:
            return [
                Problem(
                    "target_label",
                    f"Target \u201c{label}\u201d bukan salah satu label jenjang: "
                    f"{', '.join(cleaned)}.",
                )
            ]
        return []
    if value is None:
        return [Problem("target_value", f"{missing}: isi nilai target.")]
    if value_type == "percent" and value < 0:
        return [Problem("target_value", f"Target {fmt_number(value)}% negatif.")]
    return []
