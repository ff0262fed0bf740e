from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from incidents.admin import HTTPS_URLS
from ingest.models import Article
from ingest.tasks import article_enqueue


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = (
        "__str__",
        "outlet",
        "published",
        "status",
        "attempts",
        "extractor_version",
        "submitted_by",
        "submitted_at",
    )
    list_filter = ("status", "outlet", "is_reference", "extractor_version")
    search_fields = ("title", "url", "outlet", "text")
    date_hierarchy = "submitted_at"
    actions = ["enqueue_again"]
    readonly_fields = (
        "checksum",
        "submitted_at",
        "status_changed_at",
        "started_at",
        "finished_at",
        "attempts",
        "extractor_version",
        "error",
        "outcome",
    )

    @admin.action(description="Parse again with the current extractor (queued for the worker)")
    def enqueue_again(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = 0
        for article in queryset.filter(is_reference=False).exclude(status=Article.Status.PROCESSING):
            article.requeue()
            article_enqueue(article_id=article.pk)
            count += 1
        self.message_user(request, f"{count} articles queued for parsing.", messages.SUCCESS)
