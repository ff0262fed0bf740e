"""Error responses for paths no view claims."""

from django.http import HttpRequest, JsonResponse


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown /api/ paths answer JSON like the rest of the API, not Django's HTML page."""
    return JsonResponse({"detail": f"No API endpoint at {request.path}."}, status=404)
