"""``manage.py import_articles FILE.jsonl``: submit many articles, one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from ingest.forms import ArticleForm
from ingest.submission import article_submit

FIELDS = ("text", "published", "title", "url", "outlet")


class Command(BaseCommand):
    help = "Import articles from JSONL (text, published, and optional title/url/outlet); duplicates are skipped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", help="username recorded as the submitter")
        parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")

    def handle(self, *args: Any, file: Path, user: str | None, no_progress: bool, **options: Any) -> None:
        submitter = None
        if user:
            submitter = get_user_model().objects.filter(username=user).first()
            if submitter is None:
                raise CommandError(f"no user {user!r}")
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc

        created: list[tuple[int, int]] = []
        duplicates: list[tuple[int, int]] = []
        rejected: list[tuple[int, str]] = []
        for number, line in enumerate(tqdm(lines, unit="line", disable=no_progress, file=self.stderr._out), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                rejected.append((number, f"invalid JSON: {exc.msg}"))
                continue
            if not isinstance(record, dict):
                rejected.append((number, "not a JSON object"))
                continue
            data = {
                k: record.get(k) if record.get(k) is not None else ""
                for k in ("text", "published", "title", "url", "outlet")
            }
            form = ArticleForm(data=data)
            if not form.is_valid():
                reasons = "; ".join(f"{field}: {' '.join(map(str, errors))}" for field, errors in form.errors.items())
                rejected.append((number, reasons))
                continue
            result = article_submit(submitted_by=submitter, **form.cleaned_data)
            (created if result.created else duplicates).append((number, result.article.pk))

        self.stdout.write(f"{len(created)} created, {len(duplicates)} duplicate, {len(rejected)} rejected")
        for number, pk in duplicates:
            self.stdout.write(f"  line {number}: duplicate of article {pk}")
        for number, reason in rejected:
            self.stdout.write(f"  line {number}: rejected: {reason}")
