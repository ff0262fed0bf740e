from django.urls import path
from django.views.generic import RedirectView

from incidents import codebook_views, coverage_views, profile_views, views

app_name = "incidents"

urlpatterns = [
    path("", views.home, name="home"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident-detail"),
    path("bases/<slug:slug>/", views.base_detail, name="base-detail"),
    path("factions/<slug:slug>/", views.faction_detail, name="faction-detail"),
    path("coverage/", coverage_views.coverage, name="coverage"),
    path("codebook/", codebook_views.codebook, name="codebook"),
    path("about/", RedirectView.as_view(pattern_name="incidents:codebook", permanent=True), name="about"),
    path("releases/", codebook_views.releases, name="releases"),
    path("releases/<str:version>/<str:name>", codebook_views.release_file, name="release-file"),
    path("accounts/profile/", profile_views.profile, name="profile"),
    path("accounts/profile/token/", profile_views.token_create, name="token-create"),
    path("accounts/profile/token/revoke/", profile_views.token_revoke, name="token-revoke"),
]
