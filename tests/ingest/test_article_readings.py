"""The merge records every attack the parser read in an article, and what became of it, where it decides."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from incidents.models import Incident
from ingest import merge
from ingest.models import ArticleReading, IncidentSource
from ingest.readings import article_readings
from tests.factories import ArticleFactory, BaseFactory, IncidentFactory
from tests.ingest.conftest import ATTACK_DAY


def _merge(article, items):
    with transaction.atomic():
        return merge.incidents_merge(article=article, extracted=items)


def _outcomes(article):
    return [(r.position, r.role, r.outcome, r.incident_number) for r in article.readings.order_by("position")]


def test_a_new_attack_is_recorded_as_a_new_draft(asad, extracted):
    article = ArticleFactory()
    _merge(article, [extracted(asad, summary="Primary: rocket attack.")])
    incident = Incident.objects.get()
    reading = article.readings.get()
    assert (reading.role, reading.outcome, reading.incident, reading.incident_number) == (
        "primary",
        ArticleReading.Outcome.CREATED,
        incident,
        incident.pk,
    )
    assert reading.site == asad.name
    assert reading.date == ATTACK_DAY
    assert reading.summary == "Primary: rocket attack."
    assert reading.reason == "matched no recorded incident"


def test_a_report_of_a_recorded_attack_is_recorded_as_joined(asad, extracted):
    existing = IncidentFactory(base=asad, date=ATTACK_DAY, weapons=["rocket"])
    article = ArticleFactory()
    _merge(article, [extracted(asad), extracted(asad, role="background", date=dt.date(2023, 9, 3))])
    rows = _outcomes(article)
    assert rows[0] == (0, "primary", "joined", existing.pk)
    assert rows[1][2] == "created"  # a dated background attack on a base becomes a draft of its own
    assert f"a report of incident {existing.pk}" in article.readings.get(position=0).reason


def test_every_attack_read_is_recorded_in_the_extractor_order_with_why_it_was_not_kept(asad, extracted):
    article = ArticleFactory()
    items = [
        extracted(None, role="background", place="Hasakah", country="SY"),
        extracted(asad),
        extracted(asad, role="background", date=dt.date(2023, 8, 1), date_precision="month"),
        extracted(asad, role="background", date=None, date_precision="unknown"),
    ]
    outcome = _merge(article, items)
    incident = Incident.objects.get()
    assert _outcomes(article) == [
        (0, "background", "not_kept", None),
        (1, "primary", "created", incident.pk),
        (2, "background", "not_kept", None),
        (3, "background", "not_kept", None),
    ]
    reasons = list(article.readings.order_by("position").values_list("reason", flat=True))
    assert reasons[0] == "background mention matching no incident, too vague for a draft (no base named)"
    assert reasons[2] == "background mention matching no incident, too vague for a draft (dated to the month only)"
    assert reasons[3] == "undated background mention"
    assert len(outcome["skipped"]) == 3  # the article's summary outcome says the same


def test_a_background_mention_of_the_article_own_attack_is_joined_not_dropped(asad, extracted):
    article = ArticleFactory()
    _merge(article, [extracted(asad), extracted(asad, role="background")])
    incident = Incident.objects.get()
    assert IncidentSource.objects.get().role == IncidentSource.Role.PRIMARY
    second = article.readings.get(position=1)
    assert (second.outcome, second.incident) == (ArticleReading.Outcome.JOINED, incident)
    assert "the same attack as another report in this article" in second.reason


def test_parsing_again_replaces_the_readings(asad, extracted):
    article = ArticleFactory()
    _merge(article, [extracted(asad), extracted(None, role="background", place="Hasakah", country="SY")])
    first = Incident.objects.get()
    article.refresh_from_db()
    article.outcome = {"created": [first.pk], "joined": [], "linked": [], "skipped": []}
    _merge(article, [extracted(asad)])
    reading = article.readings.get()
    # The draft this article created the first time is still its own new draft.
    assert (reading.outcome, reading.incident) == (ArticleReading.Outcome.CREATED, first)
    assert reading.reason == f"matched incident {first.pk}, this article's own draft"


def test_a_merged_away_incident_is_followed_to_the_survivor_and_a_deleted_one_is_named(asad, extracted, editor):
    article = ArticleFactory(status="done")
    _merge(article, [extracted(asad)])
    absorbed = Incident.objects.get()
    survivor = IncidentFactory(base=asad, date=ATTACK_DAY, weapons=["rocket"])
    merge.incident_merge_into(absorbed_id=absorbed.pk, survivor_id=survivor.pk, by=editor)
    reading = article.readings.get()
    assert reading.incident is None
    assert reading.incident_number == absorbed.pk  # the decision as it was made
    row = article_readings(article)[0]
    assert row["outcome_label"] == f"New draft #{absorbed.pk}"
    assert row["since"] == f"since merged into incident #{survivor.pk}"
    assert row["review_url"].endswith(f"/{survivor.pk}/")

    other = ArticleFactory(status="done")
    _merge(other, [extracted(BaseFactory(slug="tower-22"))])
    Incident.objects.filter(base__slug="tower-22").delete()
    assert article_readings(other)[0]["since"] == "that incident has since been deleted"


def test_readings_are_shown_only_once_the_parse_is_done(asad, extracted):
    article = ArticleFactory(status="processing")
    _merge(article, [extracted(asad)])
    assert article_readings(article) == []


def test_why_the_parser_read_an_attack_as_news_or_background_is_recorded(asad, extracted):
    article = ArticleFactory(status="done")
    _merge(
        article,
        [
            extracted(asad, role_reason="the attack the article reports"),
            extracted(asad, role="background", date=dt.date(2023, 8, 1), role_reason="dated before the news"),
        ],
    )
    rows = article_readings(article)
    assert [r["role_reason"] for r in rows] == ["the attack the article reports", "dated before the news"]
