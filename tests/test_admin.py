"""Every model's admin pages render for a superuser."""

import pytest
from django.urls import reverse

from incidents.gazetteer import gazetteer_load
from tests.factories import ArticleFactory, IncidentSourceFactory

pytestmark = pytest.mark.django_db

MODELS = [
    ("incidents", "base"),
    ("incidents", "faction"),
    ("incidents", "incident"),
    ("ingest", "incidentsource"),
    ("incidents", "incidenttombstone"),
    ("ingest", "article"),
]


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_changelist_and_add_pages_render(client, admin_client_user, app, model):
    gazetteer_load()
    IncidentSourceFactory(article=ArticleFactory())
    client.force_login(admin_client_user)
    for page in ("changelist", "add"):
        response = client.get(reverse(f"admin:{app}_{model}_{page}"))
        assert response.status_code == 200, (page, response.status_code)
    response = client.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "asad"})
    assert response.status_code == 200


def test_incident_change_page_shows_sources_inline(client, admin_client_user):
    source = IncidentSourceFactory()
    client.force_login(admin_client_user)
    response = client.get(reverse("admin:incidents_incident_change", args=[source.incident.pk]))
    assert response.status_code == 200
    assert source.article.title in response.content.decode()


def test_admin_shows_the_real_gazetteer(client, admin_client_user):
    gazetteer_load()
    client.force_login(admin_client_user)
    body = client.get(reverse("admin:incidents_base_changelist")).content.decode()
    assert "Tower 22" in body
    assert "Ain al-Asad Air Base" in body
