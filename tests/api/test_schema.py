import yaml
from drf_spectacular.validation import validate_schema


def test_schema_is_valid_openapi_3_and_documents_every_filter_and_format(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate_schema(schema)
    operation = schema["paths"]["/api/v1/incidents/"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    for name in (
        "date_from",
        "date_to",
        "base",
        "faction",
        "country",
        "weapon",
        "claimed",
        "min_killed",
        "min_injured",
        "bbox",
        "status",
        "q",
        "ordering",
        "cursor",
        "page_size",
        "count",
    ):
        assert params[name]["description"], name
    assert params["format"]["schema"]["enum"] == ["json", "geojson", "csv"]
    assert set(operation["responses"]["200"]["content"]) == {"application/json", "application/geo+json", "text/csv"}
    assert {"400", "403", "429"} <= set(operation["responses"])
    for path in ("/api/v1/stats/timeline/", "/api/v1/changes/", "/api/v1/bases/", "/api/v1/factions/{slug}/"):
        assert path in schema["paths"]


def test_docs_are_served_without_a_cdn(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr.net" not in html
    assert "unpkg.com" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
