import datetime as dt
import json

import pytest
from django.core.management import call_command

from incidents.models import Incident
from ingest.models import Article, IncidentSource
from ingest.reference import REFERENCE_FILE, reference_incidents_load
from tests.factories import BaseFactory, FactionFactory, IncidentFactory

SHARED_URL = "https://example.org/two-attacks"


def _entry(**overrides):
    entry = {
        "date": "2024-01-28",
        "date_precision": "day",
        "base": "tower-22",
        "place": "",
        "country": "JO",
        "weapons": ["drone"],
        "launched": 1,
        "intercepted": 0,
        "killed": 3,
        "injured": 40,
        "perpetrator": "kataib-hezbollah",
        "claimed": True,
        "summary": "A one-way drone struck the living quarters at Tower 22.",
        "source_url": SHARED_URL,
        "source_title": "Two attacks",
        "outlet": "Example Wire",
    }
    entry.update(overrides)
    return entry


@pytest.fixture
def reference_file(tmp_path, db):
    BaseFactory(slug="tower-22", name="Tower 22", country="JO", latitude=33.32, longitude=38.69)
    BaseFactory(slug="al-tanf-garrison", name="Al-Tanf", country="SY", latitude=33.5, longitude=38.6)
    FactionFactory(slug="kataib-hezbollah", name="Kataib Hezbollah")
    entries = [
        _entry(),
        _entry(
            base="al-tanf-garrison",
            country="SY",
            killed=None,
            injured=None,
            perpetrator=None,
            claimed=False,
            summary="Drones <b>targeted</b> al-Tanf & were shot down.",
        ),
        _entry(base="unknown-base", summary="Nowhere."),
    ]
    path = tmp_path / "reference.json"
    path.write_text(json.dumps(entries))
    return path


def test_load_creates_published_incidents_with_reference_sources(reference_file):
    report = reference_incidents_load(path=reference_file)

    assert report.created == 2
    assert report.problems == ["2024-01-28: unknown base 'unknown-base' (run load_gazetteer first)"]
    tower = Incident.objects.get(base__slug="tower-22")
    assert tower.status == Incident.Status.PUBLISHED
    assert (tower.killed, tower.injured, tower.launched, tower.intercepted) == (3, 40, 1, 0)
    assert tower.claimed
    assert tower.claimed_by == tower.perpetrator
    assert (tower.latitude, tower.longitude) == (33.32, 38.69)
    assert tower.history.count() == 1


def test_entries_citing_one_url_share_one_reference_article(reference_file):
    reference_incidents_load(path=reference_file)

    article = Article.objects.get()
    assert article.is_reference
    assert article.url == SHARED_URL
    assert article.title == "Two attacks"
    assert article.outlet == "Example Wire"
    assert article.status == Article.Status.DONE
    for source in IncidentSource.objects.all():
        assert source.role == IncidentSource.Role.PRIMARY
        span = source.evidence["summary"]
        assert article.text[span["start"] : span["end"]] == source.incident.summary


def test_load_twice_changes_nothing(reference_file):
    reference_incidents_load(path=reference_file)
    second = reference_incidents_load(path=reference_file)

    assert (second.created, second.existing, second.articles_created) == (0, 2, 0)
    assert Incident.objects.count() == 2
    assert Article.objects.count() == 1


def test_existing_incident_at_same_base_and_date_is_kept(reference_file):
    kept = IncidentFactory(
        base=BaseFactory(slug="tower-22"), date=dt.date(2024, 1, 28), status=Incident.Status.REJECTED, killed=2
    )

    reference_incidents_load(path=reference_file)

    kept.refresh_from_db()
    assert kept.status == Incident.Status.REJECTED
    assert kept.killed == 2
    assert Incident.objects.filter(base__slug="tower-22").count() == 1


def test_command_reports_counts(reference_file, capsys):
    call_command("load_reference_incidents", path=reference_file)

    assert "2 incidents created" in capsys.readouterr().out


def test_ranges_and_further_sources_are_loaded(tmp_path, db):
    BaseFactory(slug="tower-22", name="Tower 22", country="JO", latitude=33.32, longitude=38.69)
    FactionFactory(slug="kataib-hezbollah", name="Kataib Hezbollah")
    further = {"source_url": "https://example.net/same-attack", "source_title": "Same attack", "outlet": "Other Wire"}
    path = tmp_path / "reference.json"
    path.write_text(json.dumps([_entry(injured=47, injured_low=34, injured_high=47, also_sources=[further])]))

    reference_incidents_load(path=path)

    incident = Incident.objects.get()
    assert incident.count_values("injured") == (47, 34, 47)
    assert sorted(s.article.url for s in incident.sources.all()) == [further["source_url"], SHARED_URL]
    other = Article.objects.get(url=further["source_url"])
    assert (other.title, other.outlet, other.is_reference) == ("Same attack", "Other Wire", True)
    for source in incident.sources.all():
        span = source.evidence["summary"]
        assert source.article.text[span["start"] : span["end"]] == incident.summary


def test_shipped_reference_set_is_real_and_complete():
    entries = json.loads(REFERENCE_FILE.read_text())
    war = [e for e in entries if dt.date(2023, 10, 17) <= dt.date.fromisoformat(e["date"]) <= dt.date(2024, 2, 4)]

    # At least the set this test was first written against, and most of it from the 2023-24 campaign.
    assert len(entries) >= 49
    assert len(war) >= len(entries) / 2
    for entry in entries:
        assert dt.date(2019, 1, 1) <= dt.date.fromisoformat(entry["date"]) <= dt.date(2025, 12, 31)
        assert entry["source_url"].startswith("https://"), entry
        assert entry["summary"]
        assert entry["weapons"]
        assert entry["base"] or (entry["place"] and entry["country"]), entry
        assert len(entry["summary"]) <= 300
    tower_22 = [e for e in entries if e["base"] == "tower-22" and e["date"] == "2024-01-28"]
    assert tower_22
    assert tower_22[0]["killed"] == 3
