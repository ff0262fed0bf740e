from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from incidents.releases import CHECKSUM_FILE, ReleaseError, release_create, release_folder


class Command(BaseCommand):
    help = (
        "Write a dated, versioned release of the published incidents (CSV, GeoJSON, codebook, CITATION.cff, "
        "SHA256SUMS) under RELEASES_DIR, record it, and list it at /releases/."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # Our --version (the release's) replaces Django's (which prints Django's version).
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--version", dest="release_version", help="release version (default: today, YYYY.MM.DD)")
        parser.add_argument("--out", type=Path, help="also copy the release folder into this directory")

    def handle(self, *args: Any, **options: Any) -> None:
        out = options["out"]
        if out is not None and not out.is_dir():
            raise CommandError(f"--out {out} is not a directory")
        try:
            release = release_create(version=options["release_version"], copy_to=out)
        except ReleaseError as exc:
            raise CommandError(str(exc)) from exc
        folder = release_folder(release.version)
        self.stdout.write(f"Release {release.version}: {release.incident_count} published incidents in {folder}")
        for name, digest in sorted(release.checksums.items()):
            self.stdout.write(f"  {digest}  {name}")
        self.stdout.write(f"  (checksums in {CHECKSUM_FILE})")
        if out is not None:
            self.stdout.write(f"Copied to {out / release.version}")
