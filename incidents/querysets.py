"""How incidents and sites are read: their querysets, what the API and the pages show of them, and the
read helpers the views and the ingest app share (who is an editor, where a merged incident went).

Kept apart from ``incidents.models`` (the tables and their integrity rules), which builds its managers from
these querysets; the models are looked up when a query runs (``_model``), so this module imports none -
not even for type hints, which would be an import back (``tests/test_architecture.py``): the querysets
are typed over ``Any`` model.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, Max, Min, Prefetch, Q
from django.utils.module_loading import import_string
from simple_history.manager import HistoricalQuerySet

from incidents.fields import CODED_FIELDS


def _model(name: str) -> type[Any]:
    """The incidents app's model ``name`` (``Incident``, ``IncidentTombstone``), once the apps are loaded."""
    return apps.get_model("incidents", name)


class BaseQuerySet(models.QuerySet[Any]):
    def with_incident_stats(self) -> BaseQuerySet:
        """Count, first and last date of each base's published incidents, in the same query."""
        published = Q(incidents__status=_model("Incident").Status.PUBLISHED)
        return self.annotate(
            incident_count=Count("incidents", filter=published),
            first_incident=Min("incidents__date", filter=published),
            last_incident=Max("incidents__date", filter=published),
        )

    def with_colocated(self) -> BaseQuerySet:
        """These bases and every base sharing a compound with one of them (see ``Base.compound``)."""
        compounds = self.exclude(compound="").values("compound")
        return self.model.objects.filter(Q(pk__in=self.values("pk")) | Q(compound__in=compounds))


# What a source shows in the API: its article's citation, never the article's text.
API_SOURCE_FIELDS = (
    "id",
    "incident_id",
    "role",
    "evidence",
    "created_at",
    "article__id",
    "article__title",
    "article__url",
    "article__outlet",
    "article__published",
)
# What the API shows of an incident (incidents/api/serializers.py), and of the site and groups it names.
API_INCIDENT_FIELDS = (
    "id",
    "status",
    "version",
    *CODED_FIELDS,
    "confidence",
    "reviewed_at",
    "created_at",
    "updated_at",
)
API_REFERENCES = ("base", "perpetrator", "claimed_by")
API_REFERENCE_FIELDS = ("id", "name", "slug")
# What the pages' incident tables of one site show (``IncidentQuerySet.for_table``), the group by name and slug.
TABLE_INCIDENT_FIELDS = (
    "id",
    "date",
    "date_precision",
    "place",
    "country",
    "weapons",
    "killed",
    "injured",
    "claimed",
    "status",
    "perpetrator__name",
    "perpetrator__slug",
)
# The same as plain values (``IncidentQuerySet.for_api_rows``): the incident's columns, then each joined
# site and group as ``base__id``, ``base__name``, ``base__slug``, ...
API_ROW_FIELDS = (
    *(name for name in API_INCIDENT_FIELDS if name not in API_REFERENCES),
    *(f"{name}__{field}" for name in API_REFERENCES for field in API_REFERENCE_FIELDS),
)
# What a list row shows of each source (no evidence), as ``api_sources`` reads them.
API_ROW_SOURCE_FIELDS = (
    "incident_id",
    "article_id",
    "article__title",
    "article__outlet",
    "article__url",
    "article__published",
    "role",
)


class IncidentQuerySet(models.QuerySet[Any]):
    def published(self) -> IncidentQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def drafts(self) -> IncidentQuerySet:
        return self.filter(status=self.model.Status.DRAFT)

    def visible_to(self, user: Any) -> IncidentQuerySet:
        if user is not None and getattr(user, "is_authenticated", False) and is_editor(user):
            return self.all()
        return self.published()

    def with_weapon(self, weapon: str) -> IncidentQuerySet:
        return self.filter(weapons__has=weapon)

    def attributed_to(self, *factions: Any, include_claims: bool = False) -> IncidentQuerySet:
        """Incidents whose perpetrator is one of ``factions`` or any group under them (umbrellas nest);
        with ``include_claims``, also those such a group claimed while officials named another."""
        ids = {pk for faction in factions for pk in faction.with_members_ids()}
        return self.attributed_to_ids(ids, include_claims=include_claims)

    def attributed_to_ids(self, ids: Iterable[int], *, include_claims: bool = False) -> IncidentQuerySet:
        """``attributed_to`` given the groups' ids, their members' included (``faction_groups``)."""
        ids = set(ids)
        condition = Q(perpetrator_id__in=ids)
        if include_claims:
            condition |= Q(claimed_by_id__in=ids)
        return self.filter(condition)

    def search(self, text: str, *, full_text: bool = False) -> IncidentQuerySet:
        """Free text over the summary, place and base name, and wherever ``INCIDENT_SOURCE_SEARCH`` looks.

        That setting names functions ``(text, full_text=...) -> incident ids`` (a ``values("incident_id")``
        subquery): the ingest app's search of the sources that report an incident. Without
        ``full_text`` they look only at what the public is shown (titles, evidence sentences): a
        search over text never shown would let anyone read it out by guessing. Editors pass
        ``full_text=True``. The match is a semi-join (``id IN (...)``), so an incident reported by
        several matching articles comes back once and the outer query needs no DISTINCT.
        """
        condition = Q(summary__icontains=text) | Q(place__icontains=text) | Q(base__name__icontains=text)
        for path in settings.INCIDENT_SOURCE_SEARCH:
            condition |= Q(id__in=import_string(path)(text, full_text=full_text))
        return self.filter(condition)

    def changed_since(self, since: dt.datetime, after_id: int | None = None) -> IncidentQuerySet:
        """Rows updated after ``since`` (or at ``since`` with a larger id), oldest change first."""
        if after_id is None:
            rows = self.filter(updated_at__gte=since)
        else:
            rows = self.filter(Q(updated_at__gt=since) | Q(updated_at=since, id__gt=after_id))
        return rows.order_by("updated_at", "id")

    def for_api(self) -> IncidentQuerySet:
        """Rows ready to serialize: related names joined, sources prefetched (``source_list``) without article text.

        Only the columns the API shows are read: a list page of 100 incidents otherwise builds the
        three joined sites and groups whole (notes, aliases and operators decoded from JSON,
        timestamps parsed) for their id, name and slug.
        """
        sources = source_model().objects.select_related("article").only(*API_SOURCE_FIELDS)
        references = [f"{name}__{field}" for name in API_REFERENCES for field in API_REFERENCE_FIELDS]
        # to_attr: a plain list per row, without building a related manager queryset for each one.
        return (
            self.select_related(*API_REFERENCES)
            .only(*API_INCIDENT_FIELDS, *references)
            .prefetch_related(Prefetch("sources", queryset=sources, to_attr="source_list"))
        )

    def for_table(self) -> IncidentQuerySet:
        """Rows for the tables of one site's incidents (templates/incidents/includes/incident_rows.html without
        ``show_base``: a site's page, an incident's neighbours at its site): the columns they show and the
        perpetrator's name and slug, not every column of both tables. The site is not joined: those tables
        do not show it (the neighbours' query 2.1 -> 1.7 ms of Python for ten rows)."""
        return self.select_related("perpetrator").only(*TABLE_INCIDENT_FIELDS)

    def for_api_rows(self) -> models.QuerySet[Any, dict[str, Any]]:
        """``for_api()`` as plain dicts (``API_ROW_FIELDS``), for list pages: a page of 100 incidents is
        otherwise about 300 model instances (each row, its site and groups; each source and article)
        built only to be read back. Sources come apart, from ``api_sources``."""
        return self.values(*API_ROW_FIELDS)

    def in_bbox(self, west: float, south: float, east: float, north: float) -> IncidentQuerySet:
        return self.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)

    def delete(self) -> tuple[int, dict[str, int]]:
        """Delete these incidents, each leaving a ``deleted`` tombstone for sync clients."""
        with transaction.atomic():
            ids = list(self.values_list("pk", flat=True))
            public = ever_published(ids)
            tombstone = _model("IncidentTombstone")
            tombstone.objects.bulk_create(
                tombstone(incident_id=pk, reason=tombstone.Reason.DELETED, public=pk in public) for pk in ids
            )
            return super(IncidentQuerySet, self.model.objects.filter(pk__in=ids)).delete()

    def near(self, *, base_id: int | None, place: str, country: str, on: dt.date, days: int = 1) -> IncidentQuerySet:
        """Incidents that could be the same attack: same site (or place), date within ``days``."""
        window = Q(date__gte=on - dt.timedelta(days=days), date__lte=on + dt.timedelta(days=days))
        if base_id is not None:
            return self.filter(window, base_id=base_id)
        return self.filter(window, base__isnull=True, country=country, place__iexact=place)


class HistoricalIncidentQuerySet(HistoricalQuerySet):
    """Past versions of incidents (``Incident.history``), filtered by the same methods as the incidents.

    What the API's ``as_of`` reads answer from (``incidents.selectors.as_of``): a historical row
    carries the incident's id in ``id`` and its coded fields as they were.
    """

    with_weapon = IncidentQuerySet.with_weapon
    attributed_to = IncidentQuerySet.attributed_to
    attributed_to_ids = IncidentQuerySet.attributed_to_ids
    search = IncidentQuerySet.search
    in_bbox = IncidentQuerySet.in_bbox


def faction_groups(version: str) -> dict[str, frozenset[int]]:
    """Each faction's slug -> its id and those of every group under it (``Faction.with_members_ids``), as they
    stand at ``version`` (a data version token that every write to factions moves: ``DataVersion.public_token``):
    read in one query once per version in this process, not a query per umbrella level on every request that
    filters by a faction (1-2.5 ms of the ORM's time each)."""
    return _faction_groups_at(version)


@functools.lru_cache(maxsize=1)
def _faction_groups_at(version: str) -> dict[str, frozenset[int]]:
    rows = list(_model("Faction").objects.values_list("pk", "slug", "umbrella_id"))
    members: dict[int, list[int]] = {}
    for pk, _, umbrella_id in rows:
        if umbrella_id is not None:
            members.setdefault(umbrella_id, []).append(pk)
    groups = {}
    for pk, slug, _ in rows:
        ids, frontier = {pk}, [pk]
        while frontier:
            frontier = [m for f in frontier for m in members.get(f, ()) if m not in ids]
            ids.update(frontier)
        groups[slug] = frozenset(ids)
    return groups


def is_editor(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=settings.EDITORS_GROUP).exists()


def ever_published(ids: Iterable[int]) -> set[int]:
    """The incidents among ``ids`` that are or ever were published (their history says so).

    Only these leave a public tombstone: a draft no anonymous client ever saw leaves an internal
    one (``IncidentTombstone.public`` false), kept out of the public changes feed and data version.
    """
    ids = list(ids)
    if not ids:
        return set()
    incident = _model("Incident")
    published = incident.Status.PUBLISHED
    now = incident.objects.filter(pk__in=ids, status=published).values_list("pk", flat=True)
    before = incident.history.filter(id__in=ids, status=published).values_list("id", flat=True)
    return set(now) | set(before)


def merged_survivor(incident_id: int) -> Any:
    """The incident an absorbed one was merged into (following merges of merges), or None."""
    incident, tombstone = _model("Incident"), _model("IncidentTombstone")
    seen: set[int] = set()
    while incident_id not in seen:
        seen.add(incident_id)
        stone = tombstone.objects.filter(incident_id=incident_id, reason=tombstone.Reason.MERGED)
        target = stone.exclude(merged_into=None).values_list("merged_into", flat=True).last()
        if target is None:
            return None
        survivor = incident.objects.filter(pk=target).first()
        if survivor is not None:
            return survivor
        incident_id = target
    return None


def api_sources(incident_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """Each incident's sources as a list row shows them (``API_ROW_SOURCE_FIELDS``), in one query, in the
    order ``for_api()`` prefetches them (the sources' own: role, then when each was linked)."""
    ids = list(incident_ids)
    by_incident: dict[int, list[dict[str, Any]]] = {}
    if not ids:
        return by_incident
    rows = _api_sources_postgresql(ids) if connection.vendor == "postgresql" else _api_sources_orm(ids)
    for row in rows:
        by_incident.setdefault(row["incident_id"], []).append(row)
    return by_incident


def _api_sources_orm(ids: list[int]) -> Iterable[dict[str, Any]]:
    return source_model().objects.filter(incident_id__in=ids).values(*API_ROW_SOURCE_FIELDS)


def _api_sources_postgresql(ids: list[int]) -> list[dict[str, Any]]:
    """``_api_sources_orm``'s rows (the same dicts, in the same order) from one statement written once per process:
    the ORM compiled it on every list page (about 1 ms of a page's 13, most of it the ``IN`` list's values),
    and the ids go in as one array."""
    with connection.cursor() as cursor:
        cursor.execute(_api_sources_sql(), [ids])
        return [dict(zip(API_ROW_SOURCE_FIELDS, row, strict=True)) for row in cursor.fetchall()]


@functools.cache
def _api_sources_sql() -> str:
    source = source_model()
    article = source._meta.get_field("article").related_model
    q = connection.ops.quote_name

    def column(path: str) -> str:
        model, alias, name = (article, "a", path.split("__")[1]) if "__" in path else (source, "s", path)
        return f"{alias}.{q(model._meta.get_field(name).column)}"

    order = ", ".join(
        column(name.lstrip("-")) + (" DESC" if name.startswith("-") else " ASC") for name in source._meta.ordering
    )
    # Identifiers are the models' own; the ids are bound.
    return (
        f"SELECT {', '.join(column(name) for name in API_ROW_SOURCE_FIELDS)} "  # noqa: S608
        f"FROM {q(source._meta.db_table)} AS s JOIN {q(article._meta.db_table)} AS a "
        f"ON a.{q(article._meta.pk.column)} = s.{q(source._meta.get_field('article').column)} "
        f"WHERE s.{q(source._meta.get_field('incident').column)} = ANY(%s) ORDER BY {order}"
    )


def source_model() -> type[Any]:
    """The model of an incident's sources (``incident.sources``): each one article's report of it.

    The ingest app owns articles and declares this relation (``ingest.IncidentSource``); the
    incidents app reaches it through the relation, never by importing the intake.
    """
    return _model("Incident")._meta.get_field("sources").related_model


class IncidentTombstoneQuerySet(models.QuerySet[Any]):
    def visible_to(self, *, editor: bool) -> IncidentTombstoneQuerySet:
        """Every tombstone for editors; for everyone else, those of incidents that were ever public."""
        return self if editor else self.filter(public=True)
