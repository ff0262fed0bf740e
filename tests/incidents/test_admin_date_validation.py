"""The admin checks a changed date as the review form does (and a submission its publication date):
not in the future, not before 1990, not after the first article reporting the attack was published."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from incidents.models import Incident
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory
from tests.incidents.admin_forms import loaded_form, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident():
    incident = IncidentFactory(date=dt.date(2024, 9, 30))
    IncidentSourceFactory(incident=incident, article=ArticleFactory(published=dt.date(2024, 10, 1), title="Wire"))
    return incident


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (timezone.localdate() + dt.timedelta(days=1), "The date is in the future."),
        (dt.date(1989, 12, 31), "The date is before 1990."),
        (dt.date(2024, 10, 2), "The date is after Wire was published (2024-10-01), which reports the attack."),
    ],
)
def test_the_admin_refuses_an_impossible_date(client, admin_client_user, incident, date, message):
    client.force_login(admin_client_user)
    response = client.post(url(incident), loaded_form(client, incident, date=date))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["date"] == [message]
    incident.refresh_from_db()
    assert (incident.date, incident.version) == (dt.date(2024, 9, 30), 1)


def test_the_admin_accepts_the_publication_day(client, admin_client_user, incident):
    client.force_login(admin_client_user)
    assert client.post(url(incident), loaded_form(client, incident, date=dt.date(2024, 10, 1))).status_code == 302
    assert Incident.objects.get(pk=incident.pk).date == dt.date(2024, 10, 1)
