"""Every dataset of a unit's year as rows of its schema, and as a file (XLSX, CSV, JSON).

The four importable datasets are written exactly in the layout their import reads, so that
export → import into an empty year → export gives the same rows. Nodes come in tree order
(parents before children, siblings by position and code, as the plan page shows them);
indicators are numbered 1, 2, … per node in their order.

``achievements`` is what ``kinerja.plans.selectors.compute_plan`` computes (every node and
every indicator, up to a month); ``audit`` is the audit trail of the unit and the units
under it for the year, oldest first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from kinerja.audit.models import AuditEntry
from kinerja.audit.selectors import AuditFilters, entries_for_unit
from kinerja.org.access import can_read_unit
from kinerja.org.models import OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.plans.selectors import compute_plan

from . import schemas as S
from .writing import render

JAKARTA = ZoneInfo("Asia/Jakarta")


class NotAllowed(Exception):
    """The user may not read this unit; views answer it like a missing page."""


class NoPlan(Exception):
    """The unit has no plan for the year."""


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    content_type: str


def tree_nodes(plan: Plan) -> list[PlanNode]:
    """The plan's nodes in tree order: parents before children, siblings by position."""
    nodes = list(
        PlanNode.objects.filter(plan=plan)
        .select_related("responsible_unit")
        .order_by("position", "code")
    )
    children = defaultdict(list)
    for node in nodes:
        children[node.parent_id].append(node)
    out: list[PlanNode] = []
    stack = list(reversed(children[None]))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(children[node.id]))
    return out


def _indicators(plan: Plan) -> dict[int, list[Indicator]]:
    by_node = defaultdict(list)
    for indicator in Indicator.objects.filter(node__plan=plan).order_by("position", "id"):
        by_node[indicator.node_id].append(indicator)
    return by_node


def plan_rows(plan: Plan) -> list[dict]:
    return [
        {
            "kode": node.code,
            "uraian": node.name,
            "tingkat": S.LEVEL_LABEL[node.level],
            "pagu_dpa": node.pagu_dpa,
            "pagu_dppa": node.pagu_dppa,
            "anggaran_berlaku": S.BUDGET_LABEL[node.budget_in_force],
            "unit_pj": node.responsible_unit.slug if node.responsible_unit_id else "",
        }
        for node in tree_nodes(plan)
    ]


def _target_text(indicator: Indicator, target: IndicatorTarget | None):
    if target is None:
        return None
    if indicator.value_type == Indicator.ValueType.QUALITATIVE:
        return target.label
    if indicator.value_type == Indicator.ValueType.RANGE:
        if target.low is None and target.high is None:
            return None
        return f"{_plain(target.low)}–{_plain(target.high)}"
    return target.value


def _plain(value) -> str:
    return "" if value is None else format(value, "f")


def indicator_rows(plan: Plan) -> list[dict]:
    targets = {
        t.indicator_id: t
        for t in IndicatorTarget.objects.filter(
            indicator__node__plan=plan,
            source=IndicatorTarget.Source.ANNUAL,
            year=plan.year,
            period_kind=IndicatorTarget.PeriodKind.YEAR,
            period_index=0,
        )
    }
    by_node = _indicators(plan)
    rows = []
    for node in tree_nodes(plan):
        for index, ind in enumerate(by_node.get(node.id, ()), start=1):
            rows.append(
                {
                    "kode": node.code,
                    "uraian": node.name,
                    "indikator_ke": index,
                    "jenis": S.KIND_LABEL.get(ind.kind, ind.kind),
                    "indikator": ind.statement,
                    "satuan": ind.satuan,
                    "arah": S.POLARITY_LABEL[ind.polarity],
                    "tipe": S.VALUE_TYPE_LABEL[ind.value_type],
                    "akumulatif": ind.cumulative,
                    "jenjang": list(ind.levels or []),
                    "mode_kualitatif": S.MODE_LABEL[ind.qualitative_mode],
                    "nilai_dasar": ind.baseline,
                    "nilai_dasar_label": ind.baseline_label,
                    "target": _target_text(ind, targets.get(ind.id)),
                }
            )
    return rows


def _months(plan: Plan) -> dict[int, dict[int, MonthlyEntry]]:
    months: dict[int, dict[int, MonthlyEntry]] = defaultdict(dict)
    for entry in MonthlyEntry.objects.filter(node__plan=plan):
        months[entry.node_id][entry.month] = entry
    return months


def monthly_plan_rows(plan: Plan) -> list[dict]:
    months = _months(plan)
    nodes = tree_nodes(plan)
    parents = {n.parent_id for n in nodes}
    rows = []
    for node in nodes:
        if node.id in parents:
            continue
        for month in range(1, 13):
            entry = months.get(node.id, {}).get(month)
            if entry is None or (entry.plan_fisik is None and entry.plan_keuangan is None):
                continue
            rows.append(
                {
                    "kode": node.code,
                    "uraian": node.name,
                    "bulan": month,
                    "rencana_fisik": entry.plan_fisik,
                    "anggaran_kas": entry.plan_keuangan,
                }
            )
    return rows


def monthly_realisation_rows(plan: Plan) -> list[dict]:
    months = _months(plan)
    by_node = _indicators(plan)
    realisations: dict[tuple[int, int], IndicatorRealisation] = {
        (r.indicator_id, r.month): r
        for r in IndicatorRealisation.objects.filter(indicator__node__plan=plan, year=plan.year)
    }
    nodes = tree_nodes(plan)
    parents = {n.parent_id for n in nodes}
    rows = []
    for node in nodes:
        if node.id not in parents:
            for month in range(1, 13):
                entry = months.get(node.id, {}).get(month)
                if entry is None or (
                    entry.realisasi_keuangan is None and entry.realisasi_fisik is None
                ):
                    continue
                rows.append(
                    {
                        "kode": node.code,
                        "uraian": node.name,
                        "bulan": month,
                        "realisasi_keuangan": entry.realisasi_keuangan,
                        "realisasi_fisik": entry.realisasi_fisik,
                    }
                )
        for index, ind in enumerate(by_node.get(node.id, ()), start=1):
            for month in range(1, 13):
                real = realisations.get((ind.id, month))
                if real is None or (
                    real.value is None and not (real.label or real.narrative or real.obstacles)
                ):
                    continue
                rows.append(
                    {
                        "kode": node.code,
                        "uraian": node.name,
                        "bulan": month,
                        "indikator_ke": index,
                        "indikator": ind.statement,
                        "realisasi_keluaran": real.label
                        if ind.value_type == Indicator.ValueType.QUALITATIVE
                        else real.value,
                        "yang_dilaksanakan": real.narrative,
                        "kendala": real.obstacles,
                    }
                )
    return rows


def achievement_rows(plan: Plan, upto_month: int = 12) -> list[dict]:
    result = compute_plan(plan, upto_month=upto_month)
    rows = []
    for node in result.root.walk():
        rows.append(
            {
                "kode": node.code or "",
                "uraian": node.name,
                "tingkat": S.LEVEL_LABEL.get(node.level, node.level),
                "pagu": node.pagu.value,
                "realisasi": node.realisasi.value,
                "penyerapan": node.absorption.value,
                "rencana_fisik": node.plan_fisik.value,
                "fisik": node.fisik.value,
                "deviasi_fisik": node.deviation_fisik.value,
                "capaian_mentah": node.achievement_raw.value,
                "capaian": node.achievement.value,
                "predikat": node.predicate or "",
                "efisiensi": node.efficiency.value,
                "penjelasan": node.achievement.explanation,
            }
        )
        for ind, achievement, realisation in node.indicators:
            target = ind.target
            if target is None:
                target_value = None
            elif target.label:
                target_value = target.label
            elif target.low is not None or target.high is not None:
                target_value = f"{_plain(target.low)}–{_plain(target.high)}"
            else:
                target_value = target.value
            rows.append(
                {
                    "kode": node.code or "",
                    "uraian": ind.statement,
                    "tingkat": "indikator",
                    "satuan": ind.satuan,
                    "target": target_value,
                    "realisasi_indikator": realisation,
                    "capaian_mentah": achievement.raw,
                    "capaian": achievement.capped,
                    "penjelasan": achievement.explanation,
                }
            )
    return rows


def audit_rows(unit: OrgUnit, year: int, user=None) -> list[dict]:
    if user is None:
        ids = _all_under(unit)
        entries = AuditEntry.objects.filter(unit_id__in=ids)
    else:
        entries = entries_for_unit(user, unit, filters=AuditFilters(year=year))
    entries = entries.filter(year=year).order_by("at", "id")
    return [
        {
            "waktu": e.at.astimezone(JAKARTA).isoformat(timespec="seconds"),
            "pengguna": e.username,
            "tindakan": e.action,
            "jenis_data": e.model,
            "id_data": e.object_id,
            "objek": e.object_label,
            "kolom": e.field,
            "nilai_lama": e.old_value,
            "nilai_baru": e.new_value,
            "alasan": e.reason,
            "tahun": e.year,
            "bulan": e.month,
        }
        for e in entries.iterator(chunk_size=2000)
    ]


def _all_under(unit: OrgUnit) -> list[int]:
    children = defaultdict(list)
    for uid, parent_id in OrgUnit.objects.filter(government_id=unit.government_id).values_list(
        "id", "parent_id"
    ):
        children[parent_id].append(uid)
    out, stack = [], [unit.id]
    while stack:
        uid = stack.pop()
        if uid in out:
            continue
        out.append(uid)
        stack.extend(children[uid])
    return out


def dataset_rows(dataset: str, plan: Plan, *, user=None, upto_month: int = 12) -> list[dict]:
    if dataset == "plan":
        return plan_rows(plan)
    if dataset == "indicators":
        return indicator_rows(plan)
    if dataset == "monthly-plan":
        return monthly_plan_rows(plan)
    if dataset == "monthly-realisation":
        return monthly_realisation_rows(plan)
    if dataset == "achievements":
        return achievement_rows(plan, upto_month)
    if dataset == "audit":
        return audit_rows(plan.unit, plan.year, user)
    raise ValueError(f"dataset tidak dikenal: {dataset}")


def meta_for(unit: OrgUnit, year: int, plan: Plan | None, **extra) -> dict:
    meta = {"unit": unit.slug, "nama unit": unit.name, "tahun": year}
    if plan is not None:
        meta["nomenklatur"] = plan.nomenclature
        meta["susunan"] = plan.structure
    meta["dibuat"] = timezone.now().astimezone(JAKARTA).isoformat(timespec="seconds")
    meta.update(extra)
    return meta


def export_dataset(
    *, user, unit: OrgUnit, year: int, dataset: str, fmt: str, upto_month: int = 12
) -> ExportFile:
    """The dataset as a file. ``NotAllowed`` when ``user`` may not read the unit (``user``
    None: the command line, trusted); ``NoPlan`` when the unit has no plan for the year;
    ``ValueError`` for an unknown dataset or format."""
    schema = S.DATASETS.get(dataset)
    if schema is None or fmt not in S.FORMATS:
        raise ValueError(f"dataset atau format tidak dikenal: {dataset}.{fmt}")
    if user is not None and not can_read_unit(user, unit):
        raise NotAllowed
    plan = Plan.objects.filter(unit=unit, year=year).select_related("unit__government").first()
    if plan is None:
        raise NoPlan(f"Unit {unit.slug} tidak punya rencana tahun {year}.")
    if not 1 <= upto_month <= 12:
        raise ValueError(f"bulan harus 1 sampai 12, ditemukan {upto_month}")
    rows = dataset_rows(dataset, plan, user=user, upto_month=upto_month)
    extra = {"posisi s.d. bulan": upto_month} if dataset == "achievements" else {}
    content = render(schema, rows, meta_for(unit, year, plan, **extra), fmt)
    return ExportFile(
        content, f"{schema.stem}-{unit.slug}-{year}.{fmt}", S.CONTENT_TYPES[fmt]
    )
