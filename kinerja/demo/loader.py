"""Load the agency of the seed report as demo data, idempotently.

Every row is matched on its natural key (government code, unit slug, plan unit+year, node
code, indicator statement, month…) and updated in place, so running the loader twice leaves
the database as running it once. The whole load is one transaction.

How the report's unit-level monthly percentages become per-leaf monthly rupiah is described
in ``spread_monthly`` and in docs/demo-data.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from kinerja.agreements.demo import load_agreements
from kinerja.core.numbers import round_half_up, to_decimal
from kinerja.multiyear.demo import load_multiyear_demo
from kinerja.org.models import FiscalYear, Government, Membership, OrgUnit, UnitHead, Urusan
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    PastResult,
    Plan,
    PlanNode,
    ReportText,
    Sasaran,
)
from kinerja.plans.services import nomenclature_load_demo

from . import seed_data as data

DEMO_PASSWORD = "kinerja-demo-2021"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    unit_slug: str | None
    description: str


DEMO_USERS = (
    DemoUser("admin", "Admin Biro Organisasi", "admin", None, "admin pemerintah daerah"),
    DemoUser(
        "operator",
        "Operator Biro Pemkesra",
        "operator",
        "biro-pemkesra",
        "operator unit (Biro Pemkesra 2021 dan pendahulunya Biro Pemerintahan)",
    ),
    DemoUser(
        "kepala",
        "Gunawan Rusminto",
        "head",
        "biro-pemkesra",
        "kepala unit (Biro Pemkesra 2021 dan pendahulunya Biro Pemerintahan)",
    ),
    DemoUser(
        "inspektorat",
        "Pemeriksa Inspektorat",
        "inspectorate",
        None,
        "inspektorat (membaca semua unit)",
    ),
)


def _d(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return to_decimal(value)


def _qd(value, places: int) -> Decimal | None:
    """Quantize a demo number to the column's decimals (half up) so that what is stored
    equals what is read back on every database."""
    v = _d(value)
    return None if v is None else round_half_up(v, places)


@transaction.atomic
def load_demo() -> dict:
    """Create or update everything; returns counts of what the database now holds."""
    gov, _ = Government.objects.update_or_create(
        code=data.GOVERNMENT["code"],
        defaults={
            "name": data.GOVERNMENT["name"],
            "kind": data.GOVERNMENT["kind"],
            "capital": data.GOVERNMENT.get("capital", ""),
        },
    )
    for year in data.YEARS:
        FiscalYear.objects.get_or_create(government=gov, year=year)
    units = _load_units(gov)
    _load_heads(units)
    plans, annual = [], {}
    for spec in data.PLANS:
        plan, realised = _load_plan(units, spec)
        plans.append(plan)
        annual.update(realised)
    for spec in data.MONTHLY:
        plan = Plan.objects.get(unit=units[spec["unit"]], year=spec["year"])
        spread_monthly(plan, spec["rows"], annual)
    _load_sasaran(units)
    _load_past(units)
    load_agreements(units)
    _load_texts(units)
    _load_users(gov, units)
    load_multiyear_demo()  # medium-term documents, program links, IKM (kinerja/multiyear)
    nomenclature_load_demo()  # the nomenclature the 2021 plan's codes come from
    return {
        "units": OrgUnit.objects.filter(government=gov).count(),
        "plans": len(plans),
        "nodes": PlanNode.objects.filter(plan__in=plans).count(),
    }


def _load_units(gov) -> dict[str, OrgUnit]:
    units: dict[str, OrgUnit] = {}
    # every demo unit is the Sekretariat Daerah or one of its biro, bagian, sub bagian
    setda, _ = Urusan.objects.update_or_create(
        code="4.01", defaults={"name": "Sekretariat Daerah"}
    )
    for u in data.UNITS:
        unit, _ = OrgUnit.objects.update_or_create(
            government=gov,
            slug=u["slug"],
            defaults={
                "name": u["name"],
                "kind": u["kind"],
                "eselon": u.get("eselon") or "",
                "code": u.get("code") or "",
                "parent": units.get(u["parent"]) if u.get("parent") else None,
                "predecessor": units.get(u["predecessor"]) if u.get("predecessor") else None,
                "from_year": u["from_year"],
                "to_year": u.get("to_year"),
                "urusan": setda,
            },
        )
        units[u["slug"]] = unit
    return units


def _load_heads(units) -> None:
    for h in data.HEADS:
        UnitHead.objects.update_or_create(
            unit=units[h["unit"]],
            year=h["year"],
            defaults={
                "name": h["name"],
                "nip": h.get("nip", "").replace(" ", ""),
                "pangkat": h.get("pangkat", ""),
                "golongan": h.get("golongan", ""),
                "jabatan": h["jabatan"],
            },
        )


def _load_plan(units, spec) -> tuple[Plan, dict[int, Decimal]]:
    """The plan and, per leaf id, its annual realisation in rupiah."""
    plan, _ = Plan.objects.update_or_create(
        unit=units[spec["unit"]],
        year=spec["year"],
        defaults={"nomenclature": spec["nomenclature"], "structure": spec["structure"]},
    )
    counter = iter(range(1, 100_000))
    annual: dict[int, Decimal] = {}
    has_months = any(m["unit"] == spec["unit"] and m["year"] == spec["year"] for m in data.MONTHLY)

    def walk(items, parent):
        for item in items:
            node, _ = PlanNode.objects.update_or_create(
                plan=plan,
                code=item["code"],
                defaults={
                    "parent": parent,
                    "level": item["level"],
                    "name": item["name"],
                    "position": next(counter),
                    "responsible_unit": units.get(item.get("responsible_unit") or ""),
                    "pagu_dpa": _qd(item.get("pagu_dpa"), 2),
                    "pagu_dppa": _qd(item.get("pagu_dppa"), 2),
                    "budget_in_force": "dppa" if item.get("pagu_dppa") is not None else "dpa",
                },
            )
            node.full_clean()
            for pos, ind in enumerate(item.get("indicators") or []):
                _load_indicator(ind, pos, plan.year, node=node)
            if item.get("children"):
                walk(item["children"], node)
            elif item.get("realisasi") is not None and not has_months:
                # Annual realisation only (no monthly data): kept as the December entry.
                MonthlyEntry.objects.update_or_create(
                    node=node,
                    month=12,
                    defaults={"realisasi_keuangan": _qd(item["realisasi"], 2)},
                )
            if item.get("realisasi") is not None:
                annual[node.id] = _qd(item["realisasi"], 2)

    walk(spec["nodes"], None)
    return plan, annual


def _load_indicator(ind, pos, year, *, node=None, sasaran=None, kind=None) -> Indicator:
    value_type = ind.get("value_type", "number")
    obj, _ = Indicator.objects.update_or_create(
        node=node,
        sasaran=sasaran,
        statement=ind["statement"],
        defaults={
            "kind": kind or ind.get("kind") or _default_kind(node),
            "satuan": ind.get("satuan", ""),
            "polarity": ind.get("polarity", "higher"),
            "value_type": value_type,
            "cumulative": ind.get("cumulative", True),
            "levels": list(ind.get("levels") or []),
            "qualitative_mode": ind.get("qualitative_mode", "levels"),
            "baseline": _qd(ind.get("baseline"), 4),
            "position": pos,
        },
    )
    if ind.get("target") is not None:
        _set_target(obj, year, "annual", ind["target"], value_type)
    if ind.get("realisation") is not None or ind.get("narrative") or ind.get("obstacles"):
        _set_realisation(obj, year, ind.get("realisation"), value_type, ind)
    return obj


def _default_kind(node) -> str:
    if node is None:
        return "sasaran"
    return {"program": "program", "kegiatan": "outcome"}.get(node.level, "output")


def _set_target(indicator, year, source, target, value_type) -> None:
    defaults = {"value": None, "low": None, "high": None, "label": ""}
    if value_type == "qualitative":
        defaults["label"] = str(target)
    elif value_type == "range":
        low, high = (part.strip() for part in str(target).replace("–", "-").split("-", 1))
        defaults.update(low=_qd(low, 4), high=_qd(high, 4))
    else:
        defaults["value"] = _qd(target, 4)
    IndicatorTarget.objects.update_or_create(
        indicator=indicator,
        source=source,
        year=year,
        period_kind="year",
        period_index=0,
        defaults=defaults,
    )


def _set_realisation(indicator, year, value, value_type, ind, month=12) -> None:
    is_label = value_type == "qualitative"
    IndicatorRealisation.objects.update_or_create(
        indicator=indicator,
        year=year,
        month=month,
        defaults={
            "value": None if is_label or value is None else _qd(value, 4),
            "label": str(value) if is_label and value is not None else "",
            "narrative": ind.get("narrative", "") or "",
            "obstacles": ind.get("obstacles", "") or "",
        },
    )


def spread_monthly(plan: Plan, rows: list[dict], annual: dict[int, Decimal]) -> None:
    """Turn the report's unit-level cumulative percentages into per-leaf monthly entries.

    For every leaf with pagu P and annual realisation R, and the unit's cumulative
    percentages of month m (target fisik tf, target keuangan tk, realised fisik rf,
    realised keuangan rk; rk12 = December):
    - cumulative realisation C_m = R × rk_m ÷ rk12, rounded half up to the rupiah, C_12 = R,
      stored as the month's flow C_m − C_(m−1);
    - anggaran kas (cumulative) = P × tk_m ÷ 100 rounded to the rupiah, December = P;
    - target fisik = tf_m and realised fisik = rf_m for every leaf, so the pagu-weighted
      unit figure equals the report's.
    The unit's cumulative keuangan % therefore reproduces the report's monthly figures.
    """
    by_month = {r["month"]: r for r in rows}
    rk12 = to_decimal(by_month[12]["realisasi_keuangan"])
    nodes = list(PlanNode.objects.filter(plan=plan))
    parents = {n.parent_id for n in nodes}
    leaves = [n for n in nodes if n.id not in parents]
    for leaf in leaves:
        pagu = leaf.pagu or Decimal(0)
        realised = annual.get(leaf.id, Decimal(0))
        previous = Decimal(0)
        for month in range(1, 13):
            row = by_month[month]
            if month == 12:
                cumulative = realised
                kas = pagu
            else:
                share = to_decimal(row["realisasi_keuangan"]) / rk12 if rk12 else Decimal(0)
                cumulative = round_half_up(realised * share, 0)
                kas = round_half_up(pagu * to_decimal(row["target_keuangan"]) / 100, 0)
            MonthlyEntry.objects.update_or_create(
                node=leaf,
                month=month,
                defaults={
                    "plan_fisik": _qd(row["target_fisik"], 4),
                    "plan_keuangan": _qd(kas, 2),
                    "realisasi_keuangan": _qd(cumulative - previous, 2),
                    "realisasi_fisik": _qd(row["realisasi_fisik"], 4),
                },
            )
            previous = cumulative


def _load_sasaran(units) -> None:
    for pos, s in enumerate(data.SASARAN):
        sas, _ = Sasaran.objects.update_or_create(
            unit=units[s["unit"]],
            statement=s["statement"],
            defaults={
                "document": s.get("document", ""),
                "period_start": s.get("period_start", 2017),
                "period_end": s.get("period_end", 2022),
                "position": pos,
                "program_names": s.get("program", ""),
            },
        )
        for ipos, ind in enumerate(s["indicators"]):
            obj = _load_indicator(
                {k: v for k, v in ind.items() if k not in ("target", "realisation")},
                ipos,
                None,
                sasaran=sas,
                kind="sasaran",
            )
            vt = obj.value_type
            for year, value in (ind.get("medium_term_targets") or {}).items():
                _set_target(obj, int(year), "medium_term", value, vt)
            for year, value in (ind.get("targets") or {}).items():
                _set_target(obj, int(year), "annual", value, vt)
            for year, value in (ind.get("realisations") or {}).items():
                _set_realisation(obj, int(year), value, vt, {})


def _load_past(units) -> None:
    for p in data.PREVIOUS_YEAR:
        PastResult.objects.update_or_create(
            unit=units[p["unit"]],
            year=p["year"],
            level=p.get("level", "kegiatan"),
            name=p["name"],
            defaults={
                "code": p.get("node", "") or "",
                "achievement": _qd(p["achievement"], 4),
                "source": p.get("source", "Tabel 8.2"),
            },
        )


def _load_texts(units) -> None:
    for (slug, year), texts in data.NARRATIVES.items():
        for key, text in texts.items():
            ReportText.objects.update_or_create(
                unit=units[slug], year=year, key=key, defaults={"text": text}
            )


def _load_users(gov, units) -> None:
    User = get_user_model()
    for du in DEMO_USERS:
        first, _, last = du.full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=du.username, defaults={"first_name": first, "last_name": last}
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(
            user=user, government=gov, unit=units.get(du.unit_slug or ""), role=du.role
        )
