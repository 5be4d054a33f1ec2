"""Pages of the government admin: the people of the government and their roles, new
accounts; and every user's own password change. Anyone who does not administer the
government gets 404, as if it did not exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from kinerja.audit.models import AuditEntry

from . import services
from .access import administered_governments, government_for_admin
from .forms import GrantForm, NewUserForm
from .middleware import SESSION_KEY
from .models import Membership

HISTORY = 30


@login_required
def index(request):
    governments = list(administered_governments(request.user).order_by("code"))
    if not governments:
        raise Http404("Halaman tidak ditemukan")
    if len(governments) == 1:
        return redirect("org-users", code=governments[0].code)
    return render(request, "org/index.html", {"governments": governments})


def _page(request, government, *, grant_form=None):
    users = services.government_users(government)
    people = (
        users.order_by("username")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(government=government)
                .select_related("unit")
                .order_by("role", "unit__name"),
                to_attr="roles_here",
            )
        )
        .select_related("kinerja_account")
    )
    history = (
        AuditEntry.objects.filter(government=government, action__startswith="org.")
        .select_related("unit")
        .order_by("-at", "-id")[:HISTORY]
    )
    return render(
        request,
        "org/users.html",
        {
            "government": government,
            "people": people,
            "grant_form": grant_form or GrantForm(government=government, users=users),
            "entries": history,
            "history_size": HISTORY,
        },
    )


@login_required
def users(request, code: str):
    government = government_for_admin(request.user, code)
    return _page(request, government)


def _add_error(form, exc: services.OrgError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@login_required
@require_POST
def grant(request, code: str):
    government = government_for_admin(request.user, code)
    form = GrantForm(
        request.POST, government=government, users=services.government_users(government)
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.membership_grant(
                by=request.user,
                government=government,
                user=data["user"],
                role=data["role"],
                unit=data["unit"],
            )
        except services.NotAllowed:
            raise Http404("Pemerintah daerah tidak ditemukan") from None
        except services.OrgError as exc:
            _add_error(form, exc)
        else:
            messages.success(
                request,
                f"Peran diberikan: {membership.user.username}, {services.describe(membership)}.",
            )
            return redirect("org-users", code=government.code)
    messages.error(request, "Tidak ada yang disimpan: perbaiki isian yang ditandai.")
    return _page(request, government, grant_form=form)


@login_required
@require_POST
def revoke(request, code: str, pk: int):
    government = government_for_admin(request.user, code)
    membership = (
        Membership.objects.select_related("user", "unit", "government")
        .filter(pk=pk, government=government)
        .first()
    )
    if membership is None:
        raise Http404("Peran tidak ditemukan")
    label = f"{membership.user.username}, {services.describe(membership)}"
    try:
        services.membership_revoke(by=request.user, membership=membership)
    except services.NotAllowed:
        raise Http404("Pemerintah daerah tidak ditemukan") from None
    except services.OrgError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Peran dicabut: {label}.")
    return redirect("org-users", code=government.code)


@login_required
def user_new(request, code: str):
    government = government_for_admin(request.user, code)
    form = NewUserForm(request.POST or None, government=government)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                by=request.user,
                government=government,
                username=data["username"],
                full_name=data["full_name"],
                password=data["password"],
                role=data["role"],
                unit=data["unit"],
            )
        except services.NotAllowed:
            raise Http404("Pemerintah daerah tidak ditemukan") from None
        except services.OrgError as exc:
            _add_error(form, exc)
        else:
            messages.success(
                request,
                f"Akun {user.username} dibuat. Berikan kata sandi awal kepadanya; "
                "ia wajib menggantinya saat pertama kali masuk.",
            )
            return redirect("org-users", code=government.code)
    if request.method == "POST":
        messages.error(request, "Tidak ada yang disimpan: perbaiki isian yang ditandai.")
    return render(request, "org/user_new.html", {"government": government, "form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change; afterwards the initial password no longer has to be
    changed (``services.password_changed``)."""

    template_name = "org/password_change.html"
    success_url = reverse_lazy("password-change-done")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_changed(user=form.user)
        self.request.session.pop(SESSION_KEY, None)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["required"] = bool(self.request.session.get(SESSION_KEY))
        return context


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "org/password_change_done.html"
