"""The unit page as a dashboard: deviation warnings, achievement per kegiatan with predicate
colours, the lowest absorption, months not yet submitted; charts drawn by the app; a fixed
number of queries whatever the size of the plan; the forbidden path."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.org.models import Membership
from kinerja.realisation.models import MonthStatus
from kinerja.web.templatetags.kinerja import PREDICATE_CLASSES
from kinerja.web.unitdash import leaves

from ..helpers import computed, make_plan

pytestmark = pytest.mark.django_db

UNIT_2020 = reverse("unit-year", args=["biro-pemerintahan", 2020])


def _section(html: str, title: str) -> str:
    start = html.index(f"<h2>{title}")
    return html[start : html.index("</div>", start)]


def _client_for(plan, django_user_model, role="operator"):
    user = django_user_model.objects.create_user(f"{role}-{plan.unit.government.code}")
    Membership.objects.create(
        user=user, government=plan.unit.government, unit=plan.unit, role=role
    )
    client = Client()
    client.force_login(user)
    return client


def test_achievement_per_kegiatan_with_predicate_colours(login):
    html = login("kepala").get(UNIT_2020).content.decode()
    table = _section(html, "Capaian per kegiatan")
    root = computed("biro-pemerintahan", 2020)
    kegiatan = [k for p in root.children for k in p.children]
    assert len(kegiatan) == 9
    rows = re.findall(r"<tr><td class=\"code\">.*?</tr>", table, re.S)
    assert len(rows) == 9
    for row, k in zip(rows, kegiatan, strict=True):
        assert k.name in row
        assert f'<span class="pred {PREDICATE_CLASSES[k.predicate]}">{k.predicate}</span>' in row
    # the seed report's figures: Tata Usaha Pemerintahan and a kegiatan at 50
    assert "71,51%" in table and ">50,00<" in table and "p-sr" in table and "p-st" in table


def test_lowest_absorption_lists_ten_leaves_lowest_first(login):
    html = login("operator").get(UNIT_2020).content.decode()
    table = _section(html, "10 penyerapan terendah")
    root = computed("biro-pemerintahan", 2020)
    expected = sorted(
        (n for n in leaves(root) if n.absorption.value is not None),
        key=lambda n: n.absorption.value,
    )[:10]
    shown = re.findall(r'<td class="code">([^<]*)</td><td>([^<]*)</td>', table)
    assert [name for _, name in shown] == [n.name for n in expected]
    values = [n.absorption.value for n in expected]
    assert values == sorted(values) and len(shown) == 10


def test_deviation_warnings_follow_the_position_month(db, django_user_model):
    # make_plan: fisik and keuangan run at 5 points a month against a plan of 8,33 a month
    plan = make_plan("94.01", 1, 1, 3)
    client = _client_for(plan, django_user_model)
    page = reverse("unit-year", args=[plan.unit.slug, plan.year])
    january = _section(client.get(page + "?bulan=1").content.decode(), "Peringatan deviasi")
    assert "Tidak ada sub kegiatan yang tertinggal" in january
    june = _section(client.get(page + "?bulan=6").content.decode(), "Peringatan deviasi")
    assert "3 sub kegiatan tertinggal" in june
    assert "lebih dari 10 poin selama rencana ≤ 70%, atau lebih dari 5 poin sesudahnya" in june
    # plan 50%, realised 30%: 20 points behind, both fisik and keuangan
    assert june.count('<td class="n behind"') == 6 and "-20,00" in june


def test_government_thresholds_change_the_warnings(db, django_user_model):
    plan = make_plan("94.02", 1, 1, 2)
    government = plan.unit.government
    government.rules = {"deviation_early": "40", "deviation_late": "40"}
    government.save()
    client = _client_for(plan, django_user_model)
    page = reverse("unit-year", args=[plan.unit.slug, plan.year]) + "?bulan=6"
    html = _section(client.get(page).content.decode(), "Peringatan deviasi")
    assert "Tidak ada sub kegiatan yang tertinggal" in html and "lebih dari 40 poin" in html


def test_months_not_submitted_link_to_the_grid(login):
    from kinerja.plans.models import Plan

    plan = Plan.objects.get(unit__slug="biro-pemerintahan", year=2020)
    for month, state in ((1, "submitted"), (2, "verified"), (3, "locked"), (4, "returned")):
        MonthStatus.objects.update_or_create(plan=plan, month=month, defaults={"state": state})
    html = _section(login("operator").get(UNIT_2020).content.decode(), "Bulan belum diajukan")
    months = re.findall(r'/realisasi/(\d+)/">([^<]+)</a> <span[^>]*>([^<]+)</span>', html)
    assert months == [("4", "April", "Dikembalikan")] + [
        (str(m), name, "belum dibuka")
        for m, name in zip(
            range(5, 13),
            ["Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
            strict=True,
        )
    ]


def test_charts_are_the_apps_own_and_nothing_comes_from_outside(login):
    html = login("operator").get(UNIT_2020).content.decode()
    assert html.count("<svg") == 2 and "<script src" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_outsider_of_the_plan_gets_not_found(db, django_user_model):
    plan = make_plan("94.03", 1, 1, 1)
    page = reverse("unit-year", args=[plan.unit.slug, plan.year])
    outsider = django_user_model.objects.create_user("luar-94")
    client = Client()
    client.force_login(outsider)
    assert client.get(page).status_code == 404
    assert _client_for(plan, django_user_model, "head").get(page).status_code == 200


def test_unit_page_queries_do_not_grow_with_the_plan(db, django_user_model):
    counts = []
    for code, (programs, kegiatan, subs) in (("95.01", (1, 3, 10)), ("95.02", (3, 10, 10))):
        plan = make_plan(code, programs, kegiatan, subs)
        client = _client_for(plan, django_user_model)
        page = reverse("unit-year", args=[plan.unit.slug, plan.year]) + "?bulan=6"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"{programs * kegiatan * subs} sub kegiatan tertinggal" in html
        counts.append(len(queries))
    assert counts[0] == counts[1]
