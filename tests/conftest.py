import os

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

# The property tests (random and damaged files) try the same examples on every run, so that
# a run of ./scripts/test is reproducible; KINERJA_HYPOTHESIS_RANDOM=1 makes them look for
# new ones (and a failure prints the example to keep as a test).
hypothesis_settings.register_profile(
    "kinerja", derandomize=not os.environ.get("KINERJA_HYPOTHESIS_RANDOM")
)
hypothesis_settings.load_profile("kinerja")


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Tests run with production settings (DEBUG off) but over plain HTTP, and refresh the
    government dashboard's expired figures in the request rather than in a thread with a
    database connection of its own (which would not see the test's transaction)."""
    settings.SECURE_SSL_REDIRECT = False
    settings.KINERJA_MEMO_REFRESH_IN_BACKGROUND = False
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _forget_computed_pages():
    """The unit page and the government dashboard keep what they computed per process
    (kinerja.web.memo), checked against the audit trail; a test's rollback can give the
    next test the same ids and audit entries, so nothing is carried from one test to the
    next."""
    from kinerja.web import dashboard, views

    dashboard.ROOTS.clear()
    views.UNIT_BODIES.clear()
    yield
    dashboard.ROOTS.clear()
    views.UNIT_BODIES.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the demo agency once per session; each test runs in a
    transaction that is rolled back."""
    from kinerja.demo.loader import load_demo

    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def login(db):
    def _login(username: str) -> Client:
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return _login
