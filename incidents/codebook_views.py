"""The codebook (/codebook/, and /about/ leading there) and the data releases (/releases/), with their files."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from incidents.codebook import codebook_facts
from incidents.models import Release
from incidents.releases import CHECKSUM_FILE, codebook_context, release_file_path


def codebook(request: HttpRequest) -> HttpResponse:
    context = codebook_context(codebook_facts(), now=timezone.now())
    context["releases"] = Release.objects.all()[:3]
    context["releases_url"] = reverse("incidents:releases")
    return render(request, "incidents/codebook.html", context)


def releases(request: HttpRequest) -> HttpResponse:
    return render(
        request, "incidents/releases.html", {"releases": Release.objects.all(), "checksum_file": CHECKSUM_FILE}
    )


def release_file(request: HttpRequest, version: str, name: str) -> FileResponse:
    release = get_object_or_404(Release, version=version)
    path = release_file_path(release, name)
    if path is None:
        raise Http404("No such file in this release.")
    content_type = "text/plain; charset=utf-8" if name in (CHECKSUM_FILE, "CITATION.cff") else None
    response = FileResponse(path.open("rb"), as_attachment=True, filename=name)
    if content_type:
        response["Content-Type"] = content_type
    return response
