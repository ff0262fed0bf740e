from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from incidents.models import Base, Faction, Incident, IncidentTombstone

# A URL typed without a scheme is read as https (Django 6's default, and what sources use).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Base)
class BaseAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("name", "kind", "country", "province", "latitude", "longitude")
    list_filter = ("country", "kind")
    search_fields = ("name", "slug", "aliases", "province")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Faction)
class FactionAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("name", "kind", "umbrella", "aligned_with")
    list_filter = ("kind", "umbrella")
    search_fields = ("name", "slug", "aliases")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("umbrella",)


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin):
    list_display = (
        "date",
        "date_precision",
        "base",
        "place",
        "country",
        "status",
        "launched",
        "killed",
        "injured",
        "perpetrator",
        "claimed",
    )
    list_filter = ("status", "country", "date_precision", "claimed", "perpetrator", "base")
    search_fields = ("summary", "place", "base__name", "perpetrator__name")
    date_hierarchy = "date"
    autocomplete_fields = ("base", "perpetrator", "claimed_by")
    readonly_fields = ("created_at", "updated_at", "reviewed_by", "reviewed_at")
    list_select_related = ("base", "perpetrator")


@admin.register(IncidentTombstone)
class IncidentTombstoneAdmin(admin.ModelAdmin):
    list_display = ("incident_id", "reason", "merged_into", "at")
    list_filter = ("reason",)
