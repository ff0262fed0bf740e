"""The incident database: the gazetteer (bases, factions) and the incidents themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from simple_history.models import HistoricalRecords

from incidents.counts import best_low_high
from incidents.fields import CODED_FIELDS, COUNT_FIELDS, POINTS_INDEX_COLUMNS
from incidents.links import base_url, faction_url, incident_url
from incidents.querysets import (
    BaseQuerySet,
    HistoricalIncidentQuerySet,
    IncidentQuerySet,
    IncidentTombstoneQuerySet,
    ever_published,
)


class Country(models.TextChoices):
    IRAQ = "IQ", "Iraq"
    SYRIA = "SY", "Syria"
    JORDAN = "JO", "Jordan"
    KUWAIT = "KW", "Kuwait"
    SAUDI_ARABIA = "SA", "Saudi Arabia"
    UAE = "AE", "United Arab Emirates"
    QATAR = "QA", "Qatar"
    BAHRAIN = "BH", "Bahrain"
    ISRAEL = "IL", "Israel"
    LEBANON = "LB", "Lebanon"
    YEMEN = "YE", "Yemen"
    IRAN = "IR", "Iran"
    TURKEY = "TR", "Turkey"


class Weapon(models.TextChoices):
    ROCKET = "rocket", "Rocket"
    DRONE = "drone", "Drone"
    MISSILE = "missile", "Missile"
    MORTAR = "mortar", "Mortar"
    IED = "ied", "IED"
    SMALL_ARMS = "small_arms", "Small arms"
    UNKNOWN = "unknown", "Unknown"


def _in_range(field: str, low: float, high: float) -> Q:
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


class Base(models.Model):
    """A site used by US or coalition forces, with every spelling seen in the news."""

    class Kind(models.TextChoices):
        AIR_BASE = "air_base", "Air base"
        GARRISON = "garrison", "Garrison"
        OUTPOST = "outpost", "Outpost"
        DIPLOMATIC = "diplomatic", "Diplomatic"
        LOGISTICS = "logistics", "Logistics"
        OIL_FIELD = "oil_field", "Oil or gas field"
        AIRPORT = "airport", "Airport"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Every spelling seen in reporting.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(max_length=2, choices=Country.choices, db_index=True)
    province = models.CharField(max_length=120, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    operators = models.JSONField(default=list, blank=True, help_text="US, coalition partners.")
    hosted_until = models.DateField(
        null=True,
        blank=True,
        help_text="The last day the site hosted US or coalition forces, where they have left it (a month or a year "
        "a source gives is stored as its last day). An attack there after it hit no coalition site.",
    )
    notes = models.TextField(blank=True)
    source_url = models.URLField(max_length=500, blank=True, help_text="Where the coordinates come from.")
    compound = models.SlugField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text="Sites in one compound or a few km apart share this key; an attack reported at one "
        "may be reported at another (Victory Base Complex and the Diplomatic Support Center).",
    )
    # Hash of the shipped gazetteer record last applied; lets a reload tell editor edits apart.
    seed_checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BaseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=_in_range("latitude", -90, 90), name="base_latitude_range"),
            models.CheckConstraint(condition=_in_range("longitude", -180, 180), name="base_longitude_range"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return base_url(self.slug)

    def colocated(self) -> BaseQuerySet:
        """This base and the bases in the same compound: the sites one attack report may name."""
        if not self.compound:
            return Base.objects.filter(pk=self.pk)
        return Base.objects.filter(compound=self.compound)


class Faction(models.Model):
    """An armed group, or an umbrella brand several groups claim under."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Transliterations and translations.")
    kind = models.CharField(max_length=40, blank=True, help_text="militia, umbrella, front group, state actor...")
    umbrella = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    aligned_with = models.CharField(max_length=120, blank=True)
    notes = models.TextField(blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    seed_checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(umbrella=F("pk")), name="faction_not_own_umbrella"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return faction_url(self.slug)

    def with_members_ids(self) -> list[int]:
        """This faction's id and those of every group under it (umbrellas nest)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                Faction.objects.filter(umbrella_id__in=frontier).exclude(pk__in=ids).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


def _count_constraints(field: str) -> list[models.CheckConstraint]:
    low, high = f"{field}_low", f"{field}_high"
    best_unknown = Q(**{f"{field}__isnull": True})
    return [
        models.CheckConstraint(
            condition=Q(**{f"{low}__isnull": True}) | best_unknown | Q(**{f"{low}__lte": F(field)}),
            name=f"incident_{field}_low_le_best",
        ),
        models.CheckConstraint(
            condition=Q(**{f"{high}__isnull": True})
            | Q(**{f"{field}__isnull": True})
            | Q(**{f"{field}__lte": F(high)}),
            name=f"incident_{field}_best_le_high",
        ),
        models.CheckConstraint(
            condition=best_unknown | Q(**{f"{field}__gte": 0}),
            name=f"incident_{field}_nonnegative",
        ),
        models.CheckConstraint(
            condition=Q(**{f"{low}__isnull": True}) | Q(**{f"{low}__gte": 0}),
            name=f"incident_{field}_low_nonnegative",
        ),
        models.CheckConstraint(
            condition=Q(**{f"{high}__isnull": True}) | Q(**{f"{high}__gte": 0}),
            name=f"incident_{field}_high_nonnegative",
        ),
    ]


def _count_fields(label: str) -> tuple[models.IntegerField, models.IntegerField, models.IntegerField]:
    return (
        models.IntegerField(null=True, blank=True, help_text=f"Best estimate of {label}."),
        models.IntegerField(null=True, blank=True, help_text=f"Lowest reported {label}."),
        models.IntegerField(null=True, blank=True, help_text=f"Highest reported {label}."),
    )


class StaleVersion(Exception):
    """The incident changed since the version the editor saw; nothing was written."""

    def __init__(self, *, incident_id: int, seen: int) -> None:
        super().__init__(f"incident {incident_id} is no longer at version {seen}")
        self.incident_id, self.seen = incident_id, seen


def pin_name(field: str) -> str:
    """The name an editor's change is pinned under: a count's three columns share one."""
    for name in COUNT_FIELDS:
        if field in (name, f"{name}_low", f"{name}_high"):
            return name
    return field


class Incident(models.Model):
    """One attack on (or near) a US or coalition site, coded like ACLED/UCDP events."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        WEEK = "week", "Week"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    class LocationPrecision(models.TextChoices):
        SITE = "site", "At the site"
        NEAR_SITE = "near_site", "Near the site"
        TOWN = "town", "Town"
        PROVINCE = "province", "Province"
        COUNTRY = "country", "Country"

    date = models.DateField()
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    time_of_day = models.TimeField(null=True, blank=True)
    base = models.ForeignKey(Base, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents")
    place = models.CharField(max_length=200, blank=True, help_text="Place as reported when no base is known.")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    location_precision = models.CharField(
        max_length=10, choices=LocationPrecision.choices, default=LocationPrecision.SITE
    )
    country = models.CharField(max_length=2, choices=Country.choices)
    weapons = models.JSONField(default=list, blank=True, help_text="Several of: " + ", ".join(Weapon.values))
    launched, launched_low, launched_high = _count_fields("projectiles launched")
    intercepted, intercepted_low, intercepted_high = _count_fields("projectiles intercepted")
    killed, killed_low, killed_high = _count_fields("people killed")
    injured, injured_low, injured_high = _count_fields("people injured")
    perpetrator = models.ForeignKey(Faction, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents")
    claimed = models.BooleanField(default=False)
    claimed_by = models.ForeignKey(Faction, null=True, blank=True, on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    summary = models.CharField(max_length=300, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every save (``save_versioned``): a form or API call that saw an older one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Fields an editor set, {name: when}; a later source never overwrites them (counts by name: "launched").
    editor_fields = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = IncidentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"], historical_queryset=HistoricalIncidentQuerySet)

    # Set on an instance, never stored in this table (declared for the type checker; no class attribute):
    # the reason simple_history records with the next save or delete,
    _change_reason: str
    # and the sources ``IncidentQuerySet.for_api`` prefetches (``to_attr``; ingest.IncidentSource rows).
    source_list: list[Any]

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["status", "date"], name="incident_status_date"),
            # The map points and the timeline read every match of a date range newest first: with the
            # columns they read (and filter on) in the index, PostgreSQL reads the index alone, in order,
            # instead of visiting each row in the table and sorting them (a 2-year map: 25 ms -> 7 ms).
            # SQLite has no INCLUDE and builds the key columns only (models.W040 is silenced for it).
            models.Index(
                fields=["status", "date", "id"],
                include=POINTS_INDEX_COLUMNS,
                name="incident_status_date_cover",
            ),
            # A site's page (incidents.views.base_detail): its count, totals, months and groups read the
            # index alone, and its newest incidents come in index order (100,000 incidents, a site with
            # 1,500: 15 ms -> 2.4 ms of PostgreSQL per page, ~1,235 table pages per query -> ~25).
            models.Index(
                fields=["status", "base", "date", "id"],
                include=("killed", "injured", "claimed", "perpetrator"),
                name="incident_status_base_date",
            ),
            models.Index(fields=["status", "country", "date"], name="incident_status_country_date"),
            models.Index(fields=["latitude", "longitude"], name="incident_lat_lon"),
            # The API's list pages sorted by a count (incidents/api/pagination.py sorts unknown as -1): read
            # in index order instead of sorting every match (a cold list page by -killed: ~40 ms -> ~2 ms).
            *(
                models.Index(F("status"), Coalesce(F(count), Value(-1)), F("id"), name=f"incident_status_{count}_id")
                for count in ("killed", "injured", "launched")
            ),
        ]
        constraints = [
            *[c for f in COUNT_FIELDS for c in _count_constraints(f)],
            models.CheckConstraint(
                condition=Q(intercepted__isnull=True) | Q(launched__isnull=True) | Q(intercepted__lte=F("launched")),
                name="incident_intercepted_le_launched",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | _in_range("latitude", -90, 90),
                name="incident_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | _in_range("longitude", -180, 180),
                name="incident_longitude_range",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="incident_lat_lon_together",
            ),
            models.CheckConstraint(
                condition=Q(claimed=True) | Q(claimed_by__isnull=True),
                name="incident_claimed_by_needs_claim",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "rejected"]), name="incident_status_valid"
            ),
        ]

    def __str__(self) -> str:
        where = self.base.name if self.base_id and self.base else (self.place or self.get_country_display())
        return f"{self.date.isoformat()} {where}"

    def get_absolute_url(self) -> str:
        return incident_url(self.pk)

    def save_versioned(self, *, fields: Iterable[str], seen_version: int | None = None) -> None:
        """Write only ``fields`` (plus a new version), if the row is still at ``seen_version``.

        The version moves in a conditional UPDATE (``WHERE version = seen``): of two writers that
        saw the same version exactly one gets the row, the other gets ``StaleVersion`` and writes
        nothing. The row stays locked until the transaction ends, so the field write that follows
        (one history record, via ``save``) cannot interleave with another. ``seen_version`` defaults
        to the version this instance was loaded at.
        """
        seen = self.version if seen_version is None else seen_version
        with transaction.atomic():
            if not Incident.objects.filter(pk=self.pk, version=seen).update(version=F("version") + 1):
                raise StaleVersion(incident_id=self.pk, seen=seen)
            self.version = seen + 1
            self.save(update_fields=sorted({*fields, "version", "updated_at"}))

    def values(self, fields: Iterable[str] = CODED_FIELDS) -> dict[str, Any]:
        """The stored value of each field (foreign keys as ids), to tell which ones a step changed."""
        return {name: getattr(self, self.own_field(name).attname) for name in fields}

    @classmethod
    def own_field(cls, name: str) -> models.Field[Any, Any]:
        """``_meta.get_field(name)`` for a field of this table, never a relation declared on another model."""
        field = cls._meta.get_field(name)
        if not isinstance(field, models.Field):
            raise FieldDoesNotExist(f"Incident.{name} is a relation from another model, not a field of this table.")
        return field

    def fields_changed_from(self, before: dict[str, Any]) -> list[str]:
        return [name for name, value in self.values(before).items() if value != before[name]]

    def is_pinned(self, field: str) -> bool:
        return pin_name(field) in (self.editor_fields or {})

    def pin(self, fields: Iterable[str]) -> bool:
        """Mark fields as the editor's (no save); True when the set of pinned fields grew."""
        pins = dict(self.editor_fields or {})
        now = timezone.now().isoformat()
        grew = False
        for name in {pin_name(f) for f in fields if f in CODED_FIELDS}:
            grew = grew or name not in pins
            pins[name] = now
        self.editor_fields = pins
        return grew

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def date_display(self) -> str:
        """The date written no finer than it is known."""
        if self.date_precision == self.DatePrecision.YEAR:
            return f"{self.date:%Y}"
        if self.date_precision == self.DatePrecision.MONTH:
            return f"{self.date:%B %Y}"
        if self.date_precision == self.DatePrecision.WEEK:
            return f"week of {self.date:%d %b %Y}"
        return f"{self.date:%d %b %Y}"

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_by_id is not None or self.status != self.Status.DRAFT

    def reconcile_counts(self, figures: dict[str, list[int]]) -> None:
        """Set best/low/high of each count from every figure its sources reported (no save).

        The one rule (``incidents.counts.best_low_high``, the extractor's too), applied across
        sources: ``best`` is the highest figure any source gives (lower figures are nearly always
        partial), ``low`` the lowest, ``high`` the highest; a range is stored only when the
        figures disagree. On a reviewed incident the editor's own values take part as one more
        figure, so a new source can widen the range but never silently undo a correction. A
        count no source states is cleared on a draft and kept on a reviewed incident.
        intercepted ≤ launched is restored by raising launched: at least as many were launched
        as were shot down.
        """
        for name in COUNT_FIELDS:
            if self.is_pinned(name):
                continue  # the editor's figure stands; the sources' differing ones stay on the review screen
            values = [v for v in figures.get(name, []) if isinstance(v, int) and v >= 0]
            if self.is_reviewed:
                values += [v for v in self.count_values(name) if v is not None]
            if not values:
                if not self.is_reviewed:
                    setattr(self, name, None)
                    setattr(self, f"{name}_low", None)
                    setattr(self, f"{name}_high", None)
                continue
            best, low, high = best_low_high(values)
            setattr(self, name, best)
            setattr(self, f"{name}_low", low if low != high else None)
            setattr(self, f"{name}_high", high if low != high else None)
        if (
            self.launched is not None
            and self.intercepted is not None
            and self.intercepted > self.launched
            and not self.is_pinned("launched")
        ):
            self.launched = self.intercepted
            if self.launched_high is not None:
                self.launched_high = max(self.launched_high, self.launched)

    def count_values(self, name: str) -> tuple[int | None, int | None, int | None]:
        return getattr(self, name), getattr(self, f"{name}_low"), getattr(self, f"{name}_high")

    def absorb_report(
        self,
        *,
        weapons: list[str],
        perpetrator: Faction | None,
        claimed: bool,
        date: dt.date | None,
        date_precision: str,
        summary: str,
    ) -> None:
        """Fold another source's non-count facts into this incident (no save).

        Weapons are the union (``unknown`` dropped once a specific one is known); a
        perpetrator, claim or summary only fills a gap; a finer date replaces a coarser
        one on drafts only. Reviewed incidents keep what the editor decided, and a field an
        editor set (``editor_fields``) is never touched.
        """
        if not self.is_pinned("weapons"):
            merged = sorted(set(self.weapons or []) | set(weapons))
            if len(merged) > 1 and Weapon.UNKNOWN in merged:
                merged.remove(Weapon.UNKNOWN)
            self.weapons = merged
        if self.perpetrator_id is None and perpetrator is not None and not self.is_pinned("perpetrator"):
            self.perpetrator = perpetrator
        claim_open = not self.is_pinned("claimed") and not self.is_pinned("claimed_by")
        if (
            claimed
            and claim_open
            and not self.claimed
            and perpetrator is not None
            and self.perpetrator_id == perpetrator.pk
        ):
            self.claimed, self.claimed_by = True, perpetrator
        if not self.summary and summary and not self.is_pinned("summary"):
            self.summary = summary[:300]
        order = list(self.DatePrecision.values)
        finer = date is not None and order.index(date_precision) < order.index(self.date_precision)
        if (
            finer
            and date is not None  # implied by finer: said again for the type checker
            and not self.is_reviewed
            and not self.is_pinned("date")
            and not self.is_pinned("date_precision")
        ):
            self.date, self.date_precision = date, date_precision

    def publish(self, *, by: Any, seen_version: int | None = None) -> None:
        self.decide(self.Status.PUBLISHED, by=by, seen_version=seen_version)

    def reject(self, *, by: Any, seen_version: int | None = None) -> None:
        self.decide(self.Status.REJECTED, by=by, seen_version=seen_version)

    def decide(self, status: str, *, by: Any, seen_version: int | None = None, fields: Iterable[str] = ()) -> None:
        """Set the review status (and save ``fields`` set on this instance) in one versioned write.

        Unpublishing leaves an ``unpublished`` tombstone: the changes feed lists published rows only.
        """
        self.status = status
        self.reviewed_by = by
        self.reviewed_at = timezone.now()
        self._history_user = by
        with transaction.atomic():
            # the row as it is now, locked: a bare decision (a Publish or Reject that carried no version and writes
            # no field) is taken on it, not on the version this instance was loaded at - a form saved in between is
            # kept, not a conflict; field edits stay checked against the version they were made on
            was_status, now_version = (
                Incident.objects.select_for_update().values_list("status", "version").get(pk=self.pk)
            )
            was_public = was_status == self.Status.PUBLISHED
            seen = seen_version if seen_version is not None else (self.version if fields else now_version)
            self.save_versioned(fields=[*fields, "status", "reviewed_by", "reviewed_at"], seen_version=seen)
            if was_public and status != self.Status.PUBLISHED:
                IncidentTombstone.objects.create(incident_id=self.pk, reason=IncidentTombstone.Reason.UNPUBLISHED)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Every deletion of one incident leaves a tombstone (``deleted``) for sync clients."""
        with transaction.atomic():
            IncidentTombstone.objects.create(
                incident_id=self.pk, reason=IncidentTombstone.Reason.DELETED, public=bool(ever_published([self.pk]))
            )
            return super().delete(*args, **kwargs)

    def delete_with_tombstone(self, *, merged_into: Incident | None = None) -> IncidentTombstone:
        """Delete this incident and leave a tombstone for sync clients (merged when ``merged_into``)."""
        reason = IncidentTombstone.Reason.MERGED if merged_into is not None else IncidentTombstone.Reason.DELETED
        with transaction.atomic():
            tombstone = IncidentTombstone.objects.create(
                incident_id=self.pk, reason=reason, merged_into=merged_into, public=bool(ever_published([self.pk]))
            )
            super().delete()
        return tombstone


class IncidentTombstone(models.Model):
    """A deleted or merged incident id, for clients that keep a local copy in sync."""

    class Reason(models.TextChoices):
        DELETED = "deleted", "Deleted"
        MERGED = "merged", "Merged"
        UNPUBLISHED = "unpublished", "Unpublished"

    incident_id = models.BigIntegerField(db_index=True)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    merged_into = models.ForeignKey(Incident, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # False for an incident never published (a draft deleted by a re-parse, merged or rejected): only
    # editors' sync sees it; anonymous clients never had the row, so its id is no news to them.
    public = models.BooleanField(default=True, help_text="The incident was published at some point.")

    objects = IncidentTombstoneQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"incident {self.incident_id} {self.reason} at {self.at:%Y-%m-%d %H:%M}"


class DataVersion(models.Model):
    """The one row counting every change to what the API's answers are built from (see ``DataChange``).

    Kept by database triggers (migration 0008), so writes through any path count: services, the admin,
    loaders, raw SQL. ``changes`` and ``public_changes`` include the ``DataChange`` rows folded in
    here; the readers add the rows not yet folded. ``epoch`` is drawn anew whenever the row is created,
    so a counter restarting after a truncation never repeats an earlier version.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    epoch = models.CharField(max_length=32)
    changes = models.BigIntegerField(default=0)
    public_changes = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)
    public_changed_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="data_version_single_row")]

    def __str__(self) -> str:
        return f"data version {self.epoch}:{self.changes}/{self.public_changes}"

    @classmethod
    def read(cls) -> DataVersionReading:
        """The counts now, in one statement: this row's folded counts plus the change rows not folded yet
        (on SQLite there are none), and the latest change of each kind. A missing row (a truncated table)
        reads as no epoch and nothing folded."""
        q = connection.ops.quote_name
        versions, changes = q(cls._meta.db_table), q(DataChange._meta.db_table)
        # Table names are our models' own.
        sql = f"""
            SELECT v.epoch, v.changes, v.public_changes, v.changed_at, v.public_changed_at,
                   (SELECT COUNT(*) FROM {changes}), (SELECT MAX(at) FROM {changes}),
                   (SELECT COUNT(*) FROM {changes} WHERE public), (SELECT MAX(at) FROM {changes} WHERE public)
            FROM (SELECT 1 AS one) AS one LEFT JOIN {versions} AS v ON v.id = 1
        """  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql)
            (
                epoch,
                folded,
                public_folded,
                folded_at,
                public_folded_at,
                fresh,
                fresh_at,
                public_fresh,
                public_fresh_at,
            ) = cursor.fetchone()
        return DataVersionReading(
            epoch=epoch,
            changes=(folded or 0) + fresh,
            public_changes=(public_folded or 0) + public_fresh,
            changed_at=_latest_stamp(folded_at, fresh_at),
            public_changed_at=_latest_stamp(public_folded_at, public_fresh_at),
        )


class DataVersionReading(NamedTuple):
    """What ``DataVersion.read`` found: the epoch, every change and the public ones, and when each last came."""

    epoch: str | None
    changes: int
    public_changes: int
    changed_at: dt.datetime | None
    public_changed_at: dt.datetime | None


def _latest_stamp(*stamps: Any) -> dt.datetime | None:
    """The latest of some timestamps, aware (SQLite returns an aggregate's datetime as naive text)."""
    aware = []
    for value in stamps:
        if isinstance(value, str):
            value = parse_datetime(value)
        if isinstance(value, dt.datetime) and timezone.is_naive(value):
            value = value.replace(tzinfo=dt.UTC)
        if value is not None:
            aware.append(value)
    return max(aware, default=None)


class DataChange(models.Model):
    """One statement's change to incidents, tombstones, bases or factions (PostgreSQL).

    Each statement that changes rows adds one row here (``public`` when a row it touched is or was
    visible to anonymous readers) instead of updating a shared counter, so concurrent writers never
    wait on each other or deadlock; the version is the count of these rows (folded ones included),
    which every commit raises whatever order transactions commit in. Every 500th row folds the
    older rows into ``DataVersion`` (skipped while another transaction folds). On SQLite, whose
    writers are serialised anyway, row triggers count into ``DataVersion`` directly and this table
    stays empty.
    """

    id = models.BigAutoField(primary_key=True)
    public = models.BooleanField()
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"change {self.id} at {self.at:%Y-%m-%d %H:%M:%S}"


class PointsChunk(models.Model):
    """The map points of one day's or one month's incidents of one status, pre-written (PostgreSQL).

    Kept by database triggers on incidents (migration 0012), so every write through any path (services,
    merges, the admin, loaders, raw SQL) rewrites the chunks of the days and months it touched before it
    commits. Each text column holds that column's JSON values for the chunk's incidents, newest first,
    joined with commas (``dates``: with ``","``): the map's answer for a date range is these texts
    joined, chunk after chunk (``incidents.selectors.points``), instead of the values of every incident
    formatted and joined one by one. ``facet``: ``""`` every incident, ``"c:IQ"`` those in one country,
    ``"w:drone"`` those with one weapon. Never read on SQLite, where the table stays empty.
    """

    class Span(models.TextChoices):
        DAY = "d", "day"
        MONTH = "m", "month"

    status = models.CharField(max_length=10)
    facet = models.CharField(max_length=40)
    span = models.CharField(max_length=1, choices=Span.choices)
    period = models.DateField(help_text="The day, or the month's first day.")
    n = models.IntegerField()
    ids = models.TextField()
    lat = models.TextField()
    lon = models.TextField()
    dates = models.TextField()
    date_precision = models.TextField()
    weapons = models.TextField()
    launched = models.TextField()
    intercepted = models.TextField()
    killed = models.TextField()
    injured = models.TextField()
    base = models.TextField()
    perpetrator = models.TextField()
    claimed = models.TextField()
    place = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["status", "facet", "span", "period"], name="points_chunk_key"),
        ]
        # The triggers rebuild a day or a month across its facets.
        indexes = [models.Index(fields=["status", "span", "period"], name="points_chunk_rebuild")]

    def __str__(self) -> str:
        return f"{self.status} {self.facet or 'all'} {self.get_span_display()} {self.period}: {self.n} incidents"


class TimelineRollup(models.Model):
    """Incident counts and killed/injured sums of one day, week (from its Monday) or month, per status, facet
    (as ``PointsChunk``'s) and perpetrator (PostgreSQL).

    Kept by the same triggers as the map's chunks (migration 0013): a write rebuilds the days it touched
    and their weeks and months. The timeline for a date range sums the whole weeks or months inside it and
    the days at its ends (``incidents.selectors.timeline_json``) instead of grouping every incident.
    """

    status = models.CharField(max_length=10)
    facet = models.CharField(max_length=40)
    span = models.CharField(max_length=1, choices=[("d", "day"), ("w", "week"), ("m", "month")])
    period = models.DateField(help_text="The day, the week's Monday or the month's first day.")
    perpetrator_id = models.IntegerField(null=True)
    n = models.IntegerField()
    killed = models.BigIntegerField()
    injured = models.BigIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["status", "facet", "span", "period"], name="timeline_rollup_key"),
            # The triggers rebuild a day, a week or a month across its facets.
            models.Index(fields=["status", "span", "period"], name="timeline_rollup_rebuild"),
        ]

    def __str__(self) -> str:
        return f"{self.status} {self.facet or 'all'} {self.span} {self.period} {self.perpetrator_id}: {self.n}"


class CsvLine(models.Model):
    """One incident's row of the CSV export, as PostgreSQL's COPY writes it (PostgreSQL).

    Kept by database triggers (migrations incidents 0014, ingest 0008): a write to the incident, its site,
    its groups, its sources or their articles' URLs rewrites the line before it commits. The export joins
    the lines of the matching incidents in the order asked for (``incidents.selectors.csv_copy``) instead
    of writing 30 columns and looking up the sources of every incident on every export. Never read on
    SQLite, where the table stays empty.
    """

    incident_id = models.BigIntegerField(primary_key=True)
    line = models.TextField(help_text="The CSV row, quoted as COPY quotes it, ending in CRLF.")

    def __str__(self) -> str:
        return f"CSV line of incident {self.incident_id}"


class ApiRow(models.Model):
    """One incident's row of the API's JSON list pages as the API writes it, but for its id and URL (PostgreSQL).

    Kept by the same triggers as ``CsvLine`` (migrations incidents 0015, ingest 0009), which also follow what only
    the row shows (the articles' titles, outlets and dates, the sources' roles). ``tail`` is the row's JSON from
    the member after ``"url"`` to its end, with times in UTC; ``exact``: whether every value is written as the
    API's Python writes it (``incidents.selectors.api_page``). A list page joins its incidents' rows instead of
    writing ~40 values and the sources of each on every page. Never read on SQLite, where the table stays empty.
    """

    incident_id = models.BigIntegerField(primary_key=True)
    tail = models.TextField()
    exact = models.BooleanField()

    def __str__(self) -> str:
        return f"API row of incident {self.incident_id}"


class Release(models.Model):
    """A citable, versioned snapshot of the published incidents: files on disk, their checksums here.

    Written by ``manage.py release`` (``incidents.releases.release_create``); the files live in
    ``settings.RELEASES_DIR / version`` and are listed and served at ``/releases/``.
    """

    version = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    incident_count = models.PositiveIntegerField()
    first_date = models.DateField(null=True, blank=True)
    last_date = models.DateField(null=True, blank=True)
    # {file name: SHA-256 hex digest}
    checksums = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__regex=r"^[0-9A-Za-z][0-9A-Za-z._-]*$"), name="release_version_safe"
            ),
        ]

    def __str__(self) -> str:
        return f"release {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("incidents:releases") + f"#release-{self.version}"

    @property
    def files(self) -> list[str]:
        return sorted(self.checksums)
