import datetime as dt
import io
import json

from ingest.extractor.cli import load_gazetteer, run
from ingest.extractor.types import Count, ExtractedIncident, Gazetteer


def test_from_records_tolerates_missing_coordinates() -> None:
    g = Gazetteer.from_records(
        [{"slug": "x", "name": "X", "aliases": [], "country": "SY", "lat": None, "lon": None, "kind": "base"}], []
    )
    assert g.sites[0].lat is None


def test_to_dict_contract_and_country_names() -> None:
    site = load_gazetteer().sites[0]
    inc = ExtractedIncident("background", dt.date(2024, 8, 1), "month", site, None, "IQ", ("rocket",), Count(3, 2, 3))
    d = inc.to_dict()
    assert d["date"] == "2024-08"
    assert d["country"] == "Iraq"
    assert d["base"]["country"] == "Iraq"
    assert d["launched"] == 3
    assert set(d) >= {"role", "date", "date_precision", "base", "place", "country", "weapons", "launched",
                      "intercepted", "killed", "injured", "perpetrator", "claimed", "confidence", "evidence",
                      "counts", "summary"}  # fmt: skip


def test_cli_jsonl(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Two rockets hit Camp Taji on Monday.", "published": "2020-03-17"}))
    out = io.StringIO()
    assert run(["--jsonl", str(src)], load_gazetteer(), out) == 0
    rec = json.loads(out.getvalue())
    assert rec["id"] == "a"
    assert rec["incidents"][0]["base"]["slug"] == "camp-taji"
