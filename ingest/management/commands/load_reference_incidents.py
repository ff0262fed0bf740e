from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ingest.reference import REFERENCE_FILE, reference_incidents_load


class Command(BaseCommand):
    help = "Load the curated reference incidents as published incidents (idempotent; never overwrites)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", type=Path, default=REFERENCE_FILE, help="JSON file of reference entries")

    def handle(self, *args: Any, **options: Any) -> None:
        report = reference_incidents_load(path=options["path"])
        self.stdout.write(f"Reference incidents: {report}")
        for problem in report.problems:
            self.stderr.write(f"  {problem}")
