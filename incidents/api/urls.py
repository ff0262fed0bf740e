from django.urls import URLPattern

# Incident, base, faction, stats and changes endpoints are registered here under /api/v1/.
urlpatterns: list[URLPattern] = []
