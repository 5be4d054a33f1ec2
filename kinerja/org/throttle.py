"""Slowing down and locking repeated failed logins, per account and per address.

Within ``WINDOW``: from the ``SLOW_AFTER``-th failure on, the next attempt must wait
2, 4, 8 … seconds (at most 60) after the last failure; after ``LOCK_AFTER`` failures the
account (or address) is locked until the window has passed since the last failure. The
answer is a message saying how long to wait; no worker is kept sleeping."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .models import LoginFailure

WINDOW = datetime.timedelta(minutes=15)
SLOW_AFTER = 3
LOCK_AFTER = 10
MAX_DELAY = 60


def _wait_for(failures: list[datetime.datetime], now: datetime.datetime) -> int:
    if len(failures) < SLOW_AFTER:
        return 0
    last = max(failures)
    if len(failures) >= LOCK_AFTER:
        wait = (last + WINDOW - now).total_seconds()
    else:
        wait = min(2 ** (len(failures) - SLOW_AFTER + 1), MAX_DELAY) - (now - last).total_seconds()
    return max(int(wait + 0.999), 0)


def is_locked(username: str, address: str | None, now=None) -> bool:
    """Whether the account or the address has reached ``LOCK_AFTER`` failures in the window."""
    now = now or timezone.now()
    since = now - WINDOW
    by_user = (
        bool(username)
        and LoginFailure.objects.filter(username__iexact=username, at__gte=since).count()
        >= LOCK_AFTER
    )
    by_address = (
        bool(address)
        and LoginFailure.objects.filter(address=address, at__gte=since).count() >= LOCK_AFTER
    )
    return by_user or by_address


def seconds_to_wait(username: str, address: str | None, now=None) -> int:
    """How long this account or address must wait before trying again (0: may try now)."""
    now = now or timezone.now()
    since = now - WINDOW
    by_user = (
        list(
            LoginFailure.objects.filter(username__iexact=username, at__gte=since).values_list(
                "at", flat=True
            )
        )
        if username
        else []
    )
    by_address = (
        list(
            LoginFailure.objects.filter(address=address, at__gte=since).values_list("at", flat=True)
        )
        if address
        else []
    )
    return max(_wait_for(by_user, now), _wait_for(by_address, now))


def failed(username: str, address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], address=address)


def succeeded(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
