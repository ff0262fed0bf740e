"""URLs whose views fail as if the database had just gone away (for test_database_outage_response)."""

from django.db import InterfaceError, OperationalError
from django.urls import include, path


def _gone(request):  # type: ignore[no-untyped-def]
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def _closed(request):  # type: ignore[no-untyped-def]
    raise InterfaceError("connection already closed")


urlpatterns = [
    path("api/v1/broken/", _gone),
    path("incidents/broken/", _gone),
    path("closed/", _closed),
    path("", include("config.urls")),
]
