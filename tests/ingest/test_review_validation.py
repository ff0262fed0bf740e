"""The review form checks dates like the submission does: none in the future, none after the reporting article."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from incidents.models import Incident
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory
from tests.ingest.review_forms import form_data, review_url


@pytest.fixture
def draft(db):
    incident = IncidentFactory(status=Incident.Status.DRAFT, date=dt.date(2024, 9, 30))
    IncidentSourceFactory(incident=incident, article=ArticleFactory(published=dt.date(2024, 10, 1), title="Wire"))
    IncidentSourceFactory(incident=incident, article=ArticleFactory(published=dt.date(2024, 10, 3)))
    return incident


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (timezone.localdate() + dt.timedelta(days=1), "The date is in the future."),
        (dt.date(1989, 12, 31), "The date is before 1990."),
        (dt.date(2024, 10, 2), "The date is after Wire was published (2024-10-01), which reports the attack."),
    ],
)
def test_review_refuses_an_impossible_date(editor_client, draft, date, message):
    response = editor_client.post(review_url(draft), form_data(draft, action="publish", date=date.isoformat()))
    assert response.status_code == 400
    assert response.context["form"].errors["date"] == [message]
    draft.refresh_from_db()
    assert (draft.date, draft.status) == (dt.date(2024, 9, 30), "draft")


def test_review_accepts_the_publication_day_itself(editor_client, draft):
    response = editor_client.post(review_url(draft), form_data(draft, date="2024-10-01"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.date == dt.date(2024, 10, 1)
