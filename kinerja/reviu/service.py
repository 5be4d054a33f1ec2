"""The reviu of one file: read it, analyse its tables, run every check, group the findings.

``reviu_file(name, data, year=None)`` never raises: a file that cannot be read gives a
``Result`` with ``refused`` set (the Indonesian reason), and a check that fails on unexpected
content is named in ``notes`` while the other checks still run. No Django here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kinerja.core.numbers import decimal_context

from . import checks, narrative
from .findings import ERROR, KINDS, WARNING, Finding, order_key
from .readers import RefusedFile, read
from .tables import analyse_tables


@dataclass
class Result:
    name: str
    fmt: str = ""
    year: int | None = None
    year_source: str = ""
    findings: list[Finding] = field(default_factory=list)
    tables: int = 0
    checked_tables: int = 0
    notes: list[str] = field(default_factory=list)
    refused: str = ""
    checked: dict[str, int] = field(default_factory=dict)  # figures compared, per check

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def groups(self) -> list[dict]:
        """The findings grouped by kind, in the order of ``KINDS``, with their counts."""
        out = []
        by_kind: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_kind.setdefault(finding.kind, []).append(finding)
        for kind in [k for k in KINDS if k in by_kind] + [k for k in by_kind if k not in KINDS]:
            items = by_kind[kind]
            severities = Counter(f.severity for f in items)
            out.append({
                "kind": kind,
                "title": KINDS.get(kind, kind),
                "count": len(items),
                "errors": severities.get(ERROR, 0),
                "warnings": severities.get(WARNING, 0),
                "findings": items,
            })
        return out

    def to_dict(self) -> dict:
        return {
            "file": self.name,
            "format": self.fmt,
            "year": self.year,
            "year_source": self.year_source,
            "refused": self.refused,
            "tables": self.tables,
            "checked_tables": self.checked_tables,
            "checked": self.checked,
            "notes": self.notes,
            "summary": {
                "findings": len(self.findings),
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "by_kind": [
                    {k: g[k] for k in ("kind", "title", "count", "errors", "warnings")}
                    for g in self.groups()
                ],
            },
            "findings": [f.to_dict() for f in self.findings],
        }


def reviu_file(name: str, data: bytes, year: int | None = None) -> Result:
    """Every inconsistency found in the report ``data`` (file name ``name``)."""
    result = Result(name=name)
    try:
        document = read(name, data)
    except RefusedFile as exc:
        result.refused = str(exc)
        return result
    result.fmt = document.fmt
    result.notes.extend(document.notes)
    with decimal_context():
        _run(document, year, result)
    result.findings.sort(key=order_key)
    return result


def _guard(result: Result, what: str, function, *args):
    try:
        return function(*args)
    except Exception as exc:  # the contract is to report, not to raise
        result.notes.append(f"Pemeriksaan {what} gagal dijalankan: {type(exc).__name__}: {exc}")
        return None


def _run(document, year: int | None, result: Result) -> None:
    analysed = _guard(result, "tabel", analyse_tables, document.blocks, document.fmt)
    if analysed is None:
        return
    blocks, tables = analysed
    result.tables = len(tables)
    if year is not None:
        result.year, result.year_source = year, "ditentukan pengguna"
    else:
        found = narrative.report_year(blocks)
        result.year, result.year_source = found.year, found.source
    if result.year is None:
        result.notes.append(
            "Tahun laporan tidak ditemukan di judul atau sampul; pemeriksaan label tahun "
            "dilewati (tentukan tahunnya dengan --year atau isian Tahun)."
        )
    results: dict[int, checks.TableResult] = {}
    zeros, aggregates, entries = [], [], []
    for table in tables:
        outcome = _guard(result, f"{table.label}", checks.check_table, table, result.year)
        if outcome is None:
            outcome = checks.TableResult()
        results[table.number] = outcome
        if table.has(*checks.MONEY_ROLES, checks.PCT_CAP, checks.PCT_FIN):
            result.checked_tables += 1
        result.findings.extend(outcome.findings)
        for what, count in outcome.checked.items():
            result.checked[what] = result.checked.get(what, 0) + count
        zeros.extend(outcome.zero_targets)
        aggregates.extend(outcome.aggregates)
        entries.extend(
            _guard(result, f"indeks {table.label}", checks.index_entries, table, outcome,
                   result.year) or []
        )
    counter: Counter = Counter()
    for what, function, args in (
        ("target 0", checks.check_zero_targets, (zeros,)),
        ("aturan penggabungan", checks.check_rule_mix, (aggregates,)),
        ("antartabel", checks.check_cross, (entries, counter)),
        ("kalimat", narrative.statements, (blocks, tables, results, counter)),
        ("rincian anggaran", narrative.listed_totals, (blocks, tables, results, counter)),
    ):
        result.findings.extend(_guard(result, what, function, *args) or [])
    places = _guard(result, "teks", narrative.places, blocks, tables) or []
    if result.year is not None:
        result.findings.extend(
            _guard(result, "label tahun", narrative.year_labels, places, result.year) or []
        )
    result.findings.extend(
        _guard(result, "tanggal", narrative.dates, places, result.year, counter) or []
    )
    for what, count in counter.items():
        result.checked[what] = result.checked.get(what, 0) + count
