"""Anonymous ``q=`` searches only what the public is shown (summary, place, base name, source titles and evidence
sentences); the full text of source articles is searched for editors only, so it cannot be read out by guessing."""

from __future__ import annotations

import pytest

from incidents.models import Incident

pytestmark = pytest.mark.django_db


def _ids(client, text: str) -> set[int]:
    response = client.get("/api/v1/incidents/", {"q": text})
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


def test_text_only_in_an_article_body_is_not_searchable_anonymously(api, world):
    assert _ids(api, "zanzibar") == set()
    # Character by character, a guesser learns nothing either.
    for prefix in ("z", "za", "zan", "zanz"):
        assert world.rocket.pk not in _ids(api, f"word {prefix}")


def test_editors_search_the_full_text(editor_api, world):
    assert _ids(editor_api, "zanzibar") == {world.rocket.pk}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eight rockets struck", "rocket"),  # an evidence sentence, shown with the source
        ("Barrage on Al Asad", "rocket"),  # a source title
        ("hit al asad", "rocket"),  # the summary
        ("erbil", "unsourced"),  # the place
        ("tower 22", "drone"),  # the base
    ],
)
def test_public_text_is_searchable_anonymously(api, world, text, expected):
    assert getattr(world, expected).pk in _ids(api, text)


def test_the_points_and_csv_apply_the_same_rule(api, editor_api, world):
    points = api.get("/api/v1/incidents/points/", {"q": "zanzibar"}).json()
    assert points == api.get("/api/v1/incidents/points/", {"q": "no-such-words-anywhere"}).json()
    assert points != editor_api.get("/api/v1/incidents/points/", {"q": "zanzibar"}).json()
    csv = b"".join(api.get("/api/v1/incidents/", {"q": "zanzibar", "format": "csv"}).streaming_content)
    assert b"news.example/asad" not in csv
    editor_csv = b"".join(editor_api.get("/api/v1/incidents/", {"q": "zanzibar", "format": "csv"}).streaming_content)
    assert b"news.example/asad" in editor_csv
    assert set(Incident.objects.search("zanzibar", full_text=True).values_list("pk", flat=True)) == {world.rocket.pk}
    assert not Incident.objects.search("zanzibar").exists()
