"""A small hand-made government for the multi-year tests: Dinas A and Dinas B exist in
2019–2020; in 2021 Dinas A is merged into Dinas C (``predecessor`` A). Dinas A has a plan
for 2020 with a program, a kegiatan and two sub kegiatan, each with an indicator, targets
and realisations."""

from dataclasses import dataclass
from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model

from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Plan,
    PlanNode,
)

P90 = "Permendagri 90/2019"


@dataclass
class Merged:
    gov: Government
    a: OrgUnit
    b: OrgUnit
    c: OrgUnit
    plan: Plan
    operator_c: object
    operator_b: object
    admin: object
    inspector: object


def _user(username, gov, role, unit=None):
    user = get_user_model().objects.create_user(username=username, password="x")
    Membership.objects.create(user=user, government=gov, unit=unit, role=role)
    return user


def _indicator(node, statement, satuan, *, target, months, polarity="higher", cumulative=True):
    ind = Indicator.objects.create(
        node=node, statement=statement, satuan=satuan, polarity=polarity, cumulative=cumulative
    )
    IndicatorTarget.objects.create(indicator=ind, year=node.plan.year, value=D(target))
    for month, value in months.items():
        IndicatorRealisation.objects.create(
            indicator=ind, year=node.plan.year, month=month, value=D(value)
        )
    return ind


@pytest.fixture
def merged(db) -> Merged:
    gov = Government.objects.create(name="Kabupaten Uji", kind="kabupaten", code="99.01")
    a = OrgUnit.objects.create(
        government=gov,
        slug="dinas-a",
        name="Dinas A",
        kind="perangkat_daerah",
        from_year=2019,
        to_year=2020,
    )
    b = OrgUnit.objects.create(
        government=gov,
        slug="dinas-b",
        name="Dinas B",
        kind="perangkat_daerah",
        from_year=2019,
        to_year=2020,
    )
    c = OrgUnit.objects.create(
        government=gov,
        slug="dinas-c",
        name="Dinas C (gabungan A)",
        kind="perangkat_daerah",
        from_year=2021,
        predecessor=a,
    )
    plan = Plan.objects.create(unit=a, year=2020, nomenclature=P90)
    program = PlanNode.objects.create(
        plan=plan, code="1.01.01", level="program", name="Program Penunjang", position=1
    )
    _indicator(
        program,
        "Persentase layanan tepat waktu",
        "%",
        target="90",
        months={12: "92"},
        cumulative=False,
    )
    kegiatan = PlanNode.objects.create(
        plan=plan,
        parent=program,
        code="1.01.01.2.01",
        level="kegiatan",
        name="Perencanaan",
        position=2,
        responsible_unit=a,
    )
    doc = PlanNode.objects.create(
        plan=plan,
        parent=kegiatan,
        code="1.01.01.2.01.0001",
        level="sub_kegiatan",
        name="Penyusunan Dokumen",
        position=3,
        pagu_dpa=D("1000000"),
        responsible_unit=b,
    )
    _indicator(doc, "Jumlah dokumen", "Dokumen", target="4", months={6: "1", 11: "2"})
    keluhan = PlanNode.objects.create(
        plan=plan,
        parent=kegiatan,
        code="1.01.01.2.01.0002",
        level="sub_kegiatan",
        name="Penanganan Keluhan",
        position=4,
        pagu_dpa=D("500000"),
    )
    _indicator(
        keluhan,
        "Jumlah keluhan",
        "Kasus",
        target="5",
        months={12: "3"},
        polarity="lower",
        cumulative=False,
    )
    return Merged(
        gov=gov,
        a=a,
        b=b,
        c=c,
        plan=plan,
        operator_c=_user("op-c", gov, "operator", c),
        operator_b=_user("op-b", gov, "operator", b),
        admin=_user("admin-uji", gov, "admin"),
        inspector=_user("insp-uji", gov, "inspectorate"),
    )
