"""The names of an incident's coded facts, shared by the models, their querysets and the API (no Django here)."""

COUNT_FIELDS = ("launched", "intercepted", "killed", "injured")
# Each count as stored: best, low and high columns.
COUNT_COLUMNS = tuple(f"{f}{s}" for f in COUNT_FIELDS for s in ("", "_low", "_high"))
# The facts an analyst codes for an incident, and an editor reviews, in display order.
CODED_FIELDS = (
    "date",
    "date_precision",
    "time_of_day",
    "base",
    "place",
    "latitude",
    "longitude",
    "location_precision",
    "country",
    "weapons",
    *COUNT_COLUMNS,
    "perpetrator",
    "claimed",
    "claimed_by",
    "summary",
)
# What the map points and the timeline read of an incident besides its status, date and id, and what
# their filters test without the free text search: kept in the covering index incident_status_date_cover.
POINTS_INDEX_COLUMNS = (
    "latitude",
    "longitude",
    "date_precision",
    "weapons",
    *COUNT_FIELDS,
    "base",
    "perpetrator",
    "claimed",
    "place",
    "country",
)
