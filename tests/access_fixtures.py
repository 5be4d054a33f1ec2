"""The world of the access matrix (tests/test_access_matrix.py): the demo agency, an unrelated
unit of the same government with its own operator, and a second government with its admin,
operator, inspectorate, unit and plan; the demo's months put in every workflow state, an
evidence file, reopen request, deadline and account for the actions to act on. Plus a
snapshot of every table and stored file, to prove that a refused attempt changed nothing.

Built once per module inside a transaction that is rolled back at the end (each test runs in
a savepoint of it), so the session's demo database is left as it was."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from kinerja.audit.models import AuditEntry
from kinerja.multiyear.models import IkmSurvey
from kinerja.org import services as org_services
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import Indicator, IndicatorRealisation, IndicatorTarget, Plan, PlanNode
from kinerja.realisation import services as realisation
from kinerja.realisation.models import MonthStatus

from .helpers import make_plan

PASSWORD = "kinerja-demo-2021"
ANONYMOUS = "anonim"
PERSONAS = (
    ANONYMOUS,
    "admin",  # admin of the demo government
    "operator",  # operator of Biro Pemkesra (and its predecessor Biro Pemerintahan)
    "kepala",  # head of Biro Pemkesra
    "inspektorat",  # inspectorate of the demo government
    "operator_lain",  # operator of Biro Perekonomian, an unrelated unit of the same government
    "admin_luar",  # admin of another government
    "operator_luar",  # operator of a unit of that other government
    "inspektorat_luar",  # inspectorate of that other government
)
# a file both accepted as evidence (its content is a PDF) and recognisable in a response
EVIDENCE_PDF = b"%PDF-1.4\n% bukti-matriks-akses\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EVIDENCE_MARK = "bukti-matriks-akses"
FOREIGN_GOVERNMENT = "Kabupaten Seberang"
FOREIGN_UNIT = "Dinas Kebudayaan Seberang"


@dataclass
class World:
    government: Government
    unit: OrgUnit  # Biro Pemerintahan: the demo unit whose 2020 plan most pages are tried on
    plan: Plan  # its 2020 plan
    pemkesra: OrgUnit  # Biro Pemkesra (2021 plan, no PK): creating a PK, copying a year
    lain: OrgUnit  # the unrelated unit of the same government
    foreign_government: Government
    foreign_unit: OrgUnit
    foreign_plan: Plan
    users: dict[str, object] = field(default_factory=dict)
    ids: dict[str, object] = field(default_factory=dict)  # things the actions point at

    def leaf(self, plan: Plan | None = None) -> PlanNode:
        """The first leaf (by code) of the plan that has an indicator."""
        return (
            PlanNode.objects.filter(
                plan=plan or self.plan, children__isnull=True, indicators__isnull=False
            )
            .order_by("code")
            .first()
        )


def _user(username: str, full_name: str, government, role: str, unit=None):
    first, _, last = full_name.partition(" ")
    user = get_user_model().objects.create(username=username, first_name=first, last_name=last)
    Membership.objects.create(user=user, government=government, unit=unit, role=role)
    return user


def build_world(store: Path) -> World:
    """Everything the matrix needs, on top of the demo data. ``store`` holds the evidence
    files and the uploads waiting for their import (the caller points the settings there)."""
    User = get_user_model()
    unit = OrgUnit.objects.select_related("government").get(slug="biro-pemerintahan")
    government = unit.government
    plan = Plan.objects.get(unit=unit, year=2020)
    setda = OrgUnit.objects.get(government=government, slug="setda")
    lain = OrgUnit.objects.create(
        government=government,
        parent=setda,
        slug="biro-perekonomian",
        name="Biro Perekonomian",
        kind=OrgUnit.Kind.BIRO,
        eselon=OrgUnit.Eselon.II,
        from_year=2019,
    )

    foreign_plan = make_plan("99.77", programs=1, kegiatan=1, leaves=2)
    foreign_unit = foreign_plan.unit
    foreign_government = foreign_unit.government
    Government.objects.filter(pk=foreign_government.pk).update(name=FOREIGN_GOVERNMENT)
    OrgUnit.objects.filter(pk=foreign_unit.pk).update(name=FOREIGN_UNIT)
    foreign_government.refresh_from_db()
    foreign_unit.refresh_from_db()
    foreign_plan.refresh_from_db()

    users = {u.username: u for u in User.objects.filter(username__in=PERSONAS)}
    users["operator_lain"] = _user(
        "operator_lain", "Operator Perekonomian", government, "operator", lain
    )
    users["admin_luar"] = _user("admin_luar", "Admin Seberang", foreign_government, "admin")
    users["operator_luar"] = _user(
        "operator_luar", "Operator Seberang", foreign_government, "operator", foreign_unit
    )
    users["inspektorat_luar"] = _user(
        "inspektorat_luar", "Pemeriksa Seberang", foreign_government, "inspectorate"
    )
    # a cheap hash (the test hasher) so that changing one's password takes milliseconds
    User.objects.filter(username__in=PERSONAS).update(
        password=make_password(PASSWORD, hasher="md5")
    )
    for user in users.values():
        user.refresh_from_db()
    world = World(
        government=government,
        unit=unit,
        plan=plan,
        pemkesra=OrgUnit.objects.get(slug="biro-pemkesra"),
        lain=lain,
        foreign_government=foreign_government,
        foreign_unit=foreign_unit,
        foreign_plan=foreign_plan,
        users=users,
    )
    _workflow(world)
    _plan_rows(world)
    _accounts(world)
    _evidence(world, store)
    return world


def _workflow(world: World) -> None:
    """Months of the 2020 plan in every state: 1 draft, 2 submitted, 3 verified, 4 locked,
    5 locked with a reopen request waiting, 6 returned; month 1 of the other government's plan
    draft. Each status row exists, so that no attempt creates one."""
    operator, kepala, admin = (world.users[n] for n in ("operator", "kepala", "admin"))
    plan = world.plan
    for month in range(1, 13):
        realisation.month_status(plan, month)
    realisation.month_status(world.foreign_plan, 1)
    for month in (2, 3, 4, 5, 6):
        realisation.month_submit(user=operator, plan=plan, month=month)
    for month in (3, 4, 5):
        realisation.month_verify(user=kepala, plan=plan, month=month)
    for month in (4, 5):
        realisation.month_lock(user=admin, plan=plan, month=month)
    realisation.month_return(user=kepala, plan=plan, month=6, comment="Lengkapi bukti dukung.")
    request = realisation.reopen_request(
        user=operator, plan=plan, month=5, reason="Salah ketik realisasi."
    )
    world.ids["reopen_request"] = request.pk
    # a deadline (without the automatic lock) gives the arrears page something to list and
    # the audit trail an entry that belongs to the government rather than to a unit
    realisation.deadline_set(
        user=admin, government=world.government, days_after_month_end=10, auto_lock=False
    )
    entry = AuditEntry.objects.filter(unit__isnull=True, government=world.government).latest("id")
    world.ids["government_entry"] = (entry.model, entry.object_id)
    entry = AuditEntry.objects.filter(unit=world.unit, action="workflow.submit").latest("id")
    world.ids["unit_entry"] = (entry.model, entry.object_id)


def _plan_rows(world: World) -> None:
    """A sub kegiatan with pagu DPA only (so DPPA can start), no realisation and no PK, with
    an indicator without realisation: both may be deleted. The IKM indicator's realisation is
    set off the survey's index, so that feeding it changes something."""
    kegiatan = PlanNode.objects.get(plan=world.plan, level="kegiatan", code="01.01")
    node = PlanNode.objects.create(
        plan=world.plan,
        parent=kegiatan,
        code="01.01.99",
        level=world.plan.leaf_level,
        name="Tolok ukur matriks akses",
        position=99,
        pagu_dpa=Decimal("1000000"),
    )
    indicator = Indicator.objects.create(
        node=node, statement="Jumlah dokumen matriks", satuan="Dokumen"
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2020, value=Decimal("1"))
    world.ids["free_node"] = node.pk
    world.ids["free_indicator"] = indicator.pk
    ikm = Indicator.objects.get(node__plan=world.plan, statement="Nilai IKM")
    IndicatorRealisation.objects.filter(indicator=ikm).update(value=Decimal("3.1"))
    world.ids["ikm_indicator"] = ikm.pk
    world.ids["ikm_survey"] = IkmSurvey.objects.get(unit=world.unit, year=2020).pk


def _accounts(world: World) -> None:
    """An account of the demo government (not a persona) whose role can be revoked."""
    staf = org_services.user_create(
        by=world.users["admin"],
        government=world.government,
        username="staf-matriks",
        full_name="Staf Matriks",
        password="Sandi-Matriks-2024!",
        role="operator",
        unit=world.lain,
    )
    world.users["staf"] = staf
    world.ids["staf_membership"] = Membership.objects.get(user=staf).pk


def _evidence(world: World, store: Path) -> None:
    leaf = world.leaf()
    item = realisation.evidence_add(
        user=world.users["operator"],
        plan=world.plan,
        month=1,
        files=[(leaf.id, SimpleUploadedFile("kuitansi-matriks.pdf", EVIDENCE_PDF))],
    )[0]
    world.ids["evidence"] = item.uuid


def client_for(world: World, persona: str) -> Client:
    client = Client()
    if persona != ANONYMOUS:
        client.force_login(world.users[persona])
    return client


# --- what "nothing changed" means ------------------------------------------------------------

# bookkeeping of the login throttle: a failed login is recorded whoever tries it
NOT_DATA = {"org.LoginFailure"}


def snapshot() -> dict[str, tuple]:
    """Rows and checksum of every table of Kinerja's apps and of the user accounts, and the
    files under the evidence and upload folders (name and size). Raw SQL: the rows are only
    compared, so the database's own values do (and take a tenth of the time)."""
    out: dict[str, tuple] = {}
    User = get_user_model()
    with connection.cursor() as cursor:
        for model in apps.get_models():
            label = model._meta.label
            if label in NOT_DATA:
                continue
            if not (model.__module__.startswith("kinerja.") or model is User):
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")  # noqa: S608 (our names)
            rows = cursor.fetchall()
            out[label] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    for name in ("EVIDENCE_DIR", "EXCHANGE_UPLOAD_DIR"):
        base = Path(getattr(settings, name))
        files = sorted(
            (str(p.relative_to(base)), p.stat().st_size) for p in base.rglob("*") if p.is_file()
        ) if base.exists() else []
        out[f"files:{name}"] = (len(files), hashlib.sha256(repr(files).encode()).hexdigest())
    return out


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def month_version(plan: Plan, month: int) -> int:
    return MonthStatus.objects.get(plan=plan, month=month).version
