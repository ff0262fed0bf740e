"""Editors' pages: submit an article, follow its parse, review draft incidents."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from incidents.duplicates import duplicate_candidates
from incidents.editing import (
    DECISIONS,
    VERDICTS,
    IncidentConflict,
    incident_at_version,
    incident_conflict,
    incident_edit,
)
from incidents.highlight import highlight_segments
from incidents.history import incident_history
from incidents.models import CODED_FIELDS, Incident, StaleVersion, pin_name
from incidents.querysets import is_editor, merged_survivor
from ingest import merge, submission
from ingest.forms import ArticleForm, IncidentReviewForm
from ingest.models import Article
from ingest.pinned import pinned_disagreements
from ingest.readings import article_readings, readings_summary
from ingest.selectors import uncertain_fields
from ingest.status import article_links, submitted_message

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
            result.article.refresh_from_db(fields=["status", "error", "outcome"])
            messages.add_message(request, *submitted_message(result.article))
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
    readings = article_readings(article)
    return render(
        request,
        "ingest/article_detail.html",
        {
            "article": article,
            "links": article_links(article),
            "readings": readings,
            "readings_summary": readings_summary(readings),
        },
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


def _seen_version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isascii() and raw.isdigit() else None


@editor_required
def review_incident(request: HttpRequest, pk: int) -> HttpResponse:
    """The review screen: one form whose buttons save, save and publish, or reject (edits saved with it).

    A form built on an older version than the row's is refused with the conflict page (409): what
    the others changed, what this editor changed, and the form again on the current version with
    the editor's changes filled in, to re-apply them with one click.
    """
    incident = Incident.objects.select_related("base", "perpetrator").filter(pk=pk).first()
    if incident is None:
        survivor = merged_survivor(pk)
        if survivor is None:
            raise Http404("No such incident.")
        if request.method == "POST":
            messages.error(
                request,
                f"Incident {pk} was merged into this one while you were editing it: your changes were not "
                "saved. Check this incident and apply them here.",
            )
        return redirect("ingest:review-incident", pk=survivor.pk)  # merged: review the survivor
    if request.method != "POST":
        return _review_page(request, incident, IncidentReviewForm(instance=incident))
    decision = request.POST.get("action", "save")
    if decision not in DECISIONS:
        decision = "save"
    seen = _seen_version(request)
    if seen is None:
        seen = incident.version  # a form without a version (an old tab): checked as of now, fields still compared
    if seen != incident.version:
        return _conflict(request, incident, seen, decision)
    form = IncidentReviewForm(request.POST, instance=incident)
    if not form.is_valid():
        return _review_page(request, incident, form, status=400)
    try:
        incident_edit(
            incident=incident, changed=form.coded_changes, by=request.user, seen_version=seen, decision=decision
        )
    except StaleVersion:
        return _conflict(request, Incident.objects.get(pk=pk), seen, decision)
    if decision == "save":
        messages.success(request, "Incident saved.")
        return redirect("ingest:review-incident", pk=incident.pk)
    messages.success(request, f"{'Published' if decision == 'publish' else 'Rejected'}: {incident}.")
    return redirect("ingest:review-queue")


def _conflict(
    request: HttpRequest, incident: Incident, seen: int, decision: str, *, with_edits: bool = True
) -> HttpResponse:
    """The conflict page (409); ``with_edits`` False for a bare Publish/Reject, which carried no field."""
    mine: dict[str, Any] = {}
    resolved: dict[str, Any] = {}
    if with_edits:
        mine_form = IncidentReviewForm(request.POST, instance=incident_at_version(incident, seen))
        mine = {name: mine_form[name].data for name in mine_form.changed_data if name in CODED_FIELDS}
        if mine_form.is_valid():
            resolved = {name: _stored(name, mine_form.cleaned_data.get(name)) for name in mine}
    conflict = incident_conflict(
        incident=incident, seen_version=seen, mine={name: resolved.get(name, mine[name]) for name in mine}
    )
    reapply = IncidentReviewForm(instance=incident, initial={**mine, "version": incident.version})
    return _review_page(request, incident, reapply, status=409, conflict=conflict, decision=decision)


def _stored(name: str, value: Any) -> Any:
    """A cleaned form value as the model stores it (objects as ids)."""
    return getattr(value, "pk", value)


def _review_page(
    request: HttpRequest,
    incident: Incident,
    form: IncidentReviewForm,
    *,
    status: int = 200,
    conflict: IncidentConflict | None = None,
    decision: str = "save",
) -> HttpResponse:
    uncertain = uncertain_fields(incident)
    sources = [
        {"source": s, "segments": highlight_segments(s.article.text, s.evidence)}
        for s in incident.sources.select_related("article").order_by("role", "article__published")
    ]
    pinned = incident.editor_fields or {}
    return render(
        request,
        "ingest/review_incident.html",
        {
            "incident": incident,
            "form": form,
            "sources": sources,
            "history": incident_history(incident, for_editor=True),
            "uncertain": uncertain,
            "rows": [
                (field, uncertain.get(field.name), pin_name(field.name) in pinned) for field in form.visible_fields()
            ],
            "disagreements": pinned_disagreements(incident),
            "duplicates": duplicate_candidates(incident),
            "conflict": conflict,
            "decision": decision,
        },
        status=status,
    )


@require_POST
@editor_required
def review_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """Publish or reject without edits (``decision`` comes from the URL), checked against ``version`` when sent."""
    incident = get_object_or_404(Incident, pk=pk)
    seen = _seen_version(request)
    try:
        incident.decide(VERDICTS[decision], by=request.user, seen_version=seen)
    except StaleVersion:
        seen = seen if seen is not None else incident.version
        return _conflict(request, Incident.objects.get(pk=pk), seen, decision, with_edits=False)
    messages.success(request, f"{'Published' if decision == 'publish' else 'Rejected'}: {incident}.")
    return redirect("ingest:review-queue")


@require_POST
@editor_required
def review_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge this incident into the chosen duplicate (``into``); both checked against the versions shown."""
    incident = get_object_or_404(Incident, pk=pk)
    into = request.POST.get("into", "")
    survivor = Incident.objects.filter(pk=int(into)).first() if into.isascii() and into.isdigit() else None
    if survivor is None or survivor.pk == incident.pk:
        messages.error(request, "Choose another incident to merge into.")
        return redirect("ingest:review-incident", pk=incident.pk)
    into_version = request.POST.get("into_version", "")
    try:
        merged = merge.incident_merge_into(
            absorbed_id=incident.pk,
            survivor_id=survivor.pk,
            by=request.user,
            absorbed_version=_seen_version(request),
            survivor_version=int(into_version) if into_version.isdigit() else None,
        )
    except StaleVersion:
        messages.error(
            request, "One of the two incidents changed since this page was loaded; check them again, then merge."
        )
        return redirect("ingest:review-incident", pk=incident.pk)
    except Incident.DoesNotExist:
        messages.error(request, "One of the two incidents was merged or deleted meanwhile; nothing was merged.")
        return redirect("ingest:review-incident", pk=incident.pk)
    messages.success(request, f"Incident {pk} merged into incident {merged.pk}.")
    return redirect("ingest:review-incident", pk=merged.pk)
