"""Articles submitted by editors; each row is also the status record of its parse."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


def normalize_text(text: str) -> str:
    """The form of an article's text that identifies it: NFKC, case and spacing folded."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def text_checksum(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet["Article"]):
    def stuck(self, *, before: object) -> ArticleQuerySet:
        """Queued or processing since before ``before``: lost by the broker or a dead worker."""
        return self.filter(status__in=[Article.Status.QUEUED, Article.Status.PROCESSING], status_changed_at__lt=before)

    def claim(self, *, pk: int, stale_before: dt.datetime) -> bool:
        """Move one article to processing if it is queued, or processing but abandoned.

        A conditional UPDATE: of two workers racing for the same row exactly one sees a
        row count of 1. A 'processing' row older than ``stale_before`` belongs to a worker
        that died (the hard time limit is far below the stuck deadline), so it may be retaken.
        """
        now = timezone.now()
        claimable = Q(status=Article.Status.QUEUED) | Q(
            status=Article.Status.PROCESSING, status_changed_at__lt=stale_before
        )
        return (
            self.filter(claimable, pk=pk).update(
                status=Article.Status.PROCESSING,
                attempts=F("attempts") + 1,
                started_at=now,
                status_changed_at=now,
                error="",
            )
            == 1
        )

    def requeue_stuck(self, *, before: dt.datetime, limit: int = 1000) -> list[int]:
        """Put articles stuck since before ``before`` back to queued; their ids (reference articles aside).

        Abandoned 'processing' rows go back to queued; every swept row gets a fresh
        ``status_changed_at`` so a backlog is not enqueued again on every run. Each row moves
        with its own conditional UPDATE, so two sweeps never both take it.
        """
        swept = []
        for pk in self.stuck(before=before).filter(is_reference=False).values_list("pk", flat=True)[:limit]:
            moved = (
                self.stuck(before=before)
                .filter(pk=pk)
                .update(status=Article.Status.QUEUED, status_changed_at=timezone.now())
            )
            if moved:
                swept.append(pk)
        return swept

    def release(self, *, pk: int) -> int:
        """Hand a processing article back to the queue (after a transient error)."""
        return self.filter(pk=pk, status=Article.Status.PROCESSING).update(
            status=Article.Status.QUEUED, status_changed_at=timezone.now()
        )


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    text = models.TextField()
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published = models.DateField(help_text="Publication date: the reference for 'on Tuesday'.")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    checksum = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    # The language the last parse judged the text to be written in (ISO 639, "" before a parse), and what the editor
    # should know of how much of it the extractor reads ("" for English, read in full)
    language = models.CharField(max_length=8, blank=True)
    language_note = models.TextField(blank=True)
    # What the last run did: {"created": [ids], "joined": [ids], "linked": [ids], "skipped": [reasons]}.
    outcome = models.JSONField(default=dict, blank=True, editable=False)
    # A curated reference entry (incidents/data/reference_incidents.json): its text is our own
    # summary of the public source at `url`, so it is never handed to the extractor.
    is_reference = models.BooleanField(default=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="article_status_changed")]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="article_url_unique"),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "processing", "done", "failed"]), name="article_status_valid"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Derived data, not business logic: the checksum always matches the text.
        self.checksum = text_checksum(self.text)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("ingest:article-detail", kwargs={"pk": self.pk})

    def get_status_url(self) -> str:
        """The API's status of this article (``GET /api/v1/articles/<id>/``), polled by its page."""
        return reverse("api-article-detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def mark_done(
        self, *, extractor_version: str, outcome: dict[str, Any], language: str = "", language_note: str = ""
    ) -> None:
        now = timezone.now()
        self.status, self.status_changed_at, self.finished_at = self.Status.DONE, now, now
        self.extractor_version, self.outcome, self.error = extractor_version, outcome, ""
        self.language, self.language_note = language, language_note
        self.save(
            update_fields=[
                "status",
                "status_changed_at",
                "finished_at",
                "extractor_version",
                "outcome",
                "error",
                "language",
                "language_note",
            ]
        )

    def mark_failed(self, *, error: str, extractor_version: str = "") -> None:
        now = timezone.now()
        self.status, self.status_changed_at, self.finished_at = self.Status.FAILED, now, now
        self.error = error[:2000]
        self.extractor_version = extractor_version or self.extractor_version
        self.save(update_fields=["status", "status_changed_at", "finished_at", "error", "extractor_version"])

    def requeue(self) -> None:
        """Back to queued (for reprocessing); the caller enqueues the task."""
        self.status, self.status_changed_at, self.error = self.Status.QUEUED, timezone.now(), ""
        self.save(update_fields=["status", "status_changed_at", "error"])


class IncidentSource(models.Model):
    """One article's report of an incident, with what it said and where it said it.

    Lives with the articles: the incidents app never imports the intake and reads an incident's
    sources through this relation (``incident.sources``). The table keeps its first name.
    """

    class Role(models.TextChoices):
        PRIMARY = "primary", "Primary report"
        BACKGROUND = "background", "Background mention"

    incident = models.ForeignKey("incidents.Incident", on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="incident_sources")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.PRIMARY)
    # {field: {"text": sentence, "start": int, "end": int}} offsets into article.text
    evidence = models.JSONField(default=dict, blank=True)
    # The values this article reported, kept to reconcile best/low/high across sources.
    reported = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "incidents_incidentsource"
        ordering = ["role", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "article"], name="incident_source_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.incident} ({self.role})"


class ArticleReading(models.Model):
    """One attack the parser read in an article, and what the merge made of it.

    Written by the merge (``ingest.merge``) at the point where it decides, one row per attack the
    extractor reported, and replaced whole by the next parse of the article. ``incident_number``
    keeps the id the merge chose even after that incident is merged away or deleted (the
    foreign key then goes null); the article page follows a merged id to its survivor.
    """

    class Role(models.TextChoices):
        PRIMARY = "primary", "Primary report"
        BACKGROUND = "background", "Background mention"

    class Outcome(models.TextChoices):
        CREATED = "created", "New draft"
        JOINED = "joined", "Joined incident"
        NOT_KEPT = "not_kept", "Not kept"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="readings")
    position = models.PositiveSmallIntegerField(help_text="Order in the extractor's output.")
    role = models.CharField(max_length=10, choices=Role.choices)
    role_reason = models.CharField(
        max_length=200, blank=True, help_text="Why the parser read it as the news or as background."
    )
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=10, blank=True)
    site = models.CharField(max_length=300, blank=True, help_text="Where the parser placed it: base, place or country.")
    sentence = models.TextField(blank=True, help_text="The sentence the attack was read from.")
    summary = models.TextField(blank=True, help_text="The extractor's one-line summary.")
    confidence = models.FloatField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    incident = models.ForeignKey(
        "incidents.Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="article_readings"
    )
    incident_number = models.PositiveIntegerField(null=True, blank=True, help_text="The incident id chosen then.")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="article_reading_position_unique"),
            models.CheckConstraint(condition=Q(role__in=["primary", "background"]), name="article_reading_role_valid"),
            models.CheckConstraint(
                condition=Q(outcome="not_kept", incident_number__isnull=True, incident__isnull=True)
                | Q(outcome__in=["created", "joined"], incident_number__isnull=False),
                name="article_reading_outcome_has_incident",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="not_kept") | ~Q(reason=""), name="article_reading_not_kept_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} #{self.position}: {self.get_outcome_display()}"
