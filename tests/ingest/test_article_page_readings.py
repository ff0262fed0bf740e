"""The article page and the articles API list every attack the parser read and what became of each."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from incidents.models import Incident
from ingest.models import Article, ArticleReading
from tests.factories import ArticleFactory

READINGS = Path(__file__).resolve().parents[1] / "fixtures" / "readings"
FIRST = (READINGS / "victory_base_with_earlier_attacks.txt").read_text()
SECOND = (READINGS / "victory_base_second_report.txt").read_text()
# The shared seed article (not ours, so not in the repository): used when the checkout sits beside it.
SEED = settings.BASE_DIR.parent / "shared" / "seed" / "000_f47b710e893467bc.txt"


def _submit(client, capture, text: str, published: dt.date, title: str) -> Article:
    data = {"text": text, "published": published.isoformat(), "title": title, "url": "", "outlet": ""}
    with capture(execute=True):
        response = client.post(reverse("ingest:article-submit"), data)
    assert response.status_code == 302
    return Article.objects.get(title=title)


def _rows(html: str) -> list[str]:
    """The readings table's rows as text, cells joined by " | "."""
    body = html[html.index('data-role="readings"') :]
    body = body[: body.index("</table>")]
    rows = re.findall(r'<tr class="reading[^"]*">(.*?)</tr>', body, flags=re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S) for row in rows]
    return [" | ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in row) for row in cells]


def test_seed_story_lists_the_primary_as_a_new_draft_and_the_september_attack_as_not_kept(
    editor_client, gazetteer, django_capture_on_commit_callbacks
):
    article = _submit(editor_client, django_capture_on_commit_callbacks, FIRST, dt.date(2024, 10, 1), "Victory")
    assert article.status == Article.Status.DONE
    draft = Incident.objects.get(base__slug="victory-base-complex")

    page = editor_client.get(article.get_absolute_url()).content.decode()
    rows = _rows(page)
    assert len(rows) == 3
    # the role, and why the parser read it so
    assert rows[0].startswith("1 | Primary report the attack the article reports | 2024-10-01 | Victory Base Complex")
    assert f"New draft #{draft.pk} (draft) | matched no recorded incident" in rows[0]
    assert rows[2].startswith("3 | Background mention dated before the news | 2024-09 | US Embassy Baghdad")
    assert rows[2].endswith(
        "Not kept | background mention matching no incident, too vague for a draft (dated to the month only)"
    )
    assert f'href="{reverse("ingest:review-incident", kwargs={"pk": draft.pk})}">New draft #{draft.pk}</a>' in page
    assert "3 attacks read: 1 new draft, 0 joined an incident, 2 not kept." in page

    api = editor_client.get(article.get_status_url()).json()
    assert [(r["role"], r["outcome"], r["incident"]) for r in api["readings"]] == [
        ("primary", "created", draft.pk),
        ("background", "not_kept", None),
        ("background", "not_kept", None),
    ]
    assert api["readings"][2]["date_label"] == "2024-09"
    assert "dated to the month only" in api["readings"][2]["reason"]
    assert api["readings_summary"] == "3 attacks read: 1 new draft, 0 joined an incident, 2 not kept."


def test_a_second_article_about_the_same_attack_shows_joined_incident(
    editor_client, gazetteer, django_capture_on_commit_callbacks
):
    _submit(editor_client, django_capture_on_commit_callbacks, FIRST, dt.date(2024, 10, 1), "Victory")
    incident = Incident.objects.get(base__slug="victory-base-complex")
    second = _submit(editor_client, django_capture_on_commit_callbacks, SECOND, dt.date(2024, 10, 2), "Again")
    assert Incident.objects.filter(base__slug="victory-base-complex").count() == 1

    rows = _rows(editor_client.get(second.get_absolute_url()).content.decode())
    assert len(rows) == 1
    assert rows[0].startswith("1 | Primary report the attack the article reports | 2024-10-01 | Victory Base Complex")
    assert rows[0].endswith(
        f"| Joined incident #{incident.pk} (draft) | "
        f"a report of incident {incident.pk}: the same or a nearby site, a compatible date and weapons"
    )
    reading = second.readings.get()
    assert (reading.outcome, reading.incident) == (ArticleReading.Outcome.JOINED, incident)


@pytest.mark.skipif(not SEED.exists(), reason=f"the shared seed article is not at {SEED}")
def test_the_seed_article_itself(editor_client, gazetteer, django_capture_on_commit_callbacks):
    article = _submit(editor_client, django_capture_on_commit_callbacks, SEED.read_text(), dt.date(2024, 10, 1), "Seed")
    readings = list(article.readings.order_by("position"))
    assert readings[0].role == "primary"
    assert readings[0].outcome == ArticleReading.Outcome.CREATED
    september = [r for r in readings if r.date and (r.date.year, r.date.month) == (2024, 9)]
    assert len(september) == 1
    assert september[0].outcome in (ArticleReading.Outcome.NOT_KEPT, ArticleReading.Outcome.JOINED)
    assert september[0].reason
    rows = _rows(editor_client.get(article.get_absolute_url()).content.decode())
    assert any("2024-09" in row and september[0].reason in row for row in rows)


@pytest.mark.parametrize(
    ("status", "placeholder"),
    [
        (Article.Status.QUEUED, "Shown once the parse is done."),
        (Article.Status.PROCESSING, "Shown once the parse is done."),
        (Article.Status.FAILED, "Nothing to show: the parse failed."),
        (Article.Status.DONE, "The parser read no attack in this article."),
    ],
)
def test_the_table_says_why_it_is_empty(editor_client, status, placeholder):
    article = ArticleFactory(status=status)
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert placeholder in page
    assert ("This page follows the parse and updates itself" in page) is (status in ("queued", "processing"))


def test_the_article_api_has_no_readings_before_the_parse_is_done(editor_client):
    article = ArticleFactory(status=Article.Status.PROCESSING)
    ArticleReading.objects.create(article=article, position=0, role="primary", outcome="not_kept", reason="x")
    data = editor_client.get(article.get_status_url()).json()
    assert data["readings"] == []
    assert data["readings_summary"] == ""


def test_the_admin_shows_the_readings_read_only(admin_client):
    article = ArticleFactory(status=Article.Status.DONE)
    ArticleReading.objects.create(
        article=article, position=0, role="background", outcome="not_kept", reason="undated background mention"
    )
    page = admin_client.get(reverse("admin:ingest_article_change", args=[article.pk])).content.decode()
    assert "undated background mention" in page
    assert 'name="readings-0-reason"' not in page  # shown, not editable
