"""The audit pages for each persona, the forbidden paths, the filters and the exports."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.audit.selectors import AuditFilters, entries_for_unit
from kinerja.audit.services import record
from kinerja.org.models import Government, Membership, OrgUnit

pytestmark = pytest.mark.django_db

PERSONAS = ["admin", "operator", "kepala", "inspektorat"]
UTC = dt.UTC
WIB = ZoneInfo("Asia/Jakarta")


def biro_url(query: str = "") -> str:
    return reverse("audit-unit", args=["biro-pemerintahan"]) + query


def add(
    unit,
    *,
    at,
    action="realisation.update",
    username="operator",
    label="Objek",
    field="realisasi_keuangan",
    old="",
    new="",
    year=2020,
    month=3,
    reason="",
    model="plans.MonthlyEntry",
    object_id="1",
):
    return AuditEntry.objects.create(
        at=at,
        username=username,
        government=unit.government,
        unit=unit,
        year=year,
        month=month,
        action=action,
        model=model,
        object_id=object_id,
        object_label=label,
        field=field,
        old_value=old,
        new_value=new,
        reason=reason,
    )


@pytest.fixture
def trail(unit):
    """Entries on Biro Pemerintahan, on a bagian under it, and on Setda above it."""
    biro, bagian, setda = unit("biro-pemerintahan"), unit("bagian-kerjasama"), unit("setda")
    return {
        "march": add(
            biro,
            at=dt.datetime(2020, 3, 31, 17, 30, tzinfo=UTC),  # 1 Apr 00:30 WIB
            label="4.01.01.1.01.07 Evaluasi Kinerja Perangkat Daerah, Maret 2020",
            old="1193209000.00",
            new="1193210000.00",
            object_id="11",
        ),
        "submit": add(
            biro,
            at=dt.datetime(2020, 4, 2, 3, 0, tzinfo=UTC),
            action="workflow.submit",
            label="Biro Pemerintahan April 2020",
            field="state",
            old="draft",
            new="submitted",
            month=4,
            model="realisation.MonthStatus",
            object_id="5",
        ),
        "return": add(
            biro,
            at=dt.datetime(2020, 4, 3, 3, 0, tzinfo=UTC),
            action="workflow.return",
            username="kepala",
            label="Biro Pemerintahan April 2020",
            field="state",
            old="submitted",
            new="returned",
            month=4,
            reason="Lengkapi bukti",
            model="realisation.MonthStatus",
            object_id="5",
        ),
        "bagian": add(
            bagian,
            at=dt.datetime(2021, 1, 5, 3, 0, tzinfo=UTC),
            year=2021,
            month=1,
            label="Bagian Kerjasama Januari 2021",
            object_id="12",
        ),
        "setda": add(
            setda,
            at=dt.datetime(2020, 5, 1, 3, 0, tzinfo=UTC),
            username="admin",
            action="plan.update",
            label="Rahasia Setda",
            object_id="13",
        ),
    }


@pytest.mark.parametrize("username", PERSONAS)
def test_every_persona_sees_the_unit_trail_and_the_units_under_it(login, username, trail):
    response = login(username).get(biro_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jejak audit" in html and "Biro Pemerintahan" in html
    assert "Evaluasi Kinerja Perangkat Daerah, Maret 2020" in html
    assert "1193209000.00" in html and "1193210000.00" in html
    assert "Lengkapi bukti" in html
    assert "Bagian Kerjasama Januari 2021" in html  # a unit under it
    assert "Rahasia Setda" not in html  # the unit above it is not part of this page
    assert "2020-04-01 00:30:00" in html  # WIB
    assert "?format=csv" in html and "?format=xlsx" in html
    # newest first
    assert html.index("Bagian Kerjasama Januari") < html.index("Evaluasi Kinerja")
    assert reverse("audit-object", args=["plans.MonthlyEntry", "11"]) in html


def test_no_page_changes_or_removes_entries(login, trail):
    client = login("admin")
    assert client.post(biro_url(), {"id": trail["march"].pk}).status_code == 405
    url = reverse("audit-object", args=["plans.MonthlyEntry", "11"])
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405
    assert AuditEntry.objects.count() == len(trail)


@pytest.mark.parametrize("username", ["admin", "inspektorat"])
def test_government_wide_roles_read_the_top_unit(login, username, trail):
    html = login(username).get(reverse("audit-unit", args=["setda"])).content.decode()
    assert "Rahasia Setda" in html and "Evaluasi Kinerja" in html


@pytest.mark.parametrize("username", ["operator", "kepala"])
def test_unit_roles_get_not_found_above_their_unit(login, username, trail):
    client = login(username)
    assert client.get(reverse("audit-unit", args=["setda"])).status_code == 404
    assert client.get(reverse("audit-unit", args=["setda"]) + "?format=csv").status_code == 404
    obj = reverse("audit-object", args=["plans.MonthlyEntry", "13"])
    assert client.get(obj).status_code == 404


@pytest.fixture
def outsider(django_user_model):
    other = Government.objects.create(name="Kota Lain", kind="kota", code="99.72")
    unit = OrgUnit.objects.create(
        government=other,
        slug="dinas-lain",
        name="Dinas Lain",
        kind="perangkat_daerah",
        from_year=2020,
    )
    user = django_user_model.objects.create_user("orang-luar")
    Membership.objects.create(user=user, government=other, unit=unit, role="admin")
    return user


@pytest.fixture
def nobody(django_user_model):
    return django_user_model.objects.create_user("tanpa-keanggotaan")


@pytest.mark.parametrize("who", ["outsider", "nobody"])
def test_strangers_get_not_found_everywhere(client, request, trail, who):
    client.force_login(request.getfixturevalue(who))
    for url in (
        biro_url(),
        biro_url("?format=csv"),
        biro_url("?format=xlsx"),
        reverse("audit-object", args=["plans.MonthlyEntry", "11"]),
        reverse("audit-object", args=["realisation.MonthStatus", "5"]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Evaluasi Kinerja" not in response.content.decode()
    missing = client.get(reverse("audit-unit", args=["tidak-ada"]))
    assert missing.status_code == 404


def test_anonymous_is_sent_to_login(client, trail):
    response = client.get(biro_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_object_history(login, trail):
    url = reverse("audit-object", args=["realisation.MonthStatus", "5"])
    html = login("operator").get(url).content.decode()
    assert "Riwayat" in html and "Biro Pemerintahan April 2020" in html
    assert "workflow.submit" in html and "workflow.return" in html
    assert html.index("workflow.return") < html.index("workflow.submit")  # newest first
    assert "Evaluasi Kinerja" not in html
    assert (
        login("operator")
        .get(reverse("audit-object", args=["realisation.MonthStatus", "999"]))
        .status_code
        == 404
    )


def test_government_wide_entries_are_read_by_government_wide_roles_only(login, unit, user):
    gov = unit("setda").government
    record(
        user=user("admin"),
        action="membership.add",
        government=gov,
        model="org.Membership",
        object_id="900",
        object_label="operator baru",
        new="operator",
    )
    url = reverse("audit-object", args=["org.Membership", "900"])
    assert login("admin").get(url).status_code == 200
    assert login("inspektorat").get(url).status_code == 200
    assert login("operator").get(url).status_code == 404
    assert login("kepala").get(url).status_code == 404


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (AuditFilters(), {"march", "submit", "return", "bagian"}),
        (AuditFilters(date_from=dt.date(2020, 4, 1)), {"march", "submit", "return", "bagian"}),
        (AuditFilters(date_to=dt.date(2020, 3, 31)), set()),
        (AuditFilters(date_from=dt.date(2020, 4, 2), date_to=dt.date(2020, 4, 2)), {"submit"}),
        (AuditFilters(action="workflow"), {"submit", "return"}),
        (AuditFilters(action="workflow.return"), {"return"}),
        (AuditFilters(username="KEPALA"), {"return"}),
        (AuditFilters(year=2021), {"bagian"}),
        (AuditFilters(year=2020, month=4), {"submit", "return"}),
        (AuditFilters(text="evaluasi kinerja"), {"march"}),
        (AuditFilters(text="state"), {"submit", "return"}),
    ],
)
def test_filters(trail, user, unit, filters, expected):
    qs = entries_for_unit(user("admin"), unit("biro-pemerintahan"), filters=filters)
    names = {name for name, e in trail.items() if e.pk in set(qs.values_list("pk", flat=True))}
    assert names == expected


def test_selector_refuses_a_unit_the_user_cannot_read(trail, user, unit):
    from django.http import Http404

    with pytest.raises(Http404):
        entries_for_unit(user("operator"), unit("setda"))


def test_filter_form_on_the_page(login, trail):
    client = login("kepala")
    html = client.get(biro_url("?tindakan=workflow&bulan=4")).content.decode()
    assert "Lengkapi bukti" in html and "Evaluasi Kinerja" not in html
    assert "format=csv" in html and "tindakan=workflow" in html  # export keeps the filter
    bad = client.get(biro_url("?bulan=13&dari=kemarin"))
    assert bad.status_code == 200  # invalid fields are shown and ignored
    assert "Evaluasi Kinerja" in bad.content.decode()


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


HEADERS = [
    "Waktu",
    "Pengguna",
    "Sumber",
    "Tindakan",
    "Objek",
    "Kolom",
    "Nilai lama",
    "Nilai baru",
    "Alasan",
]


def test_csv_export_holds_exactly_the_filtered_rows(login, trail):
    rows = _csv(login("inspektorat").get(biro_url("?format=csv&tindakan=realisation")))
    assert rows[0] == HEADERS
    assert rows[1:] == [
        [
            "2021-01-05 10:00:00",
            "operator",
            "",
            "realisation.update",
            "Bagian Kerjasama Januari 2021",
            "realisasi_keuangan",
            "",
            "",
            "",
        ],
        [
            "2020-04-01 00:30:00",
            "operator",
            "",
            "realisation.update",
            "4.01.01.1.01.07 Evaluasi Kinerja Perangkat Daerah, Maret 2020",
            "realisasi_keuangan",
            "1193209000.00",
            "1193210000.00",
            "",
        ],
    ]


def test_csv_export_is_not_paginated_and_defuses_formulas(login, unit):
    biro = unit("biro-pemerintahan")
    start = dt.datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(60):
        add(
            biro,
            at=start + dt.timedelta(minutes=i),
            label=f"Baris {i}",
            old="-5.00",
            new='=HYPERLINK("x")' if i == 0 else "1",
            reason="@bahaya" if i == 0 else "",
        )
    rows = _csv(login("admin").get(biro_url("?format=csv&page=2")))
    assert len(rows) == 61
    last = rows[-1]
    assert last[4] == "Baris 0" and last[6] == "-5.00"  # a negative number stays a number
    assert last[7] == '\'=HYPERLINK("x")' and last[8] == "'@bahaya"


def test_xlsx_export(login, trail):
    response = login("admin").get(biro_url("?format=xlsx&bulan=4"))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    ws = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 3
    assert rows[1][:4] == (dt.datetime(2020, 4, 3, 10, 0), "kepala", None, "workflow.return")
    assert rows[1][6:] == ("submitted", "returned", "Lengkapi bukti")
    assert rows[2][0] == dt.datetime(2020, 4, 2, 10, 0)


def test_xlsx_text_is_never_a_formula(login, unit):
    add(
        unit("biro-pemerintahan"),
        at=dt.datetime(2020, 1, 1, tzinfo=UTC),
        label="=1+1",
        new="#N/A",
        reason="ada\x0bkarakter kontrol",
    )
    response = login("admin").get(biro_url("?format=xlsx"))
    ws = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert ws["E2"].value == "=1+1" and ws["E2"].data_type == "s"
    assert ws["H2"].value == "#N/A" and ws["H2"].data_type == "s"
    assert ws["I2"].value == "ada\ufffdkarakter kontrol"


def test_pagination(login, unit):
    biro = unit("biro-pemerintahan")
    start = dt.datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(55):
        add(biro, at=start + dt.timedelta(minutes=i), label=f"Baris-{i:02d}")
    client = login("admin")
    first = client.get(biro_url()).content.decode()
    assert "Baris-54" in first and "Baris-05" in first and "Baris-04" not in first
    assert "page=2" in first
    second = client.get(biro_url("?page=2")).content.decode()
    assert "Baris-04" in second and "Baris-00" in second and "Baris-05" not in second


def test_unit_page_query_count_does_not_grow_with_entries(login, unit, django_assert_num_queries):
    units = [unit("biro-pemerintahan"), unit("bagian-kerjasama"), unit("subbag-tu")]
    client = login("operator")
    add(units[0], at=dt.datetime(2020, 1, 1, tzinfo=UTC))
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(biro_url()).status_code == 200
    assert len(baseline) <= 12
    with django_assert_num_queries(len(baseline)):
        client.get(biro_url())
    start = dt.datetime(2020, 2, 1, tzinfo=UTC)
    for i in range(150):
        add(units[i % 3], at=start + dt.timedelta(hours=i), label=f"Baris {i}", object_id=str(i))
    with django_assert_num_queries(len(baseline)):
        html = client.get(biro_url("?page=2")).content.decode()
    assert "Baris 99" in html


def test_links_for_other_pages(login, user, unit, entry):
    from django.template import Context, Template

    from kinerja.audit.links import history_url, unit_trail_url

    biro = unit("biro-pemerintahan")
    record(
        user=user("operator"),
        action="realisation.update",
        unit=biro,
        obj=entry,
        field="realisasi_fisik",
        old="1",
        new="2",
    )
    url = history_url(entry)
    assert url == reverse("audit-object", args=["plans.MonthlyEntry", str(entry.pk)])
    assert unit_trail_url(biro) == biro_url()
    html = Template("{% load audit %}{% audit_history_url obj %}").render(Context({"obj": entry}))
    assert html == url
    page = login("kepala").get(url)
    assert page.status_code == 200 and "realisasi_fisik" in page.content.decode()


def test_filter_form_keeps_dates_in_the_browser_format(login, trail):
    html = login("admin").get(biro_url("?dari=2020-04-02&sampai=2020-04-02")).content.decode()
    assert 'value="2020-04-02"' in html
    assert "Biro Pemerintahan April 2020" in html and "Evaluasi Kinerja" not in html


def test_entries_written_without_a_user_show_the_system(login, unit, capsys, monkeypatch):
    """The automatic lock after the deadline (here from ``kinerja lock_overdue``) records no
    user: the page and both exports name the system, not "—", and the command and account
    that wrote it; a deleted user keeps his name."""
    from django.conf import settings
    from django.core.management import call_command

    from kinerja import cli
    from kinerja.audit.context import written_by
    from kinerja.plans.models import Plan
    from kinerja.realisation import services
    from kinerja.realisation.models import MonthStatus, RealisationDeadline

    biro = unit("biro-pemerintahan")
    plan = Plan.objects.get(unit=biro, year=2020)
    status = services.month_status(plan, 3)
    status.state = MonthStatus.State.VERIFIED
    status.save()
    RealisationDeadline.objects.create(
        government=biro.government, days_after_month_end=10, auto_lock=True
    )
    monkeypatch.setattr(cli.getpass, "getuser", lambda: "budi")
    # as ``kinerja lock_overdue`` runs it (``cli.main`` itself would close the test's
    # database connection after the command, as Django does: see tests/audit/test_source.py)
    with written_by(cli.command_source(["lock_overdue", "--date", "2020-08-10"])):
        call_command("lock_overdue", "--date", "2020-08-10")
    assert "1 bulan dikunci" in capsys.readouterr().out
    locked = AuditEntry.objects.get(action="workflow.autolock")
    assert locked.user is None and locked.username == ""
    assert locked.source == "kinerja lock_overdue (budi)"
    add(biro, at=dt.datetime(2019, 1, 1, tzinfo=UTC), username="mantan-operator", label="Lama")

    client = login("admin")
    html = client.get(biro_url("?tindakan=workflow.autolock")).content.decode()
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    by_command = '<br><small class="source">kinerja lock_overdue (budi)</small></td>'
    assert '<td class="system">Sistem' + by_command in row and "—" not in row
    html = client.get(biro_url("?cari=Lama")).content.decode()
    assert "<td>mantan-operator</td>" in html and "Sistem" not in html.split("<tbody>", 1)[1]
    history = client.get(reverse("audit-object", args=[locked.model, locked.object_id]))
    assert '<td class="system">Sistem' + by_command in history.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the language selector's choice
    english = client.get(biro_url("?tindakan=workflow.autolock")).content.decode()
    assert '<td class="system">System' + by_command in english
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"

    rows = _csv(client.get(biro_url("?format=csv&tindakan=workflow.autolock")))
    assert [r[1:4] for r in rows[1:]] == [
        ["Sistem", "kinerja lock_overdue (budi)", "workflow.autolock"]
    ]
    response = client.get(biro_url("?format=xlsx&tindakan=workflow.autolock"))
    ws = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [r[1:4] for r in ws.iter_rows(min_row=2, values_only=True)] == [
        ("Sistem", "kinerja lock_overdue (budi)", "workflow.autolock")
    ]
