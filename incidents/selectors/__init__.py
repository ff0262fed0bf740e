"""Database-side reads over an already filtered ``Incident`` queryset, one module per read.

``points`` (the map), ``timeline``, ``export`` (GeoJSON and CSV), ``sync`` (the changes feed
and conditional-request fingerprints) and ``pages`` (the figures the server-rendered pages show).
Shared by the API and the pages. Where PostgreSQL can build the answer itself (GeoJSON, map
points, weapon splits) it does; SQLite, the dev database, gets an equivalent path.
"""
