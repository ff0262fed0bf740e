"""The coverage statement is computed from the data, on the site and in the README."""

import datetime as dt
import itertools
import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from incidents.coverage import PERIODS, coverage_markdown, published_coverage, reference_coverage
from incidents.models import Incident
from ingest.reference import REFERENCE_FILE
from tests.factories import BaseFactory, IncidentFactory

README = (settings.BASE_DIR / "README.md").read_text()


def test_periods_are_contiguous():
    for before, after in itertools.pairwise(PERIODS):
        assert after.start == before.end + dt.timedelta(days=1)


def test_reference_coverage_counts_every_shipped_entry_once():
    entries = json.loads(REFERENCE_FILE.read_text())
    rows = reference_coverage()

    assert sum(r.incidents for r in rows) == len(entries)
    assert sum(r.claimed for r in rows) == sum(1 for e in entries if e["claimed"])
    war = next(r for r in rows if r.period.benchmark)
    in_war = [e for e in entries if war.period.start.isoformat() <= e["date"] <= war.period.end.isoformat()]
    assert war.incidents == len(in_war)
    assert war.share == round(100 * len(in_war) / war.period.benchmark.attacks)


def test_readme_states_the_shipped_figures():
    block = re.search(r"<!-- coverage:start -->\n(.*?)\n<!-- coverage:end -->", README, re.S)

    assert block, "README has no coverage block"
    assert block.group(1) == coverage_markdown(reference_coverage()), "run manage.py coverage --write-readme"


def test_readme_first_run_figures_match_the_data():
    data = settings.BASE_DIR / "incidents" / "data"
    sites = len(json.loads((data / "bases.json").read_text()))
    factions = len(json.loads((data / "factions.json").read_text()))
    attacks = len(json.loads(REFERENCE_FILE.read_text()))

    assert f"loads {sites} sites, {factions} factions and {attacks} real, sourced attacks" in README


@pytest.mark.django_db
def test_published_coverage_counts_published_incidents_only():
    tower = BaseFactory(slug="tower-22")
    IncidentFactory(base=tower, date=dt.date(2024, 1, 28), status=Incident.Status.PUBLISHED, claimed=True)
    IncidentFactory(base=tower, date=dt.date(2024, 1, 29), status=Incident.Status.PUBLISHED, claimed=False)
    IncidentFactory(base=None, place="Near Erbil", country="IQ", date=dt.date(2020, 9, 30), status="published")
    IncidentFactory(base=tower, date=dt.date(2024, 1, 30), status=Incident.Status.DRAFT)

    rows = {r.period.key: r for r in published_coverage()}

    assert (rows["gaza-war"].incidents, rows["gaza-war"].sites, rows["gaza-war"].claimed) == (2, 1, 1)
    assert rows["2019-2021"].incidents == 1
    assert rows["2024-2025"].incidents == 0
    assert rows["2024-2025"].statement == "No attacks recorded yet."


@pytest.mark.django_db
def test_coverage_page_shows_the_live_figures(client):
    IncidentFactory(base=BaseFactory(), date=dt.date(2023, 11, 1), status=Incident.Status.PUBLISHED)

    response = client.get(reverse("incidents:coverage"))

    html = response.content.decode()
    assert response.status_code == 200
    war = next(r for r in published_coverage() if r.period.benchmark)
    assert war.statement in html
    assert war.period.benchmark.source_url in html


@pytest.mark.django_db
def test_coverage_command_prints_the_table(capsys):
    call_command("coverage")

    assert capsys.readouterr().out.strip() == coverage_markdown(reference_coverage())
