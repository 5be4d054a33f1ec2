"""Repeated failed logins are slowed, then locked, per account and per address."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja.demo.loader import DEMO_PASSWORD
from kinerja.org import throttle
from kinerja.org.models import LoginFailure

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")


def attempt(password, username="operator", address="10.0.0.1"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, client


def age_failures(seconds):
    LoginFailure.objects.update(at=timezone.now() - datetime.timedelta(seconds=seconds))


def test_slowed_after_three_failures_even_with_the_right_password():
    for _ in range(3):
        response, _ = attempt("salah")
        assert "Nama pengguna atau kata sandi salah" in response.content.decode()
    response, client = attempt(DEMO_PASSWORD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam" in html
    assert "_auth_user_id" not in client.session
    age_failures(10)  # the 2 s wait has passed
    response, client = attempt(DEMO_PASSWORD)
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert not LoginFailure.objects.filter(username="operator").exists()


def test_locked_after_ten_failures_until_the_window_passes():
    for _ in range(10):
        age_failures(120)  # spaced out, so each try is allowed
        attempt("salah")
    response, _ = attempt(DEMO_PASSWORD)
    assert "dikunci" in response.content.decode()
    age_failures(14 * 60)
    assert "dikunci" in attempt(DEMO_PASSWORD)[0].content.decode()
    age_failures(16 * 60)
    assert attempt(DEMO_PASSWORD)[0].status_code == 302


def test_an_address_guessing_many_accounts_is_slowed_too():
    for name in ("admin", "kepala", "inspektorat"):
        attempt("salah", username=name, address="10.9.9.9")
    blocked, _ = attempt(DEMO_PASSWORD, username="operator", address="10.9.9.9")
    assert "Coba lagi dalam" in blocked.content.decode()
    elsewhere, _ = attempt(DEMO_PASSWORD, username="operator", address="10.1.1.1")
    assert elsewhere.status_code == 302


@pytest.mark.parametrize(
    "failures,seconds_since_last,expected",
    [(0, 0, 0), (2, 0, 0), (3, 0, 2), (3, 1, 1), (3, 2, 0), (4, 0, 4), (8, 0, 60),
     (9, 30, 30), (10, 0, 900), (10, 899, 1), (10, 900, 0)],
)
def test_wait_schedule(failures, seconds_since_last, expected):
    now = timezone.now()
    last = now - datetime.timedelta(seconds=seconds_since_last)
    times = [last - datetime.timedelta(seconds=i) for i in range(failures)]
    assert throttle._wait_for(times, now) == expected
