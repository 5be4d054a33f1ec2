from django.contrib.auth import views as auth_views

from kinerja.org import throttle


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


class ThrottledLoginView(auth_views.LoginView):
    """Django's login, slowed and then locked after repeated failures (see org.throttle)."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "").strip()
        address = client_address(request)
        wait = throttle.seconds_to_wait(username, address)
        if wait:
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, _wait_message(wait, throttle.is_locked(username, address)))
            return self.render_to_response(self.get_context_data(form=form, wait=wait))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        throttle.succeeded(form.get_user().get_username())
        return super().form_valid(form)

    def form_invalid(self, form):
        throttle.failed(self.request.POST.get("username", "").strip(), client_address(self.request))
        return super().form_invalid(form)


def _wait_message(seconds: int, locked: bool) -> str:
    when = f"{(seconds + 59) // 60} menit" if seconds >= 120 else f"{seconds} detik"
    if locked:
        return (
            "Terlalu banyak percobaan masuk yang gagal; akun atau alamat ini dikunci. "
            f"Coba lagi dalam {when}."
        )
    return f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {when}."
