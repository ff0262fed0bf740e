"""POST /api/v1/articles/ (submit) and GET /api/v1/articles/<id>/ (status), for editors."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.api.schema import ID_PARAMETER, WRITE_ERROR_RESPONSES
from incidents.api.serializers import IncidentDetailSerializer, MergeRequestSerializer
from incidents.api.views import CONFLICT_RESPONSE, conflict_response, valid_id
from incidents.models import Incident, StaleVersion
from incidents.querysets import is_editor
from ingest.api.serializers import (
    ArticleAcceptedSerializer,
    ArticleStatusSerializer,
    ArticleSubmitSerializer,
)
from ingest.merge import incident_merge_into
from ingest.models import Article
from ingest.submission import article_submit


class IsEditor(permissions.BasePermission):
    message = "Only editors can submit or follow articles."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return is_editor(request.user)


class _EditorAPIView(APIView):
    # Token first: an anonymous client gets 401 with a WWW-Authenticate header, not 403.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated, IsEditor]


class ArticleSubmitView(_EditorAPIView):
    @extend_schema(
        request=ArticleSubmitSerializer,
        responses={202: ArticleAcceptedSerializer, 200: ArticleAcceptedSerializer, **WRITE_ERROR_RESPONSES},
    )
    def post(self, request: Request) -> Response:
        """Queue an article for parsing: 202 with its status URL, or 200 with ``duplicate: true``."""
        serializer = ArticleSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = article_submit(submitted_by=request.user, **serializer.validated_data)
        url = request.build_absolute_uri(result.article.get_status_url())
        body = {"id": result.article.pk, "status": result.article.status, "status_url": url}
        if not result.created:
            return Response({**body, "duplicate": True}, status=status.HTTP_200_OK, headers={"Location": url})
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": url})


class ArticleDetailView(_EditorAPIView):
    @extend_schema(responses={200: ArticleStatusSerializer, **WRITE_ERROR_RESPONSES})
    def get(self, request: Request, pk: int) -> Response:
        article = get_object_or_404(Article, pk=pk)
        return Response(ArticleStatusSerializer(article, context={"request": request}).data)


class IncidentMergeView(_EditorAPIView):
    @extend_schema(
        operation_id="incidents_merge",
        summary="Merge an incident into another that reports the same attack (editors)",
        description=(
            '`{"into": survivor_id, "version"?: n, "into_version"?: m}`. The incident\'s sources move to '
            "the survivor, counts are reconciled over all of them (best = highest figure, low = lowest, "
            "high = highest), facts fill the survivor's gaps (fields an editor set are kept), and this "
            "incident is deleted, leaving a `merged` tombstone (`/api/v1/changes/`) pointing at the "
            "survivor; its page redirects there. Answers the survivor. 409 when either incident changed "
            "since the version you sent; 400 when `into` is missing, the same incident, or does not exist."
        ),
        request=MergeRequestSerializer,
        parameters=[ID_PARAMETER],
        responses={200: IncidentDetailSerializer, 409: CONFLICT_RESPONSE, **WRITE_ERROR_RESPONSES},
    )
    def post(self, request: Request, id: str) -> Response:
        incident = get_object_or_404(Incident, pk=valid_id(id))
        body = MergeRequestSerializer(data=request.data, context={"incident_id": incident.pk})
        body.is_valid(raise_exception=True)
        into = body.validated_data["into"]
        try:
            survivor = incident_merge_into(
                absorbed_id=incident.pk,
                survivor_id=into,
                by=request.user,
                absorbed_version=body.validated_data.get("version"),
                survivor_version=body.validated_data.get("into_version"),
            )
        except StaleVersion as stale:
            return conflict_response(stale.incident_id, stale.seen)
        except Incident.DoesNotExist:
            return Response(
                {"detail": "One of the two incidents was merged or deleted meanwhile; nothing was merged."},
                status=status.HTTP_409_CONFLICT,
            )
        survivor = Incident.objects.for_api().get(pk=survivor.pk)
        return Response(IncidentDetailSerializer(survivor, context={"request": request}).data)
