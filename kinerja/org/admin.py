from django.contrib import admin

from .models import (
    FiscalYear,
    Government,
    Membership,
    OrgUnit,
    UnitHead,
    Urusan,
    UserAccount,
)


@admin.register(Government)
class GovernmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind")


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ("government", "year")


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "eselon", "urusan", "parent", "from_year", "to_year")
    list_filter = ("government", "kind", "eselon", "urusan")
    search_fields = ("name", "slug", "code")


@admin.register(UnitHead)
class UnitHeadAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "name", "nip", "jabatan")
    list_filter = ("year",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "government", "unit")
    list_filter = ("role", "government")


@admin.register(Urusan)
class UrusanAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(UserAccount)
class UserAccountAdmin(admin.ModelAdmin):
    list_display = ("user", "government", "must_change_password")
    list_filter = ("government", "must_change_password")
