import datetime as dt

import pytest
from django.urls import reverse

from incidents.models import Incident
from tests.factories import (
    ArticleFactory,
    BaseFactory,
    FactionFactory,
    IncidentFactory,
    IncidentSourceFactory,
)

pytestmark = pytest.mark.django_db


def test_home_serves_local_leaflet_and_no_inline_script(client):
    BaseFactory(name="Tower 22", slug="tower-22")

    response = client.get(reverse("incidents:home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/leaflet/leaflet" in html
    assert "/static/incidents/map.js" in html
    assert "unpkg" not in html
    assert "cdn" not in html.lower()
    # Only external scripts and JSON data blocks: the CSP forbids inline script.
    for chunk in html.split("<script")[1:]:
        head = chunk.split(">", 1)[0]
        assert "src=" in head or 'type="application/json"' in head, head
    assert " onclick=" not in html
    assert 'id="bases-data"' in html
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html


def test_home_tile_layer_comes_from_settings(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Example tiles"

    html = client.get(reverse("incidents:home")).content.decode()

    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-tile-attribution="Example tiles"' in html


def test_home_filter_controls_are_labelled(client):
    html = client.get(reverse("incidents:home")).content.decode()

    for control in ("f-date-from", "f-date-to", "f-faction", "f-weapon", "f-country", "f-claimed", "f-min-killed"):
        assert f'for="{control}"' in html
        assert f'id="{control}"' in html


def test_base_counts_on_home_page_exclude_drafts_for_anonymous(client):
    base = BaseFactory(slug="al-asad")
    IncidentFactory(base=base)
    IncidentFactory(base=base, status=Incident.Status.DRAFT, date=dt.date(2024, 2, 1))

    response = client.get(reverse("incidents:home"))

    bases = {b["slug"]: b for b in response.context["bases"]}
    assert bases["al-asad"]["incident_count"] == 1


def test_incident_page_shows_fields_with_precision_and_escaped_highlights(client):
    incident = IncidentFactory(
        date=dt.date(2024, 3, 1),
        date_precision=Incident.DatePrecision.MONTH,
        killed=2,
        killed_low=1,
        killed_high=3,
    )
    text = "Lead. <script>alert(1)</script> Two soldiers were killed. End."
    start = text.index("Two")
    article = ArticleFactory(text=text, url="https://news.example.org/a")
    IncidentSourceFactory(
        incident=incident,
        article=article,
        evidence={"killed": {"text": "Two soldiers were killed.", "start": start, "end": start + 25}},
    )

    response = client.get(incident.get_absolute_url())

    html = response.content.decode()
    assert "March 2024" in html
    assert "known to the month" in html
    assert "reported range 1\u20133" in html
    assert '<mark title="Supports: killed">Two soldiers were killed.</mark>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_incident_page_lists_related_incidents_and_history(client):
    base = BaseFactory(name="Ain al-Asad")
    incident = IncidentFactory(base=base)
    other = IncidentFactory(base=base, date=dt.date(2024, 2, 2))
    draft = IncidentFactory(base=base, date=dt.date(2024, 2, 3), status=Incident.Status.DRAFT)
    incident.killed = 1
    incident.save()

    response = client.get(incident.get_absolute_url())

    related = response.context["related"]
    assert other in related
    assert draft not in related
    history = response.context["history"]
    assert len(history) == 2
    assert {"field": "killed", "old": "—", "new": "1"} in history[0]["changes"]


def test_anonymous_users_cannot_see_draft_incidents(client, editor):
    draft = IncidentFactory(status=Incident.Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_base_page_shows_aliases_kind_country_chart_data_and_only_published(client):
    base = BaseFactory(name="Tower 22", slug="tower-22", aliases=["Burj 22"], country="JO")
    IncidentFactory(base=base, date=dt.date(2024, 1, 28), killed=3, injured=40)
    IncidentFactory(base=base, date=dt.date(2024, 1, 5), status=Incident.Status.DRAFT)

    response = client.get(base.get_absolute_url())

    html = response.content.decode()
    assert "Burj 22" in html
    assert "Jordan" in html
    assert "Air base" in html
    assert response.context["monthly"] == [{"month": "2024-01-01", "count": 1, "casualties": 43}]
    assert len(response.context["page"].object_list) == 1


def test_faction_page_counts_member_groups_and_lists_bases(client):
    umbrella = FactionFactory(name="Islamic Resistance in Iraq", slug="irqi")
    member = FactionFactory(name="Kataib Hezbollah", slug="kh", umbrella=umbrella, aliases=["KH"])
    base = BaseFactory(name="Tower 22")
    IncidentFactory(base=base, perpetrator=member, claimed=True, claimed_by=member)
    IncidentFactory(base=base, perpetrator=umbrella, date=dt.date(2024, 2, 1))

    response = client.get(umbrella.get_absolute_url())

    html = response.content.decode()
    assert response.context["totals"]["n"] == 2
    assert "Kataib Hezbollah" in html
    assert [b.name for b in response.context["bases"]] == ["Tower 22"]
    member_page = client.get(member.get_absolute_url()).content.decode()
    assert "Islamic Resistance in Iraq" in member_page
    assert "KH" in member_page


def test_base_page_tells_the_day_the_coalition_left(client):
    left = BaseFactory(name="Camp Taji", slug="camp-taji", hosted_until=dt.date(2020, 8, 23))
    still = BaseFactory(name="Tower 22", slug="tower-22")

    assert "Coalition forces left" in client.get(left.get_absolute_url()).content.decode()
    assert '<time datetime="2020-08-23">23 August 2020</time>' in client.get(left.get_absolute_url()).content.decode()
    assert "Coalition forces left" not in client.get(still.get_absolute_url()).content.decode()
