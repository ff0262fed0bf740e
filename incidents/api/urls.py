from django.urls import path

from incidents.api import views

# Incident, base, faction, stats and changes endpoints under /api/v1/ (articles live in ingest/api/).
urlpatterns = [
    path("incidents/", views.IncidentListView.as_view(), name="api-incident-list"),
    path("incidents/<int:pk>/", views.IncidentDetailView.as_view(), name="api-incident-detail"),
    path(
        "incidents/<int:pk>/publish/", views.IncidentReviewView.as_view(action="publish"), name="api-incident-publish"
    ),
    path("incidents/<int:pk>/reject/", views.IncidentReviewView.as_view(action="reject"), name="api-incident-reject"),
    path("bases/", views.BaseListView.as_view(), name="api-base-list"),
    path("bases/<slug:slug>/", views.BaseDetailView.as_view(), name="api-base-detail"),
    path("factions/", views.FactionListView.as_view(), name="api-faction-list"),
    path("factions/<slug:slug>/", views.FactionDetailView.as_view(), name="api-faction-detail"),
    path("stats/timeline/", views.TimelineView.as_view(), name="api-stats-timeline"),
    path("changes/", views.ChangesView.as_view(), name="api-changes"),
]
