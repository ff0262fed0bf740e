"""``manage.py extract FILE --published YYYY-MM-DD`` or ``manage.py extract --jsonl IN.jsonl``.

The extractor's own command line (ingest/extractor/cli.py) with the gazetteer read from the
database; prints exactly what ``python -m ingest.extractor`` prints. Needs no broker.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ingest.gazetteer_cache import gazetteer_get


class Command(BaseCommand):
    help = "Run the extractor over an article file (or a JSONL of articles) and print the incidents as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="article text file")
        parser.add_argument("--published", help="publication date YYYY-MM-DD (with FILE)")
        parser.add_argument("--jsonl", help='input lines {"id", "text", "published"}')

    def handle(self, *args: Any, file: str | None, published: str | None, jsonl: str | None, **options: Any) -> None:
        from ingest.extractor.cli import run

        argv = ["--jsonl", jsonl] if jsonl else [file or "", *(["--published", published] if published else [])]
        if not jsonl and not (file and published):
            raise CommandError("give FILE --published YYYY-MM-DD, or --jsonl IN.jsonl")
        code = run(argv, gazetteer_get(), out=self.stdout._out)  # type: ignore[arg-type]  # the raw stream
        if code:
            raise CommandError(f"extract failed with exit code {code}", returncode=code)
