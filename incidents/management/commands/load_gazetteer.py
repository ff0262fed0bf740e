from typing import Any

from django.core.management.base import BaseCommand

from incidents.gazetteer import gazetteer_load


class Command(BaseCommand):
    help = "Load or refresh the shipped gazetteer of bases and factions (idempotent; keeps admin edits)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = gazetteer_load()
        self.stdout.write(f"Gazetteer: {report}")
        for slug in report.kept_edits:
            self.stdout.write(f"  kept editor's version of {slug}")
