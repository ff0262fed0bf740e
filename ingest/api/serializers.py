"""Article submission over the API: input validation only (the service does the work)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ingest.models import Article, ArticleReading
from ingest.readings import article_readings, readings_summary
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


class ReadingSerializer(serializers.Serializer):
    """One attack the parser read in an article and what became of it (for the schema; built by ingest.readings)."""

    position = serializers.IntegerField(help_text="1-based, in the extractor's order.")
    role = serializers.ChoiceField(choices=ArticleReading.Role.choices)
    role_label = serializers.CharField()
    role_reason = serializers.CharField(help_text='Why it is the news or background ("dated before the news").')
    date = serializers.DateField(allow_null=True)
    date_precision = serializers.CharField()
    date_label = serializers.CharField()
    site = serializers.CharField()
    sentence = serializers.CharField()
    summary = serializers.CharField()
    confidence = serializers.FloatField(allow_null=True)
    outcome = serializers.ChoiceField(choices=ArticleReading.Outcome.choices)
    outcome_label = serializers.CharField(help_text='"New draft #12", "Joined incident #7" or "Not kept".')
    incident = serializers.IntegerField(allow_null=True, help_text="The incident id the parse chose.")
    incident_status = serializers.CharField(allow_null=True)
    review_url = serializers.CharField(allow_null=True)
    reason = serializers.CharField()
    since = serializers.CharField(help_text="What happened to that incident since (merged into another, deleted).")


class ArticleStatusSerializer(serializers.ModelSerializer):
    """An article's parse status; what static/ingest/status.js polls on the article's page."""

    status_url = serializers.SerializerMethodField()
    finished = serializers.BooleanField(source="is_finished", read_only=True, help_text="Done or failed.")
    incidents = serializers.SerializerMethodField()
    skipped = serializers.SerializerMethodField()
    readings = serializers.SerializerMethodField()
    readings_summary = serializers.SerializerMethodField()

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
            "language",
            "language_note",
            "attempts",
            "submitted_at",
            "started_at",
            "finished_at",
            "extractor_version",
            "status_url",
            "finished",
            "incidents",
            "skipped",
            "readings",
            "readings_summary",
        ]

    def get_status_url(self, article: Article) -> str:
        return self.context["request"].build_absolute_uri(article.get_status_url())

    def get_incidents(self, article: Article) -> list[dict]:
        """The incidents the last parse created, joined or linked (once done)."""
        return article_links(article) if article.status == Article.Status.DONE else []

    def get_skipped(self, article: Article) -> list[str]:
        """Attacks the last parse read but did not record, each with the reason (once done)."""
        return (article.outcome or {}).get("skipped", []) if article.status == Article.Status.DONE else []

    @extend_schema_field(ReadingSerializer(many=True))
    def get_readings(self, article: Article) -> list[dict]:
        """Every attack the last parse read and what became of it (once done; ``ingest.readings``)."""
        return self._readings(article)

    def get_readings_summary(self, article: Article) -> str:
        return readings_summary(self._readings(article))

    def _readings(self, article: Article) -> list[dict]:
        if not hasattr(self, "_readings_cache"):
            self._readings_cache: dict[int, list[dict]] = {}
        if article.pk not in self._readings_cache:
            self._readings_cache[article.pk] = article_readings(article)
        return self._readings_cache[article.pk]
