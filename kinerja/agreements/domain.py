"""A Perjanjian Kinerja as plain data: what a version says, which version is in force on a
date, and how a target typed by a person is read. No Django import: the checks, the tree
diagram and the tests work on these dataclasses only.

``AgreementDoc`` is one version of one agreement: the parties (pihak pertama, the official;
pihak kedua, the superior), the indicator lines with their targets and the cascade link of
each (``parent_key``: the line of the superior's agreement it supports), and the anggaran
lines. ``to_dict`` / ``from_dict`` give the JSON kept for each version (Decimals as strings,
dates in ISO form), so a stored version reads back equal to the one written.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from decimal import Decimal

from kinerja.core.numbers import fmt_date, fmt_number
from kinerja.core.parse import ParseError, parse_number


@dataclass(frozen=True)
class Party:
    name: str = ""
    nip: str = ""
    pangkat: str = ""
    golongan: str = ""
    jabatan: str = ""

    def is_empty(self) -> bool:
        return not any((self.name, self.nip, self.pangkat, self.golongan, self.jabatan))


@dataclass(frozen=True)
class Line:
    """An indicator of the agreement. ``key`` is the id of the row it was stored as, so the
    cascade (``parent_key``) can point to a line of another agreement."""

    key: int
    position: int
    subject: str
    statement: str
    satuan: str = ""
    target: Decimal | None = None
    target_label: str = ""
    sasaran: str = ""
    node_id: int | None = None
    node_code: str = ""
    indicator_id: int | None = None
    parent_key: int | None = None

    @property
    def target_text(self) -> str:
        return target_text(self.target, self.target_label, self.satuan)


@dataclass(frozen=True)
class BudgetLine:
    """A program / kegiatan / sub kegiatan of the agreement with its anggaran, and the output
    target the agreement states for it (if any)."""

    position: int
    name: str
    code: str = ""
    node_id: int | None = None
    amount: Decimal | None = None
    indicator_id: int | None = None
    satuan: str = ""
    target: Decimal | None = None
    target_label: str = ""

    @property
    def has_target(self) -> bool:
        return self.target is not None or bool(self.target_label)

    @property
    def target_text(self) -> str:
        return target_text(self.target, self.target_label, self.satuan)


@dataclass(frozen=True)
class AgreementDoc:
    """One version of the agreement of ``unit`` for ``year``."""

    agreement_id: int
    unit_id: int
    unit_slug: str
    unit_name: str
    eselon: str
    year: int
    title: str
    version: int = 1
    signed_on: datetime.date | None = None
    reason: str = ""
    superior_unit_id: int | None = None
    superior_unit_name: str = ""
    superior_title: str = ""
    official: Party = field(default_factory=Party)
    superior: Party = field(default_factory=Party)
    lines: tuple[Line, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    is_latest: bool = True

    @property
    def kind(self) -> str:
        return "PK awal" if self.version == 1 else f"PK perubahan ke-{self.version - 1}"

    @property
    def signed_text(self) -> str:
        """``2 Januari 2020``; empty when the date was not recorded."""
        return fmt_date(self.signed_on) if self.signed_on else ""

    @property
    def budget_total(self) -> Decimal:
        """The sum of the anggaran lines that are not under another line of the agreement
        (a kegiatan listed with its sub kegiatan is counted once)."""
        listed = {b.code for b in self.budget if b.code}
        total = Decimal(0)
        for b in self.budget:
            if b.amount is None:
                continue
            if any(b.code.startswith(code + ".") for code in listed if b.code):
                continue
            total += b.amount
        return total

    def to_dict(self) -> dict:
        return {
            "agreement_id": self.agreement_id,
            "unit_id": self.unit_id,
            "unit_slug": self.unit_slug,
            "unit_name": self.unit_name,
            "eselon": self.eselon,
            "year": self.year,
            "title": self.title,
            "version": self.version,
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "reason": self.reason,
            "superior_unit_id": self.superior_unit_id,
            "superior_unit_name": self.superior_unit_name,
            "superior_title": self.superior_title,
            "official": _plain(self.official),
            "superior": _plain(self.superior),
            "lines": [_plain(line) for line in self.lines],
            "budget": [_plain(b) for b in self.budget],
        }

    @classmethod
    def from_dict(cls, data: dict, *, is_latest: bool = False) -> AgreementDoc:
        signed = data.get("signed_on")
        return cls(
            agreement_id=data["agreement_id"],
            unit_id=data["unit_id"],
            unit_slug=data.get("unit_slug", ""),
            unit_name=data.get("unit_name", ""),
            eselon=data.get("eselon", ""),
            year=data["year"],
            title=data.get("title", ""),
            version=data.get("version", 1),
            signed_on=datetime.date.fromisoformat(signed) if signed else None,
            reason=data.get("reason", ""),
            superior_unit_id=data.get("superior_unit_id"),
            superior_unit_name=data.get("superior_unit_name", ""),
            superior_title=data.get("superior_title", ""),
            official=Party(**data.get("official", {})),
            superior=Party(**data.get("superior", {})),
            lines=tuple(_from_plain(Line, d) for d in data.get("lines", ())),
            budget=tuple(_from_plain(BudgetLine, d) for d in data.get("budget", ())),
            is_latest=is_latest,
        )


_DECIMAL_FIELDS = {"target", "amount"}


def _plain(obj) -> dict:
    out = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        out[f.name] = format(value, "f") if isinstance(value, Decimal) else value
    return out


def _from_plain(cls, data: dict):
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k in known}
    for name in _DECIMAL_FIELDS & values.keys():
        if values[name] is not None:
            values[name] = Decimal(values[name])
    return cls(**values)


def target_text(target: Decimal | None, label: str, satuan: str = "") -> str:
    """``4 Dokumen``, ``WTP``, ``–`` for no target."""
    if target is not None:
        text = fmt_number(target)
    elif label:
        text = label
    else:
        return "–"
    return f"{text} {satuan}".strip()


@dataclass(frozen=True)
class VersionStamp:
    number: int
    signed_on: datetime.date | None


def version_in_force(versions: Iterable[VersionStamp], on: datetime.date) -> int | None:
    """The number of the version in force on ``on``: the highest-numbered version signed on
    or before that date. A version without a date counts as signed before any date (the PK
    awal of an agreement whose date was not recorded). None when every version is later."""
    best = None
    for v in versions:
        if (v.signed_on is None or v.signed_on <= on) and (best is None or v.number > best):
            best = v.number
    return best


_HAS_DIGIT = re.compile(r"\d")


def parse_target(text: str) -> tuple[Decimal | None, str]:
    """A target typed by a person → ``(number, "")`` or ``(None, label)``.

    A text with a digit must be a number written the Indonesian way (``4``, ``1,5``,
    ``100``, ``71,51%``; raises ``ParseError`` otherwise); a text without digits is a
    qualitative label (``WTP``, ``Tersedia``); an empty text is no target."""
    text = (text or "").strip()
    if not text:
        return None, ""
    if not _HAS_DIGIT.search(text):
        return None, text
    body = text[:-1].strip() if text.endswith("%") else text
    return parse_number(body), ""


__all__ = [
    "AgreementDoc",
    "BudgetLine",
    "Line",
    "ParseError",
    "Party",
    "VersionStamp",
    "parse_target",
    "target_text",
    "version_in_force",
]
