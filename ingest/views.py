from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ingest.models import Article


@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    sources = article.incident_sources.select_related("incident", "incident__base")
    return render(request, "ingest/article_detail.html", {"article": article, "sources": sources})
