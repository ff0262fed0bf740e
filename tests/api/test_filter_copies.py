"""The incident filter set copies its filters and form fields cheaply (incidents/api/filters.py): each filter
set still has filters of its own, whose methods run on that filter set, and no form changes a shared field."""

from __future__ import annotations

from django.http import QueryDict
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from incidents.api.filters import IncidentFilter
from incidents.models import Incident


def _filterset(query: str) -> IncidentFilter:
    request = Request(APIRequestFactory().get(f"/api/v1/incidents/?{query}"))
    return IncidentFilter(request.query_params, queryset=Incident.objects.all(), request=request)


def test_each_filter_set_has_its_own_filters_bound_to_itself():
    first, second = _filterset("weapon=drone"), _filterset("weapon=rocket")
    for name in ("weapon", "base", "q", "status"):
        assert first.filters[name] is not second.filters[name]
        assert first.filters[name].parent is first
        assert second.filters[name].parent is second
        assert first.filters[name].filter.method.__self__ is first  # FilterMethod resolves on its own set
    assert IncidentFilter.base_filters["weapon"] not in (first.filters["weapon"], second.filters["weapon"])


def test_forms_share_fields_but_keep_their_own_values_and_errors(db):
    good, bad = _filterset("weapon=drone&date_from=2024-01-01"), _filterset("weapon=laser&date_from=someday")
    assert good.is_valid()
    assert not bad.is_valid()
    assert set(bad.errors) == {"weapon", "date_from"}
    assert good.form.cleaned_data["weapon"] == "drone"
    assert good.form.fields["weapon"] is bad.form.fields["weapon"]
    assert _filterset("weapon=rocket").form.fields["weapon"].choices == good.form.fields["weapon"].choices
    assert str(good.qs.query) != str(_filterset("weapon=rocket").qs.query)


def test_unbound_and_repeated_parameters_still_work(db):
    filterset = IncidentFilter(QueryDict("base=a-base&base=b-base"), queryset=Incident.objects.all())
    assert filterset.form.fields["base"].widget.value_from_datadict(filterset.data, {}, "base") == "a-base,b-base"
