from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from incidents.admin import HTTPS_URLS, IncidentAdmin
from incidents.models import Incident
from ingest.models import Article, ArticleReading, IncidentSource
from ingest.tasks import article_enqueue


class ArticleReadingInline(admin.TabularInline):
    """What the last parse read and made of each attack: written by the merge only, so read-only here."""

    model = ArticleReading
    extra = 0
    fields = ("position", "role", "date", "date_precision", "site", "summary", "outcome", "incident_number", "reason")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    inlines = [ArticleReadingInline]
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


@admin.register(IncidentSource)
class IncidentSourceAdmin(admin.ModelAdmin):
    list_display = ("incident", "article", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("article__title", "article__url", "incident__summary")
    autocomplete_fields = ("incident", "article")


class IncidentSourceInline(admin.TabularInline):
    model = IncidentSource
    extra = 0
    fields = ("article", "role", "evidence", "reported", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("article",)


class IncidentWithSourcesAdmin(IncidentAdmin):
    """The incidents app's admin plus the articles that report each incident (ingest owns those)."""

    inlines = [*IncidentAdmin.inlines, IncidentSourceInline]


admin.site.unregister(Incident)
admin.site.register(Incident, IncidentWithSourcesAdmin)
