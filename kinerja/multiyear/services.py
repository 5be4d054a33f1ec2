"""Writes of the multi-year area. Every write is a named function with keyword-only
arguments, runs in one transaction (nothing half-written is kept) and records what changed in
the audit trail. ``user`` may be None for the command line (recorded without a name); when a
user is given, the unit must be writable for them (``kinerja.org.access``), otherwise
``NotAllowed`` is raised, which views answer with 404 like a missing page.

Included:
- the medium-term plan: documents (RPJMD, Renstra), tujuan, sasaran strategis with their
  indicators, yearly medium-term targets and the end target, links from a year's programs to
  the sasaran they serve;
- ``copy_year``: a year's plan copied into a later year (structure, indicators, sasaran links;
  targets, pagu and realisation left empty), codes carried through the mapping table between
  the two nomenclature versions, the unit followed through renames and merges; refused when
  the target year already has a plan;
- ``code_mapping_load``: the mapping table (old code → new code per pair of versions) read
  from CSV;
- IKM: a survey saved (per unsur or as its index), and its index set as the realisation of an
  indicator such as "Nilai IKM".
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction

from kinerja.audit.services import record, record_changes
from kinerja.core.achievement import Target
from kinerja.core.numbers import fmt_compact, round_half_up
from kinerja.core.parse import ParseError, parse_number
from kinerja.org.access import can_read_unit, roles_on_unit
from kinerja.org.models import Membership, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Plan,
    PlanNode,
    Sasaran,
)
from kinerja.plans.services import may_edit_plan

from . import compute, ikm
from .models import (
    CodeMapping,
    EndTarget,
    IkmElement,
    IkmSurvey,
    MediumTermPlan,
    ProgramIndicator,
    ProgramIndicatorTarget,
    SasaranPlacement,
    SasaranProgram,
    Tujuan,
)
from .selectors import (
    annual_realisations,
    code_mapping,
    lineage,
    plan_of_lineage,
    resolve_program_indicators,
    survey_result,
    unit_in_year,
)


class NotAllowed(Exception):
    """The user may not change this unit's data; views answer it like a missing page."""


class Refused(Exception):
    """The action cannot be done as asked (message in Indonesian, saying why)."""


@dataclass(frozen=True)
class FieldError:
    where: str  # e.g. "tahun 2021", "U3, jawaban 2", "kode_mapping.csv, baris 4, kolom kode_baru"
    found: str
    message: str

    def __str__(self) -> str:
        found = f" (ditemukan: {self.found!r})" if self.found else ""
        return f"{self.where}: {self.message}{found}"


class InvalidInput(Exception):
    """Some input cannot be read; nothing was saved. ``errors`` say where and why."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def _require_write(user, unit: OrgUnit) -> None:
    if user is not None and not may_edit_plan(user, unit):
        raise NotAllowed(unit.slug)


def _require_admin(user, unit: OrgUnit) -> None:
    if user is not None and Membership.Role.ADMIN not in roles_on_unit(user, unit):
        raise NotAllowed(unit.slug)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


# --- the medium-term plan ------------------------------------------------------------------


def medium_term_plan_save(
    *,
    user,
    unit: OrgUnit,
    kind: str,
    title: str,
    period_start: int,
    period_end: int,
    parent: MediumTermPlan | None = None,
    document: MediumTermPlan | None = None,
) -> MediumTermPlan:
    """Create (or, given ``document``, change) a Renstra of ``unit`` or the RPJMD of its
    government (``kind="rpjmd"``; only the government's admin may)."""
    if kind not in MediumTermPlan.Kind.values:
        raise Refused(f"jenis dokumen tidak dikenal: {kind!r}")
    if kind == MediumTermPlan.Kind.RPJMD:
        _require_admin(user, unit)
    else:
        _require_write(user, unit)
    title = _clean(title)
    errors = []
    if not title:
        errors.append(FieldError("judul", "", "judul dokumen belum diisi"))
    if period_end < period_start:
        errors.append(
            FieldError("periode", f"{period_start}–{period_end}", "akhir periode sebelum awalnya")
        )
    if errors:
        raise InvalidInput(errors)
    values = {
        "government": unit.government,
        "unit": unit if kind == MediumTermPlan.Kind.RENSTRA else None,
        "kind": kind,
        "title": title,
        "period_start": period_start,
        "period_end": period_end,
        "parent": parent,
    }
    with transaction.atomic():
        if document is None:
            document = MediumTermPlan.objects.create(**values)
            record(
                user=user,
                action="multiyear.medium_term_create",
                unit=unit,
                obj=document,
                new=f"{document.get_kind_display()} {period_start}–{period_end}",
            )
        else:
            before = {k: getattr(document, k) for k in ("title", "period_start", "period_end")}
            for key, value in values.items():
                setattr(document, key, value)
            document.save()
            record_changes(
                user=user,
                action="multiyear.medium_term_update",
                obj=document,
                before=before,
                after={k: getattr(document, k) for k in before},
                unit=unit,
            )
    return document


def tujuan_save(
    *, user, document: MediumTermPlan, statement: str, code: str = "", unit: OrgUnit
) -> Tujuan:
    """Add a tujuan to a document. ``unit`` is the unit whose page the user works from
    (for access and the audit trail)."""
    _check_document(user, document, unit)
    statement = _clean(statement)
    if not statement:
        raise InvalidInput([FieldError("tujuan", "", "pernyataan tujuan belum diisi")])
    with transaction.atomic():
        tujuan = Tujuan.objects.create(
            plan=document,
            code=_clean(code),
            statement=statement,
            position=document.tujuan.count(),
        )
        record(user=user, action="multiyear.tujuan_create", unit=unit, obj=tujuan, new=statement)
    return tujuan


def _check_document(user, document: MediumTermPlan, unit: OrgUnit) -> None:
    if document.government_id != unit.government_id:
        raise NotAllowed(unit.slug)
    if document.unit_id is None:
        _require_admin(user, unit)
    else:
        if document.unit_id not in {u.id for u in lineage(unit)}:
            raise NotAllowed(unit.slug)
        _require_write(user, unit)


def sasaran_save(
    *,
    user,
    document: MediumTermPlan,
    unit: OrgUnit,
    statement: str,
    code: str = "",
    tujuan: Tujuan | None = None,
    program_names: str = "",
) -> Sasaran:
    """Add a sasaran strategis of ``unit`` to a document, over the document's period."""
    _check_document(user, document, unit)
    statement = _clean(statement)
    if not statement:
        raise InvalidInput([FieldError("sasaran", "", "pernyataan sasaran belum diisi")])
    if tujuan is not None and tujuan.plan_id != document.id:
        raise Refused("tujuan itu bukan bagian dari dokumen ini")
    with transaction.atomic():
        sasaran = Sasaran.objects.create(
            unit=unit,
            statement=statement,
            document=document.title,
            period_start=document.period_start,
            period_end=document.period_end,
            position=Sasaran.objects.filter(unit=unit).count(),
            program_names=_clean(program_names),
        )
        SasaranPlacement.objects.create(
            sasaran=sasaran, plan=document, tujuan=tujuan, code=_clean(code)
        )
        record(user=user, action="multiyear.sasaran_create", unit=unit, obj=sasaran, new=statement)
    return sasaran


def sasaran_indicator_save(
    *,
    user,
    sasaran: Sasaran,
    unit: OrgUnit,
    statement: str,
    satuan: str = "",
    polarity: str = "higher",
    value_type: str = "number",
    cumulative: bool = False,
) -> Indicator:
    """Add an indicator to a sasaran strategis."""
    _check_sasaran(user, sasaran, unit)
    statement = _clean(statement)
    errors = []
    if not statement:
        errors.append(FieldError("indikator", "", "pernyataan indikator belum diisi"))
    if polarity not in Indicator.Polarity.values:
        errors.append(FieldError("arah", polarity, "pilih 'higher' atau 'lower'"))
    if value_type not in ("number", "percent", "range"):
        errors.append(FieldError("tipe nilai", value_type, "pilih angka, persen atau rentang"))
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        indicator = Indicator.objects.create(
            sasaran=sasaran,
            kind=Indicator.Kind.SASARAN,
            statement=statement,
            satuan=_clean(satuan),
            polarity=polarity,
            value_type=value_type,
            cumulative=cumulative,
            position=sasaran.indicators.count(),
        )
        record(
            user=user,
            action="multiyear.indicator_create",
            unit=unit,
            obj=indicator,
            new=statement,
        )
    return indicator


def _check_sasaran(user, sasaran: Sasaran, unit: OrgUnit) -> None:
    if sasaran.unit_id not in {u.id for u in lineage(unit)}:
        raise NotAllowed(unit.slug)
    _require_write(user, unit)


def _read_target(text: str, value_type: str, where: str) -> tuple[Target | None, FieldError | None]:
    """A target typed by a user: a number (Indonesian way), a range ``a–b`` or, for
    qualitative indicators, a label. Blank → None."""
    text = (text or "").strip()
    if not text:
        return None, None
    if value_type == "qualitative":
        return Target(label=text), None
    try:
        if value_type == "range":
            parts = re.split(r"\s*[–—-]\s*", text)
            if len(parts) != 2:
                return None, FieldError(where, text, "rentang ditulis a–b, mis. 80–90")
            low, high = (parse_number(p) for p in parts)
            if low is None or high is None or low > high:
                return None, FieldError(where, text, "rentang ditulis a–b dengan a ≤ b")
            return Target(low=low, high=high), None
        return Target(value=parse_number(text)), None
    except ParseError as exc:
        return None, FieldError(where, text, f"{exc.reason}; contoh: {exc.expected}")


def _q4(value: Decimal | None) -> Decimal | None:
    return None if value is None else round_half_up(value, 4)


def _read_targets(
    targets: dict[int, str], end: str | None, start: int, stop: int, value_type: str
) -> tuple[dict[int, Target | None], Target | None]:
    """Every typed yearly target (inside ``start``..``stop``) and the end target read, or
    ``InvalidInput`` naming each unreadable one."""
    errors, read = [], {}
    for year, text in sorted(targets.items()):
        if not start <= year <= stop:
            errors.append(FieldError(f"tahun {year}", text, f"di luar periode {start}–{stop}"))
            continue
        target, error = _read_target(text, value_type, f"tahun {year}")
        if error:
            errors.append(error)
        read[year] = target
    end_target = None
    if end is not None:
        end_target, error = _read_target(end, value_type, "target akhir periode")
        if error:
            errors.append(error)
    if errors:
        raise InvalidInput(errors)
    return read, end_target


def medium_term_targets_save(
    *,
    user,
    indicator: Indicator,
    unit: OrgUnit,
    targets: dict[int, str],
    end: str | None = None,
) -> int:
    """Store the yearly medium-term targets (``{year: text}``; blank removes) and the end
    target (None leaves it, blank removes: it is then derived) of a sasaran indicator. Every
    text is read first; one unreadable text saves nothing. Returns the number of changes."""
    sasaran = indicator.sasaran
    if sasaran is None:
        raise Refused("target jangka menengah diisi pada indikator sasaran")
    _check_sasaran(user, sasaran, unit)
    read, end_target = _read_targets(
        targets, end, sasaran.period_start, sasaran.period_end, indicator.value_type
    )
    changes = 0
    with transaction.atomic():
        stored = {
            t.year: t
            for t in IndicatorTarget.objects.filter(
                indicator=indicator, source="medium_term", period_kind="year", period_index=0
            )
        }
        for year, target in read.items():
            changes += _store_target(user, unit, indicator, year, stored.get(year), target)
        if end is not None:
            changes += _store_end(user, unit, indicator, end_target)
    return changes


def _fields(target: Target | None) -> dict:
    if target is None:
        return {"value": None, "low": None, "high": None, "label": ""}
    return {
        "value": _q4(target.value),
        "low": _q4(target.low),
        "high": _q4(target.high),
        "label": target.label or "",
    }


TARGET_FIELDS = ("value", "low", "high", "label")


def _upsert_target(
    *, user, unit, row, target, create, owner, action, label, year=None, audit_obj=None
) -> int:
    """Store ``target`` in the target row ``row``: update it, create it with
    ``create(**fields)`` when there is none, delete it when ``target`` is None; recorded in
    the audit trail against ``audit_obj`` (default: the row, or ``owner`` once deleted).
    Returns 1 when something changed, else 0."""
    before = {k: getattr(row, k) for k in TARGET_FIELDS} if row else {}
    after = _fields(target) if target is not None else {}
    obj = row
    if target is None:
        if row is None:
            return 0
        row.delete()
        obj = owner
    elif row is None:
        obj = create(**after)
    else:
        for k, v in after.items():
            setattr(row, k, v)
        row.save()
    entries = record_changes(
        user=user,
        action=action,
        obj=audit_obj or obj,
        before=before,
        after=after,
        unit=unit,
        year=year,
        object_label=label,
    )
    return 1 if entries else 0


def _store_target(user, unit, indicator, year, row, target) -> int:
    return _upsert_target(
        user=user,
        unit=unit,
        row=row,
        target=target,
        create=lambda **fields: IndicatorTarget.objects.create(
            indicator=indicator, source="medium_term", year=year, **fields
        ),
        owner=indicator,
        action="multiyear.medium_term_target",
        label=f"{indicator.statement} ({year})",
        year=year,
    )


def _store_end(user, unit, indicator, target) -> int:
    return _upsert_target(
        user=user,
        unit=unit,
        row=EndTarget.objects.filter(indicator=indicator).first(),
        target=target,
        create=lambda **fields: EndTarget.objects.create(indicator=indicator, **fields),
        owner=indicator,
        action="multiyear.end_target",
        label=f"{indicator.statement} (target akhir periode)",
        audit_obj=indicator,
    )


def program_link_save(*, user, sasaran: Sasaran, node: PlanNode, unit: OrgUnit, linked: bool):
    """Say whether a program (or kegiatan) of a year serves a sasaran strategis."""
    _check_sasaran(user, sasaran, unit)
    if node.plan.unit_id not in {u.id for u in lineage(unit)}:
        raise NotAllowed(unit.slug)
    if node.level not in (PlanNode.Level.PROGRAM, PlanNode.Level.KEGIATAN):
        raise Refused("hanya program atau kegiatan yang dapat mendukung sasaran")
    if not sasaran.period_start <= node.plan.year <= sasaran.period_end:
        raise Refused(
            f"tahun {node.plan.year} di luar periode sasaran"
            f" {sasaran.period_start}–{sasaran.period_end}"
        )
    with transaction.atomic():
        link = SasaranProgram.objects.filter(sasaran=sasaran, node=node).first()
        if linked and link is None:
            link = SasaranProgram.objects.create(sasaran=sasaran, node=node)
            record(
                user=user,
                action="multiyear.program_link",
                unit=unit,
                year=node.plan.year,
                obj=link,
                new=f"{node.code} {node.name}",
            )
        elif not linked and link is not None:
            label = str(link)
            link_id = link.pk
            link.delete()
            record(
                user=user,
                action="multiyear.program_unlink",
                unit=unit,
                year=node.plan.year,
                model="multiyear.SasaranProgram",
                object_id=str(link_id),
                object_label=label,
                old=f"{node.code} {node.name}",
            )


# --- program and kegiatan indicators of a Renstra ------------------------------------------


def _check_line(user, line: ProgramIndicator, unit: OrgUnit) -> None:
    _check_document(user, line.document, unit)


def program_indicator_add(
    *, user, unit: OrgUnit, document: MediumTermPlan, indicator: Indicator
) -> ProgramIndicator:
    """Put an indicator of a program or kegiatan of a year's plan into a Renstra of the unit,
    so that it gets a target for each year of the period and an end target. The Renstra row
    keeps the node's level, code (in the plan's nomenclature version) and name and the
    indicator's definition; the plans of other years are tied to it by code and statement
    (see ``models.ProgramIndicator``)."""
    _check_document(user, document, unit)
    if document.kind != MediumTermPlan.Kind.RENSTRA:
        raise Refused("indikator program dan kegiatan dicatat pada Renstra unit")
    node = indicator.node
    if node is None or node.level not in (PlanNode.Level.PROGRAM, PlanNode.Level.KEGIATAN):
        raise Refused("hanya indikator program atau kegiatan yang diberi target Renstra")
    chain = lineage(unit)
    if node.plan.unit_id not in {u.id for u in chain}:
        raise NotAllowed(unit.slug)
    year = node.plan.year
    if not document.covers(year):
        raise Refused(
            f"tahun {year} di luar periode {document.period_start}–{document.period_end}"
            f" {document.title}"
        )
    existing = list(ProgramIndicator.objects.filter(document=document))
    resolved = resolve_program_indicators(existing, chain, {year})
    for line in existing:
        hit = resolved.get(line.id, {}).get(year)
        if hit is not None and hit[1] is not None and hit[1].id == indicator.id:
            raise Refused(f"indikator “{indicator.statement}” sudah ada di {document.title}")
    with transaction.atomic():
        line = ProgramIndicator.objects.create(
            document=document,
            level=node.level,
            code=node.code,
            nomenclature=node.plan.nomenclature,
            name=node.name,
            **_definition(indicator),
            position=len(existing),
        )
        record(
            user=user,
            action="multiyear.program_indicator_create",
            unit=unit,
            year=year,
            obj=line,
            new=f"{node.code} {node.name}: {indicator.statement}",
        )
    return line


def program_indicator_remove(*, user, unit: OrgUnit, line: ProgramIndicator) -> None:
    """Take a program or kegiatan indicator (and its targets) out of the Renstra."""
    _check_line(user, line, unit)
    with transaction.atomic():
        label, pk = str(line), line.pk
        targets = "; ".join(
            f"{t.year}: {t.label or t.value}" for t in line.targets.order_by("year")
        )
        line.delete()
        record(
            user=user,
            action="multiyear.program_indicator_delete",
            unit=unit,
            model="multiyear.ProgramIndicator",
            object_id=str(pk),
            object_label=label,
            old=f"{label} ({targets})" if targets else label,
        )


def program_indicator_targets_save(
    *,
    user,
    line: ProgramIndicator,
    unit: OrgUnit,
    targets: dict[int, str],
    end: str | None = None,
) -> int:
    """Store the Renstra targets (``{year: text}``; blank removes) and the end target (None
    leaves it, blank removes: it is then derived) of a program or kegiatan indicator, as
    ``medium_term_targets_save`` does for a sasaran indicator. Returns the number of
    changes."""
    _check_line(user, line, unit)
    doc = line.document
    read, end_target = _read_targets(
        targets, end, doc.period_start, doc.period_end, line.value_type
    )
    changes = 0
    with transaction.atomic():
        stored = {t.year: t for t in ProgramIndicatorTarget.objects.filter(line=line)}
        for year, target in read.items():
            changes += _upsert_target(
                user=user,
                unit=unit,
                row=stored.get(year),
                target=target,
                create=lambda year=year, **fields: ProgramIndicatorTarget.objects.create(
                    line=line, year=year, **fields
                ),
                owner=line,
                action="multiyear.program_indicator_target",
                label=f"{line.code} {line.statement} ({year})",
                year=year,
            )
        if end is not None:
            before = {
                "value": line.end_value,
                "low": line.end_low,
                "high": line.end_high,
                "label": line.end_label,
            }
            after = _fields(end_target)
            line.end_value, line.end_low = after["value"], after["low"]
            line.end_high, line.end_label = after["high"], after["label"]
            line.save(update_fields=["end_value", "end_low", "end_high", "end_label"])
            entries = record_changes(
                user=user,
                action="multiyear.program_indicator_end_target",
                obj=line,
                before=before,
                after=after,
                unit=unit,
                object_label=f"{line.code} {line.statement} (target akhir periode)",
            )
            changes += 1 if entries else 0
    return changes


# --- copying a year's plan into a later year -----------------------------------------------


@dataclass(frozen=True)
class CopiedNode:
    old_code: str
    code: str
    name: str
    level: str
    rule: str  # own | parent | same (see compute.remap_code)
    indicators: int

    @property
    def changed(self) -> bool:
        return self.code != self.old_code


@dataclass
class CopyResult:
    source: Plan
    target_unit: OrgUnit
    to_year: int
    nomenclature: str
    nodes: list[CopiedNode] = field(default_factory=list)
    removed: list[compute.MappedRow] = field(default_factory=list)
    indicators: int = 0
    links: int = 0
    end_targets: int = 0
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    plan: Plan | None = None
    merged_into: Plan | None = None  # the existing plan the copy is added to (merge)
    joined: list[str] = field(default_factory=list)  # codes already there, children added

    @property
    def changed(self) -> list[CopiedNode]:
        return [n for n in self.nodes if n.changed]

    def summary(self) -> str:
        if self.merged_into is not None:
            verb = "akan digabung" if self.dry_run else "digabung"
            return (
                f"{self.source.unit.name} {self.source.year} {verb} ke rencana"
                f" {self.target_unit.name} {self.to_year}: {len(self.nodes)} simpul"
                f" ({len(self.joined)} sudah ada), {self.indicators} indikator,"
                f" {self.links} tautan sasaran, {len(self.changed)} kode berubah,"
                f" {len(self.removed)} simpul dihapus; target, pagu dan realisasi dikosongkan."
            )
        verb = "akan disalin" if self.dry_run else "disalin"
        return (
            f"{self.source.unit.name} {self.source.year} {verb} ke {self.target_unit.name}"
            f" {self.to_year}: {len(self.nodes)} simpul, {self.indicators} indikator,"
            f" {self.links} tautan sasaran, {len(self.changed)} kode berubah,"
            f" {len(self.removed)} simpul dihapus; target, pagu dan realisasi dikosongkan."
        )


def _tree_order(nodes: list[PlanNode]) -> list[PlanNode]:
    children: dict[int | None, list[PlanNode]] = {}
    for n in nodes:
        children.setdefault(n.parent_id, []).append(n)
    out: list[PlanNode] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(children.get(n.id, [])))
    return out


def copy_year(
    *,
    user,
    unit: OrgUnit,
    from_year: int,
    to_year: int,
    nomenclature: str | None = None,
    target_unit: OrgUnit | None = None,
    dry_run: bool = False,
    merge: bool = False,
) -> CopyResult:
    """Copy the plan of ``unit`` (or of its nearest predecessor) for ``from_year`` into
    ``to_year`` for the unit that carries its work then (itself, or its only successor;
    ``target_unit`` names it when there are several).

    Copied: the tree (level, code, name, order, unit in charge followed to ``to_year``), the
    indicators (definition, with ``baseline`` = the realisation of ``from_year``), their end
    targets, and the links to sasaran strategis whose period covers ``to_year``. Not copied:
    targets, pagu, monthly plan and realisation (left empty for editing). When
    ``nomenclature`` names another version than the source plan's, codes (and names) are
    carried by the stored mapping table between the two versions.

    ``merge``: the target unit already has its plan for ``to_year`` and this plan is added
    to it: the plan of a unit merged into the target (when a unit absorbs two, only one can be
    its recorded predecessor, so ``target_unit`` names it). The plan's nomenclature version is
    kept (codes carried to it by the table); a program or kegiatan already there with the same
    code takes the copied children and the indicators it does not have (by statement); a sub
    kegiatan already there, or a code on another level, is a conflict and nothing is written.

    Raises ``Refused`` (the target year already has a plan and ``merge`` is not asked, no
    source plan, no unit in ``to_year``, a mapping that breaks the tree, a conflict when
    merging) and ``NotAllowed`` (the user may not write the target or read the source).
    ``dry_run`` does all the work and rolls it back: the result says what would be copied."""
    if to_year <= from_year:
        raise Refused(f"tahun tujuan ({to_year}) harus sesudah tahun asal ({from_year})")
    source = plan_of_lineage(unit, from_year)
    if source is None:
        raise Refused(f"{unit.name} (dan pendahulunya) tidak punya rencana tahun {from_year}")
    if target_unit is None:
        target_unit, reason = unit_in_year(unit, to_year)
        if target_unit is None:
            raise Refused(reason)
    elif not target_unit.exists_in(to_year):
        raise Refused(f"{target_unit.name} tidak ada pada tahun {to_year}")
    if target_unit.government_id != source.unit.government_id:
        raise Refused("unit tujuan milik pemerintah daerah lain")
    _require_write(user, target_unit)
    if user is not None and not can_read_unit(user, source.unit):
        raise NotAllowed(source.unit.slug)
    existing = Plan.objects.filter(unit=target_unit, year=to_year).first()
    if existing is not None and not merge:
        raise Refused(_already(target_unit, to_year))
    if merge and existing is None:
        raise Refused(
            f"{target_unit.name} belum punya rencana tahun {to_year} untuk digabung;"
            " salin tanpa menggabungkan."
        )
    if merge and existing.id == source.id:
        raise Refused("rencana asal dan tujuan sama")
    version = existing.nomenclature if merge else (_clean(nomenclature) or source.nomenclature)
    mapping = code_mapping(source.nomenclature, version)

    nodes = _tree_order(list(PlanNode.objects.filter(plan=source).order_by("position", "code")))
    by_id = {n.id: n for n in nodes}
    rows = [
        compute.NodeRow(n.code, by_id[n.parent_id].code if n.parent_id else None, n.level, n.name)
        for n in nodes
    ]
    mapped, errors = compute.remap_tree(rows, mapping)
    if errors:
        raise Refused(
            "Padanan kode dari "
            f"{source.nomenclature} ke {version} tidak dapat dipakai: " + "; ".join(errors)
        )

    existing_nodes: dict[str, PlanNode] = {}
    if merge:
        existing_nodes = {n.code: n for n in PlanNode.objects.filter(plan=existing)}
        errors = _merge_conflicts(mapped, existing_nodes)
        if errors:
            raise Refused(
                f"Rencana {source.unit.name} {source.year} tidak dapat digabung ke rencana"
                f" {target_unit.name} {to_year}: " + "; ".join(errors)
            )

    result = CopyResult(
        source=source, target_unit=target_unit, to_year=to_year, nomenclature=version
    )
    result.dry_run = dry_run
    result.merged_into = existing if merge else None
    if source.unit_id != unit.id:
        result.notes.append(f"Rencana asal milik unit pendahulu {source.unit.name}.")
    if merge:
        result.notes.append(f"Digabung ke rencana {target_unit.name} yang sudah ada ({version}).")
    elif target_unit.id != unit.id:
        result.notes.append(f"Disalin ke {target_unit.name}, unit yang ada pada tahun {to_year}.")
    if mapping:
        result.notes.append(
            f"Kode dipetakan dari {source.nomenclature} ke {version}"
            f" ({len(mapping)} baris padanan)."
        )
    elif version != source.nomenclature:
        result.notes.append(
            f"Tidak ada tabel padanan dari {source.nomenclature} ke {version}: kode tetap."
        )

    try:
        with transaction.atomic():
            _copy(user, source, result, nodes, mapped, existing_nodes)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        raise Refused(_already(target_unit, to_year)) from None
    if dry_run:
        result.plan = None
    return result


def _already(unit: OrgUnit, year: int) -> str:
    return (
        f"{unit.name} sudah punya rencana tahun {year}; tidak ada yang disalin. Ubah rencana"
        " itu langsung."
    )


LEAVES = (PlanNode.Level.SUB_KEGIATAN, PlanNode.Level.TOLOK_UKUR)


def _merge_conflicts(mapped, existing: dict[str, PlanNode]) -> list[str]:
    """The copied rows that cannot go into the existing plan: a code already there on
    another level, or a leaf (sub kegiatan, tolok ukur) already there."""
    errors = []
    for row in mapped:
        there = existing.get(row.code) if row.code else None
        if there is None:
            continue
        if there.level != row.level:
            errors.append(f"{row.code} sudah ada sebagai {there.get_level_display().lower()}")
        elif row.level in LEAVES:
            errors.append(f"{row.code} {there.name} sudah ada di rencana tujuan")
    return errors


def _copy(user, source: Plan, result: CopyResult, nodes, mapped, existing=None) -> None:
    to_year, target_unit = result.to_year, result.target_unit
    existing = existing or {}
    if result.merged_into is not None:
        plan = result.merged_into
        plan.merged_from.add(source)
    else:
        plan = Plan.objects.create(
            unit=target_unit,
            year=to_year,
            nomenclature=result.nomenclature,
            structure=source.structure,
        )
    result.plan = plan
    indicators = list(Indicator.objects.filter(node__plan=source).order_by("position", "id"))
    by_node: dict[int, list[Indicator]] = {}
    for ind in indicators:
        by_node.setdefault(ind.node_id, []).append(ind)
    realised = annual_realisations(indicators)
    ends = {e.indicator_id: e for e in EndTarget.objects.filter(indicator__in=indicators)}
    links: dict[int, list[SasaranProgram]] = {}
    for link in SasaranProgram.objects.filter(node__plan=source).select_related("sasaran"):
        links.setdefault(link.node_id, []).append(link)
    followed: dict[int, OrgUnit | None] = {}

    def responsible(u: OrgUnit | None) -> OrgUnit | None:
        if u is None:
            return None
        if u.id not in followed:
            carried, _reason = unit_in_year(u, to_year)
            if carried is None and u.id == source.unit_id:
                carried = target_unit
            followed[u.id] = carried
            if carried is None:
                result.notes.append(
                    f"Unit penanggung jawab {u.name} tidak ada pada tahun {to_year}: dikosongkan."
                )
        return followed[u.id]

    created: dict[str, PlanNode] = dict(existing)
    start = max((n.position for n in existing.values()), default=0)
    for position, (node, row) in enumerate(zip(nodes, mapped, strict=True), start=start + 1):
        if row.code is None:
            result.removed.append(row)
            continue
        if row.code in existing:
            there = existing[row.code]
            have = {compute.name_key(i.statement) for i in Indicator.objects.filter(node=there)}
            count = 0
            for ind in by_node.get(node.id, []):
                if compute.name_key(ind.statement) in have:
                    continue
                _copy_indicator(
                    ind, there, realised.get(ind.id, {}).get(source.year), ends.get(ind.id)
                )
                count += 1
                result.end_targets += ind.id in ends
            result.indicators += count
            for link in links.get(node.id, []):
                s = link.sasaran
                if s.period_start <= to_year <= s.period_end:
                    _, made = SasaranProgram.objects.get_or_create(sasaran=s, node=there)
                    result.links += made
            result.joined.append(row.code)
            result.nodes.append(
                CopiedNode(node.code, row.code, there.name, node.level, row.rule, count)
            )
            continue
        new = PlanNode(
            plan=plan,
            parent=created[row.parent_code] if row.parent_code else None,
            level=node.level,
            code=row.code,
            name=row.name,
            position=position,
            responsible_unit=responsible(node.responsible_unit),
            budget_in_force=PlanNode.Budget.DPA,
        )
        new.clean()
        new.save()
        created[row.code] = new
        count = 0
        for ind in by_node.get(node.id, []):
            _copy_indicator(ind, new, realised.get(ind.id, {}).get(source.year), ends.get(ind.id))
            count += 1
            result.end_targets += ind.id in ends
        result.indicators += count
        for link in links.get(node.id, []):
            s = link.sasaran
            if s.period_start <= to_year <= s.period_end:
                SasaranProgram.objects.create(sasaran=s, node=new)
                result.links += 1
        result.nodes.append(CopiedNode(node.code, row.code, row.name, node.level, row.rule, count))
    new = {
        "dari": f"{source.unit.slug} {source.year}",
        "nomenklatur": result.nomenclature,
        "simpul": len(result.nodes),
        "indikator": result.indicators,
        "kode_berubah": [f"{n.old_code}→{n.code}" for n in result.changed],
        "dihapus": [r.old_code for r in result.removed],
    }
    if result.merged_into is not None:
        new["digabung_ke_simpul"] = result.joined
    record(
        user=user,
        action="multiyear.copy_year_merge" if result.merged_into else "multiyear.copy_year",
        unit=target_unit,
        year=to_year,
        obj=plan,
        new=new,
        reason=(
            f"{'digabung' if result.merged_into else 'disalin'} dari rencana"
            f" {source.unit.name} {source.year}"
        ),
    )


def _definition(ind: Indicator) -> dict:
    """What defines an indicator (its statement and how it is read and computed), for a copy
    of it: in the next year's plan, or in the Renstra as a program/kegiatan indicator."""
    return {
        "statement": ind.statement,
        "satuan": ind.satuan,
        "polarity": ind.polarity,
        "value_type": ind.value_type,
        "cumulative": ind.cumulative,
        "levels": list(ind.levels or []),
        "qualitative_mode": ind.qualitative_mode,
    }


def _copy_indicator(ind: Indicator, node: PlanNode, realised, end: EndTarget | None) -> None:
    qualitative = ind.value_type == Indicator.ValueType.QUALITATIVE
    copy = Indicator.objects.create(
        node=node,
        kind=ind.kind,
        **_definition(ind),
        baseline=None if qualitative or realised is None else _q4(realised),
        baseline_label=str(realised) if qualitative and realised is not None else "",
        position=ind.position,
    )
    if end is not None:
        EndTarget.objects.create(
            indicator=copy, value=end.value, low=end.low, high=end.high, label=end.label
        )


# --- the mapping table from CSV ------------------------------------------------------------

MAPPING_COLUMNS = {
    "old_version": ("versi_lama", "old_version"),
    "new_version": ("versi_baru", "new_version"),
    "old_code": ("kode_lama", "old_code"),
    "new_code": ("kode_baru", "new_code"),
    "new_name": ("nama_baru", "new_name"),
}
REQUIRED_COLUMNS = ("old_version", "new_version", "old_code", "new_code")
CODE_RE = re.compile(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*")


@dataclass(frozen=True)
class MappingLoad:
    created: int
    changed: int
    unchanged: int
    pairs: tuple[tuple[str, str], ...]


def read_mapping_csv(text: str, filename: str) -> tuple[list[dict], list[FieldError]]:
    """The rows of a mapping CSV (``,`` or ``;``; header names in any case) and the problems
    found, each naming the file, row and column."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))
    if not rows:
        return [], [FieldError(f"{filename}, baris 1", "", "berkas kosong")]
    header = [h.strip().casefold().replace(" ", "_") for h in rows[0]]
    columns = {}
    for key, aliases in MAPPING_COLUMNS.items():
        for i, name in enumerate(header):
            if name in aliases:
                columns[key] = i
    missing = [MAPPING_COLUMNS[k][0] for k in REQUIRED_COLUMNS if k not in columns]
    if missing:
        return [], [
            FieldError(
                f"{filename}, baris 1",
                ", ".join(h.strip() for h in rows[0]),
                f"kolom {', '.join(missing)} tidak ada; judul kolom yang diharapkan: "
                + ", ".join(v[0] for v in MAPPING_COLUMNS.values()),
            )
        ]
    out, errors, seen = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue

        def cell(key, row=row):
            i = columns.get(key)
            return _clean(row[i]) if i is not None and i < len(row) else ""

        item = {key: cell(key) for key in MAPPING_COLUMNS}
        where = f"{filename}, baris {number}, kolom"
        for key in ("old_version", "new_version", "old_code"):
            if not item[key]:
                errors.append(FieldError(f"{where} {MAPPING_COLUMNS[key][0]}", "", "belum diisi"))
        for key in ("old_code", "new_code"):
            if item[key] and not CODE_RE.fullmatch(item[key]):
                errors.append(
                    FieldError(
                        f"{where} {MAPPING_COLUMNS[key][0]}",
                        item[key],
                        "bukan kode (angka atau huruf dipisahkan titik, mis. 4.01.01.1.01.07)",
                    )
                )
        if (
            item["old_version"]
            and item["new_version"]
            and (item["old_version"].casefold() == item["new_version"].casefold())
        ):
            errors.append(
                FieldError(f"{where} versi_baru", item["new_version"], "sama dengan versi_lama")
            )
        key = (item["old_version"].casefold(), item["new_version"].casefold(), item["old_code"])
        if item["old_code"] and key in seen:
            errors.append(
                FieldError(
                    f"{where} kode_lama",
                    item["old_code"],
                    f"kode lama yang sama sudah ada di baris {seen[key]}",
                )
            )
        seen.setdefault(key, number)
        out.append(item)
    return out, errors


def code_mapping_load(*, user, text: str, filename: str = "berkas") -> MappingLoad:
    """Store the rows of a mapping CSV (added, or changed when the old code of the pair is
    already there); nothing is stored when any row is wrong (``InvalidInput``)."""
    rows, errors = read_mapping_csv(text, filename)
    if errors:
        raise InvalidInput(errors)
    created = changed = unchanged = 0
    pairs = []
    with transaction.atomic():
        for item in rows:
            pair = (item["old_version"], item["new_version"])
            if pair not in pairs:
                pairs.append(pair)
            row = CodeMapping.objects.filter(
                old_version=item["old_version"],
                new_version=item["new_version"],
                old_code=item["old_code"],
            ).first()
            after = {"new_code": item["new_code"], "new_name": item["new_name"]}
            if row is None:
                row = CodeMapping.objects.create(
                    old_version=item["old_version"],
                    new_version=item["new_version"],
                    old_code=item["old_code"],
                    **after,
                )
                created += 1
                record(
                    user=user,
                    action="multiyear.code_mapping",
                    obj=row,
                    field="new_code",
                    new=item["new_code"],
                    reason=f"dimuat dari {filename}",
                )
                continue
            before = {"new_code": row.new_code, "new_name": row.new_name}
            if before == after:
                unchanged += 1
                continue
            row.new_code, row.new_name = after["new_code"], after["new_name"]
            row.save()
            changed += 1
            record_changes(
                user=user,
                action="multiyear.code_mapping",
                obj=row,
                before=before,
                after=after,
                unit=None,
                reason=f"dimuat dari {filename}",
            )
    return MappingLoad(created, changed, unchanged, tuple(pairs))


# --- IKM -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementText:
    """One unsur as typed: the counts of answers 1–4 and/or the NRR."""

    number: int
    counts: tuple[str, str, str, str] = ("", "", "", "")
    mean: str = ""


def _whole(text: str, where: str, errors: list[FieldError]) -> int | None:
    try:
        value = parse_number(text)
    except ParseError as exc:
        errors.append(FieldError(where, text, f"{exc.reason}; contoh: 120"))
        return None
    if value is None:
        return None
    if value != value.to_integral_value():
        errors.append(FieldError(where, text, "harus bilangan bulat"))
        return None
    return int(value)


def _decimal(text: str, where: str, errors: list[FieldError]) -> Decimal | None:
    try:
        return parse_number(text)
    except ParseError as exc:
        errors.append(FieldError(where, text, f"{exc.reason}; contoh: 3,25"))
        return None


def ikm_survey_save(
    *,
    user,
    unit: OrgUnit,
    year: int,
    service: str,
    guideline: str,
    mode: str,
    respondents: str = "",
    index: str = "",
    elements: list[ElementText] = (),
    period: str = "",
    source: str = "",
    survey: IkmSurvey | None = None,
) -> IkmSurvey:
    """Create (or, given ``survey``, replace the figures of) a survey of ``unit`` for ``year``.
    Every typed number is read the Indonesian way, then the survey is computed; any problem
    (unreadable number, missing unsur, more answers than respondents, a value off the 1–4
    scale) raises ``InvalidInput`` and nothing is saved."""
    _require_write(user, unit)
    if survey is not None and survey.unit_id != unit.id:
        raise NotAllowed(unit.slug)
    if guideline not in ikm.GUIDELINES:
        raise Refused(f"pedoman IKM tidak dikenal: {guideline!r}")
    if mode not in ikm.MODES:
        raise Refused(f"cara isian tidak dikenal: {mode!r}")
    g = ikm.GUIDELINES[guideline]
    errors: list[FieldError] = []
    service = _clean(service)
    if not service:
        errors.append(FieldError("jenis layanan", "", "belum diisi"))
    n_resp = _whole(respondents, "jumlah responden", errors)
    index_value = _decimal(index, "nilai IKM", errors) if mode == "index" else None
    rows: list[tuple[int, tuple[int, int, int, int] | None, Decimal | None]] = []
    if mode != "index":
        for e in elements:
            label = f"U{e.number}"
            counts, mean = None, None
            if mode == "counts":
                got = [
                    _whole(text, f"{label}, jawaban {score}", errors)
                    for score, text in zip((1, 2, 3, 4), e.counts, strict=True)
                ]
                if any(v is not None for v in got):
                    counts = tuple(v or 0 for v in got)
                if any(v is not None and v < 0 for v in got):
                    errors.append(FieldError(label, "", "jumlah jawaban tidak boleh negatif"))
            else:
                mean = _decimal(e.mean, f"{label}, NRR", errors)
            rows.append((e.number, counts, mean))
    if errors:
        raise InvalidInput(errors)
    computed = ikm.compute_survey(
        guideline,
        mode=mode,
        respondents=n_resp,
        elements=[ikm.ElementInput(n, counts=c, mean=m) for n, c, m in rows],
        index=index_value,
    )
    if computed.errors:
        raise InvalidInput([FieldError("survei", "", e) for e in computed.errors])
    with transaction.atomic():
        values = {
            "service": service,
            "guideline": guideline,
            "mode": mode,
            "respondents": n_resp,
            "index_value": _q4(index_value),
            "period": _clean(period),
            "source": _clean(source),
        }
        if survey is None:
            if IkmSurvey.objects.filter(unit=unit, year=year, service=service).exists():
                raise InvalidInput(
                    [FieldError("jenis layanan", service, f"sudah ada survei tahun {year}")]
                )
            survey = IkmSurvey.objects.create(unit=unit, year=year, **values)
            before = {}
        else:
            before = {k: getattr(survey, k) for k in values}
            before["ikm"] = survey_result(survey).index
            for k, v in values.items():
                setattr(survey, k, v)
            survey.save()
        old_elements = {e.number: e for e in survey.elements.all()}
        for number, counts, mean in rows:
            el_values = {
                "name": g.elements[number - 1],
                "count_1": counts[0] if counts else None,
                "count_2": counts[1] if counts else None,
                "count_3": counts[2] if counts else None,
                "count_4": counts[3] if counts else None,
                "mean": _q4(mean),
            }
            old = old_elements.pop(number, None)
            for key in ("count_1", "count_2", "count_3", "count_4", "mean"):
                before[f"U{number}.{key}"] = getattr(old, key) if old else None
            if old is None:
                IkmElement.objects.create(survey=survey, number=number, **el_values)
            else:
                for k, v in el_values.items():
                    setattr(old, k, v)
                old.save()
        for number, old in old_elements.items():
            for key in ("count_1", "count_2", "count_3", "count_4", "mean"):
                before[f"U{number}.{key}"] = getattr(old, key)
            old.delete()
        result = survey_result(survey)
        after = {k: getattr(survey, k) for k in values}
        for el in survey.elements.all():
            for key in ("count_1", "count_2", "count_3", "count_4", "mean"):
                after[f"U{el.number}.{key}"] = getattr(el, key)
        after["ikm"] = result.index
        record_changes(
            user=user,
            action="multiyear.ikm_survey",
            obj=survey,
            before=before,
            after=after,
            unit=unit,
            year=year,
        )
    return survey


def ikm_feed_indicator(
    *, user, unit: OrgUnit, year: int, indicator: Indicator, scale: str = "auto", month: int = 12
) -> Decimal:
    """Set the realisation of ``indicator`` in ``year`` (month ``month``) to the unit's IKM
    of the year: the index of its survey, or the mean of its services' indices. ``scale``:
    ``index`` (1–4), ``converted`` (25–100) or ``auto`` (25–100 when the indicator's target
    for the year is above 4, else 1–4). The value is stored with the column's four decimals.
    Refused when the unit has no valid survey that year, its surveys used different
    guidelines, or the indicator is not the unit's, is qualitative or cumulative."""
    _require_write(user, unit)
    chain = {u.id for u in lineage(unit)}
    node_ok = (
        indicator.node_id is not None
        and indicator.node.plan.unit_id == unit.id
        and indicator.node.plan.year == year
    )
    sasaran_ok = (
        indicator.sasaran_id is not None
        and indicator.sasaran.unit_id in chain
        and indicator.sasaran.period_start <= year <= indicator.sasaran.period_end
    )
    if not (node_ok or sasaran_ok):
        raise NotAllowed(unit.slug)
    if indicator.value_type == Indicator.ValueType.QUALITATIVE:
        raise Refused("indikator kualitatif tidak dapat diisi nilai IKM")
    if indicator.cumulative:
        raise Refused(
            f"indikator “{indicator.statement}” akumulatif (realisasi bulanan dijumlahkan):"
            " nilai IKM adalah nilai tahunan, jadikan indikator tidak akumulatif dulu"
        )
    if not 1 <= month <= 12:
        raise Refused(f"bulan {month} di luar 1–12")
    surveys = list(IkmSurvey.objects.filter(unit=unit, year=year).prefetch_related("elements"))
    results = [(s, survey_result(s, list(s.elements.all()))) for s in surveys]
    valid = [(s, r) for s, r in results if r.ok]
    if not valid:
        raise Refused(f"{unit.name} belum punya hasil survei IKM yang lengkap untuk tahun {year}")
    guidelines = {s.guideline for s, _r in valid}
    if len(guidelines) > 1:
        raise Refused(
            f"survei tahun {year} memakai pedoman berbeda; IKM gabungan tidak dapat dihitung"
        )
    index = ikm.combined_index([r.index for _s, r in valid])
    if scale == "auto":
        target = (
            IndicatorTarget.objects.filter(indicator=indicator, year=year, period_kind="year")
            .exclude(value=None)
            .first()
        )
        scale = "converted" if target is not None and target.value > 4 else "index"
    if scale not in ("index", "converted"):
        raise Refused(f"skala tidak dikenal: {scale!r}")
    value = _q4(ikm.converted(index) if scale == "converted" else index)
    with transaction.atomic():
        row = IndicatorRealisation.objects.filter(
            indicator=indicator, year=year, month=month
        ).first()
        before = {"value": row.value if row else None}
        if row is None:
            row = IndicatorRealisation.objects.create(
                indicator=indicator, year=year, month=month, value=value
            )
        else:
            row.value, row.label = value, ""
            row.save(update_fields=["value", "label"])
        services = "; ".join(f"{s.service} {fmt_compact(r.index, 4)}" for s, r in valid)
        record_changes(
            user=user,
            action="multiyear.ikm_feed",
            obj=row,
            before=before,
            after={"value": value},
            unit=unit,
            year=year,
            month=month,
            object_label=f"{indicator.statement} {year}",
            reason=f"IKM dari survei: {services}",
        )
    return value
