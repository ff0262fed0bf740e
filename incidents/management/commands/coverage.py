import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from incidents.coverage import coverage_markdown, published_coverage, reference_coverage

README = Path(settings.BASE_DIR) / "README.md"
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"


def readme_block(text: str) -> str:
    """The generated table between the README's coverage markers."""
    match = re.search(re.escape(START) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    if match is None:
        raise CommandError(f"README.md has no {START} … {END} block")
    return match.group(1)


class Command(BaseCommand):
    help = "Print how complete the record is per period (the reference set, or --published in the database)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--published", action="store_true", help="count the published incidents in the database")
        parser.add_argument("--write-readme", action="store_true", help="rewrite the README's coverage table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["write_readme"] and options["published"]:
            raise CommandError("the README states the shipped reference set, not one database's contents")
        table = coverage_markdown(published_coverage() if options["published"] else reference_coverage())
        if options["write_readme"]:
            text = README.read_text()
            README.write_text(text.replace(readme_block(text), table))
        self.stdout.write(table)
