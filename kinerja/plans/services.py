"""Writes to the plan area. Every write is a named function with keyword-only arguments
inside a transaction. The report texts are saved by callers that checked access through
``kinerja.org.access``; the plan editing functions (below) check it themselves."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import F, Q

from kinerja.audit.services import record, record_changes, to_text
from kinerja.core.numbers import MONTHS_ID
from kinerja.core.tree import level_name
from kinerja.org.access import can_write_unit, roles_on_unit
from kinerja.org.models import Membership, OrgUnit
from kinerja.realisation.services import evidence_of_deleted_nodes

from .models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Nomenclature,
    Plan,
    PlanNode,
    ReportText,
    Sasaran,
)
from .nomenclature import LOCAL, read_csv, version_key
from .validation_rules import (
    NomenclatureEntry,
    Problem,
    check_anggaran_kas,
    check_budget,
    check_code,
    check_fisik_plan,
    check_indicator,
    check_level,
    check_locked_months,
    check_nomenclature,
    check_target,
    child_level,
    cumulate,
    per_month,
)

# The free texts of a unit's reports, in the order the forms show them, with their labels.
REPORT_TEXT_KEYS = {
    "kata_pengantar": "Kata pengantar",
    "latar_belakang": "Latar belakang",
    "tujuan": "Tujuan dan sasaran",
    "dasar_penyusunan": "Dasar penyusunan",
    "gambaran_umum": "Gambaran umum organisasi (LKjIP)",
    "aspek_strategis": "Aspek strategis organisasi (LKjIP)",
    "rkp": "Realisasi pelaksanaan RKP",
    "tugas_pembantuan": "Tugas pembantuan",
    "tugas_umum": "Tugas umum pemerintahan",
    "spm": "Penerapan standar pelayanan minimal",
    "permasalahan": "Permasalahan",
    "solusi": "Solusi",
    "faktor_pendorong": "Faktor pendorong keberhasilan (Renja)",
    "faktor_penghambat": "Faktor penghambat (Renja)",
    "tindak_lanjut_triwulan": "Tindak lanjut triwulan berikutnya (Renja)",
    "tindak_lanjut_renja": "Tindak lanjut Renja berikutnya (Renja)",
    "penutup": "Penutup",
}
MAX_TEXT = 20_000


def report_texts_save(*, unit, year: int, texts: dict[str, str]) -> list[str]:
    """Store the given texts (unknown keys are refused before anything is written); an
    empty text removes the stored one. Returns the keys that changed."""
    unknown = sorted(set(texts) - set(REPORT_TEXT_KEYS))
    if unknown:
        raise ValueError(f"bagian teks tidak dikenal: {', '.join(unknown)}")
    too_long = [k for k, v in texts.items() if len(v) > MAX_TEXT]
    if too_long:
        raise ValueError(
            f"teks terlalu panjang (lebih dari {MAX_TEXT} karakter): {', '.join(too_long)}"
        )
    changed = []
    with transaction.atomic():
        current = {t.key: t for t in ReportText.objects.filter(unit=unit, year=year)}
        for key, text in texts.items():
            text = text.strip().replace("\r\n", "\n")
            row = current.get(key)
            if not text:
                if row is not None:
                    row.delete()
                    changed.append(key)
            elif row is None:
                ReportText.objects.create(unit=unit, year=year, key=key, text=text)
                changed.append(key)
            elif row.text != text:
                row.text = text
                row.save(update_fields=["text"])
                changed.append(key)
    return changed


# --- plan editing --------------------------------------------------------------------------
#
# Who: the admin of the government and the operator of the unit (or of a unit above it);
# heads and the inspectorate read only. Every function below checks that through
# ``kinerja.org.access`` and raises ``NotAllowed`` otherwise (views answer 404), validates
# with the pure rules of ``validation_rules`` and raises ``PlanInvalid`` with every problem
# found before anything is written, then writes in one transaction together with the audit
# entries (old and new value per field).
#
# Locked months (decision): the structure, the budget, the indicators and the targets stay
# editable all year, since a DPPA revision and changed targets come mid-year, after months
# are locked; but
# - once a DPPA is stored, the DPA (the original budget) no longer changes: a change of
#   budget is a change of the DPPA;
# - the monthly plan (anggaran kas and fisik) of a locked month does not change until the
#   month is reopened;
# - a node (or indicator) with realisation attached, or used in a Perjanjian Kinerja, cannot
#   be deleted.


class NotAllowed(Exception):
    """The user may not change this plan; views answer it like a missing page."""


class PlanInvalid(Exception):
    """The change is refused; ``problems`` say which field and why (Indonesian)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


PLAN_EDITORS = {Membership.Role.ADMIN, Membership.Role.OPERATOR}
NODE_FIELDS = ("level", "code", "name", "parent", "pagu_dpa", "pagu_dppa", "budget_in_force")
INDICATOR_FIELDS = (
    "statement",
    "kind",
    "satuan",
    "polarity",
    "value_type",
    "cumulative",
    "levels",
    "qualitative_mode",
    "baseline",
)
TARGET_FIELDS = ("value", "low", "high", "label")


def may_edit_plan(user, unit: OrgUnit) -> bool:
    """Whether the user may change the plans of ``unit`` (admin or operator on it)."""
    return can_write_unit(user, unit) and bool(roles_on_unit(user, unit) & PLAN_EDITORS)


def _require(user, unit: OrgUnit) -> None:
    if not may_edit_plan(user, unit):
        raise NotAllowed


def _refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise PlanInvalid(problems)


def _node_label(node: PlanNode) -> str:
    return f"{node.code} {node.name}"


def _node_values(node: PlanNode) -> dict:
    return {
        "level": node.level,
        "code": node.code,
        "name": node.name,
        "parent": node.parent.code if node.parent_id else None,
        "pagu_dpa": node.pagu_dpa,
        "pagu_dppa": node.pagu_dppa,
        "budget_in_force": node.budget_in_force,
    }


def _audit(user, action, plan, obj, before, after, label="", month=None):
    return record_changes(
        user=user,
        action=action,
        obj=obj,
        before=before,
        after=after,
        unit=plan.unit,
        object_label=label,
        year=plan.year,
        month=month,
    )


def plan_version(plan: Plan) -> str:
    """The nomenclature version key of the plan (``"local"`` for free codes)."""
    return version_key(plan.nomenclature)


def nomenclature_versions() -> list[str]:
    return list(Nomenclature.objects.values_list("version", flat=True).distinct().order_by())


def nomenclature_entry(version: str, code: str) -> NomenclatureEntry | None:
    row = Nomenclature.objects.filter(version=version, code=code).first()
    if row is None:
        return None
    return NomenclatureEntry(row.code, row.level, row.name, row.parent_code)


def plan_create(*, user, unit: OrgUnit, year: int, nomenclature: str, structure: str) -> Plan:
    """A new, empty plan of ``unit`` for ``year`` following the nomenclature named
    ``nomenclature`` (a loaded version, or a text with "lokal" for free codes)."""
    _require(user, unit)
    nomenclature = nomenclature.strip()
    problems = []
    if not nomenclature:
        problems.append(Problem("nomenclature", "Versi nomenklatur wajib diisi."))
    else:
        key = version_key(nomenclature)
        if key != LOCAL and not Nomenclature.objects.filter(version=key).exists():
            problems.append(
                Problem(
                    "nomenclature",
                    f"Nomenklatur versi {key} belum dimuat (kinerja nomenclature load "
                    f"BERKAS.csv --version {key}); atau tulis \u201ckode lokal\u201d untuk "
                    f"kode bebas.",
                )
            )
        elif structure == Plan.Structure.TOLOK_UKUR and key != LOCAL:
            problems.append(
                Problem(
                    "structure",
                    "Susunan program › kegiatan › tolok ukur hanya untuk rencana berkode lokal.",
                )
            )
    if structure not in Plan.Structure.values:
        problems.append(Problem("structure", f"Susunan \u201c{structure}\u201d tidak dikenal."))
    if not unit.exists_in(year):
        problems.append(
            Problem("year", f"{unit.name} tidak ada pada tahun {year}; rencana tidak dapat dibuat.")
        )
    if Plan.objects.filter(unit=unit, year=year).exists():
        problems.append(Problem("year", f"Rencana {unit.name} tahun {year} sudah ada."))
    _refuse_if(problems)
    with transaction.atomic():
        plan = Plan.objects.create(
            unit=unit, year=year, nomenclature=nomenclature, structure=structure
        )
        _audit(
            user,
            "plan.create",
            plan,
            plan,
            {},
            {"year": year, "nomenclature": nomenclature, "structure": structure},
        )
    return plan


def _ordered(plan: Plan) -> list[PlanNode]:
    """The plan's nodes in tree order (each node followed by its subtree, siblings by
    position then code)."""
    nodes = list(PlanNode.objects.filter(plan=plan).order_by("position", "code"))
    children: dict[int | None, list[PlanNode]] = defaultdict(list)
    for n in nodes:
        children[n.parent_id].append(n)
    out: list[PlanNode] = []
    stack = list(reversed(children[None]))
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(children[n.id]))
    return out


def _insert_position(plan: Plan, parent: PlanNode | None, code: str) -> int:
    """The position for a new node, among its siblings in code order, so that positions
    follow the tree order across the plan (which the leaf lists rely on); nodes after it
    move one place down. Positions are layout only and are not audited."""
    order = _ordered(plan)
    if [n.position for n in order] != list(range(1, len(order) + 1)):
        for i, n in enumerate(order, start=1):
            n.position = i
        PlanNode.objects.bulk_update(order, ["position"])
    kids: dict[int | None, list[PlanNode]] = defaultdict(list)
    for n in order:
        kids[n.parent_id].append(n)
    subtree_end: dict[int, int] = {}
    for n in reversed(order):  # last position inside each node's subtree
        subtree_end[n.id] = max([subtree_end[c.id] for c in kids[n.id]], default=n.position)
    parent_id = parent.id if parent else None
    siblings = [n for n in order if n.parent_id == parent_id]
    before = [s for s in siblings if s.code < code]
    if before:
        at = subtree_end[before[-1].id] + 1
    elif parent is not None:
        at = parent.position + 1
    else:
        at = 1
    PlanNode.objects.filter(plan=plan, position__gte=at).update(position=F("position") + 1)
    return at


def _code_and_name(plan, *, code, name, level, parent_code, existing) -> tuple[str, list]:
    """The name to store and the problems of a code (and, for a local plan, of a name)."""
    problems = check_code(code=code, parent_code=parent_code, existing=existing)
    version = plan_version(plan)
    if version == LOCAL:
        if not name:
            problems.append(Problem("name", "Nama wajib diisi."))
        return name, problems
    if not problems:
        entry = nomenclature_entry(version, code)
        problems += check_nomenclature(
            code=code, level=level, parent_code=parent_code, entry=entry, version=version
        )
        if entry is not None:
            name = entry.name
    return name, problems


def node_create(
    *,
    user,
    plan: Plan,
    parent: PlanNode | None,
    code: str,
    name: str = "",
    pagu_dpa: Decimal | None = None,
    pagu_dppa: Decimal | None = None,
) -> PlanNode:
    """A new program (no parent), kegiatan or leaf. In a plan that follows a nomenclature
    version the code must be an entry of it under the parent's code, and the name is the
    entry's; in a local plan code and name are free. Pagu only on a leaf; a DPPA given makes
    it the budget in force."""
    _require(user, plan.unit)
    if parent is not None and parent.plan_id != plan.id:
        raise NotAllowed
    code, name = code.strip(), " ".join(name.split())
    level = child_level(parent.level if parent else None, plan.leaf_level)
    if level is None:
        _refuse_if(
            check_level(
                level=plan.leaf_level, parent_level=parent.level, leaf_level=plan.leaf_level
            )
        )
    existing = {
        c: f"{c} {n}" for c, n in PlanNode.objects.filter(plan=plan).values_list("code", "name")
    }
    name, problems = _code_and_name(
        plan,
        code=code,
        name=name,
        level=level,
        parent_code=parent.code if parent else None,
        existing=existing,
    )
    problems += check_budget(level=level, pagu_dpa=pagu_dpa, pagu_dppa=pagu_dppa)
    _refuse_if(problems)
    with transaction.atomic():
        node = PlanNode(
            plan=plan,
            parent=parent,
            level=level,
            code=code,
            name=name,
            position=_insert_position(plan, parent, code),
            pagu_dpa=pagu_dpa,
            pagu_dppa=pagu_dppa,
            budget_in_force=PlanNode.Budget.DPPA if pagu_dppa is not None else PlanNode.Budget.DPA,
        )
        node.full_clean()
        node.save()
        _audit(user, "plan.node_create", plan, node, {}, _node_values(node), _node_label(node))
    return node


def node_update(
    *,
    user,
    node: PlanNode,
    code: str,
    name: str = "",
    pagu_dpa: Decimal | None = None,
    pagu_dppa: Decimal | None = None,
) -> list:
    """Change a node's code, name and (on a leaf) its pagu DPA / DPPA. The code of a node
    with children does not change (theirs would no longer be under it). In a plan that
    follows a nomenclature version the name is the entry's and changes only with the code.
    The DPA is frozen once a DPPA exists. Returns the audit entries written."""
    plan = node.plan
    _require(user, plan.unit)
    code, name = code.strip(), " ".join(name.split())
    parent = node.parent
    problems: list[Problem] = []
    local = plan_version(plan) == LOCAL
    if code != node.code:
        if node.children.exists():
            problems.append(
                Problem(
                    "code",
                    f"Kode {node.code} tidak dapat diubah karena {level_name(node.level)} ini "
                    f"memiliki anak yang kodenya diawali {node.code}.",
                )
            )
        else:
            existing = {
                c: f"{c} {n}"
                for c, n in PlanNode.objects.filter(plan=plan)
                .exclude(pk=node.pk)
                .values_list("code", "name")
            }
            name, found = _code_and_name(
                plan,
                code=code,
                name=name,
                level=node.level,
                parent_code=parent.code if parent else None,
                existing=existing,
            )
            problems += found
    elif not local:
        name = node.name
    elif not name:
        problems.append(Problem("name", "Nama wajib diisi."))
    problems += check_budget(
        level=node.level,
        pagu_dpa=pagu_dpa,
        pagu_dppa=pagu_dppa,
        stored_dpa=node.pagu_dpa,
        stored_dppa=node.pagu_dppa,
    )
    _refuse_if(problems)
    with transaction.atomic():
        node = (
            PlanNode.objects.select_for_update(of=("self",))
            .select_related("parent")
            .get(pk=node.pk)
        )
        before = _node_values(node)
        node.code, node.name = code, name
        node.pagu_dpa, node.pagu_dppa = pagu_dpa, pagu_dppa
        node.budget_in_force = (
            PlanNode.Budget.DPPA if pagu_dppa is not None else PlanNode.Budget.DPA
        )
        node.full_clean()
        node.save()
        return _audit(
            user, "plan.node_update", plan, node, before, _node_values(node), _node_label(node)
        )


def _subtree_ids(node: PlanNode) -> list[int]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for nid, parent_id in PlanNode.objects.filter(plan_id=node.plan_id).values_list(
        "id", "parent_id"
    ):
        children[parent_id].append(nid)
    ids, stack = [], [node.id]
    while stack:
        nid = stack.pop()
        ids.append(nid)
        stack.extend(children[nid])
    return ids


def _month_list(months) -> str:
    return ", ".join(MONTHS_ID[m - 1] for m in sorted(set(months)))


def _attached(node_ids: list[int], indicator_ids: list[int] | None = None) -> list[str]:
    """Why rows under these nodes (or these indicators) cannot be deleted: realisation
    entered, or use in a Perjanjian Kinerja."""
    from kinerja.agreements.models import AgreementRow

    reasons = []
    by_node: dict[tuple[str, str], list[int]] = defaultdict(list)
    if indicator_ids is None:
        for code, name, month in (
            MonthlyEntry.objects.filter(node_id__in=node_ids)
            .filter(Q(realisasi_keuangan__isnull=False) | Q(realisasi_fisik__isnull=False))
            .values_list("node__code", "node__name", "month")
        ):
            by_node[(code, name)].append(month)
        for (code, name), months in sorted(by_node.items()):
            reasons.append(
                f"{code} {name} sudah memiliki realisasi keuangan/fisik ({_month_list(months)})"
            )
    real = IndicatorRealisation.objects.filter(
        Q(value__isnull=False) | ~Q(label="") | ~Q(narrative="") | ~Q(obstacles="")
    )
    if indicator_ids is None:
        real = real.filter(indicator__node_id__in=node_ids)
    else:
        real = real.filter(indicator_id__in=indicator_ids)
    by_indicator: dict[str, list[int]] = defaultdict(list)
    for statement, month in real.values_list("indicator__statement", "month"):
        by_indicator[statement].append(month)
    for statement, months in sorted(by_indicator.items()):
        reasons.append(
            f"indikator \u201c{statement}\u201d sudah memiliki realisasi ({_month_list(months)})"
        )
    if indicator_ids is None:
        rows = AgreementRow.objects.filter(node_id__in=node_ids).count()
        if rows:
            reasons.append(f"dipakai di {rows} baris Perjanjian Kinerja")
    return reasons


def node_delete(*, user, node: PlanNode) -> None:
    """Delete a node with its subtree, indicators, targets and monthly plan; refused when
    any of it has realisation or is used in a Perjanjian Kinerja (the reasons are named).
    The audit keeps every deleted node's values as old values."""
    plan = node.plan
    _require(user, plan.unit)
    ids = _subtree_ids(node)
    reasons = _attached(ids)
    if reasons:
        raise PlanInvalid(
            [
                Problem(
                    "node",
                    f"{level_name(node.level).capitalize()} {node.code} {node.name} tidak "
                    f"dapat dihapus: {'; '.join(reasons)}.",
                )
            ]
        )
    with transaction.atomic():
        nodes = {n.id: n for n in PlanNode.objects.filter(id__in=ids).select_related("parent")}
        for nid in reversed(ids):
            n = nodes[nid]
            _audit(user, "plan.node_delete", plan, n, _node_values(n), {}, _node_label(n))
            for ind in Indicator.objects.filter(node=n):
                _audit(
                    user,
                    "plan.indicator_delete",
                    plan,
                    ind,
                    _indicator_values(ind)
                    | _target_values(_annual_target(ind, plan.year), "target_"),
                    {},
                    f"{_node_label(n)}: {ind.statement}",
                )
        # the realisation's evidence files: audited, and removed from disk after commit
        evidence_of_deleted_nodes(user=user, plan=plan, node_ids=ids)
        node.delete()


def plan_start_dppa(*, user, plan: Plan) -> int:
    """Start the budget revision: every leaf with a DPA and no DPPA gets a DPPA equal to its
    DPA, which becomes the budget in force; the DPA stays as the original budget. Returns
    the number of leaves changed."""
    _require(user, plan.unit)
    changed = 0
    with transaction.atomic():
        for node in (
            PlanNode.objects.select_for_update(of=("self",))
            .select_related("parent")
            .filter(plan=plan, children__isnull=True, pagu_dppa__isnull=True)
            .exclude(pagu_dpa__isnull=True)
        ):
            before = _node_values(node)
            node.pagu_dppa = node.pagu_dpa
            node.budget_in_force = PlanNode.Budget.DPPA
            node.save(update_fields=["pagu_dppa", "budget_in_force"])
            _audit(
                user, "plan.dppa_start", plan, node, before, _node_values(node), _node_label(node)
            )
            changed += 1
    return changed


# --- indicators and targets ---------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorData:
    statement: str
    satuan: str = ""
    kind: str = Indicator.Kind.OUTPUT
    polarity: str = Indicator.Polarity.HIGHER
    value_type: str = Indicator.ValueType.NUMBER
    cumulative: bool = True
    qualitative_mode: str = Indicator.QualitativeMode.LEVELS
    levels: tuple[str, ...] = ()
    baseline: Decimal | None = None


@dataclass(frozen=True)
class TargetData:
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    label: str = ""


def _indicator_values(ind: Indicator) -> dict:
    return {name: getattr(ind, name) for name in INDICATOR_FIELDS}


def _target_values(target: IndicatorTarget | None, prefix: str = "") -> dict:
    """The target's fields; with a ``prefix`` (an indicator's audit entry, where they are not
    fields of the object) already as the text the audit stores."""
    if target is None:
        return {}
    if not prefix:
        return {name: getattr(target, name) for name in TARGET_FIELDS}
    field = IndicatorTarget._meta.get_field
    return {
        f"{prefix}{name}": to_text(getattr(target, name), model_field=field(name))
        for name in TARGET_FIELDS
    }


def _annual_target(ind: Indicator, year: int) -> IndicatorTarget | None:
    return IndicatorTarget.objects.filter(
        indicator=ind, source="annual", year=year, period_kind="year", period_index=0
    ).first()


def _check_indicator_data(data: IndicatorData, target: TargetData, year: int) -> list[Problem]:
    problems = []
    for field, value, choices in (
        ("kind", data.kind, Indicator.Kind.values),
        ("polarity", data.polarity, Indicator.Polarity.values),
        ("value_type", data.value_type, Indicator.ValueType.values),
        ("qualitative_mode", data.qualitative_mode, Indicator.QualitativeMode.values),
    ):
        if value not in choices:
            problems.append(Problem(field, f"Pilihan \u201c{value}\u201d tidak dikenal."))
    if problems:
        return problems
    levels = [x.strip() for x in data.levels if x.strip()]
    problems += check_indicator(
        statement=data.statement,
        satuan=data.satuan,
        value_type=data.value_type,
        qualitative_mode=data.qualitative_mode,
        levels=levels,
    )
    problems += check_target(
        statement=data.statement.strip(),
        year=year,
        value_type=data.value_type,
        qualitative_mode=data.qualitative_mode,
        levels=levels,
        value=target.value,
        low=target.low,
        high=target.high,
        label=target.label,
    )
    return problems


def _apply_indicator(ind: Indicator, data: IndicatorData) -> None:
    ind.statement = " ".join(data.statement.split())
    ind.satuan = data.satuan.strip()
    ind.kind = data.kind
    ind.polarity = data.polarity
    ind.value_type = data.value_type
    ind.cumulative = data.cumulative
    ind.qualitative_mode = data.qualitative_mode
    ind.levels = [x.strip() for x in data.levels if x.strip()]
    ind.baseline = data.baseline


def _save_target(user, plan, ind, target: TargetData, label) -> None:
    row = _annual_target(ind, plan.year)
    before = _target_values(row)
    if row is None:
        row = IndicatorTarget(
            indicator=ind, source="annual", year=plan.year, period_kind="year", period_index=0
        )
    kind = ind.value_type
    row.value = target.value if kind in ("number", "percent") else None
    row.low = target.low if kind == "range" else None
    row.high = target.high if kind == "range" else None
    row.label = target.label.strip() if kind == "qualitative" else ""
    after = _target_values(row)
    if before != after:
        row.save()
        _audit(user, "plan.target", plan, row, before, after, label)


def _indicator_owner(plan: Plan, node: PlanNode | None, sasaran: Sasaran | None) -> str:
    if (node is None) == (sasaran is None):
        raise ValueError("indikator harus milik tepat satu: simpul rencana atau sasaran")
    if node is not None:
        if node.plan_id != plan.id:
            raise NotAllowed
        return _node_label(node)
    if sasaran.unit_id != plan.unit_id or not (
        sasaran.period_start <= plan.year <= sasaran.period_end
    ):
        raise NotAllowed
    return sasaran.statement


def indicator_create(
    *,
    user,
    plan: Plan,
    data: IndicatorData,
    target: TargetData,
    node: PlanNode | None = None,
    sasaran: Sasaran | None = None,
) -> Indicator:
    """A new indicator on a node of the plan or on a sasaran of its unit (whose period
    covers the plan's year), with its annual target for the plan's year."""
    _require(user, plan.unit)
    owner = _indicator_owner(plan, node, sasaran)
    _refuse_if(_check_indicator_data(data, target, plan.year))
    with transaction.atomic():
        siblings = Indicator.objects.filter(node=node) if node else sasaran.indicators.all()
        ind = Indicator(node=node, sasaran=sasaran, position=siblings.count())
        _apply_indicator(ind, data)
        ind.full_clean()
        ind.save()
        label = f"{owner}: {ind.statement}"
        _audit(user, "plan.indicator_create", plan, ind, {}, _indicator_values(ind), label)
        _save_target(user, plan, ind, target, label)
    return ind


def indicator_update(
    *, user, plan: Plan, indicator: Indicator, data: IndicatorData, target: TargetData
) -> Indicator:
    """Change an indicator and its annual target for the plan's year."""
    _require(user, plan.unit)
    owner = _indicator_owner(plan, indicator.node, indicator.sasaran)
    _refuse_if(_check_indicator_data(data, target, plan.year))
    with transaction.atomic():
        ind = Indicator.objects.select_for_update().get(pk=indicator.pk)
        before = _indicator_values(ind)
        _apply_indicator(ind, data)
        ind.full_clean()
        ind.save()
        label = f"{owner}: {ind.statement}"
        _audit(user, "plan.indicator_update", plan, ind, before, _indicator_values(ind), label)
        _save_target(user, plan, ind, target, label)
    return ind


def indicator_delete(*, user, plan: Plan, indicator: Indicator) -> None:
    """Delete an indicator and its targets; refused when it has realisation."""
    _require(user, plan.unit)
    owner = _indicator_owner(plan, indicator.node, indicator.sasaran)
    reasons = _attached([], [indicator.id])
    if reasons:
        raise PlanInvalid(
            [
                Problem(
                    "indicator",
                    f"Indikator \u201c{indicator.statement}\u201d tidak dapat dihapus: "
                    f"{'; '.join(reasons)}.",
                )
            ]
        )
    with transaction.atomic():
        _audit(
            user,
            "plan.indicator_delete",
            plan,
            indicator,
            _indicator_values(indicator)
            | _target_values(_annual_target(indicator, plan.year), "target_"),
            {},
            f"{owner}: {indicator.statement}",
        )
        indicator.delete()


# --- monthly plan --------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyPlanRow:
    """The monthly plan of one leaf: ``kas`` rupiah per month (None = empty, counted as 0),
    ``fisik`` cumulative % per month; 12 values each (January first)."""

    node_id: int
    kas: tuple[Decimal | None, ...]
    fisik: tuple[Decimal | None, ...]


def monthly_plan(plan: Plan) -> dict[int, tuple[list, list]]:
    """Per leaf id: (anggaran kas per month, fisik plan cumulative), 12 values each, from the
    stored cumulative figures."""
    stored: dict[int, dict[int, tuple]] = defaultdict(dict)
    for node_id, month, keuangan, fisik in MonthlyEntry.objects.filter(node__plan=plan).values_list(
        "node_id", "month", "plan_keuangan", "plan_fisik"
    ):
        stored[node_id][month] = (keuangan, fisik)
    out = {}
    for node_id, months in stored.items():
        cumulative = [months.get(m, (None, None))[0] for m in range(1, 13)]
        fisik = [months.get(m, (None, None))[1] for m in range(1, 13)]
        out[node_id] = (per_month(cumulative), fisik)
    return out


def monthly_plan_signature(plan: Plan, node_ids=None) -> str:
    """A fingerprint of the stored monthly plan of the plan's leaves (or of ``node_ids``): a
    form carries the one it was opened with, and a save from a form opened before someone
    else's save is refused."""
    rows = MonthlyEntry.objects.filter(node__plan=plan).order_by("node_id", "month")
    if node_ids is not None:
        rows = rows.filter(node_id__in=list(node_ids))
    text = ";".join(
        f"{n}:{m}:{to_text(k, model_field=_KAS_FIELD)}:{to_text(f, model_field=_FISIK_FIELD)}"
        for n, m, k, f in rows.values_list("node_id", "month", "plan_keuangan", "plan_fisik")
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


_KAS_FIELD = MonthlyEntry._meta.get_field("plan_keuangan")
_FISIK_FIELD = MonthlyEntry._meta.get_field("plan_fisik")


def monthly_plan_save(
    *, user, plan: Plan, rows: list[MonthlyPlanRow], signature: str | None = None
) -> int:
    """Store the anggaran kas and the fisik plan of the given leaves, all or nothing.

    Each leaf's anggaran kas sums to its pagu in force and its fisik plan is cumulative,
    never decreasing, 100 in December (or the leaf's row is all empty: no plan); a locked
    month keeps its plan. A problem's field is ``n<node id>-kas-<month>`` (or ``-kas``,
    ``-fisik-<month>``) and its message starts with the leaf's code. With ``signature``
    (``monthly_plan_signature`` of the same leaves when the form was opened) a save over
    someone else's is refused. Returns the number of months changed."""
    from kinerja.realisation.models import MonthStatus

    _require(user, plan.unit)
    leaves = {n.id: n for n in PlanNode.objects.filter(plan=plan, children__isnull=True)}
    locked = set(
        MonthStatus.objects.filter(plan=plan, state=MonthStatus.State.LOCKED).values_list(
            "month", flat=True
        )
    )
    current = monthly_plan(plan)
    problems: list[Problem] = []
    for row in rows:
        node = leaves.get(row.node_id)
        if node is None:
            raise NotAllowed
        old_kas, old_fisik = current.get(node.id, ([None] * 12, [None] * 12))
        found = check_anggaran_kas(amounts=row.kas, pagu=node.pagu)
        found += check_fisik_plan(values=row.fisik)
        found += check_locked_months(
            old_kas=old_kas,
            new_kas=row.kas,
            old_fisik=old_fisik,
            new_fisik=row.fisik,
            locked=locked,
        )
        problems += [
            Problem(f"n{node.id}-{p.field}", f"{node.code} {node.name}: {p.message}") for p in found
        ]
    _refuse_if(problems)
    changed = 0
    with transaction.atomic():
        shown = [row.node_id for row in rows]
        if signature is not None and signature != monthly_plan_signature(plan, shown):
            raise PlanInvalid(
                [
                    Problem(
                        "signature",
                        "Rencana bulanan telah diubah orang lain sejak formulir dibuka; tidak "
                        "ada yang disimpan. Muat ulang halaman untuk melihat perubahannya.",
                    )
                ]
            )
        entries = {(e.node_id, e.month): e for e in MonthlyEntry.objects.filter(node_id__in=leaves)}
        for row in rows:
            node = leaves[row.node_id]
            kas = cumulate(row.kas)
            for m in range(1, 13):
                entry = entries.get((node.id, m))
                new = {"plan_keuangan": kas[m - 1], "plan_fisik": row.fisik[m - 1]}
                if entry is None:
                    if new["plan_keuangan"] is None and new["plan_fisik"] is None:
                        continue
                    entry = MonthlyEntry.objects.create(node=node, month=m)
                before = {"plan_keuangan": entry.plan_keuangan, "plan_fisik": entry.plan_fisik}
                written = _audit(
                    user,
                    "plan.monthly_plan",
                    plan,
                    entry,
                    before,
                    new,
                    f"{node.code} {node.name}, bulan {m} {plan.year}",
                    month=m,
                )
                if written:
                    entry.plan_keuangan = new["plan_keuangan"]
                    entry.plan_fisik = new["plan_fisik"]
                    entry.save(update_fields=["plan_keuangan", "plan_fisik"])
                    changed += 1
    return changed


# --- nomenclature --------------------------------------------------------------------------


def nomenclature_load(
    *,
    version: str,
    entries: list[NomenclatureEntry],
    user=None,
    source: str = "",
    audit: bool = True,
) -> dict[str, int]:
    """Store ``entries`` as the full list of nomenclature ``version`` (a key, see
    ``version_key``): new codes are added, changed names, levels and parents updated, codes
    no longer in the list removed. Plan nodes keep their codes and names as text and are
    not touched. One transaction; one audit entry with the counts (unless ``audit`` is false:
    the demo's own set-up). Returns the counts."""
    version = version_key(version)
    if not version or version == LOCAL:
        raise ValueError(f"versi nomenklatur {version!r} tidak dapat dimuat")
    with transaction.atomic():
        stored = {n.code: n for n in Nomenclature.objects.filter(version=version)}
        wanted = {e.code: e for e in entries}
        new, changed = [], []
        for code, e in wanted.items():
            row = stored.get(code)
            if row is None:
                new.append(
                    Nomenclature(
                        version=version,
                        code=code,
                        level=e.level,
                        name=e.name,
                        parent_code=e.parent_code,
                    )
                )
            elif (row.level, row.name, row.parent_code) != (e.level, e.name, e.parent_code):
                row.level, row.name, row.parent_code = e.level, e.name, e.parent_code
                changed.append(row)
        gone = [row.pk for code, row in stored.items() if code not in wanted]
        Nomenclature.objects.bulk_create(new, batch_size=1000)
        Nomenclature.objects.bulk_update(changed, ["level", "name", "parent_code"], batch_size=1000)
        Nomenclature.objects.filter(pk__in=gone).delete()
        counts = {"added": len(new), "updated": len(changed), "removed": len(gone)}
        counts["total"] = len(wanted)
        if not audit:
            return counts
        record(
            user=user,
            action="nomenclature.load",
            model="plans.Nomenclature",
            object_id=version,
            object_label=f"Nomenklatur {version}",
            new=counts,
            reason=source,
        )
    return counts


DEMO_NOMENCLATURE = Path(__file__).resolve().parent / "data" / "nomenklatur-demo.csv"
DEMO_NOMENCLATURE_VERSION = "permendagri-90-2019"


def nomenclature_load_demo() -> dict[str, int]:
    """The entries of Permendagri 90/2019 the demo's 2021 plan uses, with some neighbours
    (``data/nomenklatur-demo.csv``), so that the demo can pick from them. Idempotent."""
    entries, _skipped, problems = read_csv(DEMO_NOMENCLATURE.read_text(encoding="utf-8"))
    if problems:
        raise ValueError("; ".join(p.message for p in problems))
    return nomenclature_load(version=DEMO_NOMENCLATURE_VERSION, entries=entries, audit=False)


def nomenclature_search(
    *,
    version: str,
    query: str,
    level: str = "",
    parent_code: str = "",
    limit: int = 20,
) -> list[Nomenclature]:
    """Entries of ``version`` whose code starts with ``query`` or whose name contains every
    word of it (case-insensitive), optionally of one level and under one parent; in code
    order, at most ``limit``."""
    rows = Nomenclature.objects.filter(version=version)
    if level:
        rows = rows.filter(level=level)
    if parent_code:
        rows = rows.filter(parent_code=parent_code)
    query = query.strip()
    if query:
        by_name = Q()
        for word in query.split():
            by_name &= Q(name__icontains=word)
        rows = rows.filter(Q(code__startswith=query) | by_name)
    return list(rows.order_by("code")[: max(1, min(limit, 100))])
