"""The incident serializers build rows directly for speed; their output must equal DRF's field-by-field one."""

import datetime as dt

import pytest
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from incidents.api.serializers import IncidentDetailSerializer, IncidentSerializer
from incidents.models import Incident


@pytest.mark.parametrize("serializer_class", [IncidentSerializer, IncidentDetailSerializer])
def test_fast_path_equals_the_declared_fields(world, serializer_class):
    world.drone.time_of_day = dt.time(23, 5)
    world.drone.confidence = 0.75
    world.drone.reviewed_at = dt.datetime(2024, 2, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)
    world.drone.save()
    request = APIRequestFactory().get("/api/v1/incidents/")
    for incident in Incident.objects.for_api():
        fast = serializer_class(incident, context={"request": request}).data
        slow = serializers.ModelSerializer.to_representation(serializer_class(context={"request": request}), incident)
        assert fast == slow
