"""Small helpers shared by the database tests."""

from decimal import Decimal

from kinerja.org.models import Government, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.plans.selectors import compute_plan


def computed(slug: str, year: int, month: int = 12):
    plan = Plan.objects.get(unit=OrgUnit.objects.get(slug=slug), year=year)
    return compute_plan(plan, upto_month=month).root


def find(root, name: str, level: str | None = None):
    """The computed node whose name matches (case-insensitive, whole name)."""
    hits = [
        n
        for n in root.walk()
        if n.name.lower() == name.lower() and (level is None or n.level == level)
    ]
    assert len(hits) == 1, f"{len(hits)} nodes named {name!r}"
    return hits[0]


def make_plan(code: str, programs: int, kegiatan: int, leaves: int) -> Plan:
    gov = Government.objects.create(name=f"Kab {code}", kind="kabupaten", code=code)
    unit = OrgUnit.objects.create(
        government=gov, slug="dinas", name="Dinas", kind="perangkat_daerah", from_year=2022
    )
    plan = Plan.objects.create(unit=unit, year=2022, nomenclature="Permendagri 90/2019")
    for p in range(1, programs + 1):
        prog = PlanNode.objects.create(
            plan=plan, code=f"1.02.{p:02d}", level="program", name=f"Program {p}"
        )
        for k in range(1, kegiatan + 1):
            keg = PlanNode.objects.create(
                plan=plan,
                parent=prog,
                code=f"{prog.code}.2.{k:02d}",
                level="kegiatan",
                name=f"Kegiatan {p}.{k}",
            )
            for s in range(1, leaves + 1):
                leaf = PlanNode.objects.create(
                    plan=plan,
                    parent=keg,
                    code=f"{keg.code}.{s:04d}",
                    level="sub_kegiatan",
                    name=f"Sub {p}.{k}.{s}",
                    pagu_dpa=Decimal("1000000"),
                )
                for m in range(1, 13):
                    MonthlyEntry.objects.create(
                        node=leaf,
                        month=m,
                        plan_fisik=Decimal(m * 100) / 12,
                        plan_keuangan=Decimal(m * 1000000) / 12,
                        realisasi_keuangan=Decimal("50000"),
                        realisasi_fisik=Decimal(m * 5),
                    )
                ind = Indicator.objects.create(
                    node=leaf, statement="Jumlah dokumen", satuan="Dokumen"
                )
                IndicatorTarget.objects.create(indicator=ind, year=2022, value=Decimal("4"))
                IndicatorRealisation.objects.create(
                    indicator=ind, year=2022, month=6, value=Decimal("1")
                )
                IndicatorRealisation.objects.create(
                    indicator=ind, year=2022, month=11, value=Decimal("2")
                )
    return plan
