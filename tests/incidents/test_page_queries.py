"""The incident and site pages run a fixed number of queries however many incidents they list, and read no
joined row lazily (the tables' sites and groups come with their rows)."""

import pytest

from tests.factories import ArticleFactory, BaseFactory, FactionFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    base = BaseFactory()
    factions = [FactionFactory() for _ in range(3)]
    incidents = [
        IncidentFactory(base=base, perpetrator=factions[i % 3], claimed=True, claimed_by=factions[0]) for i in range(30)
    ]
    for incident in incidents[:3]:
        IncidentSourceFactory(incident=incident, article=ArticleFactory())
    return base, incidents


def test_site_page_queries(client, site, django_assert_num_queries):
    base, _ = site
    # the site, its totals (which count the rows for the pager too), a page of rows, its groups, its months
    with django_assert_num_queries(5):
        response = client.get(base.get_absolute_url())
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


def test_incident_page_queries(client, site, django_assert_num_queries):
    _, incidents = site
    # the incident with its site and groups, its sources with their articles, its neighbours, its history
    with django_assert_num_queries(4):
        response = client.get(incidents[0].get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count(f'href="{incidents[1].perpetrator.get_absolute_url()}"') >= 1
