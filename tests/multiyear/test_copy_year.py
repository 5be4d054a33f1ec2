"""Copying a year's plan into a later year: structure and indicators, targets left empty,
codes mapped between nomenclature versions, units followed through a merge; refused when
the year already has a plan; atomic and audited."""

from decimal import Decimal as D

import pytest

from kinerja.audit.models import AuditEntry
from kinerja.multiyear import services
from kinerja.multiyear.models import CodeMapping, SasaranProgram
from kinerja.multiyear.selectors import year_comparison
from kinerja.org.models import Membership, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)

from .conftest import P90

pytestmark = pytest.mark.django_db


def test_copy_follows_the_merge_and_leaves_targets_empty(merged):
    result = services.copy_year(user=merged.operator_c, unit=merged.a, from_year=2020, to_year=2021)
    assert result.target_unit == merged.c
    plan = Plan.objects.get(unit=merged.c, year=2021)
    assert result.plan == plan and not result.dry_run
    assert plan.nomenclature == P90 and plan.structure == merged.plan.structure
    nodes = list(PlanNode.objects.filter(plan=plan).order_by("position"))
    assert [(n.code, n.level, n.name) for n in nodes] == [
        ("1.01.01", "program", "Program Penunjang"),
        ("1.01.01.2.01", "kegiatan", "Perencanaan"),
        ("1.01.01.2.01.0001", "sub_kegiatan", "Penyusunan Dokumen"),
        ("1.01.01.2.01.0002", "sub_kegiatan", "Penanganan Keluhan"),
    ]
    assert [n.parent.code if n.parent else None for n in nodes] == [
        None,
        "1.01.01",
        "1.01.01.2.01",
        "1.01.01.2.01",
    ]
    assert all(n.pagu_dpa is None and n.pagu_dppa is None for n in nodes)
    # Dinas A is carried by Dinas C; Dinas B has no successor in 2021
    assert nodes[1].responsible_unit == merged.c
    assert nodes[2].responsible_unit is None
    assert any("Dinas B tidak ada pada tahun 2021" in note for note in result.notes)
    assert any("Disalin ke Dinas C" in note for note in result.notes)
    indicators = Indicator.objects.filter(node__plan=plan).order_by("node__position")
    assert [(i.statement, i.polarity, i.cumulative, i.baseline) for i in indicators] == [
        ("Persentase layanan tepat waktu", "higher", False, D(92)),
        ("Jumlah dokumen", "higher", True, D(3)),  # 1 + 2: the 2020 realisation
        ("Jumlah keluhan", "lower", False, D(3)),
    ]
    assert not IndicatorTarget.objects.filter(indicator__node__plan=plan).exists()
    assert not IndicatorRealisation.objects.filter(indicator__node__plan=plan).exists()
    assert not MonthlyEntry.objects.filter(node__plan=plan).exists()
    entry = AuditEntry.objects.get(action="multiyear.copy_year", object_id=str(plan.id))
    assert entry.username == "op-c" and entry.unit == merged.c and entry.year == 2021
    assert "dinas-a 2020" in entry.new_value and "disalin dari rencana Dinas A 2020" in entry.reason
    assert result.summary().startswith(
        "Dinas A 2020 disalin ke Dinas C (gabungan A) 2021: 4 simpul"
    )


def test_copy_refuses_when_the_year_already_has_a_plan(merged):
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    before = (Plan.objects.count(), PlanNode.objects.count(), AuditEntry.objects.count())
    with pytest.raises(
        services.Refused, match="Dinas C \\(gabungan A\\) sudah punya rencana tahun 2021"
    ):
        services.copy_year(user=None, unit=merged.c, from_year=2020, to_year=2021)
    assert (Plan.objects.count(), PlanNode.objects.count(), AuditEntry.objects.count()) == before


def test_dry_run_writes_nothing(merged):
    before = (Plan.objects.count(), PlanNode.objects.count(), AuditEntry.objects.count())
    result = services.copy_year(
        user=None, unit=merged.a, from_year=2020, to_year=2021, dry_run=True
    )
    assert result.dry_run and result.plan is None
    assert len(result.nodes) == 4 and result.indicators == 3
    assert result.summary().startswith("Dinas A 2020 akan disalin ke")
    assert (Plan.objects.count(), PlanNode.objects.count(), AuditEntry.objects.count()) == before


def test_copy_from_the_successor_finds_the_predecessors_plan(merged):
    result = services.copy_year(user=None, unit=merged.c, from_year=2020, to_year=2021)
    assert result.source == merged.plan
    assert "Rencana asal milik unit pendahulu Dinas A." in result.notes


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"from_year": 2020, "to_year": 2020}, "harus sesudah tahun asal"),
        ({"from_year": 2019, "to_year": 2021}, "tidak punya rencana tahun 2019"),
    ],
)
def test_copy_refusals(merged, kwargs, message):
    with pytest.raises(services.Refused, match=message):
        services.copy_year(user=None, unit=merged.a, **kwargs)


def test_a_unit_split_in_two_needs_the_target_named(merged):
    OrgUnit.objects.create(
        government=merged.gov,
        slug="dinas-d",
        name="Dinas D",
        kind="perangkat_daerah",
        from_year=2021,
        predecessor=merged.a,
    )
    with pytest.raises(services.Refused, match="lebih dari satu penerus pada tahun 2021"):
        services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    result = services.copy_year(
        user=None, unit=merged.a, from_year=2020, to_year=2021, target_unit=merged.c
    )
    assert result.plan.unit == merged.c


def test_a_unit_that_ended_without_successor_is_refused(merged):
    with pytest.raises(services.Refused, match="Dinas B dan penerusnya tidak ada pada tahun 2021"):
        Plan.objects.create(unit=merged.b, year=2020, nomenclature=P90)
        services.copy_year(user=None, unit=merged.b, from_year=2020, to_year=2021)


def test_copy_into_someone_elses_unit_is_not_allowed(merged):
    with pytest.raises(services.NotAllowed):
        services.copy_year(user=merged.operator_b, unit=merged.a, from_year=2020, to_year=2021)
    with pytest.raises(services.NotAllowed):
        services.copy_year(user=merged.inspector, unit=merged.a, from_year=2020, to_year=2021)
    assert not Plan.objects.filter(unit=merged.c).exists()


NEW = "Kepmendagri 050-5889/2021"


def _mapping(*rows):
    for old, new, name in rows:
        CodeMapping.objects.create(
            old_version=P90, new_version=NEW, old_code=old, new_code=new, new_name=name
        )


def test_codes_are_carried_by_the_mapping_table(merged):
    _mapping(
        ("1.01.01.2.01", "1.01.01.2.02", "Perencanaan dan Evaluasi"),
        ("1.01.01.2.01.0002", "", ""),
    )
    result = services.copy_year(
        user=None, unit=merged.a, from_year=2020, to_year=2021, nomenclature=NEW
    )
    assert result.plan.nomenclature == NEW
    assert [(n.old_code, n.code, n.name, n.rule) for n in result.nodes] == [
        ("1.01.01", "1.01.01", "Program Penunjang", "same"),
        ("1.01.01.2.01", "1.01.01.2.02", "Perencanaan dan Evaluasi", "own"),
        ("1.01.01.2.01.0001", "1.01.01.2.02.0001", "Penyusunan Dokumen", "parent"),
    ]
    assert [r.old_code for r in result.removed] == ["1.01.01.2.01.0002"]
    assert sorted(PlanNode.objects.filter(plan=result.plan).values_list("code", flat=True)) == [
        "1.01.01",
        "1.01.01.2.02",
        "1.01.01.2.02.0001",
    ]
    # the comparison pairs the two years through the same table
    IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(node__plan=result.plan, statement="Jumlah dokumen"),
        year=2021,
        value=D(2),
    )
    comparison = year_comparison(merged.c, 2021)
    row = comparison.find("1.01.01.2.02.0001")
    assert (row.previous_code, row.matched_by) == ("1.01.01.2.01.0001", "kode dipetakan")
    assert row.indicators[0].warning == "target 2021 (2) lebih rendah dari realisasi 2020 (3)"


def test_a_mapping_that_breaks_the_tree_writes_nothing(merged):
    _mapping(("1.01.01.2.01.0001", "1.01.01.2.01.0002", ""))
    before = (Plan.objects.count(), PlanNode.objects.count())
    with pytest.raises(services.Refused, match="keduanya menjadi kode 1.01.01.2.01.0002"):
        services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021, nomenclature=NEW)
    assert (Plan.objects.count(), PlanNode.objects.count()) == before


def test_comparison_of_the_merged_unit_with_targets_set(merged):
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    plan = Plan.objects.get(unit=merged.c, year=2021)
    values = {
        "Persentase layanan tepat waktu": ("95", "91"),
        "Jumlah dokumen": ("2", "2"),
        "Jumlah keluhan": ("4", "1"),
    }
    for ind in Indicator.objects.filter(node__plan=plan):
        target, real = values[ind.statement]
        IndicatorTarget.objects.create(indicator=ind, year=2021, value=D(target))
        IndicatorRealisation.objects.create(indicator=ind, year=2021, month=12, value=D(real))
    comparison = year_comparison(merged.c, 2021)
    assert comparison.source == "plan" and comparison.previous_unit == merged.a
    program = comparison.find("1.01.01")
    layanan = program.indicators[0]
    assert (layanan.realisation, layanan.previous_realisation) == (D(91), D(92))
    assert layanan.value_trend.direction == "turun" and layanan.warning is None
    keluhan = comparison.find("1.01.01.2.01.0002").indicators[0]
    assert (keluhan.value_trend.direction, keluhan.value_trend.assessment) == ("turun", "membaik")
    assert keluhan.warning.startswith("target 2021 (4) lebih tinggi dari realisasi 2020 (3)")
    assert len(comparison.warnings) == 2
    kegiatan = comparison.find("1.01.01.2.01")
    # 2020: mean(3/4 = 75; (10-3)/5 = 140 → 100) = 87,5; 2021: mean(100; (8-1)/4 = 175 → 100)
    assert kegiatan.previous_achievement == D("87.5")
    assert kegiatan.achievement == D(100)
    assert kegiatan.trend.direction == "naik" and kegiatan.matched_by == "kode"


# --- on the demo agency ----------------------------------------------------------------


def _unit(slug):
    return OrgUnit.objects.get(slug=slug)


def test_demo_2020_into_2021_is_refused_because_the_successor_has_its_plan():
    with pytest.raises(services.Refused) as info:
        services.copy_year(user=None, unit=_unit("biro-pemerintahan"), from_year=2020, to_year=2021)
    assert str(info.value) == (
        "Biro Pemerintahan dan Kesejahteraan Rakyat sudah punya rencana tahun 2021; tidak ada"
        " yang disalin. Ubah rencana itu langsung."
    )


def test_demo_2021_into_2022():
    result = services.copy_year(
        user=None, unit=_unit("biro-pemkesra"), from_year=2021, to_year=2022
    )
    assert len(result.nodes) == 3 + 11 + 33
    assert result.indicators == 30  # the three Rp250 rows have no indicator
    assert result.changed == [] and result.removed == []
    plan = result.plan
    assert plan.nomenclature == "Permendagri 90/2019"
    ind = Indicator.objects.get(node__plan=plan, node__code="4.01.01.1.01.06")
    assert ind.baseline == 0  # realised 0 of 1 in 2021


def test_demo_2020_into_2022_carries_the_sasaran_links():
    result = services.copy_year(
        user=None, unit=_unit("biro-pemerintahan"), from_year=2020, to_year=2022
    )
    assert result.target_unit.slug == "biro-pemkesra"
    assert result.links == 2
    linked = SasaranProgram.objects.filter(node__plan=result.plan).values_list(
        "node__code", flat=True
    )
    assert sorted(linked) == ["01", "02"]
    # the biro in charge of the programs is followed to its successor; the sub bagian in
    # charge of the kegiatan in 2020 have none in 2022
    in_charge = {
        n.code: n.responsible_unit.slug if n.responsible_unit else None
        for n in PlanNode.objects.filter(plan=result.plan, level__in=["program", "kegiatan"])
    }
    assert in_charge["01"] == in_charge["02"] == "biro-pemkesra"
    assert in_charge["02.01"] is None
    assert any("Sub Bagian Kerjasama Daerah tidak ada pada tahun 2022" in n for n in result.notes)


def test_the_head_of_the_unit_does_not_copy(merged):
    """Copying a year creates a plan, so it follows the plan editor: admin and operator only."""
    from .conftest import _user

    head = _user("kepala_c", merged.c.government, Membership.Role.HEAD, merged.c)
    with pytest.raises(services.NotAllowed):
        services.copy_year(user=head, unit=merged.a, from_year=2020, to_year=2021)
    assert not Plan.objects.filter(unit=merged.c).exists()


def test_a_renamed_unit_and_then_merged_is_followed_over_two_years(merged):
    """Dinas B is renamed in 2021 (Dinas B Baru) and merged into Dinas E in 2022: its 2020
    plan is copied to the renamed unit for 2021, and to Dinas E for 2022."""
    renamed = OrgUnit.objects.create(
        government=merged.gov,
        slug="dinas-b-baru",
        name="Dinas B Baru",
        kind="perangkat_daerah",
        from_year=2021,
        to_year=2021,
        predecessor=merged.b,
    )
    e = OrgUnit.objects.create(
        government=merged.gov,
        slug="dinas-e",
        name="Dinas E",
        kind="perangkat_daerah",
        from_year=2022,
        predecessor=renamed,
    )
    plan = Plan.objects.create(unit=merged.b, year=2020, nomenclature=P90)
    PlanNode.objects.create(plan=plan, code="2.01.01", level="program", name="Program B")
    result = services.copy_year(user=None, unit=merged.b, from_year=2020, to_year=2021)
    assert result.target_unit == renamed and result.plan.unit == renamed
    assert any("Disalin ke Dinas B Baru" in note for note in result.notes)
    to_2022 = services.copy_year(user=None, unit=merged.b, from_year=2020, to_year=2022)
    assert to_2022.target_unit == e
    assert list(PlanNode.objects.filter(plan=to_2022.plan).values_list("code", flat=True)) == [
        "2.01.01"
    ]
    # from Dinas E's side, 2020 is its predecessor's predecessor's plan
    Plan.objects.filter(unit=e, year=2022).delete()
    again = services.copy_year(user=None, unit=e, from_year=2020, to_year=2022)
    assert again.source == plan and again.target_unit == e
    assert any("milik unit pendahulu Dinas B" in note for note in again.notes)


def test_a_unit_in_charge_merged_into_one_that_continues_is_followed(merged):
    """Dinas B (in charge of a sub kegiatan) is merged in 2021 into Dinas D, which existed
    before: the copied sub kegiatan is Dinas D's."""
    d = OrgUnit.objects.create(
        government=merged.gov,
        slug="dinas-d",
        name="Dinas D",
        kind="perangkat_daerah",
        from_year=2019,
        predecessor=merged.b,
    )
    result = services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    node = PlanNode.objects.get(plan=result.plan, code="1.01.01.2.01.0001")
    assert node.responsible_unit == d
    assert not any("Dinas B" in note for note in result.notes)


@pytest.fixture
def b_plan(merged):
    """Dinas B, also merged into Dinas C in 2021 (C's recorded predecessor is A), with its
    2020 plan: the same generic program as A's (one indicator the same, one its own), a
    kegiatan and sub kegiatan of its own, and a second program."""
    services.copy_year(user=None, unit=merged.a, from_year=2020, to_year=2021)
    plan = Plan.objects.create(unit=merged.b, year=2020, nomenclature=P90)
    program = PlanNode.objects.create(
        plan=plan, code="1.01.01", level="program", name="Program Penunjang", position=1
    )
    Indicator.objects.create(node=program, statement="Persentase layanan tepat waktu", satuan="%")
    own = Indicator.objects.create(node=program, statement="Indeks kepuasan layanan B")
    IndicatorRealisation.objects.create(indicator=own, year=2020, month=12, value=D("3.1"))
    kegiatan = PlanNode.objects.create(
        plan=plan,
        parent=program,
        code="1.01.01.2.02",
        level="kegiatan",
        name="Pelayanan B",
        position=2,
    )
    leaf = PlanNode.objects.create(
        plan=plan,
        parent=kegiatan,
        code="1.01.01.2.02.0001",
        level="sub_kegiatan",
        name="Layanan Perizinan B",
        position=3,
        pagu_dpa=D(700000),
    )
    Indicator.objects.create(node=leaf, statement="Jumlah izin", satuan="Izin")
    PlanNode.objects.create(
        plan=plan, code="2.01.01", level="program", name="Program B", position=4
    )
    return plan


def _merge_b(merged, **kwargs):
    """Dinas B's 2020 plan merged into Dinas C's 2021 plan by the government's admin."""
    return services.copy_year(
        user=merged.admin,
        unit=merged.b,
        from_year=2020,
        to_year=2021,
        target_unit=merged.c,
        merge=True,
        **kwargs,
    )


def test_a_second_merged_unit_s_plan_is_added_to_the_successor_s(merged, b_plan):
    target = Plan.objects.get(unit=merged.c, year=2021)
    with pytest.raises(services.Refused, match="sudah punya rencana tahun 2021"):
        services.copy_year(
            user=merged.admin, unit=merged.b, from_year=2020, to_year=2021, target_unit=merged.c
        )
    before = PlanNode.objects.filter(plan=target).count()
    preview = _merge_b(merged, dry_run=True)
    assert preview.summary().startswith("Dinas B 2020 akan digabung ke rencana Dinas C")
    assert PlanNode.objects.filter(plan=target).count() == before
    result = _merge_b(merged)
    assert result.plan == target and result.joined == ["1.01.01"]
    codes = list(
        PlanNode.objects.filter(plan=target).order_by("position").values_list("code", flat=True)
    )
    assert codes == [
        "1.01.01",
        "1.01.01.2.01",
        "1.01.01.2.01.0001",
        "1.01.01.2.01.0002",
        "1.01.01.2.02",
        "1.01.01.2.02.0001",
        "2.01.01",
    ]
    program = PlanNode.objects.get(plan=target, code="1.01.01")
    assert PlanNode.objects.get(plan=target, code="1.01.01.2.02").parent == program
    statements = list(
        Indicator.objects.filter(node=program).order_by("id").values_list("statement", "baseline")
    )
    # A's indicator kept once; B's own added with its 2020 realisation as baseline
    assert statements == [
        ("Persentase layanan tepat waktu", D(92)),
        ("Indeks kepuasan layanan B", D("3.1")),
    ]
    leaf = PlanNode.objects.get(plan=target, code="1.01.01.2.02.0001")
    assert leaf.pagu_dpa is None and leaf.indicators.get().statement == "Jumlah izin"
    entry = AuditEntry.objects.get(action="multiyear.copy_year_merge")
    assert entry.unit == merged.c and "digabung dari rencana Dinas B 2020" in entry.reason


def test_the_year_comparison_reads_the_merged_unit_s_plan_for_its_rows(merged, b_plan):
    """Dinas C's 2021 plan holds A's rows (its recorded predecessor) and B's (merged in): each
    row is compared with the 2020 plan it came from, and Tabel 8.2 says so."""
    from kinerja.plans.selectors import compute_plan
    from kinerja.reports.build_evaluasi import table_8_2
    from kinerja.reports.context import report_context

    leaf = b_plan.nodes.get(code="1.01.01.2.02.0001")
    izin = leaf.indicators.get()
    IndicatorTarget.objects.create(indicator=izin, year=2020, value=D(40))
    IndicatorRealisation.objects.create(indicator=izin, year=2020, month=12, value=D(30))
    before_b = {n.code: n for n in _nodes(compute_plan(b_plan).root)}
    before_a = {n.code: n for n in _nodes(compute_plan(merged.plan).root)}
    assert before_b["1.01.01.2.02"].achievement.value == D(75)

    unmerged = year_comparison(merged.c, 2021)
    assert unmerged.find("1.01.01.2.02") is None and unmerged.merged_units == ()
    _merge_b(merged)
    target = Plan.objects.get(unit=merged.c, year=2021)
    assert list(target.merged_from.all()) == [b_plan]

    comparison = year_comparison(merged.c, 2021)
    assert comparison.previous_unit == merged.a and comparison.merged_units == (merged.b,)
    got = {
        r.code: (r.previous_code, r.matched_by, r.merged_from, r.previous_achievement)
        for r in comparison.rows
    }
    assert got == {
        # the shared program and A's rows: from A's plan, the recorded predecessor
        "1.01.01": ("1.01.01", "kode", "", before_a["1.01.01"].achievement.value),
        "1.01.01.2.01": ("1.01.01.2.01", "kode", "", before_a["1.01.01.2.01"].achievement.value),
        "1.01.01.2.01.0001": (
            "1.01.01.2.01.0001",
            "kode",
            "",
            before_a["1.01.01.2.01.0001"].achievement.value,
        ),
        "1.01.01.2.01.0002": (
            "1.01.01.2.01.0002",
            "kode",
            "",
            before_a["1.01.01.2.01.0002"].achievement.value,
        ),
        # B's rows: from B's plan
        "1.01.01.2.02": ("1.01.01.2.02", "kode", "Dinas B", D(75)),
        "1.01.01.2.02.0001": ("1.01.01.2.02.0001", "kode", "Dinas B", D(75)),
        "2.01.01": ("2.01.01", "kode", "Dinas B", before_b["2.01.01"].achievement.value),
    }
    leaf_row = comparison.find("1.01.01.2.02.0001")
    assert leaf_row.indicators[0].previous_realisation == D(30)

    table = table_8_2(report_context(merged.c, 2021))
    assert any(
        "baris yang digabung dari rencana 2020 Dinas B dibandingkan dengan rencana itu" in note
        for note in table.notes
    )
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(merged.admin)
    page = client.get(reverse("multiyear-comparison", args=["dinas-c", 2021])).content.decode()
    assert page.count("; dari rencana Dinas B yang digabung)") == 3
    # deleting the merged plan takes the link with it, and the rows are unpaired again
    b_plan.delete()
    assert year_comparison(merged.c, 2021).find("1.01.01.2.02").matched_by == ""


def _nodes(root):
    for child in root.children:
        yield child
        yield from _nodes(child)


def test_merging_refuses_conflicts_and_needs_a_plan_and_access(merged, b_plan):
    PlanNode.objects.create(
        plan=b_plan,
        parent=b_plan.nodes.get(code="1.01.01.2.02"),
        code="1.01.01.2.02.0002",
        level="sub_kegiatan",
        name="x",
    )
    clash = PlanNode.objects.create(
        plan=b_plan,
        parent=None,
        code="1.01.01.2.01",
        level="program",
        name="Kode yang sama, tingkat lain",
    )
    args = {"unit": merged.b, "from_year": 2020, "to_year": 2021, "target_unit": merged.c}
    in_target = PlanNode.objects.filter(plan__unit=merged.c, plan__year=2021)
    before = sorted(in_target.values_list("code", flat=True))
    with pytest.raises(services.Refused, match="1.01.01.2.01 sudah ada sebagai kegiatan"):
        services.copy_year(user=merged.admin, merge=True, **args)
    clash.delete()
    leaf = PlanNode.objects.create(
        plan=b_plan,
        parent=b_plan.nodes.get(code="1.01.01"),
        code="1.01.01.2.01",
        level="kegiatan",
        name="Perencanaan",
    )
    PlanNode.objects.create(
        plan=b_plan, parent=leaf, code="1.01.01.2.01.0001", level="sub_kegiatan", name="Dok"
    )
    with pytest.raises(services.Refused, match="1.01.01.2.01.0001 Penyusunan Dokumen sudah ada"):
        services.copy_year(user=merged.admin, merge=True, **args)
    assert sorted(in_target.values_list("code", flat=True)) == before  # nothing written
    # Dinas C's operator cannot read Dinas B, which is not C's recorded predecessor
    with pytest.raises(services.NotAllowed):
        services.copy_year(user=merged.operator_c, merge=True, **args)
    Plan.objects.filter(unit=merged.c, year=2021).delete()
    with pytest.raises(services.Refused, match="belum punya rencana tahun 2021 untuk digabung"):
        services.copy_year(user=merged.admin, merge=True, **args)


def test_the_copy_page_merges_into_another_unit_s_plan(merged, b_plan):
    from django.test import Client

    client = Client()
    client.force_login(merged.admin)
    url = "/unit/dinas-b/2020/salin/"
    html = client.get(url).content.decode()
    assert "Dinas B dan penerusnya tidak ada pada tahun 2021" in html
    assert "Unit lain (untuk digabung)" in html
    assert f'<option value="{merged.c.pk}">Dinas C (gabungan A)</option>' in html
    data = {"to_year": "2021", "target": str(merged.c.pk), "merge": "1"}
    preview = client.post(url, {**data, "action": "preview"}).content.decode()
    assert "Dinas B 2020 akan digabung ke rencana Dinas C (gabungan A) 2021" in preview
    assert not PlanNode.objects.filter(plan__unit=merged.c, code="2.01.01").exists()
    without = client.post(url, {**data, "merge": "", "action": "copy"}).content.decode()
    assert "sudah punya rencana tahun 2021" in without
    done = client.post(url, {**data, "action": "copy"})
    assert done.status_code == 302 and done["Location"] == "/unit/dinas-c/2021/"
    assert PlanNode.objects.filter(plan__unit=merged.c, code="2.01.01").exists()


def test_the_copy_command_merges(merged, b_plan, capsys):
    from django.core.management import call_command

    args = ["copy_year", "--unit", "dinas-b", "--from", "2020", "--to", "2021"]
    call_command(*args, "--to-unit", "dinas-c", "--merge")
    out = capsys.readouterr().out
    assert out.startswith(
        "Dinas B 2020 digabung ke rencana Dinas C (gabungan A) 2021: 4 simpul (1 sudah ada),"
        " 2 indikator,"
    )
    assert "- Digabung ke rencana Dinas C (gabungan A) yang sudah ada (Permendagri 90/2019)." in out
    assert PlanNode.objects.filter(plan__unit=merged.c, code="2.01.01").exists()
