from django.urls import path

from incidents.api import feed_views, gazetteer_views, views

# Ids and slugs are matched loosely and checked by the views, so a malformed one is a JSON 404.
# Incident, base, faction, stats and changes endpoints under /api/v1/ (articles live in ingest/api/).
urlpatterns = [
    path("incidents/", views.IncidentListView.as_view(), name="api-incident-list"),
    path("incidents/points/", views.IncidentPointsView.as_view(), name="api-incident-points"),
    path("incidents/<str:id>/", views.IncidentDetailView.as_view(), name="api-incident-detail"),
    path(
        "incidents/<str:id>/publish/", views.IncidentReviewView.as_view(action="publish"), name="api-incident-publish"
    ),
    path("incidents/<str:id>/reject/", views.IncidentReviewView.as_view(action="reject"), name="api-incident-reject"),
    path("bases/", gazetteer_views.BaseListView.as_view(), name="api-base-list"),
    path("bases/<str:slug>/", gazetteer_views.BaseDetailView.as_view(), name="api-base-detail"),
    path("factions/", gazetteer_views.FactionListView.as_view(), name="api-faction-list"),
    path("factions/<str:slug>/", gazetteer_views.FactionDetailView.as_view(), name="api-faction-detail"),
    path("stats/timeline/", feed_views.TimelineView.as_view(), name="api-stats-timeline"),
    path("changes/", feed_views.ChangesView.as_view(), name="api-changes"),
]
