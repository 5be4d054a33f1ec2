"""Plan editing services on the demo agency: every rule, who may write, the audit trail
with old and new values, and nothing half-written."""

from decimal import Decimal as D

import pytest

from kinerja.audit.models import AuditEntry
from kinerja.plans import services
from kinerja.plans.models import (
    Indicator,
    IndicatorTarget,
    MonthlyEntry,
    Nomenclature,
    Plan,
    PlanNode,
    Sasaran,
)
from kinerja.plans.selectors import compute_plan
from kinerja.realisation.models import MonthStatus

pytestmark = pytest.mark.django_db

KAS = tuple(D(100_000) for _ in range(12))  # Rp1.200.000 over the year
FISIK = tuple(D(v) for v in (5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100))


def state(plan):
    """Everything the plan services may change, to prove a refusal changed nothing."""
    return (
        sorted(
            PlanNode.objects.filter(plan=plan).values_list(
                "id", "code", "name", "position", "pagu_dpa", "pagu_dppa", "budget_in_force"
            )
        ),
        sorted(
            MonthlyEntry.objects.filter(node__plan=plan).values_list(
                "node_id", "month", "plan_keuangan", "plan_fisik"
            )
        ),
        sorted(Indicator.objects.filter(node__plan=plan).values_list("id", "statement")),
        sorted(IndicatorTarget.objects.values_list("id", "value", "low", "high", "label")),
        AuditEntry.objects.count(),
        Plan.objects.count(),
    )


def node(plan, code):
    return PlanNode.objects.select_related("plan__unit__government", "parent").get(
        plan=plan, code=code
    )


def changes(action, obj):
    """{field: (old, new)} of the audit entries of ``action`` on ``obj`` (the latest entry
    of each field)."""
    return {
        e.field: (e.old_value, e.new_value)
        for e in AuditEntry.objects.filter(
            action=action, model=f"plans.{type(obj).__name__}", object_id=str(obj.pk)
        ).order_by("id")
    }


def build(plan, user):
    """Program 4.01.01 › kegiatan 4.01.01.1.02 › sub 4.01.01.1.02.01 (Rp1.200.000 DPA)."""
    op = user("operator")
    program = services.node_create(user=op, plan=plan, parent=None, code="4.01.01")
    kegiatan = services.node_create(user=op, plan=plan, parent=program, code="4.01.01.1.02")
    leaf = services.node_create(
        user=op, plan=plan, parent=kegiatan, code="4.01.01.1.02.01", pagu_dpa=D(1_200_000)
    )
    return program, kegiatan, leaf


# --- plans ---------------------------------------------------------------------------------


def test_operator_creates_a_plan_and_it_is_audited(plan_2022):
    assert plan_2022.nomenclature == "Permendagri 90/2019"
    assert services.plan_version(plan_2022) == "permendagri-90-2019"
    assert changes("plan.create", plan_2022) == {
        "year": ("", "2022"),
        "nomenclature": ("", "Permendagri 90/2019"),
        "structure": ("", "program-kegiatan-sub_kegiatan"),
    }
    entry = AuditEntry.objects.get(action="plan.create", field="year")
    assert entry.username == "operator" and entry.unit_id == plan_2022.unit_id


@pytest.mark.parametrize(
    ("slug", "year", "nomenclature", "structure", "says"),
    [
        (
            "biro-pemkesra",
            2021,
            "Permendagri 90/2019",
            "program-kegiatan-sub_kegiatan",
            "sudah ada",
        ),
        (
            "biro-pemkesra",
            2022,
            "Permendagri 99/2030",
            "program-kegiatan-sub_kegiatan",
            "belum dimuat",
        ),
        ("biro-pemkesra", 2022, "", "program-kegiatan-sub_kegiatan", "wajib diisi"),
        ("biro-pemkesra", 2022, "Permendagri 90/2019", "program-kegiatan-tolok_ukur", "kode lokal"),
        (
            "biro-pemkesra",
            2020,
            "kode lokal",
            "program-kegiatan-tolok_ukur",
            "tidak ada pada tahun",
        ),
        ("biro-pemkesra", 2022, "kode lokal", "program-lain", "tidak dikenal"),
    ],
)
def test_plan_create_refusals(user, plan_2021, slug, year, nomenclature, structure, says):
    before = state(plan_2021)
    with pytest.raises(services.PlanInvalid) as exc:
        services.plan_create(
            user=user("admin"),
            unit=plan_2021.unit,
            year=year,
            nomenclature=nomenclature,
            structure=structure,
        )
    assert says in str(exc.value)
    assert state(plan_2021) == before


@pytest.mark.parametrize("who", ["kepala", "inspektorat", "pptk", "admin-lain"])
def test_only_admin_and_operator_create_plans(user, plan_2021, outsiders, who):
    someone = outsiders.get(who) or user(who)
    with pytest.raises(services.NotAllowed):
        services.plan_create(
            user=someone,
            unit=plan_2021.unit,
            year=2023,
            nomenclature="Permendagri 90/2019",
            structure="program-kegiatan-sub_kegiatan",
        )
    assert not Plan.objects.filter(year=2023).exists()


# --- nodes ---------------------------------------------------------------------------------


def test_nodes_are_picked_from_the_nomenclature_with_its_names(plan_2022, user):
    program, kegiatan, leaf = build(plan_2022, user)
    assert (program.level, kegiatan.level, leaf.level) == ("program", "kegiatan", "sub_kegiatan")
    assert program.name == "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
    typed = services.node_create(
        user=user("admin"),
        plan=plan_2022,
        parent=kegiatan,
        code="4.01.01.1.02.04",
        name="nama yang diketik sendiri",
    )
    assert typed.name == "Koordinasi dan Pelaksanaan Akuntansi SKPD"
    assert changes("plan.node_create", leaf) == {
        "level": ("", "sub_kegiatan"),
        "code": ("", "4.01.01.1.02.01"),
        "name": ("", "Penyediaan Gaji dan Tunjangan ASN"),
        "parent": ("", "4.01.01.1.02"),
        "pagu_dpa": ("", "1200000.00"),
        "budget_in_force": ("", "dpa"),
    }


@pytest.mark.parametrize(
    ("parent_code", "code", "pagu", "field", "says"),
    [
        ("4.01.01.1.02", "4.01.01.1.02.99", None, "code", "tidak ada dalam nomenklatur"),
        ("4.01.01.1.02", "4.01.01.1.01.07", None, "code", "tidak berada di bawah kode induknya"),
        ("4.01.01", "4.01.03.1.01", None, "code", "harus diawali 4.01.01."),
        ("4.01.01.1.02", "4.01.01.1.02.01", None, "code", "sudah dipakai"),
        ("4.01.01", "4.01.01.1.03", D(5), "pagu_dpa", "tidak boleh diisi pada kegiatan"),
        ("4.01.01.1.02.01", "4.01.01.1.02.01.1", None, "level", "tidak boleh memiliki anak"),
        ("4.01.01.1.02", "", None, "code", "wajib diisi"),
    ],
)
def test_node_create_refusals_say_which_field_and_why(
    plan_2022, user, parent_code, code, pagu, field, says
):
    build(plan_2022, user)
    before = state(plan_2022)
    with pytest.raises(services.PlanInvalid) as exc:
        services.node_create(
            user=user("operator"),
            plan=plan_2022,
            parent=node(plan_2022, parent_code),
            code=code,
            pagu_dpa=pagu,
        )
    assert field in [p.field for p in exc.value.problems]
    assert says in str(exc.value)
    assert state(plan_2022) == before


def test_a_kegiatan_of_another_program_is_refused_with_its_real_parent(plan_2022, user):
    program, _kegiatan, _leaf = build(plan_2022, user)
    Nomenclature.objects.create(
        version="permendagri-90-2019",
        level="kegiatan",
        code="4.01.01.9.99",
        name="Kegiatan lain",
        parent_code="4.01.03",
    )
    with pytest.raises(services.PlanInvalid) as exc:
        services.node_create(
            user=user("admin"), plan=plan_2022, parent=program, code="4.01.01.9.99"
        )
    assert "berada di bawah 4.01.03, bukan di bawah induknya di rencana ini (4.01.01)" in str(
        exc.value
    )


def test_local_plan_takes_free_codes_but_still_under_the_parent(plan_2020, user):
    kegiatan = node(plan_2020, "01.01")
    leaf = services.node_create(
        user=user("operator"),
        plan=plan_2020,
        parent=kegiatan,
        code="01.01.06",
        name="  Penyusunan   Renja ",
        pagu_dpa=D("2500000"),
    )
    assert (leaf.level, leaf.name) == ("tolok_ukur", "Penyusunan Renja")
    with pytest.raises(services.PlanInvalid, match="tidak berada di bawah kode induknya 01.01"):
        services.node_create(
            user=user("operator"), plan=plan_2020, parent=kegiatan, code="02.01.07", name="X"
        )
    with pytest.raises(services.PlanInvalid, match="Nama wajib diisi"):
        services.node_create(
            user=user("operator"), plan=plan_2020, parent=kegiatan, code="01.01.07"
        )


def test_new_nodes_take_their_place_in_code_order(plan_2021, user):
    kegiatan = node(plan_2021, "4.01.01.1.02")  # holds only 4.01.01.1.02.04
    leaf = services.node_create(
        user=user("operator"), plan=plan_2021, parent=kegiatan, code="4.01.01.1.02.01"
    )
    later = services.node_create(
        user=user("operator"), plan=plan_2021, parent=kegiatan, code="4.01.01.1.02.05"
    )
    codes = list(
        PlanNode.objects.filter(plan=plan_2021).order_by("position").values_list("code", flat=True)
    )
    at = codes.index("4.01.01.1.02")
    assert codes[at : at + 5] == [
        "4.01.01.1.02",
        "4.01.01.1.02.01",
        "4.01.01.1.02.04",
        "4.01.01.1.02.05",
        "4.01.01.1.05",
    ]
    positions = list(PlanNode.objects.filter(plan=plan_2021).values_list("position", flat=True))
    assert sorted(positions) == list(range(1, len(positions) + 1))
    computed = compute_plan(plan_2021).root.find("4.01.01.1.02")
    assert [c.code for c in computed.children] == [leaf.code, "4.01.01.1.02.04", later.code]


@pytest.mark.parametrize("who", ["kepala", "inspektorat", "pptk", "admin-lain"])
def test_heads_inspectorate_and_outsiders_cannot_write_nodes(plan_2021, user, outsiders, who):
    someone = outsiders.get(who) or user(who)
    before = state(plan_2021)
    leaf = node(plan_2021, "4.01.01.1.01.07")
    attempts = [
        lambda: services.node_create(
            user=someone, plan=plan_2021, parent=leaf.parent, code="4.01.01.1.01.08"
        ),
        lambda: services.node_update(
            user=someone, node=leaf, code=leaf.code, pagu_dppa=D(1), pagu_dpa=leaf.pagu_dpa
        ),
        lambda: services.node_delete(user=someone, node=leaf),
        lambda: services.plan_start_dppa(user=someone, plan=plan_2021),
    ]
    for attempt in attempts:
        with pytest.raises(services.NotAllowed):
            attempt()
    assert state(plan_2021) == before


def test_a_parent_from_another_plan_is_refused(plan_2021, plan_2022, user):
    with pytest.raises(services.NotAllowed):
        services.node_create(
            user=user("admin"),
            plan=plan_2022,
            parent=node(plan_2021, "4.01.01"),
            code="4.01.01.1.02",
        )


# --- budget --------------------------------------------------------------------------------


def test_dpa_is_edited_until_a_dppa_exists_then_only_the_dppa(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    op = user("operator")
    services.node_update(user=op, node=leaf, code=leaf.code, pagu_dpa=D(1_000_000))
    assert changes("plan.node_update", leaf) == {"pagu_dpa": ("1200000.00", "1000000.00")}

    services.node_update(
        user=op, node=leaf, code=leaf.code, pagu_dpa=D(1_000_000), pagu_dppa=D(1_300_000)
    )
    leaf.refresh_from_db()
    assert (leaf.pagu_dpa, leaf.pagu_dppa, leaf.budget_in_force) == (
        D(1_000_000),
        D(1_300_000),
        "dppa",
    )
    assert leaf.pagu == D(1_300_000)
    before = state(plan_2022)
    with pytest.raises(services.PlanInvalid) as exc:
        services.node_update(
            user=op, node=leaf, code=leaf.code, pagu_dpa=D(1_100_000), pagu_dppa=D(1_300_000)
        )
    assert exc.value.problems[0].field == "pagu_dpa"
    assert "ubah pagu DPPA" in exc.value.problems[0].message
    assert state(plan_2022) == before
    services.node_update(
        user=op, node=leaf, code=leaf.code, pagu_dpa=D(1_000_000), pagu_dppa=D(1_250_000)
    )
    entries = AuditEntry.objects.filter(
        action="plan.node_update", object_id=str(leaf.pk), field="pagu_dppa"
    ).order_by("id")
    assert [(e.old_value, e.new_value) for e in entries] == [
        ("", "1300000.00"),
        ("1300000.00", "1250000.00"),
    ]


def test_budget_on_a_program_is_refused(plan_2022, user):
    program, _k, _leaf = build(plan_2022, user)
    with pytest.raises(services.PlanInvalid, match="jumlah pagu anak-anaknya"):
        services.node_update(user=user("admin"), node=program, code=program.code, pagu_dpa=D(1))


def test_start_dppa_copies_the_dpa_and_keeps_it(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    assert services.plan_start_dppa(user=user("admin"), plan=plan_2022) == 1
    leaf.refresh_from_db()
    assert (leaf.pagu_dpa, leaf.pagu_dppa, leaf.budget_in_force) == (
        D(1_200_000),
        D(1_200_000),
        "dppa",
    )
    assert changes("plan.dppa_start", leaf) == {
        "pagu_dppa": ("", "1200000.00"),
        "budget_in_force": ("dpa", "dppa"),
    }
    assert services.plan_start_dppa(user=user("admin"), plan=plan_2022) == 0


def test_code_of_a_node_with_children_does_not_change(plan_2022, user):
    program, _k, _leaf = build(plan_2022, user)
    with pytest.raises(services.PlanInvalid, match="memiliki anak"):
        services.node_update(user=user("admin"), node=program, code="4.01.03")


def test_name_in_a_nomenclature_plan_follows_the_code(plan_2022, user):
    _p, kegiatan, leaf = build(plan_2022, user)
    services.node_update(
        user=user("admin"), node=leaf, code="4.01.01.1.02.03", name="diketik", pagu_dpa=D(5)
    )
    leaf.refresh_from_db()
    assert leaf.name == "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"
    services.node_update(user=user("admin"), node=leaf, code=leaf.code, name="x", pagu_dpa=D(5))
    leaf.refresh_from_db()
    assert leaf.name.startswith("Pelaksanaan Penatausahaan")
    log = changes("plan.node_update", leaf)
    assert log["code"] == ("4.01.01.1.02.01", "4.01.01.1.02.03")


def test_local_names_are_edited(plan_2020, user):
    leaf = node(plan_2020, "01.01.01")
    old = leaf.name
    services.node_update(
        user=user("operator"),
        node=leaf,
        code=leaf.code,
        name="Penyusunan LKjIP",
        pagu_dpa=leaf.pagu_dpa,
        pagu_dppa=leaf.pagu_dppa,
    )
    assert changes("plan.node_update", leaf) == {"name": (old, "Penyusunan LKjIP")}


# --- delete --------------------------------------------------------------------------------


def test_node_with_realisation_is_not_deleted_and_says_why(plan_2020, user):
    leaf = node(plan_2020, "01.01.03")
    before = state(plan_2020)
    with pytest.raises(services.PlanInvalid) as exc:
        services.node_delete(user=user("operator"), node=leaf)
    message = str(exc.value)
    assert "01.01.03" in message and "sudah memiliki realisasi" in message
    assert "Januari" in message
    assert state(plan_2020) == before
    with pytest.raises(services.PlanInvalid, match="01.01.03"):
        services.node_delete(user=user("operator"), node=node(plan_2020, "01"))


def test_node_used_in_a_performance_agreement_is_not_deleted(plan_2022, user):
    from kinerja.agreements.models import AgreementRow, PerformanceAgreement

    program, _k, _leaf = build(plan_2022, user)
    pk = PerformanceAgreement.objects.create(unit=plan_2022.unit, year=2022)
    AgreementRow.objects.create(agreement=pk, subject="x", node=program, statement="y")
    with pytest.raises(services.PlanInvalid, match="Perjanjian Kinerja"):
        services.node_delete(user=user("admin"), node=program)


def test_delete_removes_the_subtree_and_keeps_it_in_the_audit(plan_2022, user):
    program, kegiatan, leaf = build(plan_2022, user)
    services.indicator_create(
        user=user("operator"),
        plan=plan_2022,
        node=leaf,
        data=services.IndicatorData(statement="Jumlah ASN", satuan="Orang"),
        target=services.TargetData(value=D(40)),
    )
    services.monthly_plan_save(
        user=user("operator"),
        plan=plan_2022,
        rows=[services.MonthlyPlanRow(leaf.id, KAS, FISIK)],
    )
    ids = {str(program.pk), str(kegiatan.pk), str(leaf.pk)}
    services.node_delete(user=user("operator"), node=program)
    assert not PlanNode.objects.filter(plan=plan_2022).exists()
    assert not MonthlyEntry.objects.filter(node__plan=plan_2022).exists()
    deleted = AuditEntry.objects.filter(action="plan.node_delete")
    assert {e.object_id for e in deleted} == ids
    pagu = deleted.get(object_label__startswith="4.01.01.1.02.01 ", field="pagu_dpa")
    assert (pagu.old_value, pagu.new_value) == ("1200000.00", "")
    target = AuditEntry.objects.get(action="plan.indicator_delete", field="target_value")
    assert target.old_value == "40.0000"


# --- indicators and targets ----------------------------------------------------------------


def test_indicator_with_target_is_created_and_updated_with_old_and_new(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    ind = services.indicator_create(
        user=user("operator"),
        plan=plan_2022,
        node=leaf,
        data=services.IndicatorData(
            statement="Persentase ASN menerima gaji tepat waktu",
            satuan="%",
            value_type="percent",
            cumulative=False,
        ),
        target=services.TargetData(value=D(100)),
    )
    target = IndicatorTarget.objects.get(indicator=ind, year=2022, source="annual")
    assert target.value == D(100)
    assert changes("plan.target", target) == {"value": ("", "100.0000")}
    services.indicator_update(
        user=user("admin"),
        plan=plan_2022,
        indicator=ind,
        data=services.IndicatorData(
            statement="Persentase ASN menerima gaji tepat waktu",
            satuan="%",
            value_type="percent",
            polarity="higher",
            cumulative=False,
        ),
        target=services.TargetData(value=D("97.5")),
    )
    assert changes("plan.target", target) == {"value": ("100.0000", "97.5000")}
    result = compute_plan(plan_2022).root.find(leaf.code)
    assert result.indicators[0][0].target.value == D("97.5")


@pytest.mark.parametrize(
    ("data", "target", "field", "says"),
    [
        (
            services.IndicatorData(statement="Jumlah dokumen", satuan="Dokumen"),
            services.TargetData(),
            "target_value",
            "Target indikator \u201cJumlah dokumen\u201d tahun 2022 belum diisi",
        ),
        (
            services.IndicatorData(statement="Jumlah dokumen"),
            services.TargetData(value=D(1)),
            "satuan",
            "Satuan wajib diisi",
        ),
        (
            services.IndicatorData(
                statement="Opini BPK", value_type="qualitative", levels=("WDP", "WTP")
            ),
            services.TargetData(label="BB"),
            "target_label",
            "bukan salah satu label",
        ),
        (
            services.IndicatorData(statement="Indeks", satuan="Skala", value_type="range"),
            services.TargetData(low=D(4), high=D(3)),
            "target_low",
            "lebih besar",
        ),
        (
            services.IndicatorData(statement="X", satuan="Y", polarity="sideways"),
            services.TargetData(value=D(1)),
            "polarity",
            "tidak dikenal",
        ),
    ],
)
def test_indicator_refusals(plan_2022, user, data, target, field, says):
    _p, _k, leaf = build(plan_2022, user)
    before = state(plan_2022)
    with pytest.raises(services.PlanInvalid) as exc:
        services.indicator_create(
            user=user("operator"), plan=plan_2022, node=leaf, data=data, target=target
        )
    assert field in [p.field for p in exc.value.problems]
    assert says in str(exc.value)
    assert state(plan_2022) == before


def test_sasaran_target_for_the_plan_year(plan_2020, user):
    ind = Indicator.objects.get(statement="Nilai IKM", sasaran__isnull=False)
    services.indicator_update(
        user=user("operator"),
        plan=plan_2020,
        indicator=ind,
        data=services.IndicatorData(
            statement="Nilai IKM", satuan="Skala", kind="sasaran", cumulative=False
        ),
        target=services.TargetData(value=D("3.5")),
    )
    target = IndicatorTarget.objects.get(indicator=ind, year=2020, source="annual")
    assert target.value == D("3.5")
    medium = IndicatorTarget.objects.get(indicator=ind, year=2020, source="medium_term")
    assert medium.value == D("3.3")  # the Renstra target is not this form's business
    assert changes("plan.target", target) == {"value": ("3.3000", "3.5000")}


def test_sasaran_of_another_unit_or_period_is_refused(plan_2021, plan_2020, user):
    sasaran = Sasaran.objects.filter(unit=plan_2020.unit).first()
    with pytest.raises(services.NotAllowed):
        services.indicator_create(
            user=user("admin"),
            plan=plan_2021,
            sasaran=sasaran,
            data=services.IndicatorData(statement="X", satuan="Y", kind="sasaran"),
            target=services.TargetData(value=D(1)),
        )


def test_indicator_with_realisation_is_not_deleted(plan_2020, user):
    ind = Indicator.objects.filter(node__plan=plan_2020, realisations__isnull=False).first()
    with pytest.raises(services.PlanInvalid, match="sudah memiliki realisasi"):
        services.indicator_delete(user=user("operator"), plan=plan_2020, indicator=ind)
    assert Indicator.objects.filter(pk=ind.pk).exists()


def test_indicator_of_another_plan_is_refused(plan_2020, plan_2021, user):
    ind = Indicator.objects.filter(node__plan=plan_2020).first()
    with pytest.raises(services.NotAllowed):
        services.indicator_delete(user=user("admin"), plan=plan_2021, indicator=ind)


# --- monthly plan --------------------------------------------------------------------------


def test_monthly_plan_is_stored_cumulative_and_audited(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    kas = (D(0), D(0), D(300_000), *[D(100_000)] * 9)
    changed = services.monthly_plan_save(
        user=user("operator"), plan=plan_2022, rows=[services.MonthlyPlanRow(leaf.id, kas, FISIK)]
    )
    assert changed == 12
    stored = dict(MonthlyEntry.objects.filter(node=leaf).values_list("month", "plan_keuangan"))
    assert stored[1] == 0 and stored[3] == D(300_000) and stored[12] == D(1_200_000)
    assert services.monthly_plan(plan_2022)[leaf.id] == (list(kas), list(FISIK))
    march = MonthlyEntry.objects.get(node=leaf, month=3)
    assert changes("plan.monthly_plan", march) == {
        "plan_keuangan": ("", "300000.00"),
        "plan_fisik": ("", "20.0000"),
    }
    assert AuditEntry.objects.get(object_id=str(march.pk), field="plan_fisik").month == 3
    # saving the same again changes nothing and writes nothing
    count = AuditEntry.objects.count()
    assert (
        services.monthly_plan_save(
            user=user("operator"),
            plan=plan_2022,
            rows=[services.MonthlyPlanRow(leaf.id, kas, FISIK)],
        )
        == 0
    )
    assert AuditEntry.objects.count() == count


@pytest.mark.parametrize(
    ("kas", "fisik", "field", "says"),
    [
        ((D(100_000),) * 11 + (None,), FISIK, "kas", "kurang Rp100.000"),
        (KAS, FISIK[:4] + (D(25),) + FISIK[5:], "fisik-5", "turun dari 30%"),
        (KAS, FISIK[:11] + (D(99),), "fisik-12", "seharusnya 100%"),
        (KAS, FISIK[:2] + (None,) + FISIK[3:], "fisik-3", "Maret kosong"),
    ],
)
def test_monthly_plan_refusals_name_the_leaf_and_the_month(
    plan_2022, user, kas, fisik, field, says
):
    _p, _k, leaf = build(plan_2022, user)
    before = state(plan_2022)
    with pytest.raises(services.PlanInvalid) as exc:
        services.monthly_plan_save(
            user=user("operator"),
            plan=plan_2022,
            rows=[services.MonthlyPlanRow(leaf.id, kas, fisik)],
        )
    assert f"n{leaf.id}-{field}" in [p.field for p in exc.value.problems]
    assert says in str(exc.value)
    assert str(exc.value).startswith("4.01.01.1.02.01 Penyediaan Gaji dan Tunjangan ASN:")
    assert state(plan_2022) == before


def test_monthly_plan_follows_the_budget_in_force(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    services.node_update(
        user=user("admin"), node=leaf, code=leaf.code, pagu_dpa=D(1_200_000), pagu_dppa=D(600_000)
    )
    with pytest.raises(services.PlanInvalid, match="lebih Rp600.000"):
        services.monthly_plan_save(
            user=user("operator"),
            plan=plan_2022,
            rows=[services.MonthlyPlanRow(leaf.id, KAS, FISIK)],
        )
    half = tuple(D(50_000) for _ in range(12))
    services.monthly_plan_save(
        user=user("operator"), plan=plan_2022, rows=[services.MonthlyPlanRow(leaf.id, half, FISIK)]
    )


def test_one_bad_leaf_saves_no_leaf(plan_2021, user):
    a, b = node(plan_2021, "4.01.03.1.01.01"), node(plan_2021, "4.01.03.1.01.02")
    before = state(plan_2021)
    good = tuple(D(a.pagu) / 4 if m % 3 == 0 else D(0) for m in range(1, 13))
    with pytest.raises(services.PlanInvalid) as exc:
        services.monthly_plan_save(
            user=user("operator"),
            plan=plan_2021,
            rows=[
                services.MonthlyPlanRow(a.id, good, FISIK),
                services.MonthlyPlanRow(b.id, KAS, FISIK),
            ],
        )
    assert [p.field for p in exc.value.problems] == [f"n{b.id}-kas"]
    assert state(plan_2021) == before


def test_locked_month_keeps_its_plan(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    op = user("operator")
    services.monthly_plan_save(
        user=op, plan=plan_2022, rows=[services.MonthlyPlanRow(leaf.id, KAS, FISIK)]
    )
    MonthStatus.objects.create(plan=plan_2022, month=2, state=MonthStatus.State.LOCKED)
    moved = (D(100_000), D(50_000), D(150_000), *KAS[3:])
    with pytest.raises(services.PlanInvalid) as exc:
        services.monthly_plan_save(
            user=op, plan=plan_2022, rows=[services.MonthlyPlanRow(leaf.id, moved, FISIK)]
        )
    assert [p.field for p in exc.value.problems] == [f"n{leaf.id}-kas-2"]
    assert "Februari sudah dikunci" in str(exc.value)
    later = (*KAS[:3], D(50_000), D(150_000), *KAS[5:])  # months after the lock may move
    services.monthly_plan_save(
        user=op, plan=plan_2022, rows=[services.MonthlyPlanRow(leaf.id, later, FISIK)]
    )
    assert services.monthly_plan(plan_2022)[leaf.id][0] == list(later)


def test_monthly_plan_from_a_stale_form_is_refused(plan_2022, user):
    _p, _k, leaf = build(plan_2022, user)
    opened = services.monthly_plan_signature(plan_2022, [leaf.id])
    services.monthly_plan_save(
        user=user("admin"), plan=plan_2022, rows=[services.MonthlyPlanRow(leaf.id, KAS, FISIK)]
    )
    other = (D(1_200_000), *[D(0)] * 11)
    with pytest.raises(services.PlanInvalid, match="diubah orang lain"):
        services.monthly_plan_save(
            user=user("operator"),
            plan=plan_2022,
            rows=[services.MonthlyPlanRow(leaf.id, other, FISIK)],
            signature=opened,
        )
    assert services.monthly_plan(plan_2022)[leaf.id][0] == list(KAS)


def test_monthly_plan_of_a_non_leaf_or_foreign_node_is_refused(plan_2021, plan_2022, user):
    program, _k, _leaf = build(plan_2022, user)
    foreign = node(plan_2021, "4.01.03.1.01.01")
    for target in (program, foreign):
        with pytest.raises(services.NotAllowed):
            services.monthly_plan_save(
                user=user("admin"),
                plan=plan_2022,
                rows=[services.MonthlyPlanRow(target.id, KAS, FISIK)],
            )


def test_monthly_plan_keeps_the_realisation(plan_2021, user):
    leaf = node(plan_2021, "4.01.03.1.01.01")
    spent = MonthlyEntry.objects.filter(node=leaf, realisasi_keuangan__isnull=False)
    real = dict(spent.values_list("month", "realisasi_keuangan"))
    assert real
    kas = (leaf.pagu,) + (None,) * 11
    services.monthly_plan_save(
        user=user("operator"), plan=plan_2021, rows=[services.MonthlyPlanRow(leaf.id, kas, FISIK)]
    )
    after = dict(spent.values_list("month", "realisasi_keuangan"))
    assert after == real


# --- atomicity and the computed plan -------------------------------------------------------


def test_a_failure_while_writing_leaves_nothing_half_written(plan_2022, user, monkeypatch):
    _p, kegiatan, _leaf = build(plan_2022, user)
    before = state(plan_2022)

    def broken(**kwargs):
        raise RuntimeError("audit tidak dapat ditulis")

    monkeypatch.setattr(services, "record_changes", broken)
    with pytest.raises(RuntimeError):
        services.node_create(
            user=user("operator"), plan=plan_2022, parent=kegiatan, code="4.01.01.1.02.02"
        )
    assert state(plan_2022) == before


def test_computed_plan_rolls_up_what_was_edited(plan_2022, user):
    op = user("operator")
    program, kegiatan, gaji = build(plan_2022, user)
    akuntansi = services.node_create(
        user=op, plan=plan_2022, parent=kegiatan, code="4.01.01.1.02.04", pagu_dpa=D(800_000)
    )
    keg2 = services.node_create(user=op, plan=plan_2022, parent=program, code="4.01.01.1.06")
    atk = services.node_create(
        user=op, plan=plan_2022, parent=keg2, code="4.01.01.1.06.02", pagu_dpa=D(3_000_000)
    )
    services.node_update(
        user=op, node=atk, code=atk.code, pagu_dpa=D(3_000_000), pagu_dppa=D(2_000_000)
    )
    even = (D(0), D(0), D(0)) + (D(87_500),) * 8 + (D(100_000),)
    services.monthly_plan_save(
        user=op,
        plan=plan_2022,
        rows=[
            services.MonthlyPlanRow(gaji.id, KAS, FISIK),
            services.MonthlyPlanRow(akuntansi.id, even, (D(0),) * 11 + (D(100),)),
            services.MonthlyPlanRow(atk.id, (D(2_000_000),) + (None,) * 11, (D(100),) * 12),
        ],
    )
    result = compute_plan(plan_2022, upto_month=6)
    root = result.root
    assert root.pagu.value == D(4_000_000)  # 1.200.000 + 800.000 + DPPA 2.000.000
    assert root.find("4.01.01.1.02").pagu.value == D(2_000_000)
    assert root.find("4.01.01.1.06").pagu.value == D(2_000_000)
    # cumulative anggaran kas at June: 600.000 + 3 × 87.500 + 2.000.000
    assert root.plan_keuangan.value == D(2_862_500)
    # fisik plan at June weighted by pagu: (50 × 1,2 jt + 0 × 0,8 jt + 100 × 2 jt) ÷ 4 jt = 65
    assert root.plan_fisik.value == D(65)
    codes = [n.code for n in root.walk()][1:]
    assert codes == [
        "4.01.01",
        "4.01.01.1.02",
        "4.01.01.1.02.01",
        "4.01.01.1.02.04",
        "4.01.01.1.06",
        "4.01.01.1.06.02",
    ]
    assert not [f for f in result.findings if f.code in ("plan_decreasing", "plan_not_complete")]
