"""Renstra targets of program and kegiatan indicators: a hand-made unit over three years
(2020 Dinas A; 2021 and 2022 Dinas C, into which A was merged), the program's code changed
between two nomenclature versions in 2021 (mapping table), the plans copied year by year.
The Renstra row is tied to each year's plan indicator by code and statement; the page and
``medium_term_progress`` show this year against this year's Renstra target and the
realisation to date against the end target."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.audit.models import AuditEntry
from kinerja.core.numbers import percent
from kinerja.multiyear import services
from kinerja.multiyear.models import CodeMapping, ProgramIndicator, ProgramIndicatorTarget
from kinerja.multiyear.selectors import medium_term_progress, program_indicator_progress
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Indicator, IndicatorRealisation, Plan

from .conftest import P90

pytestmark = pytest.mark.django_db

NEW = "Kepmendagri 050-5889/2021"
PROGRAM = "Persentase layanan tepat waktu"
KEGIATAN = "Jumlah rapat koordinasi"


def _real(unit, year, statement, value, month=12):
    ind = Indicator.objects.get(node__plan__unit=unit, node__plan__year=year, statement=statement)
    IndicatorRealisation.objects.create(indicator=ind, year=year, month=month, value=D(value))
    return ind


@pytest.fixture
def three_years(merged):
    """Renstra of Dinas A 2020–2022 with the program's and the kegiatan's indicator, their
    targets set by Dinas C's operator (the successor), plans copied 2020 → 2021 (new
    nomenclature: program 1.01.01 becomes 1.01.02) → 2022, with realisations."""
    kegiatan = merged.plan.nodes.get(code="1.01.01.2.01")
    keg_ind = Indicator.objects.create(
        node=kegiatan, statement=KEGIATAN, satuan="Rapat", cumulative=True
    )
    IndicatorRealisation.objects.create(indicator=keg_ind, year=2020, month=6, value=D(1))
    IndicatorRealisation.objects.create(indicator=keg_ind, year=2020, month=12, value=D(1))
    doc = services.medium_term_plan_save(
        user=None,
        unit=merged.a,
        kind="renstra",
        title="Renstra Dinas A 2020-2022",
        period_start=2020,
        period_end=2022,
    )
    op = merged.operator_c
    prog_line = services.program_indicator_add(
        user=op,
        unit=merged.c,
        document=doc,
        indicator=Indicator.objects.get(node__plan=merged.plan, statement=PROGRAM),
    )
    keg_line = services.program_indicator_add(
        user=op, unit=merged.c, document=doc, indicator=keg_ind
    )
    services.program_indicator_targets_save(
        user=op,
        line=prog_line,
        unit=merged.c,
        targets={2020: "90", 2021: "92", 2022: "95"},
        end="95",
    )
    services.program_indicator_targets_save(
        user=op, line=keg_line, unit=merged.c, targets={2020: "2", 2021: "3", 2022: "4"}
    )
    CodeMapping.objects.create(
        old_version=P90,
        new_version=NEW,
        old_code="1.01.01",
        new_code="1.01.02",
        new_name="Program Penunjang Urusan",
    )
    services.copy_year(user=op, unit=merged.a, from_year=2020, to_year=2021, nomenclature=NEW)
    _real(merged.c, 2021, PROGRAM, "93")
    _real(merged.c, 2021, KEGIATAN, "3")
    services.copy_year(user=op, unit=merged.c, from_year=2021, to_year=2022)
    _real(merged.c, 2022, PROGRAM, "96")
    _real(merged.c, 2022, KEGIATAN, "4")
    return doc, prog_line, keg_line


def _rows(unit, year):
    unit = OrgUnit.objects.get(pk=unit.pk)
    return {p.statement: p for p in medium_term_progress(unit, year).programs}


def test_the_rows_keep_the_unit_s_program_and_kegiatan(merged, three_years):
    _doc, prog_line, keg_line = three_years
    assert (prog_line.level, prog_line.code, prog_line.nomenclature) == ("program", "1.01.01", P90)
    assert (keg_line.level, keg_line.code, keg_line.cumulative) == (
        "kegiatan",
        "1.01.01.2.01",
        True,
    )
    assert (prog_line.satuan, prog_line.cumulative) == ("%", False)
    stored = ProgramIndicatorTarget.objects.filter(line=prog_line).order_by("year")
    assert [(t.year, t.value) for t in stored] == [(2020, D(90)), (2021, D(92)), (2022, D(95))]
    prog_line.refresh_from_db()
    assert prog_line.end_value == D(95)


def test_2022_of_the_merged_unit_follows_the_code_change(merged, three_years):
    rows = _rows(merged.c, 2022)
    prog, keg = rows[PROGRAM], rows[KEGIATAN]
    # the program is found in every year, under its old code in 2020
    assert prog.found == ((2020, "1.01.01"), (2021, "1.01.02"), (2022, "1.01.02"))
    assert (prog.code, prog.name) == ("1.01.02", "Program Penunjang Urusan")
    assert prog.missing == ()
    assert prog.realisations == ((2020, D(92)), (2021, D(93)), (2022, D(96)))
    p = prog.progress
    assert p.year_target.value == D(95) and p.year_realisation == D(96)
    assert p.year_achievement.raw == percent(96, 95)
    assert (p.end.rule, p.end.target.value) == ("explicit", D(95))
    # a percentage is not added up: the latest year counts
    assert (p.to_date.rule, p.to_date.value) == ("latest", D(96))
    assert p.to_date_achievement.raw == percent(96, 95)
    # the kegiatan (its code carried by its parent's) adds its years up
    assert keg.found == ((2020, "1.01.01.2.01"), (2021, "1.01.02.2.01"), (2022, "1.01.02.2.01"))
    k = keg.progress
    assert (k.end.rule, k.end.target.value) == ("sum", D(9))
    assert (k.to_date.rule, k.to_date.value, k.to_date.years) == ("sum", D(9), (2020, 2021, 2022))
    assert k.to_date_achievement.raw == D(100)
    assert k.year_achievement.raw == D(100)  # 4 against 4


def test_each_year_shows_its_own_target(merged, three_years):
    rows = _rows(merged.c, 2021)
    p = rows[PROGRAM].progress
    assert (p.year_target.value, p.year_realisation) == (D(92), D(93))
    assert p.year_achievement.raw == percent(93, 92)
    k = rows[KEGIATAN].progress
    assert (k.to_date.value, k.to_date.years) == (D(5), (2020, 2021))
    assert k.to_date_achievement.raw == percent(5, 9)
    # Dinas A's own view of 2020, before the merge and the new codes
    rows = _rows(merged.a, 2020)
    assert rows[PROGRAM].code == "1.01.01"
    assert rows[PROGRAM].progress.year_achievement.raw == percent(92, 90)
    # outside the Renstra's period nothing is listed
    assert _rows(merged.c, 2023) == {}


def test_a_row_added_in_the_new_version_finds_the_old_years(merged, three_years):
    doc, _prog, keg_line = three_years
    services.program_indicator_remove(user=merged.operator_c, unit=merged.c, line=keg_line)
    assert not ProgramIndicatorTarget.objects.filter(line_id=keg_line.id).exists()
    ind_2022 = Indicator.objects.get(
        node__plan__unit=merged.c, node__plan__year=2022, statement=KEGIATAN
    )
    line = services.program_indicator_add(
        user=merged.operator_c, unit=merged.c, document=doc, indicator=ind_2022
    )
    assert (line.code, line.nomenclature) == ("1.01.02.2.01", NEW)
    keg = _rows(merged.c, 2022)[KEGIATAN]
    # 2020's plan is in the old version: the table read backwards finds 1.01.01.2.01
    assert keg.found[0] == (2020, "1.01.01.2.01")
    assert keg.realisations == ((2020, D(2)), (2021, D(3)), (2022, D(4)))


def test_without_the_mapping_table_the_old_year_is_named_missing(merged, three_years):
    CodeMapping.objects.all().delete()
    prog = _rows(merged.c, 2022)[PROGRAM]
    # the Renstra row carries 1.01.01 (2020); without the table 2021's 1.01.02 is not it
    assert prog.found == ((2020, "1.01.01"),)
    assert prog.missing == (2021, 2022)
    assert prog.progress.year_realisation is None
    assert (prog.progress.to_date.value, prog.progress.to_date.missing) == (D(92), (2021, 2022))


def test_a_renamed_indicator_is_matched_only_when_it_is_the_only_one(merged, three_years):
    ind = Indicator.objects.get(node__plan__unit=merged.c, node__plan__year=2021, statement=PROGRAM)
    ind.statement = "Persentase layanan selesai tepat waktu"
    ind.save()
    assert _rows(merged.c, 2022)[PROGRAM].found[1] == (2021, "1.01.02")  # only one, same satuan
    Indicator.objects.create(node=ind.node, statement="Indeks kepuasan", satuan="%")
    prog = _rows(merged.c, 2022)[PROGRAM]
    assert 2021 in prog.missing and prog.realisations[1] == (2021, None)


def test_copy_year_keeps_the_tie_without_touching_the_renstra(merged, three_years):
    before = list(ProgramIndicator.objects.values_list("id", "code", "statement"))
    plan_2022 = Plan.objects.get(unit=merged.c, year=2022)
    assert plan_2022.nomenclature == NEW
    assert list(ProgramIndicator.objects.values_list("id", "code", "statement")) == before
    rows = _rows(merged.c, 2022)
    assert all(r.indicator_id for r in rows.values())
    assert {r.indicator_id for r in rows.values()} == set(
        Indicator.objects.filter(
            node__plan=plan_2022, node__level__in=["program", "kegiatan"]
        ).values_list("id", flat=True)
    )


def test_writes_are_audited(merged, three_years):
    actions = set(
        AuditEntry.objects.filter(action__startswith="multiyear.program_indicator").values_list(
            "action", flat=True
        )
    )
    assert actions == {
        "multiyear.program_indicator_create",
        "multiyear.program_indicator_target",
        "multiyear.program_indicator_end_target",
    }
    entry = AuditEntry.objects.get(
        action="multiyear.program_indicator_target",
        year=2021,
        object_label=f"1.01.01 {PROGRAM} (2021)",
    )
    assert (entry.username, entry.field, entry.old_value, entry.new_value) == (
        "op-c",
        "value",
        "",
        "92.0000",
    )


def test_target_changes_and_end_target_blank_is_derived(merged, three_years):
    _doc, prog_line, _keg = three_years
    changes = services.program_indicator_targets_save(
        user=merged.operator_c,
        line=prog_line,
        unit=merged.c,
        targets={2021: "92", 2022: "97,5"},
        end="",
    )
    assert changes == 2  # 2021 unchanged
    p = _rows(merged.c, 2022)[PROGRAM].progress
    assert (p.end.rule, p.end.target.value) == ("last_year", D("97.5"))
    services.program_indicator_targets_save(
        user=merged.operator_c, line=prog_line, unit=merged.c, targets={2020: ""}
    )
    assert not ProgramIndicatorTarget.objects.filter(line=prog_line, year=2020).exists()


@pytest.mark.parametrize(
    ("targets", "end", "message"),
    [
        ({2021: "9O"}, None, "tahun 2021"),
        ({2023: "9"}, None, "di luar periode 2020–2022"),
        ({2021: "9"}, "abc", "target akhir periode"),
    ],
)
def test_unreadable_targets_save_nothing(merged, three_years, targets, end, message):
    _doc, prog_line, _keg = three_years
    before = list(ProgramIndicatorTarget.objects.values_list("year", "value"))
    with pytest.raises(services.InvalidInput, match=message):
        services.program_indicator_targets_save(
            user=merged.operator_c, line=prog_line, unit=merged.c, targets=targets, end=end
        )
    assert list(ProgramIndicatorTarget.objects.values_list("year", "value")) == before


def test_refusals(merged, three_years):
    doc, prog_line, _keg = three_years
    ind_2021 = Indicator.objects.get(
        node__plan__unit=merged.c, node__plan__year=2021, statement=PROGRAM
    )
    with pytest.raises(services.Refused, match="sudah ada"):
        services.program_indicator_add(user=None, unit=merged.c, document=doc, indicator=ind_2021)
    leaf = Indicator.objects.get(node__plan=merged.plan, statement="Jumlah dokumen")
    with pytest.raises(services.Refused, match="hanya indikator program atau kegiatan"):
        services.program_indicator_add(user=None, unit=merged.c, document=doc, indicator=leaf)
    rpjmd = services.medium_term_plan_save(
        user=None, unit=merged.c, kind="rpjmd", title="RPJMD", period_start=2020, period_end=2024
    )
    with pytest.raises(services.Refused, match="Renstra"):
        services.program_indicator_add(user=None, unit=merged.c, document=rpjmd, indicator=ind_2021)
    # Dinas B's operator, and the inspectorate, may not touch Dinas C's Renstra
    for user in (merged.operator_b, merged.inspector):
        with pytest.raises(services.NotAllowed):
            services.program_indicator_targets_save(
                user=user, line=prog_line, unit=merged.c, targets={2021: "1"}
            )
        with pytest.raises(services.NotAllowed):
            services.program_indicator_remove(user=user, unit=merged.c, line=prog_line)
    # from Dinas B's page: A's Renstra is not in B's lineage
    with pytest.raises(services.NotAllowed):
        services.program_indicator_targets_save(
            user=merged.operator_b, line=prog_line, unit=merged.b, targets={2021: "1"}
        )
    assert ProgramIndicatorTarget.objects.get(line=prog_line, year=2021).value == D(92)


def test_read_in_a_fixed_number_of_queries(merged, three_years):
    doc, _prog, _keg = three_years
    c = OrgUnit.objects.select_related("government", "predecessor").get(pk=merged.c.pk)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            program_indicator_progress(c, 2022)
        return len(ctx.captured_queries)

    plan_2022 = Plan.objects.get(unit=c, year=2022)
    program = plan_2022.nodes.get(code="1.01.02")

    def add(n):
        ind = Indicator.objects.create(node=program, statement=f"Indikator {n}", satuan="%")
        line = services.program_indicator_add(user=None, unit=c, document=doc, indicator=ind)
        services.program_indicator_targets_save(
            user=None, line=line, unit=c, targets={2022: str(n)}
        )

    add(0)  # a row written in the new version: one more pair of versions to read
    small = count()
    for n in range(1, 6):
        add(n)
    assert count() == small
    assert len(program_indicator_progress(c, 2022)) == 8


# --- the page, on the demo ---------------------------------------------------------------


def test_the_page_adds_a_program_indicator_and_saves_its_targets(login):
    from kinerja.multiyear.models import MediumTermPlan

    url = "/unit/biro-pemerintahan/2020/jangka-menengah/"
    operator = login("operator")
    html = operator.get(url).content.decode()
    assert "Belum ada indikator program atau kegiatan" in html
    # the Sekretariat Daerah's Renstra is listed, but targets go on the biro's own
    assert "tambahkan dokumen Renstra unit ini dulu" in html
    done = operator.post(
        url,
        {
            "action": "document",
            "kind": "renstra",
            "title": "Renstra Biro Pemerintahan 2017-2022",
            "period_start": "2017",
            "period_end": "2022",
        },
    )
    assert done.status_code == 302
    doc = MediumTermPlan.objects.get(title="Renstra Biro Pemerintahan 2017-2022")
    ind = (
        Indicator.objects.filter(
            node__plan__unit__slug="biro-pemerintahan", node__plan__year=2020, node__level="program"
        )
        .order_by("id")
        .first()
    )
    html = operator.get(url).content.decode()
    assert "tambahkan dokumen Renstra unit ini dulu" not in html
    offered = f'<option value="{ind.id}">{ind.node.code} '
    assert offered in html  # offered to be added
    add = {"action": "program_indicator", "document": doc.id, "indicator": ind.id}
    assert login("inspektorat").post(url, add).status_code == 404
    assert not ProgramIndicator.objects.exists()
    assert operator.post(url, add).status_code == 302
    line = ProgramIndicator.objects.get()
    assert (line.code, line.statement) == (ind.node.code, ind.statement)
    save = {"action": "program_targets", "line": line.id, "t2020": "12.345", "end": "67.890"}
    assert login("inspektorat").post(url, save).status_code == 404
    assert operator.post(url, save).status_code == 302
    assert ProgramIndicatorTarget.objects.get(line=line, year=2020).value == D(12345)
    html = operator.get(url).content.decode()
    assert "12.345" in html and "67.890" in html
    assert offered not in html  # no longer offered
    bad = operator.post(url, {**save, "t2020": "1,2,3"}, follow=True)
    assert "tahun 2020" in bad.content.decode()
    assert ProgramIndicatorTarget.objects.get(line=line, year=2020).value == D(12345)
    gone = operator.post(url, {"action": "program_remove", "line": line.id})
    assert gone.status_code == 302 and not ProgramIndicator.objects.exists()
