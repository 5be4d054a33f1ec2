"""Reads of the Perjanjian Kinerja: the version in force on a date, every version, the
units under a unit, and what the checks need. Everything read here is turned into the plain
dataclasses of ``domain`` and ``checks``.

The version in force on a date (by default the last day of the year) is the
highest-numbered version signed on or before it (``domain.version_in_force``). When it is the
agreement's latest version it is read from the rows themselves (so cascade links made since
are seen); an earlier version is read from the content stored when it was signed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from kinerja.org.models import OrgUnit, UnitHead
from kinerja.plans.models import Indicator, IndicatorTarget, Plan, PlanNode

from .checks import (
    CheckInput,
    IndicatorFact,
    NodeFact,
    NodeRow,
    UnitFact,
    node_facts,
    run_checks,
)
from .domain import AgreementDoc, BudgetLine, Line, Party, VersionStamp, version_in_force
from .models import AgreementBudgetLine, AgreementRow, AgreementVersion, PerformanceAgreement


def year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _party(name, nip, pangkat, golongan, jabatan) -> Party:
    return Party(name, nip, pangkat, golongan, jabatan)


def _head_party(head: UnitHead | None) -> Party:
    if head is None:
        return Party()
    return Party(head.name, head.nip, head.pangkat, head.golongan, head.jabatan)


def latest_docs(agreements: list[PerformanceAgreement]) -> dict[int, AgreementDoc]:
    """The latest version of each agreement, read from its rows (three queries)."""
    if not agreements:
        return {}
    ids = [a.id for a in agreements]
    lines = defaultdict(list)
    for r in AgreementRow.objects.filter(agreement_id__in=ids).order_by("position", "id").values(
        "id", "agreement_id", "position", "subject", "statement", "satuan", "target",
        "target_label", "sasaran", "node_id", "node__code", "indicator_id", "parent_id",
    ):
        lines[r["agreement_id"]].append(
            Line(
                key=r["id"],
                position=len(lines[r["agreement_id"]]),
                subject=r["subject"],
                statement=r["statement"],
                satuan=r["satuan"],
                target=r["target"],
                target_label=r["target_label"],
                sasaran=r["sasaran"],
                node_id=r["node_id"],
                node_code=r["node__code"] or "",
                indicator_id=r["indicator_id"],
                parent_key=r["parent_id"],
            )
        )
    budget = defaultdict(list)
    for b in AgreementBudgetLine.objects.filter(agreement_id__in=ids).order_by(
        "position", "id"
    ):
        budget[b.agreement_id].append(
            BudgetLine(
                position=len(budget[b.agreement_id]),
                name=b.name,
                code=b.code,
                node_id=b.node_id,
                amount=b.amount,
                indicator_id=b.indicator_id,
                satuan=b.satuan,
                target=b.target,
                target_label=b.target_label,
            )
        )
    unit_ids = {a.unit_id for a in agreements} | {
        a.superior_unit_id for a in agreements if a.superior_unit_id
    }
    heads = {
        (h.unit_id, h.year): h
        for h in UnitHead.objects.filter(
            unit_id__in=unit_ids, year__in={a.year for a in agreements}
        )
    }
    docs = {}
    for a in agreements:
        official = _party(
            a.official_name, a.official_nip, a.official_pangkat, a.official_golongan,
            a.official_jabatan,
        )
        if official.is_empty():  # agreements recorded before parties were kept
            official = _head_party(heads.get((a.unit_id, a.year)))
        superior = _party(
            a.superior_name, a.superior_nip, a.superior_pangkat, a.superior_golongan,
            a.superior_title,
        )
        if not superior.name and a.superior_unit_id:
            head = heads.get((a.superior_unit_id, a.year))
            if head is not None:
                superior = Party(
                    head.name, head.nip, head.pangkat, head.golongan,
                    a.superior_title or head.jabatan,
                )
        docs[a.id] = AgreementDoc(
            agreement_id=a.id,
            unit_id=a.unit_id,
            unit_slug=a.unit.slug,
            unit_name=a.unit.name,
            eselon=a.unit.eselon,
            year=a.year,
            title=a.title,
            version=a.version,
            signed_on=a.signed_on,
            reason=a.reason,
            superior_unit_id=a.superior_unit_id,
            superior_unit_name=a.superior_unit.name if a.superior_unit_id else "",
            superior_title=a.superior_title,
            official=official,
            superior=superior,
            lines=tuple(lines[a.id]),
            budget=tuple(budget[a.id]),
            is_latest=True,
        )
    return docs


def agreements_in_force(
    units: Iterable[OrgUnit], year: int, on: datetime.date | None = None
) -> list[AgreementDoc]:
    """The agreement in force on ``on`` (default: 31 December of ``year``) of each of the
    units that has one, ordered by eselon and then as recorded (the order of BAB VIII in the
    demo). Five queries whatever the number of units, one more when an earlier version is in
    force somewhere."""
    on = on or year_end(year)
    agreements = list(
        PerformanceAgreement.objects.filter(unit__in=list(units), year=year).select_related(
            "unit", "superior_unit"
        )
    )
    stamps = defaultdict(list)
    for agreement_id, number, signed_on in AgreementVersion.objects.filter(
        agreement__in=agreements
    ).values_list("agreement_id", "number", "signed_on"):
        stamps[agreement_id].append(VersionStamp(number, signed_on))
    live, old = [], []
    for a in agreements:
        known = stamps.get(a.id) or [VersionStamp(a.version, a.signed_on)]
        if not any(s.number == a.version for s in known):
            known.append(VersionStamp(a.version, a.signed_on))
        number = version_in_force(known, on)
        if number is None:
            continue
        if number == a.version:
            live.append(a)
        else:
            old.append((a.id, number))
    docs = list(latest_docs(live).values())
    if old:
        wanted = set(old)
        for v in AgreementVersion.objects.filter(
            agreement_id__in={a for a, _ in old}, number__in={n for _, n in old}
        ):
            if (v.agreement_id, v.number) in wanted:
                docs.append(AgreementDoc.from_dict(v.content, is_latest=False))
    return sorted(docs, key=lambda d: (_eselon_rank(d.eselon), d.agreement_id))


def agreement_in_force(
    unit: OrgUnit, year: int, on: datetime.date | None = None
) -> AgreementDoc | None:
    """The unit's agreement for ``year`` in force on ``on`` (default: 31 December), or None
    when the unit has none (or none signed by then)."""
    docs = agreements_in_force([unit], year, on)
    return docs[0] if docs else None


def agreement_version(agreement: PerformanceAgreement, number: int) -> AgreementDoc | None:
    """One version of the agreement: the latest read from its rows, an earlier one from
    what was stored when it was signed."""
    if number == agreement.version:
        agreement = PerformanceAgreement.objects.select_related("unit", "superior_unit").get(
            pk=agreement.pk
        )
        return latest_docs([agreement])[agreement.id]
    stored = AgreementVersion.objects.filter(agreement=agreement, number=number).first()
    return None if stored is None else AgreementDoc.from_dict(stored.content, is_latest=False)


def version_list(agreement: PerformanceAgreement) -> list[AgreementVersion]:
    """Every stored version, oldest first (without their content)."""
    return list(
        AgreementVersion.objects.filter(agreement=agreement)
        .defer("content")
        .order_by("number")
    )


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def _eselon_rank(eselon: str) -> int:
    return _ROMAN.get((eselon or "").strip().upper(), 9)


def subtree(unit: OrgUnit, year: int | None = None) -> list[OrgUnit]:
    """The unit and every unit under it (those existing in ``year`` when given), each
    followed by the units under it, siblings by name."""
    units = list(OrgUnit.objects.filter(government_id=unit.government_id).order_by("name"))
    children = defaultdict(list)
    for u in units:
        children[u.parent_id].append(u)
    out, stack = [], [unit]
    while stack:
        u = stack.pop()
        if year is None or u.exists_in(year) or u.id == unit.id:
            out.append(u)
        stack.extend(reversed(children.get(u.id, [])))
    return out


def depths(unit: OrgUnit, units: Iterable[OrgUnit]) -> dict[int, int]:
    """How many levels each unit of ``units`` lies under ``unit`` (0 for the unit)."""
    parent = {u.id: u.parent_id for u in units}
    out = {}
    for uid in parent:
        depth, cur = 0, uid
        while cur is not None and cur != unit.id:
            cur = parent.get(cur)
            depth += 1
        out[uid] = depth if cur == unit.id else 0
    return out


def plan_for(unit: OrgUnit, year: int) -> Plan | None:
    """The plan whose nodes the unit's agreement is about: the unit's own for the year, or
    the nearest unit above it that has one (a bagian works on its biro's plan)."""
    chain, cur = [], unit
    while cur is not None:
        chain.append(cur.id)
        cur = cur.parent
    plans = {p.unit_id: p for p in Plan.objects.filter(unit_id__in=chain, year=year)}
    for uid in chain:
        if uid in plans:
            return plans[uid]
    return None


def _node_rows(plan_ids: set[int]) -> list[NodeRow]:
    rows = []
    for nid, code, name, level, parent_id, dpa, dppa, in_force in PlanNode.objects.filter(
        plan_id__in=plan_ids
    ).values_list(
        "id", "code", "name", "level", "parent_id", "pagu_dpa", "pagu_dppa", "budget_in_force"
    ):
        pagu = dppa if in_force == PlanNode.Budget.DPPA and dppa is not None else dpa
        rows.append(NodeRow(nid, code, name, level, parent_id, pagu))
    return rows


def plan_node_facts(plan_ids: set[int]) -> dict[int, NodeFact]:
    """Every node of the plans with its pagu in force (a parent's: the sum of its leaves)."""
    return node_facts(_node_rows(plan_ids))


def indicator_facts(indicator_ids: set[int], year: int) -> dict[int, IndicatorFact]:
    """The plan indicators with their annual target of ``year``."""
    targets = {
        t.indicator_id: t
        for t in IndicatorTarget.objects.filter(
            indicator_id__in=indicator_ids, year=year, source="annual", period_kind="year"
        )
    }
    out = {}
    for ind in Indicator.objects.filter(id__in=indicator_ids):
        t = targets.get(ind.id)
        out[ind.id] = IndicatorFact(
            ind.id,
            ind.statement,
            ind.satuan,
            t.value if t else None,
            t.low if t else None,
            t.high if t else None,
            t.label if t else "",
        )
    return out


def check_input(unit: OrgUnit, year: int, on: datetime.date | None = None) -> CheckInput:
    """Everything the checks of ``unit`` and the units under it read for ``year``."""
    units = subtree(unit, year)
    docs = agreements_in_force(units, year, on)
    in_scope = {u.id for u in units}
    outside = {d.superior_unit_id for d in docs if d.superior_unit_id} - in_scope
    superiors = (
        agreements_in_force(OrgUnit.objects.filter(id__in=outside), year, on) if outside else []
    )
    scope_plans = set(Plan.objects.filter(unit__in=units, year=year).values_list("id", flat=True))
    node_ids = {
        n for d in docs for n in (
            *(line.node_id for line in d.lines), *(b.node_id for b in d.budget)
        ) if n is not None
    }
    ref_plans = set(
        PlanNode.objects.filter(id__in=node_ids).values_list("plan_id", flat=True).distinct()
    )
    nodes = plan_node_facts(scope_plans | ref_plans)
    leaf_plan = {}
    if scope_plans:
        leaf_plan = dict(
            PlanNode.objects.filter(plan_id__in=scope_plans).values_list("id", "plan_id")
        )
    leaves = tuple(n for n in nodes.values() if n.is_leaf and n.id in leaf_plan)
    indicator_ids = {
        i for d in docs for i in (
            *(line.indicator_id for line in d.lines), *(b.indicator_id for b in d.budget)
        ) if i is not None
    }
    return CheckInput(
        year=year,
        units=tuple(UnitFact(u.id, u.name, u.eselon) for u in units),
        agreements=tuple(docs),
        superiors=tuple(superiors),
        nodes=nodes,
        leaves=tuple(sorted(leaves, key=lambda n: n.code)),
        indicators=indicator_facts(indicator_ids, year),
    )


def unit_findings(unit: OrgUnit, year: int, on: datetime.date | None = None):
    """The findings of every check for ``unit`` and the units under it in ``year``."""
    return run_checks(check_input(unit, year, on))
