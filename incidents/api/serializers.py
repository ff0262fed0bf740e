"""Read serializers: shape only. Rows arrive filtered, joined and prefetched by the views.
(Plus the small bodies editors send to review and merge.)

No user is ever serialized: neither an article's submitter nor an incident's reviewer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from typing import Any

from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from incidents.fields import COUNT_COLUMNS
from incidents.models import Base, Faction, Incident, IncidentTombstone
from incidents.querysets import API_INCIDENT_FIELDS, API_REFERENCES, source_model


class RefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    slug = serializers.SlugField(read_only=True)


class SourceSerializer(serializers.ModelSerializer):
    article_id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(source="article.title", read_only=True)
    outlet = serializers.CharField(source="article.outlet", read_only=True)
    url = serializers.CharField(source="article.url", read_only=True)
    published = serializers.DateField(source="article.published", read_only=True)

    class Meta:
        model = source_model()
        fields = ["article_id", "title", "outlet", "url", "published", "role"]


class SourceWithEvidenceSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "evidence"]


# What the querysets read (``API_INCIDENT_FIELDS``, the id first), with the page's url after the id and the sources.
_INCIDENT_FIELDS = [API_INCIDENT_FIELDS[0], "url", *API_INCIDENT_FIELDS[1:], "sources"]


_PLAIN_FIELDS = [
    "id",
    "status",
    "version",
    "date_precision",
    "place",
    "latitude",
    "longitude",
    "location_precision",
    "country",
    *COUNT_COLUMNS,
    "claimed",
    "summary",
    "confidence",
]


def _ref(obj: Base | Faction | None) -> dict[str, Any] | None:
    return None if obj is None else {"id": obj.pk, "name": obj.name, "slug": obj.slug}


def _datetime(value: dt.datetime | None, tz: dt.tzinfo | None = None) -> str | None:
    # As DRF's DateTimeField writes it: in the current time zone (``tz``, when the caller looked it up once for
    # many rows: the lookup is most of the cost), "Z" for UTC.
    if value is None:
        return None
    text = timezone.localtime(value, tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def incident_url_prefix(request: Any) -> str:
    """Every incident page is this prefix + id + "/" (absolute when there is a request)."""
    path = reverse("incidents:incident-detail", kwargs={"pk": 1})[:-2]
    return request.build_absolute_uri(path) if request is not None else path


class IncidentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    base = RefSerializer(read_only=True, allow_null=True)
    perpetrator = RefSerializer(read_only=True, allow_null=True)
    claimed_by = RefSerializer(read_only=True, allow_null=True)
    weapons = serializers.ListField(child=serializers.CharField(), read_only=True)
    sources = SourceSerializer(source="source_list", many=True, read_only=True)

    class Meta:
        model = Incident
        fields = _INCIDENT_FIELDS
        read_only_fields = _INCIDENT_FIELDS

    def to_representation(self, instance: Incident) -> dict[str, Any]:
        """The declared fields' output, built directly: a list page is 100 rows of 38 fields.

        ``tests/api/test_serializer_fast_path.py`` checks it equals DRF's field-by-field output.
        """
        sources = [self._source(s) for s in instance.source_list]
        refs = {name: _ref(getattr(instance, name)) for name in API_REFERENCES}
        return _incident(
            partial(getattr, instance), self.get_url(instance), refs, sources, timezone.get_current_timezone()
        )

    def _source(self, source: Any) -> dict[str, Any]:
        article = source.article
        return _source(source.article_id, article.title, article.outlet, article.url, article.published, source.role)

    def get_url(self, obj: Incident) -> str:
        """The incident's public page."""
        prefix = getattr(self, "_url_prefix", None)
        if prefix is None:  # once per serializer, not one reverse() per row
            prefix = self._url_prefix = incident_url_prefix(self.context.get("request"))
        return f"{prefix}{obj.pk}/"


def incident_rows(rows: list[dict[str, Any]], sources: dict[int, list[dict[str, Any]]], request: Any) -> list:
    """What ``IncidentSerializer(many=True)`` writes for ``for_api()`` rows, from ``for_api_rows()`` dicts and
    ``api_sources()``: the same keys in the same order, the same values (``tests/api/test_list_rows.py``)."""
    prefix = incident_url_prefix(request)
    tz = timezone.get_current_timezone()
    return [
        _incident(
            row.__getitem__,
            f"{prefix}{row['id']}/",
            {name: _row_ref(row, name) for name in API_REFERENCES},
            [
                _source(
                    s["article_id"],
                    s["article__title"],
                    s["article__outlet"],
                    s["article__url"],
                    s["article__published"],
                    s["role"],
                )
                for s in sources.get(row["id"], ())
            ],
            tz,
        )
        for row in rows
    ]


def incident_page_text(count: int | None, next_url: str | None, rows: list[str]) -> str:
    """A JSON list page as DRF's JSONRenderer writes ``{"count", "next", "results"}`` (compact, UTF-8, U+2028 and
    U+2029 escaped), its rows' JSON already written (``incidents.selectors.api_page``)."""
    head = "{" if count is None else f'{{"count":{count},'
    text = f'{head}"next":{json.dumps(next_url, ensure_ascii=False)},"results":[{",".join(rows)}]}}'
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _incident(
    value: Callable[[str], Any],
    url: str,
    refs: dict[str, dict[str, Any] | None],
    sources: list[dict[str, Any]],
    tz: dt.tzinfo,
) -> dict[str, Any]:
    """One incident as the API writes it, its columns read by ``value`` (a model instance's or a row's), its
    joined site and groups and its sources already shaped: the one shape of both the serializer and the rows."""
    data = {name: value(name) for name in _PLAIN_FIELDS}
    time_of_day = value("time_of_day")
    data.update(
        url=url,
        date=value("date").isoformat(),
        time_of_day=time_of_day.isoformat() if time_of_day else None,
        weapons=[str(w) for w in value("weapons")],
        reviewed_at=_datetime(value("reviewed_at"), tz),
        created_at=_datetime(value("created_at"), tz),
        updated_at=_datetime(value("updated_at"), tz),
        sources=sources,
        **refs,
    )
    return {name: data[name] for name in _INCIDENT_FIELDS}


def _source(article_id: int, title: str, outlet: str, url: str, published: dt.date, role: str) -> dict[str, Any]:
    """One source as a list row shows it: its article's citation and its role."""
    return {
        "article_id": article_id,
        "title": title,
        "outlet": outlet,
        "url": url,
        "published": published.isoformat(),
        "role": role,
    }


def _row_ref(row: dict[str, Any], name: str) -> dict[str, Any] | None:
    pk = row[f"{name}__id"]
    return None if pk is None else {"id": pk, "name": row[f"{name}__name"], "slug": row[f"{name}__slug"]}


class IncidentDetailSerializer(IncidentSerializer):
    sources = SourceWithEvidenceSerializer(source="source_list", many=True, read_only=True)

    def _source(self, source: Any) -> dict[str, Any]:
        return {**super()._source(source), "evidence": source.evidence}


class IncidentPageSerializer(serializers.Serializer):
    """The JSON list: one page, the link to the next, and the total when ``count=true``."""

    count = serializers.IntegerField(required=False, help_text="Only with count=true.")
    next = serializers.URLField(allow_null=True)
    results = IncidentSerializer(many=True)


class BaseSerializer(serializers.ModelSerializer):
    incident_count = serializers.IntegerField(read_only=True, help_text="Published incidents.")
    first_incident = serializers.DateField(read_only=True, allow_null=True)
    last_incident = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Base
        fields = [
            "id",
            "name",
            "slug",
            "aliases",
            "kind",
            "country",
            "province",
            "latitude",
            "longitude",
            "operators",
            "hosted_until",
            "notes",
            "source_url",
            "incident_count",
            "first_incident",
            "last_incident",
            "updated_at",
        ]


class FactionSerializer(serializers.ModelSerializer):
    """``context["stats"]`` maps faction id to its published-incident figures (members included)."""

    umbrella = RefSerializer(read_only=True, allow_null=True)
    members = RefSerializer(many=True, read_only=True)
    incident_count = serializers.SerializerMethodField()
    first_incident = serializers.SerializerMethodField()
    last_incident = serializers.SerializerMethodField()

    class Meta:
        model = Faction
        fields = [
            "id",
            "name",
            "slug",
            "aliases",
            "kind",
            "aligned_with",
            "notes",
            "source_url",
            "umbrella",
            "members",
            "incident_count",
            "first_incident",
            "last_incident",
            "updated_at",
        ]

    def _stat(self, obj: Faction, name: str) -> Any:
        return self.context["stats"].get(obj.pk, {}).get(name)

    def get_incident_count(self, obj: Faction) -> int:
        """Published incidents attributed to this faction or its members."""
        return self._stat(obj, "incident_count") or 0

    def get_first_incident(self, obj: Faction) -> str | None:
        value = self._stat(obj, "first_incident")
        return value.isoformat() if value else None

    def get_last_incident(self, obj: Faction) -> str | None:
        value = self._stat(obj, "last_incident")
        return value.isoformat() if value else None


class TimelineRowSerializer(serializers.Serializer):
    period = serializers.DateField(help_text="First day of the day, week (Monday) or month.")
    key = serializers.CharField(allow_null=True, help_text="Split value (slug, weapon, ISO2); null without split.")
    label = serializers.CharField(allow_null=True)
    count = serializers.IntegerField()
    killed = serializers.IntegerField()
    injured = serializers.IntegerField()


class TimelineSerializer(serializers.Serializer):
    interval = serializers.ChoiceField(choices=["day", "week", "month"])
    split = serializers.CharField(allow_null=True)
    results = TimelineRowSerializer(many=True)
    totals = TimelineRowSerializer(many=True, help_text="Per period, without split: each incident counted once.")


class TombstoneSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="incident_id")
    merged_into = serializers.IntegerField(source="merged_into_id", allow_null=True)

    class Meta:
        model = IncidentTombstone
        fields = ["id", "reason", "merged_into", "at"]


class ChangesSerializer(serializers.Serializer):
    since = serializers.DateTimeField()
    next_since = serializers.DateTimeField(help_text="Pass as `since` on the next call.")
    next_after_id = serializers.IntegerField(allow_null=True, help_text="Pass as `after_id` on the next call.")
    has_more = serializers.BooleanField(help_text="More changes wait: call again at once.")
    incidents = IncidentSerializer(many=True)
    tombstones = TombstoneSerializer(many=True)


class ReviewDecisionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="The incident's version you reviewed; 409 if it changed since."
    )


class MergeRequestSerializer(ReviewDecisionSerializer):
    into = serializers.IntegerField(min_value=1, help_text="The incident that absorbs this one (the survivor).")
    into_version = serializers.IntegerField(
        required=False, min_value=1, help_text="The survivor's version you reviewed; 409 if it changed since."
    )

    def validate_into(self, value: int) -> int:
        """Another incident that exists: the one being merged comes in ``context["incident_id"]``."""
        if value == self.context.get("incident_id") or not Incident.objects.filter(pk=value).exists():
            raise serializers.ValidationError("Give the id of another existing incident.")
        return value
