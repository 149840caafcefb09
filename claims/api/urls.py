"""/api/: the endpoints, the OpenAPI schema and its Swagger UI page."""

from __future__ import annotations

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from claims.api import views

app_name = "api"

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("evidence", views.EvidenceViewSet, basename="evidence")
router.register("verdicts", views.VerdictViewSet, basename="verdict")
router.register("sources", views.SourceViewSet, basename="source")
router.register("files", views.FileViewSet, basename="file")

# DRF views opt out of LoginRequiredMiddleware and answer 401/403 in JSON. The
# docs page is for a person in a browser, so it goes back behind the login page.
docs = SpectacularSwaggerSplitView.as_view(url_name="api:schema")
docs.login_required = True

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from drf-spectacular-sidecar's static files; its start-up script
    # is a separate request (?script), so the page runs under our script-src 'self'.
    path("docs/", docs, name="docs"),
    *router.urls,
    # Last: any other address under /api/ (an id that is not a number, a typo) is
    # the API's JSON 404, after the API's authentication, not the site's HTML page.
    re_path(r"^[\s\S]*$", views.NotFound.as_view(), name="not-found"),
]
