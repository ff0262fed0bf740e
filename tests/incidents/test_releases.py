"""``manage.py release``: a versioned snapshot of the published data, checksummed, citable, listed and served."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json

import pytest
import yaml
from django.core.management import CommandError, call_command

from incidents.models import Incident, Release
from tests.factories import BaseFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def releases_dir(settings, tmp_path):
    settings.RELEASES_DIR = tmp_path / "releases"
    settings.RELEASE_REPOSITORY_URL = "https://git.example.org/basewatch"
    return settings.RELEASES_DIR


@pytest.fixture
def data(db):
    base = BaseFactory(slug="al-asad", name="Al Asad Air Base", country="IQ")
    shown = IncidentFactory(base=base, date=dt.date(2024, 1, 20), killed=1)
    IncidentSourceFactory(incident=shown)
    IncidentFactory(base=base, date=dt.date(2024, 2, 3), weapons=["rocket"])
    IncidentFactory(base=base, date=dt.date(2024, 3, 1), status=Incident.Status.DRAFT)
    return shown


def _release(*args: str) -> str:
    out = io.StringIO()
    call_command("release", *args, stdout=out)
    return out.getvalue()


def test_release_writes_the_published_data_with_checksums(data, releases_dir, client):
    output = _release("--version", "2024.1")
    folder = releases_dir / "2024.1"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "CITATION.cff",
        "SHA256SUMS",
        "basewatch-incidents-2024.1.csv",
        "basewatch-incidents-2024.1.geojson",
        "codebook.html",
    ]
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == set(names) - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    release = Release.objects.get(version="2024.1")
    assert release.checksums == sums
    assert (release.incident_count, release.first_date, release.last_date) == (
        2,
        dt.date(2024, 1, 20),
        dt.date(2024, 2, 3),
    )
    assert "Release 2024.1: 2 published incidents" in output

    # The CSV and GeoJSON are the API's exports of the published incidents (drafts left out).
    rows = list(csv.DictReader(io.StringIO((folder / "basewatch-incidents-2024.1.csv").read_text())))
    api_rows = list(
        csv.DictReader(io.StringIO(b"".join(client.get("/api/v1/incidents/?format=csv").streaming_content).decode()))
    )
    assert rows == api_rows
    assert len(rows) == 2
    features = json.loads((folder / "basewatch-incidents-2024.1.geojson").read_text())["features"]
    assert [f["id"] for f in features] == [int(r["event_id"]) for r in rows]
    codebook = (folder / "codebook.html").read_text()
    assert "release 2024.1" in codebook
    assert "2 published" in codebook


def test_citation_cff_is_valid_cff_1_2(data, releases_dir):
    _release("--version", "v1.0")
    cff = yaml.safe_load((releases_dir / "v1.0" / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "date-released", "repository-code"):
        assert cff[key], key
    assert cff["version"] == "v1.0"
    assert dt.date.fromisoformat(str(cff["date-released"]))
    assert cff["authors"] == [{"name": "Basewatch"}]
    assert cff["repository-code"] == "https://git.example.org/basewatch"


def test_version_defaults_to_the_date(data, releases_dir):
    _release()
    release = Release.objects.get()
    assert release.version == release.created_at.strftime("%Y.%m.%d")


def test_a_duplicate_version_is_refused_and_leaves_the_first_untouched(data, releases_dir):
    _release("--version", "1.0")
    before = (releases_dir / "1.0" / "SHA256SUMS").read_text()
    IncidentFactory(date=dt.date(2024, 5, 5))
    with pytest.raises(CommandError, match=r"Release 1\.0 already exists"):
        _release("--version", "1.0")
    assert Release.objects.count() == 1
    assert (releases_dir / "1.0" / "SHA256SUMS").read_text() == before
    assert [p.name for p in releases_dir.iterdir()] == ["1.0"]  # no staging folder left


@pytest.mark.parametrize("bad", ["../x", "a/b", ".hidden", "x" * 41, "with space"])
def test_a_malformed_version_is_refused(data, releases_dir, bad):
    with pytest.raises(CommandError, match="not usable"):
        _release("--version", bad)
    assert not Release.objects.exists()


def test_out_copies_the_release(data, releases_dir, tmp_path):
    out = tmp_path / "upload"
    out.mkdir()
    _release("--version", "2", "--out", str(out))
    assert sorted(p.name for p in (out / "2").iterdir()) == sorted(p.name for p in (releases_dir / "2").iterdir())


def test_the_releases_page_lists_each_release_and_its_files_download(client, data, releases_dir):
    _release("--version", "1.0")
    page = client.get("/releases/").content.decode()
    release = Release.objects.get()
    for name, digest in release.checksums.items():
        link = f'href="/releases/1.0/{name}"'
        assert link in page
        assert digest in page
        response = client.get(f"/releases/1.0/{name}")
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        assert hashlib.sha256(body).hexdigest() == digest
        assert f'filename="{name}"' in response["Content-Disposition"]
    assert 'href="/releases/1.0/SHA256SUMS"' in page
    assert client.get("/releases/1.0/SHA256SUMS").status_code == 200
    codebook = client.get("/codebook/").content.decode()
    assert "Release 1.0" in codebook


@pytest.mark.parametrize(
    "path", ["/releases/9.9/SHA256SUMS", "/releases/1.0/secret.txt", "/releases/1.0/..%2F..%2Fsettings.py"]
)
def test_only_a_release_s_own_files_are_served(client, data, releases_dir, path):
    _release("--version", "1.0")
    (releases_dir / "1.0" / "secret.txt").write_text("not part of the release")
    assert client.get(path).status_code == 404


def test_no_release_yet(client, db):
    assert "No release yet" in client.get("/releases/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_release_outside_any_transaction_reads_one_snapshot(releases_dir):
    # On PostgreSQL the release's own transaction is REPEATABLE READ (its first statement).
    IncidentFactory(date=dt.date(2024, 1, 1))
    _release("--version", "snap")
    assert Release.objects.get().incident_count == 1
