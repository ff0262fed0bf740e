from typing import Any

from django.http import HttpRequest

from incidents.querysets import is_editor


def roles(request: HttpRequest) -> dict[str, Any]:
    """Whether the current user may submit and review, for navigation and page controls."""
    return {"is_editor": is_editor(getattr(request, "user", None))}
