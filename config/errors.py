"""Error responses for paths no view claims, and the API's shape of Django's own 400s."""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

from config.request_guard import body_too_large, is_api


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown /api/ paths answer JSON like the rest of the API, not Django's HTML page."""
    return JsonResponse({"detail": f"No API endpoint at {request.path}."}, status=404)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler400``: what Django answers to a suspicious or oversized request; JSON under /api/.

    A body sent without a length (chunked) is only found too large while it is read: that is a
    413 naming the limit too, like the one ``RequestGuardMiddleware`` answers up front.
    """
    if is_api(request):
        if isinstance(exception, RequestDataTooBig):
            return body_too_large()
        return JsonResponse({"detail": "Bad request.", "code": "bad_request"}, status=400)
    return defaults.bad_request(request, exception)
