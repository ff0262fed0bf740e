from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from simple_history.admin import SimpleHistoryAdmin

from incidents.editing import incident_at_version, incident_conflict, validate_incident_date
from incidents.models import CODED_FIELDS, Base, Faction, Incident, IncidentTombstone, StaleVersion

# A URL typed without a scheme is read as https (Django 6's default, and what sources use).
HTTPS_URLS: Mapping[type[models.Field], Mapping[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


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


class IncidentAdminForm(forms.ModelForm):
    """The admin's incident form carries the version it was loaded at; a stale one is refused."""

    seen_version = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    class Meta:
        model = Incident
        fields = "__all__"  # noqa: DJ007 (the admin decides which fields it shows)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version

    def clean_date(self) -> Any:
        """A changed date is checked as on the review screen (``validate_incident_date``)."""
        date = self.cleaned_data.get("date")
        if date is not None and "date" in self.changed_data:
            validate_incident_date(self.instance, date)
        return date

    def clean(self) -> dict[str, Any]:
        super().clean()  # a ModelForm's clean() returns cleaned_data (django-stubs says it may be None)
        data = self.cleaned_data
        seen = data.get("seen_version")
        if self.instance.pk and seen is not None:
            current = Incident.objects.filter(pk=self.instance.pk).first()
            if current is not None and current.version != seen:
                raise ValidationError(self._rebase(current, seen), code="stale")
        return data

    def _rebase(self, current: Incident, seen: int) -> str:
        """Re-show the form on the current version with only this editor's own changes; explain the conflict.

        The fields the editor changed (against the version they loaded) keep their typed values;
        every other field shows the current value, so saving again cannot undo the other change.
        """
        loaded = self.__class__(data=self.data, instance=incident_at_version(current, seen))
        mine = [name for name in loaded.changed_data if name in self.fields and name != "seen_version"]
        fresh = self.__class__(instance=current)
        data = QueryDict(mutable=True)
        data.update(self.data)
        for name, field in self.fields.items():
            if name in mine or field.disabled:
                continue
            _put(data, self.add_prefix(name), field, fresh[name].value())
            if field.show_hidden_initial:
                _put(data, self.add_initial_prefix(name), field, fresh[name].value())
        data[self.add_prefix("seen_version")] = str(current.version)
        self.data = data
        conflict = incident_conflict(incident=current, seen_version=seen, mine={})
        theirs = "; ".join(f"{c.label}: {c.seen} → {c.now}" for c in conflict.theirs) or "no field you can edit"
        labels = ", ".join(str(self.fields[name].label or name) for name in mine) or "none"
        return (
            f"Someone changed this incident while you were editing it (your version {seen}, now {current.version}). "
            f"They changed {theirs}. Nothing was saved. The form now shows the current version with your own "
            f"changes ({labels}) filled in: check them and save again."
        )


def _put(data: QueryDict, key: str, field: forms.Field, value: Any) -> None:
    """Set one field's submitted value in ``data`` as a browser would send it."""
    if isinstance(field.widget, forms.CheckboxInput):
        if value:
            data[key] = "on"
        else:
            data.pop(key, None)
        return
    prepared = field.prepare_value(value)
    data[key] = "" if prepared is None else str(prepared)


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin):
    """Edits are versioned and pinned like the review form's; deleting (one or many) leaves tombstones."""

    form = IncidentAdminForm
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

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """A save that lost the race after its form was checked (``StaleVersion``: nothing written, the
        transaction rolled back) is handled again from the top: now the form's version check sees the
        other change and re-shows the form with the conflict explained, instead of an error page."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion:
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request: HttpRequest, obj: Incident, form: forms.ModelForm, change: bool) -> None:
        """A change writes only the changed fields, as of the version the form was loaded at, and pins them."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        changed = [name for name in form.changed_data if name != "seen_version"]
        coded = [name for name in changed if name in CODED_FIELDS]
        obj.pin(coded)
        obj._history_user = request.user
        with transaction.atomic():
            was_public = Incident.objects.select_for_update().filter(pk=obj.pk, status=Incident.Status.PUBLISHED)
            unpublished = was_public.exists() and obj.status != Incident.Status.PUBLISHED
            fields = [*changed, "editor_fields"] if coded else changed
            obj.save_versioned(fields=fields, seen_version=form.cleaned_data.get("seen_version") or obj.version)
            if unpublished:
                IncidentTombstone.objects.create(incident_id=obj.pk, reason=IncidentTombstone.Reason.UNPUBLISHED)


@admin.register(IncidentTombstone)
class IncidentTombstoneAdmin(admin.ModelAdmin):
    list_display = ("incident_id", "reason", "merged_into", "public", "at")
    list_filter = ("reason", "public")
