"""Small helpers shared by the database tests."""

from kinerja.org.models import OrgUnit
from kinerja.plans.models import Plan
from kinerja.plans.selectors import compute_plan


def computed(slug: str, year: int, month: int = 12):
    plan = Plan.objects.get(unit=OrgUnit.objects.get(slug=slug), year=year)
    return compute_plan(plan, upto_month=month).root


def find(root, name: str, level: str | None = None):
    """The computed node whose name matches (case-insensitive, whole name)."""
    hits = [
        n
        for n in root.walk()
        if n.name.lower() == name.lower() and (level is None or n.level == level)
    ]
    assert len(hits) == 1, f"{len(hits)} nodes named {name!r}"
    return hits[0]
