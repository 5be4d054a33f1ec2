"""Every page and every action of Kinerja tried by every persona (issue 4, "Roles and access").

The URL patterns are enumerated from Django's resolver: a page added without a row in
``CASES`` fails ``test_every_url_is_classified``, naming it. Each case says how to fill the
URL, who may open it (and with which status), whose data it shows (``markers``, text that
must appear for the personas in ``sees`` and never for anyone else) and which POST actions
it has, with a plausible payload and who may do them.

- ``test_get``: every case × every persona. Allowed personas get the status of the table; a
  logged-in persona who may not gets 404 (405 where the view takes no GET at all), the
  anonymous visitor the login page; a refused GET changes nothing.
- ``test_post_refused``: every action × every persona not allowed to do it: refused the same
  way, with no trace of the unit's data in the answer, and no row of any table of Kinerja, no
  user account and no stored file changed.
- ``test_post_allowed``: the same payload by each allowed persona does what it says (so the
  refusals above are refusals of an attempt that would have worked).
- ``test_post_to_a_read_only_page``: a POST to a page without actions changes nothing.
- ``test_objects_of_others_named_in_a_request``: a persona of the other government asks for
  its own pages while naming the demo's nodes, indicators, evidence, requests, memberships
  or units: refused, and the demo's rows stay as they were.

An open access hole is listed on its action (``holes``) and marked as a strict xfail, so the
run says it is there and turns red once it is closed.

Personas (``tests/access_fixtures.py``): the demo's admin, operator, kepala and inspektorat, an
operator of an unrelated unit of the same government, the admin, an operator and the
inspectorate of another government, and the anonymous visitor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kinerja.agreements import forms as pk_forms
from kinerja.agreements import selectors as pk_selectors
from kinerja.agreements.models import AgreementRow, PerformanceAgreement
from kinerja.exchange import uploads
from kinerja.exchange.imports import preview_import
from kinerja.exchange.templates_files import template_file
from kinerja.org.models import Membership
from kinerja.plans import services as plan_services
from kinerja.plans import views as plan_views
from kinerja.plans.forms import show
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.realisation import services as realisation
from kinerja.realisation.models import Evidence, ReopenRequest

from .access_fixtures import (
    ANONYMOUS,
    EVIDENCE_MARK,
    EVIDENCE_PDF,
    FOREIGN_GOVERNMENT,
    FOREIGN_UNIT,
    PASSWORD,
    PERSONAS,
    World,
    build_world,
    changed_tables,
    client_for,
    month_version,
    snapshot,
)

# --- who ---------------------------------------------------------------------------------

R = frozenset
READ = R({"admin", "operator", "kepala", "inspektorat"})  # readers of the demo's biro
WRITE = R({"admin", "operator", "kepala"})  # kinerja.org.access.can_write_unit
EDIT = R({"admin", "operator"})  # plan, PK and realisation editors
REVIEW = R({"admin", "kepala"})  # verify / return a month
ADMIN = R({"admin"})
LOGGED_IN = R(PERSONAS) - {ANONYMOUS}
EVERYONE = R(PERSONAS)
LUAR_READ = R({"admin_luar", "operator_luar", "inspektorat_luar"})
LUAR_EDIT = R({"admin_luar", "operator_luar"})


def allow(personas, status: int = 200) -> dict[str, int]:
    return dict.fromkeys(personas, status)


# --- what the pages show -------------------------------------------------------------------

# names of the demo units and of programs of their plans
UNIT_MARKS = ("Biro Pemerintahan", "Tata Kelola Pemerintahan", "Program Penunjang Urusan")
GOVERNMENT_MARKS = ("Pemerintah Provinsi Banten", "/pengguna/36/")
FOREIGN_MARKS = (FOREIGN_UNIT, FOREIGN_GOVERNMENT)
KEWILAYAHAN_MARKS = ("Bagian Administrasi Kewilayahan",)


# --- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """One POST of a page: its payload and who may do it (persona → expected status)."""

    id: str
    allowed: Mapping[str, int]
    payload: Callable[[World], dict] = lambda w: {}
    kwargs: Callable[[World], dict] | None = None  # when not those of the page
    changes: bool = True  # whether the allowed POST changes stored data
    # persona → why it is not refused yet although it should be (an open access hole)
    holes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """One URL pattern (``name``), filled one way. ``get`` maps each persona allowed to open
    it to the status it gets; None when the view answers only POST. ``safe_only``: the view
    refuses POST with 405."""

    id: str
    name: str
    kwargs: Callable[[World], dict]
    get: Mapping[str, int] | None
    sees: frozenset = READ
    markers: tuple[str, ...] = UNIT_MARKS
    query: Callable[[World], str] | str = ""
    text: bool = True  # the allowed answer is text in which the markers can be looked for
    safe_only: bool = False
    actions: tuple[Action, ...] = ()
    prepare: Callable | None = None  # (client, world) before the request

    def url(self, world: World, kwargs=None) -> str:
        query = self.query(world) if callable(self.query) else self.query
        return reverse(self.name, kwargs=(kwargs or self.kwargs)(world)) + query


def biro(w):
    return {"slug": "biro-pemerintahan", "year": 2020}


def pemkesra(w):
    return {"slug": "biro-pemkesra", "year": 2021}


def pemkesra_without_plan(w):
    return {"slug": "biro-pemkesra", "year": 2026}


def foreign(w):
    return {"slug": w.foreign_unit.slug, "year": w.foreign_plan.year}


def month(n: int, where=biro):
    return lambda w: {**where(w), "month": n}


# payloads -----------------------------------------------------------------------------------

FIELDS = ("keuangan", "fisik", "output", "narrative", "obstacles")


def grid_save(plan_of=lambda w: w.plan):
    """Save month 1 of the first leaf with a realisation it does not have yet."""

    def payload(w):
        plan = plan_of(w)
        leaf = w.leaf(plan)
        values = realisation.current_values(plan, 1).get(leaf.id, {})
        data = {"action": "save", "version": month_version(plan, 1)}
        for f in FIELDS:
            data[f"n{leaf.id}-{f}"] = data[f"o{leaf.id}-{f}"] = values.get(f, "")
        data[f"n{leaf.id}-keuangan"] = "1.234.567"
        return data

    return payload


def grid_action(action: str, **extra):
    return lambda w: {"action": action, **extra}


def reopen_decision(action: str):
    return lambda w: {"action": action, "request": w.ids["reopen_request"]}


def evidence_file(w):
    return {f"file-{w.leaf().id}": SimpleUploadedFile("kuitansi.pdf", EVIDENCE_PDF)}


def node_payload(w):
    return {
        "induk": PlanNode.objects.get(plan=w.plan, code="01.01").id,
        "code": "01.01.98",
        "name": "Tolok ukur baru matriks",
        "pagu_dpa": "2.000.000",
    }


def indicator_payload(statement: str, **extra):
    def payload(w):
        return {
            "statement": statement,
            "kind": "output",
            "satuan": "Dokumen",
            "polarity": "higher",
            "value_type": "number",
            "cumulative": "on",
            "qualitative_mode": "levels",
            "target_value": "2",
            **{k: v(w) for k, v in extra.items()},
        }

    return payload


def monthly_payload(w):
    """The monthly plan of one kegiatan of the 2020 plan as the page shows it, with Rp1.000 of
    anggaran kas moved from February (submitted) to January (draft): no locked month."""
    kegiatan = PlanNode.objects.get(plan=w.plan, code="02.01")
    leaves = plan_views._grid_scope(w.plan, kegiatan.id)[0]
    stored = plan_services.monthly_plan(w.plan)
    data = {
        "induk": kegiatan.id,
        "signature": plan_services.monthly_plan_signature(w.plan, [n.id for n in leaves]),
    }
    for leaf in leaves:
        kas, fisik = stored[leaf.id]
        for m in range(1, 13):
            data[f"n{leaf.id}-kas-{m}"] = show(kas[m - 1])
            data[f"n{leaf.id}-fisik-{m}"] = show(fisik[m - 1])
    leaf = leaves[0]
    kas = stored[leaf.id][0]
    data[f"n{leaf.id}-kas-1"] = show(kas[0] + Decimal(1000))
    data[f"n{leaf.id}-kas-2"] = show(kas[1] - Decimal(1000))
    return data


def agreement_new(w):
    plan = pk_selectors.plan_for(w.pemkesra, 2021)
    form = pk_forms.initial_for_new(w.pemkesra, 2021, plan)
    data = dict(form.header)
    data.update(
        {
            "rows": "1",
            "budget": "0",
            "r-0-subject": "Program Pemerintahan",
            "r-0-statement": "Indeks matriks akses",
            "r-0-satuan": "Indeks",
            "r-0-target": "3,25",
        }
    )
    return data


def agreement_revision(w):
    agreement = PerformanceAgreement.objects.get(unit=w.unit, year=2020)
    doc = pk_selectors.agreement_version(agreement, agreement.version)
    form = pk_forms.initial_for_revision(doc, agreement)
    data = dict(form.header)
    data.update(rows=str(len(form.rows)), budget=str(len(form.budget)))
    for i, row in enumerate(form.rows):
        data.update({f"r-{i}-{k}": v for k, v in row.items()})
    for i, b in enumerate(form.budget):
        data.update({f"b-{i}-{k}": v for k, v in b.items()})
    data.update({"signed_on": "2020-09-15", "reason": "Matriks akses", "r-0-target": "99"})
    return data


def agreement_link(w):
    row = AgreementRow.objects.filter(agreement__unit__slug="bagian-kewilayahan").first()
    target = (
        AgreementRow.objects.filter(agreement__unit=w.unit, agreement__year=2020)
        .exclude(id=row.parent_id)
        .first()
    )
    return {f"parent-{row.id}": str(target.id)}


def medium_term_targets(w):
    indicator = Indicator.objects.get(
        sasaran__unit=w.unit,
        statement="Persentase Keselarasan Kebijakan di Bidang Pemerintahan",
    )
    return {
        "action": "targets",
        "sasaran": indicator.sasaran_id,
        "indicator": indicator.id,
        "t2022": "85",
    }


def ikm_survey(service: str):
    return lambda w: {
        "action": "save",
        "service": service,
        "guideline": "permenpan_14_2017",
        "mode": "means",
        "respondents": "100",
        **{f"u{n}_mean": "3,6" for n in range(1, 10)},
    }


def import_file(w):
    example = template_file("plan", "xlsx", example=True)
    return {"jenis": "plan", "berkas": SimpleUploadedFile(example.filename, example.content)}


def stored_import(w):
    """A plan upload of the operator waiting to be applied (a new one for every test: applying
    removes it)."""
    example = template_file("plan", "xlsx", example=True)
    token = uploads.store(
        user=w.users["operator"],
        unit=w.pemkesra,
        year=2026,
        kind="plan",
        filename=example.filename,
        data=example.content,
    )
    return {**pemkesra_without_plan(w), "token": token}


def import_digest(w):
    example = template_file("plan", "xlsx", example=True)
    preview = preview_import(
        user=None,
        unit=w.pemkesra,
        year=2026,
        kind="plan",
        filename=example.filename,
        data=example.content,
    )
    return {"digest": preview.digest}


REVIU_TEXT = (
    b"Laporan Kinerja 2021\n\nRealisasi anggaran Rp1.000.000 dari pagu Rp2.000.000 atau 60,00%.\n"
)


def reviu_file(w):
    return {"berkas": SimpleUploadedFile("laporan.txt", REVIU_TEXT)}


def reviu_done(client, w):
    assert client.post(reverse("reviu"), reviu_file(w)).status_code == 200


def new_password(w):
    return {
        "old_password": PASSWORD,
        "new_password1": "Sandi-Baru-Matriks-77",
        "new_password2": "Sandi-Baru-Matriks-77",
    }


def government_code(w):
    return {"code": w.government.code}


def foreign_code(w):
    return {"code": w.foreign_government.code}


CASES: tuple[Case, ...] = (
    # --- kinerja.web ---------------------------------------------------------------------
    Case("home", "home", lambda w: {}, allow(LOGGED_IN)),
    Case(
        "login",
        "login",
        lambda w: {},
        {ANONYMOUS: 200, **allow(LOGGED_IN, 302)},
        sees=EVERYONE,
        markers=(),
        actions=(
            Action(
                "sandi-salah",
                {ANONYMOUS: 200, **allow(LOGGED_IN, 302)},
                lambda w: {"username": "operator", "password": "bukan-sandinya"},
                changes=False,
            ),
        ),
    ),
    Case(
        "logout",
        "logout",
        lambda w: {},
        None,
        sees=EVERYONE,
        markers=(),
        actions=(Action("keluar", allow(EVERYONE, 302), changes=False),),
    ),
    Case("dashboard", "dashboard", lambda w: {"year": 2020}, allow(LOGGED_IN)),
    Case("unit-year", "unit-year", biro, allow(READ)),
    Case(
        "unit-year@luar",
        "unit-year",
        foreign,
        allow(LUAR_READ),
        sees=LUAR_READ,
        markers=FOREIGN_MARKS,
    ),
    Case("reports", "reports", biro, allow(READ)),
    Case(
        "report-texts",
        "report-texts",
        biro,
        allow(READ),
        actions=(
            Action(
                "simpan",
                allow(WRITE, 302),
                lambda w: {"kata_pengantar": "Kata pengantar matriks akses."},
            ),
        ),
    ),
    Case(
        "report-download",
        "report-download",
        lambda w: {**biro(w), "kind": "realisasi", "fmt": "xlsx"},
        allow(READ),
        text=False,
    ),
    # --- kinerja.audit -------------------------------------------------------------------
    Case("audit-unit", "audit-unit", lambda w: {"slug": "biro-pemerintahan"}, allow(READ),
         safe_only=True),
    Case(
        "audit-object",
        "audit-object",
        lambda w: dict(zip(("model", "object_id"), w.ids["unit_entry"], strict=True)),
        allow(READ),
        safe_only=True,
    ),
    Case(
        "audit-object@pemda",
        "audit-object",
        lambda w: dict(zip(("model", "object_id"), w.ids["government_entry"], strict=True)),
        allow({"admin", "inspektorat"}),
        sees=R({"admin", "inspektorat"}),
        markers=GOVERNMENT_MARKS,
        safe_only=True,
    ),
    # --- kinerja.realisation -------------------------------------------------------------
    Case("realisation-months", "realisation-months", biro, allow(READ)),
    Case(
        "realisation-grid",
        "realisation-grid",
        month(1),
        allow(READ),
        actions=(
            Action("simpan", allow(EDIT, 302), grid_save()),
            Action("ajukan", allow(EDIT, 302), grid_action("submit")),
            Action(
                "kembalikan",
                allow(REVIEW, 302),
                grid_action("return", comment="Periksa lagi."),
                kwargs=month(2),
            ),
            Action("verifikasi", allow(REVIEW, 302), grid_action("verify"), kwargs=month(2)),
            Action("kunci", allow(ADMIN, 302), grid_action("lock"), kwargs=month(3)),
            Action(
                "minta-buka",
                allow(EDIT | REVIEW, 302),
                grid_action("reopen", reason="Salah ketik."),
                kwargs=month(4),
            ),
            Action("setujui", allow(ADMIN, 302), reopen_decision("approve"), kwargs=month(5)),
            Action("tolak", allow(ADMIN, 302), reopen_decision("reject"), kwargs=month(5)),
        ),
    ),
    Case(
        "realisation-grid@luar",
        "realisation-grid",
        month(1, foreign),
        allow(LUAR_READ),
        sees=LUAR_READ,
        markers=FOREIGN_MARKS,
        actions=(
            Action("simpan", allow(LUAR_EDIT, 302), grid_save(lambda w: w.foreign_plan)),
        ),
    ),
    Case(
        "evidence-upload",
        "evidence-upload",
        month(1),
        None,
        actions=(Action("unggah", allow(EDIT, 302), evidence_file),),
    ),
    Case(
        "evidence-delete",
        "evidence-delete",
        month(1),
        None,
        actions=(
            Action("hapus", allow(EDIT, 302), lambda w: {"evidence": str(w.ids["evidence"])}),
        ),
    ),
    Case(
        "evidence-download",
        "evidence-download",
        lambda w: {"key": w.ids["evidence"]},
        allow(READ),
        markers=(EVIDENCE_MARK,),
    ),
    Case("realisation-arrears", "realisation-arrears", lambda w: {"year": 2020},
         allow(LOGGED_IN)),
    Case(
        "realisation-deadline",
        "realisation-deadline",
        lambda w: {},
        allow({"admin", "admin_luar"}),
        sees=ADMIN,
        markers=GOVERNMENT_MARKS[:1],
        actions=(
            Action(
                "simpan",
                allow(ADMIN, 302),
                lambda w: {"government": w.government.code, "days": "15"},
            ),
            Action(
                "simpan-luar",
                allow({"admin_luar"}, 302),
                lambda w: {"government": w.foreign_government.code, "days": "15"},
            ),
        ),
    ),
    # --- kinerja.plans -------------------------------------------------------------------
    Case("plan-edit", "plan-edit", biro, allow(READ)),
    Case(
        "plan-edit@baru",
        "plan-edit",
        pemkesra_without_plan,
        allow(EDIT),
        markers=("Biro Pemerintahan",),
        actions=(
            Action(
                "buat",
                allow(EDIT, 302),
                lambda w: {
                    "nomenclature": "Permendagri 90/2019",
                    "structure": "program-kegiatan-sub_kegiatan",
                },
            ),
        ),
    ),
    Case(
        "plan-dppa",
        "plan-dppa",
        biro,
        None,
        actions=(Action("mulai", allow(EDIT, 302)),),
    ),
    Case(
        "plan-node-new",
        "plan-node-new",
        biro,
        allow(EDIT),
        query=lambda w: f"?induk={PlanNode.objects.get(plan=w.plan, code='01.01').id}",
        actions=(Action("tambah", allow(EDIT, 302), node_payload),),
    ),
    Case(
        "plan-node-edit",
        "plan-node-edit",
        lambda w: {**biro(w), "node_id": w.ids["free_node"]},
        allow(EDIT),
        actions=(
            Action(
                "ubah",
                allow(EDIT, 302),
                lambda w: {
                    "code": "01.01.99",
                    "name": "Tolok ukur diubah",
                    "pagu_dpa": "1.500.000",
                },
            ),
        ),
    ),
    Case(
        "plan-node-edit@luar",
        "plan-node-edit",
        lambda w: {**foreign(w), "node_id": w.leaf(w.foreign_plan).id},
        allow(LUAR_EDIT),
        sees=LUAR_READ,
        markers=FOREIGN_MARKS,
        actions=(
            Action(
                "ubah",
                allow(LUAR_EDIT, 302),
                lambda w: {
                    "code": w.leaf(w.foreign_plan).code,
                    "name": w.leaf(w.foreign_plan).name,
                    "pagu_dpa": "2.000.000",
                },
            ),
        ),
    ),
    Case(
        "plan-node-delete",
        "plan-node-delete",
        lambda w: {**biro(w), "node_id": w.ids["free_node"]},
        None,
        actions=(Action("hapus", allow(EDIT, 302)),),
    ),
    Case(
        "plan-indicator-new",
        "plan-indicator-new",
        biro,
        allow(EDIT),
        query=lambda w: f"?simpul={w.ids['free_node']}",
        actions=(
            Action(
                "tambah",
                allow(EDIT, 302),
                indicator_payload("Indikator baru matriks", simpul=lambda w: w.ids["free_node"]),
            ),
        ),
    ),
    Case(
        "plan-indicator-edit",
        "plan-indicator-edit",
        lambda w: {**biro(w), "indicator_id": w.ids["free_indicator"]},
        allow(EDIT),
        actions=(Action("ubah", allow(EDIT, 302), indicator_payload("Indikator diubah")),),
    ),
    Case(
        "plan-indicator-delete",
        "plan-indicator-delete",
        lambda w: {**biro(w), "indicator_id": w.ids["free_indicator"]},
        None,
        actions=(Action("hapus", allow(EDIT, 302)),),
    ),
    Case("plan-sasaran", "plan-sasaran", biro, allow(READ)),
    Case(
        "plan-monthly",
        "plan-monthly",
        biro,
        allow(READ),
        actions=(Action("simpan", allow(EDIT, 302), monthly_payload),),
    ),
    Case(
        "nomenclature-search",
        "nomenclature-search",
        lambda w: {},
        allow(LOGGED_IN),
        sees=EVERYONE,  # public reference data
        markers=(),
        query="?versi=permendagri-90-2019&q=evaluasi",
        safe_only=True,
    ),
    # --- kinerja.org ---------------------------------------------------------------------
    Case(
        "org-index",
        "org-index",
        lambda w: {},
        allow({"admin", "admin_luar"}, 302),
        sees=ADMIN,
        markers=GOVERNMENT_MARKS,
    ),
    Case("org-users", "org-users", government_code, allow(ADMIN), sees=ADMIN,
         markers=GOVERNMENT_MARKS),
    Case(
        "org-users@luar",
        "org-users",
        foreign_code,
        allow({"admin_luar"}),
        sees=R({"admin_luar"}),
        markers=FOREIGN_MARKS[1:],
    ),
    Case(
        "org-user-new",
        "org-user-new",
        government_code,
        allow(ADMIN),
        sees=ADMIN,
        markers=GOVERNMENT_MARKS,
        actions=(
            Action(
                "buat",
                allow(ADMIN, 302),
                lambda w: {
                    "username": "baru-matriks",
                    "full_name": "Pengguna Baru Matriks",
                    "password": "Sandi-Awal-Matriks-9",
                    "password_again": "Sandi-Awal-Matriks-9",
                    "role": "operator",
                    "unit": w.lain.id,
                },
            ),
        ),
    ),
    Case(
        "org-grant",
        "org-grant",
        government_code,
        None,
        sees=ADMIN,
        markers=GOVERNMENT_MARKS,
        actions=(
            Action(
                "beri",
                allow(ADMIN, 302),
                lambda w: {"user": w.users["staf"].id, "role": "head", "unit": w.lain.id},
            ),
        ),
    ),
    Case(
        "org-grant@luar",
        "org-grant",
        foreign_code,
        None,
        sees=R({"admin_luar"}),
        markers=FOREIGN_MARKS[1:],
        actions=(
            Action(
                "beri",
                allow({"admin_luar"}, 302),
                lambda w: {
                    "user": w.users["operator_luar"].id,
                    "role": "head",
                    "unit": w.foreign_unit.id,
                },
            ),
        ),
    ),
    Case(
        "org-revoke",
        "org-revoke",
        lambda w: {**government_code(w), "pk": w.ids["staf_membership"]},
        None,
        sees=ADMIN,
        markers=GOVERNMENT_MARKS,
        actions=(Action("cabut", allow(ADMIN, 302)),),
    ),
    Case(
        "password-change",
        "password-change",
        lambda w: {},
        allow(LOGGED_IN),
        sees=EVERYONE,
        markers=(),
        actions=(Action("ganti", allow(LOGGED_IN, 302), new_password),),
    ),
    Case(
        "password-change-done",
        "password-change-done",
        lambda w: {},
        allow(LOGGED_IN),
        sees=EVERYONE,
        markers=(),
    ),
    # --- kinerja.agreements --------------------------------------------------------------
    Case("agreements-list", "agreements-list", biro, allow(READ)),
    Case("agreement-detail", "agreement-detail", biro, allow(READ)),
    Case(
        "agreement-create",
        "agreement-create",
        pemkesra,
        allow(EDIT),
        actions=(Action("buat", allow(EDIT, 302), agreement_new),),
    ),
    Case(
        "agreement-revise",
        "agreement-revise",
        biro,
        allow(EDIT),
        actions=(Action("ubah", allow(EDIT, 302), agreement_revision),),
    ),
    Case(
        "agreement-links",
        "agreement-links",
        lambda w: {"slug": "bagian-kewilayahan", "year": 2020},
        allow(EDIT),
        markers=KEWILAYAHAN_MARKS,
        actions=(Action("tautkan", allow(EDIT, 302), agreement_link),),
    ),
    Case(
        "agreement-download",
        "agreement-download",
        lambda w: {**biro(w), "fmt": "docx"},
        allow(READ),
        text=False,
    ),
    Case("agreements-tree", "agreements-tree", biro, allow(READ)),
    Case(
        "agreements-tree-download",
        "agreements-tree-download",
        lambda w: {**biro(w), "fmt": "svg"},
        allow(READ),
    ),
    Case("agreements-checks", "agreements-checks", biro, allow(READ)),
    # --- kinerja.exchange ----------------------------------------------------------------
    Case("exchange-home", "exchange-home", pemkesra, allow(READ), safe_only=True),
    Case(
        "exchange-go",
        "exchange-go",
        lambda w: {"slug": "biro-pemkesra"},
        allow(READ, 302),
        query="?tahun=2022",
        safe_only=True,
    ),
    Case(
        "exchange-export",
        "exchange-export",
        lambda w: {**pemkesra(w), "dataset": "plan", "fmt": "json"},
        allow(READ),
        safe_only=True,
    ),
    Case(
        "exchange-import",
        "exchange-import",
        pemkesra_without_plan,
        None,
        actions=(
            Action("unggah", allow(EDIT), import_file),
        ),
    ),
    Case(
        "exchange-apply",
        "exchange-apply",
        stored_import,
        None,
        # the upload is bound to the operator who sent it
        actions=(Action("terapkan", allow({"operator"}), import_digest),),
    ),
    Case(
        "exchange-template",
        "exchange-template",
        lambda w: {"kind": "plan", "fmt": "csv"},
        allow(LOGGED_IN),
        sees=EVERYONE,
        markers=(),
        safe_only=True,
    ),
    # --- kinerja.reviu -------------------------------------------------------------------
    Case(
        "reviu",
        "reviu",
        lambda w: {},
        allow(LOGGED_IN),
        sees=EVERYONE,
        markers=(),
        actions=(Action("unggah", allow(LOGGED_IN), reviu_file, changes=False),),
    ),
    Case(
        "reviu-download",
        "reviu-download",
        lambda w: {"fmt": "json"},
        allow(LOGGED_IN),
        sees=EVERYONE,
        markers=(),
        safe_only=True,
        prepare=reviu_done,
    ),
    # --- kinerja.multiyear ---------------------------------------------------------------
    Case("multiyear-comparison", "multiyear-comparison", pemkesra, allow(READ)),
    Case(
        "multiyear-medium-term",
        "multiyear-medium-term",
        biro,
        allow(READ),
        actions=(
            Action("target", allow(EDIT, 302), medium_term_targets),
            Action(
                "rpjmd",
                allow(ADMIN, 302),
                lambda w: {
                    "action": "document",
                    "kind": "rpjmd",
                    "title": "RPJMD Matriks 2023-2026",
                    "period_start": "2023",
                    "period_end": "2026",
                },
            ),
        ),
    ),
    Case(
        "multiyear-copy",
        "multiyear-copy",
        pemkesra,
        allow(EDIT),
        actions=(
            Action(
                "pratinjau",
                allow(EDIT),
                lambda w: {"action": "preview", "to_year": "2022"},
                changes=False,
            ),
            Action(
                "salin",
                allow(EDIT, 302),
                lambda w: {
                    "action": "copy",
                    "to_year": "2022",
                    "nomenclature": "Permendagri 90/2019",
                },
            ),
        ),
    ),
    Case(
        "multiyear-ikm",
        "multiyear-ikm",
        biro,
        allow(READ),
        actions=(
            Action(
                "isi",
                allow(EDIT, 302),
                lambda w: {"indicator": w.ids["ikm_indicator"], "scale": "index"},
            ),
        ),
    ),
    Case(
        "multiyear-ikm-new",
        "multiyear-ikm-new",
        pemkesra,
        allow(EDIT),
        actions=(Action("simpan", allow(EDIT, 302), ikm_survey("Layanan matriks")),),
    ),
    Case(
        "multiyear-ikm-edit",
        "multiyear-ikm-edit",
        lambda w: {**biro(w), "pk": w.ids["ikm_survey"]},
        allow(READ),
        actions=(Action("simpan", allow(EDIT, 302), ikm_survey("Layanan diubah")),),
    ),
)


# --- the URL patterns ----------------------------------------------------------------------

SKIPPED = ("admin/", "i18n/", "static/")


def url_patterns() -> list[tuple[str | None, str]]:
    """(name, route) of every URL pattern of the project, Django's admin, the language switch
    and static files left out."""
    found = []

    def walk(patterns, prefix):
        for p in patterns:
            route = prefix + str(p.pattern)
            if route.startswith(SKIPPED):
                continue
            if isinstance(p, URLResolver):
                walk(p.url_patterns, route)
            elif isinstance(p, URLPattern):
                found.append((p.name, route))

    walk(get_resolver().url_patterns, "")
    return found


def test_every_url_is_classified():
    classified = {case.name for case in CASES}
    patterns = url_patterns()
    new = [
        f"URL baru belum diklasifikasikan: {name} {route}"
        for name, route in patterns
        if name not in classified
    ]
    assert not new, "\n".join(new)
    gone = classified - {name for name, _ in patterns}
    assert not gone, f"tidak ada lagi: {sorted(gone)}"
    assert len({case.id for case in CASES}) == len(CASES)


# --- the world, once per module ------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    store = tmp_path_factory.mktemp("matriks")
    overrides = override_settings(
        EVIDENCE_DIR=store / "bukti",
        EXCHANGE_UPLOAD_DIR=store / "impor",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    overrides.enable()
    try:
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                yield build_world(store)
            finally:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
    finally:
        overrides.disable()


# --- checking an answer --------------------------------------------------------------------


def body(response) -> str:
    """The answer's content and where it redirects to (except the login page, whose ``next``
    only repeats the address asked for)."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    location = response.get("Location", "")
    if location.startswith(reverse("login")):
        location = ""
    return content.decode("utf-8", errors="replace") + location


def assert_refused(response, persona: str, method_allowed: bool) -> None:
    status = response.status_code
    if persona == ANONYMOUS:
        to_login = status == 302 and response["Location"].startswith(reverse("login"))
        assert to_login or status == 405, f"anonim: {status} {response.get('Location', '')}"
    else:
        expected = 404 if method_allowed else 405
        assert status == expected, f"{persona}: {status} {response.get('Location', '')}"


def assert_nothing_shown(text: str, case: Case, persona: str) -> None:
    if persona in case.sees:
        return
    leaked = [m for m in case.markers if m in text]
    assert not leaked, f"{persona} sees {leaked}"


def assert_unchanged(before: dict, after: dict) -> None:
    assert changed_tables(before, after) == []


# --- the tests -----------------------------------------------------------------------------

GET_PARAMS = [
    pytest.param(case, persona, id=f"{case.id}-{persona}") for case in CASES for persona in PERSONAS
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "persona"), GET_PARAMS)
def test_get(world, case, persona):
    client = client_for(world, persona)
    if case.prepare is not None and persona != ANONYMOUS:
        case.prepare(client, world)
    url = case.url(world)
    allowed = case.get is not None and persona in case.get
    before = None if allowed else snapshot()
    response = client.get(url)
    text = body(response)
    if allowed:
        assert response.status_code == case.get[persona], (
            f"{persona} {url}: {response.status_code} {response.get('Location', '')}"
        )
        if response.status_code == 200 and case.text and case.markers and persona in case.sees:
            assert any(m in text for m in case.markers), f"{persona} sees none of {case.markers}"
    else:
        assert_refused(response, persona, method_allowed=case.get is not None)
        assert_unchanged(before, snapshot())
    assert_nothing_shown(text, case, persona)


REFUSED_PARAMS = [
    pytest.param(
        case,
        action,
        persona,
        id=f"{case.id}-{action.id}-{persona}",
        marks=[pytest.mark.xfail(strict=True, reason=action.holes[persona])]
        if persona in action.holes
        else [],
    )
    for case in CASES
    for action in case.actions
    for persona in PERSONAS
    if persona not in action.allowed
]
ALLOWED_PARAMS = [
    pytest.param(case, action, persona, id=f"{case.id}-{action.id}-{persona}")
    for case in CASES
    for action in case.actions
    for persona in PERSONAS
    if persona in action.allowed
]


def _post(world, case: Case, action: Action, persona: str):
    client = client_for(world, persona)
    url = case.url(world, action.kwargs)
    payload = action.payload(world)
    before = snapshot()
    response = client.post(url, payload)
    return response, before, snapshot()


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "action", "persona"), REFUSED_PARAMS)
def test_post_refused(world, case, action, persona):
    response, before, after = _post(world, case, action, persona)
    assert_refused(response, persona, method_allowed=not case.safe_only)
    assert_nothing_shown(body(response), case, persona)
    assert_unchanged(before, after)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "action", "persona"), ALLOWED_PARAMS)
def test_post_allowed(world, case, action, persona):
    response, before, after = _post(world, case, action, persona)
    assert response.status_code == action.allowed[persona], body(response)[:3000]
    changed = changed_tables(before, after)
    if action.changes:
        assert changed, "the action changed nothing"
    else:
        assert changed == []


READ_ONLY = [
    pytest.param(case, id=case.id) for case in CASES if not case.actions and case.get is not None
]


@pytest.mark.django_db
@pytest.mark.parametrize("case", READ_ONLY)
def test_post_to_a_read_only_page(world, case):
    """The most powerful persona who may open the page posts to it: nothing changes."""
    persona = next(p for p in ("admin", "admin_luar", "operator") if p in case.get)
    client = client_for(world, persona)
    before = snapshot()
    response = client.post(case.url(world), {"action": "save", "kata_pengantar": "x"})
    if case.safe_only:
        assert response.status_code == 405
    assert response.status_code < 500
    assert_unchanged(before, snapshot())


# --- another unit's objects named in a request to one's own unit ----------------------------


def demo_rows(w) -> list:
    """The demo government's rows an outsider might try to reach through ids named in its
    own pages."""
    gov = w.government
    querysets = (
        Plan.objects.filter(unit__government=gov),
        PlanNode.objects.filter(plan__unit__government=gov),
        MonthlyEntry.objects.filter(node__plan__unit__government=gov),
        Indicator.objects.filter(
            Q(node__plan__unit__government=gov) | Q(sasaran__unit__government=gov)
        ),
        IndicatorRealisation.objects.filter(indicator__node__plan__unit__government=gov),
        Evidence.objects.filter(node__plan__unit__government=gov),
        ReopenRequest.objects.filter(status__plan__unit__government=gov),
        Membership.objects.filter(government=gov),
        PerformanceAgreement.objects.filter(unit__government=gov),
    )
    return [list(qs.order_by("pk").values_list()) for qs in querysets]


@dataclass(frozen=True)
class Probe:
    """A persona of the other government (or the demo) asks for its own unit's page while
    naming an object of another unit or government."""

    id: str
    persona: str
    name: str
    kwargs: Callable[[World], dict]
    payload: Callable[[World], dict] | None  # None: a GET
    statuses: tuple[int, ...] = (404,)
    whole_snapshot: bool = True  # False: only the demo's rows must stay (``demo_rows``)
    says: str = ""  # the refusal a form answers with


def foreign_month(w):
    return {**foreign(w), "month": 1}


def demo_leaf_file(w):
    return {f"file-{w.leaf().id}": SimpleUploadedFile("kuitansi.pdf", EVIDENCE_PDF)}


def demo_leaf_realisation(w):
    leaf = w.leaf()
    data = {"action": "save", "version": month_version(w.foreign_plan, 1)}
    for f in FIELDS:
        data[f"n{leaf.id}-{f}"] = data[f"o{leaf.id}-{f}"] = ""
    data[f"n{leaf.id}-keuangan"] = "9.999.999"
    return data


def pk_pointing_at_the_demo(w):
    """A PK of the other government's unit whose pihak kedua is the demo's biro and whose
    budget line is a sub kegiatan of the demo's plan."""
    form = pk_forms.initial_for_new(w.foreign_unit, 2022, w.foreign_plan)
    data = dict(form.header)
    data.update(
        {
            "superior_unit": str(w.unit.id),
            "rows": "1",
            "budget": "1",
            "r-0-subject": "Program",
            "r-0-statement": "Indikator",
            "r-0-target": "1",
            "b-0-node": str(w.leaf().id),
            "b-0-amount": "1.000",
        }
    )
    return data


PROBES = (
    Probe(
        "setujui-permintaan-demo",
        "admin_luar",
        "realisation-grid",
        foreign_month,
        lambda w: {"action": "approve", "request": w.ids["reopen_request"]},
    ),
    Probe(
        "hapus-bukti-demo",
        "operator_luar",
        "evidence-delete",
        foreign_month,
        lambda w: {"evidence": str(w.ids["evidence"])},
    ),
    Probe("unggah-bukti-ke-simpul-demo", "operator_luar", "evidence-upload", foreign_month,
          demo_leaf_file),
    Probe(
        "realisasi-simpul-demo",
        "operator_luar",
        "realisation-grid",
        foreign_month,
        demo_leaf_realisation,
        statuses=(302,),  # saved: no row of its own plan was sent, and no other is read
        whole_snapshot=False,
    ),
    Probe(
        "ubah-simpul-demo",
        "operator_luar",
        "plan-node-edit",
        lambda w: {**foreign(w), "node_id": w.ids["free_node"]},
        lambda w: {"code": "X", "name": "Diambil alih", "pagu_dpa": "1"},
    ),
    Probe(
        "lihat-simpul-demo",
        "operator_luar",
        "plan-node-edit",
        lambda w: {**foreign(w), "node_id": w.ids["free_node"]},
        None,
    ),
    Probe(
        "hapus-simpul-demo",
        "operator_luar",
        "plan-node-delete",
        lambda w: {**foreign(w), "node_id": w.ids["free_node"]},
        lambda w: {},
    ),
    Probe(
        "simpul-baru-di-bawah-simpul-demo",
        "operator_luar",
        "plan-node-new",
        foreign,
        lambda w: {**node_payload(w), "code": "1.02.01.2.01.9999"},
    ),
    Probe(
        "ubah-indikator-demo",
        "operator_luar",
        "plan-indicator-edit",
        lambda w: {**foreign(w), "indicator_id": w.ids["free_indicator"]},
        indicator_payload("Diambil alih"),
    ),
    Probe(
        "hapus-indikator-demo",
        "operator_luar",
        "plan-indicator-delete",
        lambda w: {**foreign(w), "indicator_id": w.ids["free_indicator"]},
        lambda w: {},
    ),
    Probe(
        "indikator-baru-pada-simpul-demo",
        "operator_luar",
        "plan-indicator-new",
        foreign,
        indicator_payload("Indikator titipan", simpul=lambda w: w.ids["free_node"]),
    ),
    Probe(
        "pk-dengan-atasan-dan-anggaran-demo",
        "operator_luar",
        "agreement-create",
        foreign,
        pk_pointing_at_the_demo,
        statuses=(200,),  # the form again, with what it refuses
        says="Unit pihak kedua: harus unit pemerintah daerah yang sama.",
    ),
    Probe(
        "cabut-peran-demo",
        "admin_luar",
        "org-revoke",
        lambda w: {**foreign_code(w), "pk": w.ids["staf_membership"]},
        lambda w: {},
    ),
    Probe(
        "beri-peran-kepada-pengguna-demo",
        "admin_luar",
        "org-grant",
        foreign_code,
        lambda w: {"user": w.users["operator"].id, "role": "head", "unit": w.foreign_unit.id},
        statuses=(200,),
        says="Pengguna yang dipilih bukan pengguna pemerintah daerah ini.",
    ),
    Probe(
        "beri-peran-pada-unit-demo",
        "admin_luar",
        "org-grant",
        foreign_code,
        lambda w: {"user": w.users["operator_luar"].id, "role": "head", "unit": w.unit.id},
        statuses=(200,),
        says="Unit kerja yang dipilih tidak ada.",
    ),
    Probe(
        "lihat-survei-ikm-demo",
        "operator_luar",
        "multiyear-ikm-edit",
        lambda w: {**foreign(w), "pk": w.ids["ikm_survey"]},
        None,
    ),
    Probe(
        "ubah-survei-ikm-demo",
        "operator_luar",
        "multiyear-ikm-edit",
        lambda w: {**foreign(w), "pk": w.ids["ikm_survey"]},
        ikm_survey("Diambil alih"),
    ),
    Probe(
        "target-sasaran-demo",
        "operator_luar",
        "multiyear-medium-term",
        foreign,
        medium_term_targets,
    ),
    Probe(
        "salin-ke-unit-demo",
        "operator_luar",
        "multiyear-copy",
        foreign,
        lambda w: {"action": "copy", "to_year": "2023", "target": str(w.unit.id)},
        statuses=(200, 302),  # copied into its own unit, or refused; never into the demo's
        whole_snapshot=False,
    ),
    Probe(
        "ikm-isi-indikator-demo",
        "operator_luar",
        "multiyear-ikm",
        foreign,
        lambda w: {"indicator": w.ids["ikm_indicator"], "scale": "index"},
    ),
)


@pytest.mark.django_db
@pytest.mark.parametrize("probe", [pytest.param(p, id=p.id) for p in PROBES])
def test_objects_of_others_named_in_a_request(world, probe):
    client = client_for(world, probe.persona)
    url = reverse(probe.name, kwargs=probe.kwargs(world))
    payload = probe.payload(world) if probe.payload is not None else None
    before = snapshot() if probe.whole_snapshot else demo_rows(world)
    response = client.get(url) if payload is None else client.post(url, payload)
    after = snapshot() if probe.whole_snapshot else demo_rows(world)
    assert response.status_code in probe.statuses, body(response)[:2000]
    if probe.whole_snapshot:
        assert changed_tables(before, after) == []
    else:
        assert before == after
    assert probe.says in body(response)
    assert not any(m in body(response) for m in UNIT_MARKS + (EVIDENCE_MARK,))
