"""Basewatch settings, read from the environment only (see .env.example)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# How many reverse proxies of ours append to X-Forwarded-For in front of the app. 0: the header is
# ignored and the socket address is the client (config/proxies.py); throttling and lock-out use it.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0, minimum=0)

INSTALLED_APPS = [
    "config.admin.BasewatchAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "leaflet",
    "simple_history",
    "axes",
    "incidents",
    "ingest",
]

MIDDLEWARE = [
    # First: every later consumer (throttling, axes, logs) reads the resolved client address.
    "config.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    # NUL bytes in the path or query, oversized API bodies: refused before any view or parser.
    "config.request_guard.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost: a view that hits a database outage answers a clean 503 (config/outage.py).
    "config.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "incidents.context_processors.roles",
            ],
        },
    },
]

_database_url = env_url(
    "DATABASE_URL",
    f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    schemes={"sqlite", "postgres", "postgresql", "pgsql"},
)
DATABASES = {
    "default": dj_database_url.parse(
        _database_url or "",
        conn_max_age=env_int("CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with a health check that polls the socket before it runs SELECT 1 (config/postgresql).
    DATABASES["default"]["ENGINE"] = "config.postgresql"
    # JIT compilation costs hundreds of milliseconds on the map and timeline aggregates, which run in
    # tens without it (the weapon-split timeline over 100,000 incidents: 330 ms -> 60 ms). DateStyle
    # ISO whatever the server's default: the map points write dates as their text (YYYY-MM-DD).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c DateStyle=ISO,MDY"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A dev database under concurrent requests and the in-process task runner.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The incidents' covering index (incidents.Incident.Meta) serves PostgreSQL; SQLite, which has no
    # INCLUDE, builds its key columns and would warn at every migrate.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
# One user name from one address: a guessing client cannot lock out everyone behind its proxy or NAT,
# nor a user everywhere. The address is the one config/proxies.py resolved (never a raw header).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "config.proxies.client_ip"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Article text is capped well below this; the margin covers form overhead.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440, minimum=1024)
ARTICLE_MAX_CHARS = env_int("ARTICLE_MAX_CHARS", 200_000, minimum=1000)

# --- Data releases (manage.py release; listed and served at /releases/) ------
RELEASES_DIR = Path(env_str("RELEASES_DIR") or BASE_DIR / "media" / "releases")
RELEASE_AUTHOR = env_str("RELEASE_AUTHOR", "Basewatch") or "Basewatch"
# CITATION.cff's repository-code and url; left out of the file when unset.
RELEASE_REPOSITORY_URL = env_url("RELEASE_REPOSITORY_URL", None, schemes={"http", "https"}) or ""
RELEASE_SITE_URL = env_url("RELEASE_SITE_URL", None, schemes={"http", "https"}) or ""

# --- Celery ---------------------------------------------------------------
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", None, schemes={"redis", "rediss", "amqp", "memory"})
# No broker configured: tasks run in-process, so a laptop needs no services.
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = False
# Results are only kept where a caller waits for one (the health ping); the broker stores them.
CELERY_RESULT_BACKEND = env_url(
    "CELERY_RESULT_BACKEND",
    CELERY_BROKER_URL if CELERY_BROKER_URL and CELERY_BROKER_URL.startswith("redis") else None,
    schemes={"redis", "rediss"},
)
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "celery")
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_SOFT_TIME_LIMIT = max(1, CELERY_TASK_TIME_LIMIT - 15)
# Above the hard time limit, so a late-acked task is never redelivered while it runs. The socket
# timeouts bound how long a worker or beat waits on a broker that accepts connections and never answers.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT * 3,
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# A web thread (submission, the admin's "parse again", /healthz) waits this long at most for the broker
# to accept a connection and again for it to answer, tries once, and one thread per process at a time;
# the sweep enqueues what it could not (config/broker.py).
BROKER_WEB_TIMEOUT_MS = env_int("BROKER_WEB_TIMEOUT_MS", 400, minimum=50)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
# The sweep re-enqueues articles left queued or processing past this many seconds.
INGEST_SWEEP_INTERVAL = env_int("INGEST_SWEEP_INTERVAL", 60, minimum=1)
INGEST_STUCK_AFTER = env_int("INGEST_STUCK_AFTER", 300, minimum=1)
# Without a broker the parse runs in the web process: "background" (default) in one thread of that process
# after the submission has answered, the article page following its status; "inline" during the request,
# before the answer (the test suite's mode). Ignored when a broker is configured (a worker parses).
INGEST_IN_PROCESS_MODE = env_choice("INGEST_IN_PROCESS_MODE", "background", choices={"background", "inline"})
# Test seam only: the worker sleeps this long after claiming an article, so a test can kill it mid-task.
INGEST_TEST_DELAY_SECONDS = env_int("INGEST_TEST_DELAY_SECONDS", 0, minimum=0)
# Transient-error retries of the parse task (exponential backoff with jitter, capped).
INGEST_MAX_RETRIES = env_int("INGEST_MAX_RETRIES", 5, minimum=0)
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-articles": {
        "task": "ingest.tasks.sweep_stuck_articles",
        "schedule": INGEST_SWEEP_INTERVAL,
    },
}

# --- Cache ----------------------------------------------------------------
# Rendered API answers (incidents/api/caching.py). Unset: each process keeps its own in memory.
# Redis shares them between workers; a Redis outage only costs rebuilds (never an error).
CACHE_URL = env_url("CACHE_URL", None, schemes={"redis", "rediss"})
# How long (ms) a web process may reuse its reading of the data version behind the API's cache keys and
# ETags (incidents/api/caching.py): 0 reads it on every request; 1000 lets answers lag a write by up to 1 s.
DATA_VERSION_MAX_AGE_MS = env_int("DATA_VERSION_MAX_AGE_MS", 0, minimum=0)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "basewatch"},
    # API rate-limit counters (incidents/api/throttling.py): shared by every worker through Redis when
    # CACHE_URL is set, so a client gets its rate once, not once per process. Down: requests pass.
    "throttle": {
        "BACKEND": "config.cache.RedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": "basewatch-throttle",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"},
    "responses": {
        "BACKEND": "config.cache.RedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": "basewatch",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    if CACHE_URL
    # Entries are whole answers (up to a few MB): few, to bound each worker's memory.
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "responses",
        "OPTIONS": {"MAX_ENTRIES": 100},
    },
}

# --- Map ------------------------------------------------------------------
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (33.5, 41.5),
    "DEFAULT_ZOOM": 5,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 16,
    "TILES": [("OpenStreetMap", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})],
    "RESET_VIEW": False,
}

# --- REST framework ---------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PARSER_CLASSES": [
        "incidents.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # The address's "anon" and "user" rates (an editor's: the account's "user" rate) in one round trip.
    "DEFAULT_THROTTLE_CLASSES": ["incidents.api.throttling.ClientThrottle"],
    # The client address is resolved once, by config.proxies (TRUSTED_PROXIES); never from the raw header.
    "NUM_PROXIES": 0,
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "120/minute"),
        "user": env_str("API_USER_RATE", "1200/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Basewatch API",
    "DESCRIPTION": (
        "Militia attacks on US and coalition bases: incidents, bases, factions. What each field means and how it "
        "is coded (what counts as an attack, date and location precision, best/low/high counts, claims and "
        "attribution, sources, review): the [codebook](/codebook/). Citable snapshots: [data releases](/releases/); "
        "`as_of` on incident reads answers as the data stood at a past moment."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI assets come from the app (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "IncidentStatusEnum": "incidents.models.Incident.Status",
        "ArticleStatusEnum": "ingest.models.Article.Status",
    },
}

# --- Security (production) -------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Members of this group submit articles and review drafts.
EDITORS_GROUP = "editors"

# Free-text search over incidents (the API's ``q``) also looks in the articles that report them.
# The ingest app owns articles, and the incidents app never imports it: it is wired here.
INCIDENT_SOURCE_SEARCH = ["ingest.selectors.incident_ids_citing"]
