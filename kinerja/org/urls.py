from django.urls import path

from . import views

urlpatterns = [
    path("pengguna/", views.index, name="org-index"),
    path("pengguna/<str:code>/", views.users, name="org-users"),
    path("pengguna/<str:code>/baru/", views.user_new, name="org-user-new"),
    path("pengguna/<str:code>/beri-peran/", views.grant, name="org-grant"),
    path("pengguna/<str:code>/cabut/<int:pk>/", views.revoke, name="org-revoke"),
    path("akun/kata-sandi/", views.PasswordChangeView.as_view(), name="password-change"),
    path(
        "akun/kata-sandi/selesai/",
        views.PasswordChangeDoneView.as_view(),
        name="password-change-done",
    ),
]
