import csv
import io

from incidents.selectors.export import CSV_COLUMNS


def _rows(response):
    assert response.streaming
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_is_a_streamed_attachment(api, world):
    response = api.get("/api/v1/incidents/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="basewatch-incidents-')
    rows = _rows(response)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [int(r["event_id"]) for r in rows] == [world.syria.pk, world.drone.pk, world.rocket.pk, world.unsourced.pk]


def test_csv_row_has_acled_like_and_own_columns(api, world):
    row = next(r for r in _rows(api.get("/api/v1/incidents/?format=csv")) if r["event_id"] == str(world.drone.pk))
    assert row["event_date"] == "2024-01-28"
    assert row["year"] == "2024"
    assert (row["country"], row["iso"], row["admin1"], row["location"]) == ("Jordan", "JO", "Mafraq", "Tower 22")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("33.3", "38.7", "site")
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"], row["injured"]) == ("3", "3", "3", "47")
    assert row["perpetrator"] == "KH Drone Unit"
    assert row["claimed"] == "false"
    assert row["source_count"] == "2"
    assert set(row["source_urls"].split("; ")) == {"https://news.example/t22", "https://wire.example/t22"}
    assert row["weapons"] == "drone"


def test_csv_keeps_formulas_inert(api, world):
    row = next(r for r in _rows(api.get("/api/v1/incidents/?format=csv")) if r["event_id"] == str(world.unsourced.pk))
    assert row["summary"].startswith("'=HYPERLINK")
    assert (row["latitude"], row["source_count"], row["source_urls"]) == ("", "0", "")


def test_csv_honours_ordering(api, world):
    rows = _rows(api.get("/api/v1/incidents/?format=csv&ordering=date"))
    assert rows[0]["event_id"] == str(world.unsourced.pk)
