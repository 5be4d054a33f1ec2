"""At login, remember in the session whether the user must change the initial password
(read by ``middleware.PasswordChangeRequiredMiddleware``)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import SESSION_KEY
from .models import UserAccount


@receiver(user_logged_in)
def remember_password_change(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if UserAccount.objects.filter(user=user, must_change_password=True).exists():
        request.session[SESSION_KEY] = True
    else:
        request.session.pop(SESSION_KEY, None)
