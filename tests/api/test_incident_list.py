from tests.api.conftest import ids


def test_list_returns_published_incidents_newest_first(api, world):
    response = api.get("/api/v1/incidents/")
    assert response.status_code == 200
    assert ids(response) == [world.syria.pk, world.drone.pk, world.rocket.pk, world.unsourced.pk]
    assert response.json()["next"] is None
    assert "count" not in response.json()


def test_list_embeds_related_names_and_sources(api, world):
    row = next(r for r in api.get("/api/v1/incidents/").json()["results"] if r["id"] == world.rocket.pk)
    assert row["base"] == {"id": world.asad.pk, "name": "Al Asad Air Base", "slug": "al-asad"}
    assert row["perpetrator"] == {"id": world.kh.pk, "name": "Kataib Hezbollah", "slug": "kh"}
    assert row["claimed_by"]["slug"] == "iri"
    assert row["weapons"] == ["rocket", "drone"]
    assert (row["launched"], row["intercepted"], row["launched_low"]) == (8, 2, None)
    assert row["url"] == f"http://testserver/incidents/{world.rocket.pk}/"
    assert row["sources"] == [
        {
            "article_id": world.rocket.sources.get().article_id,
            "title": "Barrage on Al Asad",
            "outlet": "Test Wire",
            "url": "https://news.example/asad",
            "published": "2024-10-01",
            "role": "primary",
        }
    ]


def test_list_counts_total_on_request(api, world):
    body = api.get("/api/v1/incidents/?count=true&page_size=1").json()
    assert body["count"] == 4
    assert len(body["results"]) == 1


def test_list_has_every_model_field_except_users(api, world):
    row = api.get("/api/v1/incidents/").json()["results"][0]
    for field in ("date_precision", "time_of_day", "location_precision", "killed_high", "confidence", "status"):
        assert field in row
    assert "reviewed_by" not in row
