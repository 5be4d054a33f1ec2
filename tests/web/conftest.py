import pytest


@pytest.fixture(autouse=True)
def _forget_computed_pages():
    """Pages computed in one test are not reused by the next (ids are reused after a
    rollback on SQLite)."""
    from kinerja.web import dashboard, views

    dashboard.ROOTS.clear()
    views.UNIT_BODIES.clear()
    yield
    dashboard.ROOTS.clear()
    views.UNIT_BODIES.clear()
