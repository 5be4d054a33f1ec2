"""Creating, revising and linking agreements: versions kept with date and reason, the one in
force by date, cascade links kept or cleared, refusals that write nothing, and the audit
trail with old and new values."""

import datetime
from decimal import Decimal

import pytest

from kinerja.agreements import services
from kinerja.agreements.domain import Party
from kinerja.agreements.models import (
    AgreementRow,
    AgreementVersion,
    AgreementVersionImmutable,
    PerformanceAgreement,
)
from kinerja.agreements.selectors import agreement_in_force, agreement_version, unit_findings
from kinerja.agreements.services import AgreementInputError, BudgetInput, LineInput
from kinerja.audit.models import AuditEntry
from kinerja.plans.models import Indicator, PlanNode

pytestmark = pytest.mark.django_db
D = Decimal
d = datetime.date


def agreement_of(slug: str, year: int = 2020) -> PerformanceAgreement:
    return PerformanceAgreement.objects.select_related("unit").get(unit__slug=slug, year=year)


def current_lines(agreement) -> list[LineInput]:
    """The agreement's rows as inputs that continue them (what the revise form sends)."""
    return [
        LineInput(
            subject=r.subject, statement=r.statement, satuan=r.satuan, target=r.target,
            target_label=r.target_label, sasaran=r.sasaran, node_id=r.node_id,
            indicator_id=r.indicator_id, parent_id=r.parent_id, row_id=r.id,
        )
        for r in agreement.rows.order_by("position")
    ]


def current_budget(agreement) -> list[BudgetInput]:
    return [
        BudgetInput(node_id=b.node_id, amount=b.amount, name=b.name, satuan=b.satuan,
                    target=b.target, target_label=b.target_label, indicator_id=b.indicator_id)
        for b in agreement.budget_lines.order_by("position")
    ]


OCTOBER_1 = d(2020, 10, 1)


def revise(user, agreement, lines, *, on=OCTOBER_1, reason="DPA perubahan", **kw):
    return services.agreement_revise(
        user=user, agreement=agreement, signed_on=on, reason=reason, title=agreement.title,
        superior_unit=agreement.superior_unit, superior_title=agreement.superior_title,
        lines=lines, budget=kw.pop("budget", current_budget(agreement)), **kw,
    )


# --- create --------------------------------------------------------------------------


def plan_2021_leaf():
    return (
        PlanNode.objects.filter(plan__unit__slug="biro-pemkesra", plan__year=2021,
                                level="sub_kegiatan")
        .order_by("code")
        .first()
    )


def test_create_stores_version_one_and_records_it(user, unit):
    leaf = plan_2021_leaf()
    indicator = Indicator.objects.filter(node=leaf).first()
    agreement = services.agreement_create(
        user=user("operator"),
        unit=unit("biro-pemkesra"),
        year=2021,
        title="Perjanjian Kinerja Kepala Biro 2021",
        superior_unit=unit("setda"),
        superior_title="Sekretaris Daerah Provinsi Banten",
        signed_on=d(2021, 1, 4),
        official=Party("GUNAWAN RUSMINTO, AP, M.Si", "19741004 199402 1 002", jabatan="Kepala"),
        lines=[
            LineInput("Program A", "Nilai SAKIP", "Skala", D("70.5"), sasaran="Akuntabel"),
            LineInput(leaf.name, "Opini BPK", "", None, "WTP", node_id=leaf.id,
                      indicator_id=indicator.id if indicator else None),
        ],
        budget=[BudgetInput(node_id=leaf.id, amount=leaf.pagu)],
    )
    assert agreement.version == 1 and agreement.official_nip == "197410041994021002"
    [v1] = AgreementVersion.objects.filter(agreement=agreement)
    assert (v1.number, v1.signed_on, v1.created_by_name) == (1, d(2021, 1, 4), "operator")
    assert v1.content["lines"][0]["target"] == "70.5000"
    assert v1.content["lines"][1]["target_label"] == "WTP"
    assert v1.content["budget"][0]["code"] == leaf.code
    entry = AuditEntry.objects.get(action="agreement.create", object_id=str(agreement.id))
    assert entry.username == "operator" and entry.year == 2021
    assert "Nilai SAKIP" in entry.new_value
    doc = agreement_in_force(unit("biro-pemkesra"), 2021)
    assert doc.lines[0].sasaran == "Akuntabel" and doc.budget_total == leaf.pagu


BAD_INPUTS = [
    pytest.param({"title": " "}, "Judul: wajib diisi.", id="title"),
    pytest.param({"lines": []}, "minimal satu indikator", id="no lines"),
    pytest.param(
        {"lines": [LineInput("P", "Indikator", "Dokumen")]},
        "Indikator baris 1, kolom target: wajib diisi", id="no target",
    ),
    pytest.param(
        {"lines": [LineInput("P", "", "Dokumen", D(1))]},
        "Indikator baris 1, kolom indikator: wajib diisi.", id="no statement",
    ),
    pytest.param({"signed_on": d(2023, 1, 1)}, "di luar masa PK tahun 2021", id="date"),
    pytest.param(
        {"official": Party("Ani", "1974")}, "NIP pihak pertama: harus 18 angka", id="nip"
    ),
    pytest.param(
        {"budget": [BudgetInput(node_id=None, amount=D(-1), name="x")]},
        "Anggaran baris 1, kolom anggaran: tidak boleh negatif.", id="negative",
    ),
]


@pytest.mark.parametrize("change, message", BAD_INPUTS)
def test_create_refuses_bad_input_and_writes_nothing(user, unit, change, message):
    args = {
        "user": user("operator"),
        "unit": unit("biro-pemkesra"),
        "year": 2021,
        "title": "PK",
        "lines": [LineInput("Program", "Indikator", "Dokumen", D(1))],
    } | change
    before = (PerformanceAgreement.objects.count(), AuditEntry.objects.count())
    with pytest.raises(AgreementInputError) as caught:
        services.agreement_create(**args)
    assert any(message in e for e in caught.value.errors), caught.value.errors
    assert (PerformanceAgreement.objects.count(), AuditEntry.objects.count()) == before


def test_create_refuses_nodes_of_another_plan_and_a_second_agreement(user, unit):
    node_2020 = PlanNode.objects.get(plan__year=2020, code="02.03.01")
    with pytest.raises(AgreementInputError) as caught:
        services.agreement_create(
            user=user("operator"), unit=unit("biro-pemkesra"), year=2021, title="PK",
            lines=[LineInput("P", "I", "", D(1), node_id=node_2020.id)],
        )
    assert "bukan bagian rencana tahun 2021" in caught.value.errors[0]
    with pytest.raises(AgreementInputError) as caught:
        services.agreement_create(
            user=user("operator"), unit=unit("subbag-rupabumi"), year=2020, title="PK",
            lines=[LineInput("P", "I", "", D(1))],
        )
    assert "sudah punya PK tahun 2020" in caught.value.errors[0]


def test_parent_must_be_a_line_of_the_superior(user, unit):
    other = AgreementRow.objects.filter(agreement__unit__slug="bagian-kerjasama").first()
    with pytest.raises(AgreementInputError) as caught:
        services.agreement_create(
            user=user("operator"), unit=unit("biro-pemkesra"), year=2021, title="PK",
            superior_unit=unit("setda"),
            lines=[LineInput("P", "I", "", D(1), parent_id=other.id)],
        )
    assert "kolom mendukung" in caught.value.errors[0]


# --- revise --------------------------------------------------------------------------


def test_revision_keeps_every_version_and_the_right_one_is_in_force(user, unit):
    agreement = agreement_of("subbag-rupabumi")
    lines = current_lines(agreement)
    first, second = lines
    lines = [
        LineInput(**{**first.__dict__, "target": D(2)}),  # 4 → 2 dokumen
        LineInput("Kegiatan baru", "Terlaksananya inventarisasi rupabumi", "Dokumen", D(1)),
    ]  # the second line (kode data wilayah) is dropped
    revise(user("operator"), agreement, lines, on=d(2020, 9, 15),
           reason="Refocusing anggaran Covid-19")
    agreement.refresh_from_db()
    assert (agreement.version, agreement.signed_on) == (2, d(2020, 9, 15))
    assert [v.number for v in AgreementVersion.objects.filter(agreement=agreement)] == [1, 2]

    rupabumi = unit("subbag-rupabumi")
    before = agreement_in_force(rupabumi, 2020, d(2020, 9, 14))
    after = agreement_in_force(rupabumi, 2020)
    assert (before.version, before.is_latest) == (1, False)
    assert [x.target for x in before.lines] == [D(4), D(2)]
    assert (after.version, after.is_latest) == (2, True)
    assert after.reason == "Refocusing anggaran Covid-19"
    assert [x.statement for x in after.lines] == [
        "Tersusunnya administrasi Rupabumi", "Terlaksananya inventarisasi rupabumi"
    ]
    assert after.lines[0].key == first.row_id  # the row continues: its id is kept
    assert agreement_version(agreement, 1) == before
    assert after.kind == "PK perubahan ke-1"


def test_revision_is_recorded_old_and_new(user):
    agreement = agreement_of("subbag-rupabumi")
    first, _second = current_lines(agreement)
    budget = current_budget(agreement)
    budget[0] = BudgetInput(**{**budget[0].__dict__, "amount": D(100000000)})
    revise(user("operator"), agreement, [LineInput(**{**first.__dict__, "target": D(2)})],
           budget=budget[:1])
    entries = AuditEntry.objects.filter(unit__slug="subbag-rupabumi", year=2020)
    changed = {(e.action, e.field): (e.old_value, e.new_value) for e in entries}
    assert changed[("agreement.revise", "version")] == ("1", "2")
    assert changed[("agreement.revise", "signed_on")] == ("", "2020-10-01")
    assert changed[("agreement.revise", "reason")] == ("", "DPA perubahan")
    assert changed[("agreement.revise", "target")] == ("4.0000", "2.0000")
    assert ("agreement.row_remove", "") in changed
    assert changed[("agreement.budget", "anggaran | target")] == (
        "131400000.00 |", "100000000.00 |"
    )
    removed = changed[("agreement.budget", "anggaran | target")]
    assert removed and all(e.reason == "DPA perubahan" for e in entries)


def test_revision_needs_reason_and_a_date_not_before_the_last(user):
    agreement = agreement_of("subbag-rupabumi")
    lines = current_lines(agreement)
    with pytest.raises(AgreementInputError) as caught:
        revise(user("operator"), agreement, lines, on=None, reason=" ")
    assert caught.value.errors == [
        "Alasan perubahan: wajib diisi (mis. DPA perubahan, pergantian pejabat).",
        "Tanggal: tanggal penandatanganan PK perubahan wajib diisi.",
    ]
    revise(user("operator"), agreement, lines, on=d(2020, 10, 1))
    with pytest.raises(AgreementInputError) as caught:
        revise(user("operator"), agreement_of("subbag-rupabumi"), current_lines(agreement),
               on=d(2020, 9, 1))
    assert "lebih awal dari versi sebelumnya (1 Oktober 2020)" in caught.value.errors[0]
    assert agreement_of("subbag-rupabumi").version == 2


def test_revision_refuses_rows_of_another_agreement(user):
    agreement = agreement_of("subbag-rupabumi")
    foreign = AgreementRow.objects.filter(agreement__unit__slug="subbag-batas").first()
    lines = [LineInput("P", "I", "", D(1), row_id=foreign.id)]
    with pytest.raises(AgreementInputError) as caught:
        revise(user("operator"), agreement, lines)
    assert f"baris #{foreign.id} bukan milik PK ini" in caught.value.errors[0]


def test_removing_a_supported_line_clears_the_links_below_and_the_check_sees_it(user, unit):
    kerjasama = agreement_of("bagian-kerjasama")
    lines = current_lines(kerjasama)
    dropped = lines.pop()  # "realisasi kebijakan kerjasama pemerintahan", supported below
    children = list(AgreementRow.objects.filter(parent_id=dropped.row_id))
    assert len(children) == 4
    kept = lines[0]
    below = AgreementRow.objects.values_list("id", flat=True)
    kept_children = set(below.filter(parent_id=kept.row_id))
    assert kept_children
    revise(user("admin"), kerjasama, lines)
    assert not AgreementRow.objects.filter(id__in=[c.id for c in children], parent__isnull=False)
    assert set(below.filter(parent_id=kept.row_id)) == kept_children
    unlinked = AuditEntry.objects.filter(action="agreement.link", field="parent")
    assert {e.object_id for e in unlinked} == {str(c.id) for c in children}
    assert all(e.new_value == "" and e.old_value == str(dropped.row_id) for e in unlinked)
    findings = unit_findings(unit("bagian-kerjasama"), 2020)
    assert [f.code for f in findings].count("pk_no_parent") == 4


def test_an_agreement_recorded_before_versions_keeps_its_first_version(user):
    agreement = agreement_of("subbag-batas")
    AgreementVersion.objects.filter(agreement=agreement).delete()
    revise(user("operator"), agreement, current_lines(agreement))
    versions = AgreementVersion.objects.filter(agreement=agreement).order_by("number")
    assert [(v.number, v.created_by_name) for v in versions] == [(1, ""), (2, "operator")]
    assert versions[0].content["lines"] == versions[1].content["lines"]


def test_a_stored_version_cannot_be_changed():
    version = AgreementVersion.objects.first()
    version.reason = "diubah"
    with pytest.raises(AgreementVersionImmutable):
        version.save()


# --- link ----------------------------------------------------------------------------


def test_link_and_unlink_are_recorded(user, unit):
    row = AgreementRow.objects.get(agreement__unit__slug="bagian-kewilayahan")
    target = AgreementRow.objects.filter(agreement__unit__slug="biro-pemerintahan").last()
    services.agreement_link(user=user("admin"), row=row, parent=target)
    codes = [f.code for f in unit_findings(unit("biro-pemerintahan"), 2020)]
    assert "pk_no_parent" not in codes and "pk_target_mismatch" in codes
    services.agreement_link(user=user("admin"), row=row, parent=None)
    entries = AuditEntry.objects.filter(action="agreement.link", object_id=str(row.id))
    assert sorted((e.old_value, e.new_value) for e in entries) == sorted(
        [("", str(target.id)), (str(target.id), "")]
    )


def test_link_refuses_a_line_that_is_not_the_superior_s(user):
    row = AgreementRow.objects.filter(agreement__unit__slug="subbag-rupabumi").first()
    biro = AgreementRow.objects.filter(agreement__unit__slug="biro-pemerintahan").first()
    with pytest.raises(AgreementInputError) as caught:
        services.agreement_link(user=user("admin"), row=row, parent=biro)
    assert "unit pihak kedua" in caught.value.errors[0]
    assert AgreementRow.objects.get(id=row.id).parent_id != biro.id
