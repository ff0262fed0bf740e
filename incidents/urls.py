from django.urls import path

from incidents import views

app_name = "incidents"

urlpatterns = [
    path("", views.home, name="home"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident-detail"),
    path("bases/<slug:slug>/", views.base_detail, name="base-detail"),
    path("factions/<slug:slug>/", views.faction_detail, name="faction-detail"),
]
