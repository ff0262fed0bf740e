from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
]
