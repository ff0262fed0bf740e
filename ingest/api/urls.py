from django.urls import path

from ingest.api import views

urlpatterns = [
    path("articles/", views.ArticleSubmitView.as_view(), name="api-article-submit"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="api-article-detail"),
    path("incidents/<str:id>/merge/", views.IncidentMergeView.as_view(), name="api-incident-merge"),
]
