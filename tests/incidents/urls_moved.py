"""The site's URLs under /moved/ (tests/incidents/test_links.py)."""

from django.urls import include, path

urlpatterns = [path("moved/", include("config.urls"))]
