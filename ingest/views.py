"""Editors' pages: submit an article, follow its parse, review draft incidents."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from incidents.highlight import highlight_segments
from incidents.history import incident_history
from incidents.models import Incident, is_editor
from ingest import submission
from ingest.forms import ArticleForm, IncidentReviewForm
from ingest.models import Article
from ingest.selectors import uncertain_fields
from ingest.status import article_links

View = Callable[..., HttpResponse]


def editor_required(view: View) -> View:
    """Anonymous visitors go to the login page; logged-in non-editors get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("Only editors can do this.")
        return view(request, *args, **kwargs)

    return wrapper


@editor_required
def article_submit(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = submission.article_submit(submitted_by=request.user, **form.cleaned_data)
        if result.created:
            messages.success(request, "Article queued for parsing.")
        else:
            messages.info(request, "This article was already submitted; here it is.")
        return redirect(result.article)
    return render(request, "ingest/article_form.html", {"form": form}, status=400 if form.errors else 200)


@editor_required
def article_list(request: HttpRequest) -> HttpResponse:
    articles = (
        Article.objects.filter(submitted_by_id=request.user.pk)
        .annotate(n_incidents=Count("incident_sources"))
        .order_by("-submitted_at", "-id")[:200]
    )
    return render(request, "ingest/article_list.html", {"articles": articles})


@editor_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    return render(
        request,
        "ingest/article_detail.html",
        {"article": article, "links": article_links(article)},
    )


# --- Review -------------------------------------------------------------------


@editor_required
def review_queue(request: HttpRequest) -> HttpResponse:
    drafts = (
        Incident.objects.drafts()
        .select_related("base", "perpetrator")
        .annotate(n_sources=Count("sources"), first_reported=Min("sources__created_at"))
        .order_by("created_at", "id")
    )
    return render(request, "ingest/review_queue.html", {"incidents": drafts})


@editor_required
def review_incident(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident.objects.select_related("base", "perpetrator"), pk=pk)
    form = IncidentReviewForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Incident saved.")
        return redirect("ingest:review-incident", pk=incident.pk)
    uncertain = uncertain_fields(incident)
    sources = [
        {"source": s, "segments": highlight_segments(s.article.text, s.evidence)}
        for s in incident.sources.select_related("article").order_by("role", "article__published")
    ]
    return render(
        request,
        "ingest/review_incident.html",
        {
            "incident": incident,
            "form": form,
            "sources": sources,
            "history": incident_history(incident),
            "uncertain": uncertain,
            "rows": [(field, uncertain.get(field.name)) for field in form],
        },
        status=400 if form.errors else 200,
    )


@require_POST
@editor_required
def review_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """Publish or reject a draft (``decision`` comes from the URL, never from the request)."""
    incident = get_object_or_404(Incident, pk=pk)
    if decision == "publish":
        incident.publish(by=request.user)
        messages.success(request, f"Published: {incident}.")
    else:
        incident.reject(by=request.user)
        messages.success(request, f"Rejected: {incident}.")
    return redirect("ingest:review-queue")
