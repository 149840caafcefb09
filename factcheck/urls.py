from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from claims.views import accounts, system

handler400 = system.bad_request
handler403 = system.permission_denied

urlpatterns = [
    path("healthz", system.health, name="health"),
    # The login page offers the language switch too, before anyone is logged in.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/password_reset/", accounts.password_reset, name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("claims.api.urls")),
    path("", include("claims.urls")),
]
