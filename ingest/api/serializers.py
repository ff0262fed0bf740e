"""Article submission over the API: input validation only (the service does the work)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from ingest.models import Article
from ingest.status import article_links
from ingest.validators import validate_article_text, validate_no_control_characters, validate_published


def _django(validator):  # type: ignore[no-untyped-def]
    def run(value):  # type: ignore[no-untyped-def]
        try:
            validator(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    return run


class ArticleSubmitSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, validators=[_django(validate_article_text)])
    published = serializers.DateField(validators=[_django(validate_published)])
    title = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    url = serializers.URLField(max_length=2000, required=False, default="", allow_blank=True)
    outlet = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)

    def validate(self, attrs: dict) -> dict:
        for name in ("title", "outlet", "url"):
            _django(validate_no_control_characters)(attrs.get(name, ""))
        return attrs


class ArticleAcceptedSerializer(serializers.Serializer):
    """What a submission answers (202 queued, or 200 with ``duplicate`` for an article already stored)."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Article.Status.choices)
    status_url = serializers.URLField()
    duplicate = serializers.BooleanField(required=False)


class ArticleStatusSerializer(serializers.ModelSerializer):
    """An article's parse status; what static/ingest/status.js polls on the article's page."""

    status_url = serializers.SerializerMethodField()
    finished = serializers.BooleanField(source="is_finished", read_only=True, help_text="Done or failed.")
    incidents = serializers.SerializerMethodField()
    skipped = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "outlet",
            "published",
            "status",
            "error",
            "attempts",
            "submitted_at",
            "started_at",
            "finished_at",
            "extractor_version",
            "status_url",
            "finished",
            "incidents",
            "skipped",
        ]

    def get_status_url(self, article: Article) -> str:
        return self.context["request"].build_absolute_uri(article.get_status_url())

    def get_incidents(self, article: Article) -> list[dict]:
        """The incidents the last parse created, joined or linked (once done)."""
        return article_links(article) if article.status == Article.Status.DONE else []

    def get_skipped(self, article: Article) -> list[str]:
        """Attacks the last parse read but did not record, each with the reason (once done)."""
        return (article.outcome or {}).get("skipped", []) if article.status == Article.Status.DONE else []
