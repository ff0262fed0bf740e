"""import_articles, reprocess and extract from the command line."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

import ingest.extractor
from incidents.models import Incident
from ingest.models import Article
from tests.ingest.conftest import ARTICLE_A, ARTICLE_B, PUBLISHED_A, PUBLISHED_B


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_articles_reports_created_duplicate_and_rejected(asad, tmp_path, django_capture_on_commit_callbacks):
    lines = [
        json.dumps({"text": ARTICLE_A, "published": PUBLISHED_A.isoformat(), "url": "https://example.org/a"}),
        json.dumps({"text": ARTICLE_B, "published": PUBLISHED_B.isoformat(), "title": "B", "outlet": "Wire"}),
        json.dumps({"text": ARTICLE_A.upper(), "published": PUBLISHED_A.isoformat()}),
        "",
        "{not json",
        json.dumps({"text": "", "published": "2024-01-01"}),
        json.dumps({"text": "Rockets.", "published": "2999-01-01"}),
        json.dumps({"text": "Rockets.", "published": "2024-01-01", "url": "nope"}),
        json.dumps(["a list"]),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with django_capture_on_commit_callbacks(execute=True):
        out, err = _run("import_articles", str(path))
    assert out.splitlines()[0] == "2 created, 1 duplicate, 5 rejected"
    assert "line 3: duplicate of article" in out
    assert "line 5: rejected: invalid JSON" in out
    assert "line 6: rejected: text:" in out
    assert "line 7: rejected: published: The publication date is in the future." in out
    assert "line 8: rejected: url:" in out
    assert "line 9: rejected: not a JSON object" in out
    assert "line" in err  # the tqdm progress bar
    assert Article.objects.count() == 2
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    assert Incident.objects.count() == 1


def test_import_articles_missing_file_is_an_error(db, tmp_path):
    with pytest.raises(CommandError):
        _run("import_articles", str(tmp_path / "missing.jsonl"))


def test_reprocess_reruns_the_extractor_and_prints_changes(asad, monkeypatch):
    from ingest.tasks import process_article
    from tests.factories import ArticleFactory

    article = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    process_article.apply(args=(article.pk,))
    out, _ = _run("reprocess", "--all")
    assert f"article {article.pk}: unchanged" in out
    assert "1 articles re-parsed" in out

    monkeypatch.setattr(ingest.extractor, "extract", lambda *a: [])
    monkeypatch.setattr(ingest.extractor, "EXTRACTOR_VERSION", "test-next")
    out, _ = _run("reprocess", "--since", "2000-01-01")
    assert f"article {article.pk}" in out
    assert "- incident" in out
    assert "→ test-next" in out
    article.refresh_from_db()
    assert article.extractor_version == "test-next"
    assert Incident.objects.count() == 0  # the unreviewed draft lost its only source


def test_reprocess_needs_a_scope(db):
    with pytest.raises(CommandError):
        _run("reprocess")


def test_extract_prints_the_contract_json(asad, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A)
    out, _ = _run("extract", str(path), "--published", PUBLISHED_A.isoformat())
    incident = json.loads(out)["incidents"][0]
    assert incident["base"]["slug"] == asad.slug
    assert incident["date"] == "2024-01-16"
    assert incident["launched"] == 2
    assert incident["role"] == "primary"


def test_extract_jsonl_prints_one_line_per_article(asad, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": ARTICLE_A, "published": "2024-01-18"})
        + "\n"
        + json.dumps({"id": "b", "text": "Markets were calm.", "published": "2024-01-18"})
        + "\n"
    )
    out, _ = _run("extract", "--jsonl", str(path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert len(rows[0]["incidents"]) == 1
    assert rows[1]["incidents"] == []
