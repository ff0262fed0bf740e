from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("articles/submit/", views.article_submit, name="article-submit"),
    path("articles/mine/", views.article_list, name="article-list"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("review/", views.review_queue, name="review-queue"),
    path("review/<int:pk>/", views.review_incident, name="review-incident"),
    path("review/<int:pk>/publish/", views.review_decide, {"decision": "publish"}, name="review-publish"),
    path("review/<int:pk>/reject/", views.review_decide, {"decision": "reject"}, name="review-reject"),
    path("review/<int:pk>/merge/", views.review_merge, name="review-merge"),
]
