"""Settings for TalentBridge, read from environment variables.

With no variables set the portal runs in its embedded mode: SQLite, Celery tasks executed
in-process, e-mail printed to the console. Production sets DATABASE_URL, REDIS_URL,
SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and EMAIL_URL (see README.md).
"""

import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# --- Core -----------------------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "embedded-mode-only-not-secret"  # noqa: S105 - never used with DEBUG off
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# The host of SITE_URL is always allowed, so `make run HOST=0.0.0.0 SITE_URL=http://<laptop
# address>:8000` serves phones on a venue network with no other setting.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
if urlsplit(SITE_URL).hostname and urlsplit(SITE_URL).hostname not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(urlsplit(SITE_URL).hostname)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "csp",
    "talentbridge",
    "mentors",
    "projects",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "talentbridge.middleware.PreferredLanguageMiddleware",
    "talentbridge.audit_context.AuditContextMiddleware",
    "talentbridge.middleware.QueryStringMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "talentbridge.middleware.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes must come last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "talentbridge.urls"
WSGI_APPLICATION = "talentbridge.wsgi.application"

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
                "talentbridge.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let the threaded dev server write without "locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, Celery and cache ----------------------------------------------------------------


def redis_db_url(url: str, db: int) -> str:
    """Return the Redis URL with its database number replaced by ``db``."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, ""))


REDIS_URL = env("REDIS_URL", default="")
# The embedded mode's in-process broker; naming its host keeps kombu from warning about it.
EMBEDDED_BROKER_URL = "memory://localhost/"
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Tasks record their outcome in the database (notifications, export jobs, recompute runs);
# nothing waits on a task's return value, so none is stored in Redis.
CELERY_TASK_IGNORE_RESULT = True
# Task modules beyond each app's tasks.py, which autodiscovery finds by itself.
CELERY_IMPORTS = ["projects.commissioners.tasks", "mentors.hometown.tasks"]
# A request that queues a task must not hang while Redis is away: one quick retry, then the
# task is kept in the database (talentbridge.recovery) and the request goes on.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# A task taken by a worker that was killed goes back to the queue after this many seconds
# (acks_late); no task runs longer, since long work is split into chunks. A task still
# running past it is handed out again too: harmless, as tasks are idempotent.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600),
    # Look for such tasks every 10 s (kombu's default looks only every tenth time).
    "unacked_restore_throttle": 1,
}
JOB_STALE_MINUTES = env.int("JOB_STALE_MINUTES", default=20)
# A worker that has received nothing for this many seconds while tasks wait in its queues and
# it has free slots exits, so that its supervisor starts it again (talentbridge/watchdog.py;
# 0: never). It outlasts the broker's own reconnection, which takes seconds.
WORKER_WATCHDOG_SECONDS = env.int("WORKER_WATCHDOG_SECONDS", default=120)
# The weakest match score a pairing plan pairs (the engine's "possible" label starts there).
PAIRING_PLAN_MIN_SCORE = env.float("PAIRING_PLAN_MIN_SCORE", default=0.12)
# Whether offices may see the platform's talent map (counts only, small cells as "< 5").
TALENT_MAP_PUBLIC_AGGREGATES = env.bool("TALENT_MAP_PUBLIC_AGGREGATES", default=False)
# The platform's talent map reads counts rebuilt every TALENT_MAP_REFRESH_MINUTES (False: live).
TALENT_MAP_ROLLUP = env.bool("TALENT_MAP_ROLLUP", default=True)
TALENT_MAP_REFRESH_MINUTES = env.int("TALENT_MAP_REFRESH_MINUTES", default=10)
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_BEAT_SCHEDULE: dict = {
    # Idempotent (keyed per posting and deadline), so running it several times a day is safe.
    "projects.remind_deadlines": {
        "task": "projects.remind_deadlines",
        "schedule": timedelta(hours=6),
    },
    # Yearly follow-ups on landings; idempotent (keyed per landing and year).
    "projects.remind_followups": {
        "task": "projects.remind_followups",
        "schedule": timedelta(hours=24),
    },
    # Full recompute of the match suggestions, in chunks the workers share; idempotent.
    "projects.full_recompute": {
        "task": "projects.full_recompute",
        "schedule": timedelta(hours=24),
    },
    # Tasks kept while the broker was down are sent as soon as it answers again.
    "talentbridge.sweep_outbox": {
        "task": "talentbridge.sweep_outbox",
        "schedule": timedelta(minutes=1),
    },
    # A job whose worker died is marked failed instead of "running" forever.
    # The talent map's platform counts: rebuilt whole, so figures are at most this old.
    "events.refresh_talent_counts": {
        "task": "events.refresh_talent_counts",
        "schedule": timedelta(minutes=TALENT_MAP_REFRESH_MINUTES),
    },
    "talentbridge.fail_stale_jobs": {
        "task": "talentbridge.fail_stale_jobs",
        "schedule": timedelta(minutes=5),
    },
    # Whistle requests past a deadline go to their office's managers, once per deadline.
    "projects.commissioners.escalate_whistles": {
        "task": "projects.commissioners.escalate_whistles",
        "schedule": timedelta(minutes=10),
    },
    # Liaisons hear of the roster contacts that are due, once per contact and due date.
    "mentors.hometown.remind_contacts": {
        "task": "mentors.hometown.remind_contacts",
        "schedule": timedelta(hours=12),
    },
    # Export files are deleted once their download link has expired.
    "events.purge_exports": {"task": "events.purge_exports", "schedule": timedelta(hours=1)},
}
if REDIS_URL:
    CELERY_BROKER_URL = redis_db_url(REDIS_URL, 0)
    CELERY_RESULT_BACKEND = redis_db_url(REDIS_URL, 1)
    CELERY_TASK_ALWAYS_EAGER = False
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_db_url(REDIS_URL, 2),
            # A Redis that hangs costs a page at most a second or two: talentbridge.cache
            # then serves it from the database.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    # Embedded mode: tasks run in-process, at once, in the caller's thread.
    CELERY_BROKER_URL = EMBEDDED_BROKER_URL
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Live push ------------------------------------------------------------------------------
# Pushpin's publish endpoints (every node's); empty: Django serves the live streams itself.
PUSHPIN_PUBLISH_URLS = env.list("PUSHPIN_PUBLISH_URLS", default=[])
# Without Pushpin, how long Django holds one stream before the browser reconnects.
LIVE_STREAM_SECONDS = env.int("LIVE_STREAM_SECONDS", default=25)

# --- Authentication -------------------------------------------------------------------------

AUTH_USER_MODEL = "talentbridge.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): a username+address pair is locked after repeated failures.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The log-in form posts the e-mail address as "username" (Django's AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind a proxy every client arrives from the proxy's address; the client's own address is
# read from X-Forwarded-For only when the connection comes from one of these networks.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network(net, strict=False) for net in TRUSTED_PROXIES]
AXES_CLIENT_IP_CALLABLE = "talentbridge.addresses.client_address"
# How long an invitation link (to an office, to claim a profile) works.
INVITATION_DAYS = env.int("INVITATION_DAYS", default=14)
# Password-reset e-mails per address and per account in a rolling hour.
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=3)

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "tb_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Every uploaded or generated file is private: no URL serves MEDIA_ROOT, in any mode; files
# leave through views that check permission (see talentbridge/storage.py).
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "private")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail ---------------------------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="TalentBridge <noreply@talentbridge.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security (production values apply whenever DEBUG is off) --------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"
# The pages carry no inline script or style, so the policy can be strict in every mode.
# ECharts draws SVG in the page (img-src data: for its patterns); QR codes are inline SVG.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Powerful browser features are off everywhere; the camera is allowed only on the views named
# here (the check-in desk scans QR codes with it).
CAMERA_VIEWS = {"events:checkin"}

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Axes logs every login at INFO; failures and lockouts are WARNING.
        "axes": {"level": "WARNING"},
        # 4xx answers are expected (a wrong link, a page one may not see) and the server's
        # access log lists them already; only server errors are worth a traceback here.
        "django.request": {"level": "ERROR"},
        "django.security.csrf": {"level": "ERROR"},
    },
}
if CELERY_TASK_ALWAYS_EAGER:
    # In-process tasks would log a line each in the console of `make run`.
    LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}

CSRF_FAILURE_VIEW = "talentbridge.views.csrf_failure"
