"""Citable data releases: a dated, versioned snapshot of the published incidents, on disk and recorded.

``release_create`` writes ``<RELEASES_DIR>/<version>/``: the CSV and GeoJSON exactly as the API
exports them, the codebook rendered with the figures of this snapshot, ``CITATION.cff`` (CFF 1.2.0)
and ``SHA256SUMS`` (one line per other file, ``sha256sum -c`` format). The files are written to a
temporary folder and moved into place only once complete, and the ``Release`` row (version unique
in the database) is created in the same step, so a failed or duplicate release leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, Min
from django.template.loader import render_to_string
from django.utils import timezone

from incidents.api.renderers import csv_stream
from incidents.codebook import codebook_facts
from incidents.models import Country, Incident, Release, Weapon
from incidents.querysets import IncidentQuerySet
from incidents.selectors.export import CSV_COLUMNS, incidents_csv_rows, incidents_geojson

TITLE = "Basewatch: attacks on US and coalition sites"
CHECKSUM_FILE = "SHA256SUMS"
CITATION_FILE = "CITATION.cff"
CODEBOOK_FILE = "codebook.html"
VERSION_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")


class ReleaseError(Exception):
    """The release cannot be made (duplicate or malformed version, folder in the way); nothing was written."""


def releases_dir() -> Path:
    return Path(settings.RELEASES_DIR)


def release_folder(version: str) -> Path:
    return releases_dir() / version


def release_file_path(release: Release, name: str) -> Path | None:
    """The path of one of ``release``'s files, or None when it is not one of them."""
    if name != CHECKSUM_FILE and name not in release.checksums:
        return None
    path = release_folder(release.version) / name
    return path if path.is_file() else None


def data_file_names(version: str) -> tuple[str, str]:
    stem = f"basewatch-incidents-{version}"
    return f"{stem}.csv", f"{stem}.geojson"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def citation_cff(*, version: str, released: dt.date, incidents: int) -> str:
    """CITATION.cff (CFF 1.2.0) for a data release."""
    data: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": "If you use this data, please cite it as below, giving the release version.",
        "type": "dataset",
        "title": TITLE,
        "version": version,
        "date-released": released.isoformat(),
        "authors": [{"name": settings.RELEASE_AUTHOR}],
        "abstract": (
            f"{incidents} published incidents of attacks on sites used by US and coalition forces, coded from "
            "public reporting: date and precision, site or place, weapons, launched/intercepted/killed/injured "
            "(best, low, high), perpetrator and claim, sources. See codebook.html."
        ),
        "keywords": ["conflict data", "event data", "attacks", "militias"],
    }
    if settings.RELEASE_REPOSITORY_URL:
        data["repository-code"] = settings.RELEASE_REPOSITORY_URL
    if settings.RELEASE_SITE_URL:
        data["url"] = settings.RELEASE_SITE_URL
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _write_files(folder: Path, *, version: str, incidents: IncidentQuerySet, now: dt.datetime) -> dict[str, str]:
    csv_name, geojson_name = data_file_names(version)
    with (folder / csv_name).open("wb") as handle:
        for chunk in csv_stream(CSV_COLUMNS, incidents_csv_rows(incidents.order_by("-date", "-id"))):
            handle.write(chunk)
    prefix = settings.RELEASE_SITE_URL.rstrip("/") + "/incidents/" if settings.RELEASE_SITE_URL else "/incidents/"
    (folder / geojson_name).write_text(incidents_geojson(incidents, url_prefix=prefix), encoding="utf-8")
    facts = codebook_facts(incidents)
    codebook = render_to_string("incidents/codebook_release.html", codebook_context(facts, now=now, version=version))
    (folder / CODEBOOK_FILE).write_text(codebook, encoding="utf-8")
    cff = citation_cff(version=version, released=now.date(), incidents=facts.incidents)
    (folder / CITATION_FILE).write_text(cff, encoding="utf-8")
    checksums = {path.name: _sha256(path) for path in sorted(folder.iterdir())}
    lines = "".join(f"{digest}  {name}\n" for name, digest in checksums.items())
    (folder / CHECKSUM_FILE).write_text(lines, encoding="utf-8")
    return checksums


def codebook_context(facts: object, *, now: dt.datetime, version: str | None = None) -> dict[str, object]:
    """What the codebook's text reads besides the figures: the vocabularies, as the models define them."""
    return {
        "facts": facts,
        "facts_as_of": now,
        "release_version": version,
        "date_precisions": Incident.DatePrecision.choices,
        "location_precisions": Incident.LocationPrecision.choices,
        "weapons": Weapon.choices,
        "countries": Country.choices,
    }


def release_create(*, version: str | None = None, copy_to: Path | None = None) -> Release:
    """Write and record a release of the published incidents; ``version`` defaults to today's date (YYYY.MM.DD).

    Raises ``ReleaseError`` when the version is malformed or already released, or its folder exists.
    ``copy_to`` also copies the finished folder there (for an archive upload).
    """
    now = timezone.now()
    version = version or f"{now:%Y.%m.%d}"
    if not VERSION_PATTERN.match(version):
        raise ReleaseError(
            f"Version {version!r} is not usable: letters, digits, '.', '_' and '-', starting with a letter or digit, "
            "at most 40 characters."
        )
    if Release.objects.filter(version=version).exists():
        raise ReleaseError(f"Release {version} already exists; give another --version.")
    target = release_folder(version)
    if target.exists():
        raise ReleaseError(f"{target} already exists; remove it or give another --version.")
    releases_dir().mkdir(parents=True, exist_ok=True)
    incidents = Incident.objects.published()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # Every file and figure from one snapshot while editors publish: the transaction's first statement.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=releases_dir()))
        try:
            checksums = _write_files(staging, version=version, incidents=incidents, now=now)
            span = incidents.order_by().aggregate(n=Count("id"), first=Min("date"), last=Max("date"))
            release = Release.objects.create(
                version=version,
                created_at=now,
                incident_count=span["n"],
                first_date=span["first"],
                last_date=span["last"],
                checksums=checksums,
            )
            staging.rename(target)
        except IntegrityError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise ReleaseError(f"Release {version} already exists; give another --version.") from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if copy_to is not None:
        shutil.copytree(target, Path(copy_to) / version)
    return release
