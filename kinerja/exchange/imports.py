"""Importing a table into a unit's plan for a year: first a preview (what would be created,
changed and left alone, and every problem found), then, when asked and when no problem is
an error, applying it all or nothing.

``preview_import`` reads the file (``reading.read_table``), loads what the plan holds now
(``State``), and turns each row into operations (``Op``): create, update (only the fields
that differ, with their old values) or same. ``apply_import`` does the same inside one
transaction, with the months' workflow rows locked, and then carries out the operations,
recording each created or changed record in the audit trail (one entry per created record
with its values, one per changed field with old and new value) and the import itself with
the file name. Nothing is ever deleted: rows missing from the file are left alone.

Rules shared by every kind:
- a column missing from the file leaves that field alone; an empty cell (or ``-``) means
  "no value" and clears it;
- codes are text, parents are found by their codes (``4.01.01`` is the parent of
  ``4.01.01.1.01``); a plan has three levels: program, kegiatan, and sub kegiatan (or
  tolok ukur);
- only the admin and the operator of the unit import (``may_import``, the plan editor's
  rule; the head and the inspectorate read), as in the plan editor and the grid;
- realisation (money spent, fisik, indicator realisation) of a month that is not editable
  (submitted, verified, locked) is not changed: each row that would change it is an error
  saying so;
- after a realisation change the month's version goes up, so a grid opened before the
  import sees the conflict instead of overwriting.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from kinerja.audit.services import record, record_changes
from kinerja.core.numbers import MONTHS_ID, fmt_number
from kinerja.org.access import roles_on_unit
from kinerja.org.models import Membership, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.plans.services import may_edit_plan
from kinerja.realisation.models import MonthStatus

from . import cells as C
from . import schemas as S
from .findings import ERROR, INFO, WARNING, Finding, shown
from .reading import DEFAULT_LIMITS, Limits, Row, Table, norm, read_table

EDITORS = {Membership.Role.OPERATOR, Membership.Role.ADMIN}
LONG_TEXT = 30_000  # narratives; a spreadsheet cell holds 32 767 characters
DEFAULT_NOMENCLATURE = "Permendagri 90/2019"
LEAF_LEVELS = ("sub_kegiatan", "tolok_ukur")
DEPTH_LEVEL = {0: "program", 1: "kegiatan"}
STRUCTURES = {
    "programkegiatansubkegiatan": Plan.Structure.SUB_KEGIATAN,
    "subkegiatan": Plan.Structure.SUB_KEGIATAN,
    "programkegiatantolokukur": Plan.Structure.TOLOK_UKUR,
    "tolokukur": Plan.Structure.TOLOK_UKUR,
}
ENTITY_LABEL = {
    "plan": "Rencana",
    "node": "Simpul rencana",
    "indicator": "Indikator",
    "target": "Target tahunan",
    "month": "Data bulanan",
    "realisation": "Realisasi indikator",
}
FIELD_LABEL = {
    "nomenclature": "nomenklatur",
    "structure": "susunan",
    "name": "nama",
    "level": "tingkat",
    "parent": "induk",
    "pagu_dpa": "pagu DPA",
    "pagu_dppa": "pagu DPPA",
    "budget_in_force": "anggaran berlaku",
    "responsible_unit": "unit penanggung jawab",
    "position": "urutan",
    "kind": "jenis",
    "statement": "indikator",
    "satuan": "satuan",
    "polarity": "arah",
    "value_type": "tipe nilai",
    "cumulative": "akumulatif",
    "levels": "jenjang label",
    "qualitative_mode": "mode kualitatif",
    "baseline": "nilai dasar",
    "baseline_label": "nilai dasar (label)",
    "value": "nilai",
    "low": "batas bawah",
    "high": "batas atas",
    "label": "label",
    "plan_fisik": "rencana fisik kumulatif (%)",
    "plan_keuangan": "anggaran kas kumulatif (Rp)",
    "realisasi_keuangan": "realisasi keuangan bulan ini (Rp)",
    "realisasi_fisik": "realisasi fisik kumulatif (%)",
    "narrative": "yang dilaksanakan",
    "obstacles": "kendala",
}
REALISATION_FIELDS = {"realisasi_keuangan", "realisasi_fisik"}
_HEADING = re.compile(r"^(belanja|jumlah|total|pendapatan|pembiayaan|surplus|defisit)\b")
_BAD = object()


class NotAllowed(Exception):
    """The user may not change this unit's data; views answer it like a missing page."""


@dataclass
class Op:
    action: str  # create | update | same
    entity: str
    key: tuple
    label: str
    new: dict = field(default_factory=dict)
    old: dict = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    month: int | None = None  # the month whose workflow guards a realisation change

    @property
    def entity_label(self) -> str:
        return ENTITY_LABEL[self.entity]

    def changes(self) -> list[tuple[str, str, str]]:
        """(field, old, new) as shown to people."""
        return [
            (FIELD_LABEL.get(name, name), display(self.old.get(name)), display(value))
            for name, value in self.new.items()
            if name != "position"
        ]

    def touches_realisation(self) -> bool:
        if self.action == "same":
            return False
        if self.entity == "realisation":
            return True
        return self.entity == "month" and bool(REALISATION_FIELDS & set(self.new))


def display(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        return fmt_number(value)
    if isinstance(value, list):
        return " | ".join(value) or "–"
    return str(value)


@dataclass
class Preview:
    kind: str
    filename: str
    unit: OrgUnit
    year: int
    findings: list[Finding] = field(default_factory=list)
    ops: list[Op] = field(default_factory=list)
    sheet: str = ""
    header_row: int | None = None
    rows_read: int = 0
    applied: bool = False
    stale: bool = False  # not applied: the data moved away from the preview that was shown

    @property
    def schema(self) -> S.Schema:
        return S.IMPORT_KINDS[self.kind]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def notes(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == INFO]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changes(self) -> list[Op]:
        return [op for op in self.ops if op.action != "same"]

    def count(self, action: str) -> int:
        return sum(1 for op in self.ops if op.action == action)

    def counts(self) -> list[tuple[str, int, int, int]]:
        """(entity label, created, changed, left alone) per kind of record."""
        table: dict[str, list[int]] = {}
        for op in self.ops:
            row = table.setdefault(op.entity, [0, 0, 0])
            row[("create", "update", "same").index(op.action)] += 1
        return [(ENTITY_LABEL[e], *table[e]) for e in ENTITY_LABEL if e in table]

    @property
    def digest(self) -> str:
        """A fingerprint of the changes, to refuse applying a preview the data has moved
        away from."""
        payload = [
            (op.action, op.entity, list(op.key), _jsonable(op.new), _jsonable(op.old))
            for op in self.changes
        ]
        text = json.dumps(payload, sort_keys=True, ensure_ascii=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def summary(self) -> dict:
        return {
            "jenis": self.kind,
            "berkas": self.filename,
            "dibuat": self.count("create"),
            "diubah": self.count("update"),
            "tetap": self.count("same"),
            "galat": len(self.errors),
            "peringatan": len(self.warnings),
        }

    def to_dict(self) -> dict:
        return {
            **self.summary(),
            "unit": self.unit.slug,
            "tahun": self.year,
            "diterapkan": self.applied,
            "lembar": self.sheet,
            "baris_judul": self.header_row,
            "perubahan": [
                {
                    "tindakan": op.action,
                    "data": op.entity_label,
                    "objek": op.label,
                    "lembar": op.sheet,
                    "baris": op.row,
                    "kolom": [
                        {"kolom": name, "lama": old, "baru": new} for name, old, new in op.changes()
                    ],
                }
                for op in self.changes
            ],
            "temuan": [f.to_dict() for f in self.findings],
        }


def _jsonable(values: dict) -> dict:
    return {k: format(v, "f") if isinstance(v, Decimal) else v for k, v in values.items()}


def _same(a, b) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    if a in (None, "") and b in (None, ""):
        return True
    return a == b


# --- the plan as it is now ------------------------------------------------------------------


class State:
    """What the unit's plan for the year holds now, keyed the way the files address it."""

    def __init__(self, unit: OrgUnit, year: int, *, lock: bool = False) -> None:
        self.unit = unit
        self.year = year
        self.plan = Plan.objects.filter(unit=unit, year=year).first()
        self.nodes: dict[str, PlanNode] = {}
        self.by_id: dict[int, PlanNode] = {}
        self.parents: set[int] = set()
        self.indicators: dict[tuple[str, int], Indicator] = {}
        self.indicator_count: dict[str, int] = defaultdict(int)
        self.indicator_next_position: dict[str, int] = defaultdict(int)
        self.targets: dict[int, IndicatorTarget] = {}
        self.months: dict[tuple[str, int], MonthlyEntry] = {}
        self.realisations: dict[tuple[int, int], IndicatorRealisation] = {}
        self.statuses: dict[int, MonthStatus] = {}
        self.max_position = 0
        if self.plan is None:
            return
        plan = self.plan
        nodes = PlanNode.objects.filter(plan=plan).select_related("responsible_unit")
        for node in nodes.order_by("position", "code"):
            self.nodes[node.code] = node
            self.by_id[node.id] = node
            self.max_position = max(self.max_position, node.position)
            if node.parent_id:
                self.parents.add(node.parent_id)
        for ind in Indicator.objects.filter(node__plan=plan).order_by("node_id", "position", "id"):
            code = self.by_id[ind.node_id].code
            self.indicator_count[code] += 1
            self.indicators[(code, self.indicator_count[code])] = ind
            self.indicator_next_position[code] = max(
                self.indicator_next_position[code], ind.position + 1
            )
        for target in IndicatorTarget.objects.filter(
            indicator__node__plan=plan,
            source=IndicatorTarget.Source.ANNUAL,
            year=year,
            period_kind=IndicatorTarget.PeriodKind.YEAR,
            period_index=0,
        ):
            self.targets[target.indicator_id] = target
        for entry in MonthlyEntry.objects.filter(node__plan=plan):
            self.months[(self.by_id[entry.node_id].code, entry.month)] = entry
        for real in IndicatorRealisation.objects.filter(indicator__node__plan=plan, year=year):
            self.realisations[(real.indicator_id, real.month)] = real
        statuses = MonthStatus.objects.filter(plan=plan)
        if lock:
            statuses = statuses.select_for_update()
        self.statuses = {s.month: s for s in statuses}

    def is_leaf(self, code: str) -> bool:
        node = self.nodes.get(code)
        return node is not None and node.id not in self.parents

    def editable(self, month: int) -> MonthStatus | None:
        """None when the month may be changed, else its status."""
        status = self.statuses.get(month)
        if status is None or status.editable:
            return None
        return status


def parent_code(code: str, codes) -> str | None:
    """The longest other code that is a prefix of ``code`` followed by a dot."""
    parts = code.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:cut])
        if candidate in codes:
            return candidate
    return None


# --- importers ------------------------------------------------------------------------------


class Importer:
    """Turns the rows of a table into operations against ``State``."""

    kind = ""

    def __init__(self, table: Table, state: State, *, filename: str) -> None:
        self.table = table
        self.state = state
        self.filename = filename
        self.findings: list[Finding] = []
        self.ops: list[Op] = []

    # findings
    def add(self, severity, row: Row | None, key: str, message: str, found=None, expected=""):
        self.findings.append(
            self.table.finding(
                severity,
                message,
                row=row.number if row is not None else None,
                key=key,
                found=found,
                expected=expected,
            )
        )

    def error(self, row, key, message, found=None, expected=""):
        self.add(ERROR, row, key, message, found, expected)

    def warn(self, row, key, message, found=None, expected=""):
        self.add(WARNING, row, key, message, found, expected)

    def note(self, row, key, message, found=None, expected=""):
        self.add(INFO, row, key, message, found, expected)

    # cells
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    def has(self, key: str) -> bool:
        return key in self.table.columns

    def cell(self, row: Row, key: str) -> C.Cell:
        return row.cells.get(key, C.EMPTY_CELL)

    def read(self, row: Row, key: str, reader, **kwargs):
        """The cell's value read by ``reader``; ``_BAD`` (with an error finding) when it
        cannot be read."""
        cell = self.cell(row, key)
        try:
            return reader(cell, **kwargs)
        except C.CellProblem as problem:
            self.add(problem.severity, row, key, problem.message, cell.value, problem.expected)
            return _BAD

    def code(self, row: Row) -> str | None:
        cell = self.cell(row, "kode")
        try:
            code, warning = C.read_code(cell)
        except C.CellProblem as problem:
            self.error(row, "kode", problem.message, cell.value, problem.expected)
            return None
        if warning:
            self.warn(row, "kode", warning, cell.value)
        if not code:
            self.error(row, "kode", "kode kosong", expected="kode simpul, mis. 4.01.01.1.01.07")
            return None
        return code

    def op(self, entity, key, label, current: dict | None, wanted: dict, row, month=None) -> Op:
        """Create (``current`` None), update (the differing fields) or same."""
        if current is None:
            op = Op("create", entity, key, label, new=dict(wanted))
        else:
            new = {k: v for k, v in wanted.items() if not _same(current.get(k), v)}
            old = {k: current.get(k) for k in new}
            op = Op("update" if new else "same", entity, key, label, new=new, old=old)
        op.sheet = self.table.sheet
        op.row = row.number if row is not None else None
        op.month = month
        self.ops.append(op)
        return op

    def node_label(self, code: str, name: str = "") -> str:
        node = self.state.nodes.get(code)
        return f"{code} {name or (node.name if node else '')}".strip()

    def check_name(self, row: Row, code: str) -> None:
        """The informative name column, compared with the stored name."""
        if not self.has("uraian") or self.table.schema.column("uraian").required:
            return
        text = self.read(row, "uraian", C.read_text, max_length=400)
        node = self.state.nodes.get(code)
        if text is _BAD or not text or node is None:
            return
        if norm(text) != norm(node.name):
            self.warn(
                row,
                "uraian",
                f"uraian berbeda dari nama simpul {code} yang tersimpan; periksa kodenya",
                text,
                node.name,
            )

    def existing_node(self, row: Row, code: str, *, leaf: bool = False) -> PlanNode | None:
        node = self.state.nodes.get(code)
        if node is None:
            self.error(
                row,
                "kode",
                "kode ini tidak ada di rencana unit untuk tahun ini",
                code,
                "kode simpul yang sudah ada (impor rencananya lebih dahulu)",
            )
            return None
        if leaf and not self.state.is_leaf(code):
            self.error(
                row,
                "kode",
                "simpul ini punya anak; data bulanan hanya untuk sub kegiatan/tolok ukur",
                code,
                "kode sub kegiatan atau tolok ukur",
            )
            return None
        return node

    def run(self) -> None:
        raise NotImplementedError

    # realisation workflow
    def month_guard(self, op: Op) -> None:
        if not op.touches_realisation() or op.month is None:
            return
        status = self.state.editable(op.month)
        if status is not None:
            self.findings.append(
                Finding(
                    ERROR,
                    f"bulan {MONTHS_ID[op.month - 1]} {self.state.year} berstatus "
                    f"{status.get_state_display().lower()}; realisasinya tidak dapat diubah "
                    "lewat impor (minta buka kunci atau pengembalian lebih dahulu)",
                    sheet=op.sheet,
                    row=op.row,
                    found=op.label,
                    expected="bulan berstatus draf atau dikembalikan",
                )
            )


# plan structure, shared by the plan template and Lampiran 1


@dataclass
class NodeRow:
    row: Row
    code: str
    name: str
    level: str | None = None
    pagu_dpa: object = _BAD  # _BAD: column absent / unreadable → left alone
    pagu_dppa: object = _BAD
    budget: str | None = None
    responsible: object = _BAD  # OrgUnit, None, or _BAD (left alone)
    amount: Decimal | None = None  # Lampiran: anggaran as printed


class PlanStructure(Importer):
    """Plan rows into plan and node operations."""

    def amount_key(self) -> str:
        """The column holding the amount of a row, for findings."""
        return next((k for k in ("anggaran", "pagu_dpa", "pagu_dppa") if self.has(k)), "kode")

    def plan_meta(self, levels: set[str]) -> tuple[str, str]:
        meta = self.table.meta
        nomenclature = (meta.get("nomenklatur") or "").strip()[:100]
        structure = STRUCTURES.get(C.squash(meta.get("susunan", "")))
        if meta.get("susunan") and structure is None:
            self.findings.append(
                Finding(
                    ERROR,
                    "susunan rencana di lembar Info tidak dikenal",
                    sheet="Info",
                    found=shown(meta.get("susunan")),
                    expected="program-kegiatan-sub_kegiatan atau program-kegiatan-tolok_ukur",
                )
            )
        plan = self.state.plan
        if plan is not None:
            if structure and structure != plan.structure:
                self.findings.append(
                    Finding(
                        ERROR,
                        "susunan rencana yang sudah ada tidak dapat diubah lewat impor",
                        sheet="Info",
                        found=structure,
                        expected=plan.structure,
                    )
                )
            return nomenclature or plan.nomenclature, plan.structure
        if structure is None:
            structure = (
                Plan.Structure.TOLOK_UKUR if "tolok_ukur" in levels else Plan.Structure.SUB_KEGIATAN
            )
        if not nomenclature:
            earlier = (
                Plan.objects.filter(unit=self.state.unit, year__lt=self.state.year)
                .order_by("-year")
                .first()
            )
            nomenclature = earlier.nomenclature if earlier else DEFAULT_NOMENCLATURE
            self.findings.append(
                Finding(
                    INFO,
                    f"berkas tidak menyebut nomenklatur; rencana baru memakai '{nomenclature}'"
                    + (f" seperti rencana {earlier.year}" if earlier else ""),
                    sheet=self.table.sheet,
                )
            )
        return nomenclature, structure

    def structure_ops(self, rows: list[NodeRow], *, check_amounts: bool) -> dict[str, NodeRow]:
        """Plan and node operations for ``rows``; returns the accepted rows by code."""
        state = self.state
        levels = {r.level for r in rows if r.level}
        nomenclature, structure = self.plan_meta(levels)
        leaf_level = structure.rsplit("-", 1)[1]
        plan_values = {"nomenclature": nomenclature, "structure": structure}
        current_plan = (
            None
            if state.plan is None
            else {"nomenclature": state.plan.nomenclature, "structure": state.plan.structure}
        )
        self.op(
            "plan", (), f"Rencana {state.unit.name} {state.year}", current_plan, plan_values, None
        )
        if state.plan is None and not state.unit.exists_in(state.year):
            self.findings.append(
                Finding(
                    WARNING,
                    f"unit {state.unit.name} tidak tercatat ada pada tahun {state.year}",
                    expected=f"tahun {state.unit.from_year}–{state.unit.to_year or 'sekarang'}",
                )
            )
        by_code: dict[str, NodeRow] = {}
        for item in rows:
            if item.code in by_code:
                self.error(
                    item.row,
                    "kode",
                    f"kode sudah dipakai di baris {by_code[item.code].row.number}",
                    item.code,
                    "setiap kode satu kali",
                )
                continue
            by_code[item.code] = item
        codes = set(state.nodes) | set(by_code)
        parent = {code: parent_code(code, codes) for code in codes}
        has_children = {p for p in parent.values() if p}
        depth: dict[str, int] = {}

        def depth_of(code: str) -> int:
            if code not in depth:
                up = parent[code]
                depth[code] = 0 if up is None else depth_of(up) + 1
            return depth[code]

        accepted: dict[str, NodeRow] = {}
        position = state.max_position
        for code, item in by_code.items():
            row = item.row
            d = depth_of(code)
            node = state.nodes.get(code)
            if d > 2:
                self.error(
                    row,
                    "kode",
                    "kode ini berada lebih dari tiga tingkat di bawah program "
                    f"(induknya {parent[code]})",
                    code,
                    "program › kegiatan › sub kegiatan/tolok ukur",
                )
                continue
            expected_level = DEPTH_LEVEL.get(d, leaf_level)
            if item.level and item.level != expected_level:
                where = f"di bawah {parent[code]}" if parent[code] else "tanpa induk di berkas"
                self.error(
                    row,
                    "tingkat",
                    f"tingkat tidak sesuai dengan kodenya ({where})",
                    S.LEVEL_LABEL.get(item.level, item.level),
                    S.LEVEL_LABEL[expected_level],
                )
                continue
            if node is not None:
                if node.level != expected_level:
                    self.error(
                        row,
                        "kode",
                        f"simpul yang tersimpan bertingkat {S.LEVEL_LABEL[node.level]}; "
                        "tingkat tidak dapat diubah lewat impor",
                        code,
                        S.LEVEL_LABEL[node.level],
                    )
                    continue
                stored_parent = state.by_id[node.parent_id].code if node.parent_id else None
                if stored_parent != parent[code]:
                    self.error(
                        row,
                        "kode",
                        "induk simpul ini akan berubah; susunan yang ada tidak diubah lewat impor",
                        code,
                        f"induk {stored_parent or '(tanpa induk)'}",
                    )
                    continue
            else:
                below = next((c for c in state.nodes if c.startswith(code + ".")), None)
                if below is not None and parent.get(below) == code:
                    self.error(
                        row,
                        "kode",
                        f"kode baru ini akan menjadi induk simpul yang sudah ada ({below}); "
                        "susunan yang ada tidak diubah lewat impor",
                        code,
                    )
                    continue
            is_leaf_level = expected_level in LEAF_LEVELS
            wants_pagu = any(
                v is not _BAD and v is not None for v in (item.pagu_dpa, item.pagu_dppa)
            )
            if wants_pagu and not is_leaf_level:
                if code in has_children or not check_amounts:
                    self.note(
                        row,
                        self.amount_key(),
                        "pagu program dan kegiatan tidak disimpan: Kinerja menjumlahkan "
                        "anak-anaknya",
                    )
                    item.pagu_dpa = item.pagu_dppa = _BAD
                else:
                    self.error(
                        row,
                        self.amount_key(),
                        f"baris beranggaran ini bertingkat {S.LEVEL_LABEL[expected_level]} "
                        "tanpa anak; anggaran hanya untuk sub kegiatan/tolok ukur di bawah "
                        "kegiatan (periksa kode dan baris induknya)",
                        code,
                        "kode sub kegiatan di bawah kode kegiatannya",
                    )
                    continue
            item.level = expected_level
            accepted[code] = item
            label = f"{code} {item.name}"
            if node is None:
                position += 1
                dppa = None if item.pagu_dppa is _BAD else item.pagu_dppa
                dpa = None if item.pagu_dpa is _BAD else item.pagu_dpa
                budget = item.budget or ("dppa" if dppa is not None and dpa is None else "dpa")
                responsible = None if item.responsible is _BAD else item.responsible
                wanted = {
                    "name": item.name,
                    "level": expected_level,
                    "parent": parent[code],
                    "pagu_dpa": dpa,
                    "pagu_dppa": dppa,
                    "budget_in_force": budget,
                    "responsible_unit": responsible.slug if responsible else None,
                    "position": position,
                }
                self.op("node", (code,), label, None, wanted, row)
            else:
                current = {
                    "name": node.name,
                    "pagu_dpa": node.pagu_dpa,
                    "pagu_dppa": node.pagu_dppa,
                    "budget_in_force": node.budget_in_force,
                    "responsible_unit": (
                        node.responsible_unit.slug if node.responsible_unit_id else None
                    ),
                }
                wanted = {"name": item.name}
                if item.pagu_dpa is not _BAD:
                    wanted["pagu_dpa"] = item.pagu_dpa
                if item.pagu_dppa is not _BAD:
                    wanted["pagu_dppa"] = item.pagu_dppa
                if item.budget:
                    wanted["budget_in_force"] = item.budget
                if item.responsible is not _BAD:
                    wanted["responsible_unit"] = item.responsible.slug if item.responsible else None
                self.op("node", (code,), label, current, wanted, row)
        return accepted

    def check_sums(self, accepted: dict[str, NodeRow], amounts: dict[str, Decimal], what: str):
        """Printed amounts of parents against the sum of their leaves (file values over stored
        ones): a warning per parent that differs."""
        codes = set(self.state.nodes) | set(accepted)
        leaf_values: dict[str, Decimal] = {}
        parents_of = {code: parent_code(code, codes) for code in codes}
        has_children = {p for p in parents_of.values() if p}
        for code in codes:
            if code in has_children:
                continue
            if code in amounts and amounts[code] is not None:
                leaf_values[code] = amounts[code]
        for code, item in accepted.items():
            printed = amounts.get(code)
            if code not in has_children or printed is None:
                continue
            total = sum((v for c, v in leaf_values.items() if c.startswith(code + ".")), Decimal(0))
            if total != printed:
                self.warn(
                    item.row,
                    "anggaran" if what == "anggaran" else "realisasi",
                    f"{what} induk tidak sama dengan jumlah anak-anaknya "
                    f"({fmt_number(total)}); Kinerja memakai jumlah anak-anaknya",
                    fmt_number(printed),
                    fmt_number(total),
                )


class PlanImporter(PlanStructure):
    kind = "plan"

    def run(self) -> None:
        government = self.state.unit.government_id
        units = {u.slug: u for u in OrgUnit.objects.filter(government_id=government)}
        rows = []
        for row in self.table.rows:
            errors = self.error_count()
            code = self.code(row)
            name = self.read(row, "uraian", C.read_text, max_length=400)
            if name == "":
                self.error(row, "uraian", "uraian kosong", expected="nama program/kegiatan")
            level = None
            if self.has("tingkat"):
                level = self.read(
                    row,
                    "tingkat",
                    C.read_choice,
                    options=S.LEVELS,
                    shown_options="program, kegiatan, sub kegiatan, tolok ukur",
                )
            item = NodeRow(row, code or "", name if isinstance(name, str) else "")
            item.level = None if level is _BAD else level
            for key in ("pagu_dpa", "pagu_dppa"):
                if self.has(key):
                    setattr(item, key, self.read(row, key, C.read_money))
            if self.has("anggaran_berlaku"):
                budget = self.read(
                    row,
                    "anggaran_berlaku",
                    C.read_choice,
                    options=S.BUDGETS,
                    shown_options="DPA atau DPPA",
                )
                item.budget = None if budget is _BAD else budget
            if self.has("unit_pj"):
                slug = self.read(row, "unit_pj", C.read_text, max_length=80)
                if slug == "":
                    item.responsible = None
                elif isinstance(slug, str):
                    item.responsible = units.get(slug, _BAD)
                    if item.responsible is _BAD:
                        self.warn(
                            row,
                            "unit_pj",
                            "unit penanggung jawab tidak dikenal di pemerintah daerah ini; "
                            "dibiarkan",
                            slug,
                            "slug unit, lihat `kinerja units`",
                        )
            if self.error_count() > errors:
                continue  # a row with an error changes nothing, even in the preview
            rows.append(item)
        self.structure_ops(rows, check_amounts=False)


# --- Lampiran 1 ----------------------------------------------------------------------------


@dataclass
class OutputRow:
    row: Row
    statement: str
    target: C.Cell
    realised: C.Cell
    satuan: str | None
    note: str | None


class LampiranImporter(PlanStructure):
    kind = "lampiran1"

    def run(self) -> None:
        rows: list[NodeRow] = []
        outputs: dict[str, list[OutputRow]] = defaultdict(list)
        realised: dict[str, tuple[Row, Decimal]] = {}
        headings: list[tuple[Row, str, Decimal | None, Decimal | None]] = []
        last_code = None
        for row in self.table.rows:
            name = self.read(row, "uraian", C.read_text, max_length=400)
            if name is _BAD:
                continue
            if _HEADING.match(norm(name)):
                anggaran = self.read(row, "anggaran", C.read_money)
                real = self.read(row, "realisasi", C.read_money) if self.has("realisasi") else None
                headings.append((row, name, anggaran, real))
                self.note(row, "uraian", "baris rekening/jumlah dilewati", name)
                continue
            code_cell = self.cell(row, "kode")
            if C.is_blank(code_cell):
                if not name:
                    continue
                if last_code is not None and self._has_output(row):
                    outputs[last_code].append(self._output(row, name))
                else:
                    self.warn(row, "kode", "baris tanpa kode dilewati", name)
                continue
            code = self.code(row)
            if code is None:
                continue
            if not name:
                self.error(row, "uraian", "uraian kosong", expected="nama program/kegiatan")
                continue
            errors = self.error_count()
            amount = self.read(row, "anggaran", C.read_money)
            real = self.read(row, "realisasi", C.read_money) if self.has("realisasi") else None
            output = self._output(row, name) if self._has_output(row) else None
            if self.error_count() > errors:
                continue  # a row with an error changes nothing, even in the preview
            rows.append(NodeRow(row, code, name, amount=amount))
            last_code = code
            if real is not None:
                realised[code] = (row, real)
            if output is not None:
                outputs[code].insert(0, output)
        self._leaf_amounts(rows)
        accepted = self.structure_ops(rows, check_amounts=True)
        self.check_sums(accepted, {c: i.amount for c, i in accepted.items()}, "anggaran")
        self.check_sums(accepted, {c: v for c, (_r, v) in realised.items()}, "realisasi")
        self._check_headings(headings, accepted, realised)
        leaves = {c: i for c, i in accepted.items() if i.level in LEAF_LEVELS}
        self.names = {c: i.name for c, i in accepted.items()}
        self.created: dict[str, int] = defaultdict(int)
        for code, (row, value) in realised.items():
            if code in leaves:
                self._december_money(code, row, value)
        for code, items in outputs.items():
            if code not in accepted:
                continue
            if code not in leaves:
                self.note(
                    items[0].row,
                    "rencana_keluaran",
                    "keluaran pada program/kegiatan tidak dibaca dari Lampiran 1 (hanya keluaran "
                    "sub kegiatan); pakai templat Indikator dan target untuk indikatornya",
                )
                continue
            for index, item in enumerate(items, start=1):
                self._indicator(code, index, item)

    def _has_output(self, row: Row) -> bool:
        def given(key):
            if not self.has(key):
                return False
            cell = self.cell(row, key)
            if C.is_blank(cell):
                return False
            value = cell.value
            if isinstance(value, str) and value.strip() in ("-", "–", "—"):
                return False
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                return value != 0
            if isinstance(value, str):
                try:
                    number = C.read_quantity(cell)
                except C.CellProblem:
                    return True
                return number is not None and number != 0
            return True

        return any(given(k) for k in ("rencana_keluaran", "realisasi_keluaran", "satuan"))

    def _output(self, row: Row, name: str) -> OutputRow:
        satuan = None
        if self.has("satuan"):
            text = self.read(row, "satuan", C.read_text, max_length=50)
            satuan = None if text is _BAD else ("" if text in ("-", "–", "—") else text)
        note = None
        if self.has("keterangan"):
            text = self.read(row, "keterangan", C.read_text, max_length=LONG_TEXT, multiline=True)
            note = None if text is _BAD else text
        return OutputRow(
            row,
            name[:500],
            self.cell(row, "rencana_keluaran"),
            self.cell(row, "realisasi_keluaran"),
            satuan,
            note,
        )

    def _leaf_amounts(self, rows: list[NodeRow]) -> None:
        """The anggaran of a leaf row goes to the pagu in force (DPPA for an existing leaf
        that uses it, else DPA)."""
        codes = set(self.state.nodes) | {r.code for r in rows}
        has_children = {parent_code(c, codes) for c in codes}
        for item in rows:
            if item.code in has_children:
                item.pagu_dpa = item.pagu_dppa = _BAD
                continue
            node = self.state.nodes.get(item.code)
            if node is not None and node.budget_in_force == PlanNode.Budget.DPPA:
                item.pagu_dppa = item.amount
            else:
                item.pagu_dpa = item.amount

    def _check_headings(self, headings, accepted, realised) -> None:
        if not headings:
            return
        leaves = [i for i in accepted.values() if i.level in LEAF_LEVELS]
        total = sum((i.amount or Decimal(0) for i in leaves), Decimal(0))
        spent = sum((realised[i.code][1] for i in leaves if i.code in realised), Decimal(0))
        for row, _name, anggaran, real in headings:
            for key, printed, computed in (
                ("anggaran", anggaran, total),
                ("realisasi", real, spent),
            ):
                if printed is _BAD or printed is None:
                    continue
                if printed != computed:
                    self.warn(
                        row,
                        key,
                        f"jumlah tercetak tidak sama dengan jumlah sub kegiatan di berkas "
                        f"({fmt_number(computed)})",
                        fmt_number(printed),
                        fmt_number(computed),
                    )

    def _december_money(self, code: str, row: Row, annual: Decimal) -> None:
        state = self.state
        earlier = sum(
            (
                state.months[(code, m)].realisasi_keuangan or Decimal(0)
                for m in range(1, 12)
                if (code, m) in state.months
            ),
            Decimal(0),
        )
        december = annual - earlier
        if december < 0:
            self.error(
                row,
                "realisasi",
                f"realisasi setahun lebih kecil dari realisasi Januari–November yang tersimpan "
                f"({fmt_number(earlier)})",
                fmt_number(annual),
                f"paling sedikit {fmt_number(earlier)}",
            )
            return
        entry = state.months.get((code, 12))
        current = None if entry is None else {"realisasi_keuangan": entry.realisasi_keuangan}
        op = self.op(
            "month",
            (code, 12),
            f"{self.node_label(code, self.names.get(code, ''))}, bulan 12 {state.year}",
            current,
            {"realisasi_keuangan": december},
            row,
            month=12,
        )
        if earlier and op.action != "same":
            self.note(
                row,
                "realisasi",
                "realisasi Desember = realisasi setahun − Januari–November "
                f"({fmt_number(earlier)})",
            )

    def _indicator(self, code: str, index: int, item: OutputRow) -> None:
        state = self.state
        indicator = state.indicators.get((code, index))
        label = f"{code} indikator {index}"
        if indicator is None:
            count = state.indicator_count.get(code, 0) + self.created[code]
            if index != count + 1:
                return
            self.created[code] += 1
            value_type, cumulative = "number", True
            satuan = item.satuan or ""
            wanted = {
                "kind": "output",
                "statement": item.statement,
                "satuan": satuan,
                "polarity": "higher",
                "value_type": value_type,
                "cumulative": cumulative,
                "levels": [],
                "qualitative_mode": "levels",
                "baseline": None,
                "baseline_label": "",
                "position": state.indicator_next_position.get(code, 0) + self.created[code] - 1,
            }
            self.op(
                "indicator", (code, index), f"{label}: {item.statement}", None, wanted, item.row
            )
            levels: list[str] = []
            mode = "levels"
        else:
            value_type, cumulative = indicator.value_type, indicator.cumulative
            levels, mode = list(indicator.levels or []), indicator.qualitative_mode
            if item.satuan is not None:
                self.op(
                    "indicator",
                    (code, index),
                    f"{label}: {indicator.statement}",
                    {"satuan": indicator.satuan},
                    {"satuan": item.satuan},
                    item.row,
                )
        target = read_target(
            self, item.row, "rencana_keluaran", item.target, value_type, levels, mode
        )
        if target is not _BAD and self.has("rencana_keluaran"):
            existing = state.targets.get(indicator.id) if indicator else None
            current = None if existing is None else _target_values(existing)
            if not (current is None and _empty_target(target)):
                self.op(
                    "target",
                    (code, index),
                    f"{label}, target {state.year}",
                    current,
                    target,
                    item.row,
                )
        if not (self.has("realisasi_keluaran") or self.has("keterangan")):
            return
        wanted: dict = {}
        if self.has("realisasi_keluaran"):
            value = read_result(
                self, item.row, "realisasi_keluaran", item.realised, value_type, levels, mode
            )
            if value is _BAD:
                return
            if cumulative and value_type != "qualitative" and value["value"] is not None:
                earlier = Decimal(0)
                if indicator is not None:
                    for m in range(1, 12):
                        real = state.realisations.get((indicator.id, m))
                        if real is not None and real.value is not None:
                            earlier += real.value
                if earlier:
                    value["value"] = value["value"] - earlier
                    if value["value"] < 0:
                        self.error(
                            item.row,
                            "realisasi_keluaran",
                            "realisasi keluaran setahun lebih kecil dari jumlah Januari–November "
                            f"yang tersimpan ({fmt_number(earlier)})",
                            fmt_number(value["value"] + earlier),
                        )
                        return
            wanted.update(value)
        if self.has("keterangan") and item.note is not None:
            wanted["narrative"] = item.note
        existing = state.realisations.get((indicator.id, 12)) if indicator else None
        current = None if existing is None else _realisation_values(existing)
        if current is None and all(v in (None, "") for v in wanted.values()):
            return
        self.op(
            "realisation",
            (code, index, 12),
            f"{label}, bulan 12 {state.year}",
            current,
            wanted,
            item.row,
            month=12,
        )


# --- indicators and targets ----------------------------------------------------------------


_RANGE = re.compile(r"^\s*(.+?)\s*(?:–|—|s\.?d\.?|sampai(?: dengan)?|-)\s*(.+?)\s*$", re.I)


def _target_values(target: IndicatorTarget) -> dict:
    return {"value": target.value, "low": target.low, "high": target.high, "label": target.label}


def _realisation_values(real: IndicatorRealisation) -> dict:
    return {
        "value": real.value,
        "label": real.label,
        "narrative": real.narrative,
        "obstacles": real.obstacles,
    }


def _empty_target(values: dict) -> bool:
    return all(v in (None, "") for v in values.values())


def read_target(imp: Importer, row, key, cell, value_type, levels, mode):
    """A target cell by the indicator's value type: {value, low, high, label} or _BAD."""
    out = {"value": None, "low": None, "high": None, "label": ""}
    try:
        if C.is_blank(cell):
            return out
        if value_type == "qualitative":
            out["label"] = _label(cell, levels, mode)
        elif value_type == "range":
            out["low"], out["high"] = _range(cell)
        else:
            out["value"] = C.read_quantity(cell)
    except C.CellProblem as problem:
        imp.add(problem.severity, row, key, problem.message, cell.value, problem.expected)
        return _BAD
    return out


def read_result(imp: Importer, row, key, cell, value_type, levels, mode):
    """A realisation cell by the indicator's value type: {value, label} or _BAD. A range
    indicator's realisation is a number."""
    out = {"value": None, "label": ""}
    try:
        if C.is_blank(cell):
            return out
        if value_type == "qualitative":
            out["label"] = _label(cell, levels, mode)
        else:
            out["value"] = C.read_quantity(cell)
    except C.CellProblem as problem:
        imp.add(problem.severity, row, key, problem.message, cell.value, problem.expected)
        return _BAD
    return out


def _label(cell, levels, mode) -> str:
    text = C.read_text(cell, max_length=100)
    if text in ("-", "–", "—"):
        return ""
    if mode == "levels" and levels and text not in levels:
        raise C.CellProblem("label tidak ada di jenjang label indikator", " | ".join(levels))
    return text


def _range(cell) -> tuple[Decimal | None, Decimal | None]:
    value = cell.value
    expected = "rentang seperti 10–20 atau 10 s.d. 20"
    if not isinstance(value, str):
        number = C.read_quantity(cell)
        return number, number
    match = _RANGE.match(value.strip())
    if not match:
        raise C.CellProblem("bukan rentang yang dikenali", expected)
    low = C.read_quantity(C.Cell(match.group(1)))
    high = C.read_quantity(C.Cell(match.group(2)))
    if low is None or high is None or low > high:
        raise C.CellProblem("rentang tidak sah (batas bawah harus ≤ batas atas)", expected)
    return low, high


def default_kind(level: str) -> str:
    return {"program": "program", "kegiatan": "outcome"}.get(level, "output")


class IndicatorImporter(Importer):
    kind = "indicators"

    def run(self) -> None:
        state = self.state
        seen: dict[tuple[str, int], int] = {}
        rank: dict[str, int] = defaultdict(int)
        created: dict[str, int] = defaultdict(int)
        for row in self.table.rows:
            code = self.code(row)
            if code is None:
                continue
            node = self.existing_node(row, code)
            if node is None:
                continue
            self.check_name(row, code)
            rank[code] += 1
            index = rank[code]
            if self.has("indikator_ke"):
                given = self.read(row, "indikator_ke", C.read_positive_int)
                if given is _BAD:
                    continue
                index = given or index
            if (code, index) in seen:
                self.error(
                    row,
                    "indikator_ke",
                    f"indikator ke-{index} simpul {code} sudah ada di baris {seen[(code, index)]}",
                    index,
                    "nomor indikator berbeda untuk setiap baris simpul yang sama",
                )
                continue
            seen[(code, index)] = row.number
            indicator = state.indicators.get((code, index))
            fields = self._fields(row, node, indicator)
            if fields is None:
                continue
            label = f"{code} indikator {index}"
            if indicator is None:
                count = state.indicator_count.get(code, 0) + created[code]
                if index != count + 1:
                    self.error(
                        row,
                        "indikator_ke",
                        f"simpul {code} punya {count} indikator; indikator baru harus bernomor "
                        f"{count + 1}",
                        index,
                        str(count + 1),
                    )
                    continue
                if not fields.get("statement"):
                    self.error(row, "indikator", "bunyi indikator kosong", expected="teks")
                    continue
                created[code] += 1
                wanted = {
                    "kind": default_kind(node.level),
                    "statement": "",
                    "satuan": "",
                    "polarity": "higher",
                    "value_type": "number",
                    "cumulative": True,
                    "levels": [],
                    "qualitative_mode": "levels",
                    "baseline": None,
                    "baseline_label": "",
                    **{k: v for k, v in fields.items() if k != "target"},
                    "position": state.indicator_next_position.get(code, 0) + created[code] - 1,
                }
                if not self._qualitative_ok(row, wanted):
                    continue
                self.op(
                    "indicator", (code, index), f"{label}: {wanted['statement']}", None, wanted, row
                )
                value_type, levels, mode = (
                    wanted["value_type"],
                    wanted["levels"],
                    wanted["qualitative_mode"],
                )
                existing_target = None
            else:
                current = {name: getattr(indicator, name) for name in fields if name != "target"}
                wanted = {k: v for k, v in fields.items() if k != "target"}
                merged = {
                    "value_type": indicator.value_type,
                    "levels": list(indicator.levels or []),
                    "qualitative_mode": indicator.qualitative_mode,
                    **wanted,
                }
                if "statement" in wanted and not wanted["statement"]:
                    self.error(row, "indikator", "bunyi indikator kosong", expected="teks")
                    continue
                if not self._qualitative_ok(row, merged):
                    continue
                self.op(
                    "indicator",
                    (code, index),
                    f"{label}: {indicator.statement}",
                    current,
                    wanted,
                    row,
                )
                value_type, levels, mode = (
                    merged["value_type"],
                    merged["levels"],
                    merged["qualitative_mode"],
                )
                existing_target = state.targets.get(indicator.id)
            if not self.has("target"):
                continue
            target = read_target(
                self, row, "target", self.cell(row, "target"), value_type, levels, mode
            )
            if target is _BAD:
                continue
            current = None if existing_target is None else _target_values(existing_target)
            if current is None and _empty_target(target):
                continue
            self.op("target", (code, index), f"{label}, target {state.year}", current, target, row)

    def _qualitative_ok(self, row, values) -> bool:
        if (
            values["value_type"] == "qualitative"
            and values["qualitative_mode"] == "levels"
            and not values["levels"]
        ):
            self.error(
                row,
                "jenjang",
                "indikator kualitatif berjenjang perlu daftar label",
                expected="label dari yang terburuk, dipisah |, mis. C | B | BB | A",
            )
            return False
        return True

    def _fields(self, row, node, indicator) -> dict | None:
        out: dict = {}
        ok = True
        specs = (
            (
                "jenis",
                "kind",
                C.read_choice,
                {"options": S.KINDS, "shown_options": "keluaran, hasil atau program"},
            ),
            ("indikator", "statement", C.read_text, {"max_length": 500}),
            ("satuan", "satuan", C.read_text, {"max_length": 50}),
            (
                "arah",
                "polarity",
                C.read_choice,
                {"options": S.POLARITIES, "shown_options": "naik atau turun"},
            ),
            (
                "tipe",
                "value_type",
                C.read_choice,
                {"options": S.VALUE_TYPES, "shown_options": "angka, persen, rentang, kualitatif"},
            ),
            ("akumulatif", "cumulative", C.read_bool, {}),
            ("jenjang", "levels", C.read_labels, {}),
            (
                "mode_kualitatif",
                "qualitative_mode",
                C.read_choice,
                {"options": S.MODES, "shown_options": "jenjang atau tercapai"},
            ),
            ("nilai_dasar", "baseline", C.read_quantity, {}),
            ("nilai_dasar_label", "baseline_label", C.read_text, {"max_length": 100}),
        )
        defaults = {
            "kind": default_kind(node.level),
            "polarity": "higher",
            "value_type": "number",
            "cumulative": True,
            "qualitative_mode": "levels",
        }
        for key, name, reader, kwargs in specs:
            if not self.has(key):
                continue
            value = self.read(row, key, reader, **kwargs)
            if value is _BAD:
                ok = False
                continue
            if value is None and name in defaults:
                if indicator is None:
                    value = defaults[name]
                else:
                    continue  # a blank choice leaves the stored one
            out[name] = value
        return out if ok else None


# --- monthly plan and realisation ----------------------------------------------------------


class MonthlyPlanImporter(Importer):
    kind = "monthly-plan"

    def run(self) -> None:
        state = self.state
        seen: dict[tuple[str, int], int] = {}
        for row in self.table.rows:
            code = self.code(row)
            month = self.read(row, "bulan", C.read_month)
            if code is None or month is _BAD:
                continue
            if month is None:
                self.error(row, "bulan", "bulan kosong", expected="1 sampai 12")
                continue
            if self.existing_node(row, code, leaf=True) is None:
                continue
            self.check_name(row, code)
            if (code, month) in seen:
                self.error(
                    row, "bulan", f"bulan ini sudah ada di baris {seen[(code, month)]}", month
                )
                continue
            seen[(code, month)] = row.number
            wanted = {}
            if self.has("rencana_fisik"):
                fisik = self.read(row, "rencana_fisik", C.read_percent)
                if fisik is _BAD:
                    continue
                if fisik is not None and fisik > 100:
                    self.error(
                        row,
                        "rencana_fisik",
                        "rencana fisik kumulatif lebih dari 100%",
                        fisik,
                        "0 sampai 100",
                    )
                    continue
                wanted["plan_fisik"] = fisik
            if self.has("anggaran_kas"):
                kas = self.read(row, "anggaran_kas", C.read_money)
                if kas is _BAD:
                    continue
                wanted["plan_keuangan"] = kas
                node = state.nodes[code]
                if kas is not None and node.pagu is not None and kas > node.pagu:
                    self.warn(
                        row,
                        "anggaran_kas",
                        "anggaran kas kumulatif melebihi pagu",
                        fmt_number(kas),
                        f"paling besar {fmt_number(node.pagu)}",
                    )
            entry = state.months.get((code, month))
            current = None
            if entry is not None:
                current = {"plan_fisik": entry.plan_fisik, "plan_keuangan": entry.plan_keuangan}
            if current is None and all(v is None for v in wanted.values()):
                continue
            self.op(
                "month",
                (code, month),
                f"{self.node_label(code)}, bulan {month} {state.year}",
                current,
                wanted,
                row,
            )


class MonthlyRealisationImporter(Importer):
    kind = "monthly-realisation"
    MONEY_KEYS = ("realisasi_keuangan", "realisasi_fisik")
    OUTPUT_KEYS = ("realisasi_keluaran", "yang_dilaksanakan", "kendala")

    def run(self) -> None:
        seen: dict[tuple, int] = {}
        for row in self.table.rows:
            code = self.code(row)
            month = self.read(row, "bulan", C.read_month)
            index = (
                self.read(row, "indikator_ke", C.read_positive_int)
                if self.has("indikator_ke")
                else None
            )
            if code is None or month is _BAD or index is _BAD:
                continue
            if month is None:
                self.error(row, "bulan", "bulan kosong", expected="1 sampai 12")
                continue
            key = (code, month, index)
            if key in seen:
                self.error(
                    row,
                    "bulan",
                    f"baris yang sama sudah ada di baris {seen[key]}",
                    month,
                    "satu baris untuk setiap kode, bulan dan indikator",
                )
                continue
            seen[key] = row.number
            if index is None:
                self._money(row, code, month)
            else:
                self._output(row, code, month, index)
        self._warnings()

    def _ignored(self, row, keys) -> None:
        for key in keys:
            if self.has(key) and not C.is_blank(self.cell(row, key)):
                self.warn(
                    row,
                    key,
                    "kolom ini tidak dipakai pada baris jenis ini dan diabaikan",
                    self.cell(row, key).value,
                )

    def _money(self, row, code, month) -> None:
        if self.existing_node(row, code, leaf=True) is None:
            return
        self.check_name(row, code)
        self._ignored(row, self.OUTPUT_KEYS)
        wanted = {}
        if self.has("realisasi_keuangan"):
            value = self.read(row, "realisasi_keuangan", C.read_money)
            if value is _BAD:
                return
            wanted["realisasi_keuangan"] = value
        if self.has("realisasi_fisik"):
            value = self.read(row, "realisasi_fisik", C.read_percent)
            if value is _BAD:
                return
            if value is not None and value > 100:
                self.error(
                    row,
                    "realisasi_fisik",
                    "fisik kumulatif tidak boleh lebih dari 100%",
                    value,
                    "0 sampai 100",
                )
                return
            wanted["realisasi_fisik"] = value
        entry = self.state.months.get((code, month))
        current = None
        if entry is not None:
            current = {
                "realisasi_keuangan": entry.realisasi_keuangan,
                "realisasi_fisik": entry.realisasi_fisik,
            }
        if current is None and all(v is None for v in wanted.values()):
            return
        self.op(
            "month",
            (code, month),
            f"{self.node_label(code)}, bulan {month} {self.state.year}",
            current,
            wanted,
            row,
            month=month,
        )

    def _output(self, row, code, month, index) -> None:
        node = self.existing_node(row, code)
        if node is None:
            return
        self.check_name(row, code)
        self._ignored(row, self.MONEY_KEYS)
        indicator = self.state.indicators.get((code, index))
        if indicator is None:
            self.error(
                row,
                "indikator_ke",
                f"simpul {code} tidak punya indikator ke-{index}",
                index,
                f"1 sampai {self.state.indicator_count.get(code, 0)} (impor indikatornya dulu)",
            )
            return
        if self.has("indikator"):
            text = self.read(row, "indikator", C.read_text, max_length=500)
            if isinstance(text, str) and text and norm(text) != norm(indicator.statement):
                self.warn(
                    row,
                    "indikator",
                    "bunyi indikator berbeda dari yang tersimpan",
                    text,
                    indicator.statement,
                )
        wanted = {}
        if self.has("realisasi_keluaran"):
            value = read_result(
                self,
                row,
                "realisasi_keluaran",
                self.cell(row, "realisasi_keluaran"),
                indicator.value_type,
                list(indicator.levels or []),
                indicator.qualitative_mode,
            )
            if value is _BAD:
                return
            wanted.update(value)
        for key, name in (("yang_dilaksanakan", "narrative"), ("kendala", "obstacles")):
            if self.has(key):
                text = self.read(row, key, C.read_text, max_length=LONG_TEXT, multiline=True)
                if text is _BAD:
                    return
                wanted[name] = text
        existing = self.state.realisations.get((indicator.id, month))
        current = None if existing is None else _realisation_values(existing)
        if current is None and all(v in (None, "") for v in wanted.values()):
            return
        self.op(
            "realisation",
            (code, index, month),
            f"{code} indikator {index}, bulan {month} {self.state.year}",
            current,
            wanted,
            row,
            month=month,
        )

    def _warnings(self) -> None:
        """Cumulative realisation above pagu and fisik going down, after the import."""
        state = self.state
        flows: dict[tuple[str, int], Decimal | None] = {
            k: e.realisasi_keuangan for k, e in state.months.items()
        }
        fisik: dict[tuple[str, int], Decimal | None] = {
            k: e.realisasi_fisik for k, e in state.months.items()
        }
        rows: dict[str, Op] = {}
        for op in self.ops:
            if op.entity != "month":
                continue
            code, month = op.key
            if "realisasi_keuangan" in op.new:
                flows[(code, month)] = op.new["realisasi_keuangan"]
            if "realisasi_fisik" in op.new:
                fisik[(code, month)] = op.new["realisasi_fisik"]
            if op.action != "same":
                rows[code] = op
        for code, op in rows.items():
            node = state.nodes[code]
            spent = sum((flows.get((code, m)) or Decimal(0) for m in range(1, 13)), Decimal(0))
            if node.pagu is not None and spent > node.pagu:
                self.findings.append(
                    Finding(
                        WARNING,
                        f"{code}: realisasi kumulatif melebihi pagu",
                        sheet=op.sheet,
                        row=op.row,
                        found=fmt_number(spent),
                        expected=f"paling besar {fmt_number(node.pagu)}",
                    )
                )
            last = None
            for m in range(1, 13):
                value = fisik.get((code, m))
                if value is None:
                    continue
                if last is not None and value < last[1]:
                    self.findings.append(
                        Finding(
                            WARNING,
                            f"{code}: fisik kumulatif turun dari bulan {last[0]} ke bulan {m}",
                            sheet=op.sheet,
                            row=op.row,
                            found=fmt_number(value),
                            expected=f"paling sedikit {fmt_number(last[1])}",
                        )
                    )
                last = (m, value)


IMPORTERS = {
    "plan": PlanImporter,
    "lampiran1": LampiranImporter,
    "indicators": IndicatorImporter,
    "monthly-plan": MonthlyPlanImporter,
    "monthly-realisation": MonthlyRealisationImporter,
}
NEEDS_PLAN = {"indicators", "monthly-plan", "monthly-realisation"}


# --- the service ---------------------------------------------------------------------------


def may_import(user, unit: OrgUnit) -> bool:
    """Whether the user may import into the unit's data: the same people who may edit its
    plan (``kinerja.plans.services.may_edit_plan``: a writer of the unit who is its admin or
    operator), who are also the editors of its realisation."""
    return may_edit_plan(user, unit)


def _check_access(user, unit: OrgUnit) -> None:
    if user is not None and not may_import(user, unit):
        raise NotAllowed


def _origin(table: Table, unit: OrgUnit, year: int) -> list[Finding]:
    """A note when the file says it was exported from another unit or year."""
    source_unit, source_year = table.meta.get("unit"), table.meta.get("tahun")
    if (source_unit and source_unit != unit.slug) or (source_year and source_year != str(year)):
        return [
            Finding(
                INFO,
                f"berkas ini diekspor dari unit {source_unit or '?'} tahun {source_year or '?'}; "
                f"diimpor ke {unit.slug} tahun {year}",
                sheet="Info" if table.sheet != "JSON" else "JSON",
            )
        ]
    return []


def _build(kind, table, state, *, filename, user) -> tuple[list[Op], list[Finding]]:
    if kind in NEEDS_PLAN and state.plan is None:
        return [], [
            Finding(
                ERROR,
                f"unit {state.unit.name} belum punya rencana tahun {state.year}",
                expected="impor rencana (atau Lampiran 1) lebih dahulu",
            )
        ]
    importer = IMPORTERS[kind](table, state, filename=filename)
    importer.findings.extend(_origin(table, state.unit, state.year))
    importer.run()
    touches = [op for op in importer.ops if op.touches_realisation()]
    for op in touches:
        importer.month_guard(op)
    if touches and user is not None and not roles_on_unit(user, state.unit) & EDITORS:
        importer.findings.append(
            Finding(
                ERROR,
                "realisasi hanya dapat diubah operator atau admin unit; peran Anda tidak termasuk",
                expected="operator atau admin",
            )
        )
    return importer.ops, importer.findings


def preview_import(
    *,
    user,
    unit: OrgUnit,
    year: int,
    kind: str,
    filename: str,
    data: bytes,
    limits: Limits = DEFAULT_LIMITS,
) -> Preview:
    """What importing the file would do; nothing is written. ``NotAllowed`` when ``user``
    may not change the unit's data (``user`` None: the command line, trusted)."""
    if kind not in IMPORTERS:
        raise ValueError(f"jenis impor tidak dikenal: {kind}")
    _check_access(user, unit)
    preview = Preview(kind, filename, unit, year)
    table, findings = read_table(filename, data, S.IMPORT_KINDS[kind], limits)
    preview.findings.extend(findings)
    if table is None:
        return preview
    preview.sheet, preview.header_row, preview.rows_read = (
        table.sheet,
        table.header_row,
        len(table.rows),
    )
    state = State(unit, year)
    ops, more = _build(kind, table, state, filename=filename, user=user)
    preview.ops, preview.findings = ops, [*preview.findings, *more]
    return preview


class _Refused(Exception):
    pass


def apply_import(
    *,
    user,
    unit: OrgUnit,
    year: int,
    kind: str,
    filename: str,
    data: bytes,
    expected_digest: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Preview:
    """Preview again inside one transaction and, when there is no error (and the changes
    are still those of ``expected_digest`` when given), carry them out and record them in
    the audit trail. Returns the preview with ``applied`` set; when it has errors, or is
    ``stale`` (its changes are no longer those of ``expected_digest``), nothing was
    written."""
    if kind not in IMPORTERS:
        raise ValueError(f"jenis impor tidak dikenal: {kind}")
    _check_access(user, unit)
    preview = Preview(kind, filename, unit, year)
    table, findings = read_table(filename, data, S.IMPORT_KINDS[kind], limits)
    preview.findings.extend(findings)
    if table is None:
        return preview
    preview.sheet, preview.header_row, preview.rows_read = (
        table.sheet,
        table.header_row,
        len(table.rows),
    )
    try:
        with transaction.atomic():
            state = State(unit, year, lock=True)
            ops, more = _build(kind, table, state, filename=filename, user=user)
            preview.ops, preview.findings = ops, [*preview.findings, *more]
            if not preview.ok:
                raise _Refused
            if expected_digest is not None and preview.digest != expected_digest:
                preview.stale = True
                raise _Refused
            _Applier(state, user=user, kind=kind, filename=filename, data=data).run(ops, preview)
    except _Refused:
        return preview
    except (DatabaseError, ValidationError) as exc:
        preview.findings.append(
            Finding(
                ERROR,
                "penyimpanan gagal; tidak ada yang disimpan",
                found=shown(f"{type(exc).__name__}: {exc}", 200),
            )
        )
        return preview
    preview.applied = True
    return preview


# --- applying ------------------------------------------------------------------------------


class _Applier:
    def __init__(self, state: State, *, user, kind: str, filename: str, data: bytes) -> None:
        self.state = state
        self.user = user
        self.kind = kind
        self.filename = filename
        self.digest = hashlib.sha256(data).hexdigest()
        self.unit = state.unit
        self.year = state.year
        self.reason = f"Impor {S.IMPORT_KINDS[kind].title} dari berkas {filename}"[:1000]
        self.nodes = dict(state.nodes)
        self.indicators = dict(state.indicators)
        self.plan = state.plan
        self.months_changed: set[int] = set()
        self.units = {
            u.slug: u for u in OrgUnit.objects.filter(government_id=self.unit.government_id)
        }

    def audit_create(self, obj, label: str, values: dict, month=None) -> None:
        record(
            user=self.user,
            action="import.create",
            unit=self.unit,
            year=self.year,
            month=month,
            obj=obj,
            object_label=label,
            new={k: _plain(v) for k, v in values.items()},
            reason=self.reason,
        )

    def audit_update(self, obj, label: str, op: Op, month=None) -> None:
        record_changes(
            user=self.user,
            action="import.update",
            obj=obj,
            before=op.old,
            after=op.new,
            unit=self.unit,
            object_label=label,
            reason=self.reason,
            year=self.year,
            month=month,
        )

    def run(self, ops: list[Op], preview: Preview) -> None:
        order = ("plan", "node", "indicator", "target", "month", "realisation")
        changes = [op for op in ops if op.action != "same"]
        for entity in order:
            batch = [op for op in changes if op.entity == entity]
            if entity == "node":
                batch.sort(key=lambda op: op.key[0].count("."))
            for op in batch:
                getattr(self, f"_{entity}")(op)
        for month in sorted(self.months_changed):
            status, _ = MonthStatus.objects.select_for_update().get_or_create(
                plan=self.plan, month=month
            )
            status.version += 1
            status.changed_by = self.user if getattr(self.user, "pk", None) else None
            status.save()
        record(
            user=self.user,
            action="import.apply",
            unit=self.unit,
            year=self.year,
            model="exchange.Import",
            object_id=self.digest[:32],
            object_label=f"{S.IMPORT_KINDS[self.kind].title}: {self.filename}"[:500],
            new=preview.summary(),
            reason=self.reason,
        )

    def _plan(self, op: Op) -> None:
        if op.action == "create":
            self.plan = Plan.objects.create(unit=self.unit, year=self.year, **op.new)
            self.audit_create(self.plan, op.label, op.new)
        else:
            for name, value in op.new.items():
                setattr(self.plan, name, value)
            self.plan.save()
            self.audit_update(self.plan, op.label, op)

    def _node(self, op: Op) -> None:
        (code,) = op.key
        values = dict(op.new)
        if "responsible_unit" in values:
            slug = values["responsible_unit"]
            values["responsible_unit"] = self.units.get(slug) if slug else None
        if op.action == "create":
            parent = values.pop("parent")
            node = PlanNode(
                plan=self.plan,
                code=code,
                parent=self.nodes.get(parent) if parent else None,
                **values,
            )
            node.clean()
            node.save()
            self.nodes[code] = node
            self.audit_create(node, op.label, op.new)
        else:
            node = self.nodes[code]
            for name, value in values.items():
                setattr(node, name, value)
            node.clean()
            node.save()
            self.audit_update(node, op.label, op)

    def _indicator(self, op: Op) -> None:
        code, index = op.key
        if op.action == "create":
            indicator = Indicator(node=self.nodes[code], **op.new)
            indicator.clean()
            indicator.save()
            self.indicators[(code, index)] = indicator
            self.audit_create(indicator, op.label, op.new)
        else:
            indicator = self.indicators[(code, index)]
            for name, value in op.new.items():
                setattr(indicator, name, value)
            indicator.clean()
            indicator.save()
            self.audit_update(indicator, op.label, op)

    def _target(self, op: Op) -> None:
        code, index = op.key
        indicator = self.indicators[(code, index)]
        if op.action == "create":
            target = IndicatorTarget.objects.create(
                indicator=indicator,
                source=IndicatorTarget.Source.ANNUAL,
                year=self.year,
                period_kind=IndicatorTarget.PeriodKind.YEAR,
                period_index=0,
                **op.new,
            )
            self.audit_create(target, op.label, op.new)
        else:
            target = self.state.targets[indicator.id]
            for name, value in op.new.items():
                setattr(target, name, value)
            target.save()
            self.audit_update(target, op.label, op)

    def _month(self, op: Op) -> None:
        code, month = op.key
        if op.touches_realisation():
            self.months_changed.add(month)
        if op.action == "create":
            entry = MonthlyEntry.objects.create(node=self.nodes[code], month=month, **op.new)
            self.audit_create(entry, op.label, op.new, month=month)
        else:
            entry = self.state.months[(code, month)]
            for name, value in op.new.items():
                setattr(entry, name, value)
            entry.save()
            self.audit_update(entry, op.label, op, month=month)

    def _realisation(self, op: Op) -> None:
        code, index, month = op.key
        indicator = self.indicators[(code, index)]
        self.months_changed.add(month)
        if op.action == "create":
            real = IndicatorRealisation.objects.create(
                indicator=indicator, year=self.year, month=month, **op.new
            )
            self.audit_create(real, op.label, op.new, month=month)
        else:
            real = self.state.realisations[(indicator.id, month)]
            for name, value in op.new.items():
                setattr(real, name, value)
            real.save()
            self.audit_update(real, op.label, op, month=month)


def _plain(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    return value
