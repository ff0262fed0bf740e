"""``manage.py reprocess [--all | --since DATE]``: re-run the current extractor over stored articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ingest.processing import article_reprocess, articles_for_reprocess


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--since takes YYYY-MM-DD, not {value!r}") from exc


class Command(BaseCommand):
    help = "Re-parse stored articles in this process with the current extractor and print what changed."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--all", action="store_true", help="every article (reference entries excepted)")
        group.add_argument("--since", type=_date, help="articles submitted on or after this date")

    def handle(self, *args: Any, all: bool, since: dt.date | None, **options: Any) -> None:
        from ingest.extractor import EXTRACTOR_VERSION

        total = changed = 0
        for article in articles_for_reprocess(since=since):
            total += 1
            report = article_reprocess(article=article)
            if report.changes:
                changed += 1
                self.stdout.write(f"article {article.pk} ({article}): {report.status}")
                for line in report.changes:
                    self.stdout.write(f"  {line}")
            else:
                self.stdout.write(f"article {article.pk}: unchanged")
        self.stdout.write(f"{total} articles re-parsed with extractor {EXTRACTOR_VERSION}, {changed} changed")
