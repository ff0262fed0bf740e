from django.contrib import admin

from ingest.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "outlet", "published", "status", "attempts", "submitted_by", "submitted_at")
    list_filter = ("status", "outlet")
    search_fields = ("title", "url", "outlet", "text")
    date_hierarchy = "submitted_at"
    readonly_fields = (
        "checksum",
        "submitted_at",
        "status_changed_at",
        "started_at",
        "finished_at",
        "attempts",
        "extractor_version",
        "error",
    )
