"""The checks of the Perjanjian Kinerja for a unit merged between two years: in 2021 the demo's
Biro Pemerintahan is merged into the Biro Pemerintahan dan Kesejahteraan Rakyat. Its 2021
agreements are checked against its own 2021 plan and its own sub-units of 2021; the
predecessor's 2020 agreements neither satisfy nor disturb them."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kinerja.agreements import services
from kinerja.agreements.models import PerformanceAgreement
from kinerja.agreements.selectors import unit_findings
from kinerja.agreements.services import BudgetInput, LineInput
from kinerja.org.models import OrgUnit
from kinerja.plans.models import PlanNode

pytestmark = pytest.mark.django_db
D = Decimal


def _leaves(plan_unit, year):
    nodes = list(PlanNode.objects.filter(plan__unit=plan_unit, plan__year=year))
    parents = {n.parent_id for n in nodes}
    return sorted(
        (n for n in nodes if n.id not in parents and (n.pagu or 0) > 0), key=lambda n: n.code
    )


@pytest.fixture
def merged_2021(unit, user):
    biro = unit("biro-pemkesra")
    assert biro.predecessor == unit("biro-pemerintahan")
    bagian = OrgUnit.objects.create(
        government=biro.government,
        parent=biro,
        slug="bagian-otda",
        name="Bagian Otonomi Daerah",
        kind="bagian",
        eselon="III",
        from_year=2021,
        predecessor=unit("bagian-kerjasama"),
    )
    leaves = _leaves(biro, 2021)
    assert len(leaves) >= 2
    operator = user("operator")
    biro_pk = services.agreement_create(
        user=operator,
        unit=biro,
        year=2021,
        title="PK Kepala Biro 2021",
        superior_unit=unit("setda"),
        signed_on=datetime.date(2021, 1, 4),
        lines=[
            LineInput("Program A", "Nilai SAKIP", "Skala", D("70")),
            LineInput("Program A", "Indeks Reformasi Birokrasi", "Skala", D("65")),
        ],
        # the biro's anggaran lists every leaf but the last: that one is nobody's
        budget=[BudgetInput(node_id=n.id, amount=n.pagu) for n in leaves[:-1]],
    )
    sakip = biro_pk.rows.get(statement="Nilai SAKIP")
    services.agreement_create(
        user=operator,
        unit=bagian,
        year=2021,
        title="PK Kepala Bagian 2021",
        superior_unit=biro,
        signed_on=datetime.date(2021, 1, 5),
        lines=[
            LineInput(
                "Kegiatan B", "Dokumen kebijakan otda", "Dokumen", D("4"), parent_id=sakip.id
            ),
            LineInput("Kegiatan B", "Rapat koordinasi", "Kali", D("6")),
        ],
    )
    return biro, bagian, leaves


def test_the_merged_unit_s_checks_are_its_own_year(unit, merged_2021):
    biro, bagian, leaves = merged_2021
    findings = unit_findings(biro, 2021)
    got = sorted((f.code, f.where) for f in findings)
    assert [code for code, _where in got] == [
        "pk_no_children",  # Indeks Reformasi Birokrasi: no bagian line supports it
        "pk_no_parent",  # Rapat koordinasi supports nothing of the biro's
        "pk_unassigned_leaf",  # the last leaf
    ]
    where = dict(got)
    assert "Indeks Reformasi Birokrasi" in where["pk_no_children"]
    assert "Rapat koordinasi" in where["pk_no_parent"]
    assert where["pk_unassigned_leaf"].startswith(leaves[-1].code + " ")
    # the predecessor's 2020 agreements (which exist) are not in the 2021 scope
    assert PerformanceAgreement.objects.filter(unit__slug="biro-pemerintahan", year=2020).exists()
    named = {f.where.split(" (PK")[0] for f in findings if "(PK versi" in f.where}
    assert named == {"Bagian Otonomi Daerah", "Biro Pemerintahan dan Kesejahteraan Rakyat"}


@pytest.fixture
def findings_2020_before(db):
    return unit_findings(OrgUnit.objects.get(slug="biro-pemerintahan"), 2020)


def test_the_predecessor_s_year_is_unchanged(unit, findings_2020_before, merged_2021):
    """2020 of the predecessor is checked as before the 2021 agreements were made."""
    after = unit_findings(unit("biro-pemerintahan"), 2020)
    assert [(f.code, f.where) for f in after] == [(f.code, f.where) for f in findings_2020_before]
    assert len(after) == 10  # the demo's 3 errors and 7 warnings


def test_the_command_checks_the_merged_unit(merged_2021):
    out = StringIO()
    with pytest.raises(CommandError) as ended:
        call_command("check", "--unit", "biro-pemkesra", "--year", "2021", stdout=out)
    assert ended.value.returncode == 1
    text = out.getvalue()
    assert "Biro Pemerintahan dan Kesejahteraan Rakyat tahun 2021" in text
    assert "[GALAT] pk_no_parent" in text and "[GALAT] pk_unassigned_leaf" in text
    assert text.rstrip().endswith("2 galat, 1 peringatan.")
