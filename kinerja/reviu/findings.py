"""A reviu finding and the kinds of findings, with their Indonesian titles.

Severity: ``error`` when a printed figure cannot be right (it contradicts the document's own
figures or the rule that produced it); ``warning`` when something needs explaining but may be
legitimate (spending above the plan, a capped figure without its mark, a date or year label
that looks copied from another year, a weekday that does not match its date).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"

KINDS: dict[str, str] = {
    "percent_mismatch": "Persentase tidak sama dengan realisasi ÷ rencana × 100",
    "achievement_mismatch": "Capaian tidak sama dengan realisasi ÷ target × 100",
    "capped_unmarked": "Capaian dibatasi 100 tanpa tanda",
    "parent_sum": "Induk tidak sama dengan jumlah rincian di bawahnya",
    "total_sum": "Jumlah/total tidak sama dengan jumlah bagian-bagiannya",
    "aggregate_unexplained": "Angka gabungan yang tidak dihasilkan aturan mana pun",
    "aggregate_rule_mixed": "Aturan penggabungan berbeda dengan bagian lain dokumen",
    "cross_table": "Butir yang sama bernilai berbeda di dua tabel",
    "narrative_mismatch": "Angka dalam kalimat berbeda dengan tabel",
    "narrative_total": "Jumlah dalam uraian tidak sama dengan rinciannya",
    "realisasi_above_rencana": "Realisasi melebihi rencana",
    "zero_target_inconsistent": "Target 0 dinilai berbeda di tempat berbeda",
    "year_label": "Label tahun berbeda dengan tahun laporan",
    "date_other_year": "Tanggal kegiatan di tahun sebelum tahun laporan",
    "weekday_mismatch": "Nama hari tidak sesuai tanggalnya",
}


@dataclass(frozen=True)
class Finding:
    """One inconsistency: what (``kind``, ``message``), where (``table``, ``row``,
    ``column``, ``location``), and the evidence (``printed``, ``recomputed``, ``formula``),
    numbers written the Indonesian way."""

    kind: str
    severity: str
    message: str
    table: str = ""
    row: str = ""
    column: str = ""
    printed: str = ""
    recomputed: str = ""
    formula: str = ""
    location: str = ""

    @property
    def title(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def to_dict(self) -> dict[str, str]:
        data = asdict(self)
        data["title"] = self.title
        return data


def order_key(finding: Finding) -> tuple[int, int, str]:
    kinds = list(KINDS)
    index = kinds.index(finding.kind) if finding.kind in kinds else len(kinds)
    return (0 if finding.severity == ERROR else 1, index, finding.table)
