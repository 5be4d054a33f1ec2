"""The demo agreements reproduce BAB VIII of the seed report, and every check finds on them
what the report gets wrong (and nothing else)."""

from decimal import Decimal

import pytest

from kinerja.agreements.checks import ERROR, WARNING
from kinerja.agreements.demo import load_agreements
from kinerja.agreements.models import (
    AgreementBudgetLine,
    AgreementRow,
    AgreementVersion,
    PerformanceAgreement,
)
from kinerja.agreements.selectors import agreement_in_force, agreements_in_force, unit_findings
from kinerja.agreements.selectors import subtree as units_under
from kinerja.demo import seed_data
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Plan, PlanNode

pytestmark = pytest.mark.django_db


def biro_docs():
    biro = OrgUnit.objects.get(slug="biro-pemerintahan")
    return agreements_in_force(units_under(biro, 2020), 2020)


def test_thirteen_agreements_of_bab_viii_as_printed():
    docs = biro_docs()
    assert [d.eselon for d in docs] == ["II"] + ["III"] * 3 + ["IV"] * 9
    printed = {a["unit"]: a for a in seed_data.PERFORMANCE_AGREEMENTS}
    for d in docs:
        spec = printed[d.unit_slug]
        assert d.title == spec["title"]
        assert [line.statement for line in d.lines] == [r["statement"] for r in spec["rows"]]
        assert [line.target for line in d.lines] == [Decimal(r["target"]) for r in spec["rows"]]
        assert d.version == 1 and d.signed_on is None and d.is_latest
    assert AgreementVersion.objects.filter(agreement__year=2020).count() == 13


def test_parties_are_the_heads_the_report_names():
    biro = biro_docs()[0]
    assert biro.official.name == "GUNAWAN RUSMINTO, AP, M.Si"
    assert biro.official.nip == "197410041994021002"
    assert biro.superior.jabatan == "Sekretaris Daerah Provinsi Banten"
    assert biro.superior.name == ""  # the report names no Sekretaris Daerah


def test_rupabumi_line_is_linked_to_the_plan_indicator():
    doc = agreement_in_force(OrgUnit.objects.get(slug="subbag-rupabumi"), 2020)
    first = doc.lines[0]
    assert (first.statement, first.target, first.node_code) == (
        "Tersusunnya administrasi Rupabumi", Decimal(4), "02.03.01"
    )
    row = AgreementRow.objects.select_related("indicator__node").get(id=first.key)
    assert row.indicator.node.code == "02.03.01"
    assert row.indicator.targets.get(year=2020).value == Decimal(4)


def test_the_kepala_biro_annex_is_tabel_2_1_and_adds_up_to_the_plan():
    biro = biro_docs()[0]
    assert len(biro.budget) == 33  # 9 kegiatan and 24 tolok ukur
    plan = Plan.objects.get(unit__slug="biro-pemerintahan", year=2020)
    leaves = PlanNode.objects.filter(plan=plan, level="tolok_ukur")
    assert biro.budget_total == sum(n.pagu for n in leaves) == Decimal(2802281000)
    rupabumi = next(b for b in biro.budget if b.code == "02.03.01")
    assert (rupabumi.target, rupabumi.amount) == (Decimal(2), Decimal(131400000))


def test_cascade_links_every_line_but_kewilayahan():
    docs = {d.unit_slug: d for d in biro_docs()}
    keys = {d.unit_slug: {line.key for line in d.lines} for d in docs.values()}
    for slug, d in docs.items():
        if d.eselon == "II" or slug == "bagian-kewilayahan":
            assert all(line.parent_key is None for line in d.lines), slug
            continue
        superior = OrgUnit.objects.get(id=d.superior_unit_id).slug
        assert all(line.parent_key in keys[superior] for line in d.lines), slug


def test_anggaran_of_bagian_and_sub_bagian_from_the_plan():
    docs = {d.unit_slug: d for d in biro_docs()}
    assert [b.code for b in docs["bagian-kewilayahan"].budget] == ["02.03", "02.04", "02.05"]
    assert docs["bagian-kewilayahan"].budget_total == Decimal(598202000)
    assert [b.code for b in docs["subbag-rupabumi"].budget] == ["02.03.01", "02.03.02"]


def test_checks_find_what_the_report_gets_wrong():
    findings = unit_findings(OrgUnit.objects.get(slug="biro-pemerintahan"), 2020)
    errors = [(f.code, f.where, f.expected, f.found) for f in findings if f.severity == ERROR]
    assert errors == [
        (
            "pk_no_parent",
            "Bagian Administrasi Kewilayahan (PK versi 1) › indikator 1: Persentase realisasi "
            "kebijakan administrasi kewilayahan",
            "mendukung salah satu dari 6 indikator PK atasan",
            "tidak terhubung",
        ),
        (
            "pk_target_mismatch",
            "Biro Pemerintahan (PK versi 1) › anggaran: 02.02.02 Penyusunan Perumusan Kebijakan "
            "Teknis Kerjasama Luar Negeri",
            "0 Dokumen",
            "1 Dokumen",
        ),
        (
            "pk_target_mismatch",
            "Biro Pemerintahan (PK versi 1) › anggaran: 02.03.01 Administrasi Rupabumi",
            "4 Dokumen",
            "2 Dokumen",
        ),
    ]
    warnings = [f for f in findings if f.severity == WARNING]
    assert {f.code for f in warnings} == {"pk_satuan_mismatch"}
    assert sorted(f.where.split(": ")[1].split()[0] for f in warnings) == [
        "01.01.01", "01.01.02", "01.01.03", "01.01.04", "01.01.05", "02.05.01", "02.05.02"
    ]


def test_a_sub_bagian_checked_alone_resolves_its_links_upwards():
    assert unit_findings(OrgUnit.objects.get(slug="subbag-rupabumi"), 2020) == []


def test_a_plan_with_nobody_s_agreement():
    unit = OrgUnit.objects.get(slug="biro-pemkesra")
    findings = unit_findings(unit, 2021)
    plan = Plan.objects.get(unit=unit, year=2021)
    parents = set(PlanNode.objects.filter(plan=plan).values_list("parent_id", flat=True))
    with_pagu = [n for n in PlanNode.objects.filter(plan=plan) if n.id not in parents
                 and (n.pagu or 0) > 0]
    assert [f.code for f in findings] == ["pk_unassigned_leaf"] * len(with_pagu) + ["pk_missing"]
    assert len(with_pagu) > 0
    assert {f.where.split()[0] for f in findings[:-1]} == {n.code for n in with_pagu}


def test_changed_anggaran_is_found():
    line = AgreementBudgetLine.objects.get(
        agreement__unit__slug="subbag-rupabumi", code="02.03.01"
    )
    line.amount = Decimal("131000000")
    line.save()
    findings = unit_findings(OrgUnit.objects.get(slug="subbag-rupabumi"), 2020)
    assert [(f.code, f.expected, f.found) for f in findings] == [
        ("pk_budget_mismatch", "Rp131.400.000", "Rp131.000.000")
    ]


def test_a_leaf_nobody_answers_for_is_found():
    PerformanceAgreement.objects.get(unit__slug="subbag-batas").budget_lines.all().delete()
    AgreementRow.objects.filter(agreement__unit__slug="subbag-batas").update(node=None)
    AgreementBudgetLine.objects.filter(
        agreement__unit__slug__in=["biro-pemerintahan", "bagian-kewilayahan"],
        code__startswith="02.05",
    ).delete()
    findings = unit_findings(OrgUnit.objects.get(slug="biro-pemerintahan"), 2020)
    unassigned = [f.where for f in findings if f.code == "pk_unassigned_leaf"]
    assert unassigned == [
        "02.05.01 Administrasi Batas Daerah",
        "02.05.02 Pembangunan dan Pemeliharaan Pilar Batas Daerah",
    ]


def test_loading_again_changes_nothing():
    def state():
        return (
            list(PerformanceAgreement.objects.order_by("id").values_list("id", "version")),
            AgreementRow.objects.count(),
            AgreementBudgetLine.objects.count(),
            AgreementVersion.objects.count(),
            [d.to_dict() | {"agreement_id": 0} for d in biro_docs()],
        )

    units = {u.slug: u for u in OrgUnit.objects.all()}
    before = state()
    load_agreements(units)
    after = state()
    assert before[:4] == after[:4]
    strip = [{**d, "lines": [{**x, "key": 0, "parent_key": bool(x["parent_key"])}
                             for x in d["lines"]]} for d in after[4]]
    strip_before = [{**d, "lines": [{**x, "key": 0, "parent_key": bool(x["parent_key"])}
                                    for x in d["lines"]]} for d in before[4]]
    assert strip == strip_before


def test_agreements_in_force_read_in_a_fixed_number_of_queries(django_assert_num_queries):
    biro = OrgUnit.objects.get(slug="biro-pemerintahan")
    units = units_under(biro, 2020)
    one = [OrgUnit.objects.get(slug="subbag-rupabumi")]
    # agreements, versions, rows, anggaran, heads: whether 1 or 13 agreements
    with django_assert_num_queries(5):
        assert len(agreements_in_force(one, 2020)) == 1
    with django_assert_num_queries(5):
        assert len(agreements_in_force(units, 2020)) == 13


def test_the_versions_in_force_are_what_the_reports_print_today():
    """The reports read the agreements' rows directly; ``agreements_in_force`` gives the same
    agreements, in the same order, with the same lines, so switching the reports to it
    changes nothing until an agreement is revised."""
    from kinerja.reports.context import report_context

    biro = OrgUnit.objects.get(slug="biro-pemerintahan")
    printed = report_context(biro, 2020).agreements
    docs = biro_docs()
    assert [(a.title, a.unit_name, a.eselon) for a in printed] == [
        (d.title, d.unit_name, d.eselon) for d in docs
    ]
    for a, d in zip(printed, docs, strict=True):
        assert [
            (x.subject, x.statement, x.satuan, x.target, x.target_label, x.node_code)
            for x in a.lines
        ] == [
            (x.subject, x.statement, x.satuan, x.target, x.target_label, x.node_code)
            for x in d.lines
        ]
        assert a.superior_name == (d.superior_title or d.superior_unit_name)
        assert (a.official.name if a.official else "") == d.official.name
