from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("audit/", include("kinerja.audit.urls")),
    path("", include("kinerja.realisation.urls")),
    path("", include("kinerja.plans.urls")),
    path("", include("kinerja.org.urls")),
    path("", include("kinerja.agreements.urls")),
    path("", include("kinerja.exchange.urls")),
    path("", include("kinerja.reviu.urls")),
    path("", include("kinerja.multiyear.urls")),
    path("", include("kinerja.web.urls")),
]
