"""Settings for the test suite: the real settings, plus what only tests need.

The environment is filled in before the real settings load, so that a bare
``pytest`` works without anything exported; DATABASE_URL still picks the
database (the Makefile runs the suite on SQLite, then on PostgreSQL).
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")

from factcheck.settings import *  # noqa: F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Each test process keeps its own cache: tests on SQLite and on PostgreSQL run at once.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Hashing passwords slowly is the point in production and a waste in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Evidence files of this run in a folder of their own, not beside the real database.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="factcheck-test-media-"))

# No collectstatic in tests: serve from the finders, without a manifest.
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's default in-memory test database: the live server of the
    # browser tests then gives each of its threads its own connection, instead of
    # sharing one that two overlapping htmx requests would use at once.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"factcheck-test-{os.getpid()}.sqlite3")
    }
