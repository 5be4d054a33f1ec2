"""What wrote an entry besides its user (``AuditEntry.source``): the ``kinerja`` command and
the account that ran it, or an automatic action; blank for a signed-in request."""

import threading

import pytest

from kinerja import cli
from kinerja.audit.context import SOURCE_MAX, current_source, written_by
from kinerja.audit.models import AuditEntry
from kinerja.audit.services import record
from kinerja.org.models import OrgUnit

pytestmark = pytest.mark.django_db


def _record(label: str) -> AuditEntry:
    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    return record(user=None, action="test.source", unit=unit, object_label=label)


def test_blank_outside_any_block():
    assert current_source() == ""
    assert _record("luar").source == ""


def test_blocks_nest_and_are_undone_on_the_way_out():
    with written_by("kinerja import (budi)"):
        first = _record("a")
        with written_by("kunci otomatis"):
            inner = _record("b")
        after = _record("c")
    assert (first.source, inner.source, after.source) == (
        "kinerja import (budi)",
        "kunci otomatis",
        "kinerja import (budi)",
    )
    assert _record("d").source == ""
    stored = dict(
        AuditEntry.objects.filter(action="test.source").values_list("object_label", "source")
    )
    assert stored == {
        "a": "kinerja import (budi)",
        "b": "kunci otomatis",
        "c": "kinerja import (budi)",
        "d": "",
    }


def test_undone_also_when_the_block_raises():
    with pytest.raises(RuntimeError), written_by("kinerja copy_year (budi)"):
        raise RuntimeError("gagal")
    assert current_source() == ""


def test_one_line_and_cut_to_the_column():
    with written_by("kinerja\nimport \t (budi)"):
        assert current_source() == "kinerja import (budi)"
    with written_by("x" * 500):
        entry = _record("panjang")
    assert entry.source == "x" * SOURCE_MAX
    entry.refresh_from_db()
    assert len(entry.source) == SOURCE_MAX


def test_a_thread_started_inside_a_block_does_not_inherit_it():
    """A server started by a command serves its requests in new threads: they must not be
    recorded as written by the command."""
    seen = []
    with written_by("kinerja demo (budi)"):
        thread = threading.Thread(target=lambda: seen.append(current_source()))
        thread.start()
        thread.join()
    assert seen == [""]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "--unit", "biro", "plan.xlsx"], "kinerja import (budi)"),
        (["copy_year", "--merge", "-v", "2"], "kinerja copy_year (budi)"),
        (["--help"], "kinerja --help (budi)"),
        ([], "kinerja (budi)"),
    ],
)
def test_command_source_names_the_subcommand_and_the_account(monkeypatch, args, expected):
    monkeypatch.setattr(cli.getpass, "getuser", lambda: "budi")
    assert cli.command_source(args) == expected


@pytest.mark.parametrize("error", [OSError("no login"), KeyError("uid 1000")])
def test_command_source_without_an_account(monkeypatch, error):
    def fail():
        raise error

    monkeypatch.setattr(cli.getpass, "getuser", fail)
    assert cli.command_source(["lock_overdue"]) == "kinerja lock_overdue"


def test_the_search_of_the_audit_pages_finds_what_a_command_wrote():
    from kinerja.audit.selectors import AuditFilters, apply_filters

    with written_by("kinerja import (budi)"):
        _record("dari impor")
    _record("dari aplikasi")
    found = apply_filters(
        AuditEntry.objects.filter(action="test.source"), AuditFilters(text="IMPORT")
    )
    assert [e.object_label for e in found] == ["dari impor"]


def test_the_kinerja_command_runs_django_inside_its_source(monkeypatch):
    import django.core.management

    seen = []
    monkeypatch.setattr(cli.getpass, "getuser", lambda: "budi")
    monkeypatch.setattr(
        django.core.management,
        "execute_from_command_line",
        lambda argv: seen.append((argv, current_source())),
    )
    cli.main(["import", "--unit", "biro-pemerintahan", "rencana.xlsx"])
    assert seen == [
        (
            ["kinerja", "import", "--unit", "biro-pemerintahan", "rencana.xlsx"],
            "kinerja import (budi)",
        )
    ]
    assert current_source() == ""


def test_a_request_served_in_a_command_s_thread_records_no_source(login):
    """``kinerja runserver --nothreading`` serves requests in the command's own thread; so
    does the test client: the request's entries still carry no source."""
    from django.urls import reverse

    with written_by("kinerja runserver (budi)"):
        response = login("admin").post(
            reverse("realisation-deadline"), {"government": "36", "days": "12"}
        )
        assert current_source() == "kinerja runserver (budi)"
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(action="deadline.update").latest("id")
    assert (entry.username, entry.source) == ("admin", "")
