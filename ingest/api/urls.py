from django.urls import URLPattern

# Article submission and status endpoints are registered here under /api/v1/.
urlpatterns: list[URLPattern] = []
