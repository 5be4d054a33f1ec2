"""The community satisfaction index (Indeks Kepuasan Masyarakat, IKM) of a survey (Survei
Kepuasan Masyarakat, SKM). Pure Python in the style of ``kinerja.core``.

Included:
- the two guidelines a year may have used (``GUIDELINES``):
  - PermenPAN-RB 14/2017 (the default): nine unsur, each weighted 1/9 (printed 0,111); the
    mutu is decided on the converted value (25–100): A 88,31–100,00 Sangat Baik,
    B 76,61–88,30 Baik, C 65,00–76,60 Kurang Baik, D 25,00–64,99 Tidak Baik;
  - KepMenPAN 25/M.PAN/2/2004: fourteen unsur, each weighted 1/14 (printed 0,071); the mutu is
    decided on the 1–4 value: A 3,26–4,00, B 2,51–3,25, C 1,76–2,50, D 1,00–1,75 (so an IKM of
    3,30 is A under 2004 and B under 2017); the names of its unsur and the labels of its mutu
    are not in our sources (see the comment at the table);
- ``element_mean``: the NRR (nilai rata-rata) of one unsur from the counts of answers 1–4:
  Σ(answer × count) ÷ number of answers;
- ``survey_index``: IKM (1–4) = Σ NRR × 1/n, i.e. the mean of the NRR, computed with the exact
  fraction 1/n, not 0,111 (which would make all-4 answers 3,996); ``converted``: × 25;
- ``grade``: the mutu and the kinerja label. The bounds are printed with two decimals and the
  printed tables leave gaps (64,99 / 65,00; 76,60 / 76,61; 88,30 / 88,31): the value is
  compared as it is shown, rounded half up to two decimals, on the scale the guideline's
  table is written in, so every value has exactly one class and the class always agrees with
  the figure printed next to it;
- ``compute_survey``: a survey entered per unsur (counts of answers, or the NRR per unsur) or
  as its index only (a survey known from an old report), checked, with the index, its
  conversion, mutu, label and an explanation. Problems are returned as ``errors``
  (Indonesian, naming the unsur), never raised.

Not included: unequal weights or extra unsur (14/2017 allows them when the weights add up to
1), sample-size rules, combining several services (``combined_index`` takes the plain mean,
a practice, not a rule).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.numbers import ARITHMETIC, fmt_compact, fmt_number, round_half_up, to_decimal

ONE, FOUR, TWENTY_FIVE = Decimal(1), Decimal(4), Decimal(25)
MODES = ("counts", "means", "index")


@dataclass(frozen=True)
class Band:
    """A mutu given to values at or above ``lower`` (two decimals, on the guideline's scale)."""

    lower: Decimal
    mutu: str
    label: str


@dataclass(frozen=True)
class Guideline:
    key: str
    name: str
    elements: tuple[str, ...]
    scale: str  # "converted" (25–100) or "index" (1–4): the scale the bands are written in
    bands: tuple[Band, ...]  # from the best down
    weight_text: str  # the weight as the guideline prints it

    def band_text(self) -> list[str]:
        """The table of bands as printed, one line each, best first."""
        lines = []
        top = Decimal(100) if self.scale == "converted" else FOUR
        step = Decimal("0.01")
        for band in self.bands:
            lines.append(
                f"{band.mutu} ({band.label}): {fmt_number(band.lower, 2)}–{fmt_number(top, 2)}"
            )
            top = band.lower - step
        return lines


GUIDELINES: dict[str, Guideline] = {
    "permenpan_14_2017": Guideline(
        key="permenpan_14_2017",
        name="PermenPAN-RB 14/2017",
        elements=(
            "Persyaratan",
            "Sistem, Mekanisme, dan Prosedur",
            "Waktu Penyelesaian",
            "Biaya/Tarif",
            "Produk Spesifikasi Jenis Pelayanan",
            "Kompetensi Pelaksana",
            "Perilaku Pelaksana",
            "Penanganan Pengaduan, Saran dan Masukan",
            "Sarana dan Prasarana",
        ),
        scale="converted",
        bands=(
            Band(Decimal("88.31"), "A", "Sangat Baik"),
            Band(Decimal("76.61"), "B", "Baik"),
            Band(Decimal("65.00"), "C", "Kurang Baik"),
            Band(Decimal("25.00"), "D", "Tidak Baik"),
        ),
        weight_text="0,111",
    ),
    # KepMenPAN 25/M.PAN/2/2004. What our domain sources (shared/brief/domain-sources.md §6.3)
    # give for it: fourteen unsur, the weight 0,071 and the table on the 1–4 value
    # (D 1,00–1,75; C 1,76–2,50; B 2,51–3,25; A 3,26–4,00). They do NOT give the names of the
    # fourteen unsur nor the kinerja labels of its mutu: the names below are the list used by
    # several public SKM applications (practice, the same fourteen in the same order), and
    # the labels are those of 14/2017; neither was checked against the decree's own text.
    # They are only shown beside the figures: the index does not depend on them.
    "kepmenpan_25_2004": Guideline(
        key="kepmenpan_25_2004",
        name="KepMenPAN 25/M.PAN/2/2004",
        elements=(
            "Prosedur pelayanan",
            "Persyaratan pelayanan",
            "Kejelasan petugas pelayanan",
            "Kedisiplinan petugas pelayanan",
            "Tanggung jawab petugas pelayanan",
            "Kemampuan petugas pelayanan",
            "Kecepatan pelayanan",
            "Keadilan mendapatkan pelayanan",
            "Kesopanan dan keramahan petugas",
            "Kewajaran biaya pelayanan",
            "Kepastian biaya pelayanan",
            "Kepastian jadwal pelayanan",
            "Kenyamanan lingkungan",
            "Keamanan pelayanan",
        ),
        scale="index",
        bands=(
            Band(Decimal("3.26"), "A", "Sangat Baik"),
            Band(Decimal("2.51"), "B", "Baik"),
            Band(Decimal("1.76"), "C", "Kurang Baik"),
            Band(Decimal("1.00"), "D", "Tidak Baik"),
        ),
        weight_text="0,071",
    ),
}
DEFAULT_GUIDELINE = "permenpan_14_2017"


def guideline(key: str) -> Guideline:
    try:
        return GUIDELINES[key]
    except KeyError:
        raise ValueError(
            f"pedoman IKM tidak dikenal: {key!r}; pilihan: {', '.join(GUIDELINES)}"
        ) from None


def _n(value: Decimal) -> str:
    return fmt_compact(value, 4)


def element_mean(counts: Sequence[int]) -> tuple[Decimal | None, int]:
    """``(NRR, number of answers)`` from the counts of answers 1, 2, 3 and 4 (in that
    order). NRR is None when nobody answered. Counts must be four whole numbers ≥ 0."""
    if len(counts) != 4:
        raise ValueError("jumlah jawaban harus empat angka: untuk nilai 1, 2, 3 dan 4")
    for c in counts:
        if isinstance(c, bool) or not isinstance(c, int) or c < 0:
            raise ValueError(f"jumlah jawaban harus bilangan bulat ≥ 0, bukan {c!r}")
    answered = sum(counts)
    if not answered:
        return None, 0
    total = sum(score * c for score, c in zip((1, 2, 3, 4), counts, strict=True))
    return ARITHMETIC.divide(Decimal(total), Decimal(answered)), answered


def survey_index(means: Sequence[Decimal]) -> Decimal:
    """IKM on the 1–4 scale: Σ NRR × 1/n, the mean of the unsur's NRR (exact)."""
    if not means:
        raise ValueError("tidak ada unsur")
    total = Decimal(0)
    for m in means:
        total = ARITHMETIC.add(total, to_decimal(m))
    return ARITHMETIC.divide(total, Decimal(len(means)))


def converted(index: Decimal) -> Decimal:
    """The index on the 25–100 scale (nilai interval konversi): index × 25."""
    return ARITHMETIC.multiply(to_decimal(index), TWENTY_FIVE)


@dataclass(frozen=True)
class Grade:
    mutu: str
    label: str
    compared: Decimal  # the value compared with the bands (two decimals, on ``scale``)
    scale: str


def grade(index: Decimal, key: str = DEFAULT_GUIDELINE) -> Grade:
    """The mutu (A–D) and kinerja label of an index (1–4) under a guideline (see the module
    documentation for how the value is compared). An index outside 1–4 raises ValueError."""
    g = guideline(key)
    index = to_decimal(index)
    if not ONE <= index <= FOUR:
        raise ValueError(f"nilai IKM {_n(index)} di luar skala 1–4")
    value = converted(index) if g.scale == "converted" else index
    shown = round_half_up(value, 2)
    for band in g.bands:
        if shown >= band.lower:
            return Grade(band.mutu, band.label, shown, g.scale)
    last = g.bands[-1]  # unreachable: the lowest band starts at the scale's minimum
    return Grade(last.mutu, last.label, shown, g.scale)


def combined_index(indices: Sequence[Decimal]) -> Decimal:
    """The IKM of a unit with several services: the plain mean of their indices (practice)."""
    return survey_index(indices)


@dataclass(frozen=True)
class ElementInput:
    """One unsur as entered: ``counts`` of answers 1–4, or ``mean`` (its NRR)."""

    number: int
    name: str = ""
    counts: tuple[int, int, int, int] | None = None
    mean: Decimal | None = None


@dataclass(frozen=True)
class ElementResult:
    number: int
    name: str
    answered: int | None
    mean: Decimal  # NRR
    weighted: Decimal  # NRR × 1/n
    explanation: str


@dataclass(frozen=True)
class SurveyComputed:
    guideline: Guideline
    mode: str
    respondents: int | None
    elements: tuple[ElementResult, ...]
    index: Decimal | None  # 1–4
    converted: Decimal | None  # 25–100
    grade: Grade | None
    explanation: str
    errors: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors and self.index is not None


def _unsur(g: Guideline, number: int) -> str:
    name = g.elements[number - 1] if 1 <= number <= len(g.elements) else ""
    return f"U{number} ({name})" if name else f"U{number}"


def compute_survey(
    key: str,
    *,
    mode: str,
    respondents: int | None = None,
    elements: Sequence[ElementInput] = (),
    index: Decimal | None = None,
) -> SurveyComputed:
    """The index of one survey (see the module documentation). ``mode``: ``counts`` (each
    unsur's counts of answers 1–4), ``means`` (each unsur's NRR) or ``index`` (the 1–4 index
    only). ``counts`` and ``means`` need every unsur of the guideline once and the number of
    respondents (≥ 1; no unsur may have more answers than respondents)."""
    g = guideline(key)
    if mode not in MODES:
        raise ValueError(f"cara isian tidak dikenal: {mode!r}; pilihan: {', '.join(MODES)}")
    errors: list[str] = []
    if respondents is not None and (
        isinstance(respondents, bool) or not isinstance(respondents, int) or respondents < 0
    ):
        errors.append(f"jumlah responden harus bilangan bulat ≥ 0, bukan {respondents!r}")
        respondents = None
    if mode == "index":
        if index is None:
            errors.append("nilai IKM (skala 1–4) belum diisi")
        elif not ONE <= to_decimal(index) <= FOUR:
            errors.append(f"nilai IKM {_n(to_decimal(index))} di luar skala 1–4")
        if errors:
            return _failed(g, mode, respondents, errors)
        value = to_decimal(index)
        return _finish(g, mode, respondents, (), value, f"{_n(value)} = nilai IKM yang dicatat")
    if not respondents:
        errors.append("jumlah responden belum diisi (minimal 1)")
    numbers = [e.number for e in elements]
    wanted = list(range(1, len(g.elements) + 1))
    missing = [n for n in wanted if n not in numbers]
    extra = sorted({n for n in numbers if n not in wanted or numbers.count(n) > 1})
    if missing:
        errors.append(
            f"unsur belum diisi: {', '.join(_unsur(g, n) for n in missing)}"
            f" ({g.name} memakai {len(g.elements)} unsur)"
        )
    if extra:
        errors.append(f"unsur tidak dikenal atau ganda: {', '.join(f'U{n}' for n in extra)}")
    weight = ARITHMETIC.divide(ONE, Decimal(len(g.elements)))
    results: list[ElementResult] = []
    for e in sorted(elements, key=lambda e: e.number):
        label = _unsur(g, e.number)
        name = e.name or (g.elements[e.number - 1] if 1 <= e.number <= len(g.elements) else "")
        if mode == "counts":
            if e.counts is None:
                errors.append(f"{label}: jumlah jawaban 1–4 belum diisi")
                continue
            try:
                mean, answered = element_mean(e.counts)
            except ValueError as exc:
                errors.append(f"{label}: {exc}")
                continue
            if mean is None:
                errors.append(f"{label}: belum ada jawaban")
                continue
            if respondents and answered > respondents:
                errors.append(
                    f"{label}: {answered} jawaban, lebih banyak dari {respondents} responden"
                )
            parts = " + ".join(f"{s} × {c}" for s, c in zip((1, 2, 3, 4), e.counts, strict=True))
            text = f"NRR {_n(mean)} = ({parts}) ÷ {answered} jawaban"
        else:
            if e.mean is None:
                errors.append(f"{label}: NRR belum diisi")
                continue
            mean, answered = to_decimal(e.mean), None
            if not ONE <= mean <= FOUR:
                errors.append(f"{label}: NRR {_n(mean)} di luar skala 1–4")
                continue
            text = f"NRR {_n(mean)} (diisi)"
        weighted = ARITHMETIC.multiply(mean, weight)
        results.append(ElementResult(e.number, name, answered, mean, weighted, text))
    if errors:
        return _failed(g, mode, respondents, errors, tuple(results))
    value = survey_index([r.mean for r in results])
    means = "; ".join(_n(r.mean) for r in results)
    text = (
        f"{_n(value)} = Σ NRR × {g.weight_text} (1/{len(g.elements)}) = ({means})"
        f" ÷ {len(g.elements)}"
    )
    return _finish(g, mode, respondents, tuple(results), value, text)


def _failed(g, mode, respondents, errors, results=()) -> SurveyComputed:
    return SurveyComputed(g, mode, respondents, results, None, None, None, "", tuple(errors))


def _finish(g, mode, respondents, results, value, text) -> SurveyComputed:
    nik = converted(value)
    gr = grade(value, g.key)
    scale = "nilai konversi" if gr.scale == "converted" else "nilai IKM"
    text += (
        f"; × 25 = {fmt_number(nik, 2)}; mutu {gr.mutu} ({gr.label}) menurut {g.name},"
        f" dari {scale} {fmt_number(gr.compared, 2)}"
    )
    return SurveyComputed(g, mode, respondents, results, value, nik, gr, text, ())
