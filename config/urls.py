from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.errors import api_not_found
from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("incidents.api.urls")),
    path("api/v1/", include("ingest.api.urls")),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path("", include("ingest.urls")),
    path("", include("incidents.urls")),
]

handler400 = "config.errors.bad_request"
