"""Where the reports take the Perjanjian Kinerja and the years compared from: the version of
each agreement in force on the report's date (``agreements.selectors.agreements_in_force``),
Tabel 8.2 from ``multiyear.selectors.year_comparison`` and Tabel 8.3 from
``multiyear.selectors.medium_term_progress``; and the PK document of one agreement, from
the agreement's page and the command line."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kinerja.agreements import services as pk_services
from kinerja.agreements.models import PerformanceAgreement
from kinerja.agreements.selectors import agreements_in_force, subtree
from kinerja.agreements.services import BudgetInput, LineInput
from kinerja.core.achievement import IndicatorSpec, Target, achieve
from kinerja.multiyear.models import SasaranProgram
from kinerja.multiyear.selectors import medium_term_progress, year_comparison
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Plan,
    PlanNode,
    Sasaran,
)
from kinerja.reports.context import agreements_date, report_context, target_value
from kinerja.reports.document import Paragraph, display
from kinerja.reports.service import agreement_document, build_document, render_document

pytestmark = pytest.mark.django_db
D = Decimal
RUPABUMI_TITLE_END = "(Kepala Sub Bagian Administrasi Rupabumi)"


def texts(document) -> str:
    return "\n".join(b.text for b in document.blocks() if isinstance(b, Paragraph))


def table(document, key):
    return next(t for t in document.tables() if t.key == key)


# --- the Perjanjian Kinerja: the version in force ------------------------------------------


def rupabumi() -> PerformanceAgreement:
    return PerformanceAgreement.objects.select_related("unit").get(
        unit__slug="subbag-rupabumi", year=2020
    )


def revise_rupabumi(on=datetime.date(2020, 7, 1)) -> PerformanceAgreement:
    """Version 2 of the Rupabumi PK: 6 documents instead of 4, and 150 million for the first
    sub kegiatan instead of 131,4 million."""
    agreement = rupabumi()
    lines = [
        LineInput(
            subject=r.subject,
            statement=r.statement,
            satuan=r.satuan,
            target=D(6) if i == 0 else r.target,
            target_label=r.target_label,
            sasaran=r.sasaran,
            node_id=r.node_id,
            indicator_id=r.indicator_id,
            parent_id=r.parent_id,
            row_id=r.id,
        )
        for i, r in enumerate(agreement.rows.order_by("position"))
    ]
    budget = [
        BudgetInput(
            node_id=b.node_id,
            amount=D(150_000_000) if i == 0 else b.amount,
            name=b.name,
            satuan=b.satuan,
            target=b.target,
            target_label=b.target_label,
            indicator_id=b.indicator_id,
        )
        for i, b in enumerate(agreement.budget_lines.order_by("position"))
    ]
    return pk_services.agreement_revise(
        user=None,
        agreement=agreement,
        signed_on=on,
        reason="DPA perubahan",
        title=agreement.title,
        superior_unit=agreement.superior_unit,
        superior_title=agreement.superior_title,
        lines=lines,
        budget=budget,
    )


def rupabumi_table(document, prefix="PK"):
    return next(
        t
        for t in document.tables()
        if t.key.startswith(prefix)
        and not t.key.endswith("b")
        and t.title.endswith(RUPABUMI_TITLE_END)
    )


def first_target(t) -> str:
    return display(t.rows[0].cells[t.column_index("target")])


def test_the_report_date_is_the_end_of_the_period_reported():
    assert agreements_date(2020) == datetime.date(2020, 12, 31)
    assert agreements_date(2020, 6) == datetime.date(2020, 6, 30)
    assert agreements_date(2024, 2) == datetime.date(2024, 2, 29)


def test_the_context_holds_the_agreements_in_force():
    biro = OrgUnit.objects.get(slug="biro-pemerintahan")
    ctx = report_context(biro, 2020)
    docs = agreements_in_force(subtree(biro, 2020), 2020)
    assert ctx.agreements_on == datetime.date(2020, 12, 31)
    assert [(a.agreement_id, a.version) for a in ctx.agreements] == [
        (d.agreement_id, d.version) for d in docs
    ]
    kepala = ctx.agreements[0]
    assert kepala.eselon == "II" and kepala.kind == "PK awal"
    # the Kepala Biro's anggaran: 9 kegiatan, each with its tolok ukur under it
    assert len(kepala.budget) == 33
    assert sum(1 for b in kepala.budget if b.level == 0) == 9
    assert kepala.budget_total == docs[0].budget_total == D(2802281000)


def test_a_pk_revised_mid_year_is_printed_in_its_revised_version():
    revise_rupabumi()
    biro = OrgUnit.objects.get(slug="biro-pemerintahan")
    ctx = report_context(biro, 2020)
    info = next(a for a in ctx.agreements if a.unit_slug == "subbag-rupabumi")
    assert (info.version, info.signed_on, info.reason) == (
        2,
        datetime.date(2020, 7, 1),
        "DPA perubahan",
    )
    assert info.lines[0].target == D(6)
    assert info.budget[0].amount == D(150_000_000)
    note = "PK perubahan ke-1 (versi 2) tanggal 1 Juli 2020; alasan perubahan: DPA perubahan."

    evaluasi = build_document("evaluasi", biro, 2020)
    t = rupabumi_table(evaluasi)
    assert first_target(t) == "6" and note in t.notes
    assert (
        "Perjanjian kinerja yang dimuat adalah versi yang berlaku pada 31 Desember 2020; 1 di "
        "antaranya PK perubahan." in texts(evaluasi)
    )

    lkjip = build_document("lkjip", biro, 2020)
    t = rupabumi_table(lkjip)
    assert first_target(t) == "6" and note in t.notes

    pk = build_document("pk", biro, 2020)
    t = rupabumi_table(pk)
    assert first_target(t) == "6"
    index = t.key[2:]
    budget = table(pk, f"PK{index}b")
    assert [display(c) for c in budget.rows[0].cells] == [
        "1",
        "02.03.01",
        "Administrasi Rupabumi",
        "150.000.000",
        "APBD",
    ]
    pagu = budget.column_index("pagu")
    assert display(budget.rows[-1].cells[pagu]) == "218.600.000"  # 150 000 000 + 68 600 000
    assert "dua ratus delapan belas juta enam ratus ribu rupiah" in texts(pk)
    assert (
        "PK perubahan ke-1 (versi 2), tanggal 1 Juli 2020; alasan perubahan: DPA "
        "perubahan." in texts(pk)
    )


def test_a_version_signed_after_the_report_date_is_not_used():
    revise_rupabumi(on=datetime.date(2020, 10, 1))
    biro = OrgUnit.objects.get(slug="biro-pemerintahan")
    june = report_context(biro, 2020, upto_month=6)
    assert june.agreements_on == datetime.date(2020, 6, 30)
    info = next(a for a in june.agreements if a.unit_slug == "subbag-rupabumi")
    assert (info.version, info.lines[0].target) == (1, D(4))
    documents = {
        k: build_document(k, biro, 2020, upto_month=6) for k in ("evaluasi", "lkjip", "pk")
    }
    for kind, document in documents.items():
        assert first_target(rupabumi_table(document)) == "4", kind
    assert "versi yang berlaku pada 30 Juni 2020." in texts(documents["lkjip"])
    december = build_document("pk", biro, 2020, upto_month=12)
    assert first_target(rupabumi_table(december)) == "6"


def test_a_revised_pk_in_a_rendered_docx():
    import docx

    revise_rupabumi()
    document = agreement_document(rupabumi())
    rendered = docx.Document(io.BytesIO(render_document(document, "docx").content))
    rows = [[c.text for c in row.cells] for t in rendered.tables for row in t.rows]
    line = next(r for r in rows if "Tersusunnya administrasi Rupabumi" in r)
    assert line[-1] == "6"
    assert any("150.000.000" in r for r in rows)
    paragraphs = " ".join(p.text for p in rendered.paragraphs)
    assert "alasan perubahan: DPA perubahan" in paragraphs
    assert (
        "Serang, 1 Juli 2020"
        in " ".join(c.text for t in rendered.tables for row in t.rows for c in row.cells)
        + paragraphs
    )
    # the PK of one official: that agreement only, named after its unit
    assert document.title == ("Perjanjian Kinerja Sub Bagian Administrasi Rupabumi Tahun 2020")
    assert document.filename_stem == "perjanjian-kinerja-subbag-rupabumi-2020"
    assert document.unit_name == "Sub Bagian Administrasi Rupabumi"
    assert [t.key for t in document.tables()] == ["PK1", "PK1b"]
    # the first version is still there to print
    first = agreement_document(rupabumi(), number=1)
    assert first_target(table(first, "PK1")) == "4"


# --- the PK document from the agreement's page and the command line ----------------------


def test_the_agreement_page_offers_the_document_of_what_it_shows(login):
    revise_rupabumi()
    client = login("operator")
    page = client.get(reverse("agreement-detail", args=["subbag-rupabumi", 2020]))
    html = page.content.decode()
    url = reverse("agreement-download", args=["subbag-rupabumi", 2020, "docx"])
    assert f'href="{url}?tanggal=2020-12-31"' in html
    assert (
        "?tanggal=2020-12-31&amp;versi=1"
        in client.get(
            reverse("agreement-detail", args=["subbag-rupabumi", 2020]) + "?versi=1"
        ).content.decode()
    )

    import docx

    def target_in(response):
        assert response.status_code == 200
        rendered = docx.Document(io.BytesIO(response.content))
        rows = [[c.text for c in row.cells] for t in rendered.tables for row in t.rows]
        return next(r for r in rows if "Tersusunnya administrasi Rupabumi" in r)[-1]

    response = client.get(f"{url}?tanggal=2020-12-31")
    assert response["Content-Disposition"] == (
        'attachment; filename="perjanjian-kinerja-subbag-rupabumi-2020.docx"'
    )
    assert target_in(response) == "6"
    assert target_in(client.get(f"{url}?tanggal=2020-06-30")) == "4"
    assert target_in(client.get(f"{url}?versi=1")) == "4"
    assert client.get(f"{url}?versi=7").status_code == 404
    pdf = client.get(reverse("agreement-download", args=["subbag-rupabumi", 2020, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Type"] == "application/pdf"
    assert (
        client.get(reverse("agreement-download", args=["subbag-rupabumi", 2020, "exe"])).status_code
        == 404
    )
    # no agreement for the year
    assert (
        client.get(reverse("agreement-download", args=["biro-pemkesra", 2021, "pdf"])).status_code
        == 404
    )


def test_the_document_is_refused_to_whoever_may_not_read_the_unit(client, django_user_model):
    other = Government.objects.create(name="Provinsi Lain", kind="provinsi", code="98")
    user = django_user_model.objects.create_user("luar-pk")
    Membership.objects.create(user=user, government=other, role="admin")
    url = reverse("agreement-download", args=["subbag-rupabumi", 2020, "pdf"])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(user)
    assert client.get(url).status_code == 404
    # the operator of another sub bagian reads that one only
    sub = OrgUnit.objects.get(slug="subbag-batas")
    batas = django_user_model.objects.create_user("operator-batas-pk")
    Membership.objects.create(user=batas, government=sub.government, unit=sub, role="operator")
    client.force_login(batas)
    assert client.get(url).status_code == 404
    mine = reverse("agreement-download", args=["subbag-batas", 2020, "docx"])
    assert client.get(mine).status_code == 200


def test_the_command_writes_the_pk_of_one_agreement(tmp_path):
    import docx

    agreement = rupabumi()
    out = tmp_path / "pk.docx"
    call_command(
        "report",
        "--unit",
        "subbag-rupabumi",
        "--year",
        "2020",
        "--kind",
        "pk",
        "--format",
        "docx",
        "--agreement",
        str(agreement.id),
        "--output",
        str(out),
        stdout=io.StringIO(),
    )
    rendered = docx.Document(str(out))
    text = " ".join(p.text for p in rendered.paragraphs)
    assert agreement.title in text
    assert text.count("LAMPIRAN PERJANJIAN KINERJA TAHUN 2020") == 1
    assert text.count("Pihak pertama berjanji") == 1
    for wrong, message in [
        (["--kind", "evaluasi"], "hanya untuk --kind pk"),
        (["--kind", "pk", "--year", "2021"], "tidak ditemukan"),
    ]:
        args = [
            "--unit",
            "subbag-rupabumi",
            "--year",
            "2020",
            "--format",
            "pdf",
            "--agreement",
            str(agreement.id),
            "--output",
            str(tmp_path / "x.pdf"),
            *wrong,
        ]
        with pytest.raises(CommandError, match=message):
            call_command("report", *args, stdout=io.StringIO())


# --- Tabel 8.2 and 8.3 from the multi-year selectors --------------------------------------


@pytest.fixture
def gov(db):
    return Government.objects.create(
        name="Kabupaten Sumber", kind="kabupaten", code="99.11", capital="Sumber"
    )


def _unit(gov, slug, name, **kw):
    return OrgUnit.objects.create(
        government=gov, slug=slug, name=name, kind="perangkat_daerah", **kw
    )


def _plan(unit, year, *, program_target, program_real, docs_target, docs_real, pagu=1000):
    """A plan with one program (a stock % indicator), one kegiatan and two sub kegiatan
    (documents, cumulative; and complaints, lower is better)."""
    plan = Plan.objects.create(unit=unit, year=year, nomenclature="kode lokal")
    program = PlanNode.objects.create(
        plan=plan, code="01", level="program", name="Program Pelayanan", position=1
    )
    _indicator(
        program,
        "Persentase layanan tepat waktu",
        "%",
        program_target,
        program_real,
        cumulative=False,
    )
    kegiatan = PlanNode.objects.create(
        plan=plan,
        parent=program,
        code="01.01",
        level="kegiatan",
        name="Perencanaan",
        position=2,
    )
    _indicator(kegiatan, "Dokumen perencanaan", "Dokumen", docs_target, docs_real)
    leaf = PlanNode.objects.create(
        plan=plan,
        parent=kegiatan,
        code="01.01.01",
        level="sub_kegiatan",
        name="Penyusunan Dokumen",
        position=3,
        pagu_dpa=D(pagu),
    )
    _indicator(leaf, "Dokumen perencanaan", "Dokumen", docs_target, docs_real)
    keluhan = PlanNode.objects.create(
        plan=plan,
        parent=kegiatan,
        code="01.01.02",
        level="sub_kegiatan",
        name="Penanganan Keluhan",
        position=4,
        pagu_dpa=D(pagu),
    )
    _indicator(keluhan, "Jumlah keluhan", "Kasus", "5", "3", polarity="lower", cumulative=False)
    return plan


def _indicator(node, statement, satuan, target, real, *, polarity="higher", cumulative=True):
    ind = Indicator.objects.create(
        node=node, statement=statement, satuan=satuan, polarity=polarity, cumulative=cumulative
    )
    IndicatorTarget.objects.create(indicator=ind, year=node.plan.year, value=D(target))
    IndicatorRealisation.objects.create(indicator=ind, year=node.plan.year, month=12, value=D(real))
    return ind


def rows_8_2(document):
    t = table(document, "8.2")
    return [
        (r.cells[0].value, r.cells[1].value, r.cells[2].value, r.cells[4].value, r.level)
        for r in t.rows
    ]


def expected_8_2(comparison):
    return [
        (r.name, r.achievement, r.previous_achievement, r.trend.direction or "–", r.depth)
        for r in comparison.rows
        if r.depth <= 1
    ]


def test_tabel_8_2_is_the_year_comparison_of_two_stored_years(gov):
    unit = _unit(gov, "dinas-sumber", "Dinas Sumber", from_year=2019)
    _plan(unit, 2020, program_target="90", program_real="81", docs_target="4", docs_real="4")
    # 2021 asks 3 documents although 4 were made in 2020: a target below last year
    _plan(unit, 2021, program_target="90", program_real="90", docs_target="3", docs_real="2")
    comparison = year_comparison(unit, 2021)
    assert comparison.source == "plan" and comparison.warnings
    document = build_document("evaluasi", unit, 2021)
    rows = rows_8_2(document)
    assert rows == expected_8_2(comparison)
    t = table(document, "8.2")
    assert [[display(c) for c in r.cells] for r in t.rows] == [
        ["Program Pelayanan", "83,33", "100", "-16,67", "turun"],
        ["Perencanaan", "83,33", "100", "-16,67", "turun"],
    ]
    notes = table(document, "8.2").notes
    for warning in comparison.warnings:
        assert f"Target di bawah realisasi tahun lalu: {warning}." in notes
    assert any("target 2021 (3) lebih rendah dari realisasi 2020 (4)" in n for n in notes)
    assert notes[0].startswith("Capaian 2020 dihitung dari rencana 2020 Dinas Sumber")


def test_tabel_8_2_of_a_unit_merged_between_the_years(gov):
    old = _unit(gov, "dinas-lama", "Dinas Lama", from_year=2019, to_year=2020)
    _plan(old, 2020, program_target="90", program_real="45", docs_target="4", docs_real="2")
    new = _unit(gov, "dinas-baru", "Dinas Baru (gabungan)", from_year=2021, predecessor=old)
    _plan(new, 2021, program_target="90", program_real="90", docs_target="4", docs_real="4")
    comparison = year_comparison(new, 2021)
    assert comparison.previous_unit == old
    document = build_document("evaluasi", new, 2021)
    rows = rows_8_2(document)
    assert rows == expected_8_2(comparison)
    # 2020 of the predecessor: documents 2 of 4 (50) and complaints on target (100)
    t = table(document, "8.2")
    assert [display(c) for c in t.rows[0].cells] == ["Program Pelayanan", "100", "75", "25", "naik"]
    notes = table(document, "8.2").notes
    assert notes[0].startswith(
        "Capaian 2020 dihitung dari rencana 2020 Dinas Lama (unit pendahulu Dinas Baru"
    )


def test_tabel_8_2_without_a_previous_year(gov):
    unit = _unit(gov, "dinas-baru-saja", "Dinas Baru Saja", from_year=2021)
    _plan(unit, 2021, program_target="90", program_real="90", docs_target="4", docs_real="4")
    document = build_document("evaluasi", unit, 2021)
    t = table(document, "8.2")
    assert [r.cells[2].value for r in t.rows] == [None, None]
    assert [r.cells[4].value for r in t.rows] == ["–", "–"]
    assert t.notes[0] == "Belum ada rencana atau capaian tahun 2020 yang tersimpan di Kinerja."


@pytest.fixture
def renstra(gov):
    """Dinas Renstra with a plan for 2021 and a sasaran of 2019–2023 with two indicators:
    a cumulative count with a target every year (end target: their sum) and a percentage
    with no target for 2023 (end target undefined)."""
    unit = _unit(gov, "dinas-renstra", "Dinas Renstra", from_year=2019)
    plan = _plan(unit, 2021, program_target="90", program_real="90", docs_target="4", docs_real="4")
    sasaran = Sasaran.objects.create(
        unit=unit,
        statement="Meningkatnya pelayanan",
        document="Renstra Dinas 2019-2023",
        period_start=2019,
        period_end=2023,
        position=1,
    )
    SasaranProgram.objects.create(sasaran=sasaran, node=plan.nodes.get(code="01"))
    count = Indicator.objects.create(
        sasaran=sasaran,
        statement="Jumlah dokumen perencanaan",
        satuan="Dokumen",
        cumulative=True,
        position=1,
    )
    for year, target in {2019: 2, 2020: 2, 2021: 3, 2022: 3, 2023: 2}.items():
        IndicatorTarget.objects.create(
            indicator=count, year=year, source="medium_term", value=D(target)
        )
    for year, real in {2019: 2, 2020: 1, 2021: 4}.items():
        IndicatorRealisation.objects.create(indicator=count, year=year, month=12, value=D(real))
    # the Renja (annual) target of 2021
    IndicatorTarget.objects.create(indicator=count, year=2021, value=D(4))
    rate = Indicator.objects.create(
        sasaran=sasaran,
        statement="Persentase layanan tepat waktu",
        satuan="%",
        cumulative=False,
        position=2,
    )
    for year, target in {2019: 80, 2020: 85, 2021: 90, 2022: 95}.items():
        IndicatorTarget.objects.create(
            indicator=rate, year=year, source="medium_term", value=D(target)
        )
    IndicatorRealisation.objects.create(indicator=rate, year=2020, month=12, value=D(88))
    IndicatorRealisation.objects.create(indicator=rate, year=2021, month=12, value=D(99))
    return unit


def test_tabel_8_3_is_the_medium_term_progress(renstra):
    view = medium_term_progress(renstra, 2021)
    document = build_document("evaluasi", renstra, 2021)
    t = table(document, "8.3")
    columns = ["target", "real", "ach", "end", "to_date", "to_date_ach"]
    got = [
        (
            r.cells[t.column_index("indicator")].value,
            *(r.cells[t.column_index(c)].value for c in columns),
        )
        for r in t.rows
    ]
    expected = []
    for s in view.sasaran:
        for ind in s.indicators:
            p = ind.progress
            satuan = ind.satuan
            shown = f"{ind.statement} ({satuan})" if satuan else ind.statement
            from kinerja.reports.common import fmt_target

            expected.append(
                (
                    shown,
                    fmt_target(target_value(p.year_target), satuan),
                    fmt_target(p.year_realisation, satuan),
                    p.year_achievement.raw,
                    fmt_target(target_value(p.end.target), satuan),
                    fmt_target(p.to_date.value, satuan),
                    p.to_date_achievement.raw,
                )
            )
    assert got == expected
    # the figures themselves: 4 documents against 3 this year (133,33, not capped here),
    # 2 + 1 + 4 = 7 of the 12 the five years add up to (58,33)
    count = t.rows[0]
    assert [display(count.cells[t.column_index(c)]) for c in columns] == [
        "3 Dokumen",
        "4 Dokumen",
        "133,33",
        "12 Dokumen",
        "7 Dokumen",
        "58,33",
    ]
    assert count.cells[t.column_index("program")].value == "Program Pelayanan"
    rate = t.rows[1]
    assert [display(rate.cells[t.column_index(c)]) for c in columns] == [
        "90%",
        "99%",
        "110",
        "–",
        "99%",
        "–",
    ]
    assert (
        "Persentase layanan tepat waktu — target akhir periode: target tahun akhir periode "
        "(2023) belum diisi; realisasi s.d. 2021: 99 = realisasi 2021 (nilai terakhir, tidak "
        "dijumlahkan)." in t.notes
    )
    assert (
        "Jumlah dokumen perencanaan — target akhir periode: 12 = jumlah target 2019–2023: "
        "2; 2; 3; 3; 2; realisasi s.d. 2021: 7 = 2 (2019) + 1 (2020) + 4 (2021)." in t.notes
    )
    # 110 is capped in the averages
    assert "Persentase layanan tepat waktu: 110 = 99 ÷ 90 × 100; dibatasi 100." in t.notes


def test_the_lkjip_and_the_renja_form_read_the_same_medium_term_plan(renstra):
    view = medium_term_progress(renstra, 2021)
    count = view.sasaran[0].indicators[0].progress
    lkjip = build_document("lkjip", renstra, 2021)
    t = table(lkjip, "3.1")
    row = t.rows[0]
    assert display(row.cells[t.column_index("target")]) == "4 Dokumen"  # the Renja target
    assert display(row.cells[t.column_index("mt")]) == "3 Dokumen"
    assert row.cells[t.column_index("mt_ach")].value == count.year_achievement.raw
    assert display(row.cells[t.column_index("prev")]) == "1 Dokumen"  # 2020
    body = texts(lkjip)
    assert (
        "3. Dibandingkan target jangka menengah (Renstra Dinas 2019-2023): target 2021 "
        "3 Dokumen, capaian 133,33%; target akhir periode 12 Dokumen, realisasi s.d. "
        "2021 7 Dokumen, tingkat capaian 58,33%."
    ) in body
    assert (
        "target akhir periode belum dapat ditentukan (target tahun akhir periode (2023) "
        "belum diisi)" in body
    )

    # the Renja form: a program whose indicator is the sasaran's: column 5 the end target,
    # column 6 the realisation up to last year (2019 and 2020 of a stock: the latest, 88)
    renja = build_document("renja", renstra, 2021)
    e81 = table(renja, "E.81")
    program = next(
        r for r in e81.rows if r.cells[e81.column_index("program")].value == "Program Pelayanan"
    )
    assert program.cells[e81.column_index("sasaran")].value == "Meningkatnya pelayanan"
    assert program.cells[e81.column_index("renstra_k")].value is None  # 2023 target missing
    assert program.cells[e81.column_index("prev_k")].value == D(88)
    # columns 13 and 14: the realisation up to 2021 and no level without an end target
    view = medium_term_progress(renstra, 2021)
    sasaran_ind = next(
        i for s in view.sasaran for i in s.indicators
        if i.statement == program.cells[e81.column_index("indicator")].value.split(" (")[0]
    )
    assert program.cells[e81.column_index("mt_real_k")].value == (
        sasaran_ind.progress.to_date.value
    )
    assert program.cells[e81.column_index("mt_ach_k")].value is None
    assert program.cells[e81.column_index("mt_real_rp")].value is None


def test_the_sasaran_annual_figures_follow_the_indicator_rule(renstra):
    """The year's realisation of a cumulative sasaran indicator is the sum of its months
    (the older loader took the last month's)."""
    count = Indicator.objects.get(statement="Jumlah dokumen perencanaan")
    IndicatorRealisation.objects.create(indicator=count, year=2021, month=6, value=D(1))
    ctx = report_context(renstra, 2021)
    ind = ctx.sasaran[0].indicators[0]
    assert ind.realisation == D(5)
    spec = IndicatorSpec(polarity="higher", cumulative=True)
    assert ind.progress.year_achievement.raw == achieve(spec, Target(value=D(3)), D(5)).raw


def test_the_renja_form_reads_the_renstra_of_a_kegiatan_indicator(renstra):
    """Columns 5 and 6 of a kegiatan come from the Renstra's own indicator of that kegiatan
    (``multiyear.ProgramIndicator``), tied to the year's plan by code and statement."""
    from kinerja.multiyear.models import MediumTermPlan, ProgramIndicator, ProgramIndicatorTarget

    _plan(renstra, 2020, program_target="90", program_real="85", docs_target="2", docs_real="2")
    document = MediumTermPlan.objects.create(
        government=renstra.government,
        unit=renstra,
        kind="renstra",
        title="Renstra Dinas 2019-2023",
        period_start=2019,
        period_end=2023,
    )
    line = ProgramIndicator.objects.create(
        document=document,
        level="kegiatan",
        code="01.01",
        nomenclature="kode lokal",
        name="Perencanaan",
        statement="Dokumen perencanaan",
        satuan="Dokumen",
        cumulative=True,
    )
    for year, target in {2019: 1, 2020: 2, 2021: 3, 2022: 3, 2023: 3}.items():
        ProgramIndicatorTarget.objects.create(line=line, year=year, value=D(target))
    view = medium_term_progress(renstra, 2021)
    (tied,) = view.programs
    assert tied.indicator_id is not None
    ctx = report_context(renstra, 2021)
    figures = ctx.renstra[tied.indicator_id]
    assert figures.end_target == D(12)  # 1 + 2 + 3 + 3 + 3
    assert figures.to_date_before.value == D(2)  # 2020 (2019 has no plan)

    e81 = table(build_document("renja", renstra, 2021), "E.81")
    kegiatan = next(
        r for r in e81.rows if r.cells[e81.column_index("program")].value == "Perencanaan"
    )
    assert kegiatan.cells[e81.column_index("renstra_k")].value == D(12)
    assert kegiatan.cells[e81.column_index("prev_k")].value == D(2)
    # columns 13 and 14: 2020 and 2021 summed (cumulative), against the end target of 12
    progress = figures.progress
    assert kegiatan.cells[e81.column_index("mt_real_k")].value == progress.to_date.value
    assert progress.to_date.years == (2020, 2021)
    level = kegiatan.cells[e81.column_index("mt_ach_k")].value
    assert level == progress.to_date_achievement.capped
    assert level == progress.to_date.value / D(12) * 100
