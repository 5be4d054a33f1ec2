"""A user whose account was created with an initial password must choose their own before
doing anything else. The flag is put in the session at login (``signals``), so checking it
costs no query."""

from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "kinerja_must_change_password"


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.session.get(SESSION_KEY) and request.user.is_authenticated:
            allowed = {
                reverse("password-change"),
                reverse("logout"),
                reverse("set_language"),
            }
            if request.path not in allowed:
                return redirect("password-change")
        return self.get_response(request)
