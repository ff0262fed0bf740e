"""Submitting an article: the one path the form, the API and ``import_articles`` share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from ingest.models import Article, text_checksum
from ingest.tasks import article_enqueue


@dataclass(frozen=True)
class SubmitResult:
    article: Article
    created: bool


def article_find_duplicate(*, text: str, url: str = "") -> Article | None:
    """The stored article with the same URL or the same normalized text, if any."""
    match = Q(checksum=text_checksum(text))
    if url:
        match |= Q(url=url)
    return Article.objects.filter(match).order_by("pk").first()


def article_submit(
    *,
    text: str,
    published: dt.date,
    title: str = "",
    url: str = "",
    outlet: str = "",
    submitted_by: Any = None,
) -> SubmitResult:
    """Store an article as queued and enqueue its parse once the row is committed.

    A duplicate (same URL or same normalized text) is not stored again: the existing
    article is returned with ``created=False``. Input is assumed validated (forms/serializers).
    """
    existing = article_find_duplicate(text=text, url=url)
    if existing is not None:
        return SubmitResult(existing, created=False)
    article = Article(text=text, published=published, title=title, url=url, outlet=outlet, submitted_by=submitted_by)
    try:
        with transaction.atomic():
            article.save()
            transaction.on_commit(lambda: article_enqueue(article_id=article.pk))
    except IntegrityError:
        # Lost a race with an identical submission: the unique constraints decide.
        existing = article_find_duplicate(text=text, url=url)
        if existing is None:
            raise
        return SubmitResult(existing, created=False)
    return SubmitResult(article, created=True)
