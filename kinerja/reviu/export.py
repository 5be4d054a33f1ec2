"""A reviu result as text, JSON and XLSX (and back from its JSON form, for the web page's
downloads). No Django here."""

from __future__ import annotations

import io
import json

from .findings import ERROR, KINDS, Finding
from .service import Result

SEVERITY_TEXT = {"error": "kesalahan", "warning": "perlu diperiksa"}

COLUMNS = (
    ("kind", "Jenis"),
    ("severity", "Tingkat"),
    ("table", "Tabel"),
    ("row", "Baris/butir"),
    ("column", "Kolom"),
    ("printed", "Tertulis"),
    ("recomputed", "Hitung ulang"),
    ("formula", "Rumus"),
    ("message", "Uraian"),
    ("location", "Letak di berkas"),
)


def result_from_dict(data: dict) -> Result:
    """The ``Result`` of ``Result.to_dict()`` (what the web page keeps between requests)."""
    fields = {name for name, _ in COLUMNS} - {"title"}
    findings = [
        Finding(**{k: str(v) for k, v in item.items() if k in fields})
        for item in data.get("findings", [])
        if isinstance(item, dict) and {"kind", "severity", "message"} <= set(item)
    ]
    return Result(
        name=str(data.get("file", "")),
        fmt=str(data.get("format", "")),
        year=data.get("year") if isinstance(data.get("year"), int) else None,
        year_source=str(data.get("year_source", "")),
        findings=findings,
        tables=int(data.get("tables") or 0),
        checked_tables=int(data.get("checked_tables") or 0),
        notes=[str(n) for n in data.get("notes", [])],
        refused=str(data.get("refused", "")),
        checked={str(k): int(v) for k, v in (data.get("checked") or {}).items()},
    )


def to_json(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def summary_lines(result: Result) -> list[str]:
    lines = [f"Reviu berkas: {result.name}"]
    if result.refused:
        lines.append(f"Berkas ditolak: {result.refused}")
        return lines
    year = f"{result.year} ({result.year_source})" if result.year else "tidak diketahui"
    lines.append(f"Format: {result.fmt.upper()}; tahun laporan: {year}")
    lines.append(
        f"Tabel ditemukan: {result.tables}, berisi angka yang diperiksa: {result.checked_tables}"
    )
    if result.checked:
        checked = ", ".join(f"{k} {v}" for k, v in sorted(result.checked.items()))
        lines.append(f"Angka yang dibandingkan: {checked}")
    lines.append(
        f"Temuan: {len(result.findings)} ({len(result.errors)} kesalahan, "
        f"{len(result.warnings)} perlu diperiksa)"
    )
    return lines


def to_text(result: Result) -> str:
    lines = summary_lines(result)
    for note in result.notes:
        lines.append(f"Catatan: {note}")
    for group in result.groups():
        lines.append("")
        lines.append(
            f"== {group['title']} — {group['count']} "
            f"({group['errors']} kesalahan, {group['warnings']} perlu diperiksa)"
        )
        for finding in group["findings"]:
            where = " · ".join(x for x in (finding.table, finding.row, finding.location) if x)
            mark = "!" if finding.severity == ERROR else "?"
            lines.append(f"{mark} {where}")
            lines.append(f"    {finding.message}")
            evidence = [
                f"tertulis {finding.printed}" if finding.printed else "",
                f"hitung ulang {finding.recomputed}" if finding.recomputed else "",
                f"rumus {finding.formula}" if finding.formula else "",
            ]
            evidence = [e for e in evidence if e]
            if evidence:
                lines.append("    " + "; ".join(evidence))
    if not result.findings and not result.refused:
        lines.append("")
        lines.append("Tidak ada ketidakkonsistenan yang ditemukan.")
    return "\n".join(lines) + "\n"


def _text_cell(cell, value: str) -> None:
    """Text stays text, even when it starts with "=" (never a formula)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value) or None
    if cell.value:
        cell.data_type = "s"


def to_xlsx(result: Result) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    for i, line in enumerate(summary_lines(result), start=1):
        _text_cell(ws.cell(i, 1), line)
    row = len(summary_lines(result)) + 2
    for note in result.notes:
        _text_cell(ws.cell(row, 1), f"Catatan: {note}")
        row += 1
    row += 1
    for c, title in enumerate(("Jenis temuan", "Jumlah", "Kesalahan", "Perlu diperiksa"), 1):
        cell = ws.cell(row, c)
        _text_cell(cell, title)
        cell.font, cell.fill = bold, head_fill
    for group in result.groups():
        row += 1
        _text_cell(ws.cell(row, 1), group["title"])
        for c, key in ((2, "count"), (3, "errors"), (4, "warnings")):
            ws.cell(row, c).value = group[key]
    ws.column_dimensions["A"].width = 70
    for letter in "BCD":
        ws.column_dimensions[letter].width = 15

    sheet = wb.create_sheet("Temuan")
    for c, (_key, title) in enumerate(COLUMNS, 1):
        cell = sheet.cell(1, c)
        _text_cell(cell, title)
        cell.font, cell.fill = bold, head_fill
    for r, finding in enumerate(result.findings, start=2):
        data = finding.to_dict()
        data["kind"] = KINDS.get(finding.kind, finding.kind)
        data["severity"] = SEVERITY_TEXT.get(finding.severity, finding.severity)
        for c, (key, _title) in enumerate(COLUMNS, 1):
            cell = sheet.cell(r, c)
            _text_cell(cell, str(data.get(key, "")))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = (34, 14, 22, 34, 20, 18, 26, 34, 70, 22)
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[sheet.cell(1, c).column_letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:J{max(len(result.findings) + 1, 1)}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
