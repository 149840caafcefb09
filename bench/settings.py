"""Settings for the benchmarks: production's, with DEBUG off, and plain static files.

Like ``tests/settings.py``, the environment is filled in before the real
settings load; unlike it, nothing is made cheaper: the password hasher, the
middleware, the templates and the database options are production's. Only
DEBUG is forced off (with DEBUG on, Django keeps every query in memory and the
timings mean nothing), and static files are served from the finders, so that
no ``collectstatic`` manifest is needed. DATABASE_URL picks the database.
"""

import os
import warnings

os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
# Served over plain http on 127.0.0.1: no TLS redirect, cookies without Secure.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")

from factcheck.settings import *  # noqa: F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Nothing is collected into STATIC_ROOT here: the finders serve the files.
warnings.filterwarnings("ignore", message="No directory at: ")

# Requests are logged by the load generator; the app logs only what goes wrong.
LOGGING["root"]["level"] = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")  # noqa: F405
