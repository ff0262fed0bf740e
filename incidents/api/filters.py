"""The one filter set behind every incident view and export (list, GeoJSON, CSV, timeline, changes).

Every value is validated by a form field; a bad value answers 400 naming the parameter.
Unknown parameters are refused by the views (see ``check_query_params``).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, cast, overload

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.functional import SimpleLazyObject
from rest_framework import exceptions
from rest_framework.request import Request

from incidents.api.base import request_is_editor
from incidents.api.caching import data_version
from incidents.models import Base, Country, Incident, Weapon
from incidents.querysets import IncidentQuerySet, faction_groups
from incidents.selectors.points import PointsChunkQuery

MAX_Q_LENGTH = 200
MAX_SLUGS = 50
MAX_COUNT = 1_000_000

# (public name, sort expression); every ordering is made total by the id in the same direction.
ORDERINGS = ("date", "killed", "injured", "launched", "updated_at", "created_at", "id")
ORDERING_CHOICES = [(o, o) for o in ORDERINGS] + [(f"-{o}", f"-{o}") for o in ORDERINGS]
STATUS_CHOICES = [(s, s) for s in Incident.Status.values] + [("all", "all")]
BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]


class ListWidget(forms.TextInput):
    """Reads a repeatable parameter: ``?base=a&base=b`` and ``?base=a,b`` mean the same."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [v for v in values if v is not None]
        return ",".join(values) if values else None


class SlugListField(forms.CharField):
    widget = ListWidget

    def clean(self, value: Any) -> list[str]:
        value = super().clean(value)
        if not value:
            return []
        slugs = [s.strip() for s in value.split(",")]
        if any(not s for s in slugs):
            raise ValidationError("Empty slug in the list; separate slugs with single commas.")
        if len(slugs) > MAX_SLUGS:
            raise ValidationError(f"At most {MAX_SLUGS} values.")
        return slugs


class BBoxField(forms.CharField):
    def clean(self, value: Any) -> tuple[float, float, float, float] | None:
        value = super().clean(value)
        if not value:
            return None
        parts = value.split(",")
        if len(parts) != 4:
            raise ValidationError("Give four comma-separated numbers: west,south,east,north.")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError as exc:
            raise ValidationError("Coordinates must be numbers: west,south,east,north.") from exc
        if not all(-180 <= x <= 180 for x in (west, east)) or not all(-90 <= y <= 90 for y in (south, north)):
            raise ValidationError("Longitudes must lie in [-180, 180] and latitudes in [-90, 90].")
        if west > east or south > north:
            raise ValidationError("West must not exceed east, nor south north.")
        return west, south, east, north


class StrictBooleanField(forms.ChoiceField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["choices"] = BOOLEAN_CHOICES
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> bool | None:
        value = super().clean(value)
        return None if value in (None, "") else value == "true"


class SlugListFilter(django_filters.Filter):
    field_class = SlugListField


class BBoxFilter(django_filters.Filter):
    field_class = BBoxField


class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class CountFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class _SharedFields(dict):
    """A form class's fields, which its forms share instead of deep-copying them (Django copies every
    field, its widget and choices for each form: 13 fields, ~0.2 ms a request here). Safe because no
    form of ours changes a field: cleaning a value reads the field and writes only to the form."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        return dict(self)


class _FilterCopies(dict):
    """The filter set's declared filters, copied for each filter set without deep-copying each filter's
    arguments and choices (django-filter's ``copy.deepcopy``, ~0.2 ms a request): a shallow copy holds
    the per-request state (``parent``, ``model``), and a filter with a ``method`` gets its own
    ``FilterMethod``, which finds the method on the copy's parent, not on another request's."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, django_filters.Filter]:
        copies = {}
        for name, declared in self.items():
            filter_ = copy.copy(declared)
            if declared.method is not None:
                filter_.method = declared.method
            copies[name] = filter_
        return copies


class _FilterForm(forms.Form):
    """A filter form that cleans a parameter the request does not give without binding its field: a query
    names two or three of the 13 filters, and Django builds a bound field for each of the others to read
    that it is absent (~0.1 ms a request). The same values and errors: an absent parameter is cleaned as
    Django cleans it, from None (what every widget here reads for a name not in the query)."""

    def _clean_fields(self) -> None:
        for name, field in self.fields.items():
            try:
                if field.disabled or self.add_prefix(name) in self.data:
                    # Django's own step (private; Django is pinned in requirements.lock)
                    self.cleaned_data[name] = field._clean_bound_field(self[name])  # type: ignore[attr-defined]
                else:
                    self.cleaned_data[name] = field.clean(None)
                if hasattr(self, f"clean_{name}"):
                    self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except ValidationError as e:
                self.add_error(name, e)


class IncidentFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", help_text="On or after (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", help_text="On or before (YYYY-MM-DD).")
    base = SlugListFilter(method="filter_base", help_text="Base slug; repeat or comma-separate for several.")
    faction = SlugListFilter(
        method="filter_faction",
        help_text="Perpetrator faction slug; an umbrella includes its member groups. Repeatable.",
    )
    country = django_filters.ChoiceFilter(choices=Country.choices, help_text="ISO 3166 alpha-2 code.")
    weapon = django_filters.ChoiceFilter(choices=Weapon.choices, method="filter_weapon", help_text="Weapon used.")
    claimed = StrictBooleanFilter(field_name="claimed", help_text="true or false.")
    min_killed = CountFilter(
        field_name="killed", lookup_expr="gte", min_value=0, max_value=MAX_COUNT, help_text="Killed (best) at least."
    )
    min_injured = CountFilter(
        field_name="injured", lookup_expr="gte", min_value=0, max_value=MAX_COUNT, help_text="Injured (best) at least."
    )
    bbox = BBoxFilter(method="filter_bbox", help_text="west,south,east,north in degrees (WGS 84).")
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES,
        method="filter_status",
        help_text="Editors only: draft, rejected, published (the default) or all.",
    )
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=MAX_Q_LENGTH,
        help_text="Free text in the summary, place, base name, and the titles and evidence sentences of the sources "
        "(editors: the whole article text too).",
    )
    ordering = django_filters.ChoiceFilter(
        choices=ORDERING_CHOICES, method="filter_ordering", help_text="Sort key; '-' for descending. Default -date."
    )

    class Meta:
        model = Incident
        fields: list[str] = []
        form = _FilterForm

    # The form class, built once: django-filter builds one per request (13 fields, their labels and
    # choices, about 0.4 ms), though the fields come from the declared filters alone. Each form still
    # copies the class's fields, as every Django form does.
    _form_class: type[forms.Form] | None = None

    def get_form_class(self) -> type[forms.Form]:
        form_class: type[forms.Form] | None = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            form_class.base_fields = _SharedFields(form_class.base_fields)
            type(self)._form_class = form_class
        return form_class

    def filter_queryset(self, queryset: QuerySet[Incident]) -> QuerySet[Incident]:
        # Visibility first, whatever else was asked: published rows unless an editor asks otherwise.
        status = self.visible_status()
        if status != "all":
            queryset = queryset.filter(status=status)
        return super().filter_queryset(queryset)

    def visible_status(self) -> str:
        """The status asked for (published by default), once it is checked that the user may see it: anyone but
        an editor asking for another is refused (403, naming ``status``). The first thing ``.qs`` does."""
        status = self.form.cleaned_data.get("status") or Incident.Status.PUBLISHED
        if status != Incident.Status.PUBLISHED and not request_is_editor(self.request):
            raise exceptions.PermissionDenied(
                {"status": [f"Only editors may see {status} incidents; anonymous users see published ones only."]}
            )
        return status

    def filter_status(self, queryset: QuerySet[Incident], name: str, value: str) -> QuerySet[Incident]:
        return queryset  # applied in filter_queryset, before anything else

    def filter_ordering(self, queryset: QuerySet[Incident], name: str, value: str) -> QuerySet[Incident]:
        return queryset  # the paginator orders, with a unique tiebreak

    def filter_base(self, queryset: QuerySet[Incident], name: str, value: list[str]) -> QuerySet[Incident]:
        if not value:
            return queryset
        found = dict(Base.objects.filter(slug__in=value).values_list("slug", "id"))
        missing = [s for s in value if s not in found]
        if missing:
            raise exceptions.ValidationError({"base": [f"Unknown base: {', '.join(missing)}."]})
        return queryset.filter(base_id__in=found.values())

    def filter_faction(self, queryset: IncidentQuerySet, name: str, value: list[str]) -> QuerySet[Incident]:
        if not value:
            return queryset
        groups = faction_groups(data_version(self.request).public_token)
        missing = [s for s in value if s not in groups]
        if missing:
            raise exceptions.ValidationError({"faction": [f"Unknown faction: {', '.join(missing)}."]})
        return queryset.attributed_to_ids({pk for slug in value for pk in groups[slug]})

    def filter_weapon(self, queryset: IncidentQuerySet, name: str, value: str) -> QuerySet[Incident]:
        return queryset.with_weapon(value) if value else queryset

    def filter_bbox(self, queryset: IncidentQuerySet, name: str, value: Any) -> QuerySet[Incident]:
        return queryset.in_bbox(*value) if value else queryset

    def filter_q(self, queryset: IncidentQuerySet, name: str, value: str) -> QuerySet[Incident]:
        value = value.strip()
        # Article text is searched for editors only: the public is never shown it (titles and evidence are).
        return queryset.search(value, full_text=request_is_editor(self.request)) if value else queryset

    @property
    def ordering_value(self) -> str:
        return self.form.cleaned_data.get("ordering") or "-date"

    def points_chunks(self, *, also: frozenset[str] = frozenset()) -> PointsChunkQuery | None:
        """The request as the map's pre-written chunks (and the timeline's rollups) answer it, when they
        can: one status, dates, and at most one of a country or a weapon (``incidents.selectors.points``);
        None for anything else. ``also``: the view's own parameters besides the filters."""
        if not set(self.data) <= CHUNKED_FILTERS | also:
            return None
        data = self.form.cleaned_data
        status = data.get("status") or Incident.Status.PUBLISHED
        country, weapon = data.get("country") or "", data.get("weapon") or ""
        if status == "all" or (country and weapon):
            return None
        start, end = data.get("date_from"), data.get("date_to")
        if any(day is not None and not CHUNKED_DATES[0] <= day <= CHUNKED_DATES[1] for day in (start, end)):
            return None  # the chunks' week and month arithmetic would leave the calendar; no incident is there
        return PointsChunkQuery(status, start, end, country, weapon)


IncidentFilter.base_filters = _FilterCopies(IncidentFilter.base_filters)
FILTER_NAMES = tuple(IncidentFilter.base_filters)
REPEATABLE = {"base", "faction"}
# The parameters a request may give for the map's chunks to answer it ("format" names the renderer).
CHUNKED_FILTERS = frozenset({"date_from", "date_to", "country", "weapon", "status", "format"})
# The dates the chunks' reader takes (a week or a month from either end of the calendar).
CHUNKED_DATES = (dt.date.min + dt.timedelta(days=40), dt.date.max - dt.timedelta(days=40))


def incident_filterset(request: Request, *, queryset: QuerySet[Any] | None = None) -> IncidentFilter:
    """The request's incident filters, validated, over the rows its user may see (``.qs``).

    ``queryset`` defaults to every incident; ``as_of`` reads pass the incidents' past versions
    (``incidents.selectors.as_of.incidents_as_of``), which take the same filters.
    """
    if queryset is None:
        queryset = Incident.objects.all()
    filterset = IncidentFilter(request.query_params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise exceptions.ValidationError(filterset.errors)
    return filterset


def checked_rows(filterset: IncidentFilter, chunks: PointsChunkQuery | None) -> QuerySet[Incident]:
    """The filtered rows, for a view whose answer the map's chunks or the timeline's rollups may give instead
    (``chunks``: ``points_chunks()``). Without them, ``.qs`` now: it checks the status asked for and looks up the
    sites and groups named (400 for an unknown one) before anything is answered. With them only the status is
    checked now (those filters name no site or group), and the rows are built if the answer needs them after
    all (another database than PostgreSQL): ~0.5 ms of the ORM's filters saved on most map and timeline requests,
    cache hits included."""
    if chunks is None:
        return filterset.qs
    filterset.visible_status()
    return cast(QuerySet[Incident], SimpleLazyObject(lambda: filterset.qs))


@overload
def filter_incidents(request: Request, *, queryset: None = None) -> tuple[IncidentQuerySet, str]: ...
@overload
def filter_incidents(request: Request, *, queryset: QuerySet[Any] | None = None) -> tuple[QuerySet[Incident], str]: ...
def filter_incidents(request: Request, *, queryset: QuerySet[Any] | None = None) -> tuple[QuerySet[Incident], str]:
    """The request's incident filters applied to the rows its user may see, and the ordering asked for."""
    filterset = incident_filterset(request, queryset=queryset)
    return filterset.qs, filterset.ordering_value
