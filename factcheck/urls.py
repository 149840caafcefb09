from django.contrib import admin
from django.urls import include, path

from claims.views import system

handler403 = system.permission_denied

urlpatterns = [
    path("healthz", system.health, name="health"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("claims.urls")),
]
