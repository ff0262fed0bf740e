"""Exports are downloads with a dated file name and the right extension, cached or not."""

import pytest
from django.utils import timezone


@pytest.mark.parametrize("fmt", ["geojson", "csv"])
def test_export_is_an_attachment_named_with_its_extension(api, world, fmt):
    first = api.get(f"/api/v1/incidents/?format={fmt}&country=IQ")
    again = api.get(f"/api/v1/incidents/?format={fmt}&country=IQ")  # GeoJSON: from the cache now
    day = timezone.now().strftime("%Y%m%d")
    for response in (first, again):
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="basewatch-incidents-{day}.{fmt}"'


def test_json_pages_are_not_downloads(api, world):
    response = api.get("/api/v1/incidents/")
    assert response.status_code == 200
    assert "Content-Disposition" not in response
