"""The incident filter form cleans the parameters a request does not give without binding their fields
(incidents/api/filters.py ``_FilterForm``): the cleaned values and the errors are Django's own form's, for
valid, invalid, empty, repeated and absent parameters alike."""

from __future__ import annotations

import pytest
from django import forms
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from incidents.api import filters
from incidents.api.filters import IncidentFilter
from incidents.models import Incident

QUERIES = [
    "",
    "date_from=2024-01-01&date_to=2024-03-31",
    "date_from=2024-01-01&country=IQ",
    "weapon=drone&faction=kh&faction=iri&base=a,b",
    "ordering=-killed&min_killed=3&min_injured=0&claimed=true",
    "bbox=40,30,45,35&q=%20rocket%20",
    "status=draft&status=",
    # Invalid and empty values: each error is named as Django names it.
    "date_from=someday&min_killed=-1&bbox=1,2&weapon=laser",
    "date_to=&country=&claimed=maybe&ordering=sideways",
    "q=" + "x" * 300,
    "base=a,,b",
]


def _cleaned(query: str) -> tuple[bool, dict, dict]:
    request = Request(APIRequestFactory().get(f"/api/v1/incidents/?{query}"))
    filterset = IncidentFilter(request.query_params, queryset=Incident.objects.all(), request=request)
    valid = filterset.is_valid()
    return valid, filterset.form.cleaned_data, filterset.errors.get_json_data()


@pytest.mark.parametrize("query", QUERIES)
def test_values_and_errors_are_those_of_djangos_form(query, monkeypatch):
    ours = _cleaned(query)
    monkeypatch.setattr(filters._FilterForm, "_clean_fields", forms.Form._clean_fields)
    assert ours == _cleaned(query)


def test_absent_parameters_get_their_empty_values_without_a_bound_field():
    request = Request(APIRequestFactory().get("/api/v1/incidents/?country=IQ&date_from=2024-01-01"))
    filterset = IncidentFilter(request.query_params, queryset=Incident.objects.all(), request=request)
    assert filterset.is_valid()
    data = filterset.form.cleaned_data
    assert set(data) == set(filterset.form.fields)
    assert (data["country"], str(data["date_from"])) == ("IQ", "2024-01-01")
    assert (data["base"], data["faction"], data["q"], data["status"], data["ordering"]) == ([], [], "", "", "")
    assert (data["date_to"], data["claimed"], data["min_killed"], data["bbox"]) == (None, None, None, None)
    assert set(filterset.form._bound_fields_cache) == {"country", "date_from"}


def test_an_absent_list_is_a_list_of_its_own(db):
    first, second = _cleaned("country=IQ")[1], _cleaned("country=SY")[1]
    first["base"].append("changed")
    assert second["base"] == []
