"""Kinerja's import templates as files: blank, or filled with an example from the demo data
(the 2021 plan of Biro Pemerintahan dan Kesejahteraan Rakyat, Lampiran 1 of the seed
report, read from ``kinerja.demo.seed_data`` so that the example exists whatever the
database holds).

The example of the monthly plan shows the December row of each sub kegiatan (cumulative
anggaran kas = pagu, rencana fisik 100%): the report gives no monthly plan for 2021. The
Lampiran 1 template has the report's own two-row header."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kinerja.demo import seed_data

from . import schemas as S
from .exports import ExportFile
from .writing import GENERAL_NOTES, render


def _demo_plan() -> dict:
    return next(p for p in seed_data.PLANS if p["unit"] == "biro-pemkesra" and p["year"] == 2021)


def _walk(nodes, parent=None):
    for node in nodes:
        yield node, parent
        yield from _walk(node.get("children") or [], node)


def _d(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _money(value) -> Decimal | None:
    d = _d(value)
    return None if d is None else d.quantize(Decimal("0.01"))


def _leaf_pagu(node) -> Decimal | None:
    dppa = node.get("pagu_dppa")
    return _money(dppa if dppa is not None else node.get("pagu_dpa"))


def example_rows(kind: str) -> list[dict]:
    plan = _demo_plan()
    rows = []
    for node, _parent in _walk(plan["nodes"]):
        leaf = not node.get("children")
        if kind == "plan":
            rows.append(
                {
                    "kode": node["code"],
                    "uraian": node["name"],
                    "tingkat": S.LEVEL_LABEL[node["level"]],
                    "pagu_dpa": _money(node.get("pagu_dpa")),
                    "pagu_dppa": _money(node.get("pagu_dppa")),
                    "anggaran_berlaku": "DPPA" if node.get("pagu_dppa") is not None else "DPA",
                    "unit_pj": node.get("responsible_unit") or "",
                }
            )
        elif kind == "indicators":
            for index, ind in enumerate(node.get("indicators") or [], start=1):
                rows.append(
                    {
                        "kode": node["code"],
                        "uraian": node["name"],
                        "indikator_ke": index,
                        "jenis": S.KIND_LABEL["output" if leaf else "outcome"],
                        "indikator": ind["statement"],
                        "satuan": ind.get("satuan", ""),
                        "arah": S.POLARITY_LABEL[ind.get("polarity", "higher")],
                        "tipe": S.VALUE_TYPE_LABEL[ind.get("value_type", "number")],
                        "akumulatif": ind.get("cumulative", True),
                        "jenjang": list(ind.get("levels") or []),
                        "mode_kualitatif": "jenjang",
                        "nilai_dasar": _d(ind.get("baseline")),
                        "nilai_dasar_label": "",
                        "target": _d(ind.get("target")),
                    }
                )
        elif kind == "monthly-plan" and leaf:
            rows.append(
                {
                    "kode": node["code"],
                    "uraian": node["name"],
                    "bulan": 12,
                    "rencana_fisik": Decimal("100"),
                    "anggaran_kas": _leaf_pagu(node),
                }
            )
        elif kind == "monthly-realisation":
            if leaf and node.get("realisasi") is not None:
                rows.append(
                    {
                        "kode": node["code"],
                        "uraian": node["name"],
                        "bulan": 12,
                        "realisasi_keuangan": _money(node["realisasi"]),
                        "realisasi_fisik": None,
                    }
                )
            for index, ind in enumerate(node.get("indicators") or [], start=1):
                rows.append(
                    {
                        "kode": node["code"],
                        "uraian": node["name"],
                        "bulan": 12,
                        "indikator_ke": index,
                        "indikator": ind["statement"],
                        "realisasi_keluaran": _d(ind.get("realisation")),
                        "yang_dilaksanakan": ind.get("narrative", ""),
                        "kendala": ind.get("obstacles", ""),
                    }
                )
    return rows


def _lampiran_rows() -> list[list]:
    """Lampiran 1 as the report prints it: account rows, parents with their sums, leaves with
    their output."""
    plan = _demo_plan()
    sums: dict[str, tuple[Decimal, Decimal]] = {}

    def total(node) -> tuple[Decimal, Decimal]:
        if not node.get("children"):
            value = (_leaf_pagu(node) or Decimal(0), _money(node.get("realisasi")) or Decimal(0))
        else:
            parts = [total(child) for child in node["children"]]
            value = (sum(p[0] for p in parts), sum(p[1] for p in parts))
        sums[node["code"]] = value
        return value

    grand = [total(node) for node in plan["nodes"]]
    rows = [
        ["5", "BELANJA DAERAH", None, None, None, None, None, None],
        ["5.2", "BELANJA LANGSUNG", sum(g[0] for g in grand), sum(g[1] for g in grand)]
        + [None] * 4,
    ]
    for node, _parent in _walk(plan["nodes"]):
        pagu, spent = sums[node["code"]]
        if node.get("children"):
            rows.append([node["code"], node["name"], pagu, spent, None, None, None, None])
            continue
        ind = (node.get("indicators") or [None])[0]
        rows.append(
            [
                node["code"],
                node["name"],
                pagu,
                spent,
                _d(ind.get("target")) if ind else Decimal(0),
                _d(ind.get("realisation")) if ind else Decimal(0),
                ind.get("satuan", "") if ind else "-",
                ind.get("narrative", "") if ind else "",
            ]
        )
    return rows


def lampiran_xlsx(example: bool) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = S.LAMPIRAN1.title
    ws.append(["Lampiran 1:"])
    ws.append(["LAPORAN KINERJA PEMERINTAH SATUAN KERJA PERANGKAT DAERAH"])
    ws.append([])
    ws.append(["KODE", "Program", "BELANJA", None, "HASIL/KELUARAN", None, None, "KETERANGAN"])
    ws.append([None, None, "ANGGARAN", "REALISASI", "RENCANA", "REALISASI", "SATUAN", None])
    ws.append(list(range(1, 9)))
    ws.merge_cells("C4:D4")
    ws.merge_cells("E4:G4")
    for row in (4, 5, 6):
        for cell in ws[row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
    if example:
        for values in _lampiran_rows():
            ws.append(values)
            number = ws.max_row
            ws.cell(row=number, column=1).data_type = "s"
            for col in (3, 4):
                ws.cell(row=number, column=col).number_format = "#,##0.00"
            if values[4] is None:
                for cell in ws[number]:
                    cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (18, 60, 20, 20, 10, 10, 12, 50), strict=True):
        ws.column_dimensions[letter].width = width
    guide = book.create_sheet("Petunjuk")
    guide.append([S.LAMPIRAN1.title])
    guide.append([S.LAMPIRAN1.description])
    guide.append([])
    for column in S.LAMPIRAN1.columns:
        guide.append([column.label, "wajib" if column.required else "", column.help])
    guide.append([])
    for line in (*GENERAL_NOTES, *S.LAMPIRAN1.notes):
        guide.append([line])
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["C"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_file(kind: str, fmt: str, *, example: bool) -> ExportFile:
    """The template of an import kind, blank or with the demo example. ``ValueError`` for an
    unknown kind or format."""
    schema = S.TEMPLATES.get(kind)
    if schema is None or fmt not in S.FORMATS:
        raise ValueError(f"templat tidak dikenal: {kind}.{fmt}")
    suffix = "contoh" if example else "templat"
    filename = f"{schema.stem}-{suffix}.{fmt}"
    if kind == "lampiran1":
        if fmt != "xlsx":
            raise ValueError("templat Lampiran 1 hanya tersedia sebagai XLSX")
        return ExportFile(lampiran_xlsx(example), filename, S.CONTENT_TYPES[fmt])
    rows = example_rows(kind) if example else []
    meta = {}
    if example:
        plan = _demo_plan()
        meta = {
            "unit": plan["unit"],
            "tahun": plan["year"],
            "nomenklatur": plan["nomenclature"],
            "susunan": plan["structure"],
            "contoh": "data demo (Lampiran 1 laporan seed)",
        }
    return ExportFile(render(schema, rows, meta, fmt), filename, S.CONTENT_TYPES[fmt])


TEMPLATE_FORMATS = {kind: (("xlsx",) if kind == "lampiran1" else S.FORMATS) for kind in S.TEMPLATES}
