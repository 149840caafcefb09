"""Settings for Factcheck, read from the environment.

One file for every environment: what differs between a laptop, CI and
production comes from environment variables, and a bad value stops start-up
with a clear message instead of running half-configured.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Only ever used with DEBUG on, on a developer's own machine.
    SECRET_KEY = "django-insecure-development-only-key"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's form widget templates, found by FORM_RENDERER below.
    "django.forms",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, which answers static files itself: their answers pass back
    # through these, so a file carries the pages' CSP and framing rule too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Unpublished investigations live here: every view needs a login unless it
    # opts out explicitly with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "factcheck.middleware.vary_on_htmx",
    # Lets django-simple-history record who made each change made through a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses a login while the username or address is locked out, before the
    # password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Password guessing: after this many failures for one username from one
# address, that pair is locked out for the cool-off time; a success resets it.
AXES_FAILURE_LIMIT = env_int("FACTCHECK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FACTCHECK_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"
ASGI_APPLICATION = "factcheck.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.context_processors.header",
            ],
        },
    },
]

# Form widgets rendered by the project's template engine, so that templates/django/forms
# can replace one of Django's widget templates (the select, for speed).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Several reviewers write at once: WAL lets readers go on while one writes,
# IMMEDIATE takes the write lock when a transaction starts (so it waits in
# the busy timeout instead of failing mid-transaction with "database is
# locked"), and the timeout is how long a writer waits its turn.
# No memory-mapped reads (PRAGMA mmap_size): with a connection opened per request
# in several server processes while others commit, SQLite 3.40 then read pages
# being written ("disk I/O error", SQLITE_IOERR_SHORT_READ, even "database disk
# image is malformed"): two requests in 1,150 failed so in `make loadtest`, and
# tests/test_sqlite_connections.py sees it within seconds.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": env_int("DJANGO_SQLITE_TIMEOUT", 20),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    # Kept like PostgreSQL's (DJANGO_CONN_MAX_AGE): Django gives each thread its own
    # connection, and a gunicorn thread that keeps one keeps SQLite's page cache and skips
    # the connection's set-up and its last-close checkpoint on every request. `make
    # loadtest` (50 people, 60-s runs alternated, 3 pairs): 53.0-53.6 requests/s, p50
    # 120-140 ms, p95 380-420 against 50.5-51.7, 170-180 and 420-450 per request.
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: PostgreSQL compiles any plan it costs above 100,000, which
    # here means the CSV export's query (2.1 s of compiling for 2.9 s of work on
    # 10,000 claims) and never a query long enough to gain from it.
    # Random reads costed as SSDs and a cached database make them (1.1, as PostgreSQL's
    # own guidance for such storage), not as spinning disks (4, the default): a page of
    # the claims list then joins its 50 rows' subjects, properties and disagreements by
    # index instead of hashing every subject and every open disagreement (1.38 ms →
    # 0.27 ms a page at 100,000 claims). Options in DATABASE_URL come after, so win.
    server_options = DATABASES["default"].setdefault("OPTIONS", {})
    server_options["options"] = (
        f"-c jit=off -c random_page_cost=1.1 {server_options.get('options', '')}".strip()
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Suggestions for a long article take a second or two to read and are kept: in files
# beside the database, so that every worker process of the server shares them.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("FACTCHECK_CACHE_DIR") or str(BASE_DIR / "cache"),
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates day first, as in the UK: a fact-checker must not read 05/03/2025
# as 3 May when the article said 5 March (Django's own "en" formats are American).
FORMAT_MODULE_PATH = ["factcheck.formats"]
# The language a reader picks in the header outlives the browser session and a
# logout; no script reads the cookie.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

# Above what a form may take, so that the form says what is too big rather than Django
# answering a bare 400: an article's 200,000 characters (claims.articles), pasted with
# spaces to spare, at up to 4 bytes each, even percent-encoded (12 bytes). Uploaded
# files do not count here; each form limits its own (5 MB for an article).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Every app's static files except Swagger UI's OAuth2 redirect page (claims/staticfiles.py).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "claims.staticfiles.AppDirectoriesFinder",
]
# Evidence files (uploads and copies of pages) go through Django's storage API: a
# folder beside the database by default; an S3-compatible object store when several
# app servers share the work (FACTCHECK_S3_BUCKET, see storage_settings).
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
# MEDIA_URL stays unset: files are served only by claims.views.files, which checks
# who asks first.


def storage_settings(environ: os._Environ | dict[str, str]) -> dict[str, object]:
    """The default storage: ``MEDIA_ROOT``, or an S3-compatible bucket through
    django-storages (``pip install -e '.[s3]'``) when ``FACTCHECK_S3_BUCKET`` is set."""
    bucket = environ.get("FACTCHECK_S3_BUCKET", "").strip()
    if not bucket:
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": MEDIA_ROOT, "file_permissions_mode": 0o600},
        }
    options: dict[str, object] = {
        "bucket_name": bucket,
        # Private objects, never overwritten (names are the content's SHA-256).
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
    }
    for variable, option in (
        ("FACTCHECK_S3_ENDPOINT_URL", "endpoint_url"),
        ("FACTCHECK_S3_REGION", "region_name"),
        ("FACTCHECK_S3_PREFIX", "location"),
        ("FACTCHECK_S3_ACCESS_KEY_ID", "access_key"),
        ("FACTCHECK_S3_SECRET_ACCESS_KEY", "secret_key"),
    ):
        if environ.get(variable, "").strip():
            options[option] = environ[variable].strip()
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": storage_settings(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Every asset is served by the app itself: no CDN, no inline script or style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Behind TLS in production; plain http on a developer's machine.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer's health check speaks plain http to each app server: a
# redirect to https would answer "healthy" without ever reaching the database.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def env_language(name: str, default: str) -> str:
    """One of the interface's languages (``LANGUAGES``), or start-up stops saying which."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    codes = [code for code, _name in LANGUAGES]
    if raw not in codes:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(codes)}; got {raw!r}")
    return raw


# Who publishes the verdicts: the author of every ClaimReview and of the public pages.
FACTCHECK_ORGANISATION = {
    "name": os.environ.get("FACTCHECK_ORGANISATION_NAME", "Factcheck newsroom"),
    # Empty: the public pages' own site stands for the organisation.
    "url": os.environ.get("FACTCHECK_ORGANISATION_URL", "").strip(),
    # Public pages, feeds and ClaimReviews speak it, whatever the reader's browser says:
    # one published document, one rating name.
    "language": env_language("FACTCHECK_ORGANISATION_LANGUAGE", LANGUAGE_CODE),
    # Some newsrooms sign their checks with the approving editor's name, most do not.
    "show_approver": env_bool("FACTCHECK_SHOW_APPROVER_NAME"),
}
# How long a reader's browser or a shared cache may keep a public page before asking
# again (with If-None-Match / If-Modified-Since, answered 304 when nothing changed).
FACTCHECK_PUBLIC_MAX_AGE = env_int("FACTCHECK_PUBLIC_MAX_AGE", 300)
FACTCHECK_PAGE_SIZE = env_int("FACTCHECK_PAGE_SIZE", 50)
# A search's results are counted up to this many; past it the list says "more than".
FACTCHECK_SEARCH_COUNT_BOUND = env_int("FACTCHECK_SEARCH_COUNT_BOUND", 1_000)
# Any other list of claims is counted up to this many: exact for a newsroom's first
# years, and past it "more than 100,000 claims", which costs what counting 100,000
# does, where counting a million takes 10 ms on SQLite and 50 on PostgreSQL.
FACTCHECK_LIST_COUNT_BOUND = env_int("FACTCHECK_LIST_COUNT_BOUND", 100_000)
# Files attached as evidence: at most this many megabytes each.
FACTCHECK_EVIDENCE_MAX_MB = env_int("FACTCHECK_EVIDENCE_MAX_MB", 20)
# "Keep a copy" fetches evidence links from the server; newsrooms that forbid
# outbound calls turn it off.
FACTCHECK_FETCH_EVIDENCE = env_bool("FACTCHECK_FETCH_EVIDENCE", True)
# Networks the fetcher may reach although they are not public: for the test suite's
# own server on the loopback only, never set from the environment.
FACTCHECK_FETCH_ALLOWED_NETWORKS: list[str] = []
# Where the workbench is reached, for absolute links in exports made outside a
# request (the export_verdicts command), e.g. https://factcheck.example.org
FACTCHECK_BASE_URL = os.environ.get("FACTCHECK_BASE_URL", "").rstrip("/")


def email_settings(environ: os._Environ | dict[str, str]) -> dict[str, object]:
    """Django's ``MAILERS`` from the environment: none (nothing is ever sent) unless configured.

    ``DJANGO_EMAIL_URL`` says it in one line (``smtp://user:password@host:587/?tls=True``,
    ``console:`` on a developer's machine; parsed by dj-email-url); otherwise
    ``EMAIL_HOST`` and its usual companions (``EMAIL_PORT``, ``EMAIL_HOST_USER``,
    ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``, ``EMAIL_USE_SSL``, ``EMAIL_TIMEOUT``).
    ``DJANGO_DEFAULT_FROM_EMAIL`` is the sender either way.
    """
    url = environ.get("DJANGO_EMAIL_URL", "").strip()
    if url:
        try:
            parsed = dj_email_url.parse(url)
        except Exception as error:
            raise ImproperlyConfigured(
                "DJANGO_EMAIL_URL is not an email URL such as "
                f"smtp://user:password@mail.example.org:587/?tls=True ({error})"
            ) from None
        if "EMAIL_BACKEND" not in parsed:
            raise ImproperlyConfigured(
                f"DJANGO_EMAIL_URL: unknown scheme in {url.split(':', 1)[0]!r}; use smtp, "
                "submission (587 with TLS), smtps, console or file."
            )
        mail = {name: value for name, value in parsed.items() if value not in (None, "")}
    elif environ.get("EMAIL_HOST", "").strip():
        mail = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": environ["EMAIL_HOST"].strip(),
            "EMAIL_PORT": _int_from(environ, "EMAIL_PORT", 25),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": _bool_from(environ, "EMAIL_USE_TLS"),
            "EMAIL_USE_SSL": _bool_from(environ, "EMAIL_USE_SSL"),
            "EMAIL_TIMEOUT": _int_from(environ, "EMAIL_TIMEOUT", 10),
        }
    else:
        return {"MAILERS": {}, "DEFAULT_FROM_EMAIL": _from_email(environ, {})}
    if mail.get("EMAIL_USE_TLS") and mail.get("EMAIL_USE_SSL"):
        raise ImproperlyConfigured("Email: choose TLS (STARTTLS) or SSL, not both.")
    backend = str(mail["EMAIL_BACKEND"])
    options: dict[str, object] = {}
    if backend.endswith(".smtp.EmailBackend"):
        options = {
            option: mail[name]
            for name, option in _SMTP_OPTIONS.items()
            if mail.get(name) not in (None, "")
        }
        # A mail server that does not answer must not hold a reviewer's request for long.
        options.setdefault("timeout", 10)
    elif backend.endswith(".filebased.EmailBackend") and mail.get("EMAIL_FILE_PATH"):
        options = {"file_path": mail["EMAIL_FILE_PATH"]}
    return {
        "MAILERS": {"default": {"BACKEND": backend, "OPTIONS": options}},
        "DEFAULT_FROM_EMAIL": _from_email(environ, mail),
    }


_SMTP_OPTIONS = {
    "EMAIL_HOST": "host",
    "EMAIL_PORT": "port",
    "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password",
    "EMAIL_USE_TLS": "use_tls",
    "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_TIMEOUT": "timeout",
}


def _from_email(environ: os._Environ | dict[str, str], mail: dict[str, object]) -> str:
    return str(
        environ.get("DJANGO_DEFAULT_FROM_EMAIL")
        or mail.get("DEFAULT_FROM_EMAIL")
        or "factcheck@localhost"
    )


def _int_from(environ: os._Environ | dict[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def _bool_from(environ: os._Environ | dict[str, str], name: str) -> bool:
    raw = environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


# Notifications and password resets by email: off until a mail server is configured
# (Django 6.1's MAILERS; no "default" mailer means nothing is sent).
_EMAIL = email_settings(os.environ)
MAILERS = _EMAIL["MAILERS"]
DEFAULT_FROM_EMAIL = _EMAIL["DEFAULT_FROM_EMAIL"]
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Without a mail server the workbench sends nothing on purpose (and says so):
# Django's warning that no default mailer exists is what was meant.
SILENCED_SYSTEM_CHECKS = [] if MAILERS else ["mail.W001"]

# The JSON API under /api/: tokens for scripts, the browser session (with its
# CSRF check) for people; who may do what is decided by claims.workflow.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a request without credentials gets 401 and a
        # WWW-Authenticate header rather than 403.
        "claims.api.authentication.LockoutAwareTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["claims.api.permissions.IsReviewer"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["claims.api.filtering.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.Pagination",
    "PAGE_SIZE": FACTCHECK_PAGE_SIZE,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "claims.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Factcheck API",
    "DESCRIPTION": "Claims, evidence, verdicts and sources of the fact-checking workbench.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["claims.api.permissions.IsReviewer"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.choices.ClaimStatus",
        "VerdictStatusEnum": "claims.models.VerdictStatus",
        "DatePrecisionEnum": "claims.choices.DatePrecision",
        "SourceKindEnum": "claims.models.SourceKind",
        "ValueKindEnum": "claims.choices.ValueKind",
    },
    # Swagger UI's files come from drf-spectacular-sidecar, served by the app: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # The enums first (as by default), then the error answers every operation can give.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.declare_errors",
        "claims.api.schema.tighten_inputs",
        "claims.api.schema.declare_links",
    ],
    # PATCH /api/evidence/{id}/ needs `version`: the schema must say so, not make
    # every field optional.
    "COMPONENT_SPLIT_PATCH": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        # One JSON object per line, so a log shipper can index who did what.
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["asctime", "levelname", "name", "message"],
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "factcheck.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
        "django.security": {"handlers": ["security"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["security"], "level": "WARNING", "propagate": False},
    },
}
