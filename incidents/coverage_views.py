"""The coverage page: how complete the record is, period by period (incidents.coverage)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from incidents.coverage import published_coverage


def coverage(request: HttpRequest) -> HttpResponse:
    rows = published_coverage()
    context = {
        "rows": rows,
        "total": sum(r.incidents for r in rows),
        "claimed": sum(r.claimed for r in rows),
    }
    return render(request, "incidents/coverage.html", context)
