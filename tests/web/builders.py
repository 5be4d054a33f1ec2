"""A government with several units and small plans, built quickly (bulk inserts)."""

from decimal import Decimal

from kinerja.org.models import Government, Membership, OrgUnit, Urusan
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)

YEAR = 2022


def make_government(code: str, urusan: list[str | None], *, leaves: int = 3) -> Government:
    """A kabupaten with one unit per item of ``urusan`` (a bidang code such as "1.01", created
    when missing, or None), each with a plan for ``YEAR`` of one program, one kegiatan and
    ``leaves`` sub kegiatan with 12 months and one indicator each."""
    gov = Government.objects.create(name=f"Kab {code}", kind="kabupaten", code=code)
    for i, bidang in enumerate(urusan, start=1):
        field = None
        if bidang:
            field, _ = Urusan.objects.get_or_create(
                code=bidang, defaults={"name": f"Bidang {bidang}"}
            )
        unit = OrgUnit.objects.create(
            government=gov,
            slug=f"dinas-{i}",
            name=f"Dinas {i:02d}",
            kind="perangkat_daerah",
            from_year=2020,
            urusan=field,
        )
        plan = Plan.objects.create(unit=unit, year=YEAR, nomenclature="Permendagri 90/2019")
        prog = PlanNode.objects.create(plan=plan, code="1.01.01", level="program", name="Program")
        keg = PlanNode.objects.create(
            plan=plan, parent=prog, code="1.01.01.2.01", level="kegiatan", name="Kegiatan"
        )
        subs = PlanNode.objects.bulk_create(
            [
                PlanNode(
                    plan=plan,
                    parent=keg,
                    code=f"1.01.01.2.01.{s:04d}",
                    level="sub_kegiatan",
                    name=f"Sub {s}",
                    pagu_dpa=Decimal(1_000_000 * s),
                )
                for s in range(1, leaves + 1)
            ]
        )
        MonthlyEntry.objects.bulk_create(
            [
                MonthlyEntry(
                    node=leaf,
                    month=m,
                    plan_fisik=Decimal(m * 100) / 12,
                    plan_keuangan=leaf.pagu_dpa * m / 12,
                    realisasi_keuangan=Decimal(10_000 * i),
                    realisasi_fisik=Decimal(m * 5),
                )
                for leaf in subs
                for m in range(1, 13)
            ]
        )
        inds = Indicator.objects.bulk_create(
            [Indicator(node=leaf, statement="Jumlah dokumen", satuan="Dokumen") for leaf in subs]
        )
        IndicatorTarget.objects.bulk_create(
            [IndicatorTarget(indicator=ind, year=YEAR, value=Decimal(4)) for ind in inds]
        )
        IndicatorRealisation.objects.bulk_create(
            [
                IndicatorRealisation(indicator=ind, year=YEAR, month=6, value=Decimal(3))
                for ind in inds
            ]
        )
    return gov


def admin_of(gov, django_user_model, username: str):
    user = django_user_model.objects.create_user(username)
    Membership.objects.create(user=user, government=gov, role="admin")
    return user
