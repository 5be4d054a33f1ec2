"""Reads of the realisation workflow that span units: the months overdue or returned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kinerja.core.numbers import MONTHS_ID
from kinerja.org.access import readable_units
from kinerja.org.models import OrgUnit
from kinerja.plans.models import Plan

from . import deadlines
from .models import MonthStatus, RealisationDeadline

State = MonthStatus.State
DONE = {State.VERIFIED, State.LOCKED}


@dataclass(frozen=True)
class Arrear:
    """One unit's month that needs attention: past its deadline and not yet verified, or
    returned to the operator (whatever the deadline)."""

    unit: OrgUnit
    year: int
    month: int
    state: str  # a MonthStatus.State value; "draft" for a month never opened
    comment: str
    deadline: dt.date | None  # None when the government has set no deadline
    days_late: int  # 0 when not past the deadline

    @property
    def month_name(self) -> str:
        return MONTHS_ID[self.month - 1]

    @property
    def state_label(self) -> str:
        return State(self.state).label

    @property
    def returned(self) -> bool:
        return self.state == State.RETURNED


def arrears(user, year: int, today: dt.date) -> list[Arrear]:
    """The months of ``year`` of every unit the user may read (the whole government for its
    admin and inspectorate, their own units for heads and operators) that are past the
    government's deadline on ``today`` and not verified or locked, or that are returned.
    Sorted by unit name, then month. A fixed number of queries whatever the number of units:
    the user's access (two), the plans, the deadlines and the month states."""
    plans = list(
        Plan.objects.filter(unit__in=readable_units(user), year=year).select_related("unit")
    )
    days = dict(
        RealisationDeadline.objects.filter(
            government_id__in={p.unit.government_id for p in plans}
        ).values_list("government_id", "days_after_month_end")
    )
    states = {
        (s.plan_id, s.month): s
        for s in MonthStatus.objects.filter(plan__in=plans).only(
            "plan_id", "month", "state", "comment"
        )
    }
    rows = []
    for plan in plans:
        after = days.get(plan.unit.government_id)
        for month in range(1, 13):
            status = states.get((plan.id, month))
            state = status.state if status else State.DRAFT
            late = after is not None and deadlines.is_past(year, month, after, today)
            if state == State.RETURNED or (late and state not in DONE):
                rows.append(
                    Arrear(
                        unit=plan.unit,
                        year=year,
                        month=month,
                        state=state,
                        comment=status.comment if status else "",
                        deadline=None
                        if after is None
                        else deadlines.month_deadline(year, month, after),
                        days_late=deadlines.days_late(year, month, after, today) if late else 0,
                    )
                )
    rows.sort(key=lambda r: (r.unit.name.lower(), r.unit.id, r.month))
    return rows
