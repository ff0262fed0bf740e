"""Anonymous users never see drafts, rejected incidents or submitters, through any endpoint."""

import pytest

from incidents.models import Incident

SECRETS = ("Draft-only secret", "Rejected secret", "secret-submitter", "submitted_by", "Draft article")

PUBLIC_URLS = [
    "/api/v1/incidents/",
    "/api/v1/incidents/?format=geojson",
    "/api/v1/incidents/?format=csv",
    "/api/v1/incidents/?q=secret",
    "/api/v1/changes/?since=2000-01-01",
    "/api/v1/stats/timeline/?interval=month&split=base",
    "/api/v1/bases/",
    "/api/v1/factions/",
    "/api/v1/bases/al-asad/",
]


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_anonymous_output_holds_no_draft_rejected_or_submitter(api, world, url):
    response = api.get(url)
    assert response.status_code == 200
    body = _body(response)
    for secret in SECRETS:
        assert secret not in body
    assert f'"id":{world.draft.pk},' not in body.replace(" ", "")


def test_anonymous_timeline_counts_published_only(api, world):
    rows = api.get("/api/v1/stats/timeline/?interval=month").json()["results"]
    assert sum(r["count"] for r in rows) == 4
    assert "2024-03-01" not in [r["period"] for r in rows]


def test_anonymous_base_counts_published_only(api, world):
    assert api.get("/api/v1/bases/al-asad/").json()["incident_count"] == 1


@pytest.mark.parametrize("status", ["draft", "rejected", "all"])
def test_anonymous_status_filter_is_forbidden_with_the_parameter_named(api, world, status):
    # The map and timeline with dates alone are answered from chunks and rollups (incidents.api.filters.checked_rows)
    urls = ("/api/v1/incidents/points/", "/api/v1/stats/timeline/?date_from=2024-01-01&split=faction&")
    for url in ("/api/v1/incidents/", "/api/v1/stats/timeline/", "/api/v1/changes/?since=2000-01-01&", *urls):
        sep = "&" if "?" in url and not url.endswith("&") else ("" if url.endswith("&") else "?")
        response = api.get(f"{url}{sep}status={status}")
        assert response.status_code == 403
        assert "status" in response.json()


def test_anonymous_detail_of_a_draft_is_404(api, world):
    response = api.get(f"/api/v1/incidents/{world.draft.pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Incident matches the given query."}


def test_editor_sees_drafts_only_when_asking(editor_api, world):
    default = editor_api.get("/api/v1/incidents/").json()["results"]
    assert world.draft.pk not in [r["id"] for r in default]
    drafts = editor_api.get("/api/v1/incidents/?status=draft").json()["results"]
    assert [r["id"] for r in drafts] == [world.draft.pk]
    assert len(editor_api.get("/api/v1/incidents/?status=all").json()["results"]) == Incident.objects.count()
    assert editor_api.get(f"/api/v1/incidents/{world.draft.pk}/").status_code == 200


def test_editor_output_still_names_no_submitter(editor_api, world):
    body = editor_api.get("/api/v1/incidents/?status=all&format=csv")
    assert "secret-submitter" not in _body(body)
