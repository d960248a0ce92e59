"""Settings for linzi_gk, read from environment variables with an embedded default.

Without any variable set the project runs on a local SQLite file with Celery tasks executed
eagerly (no Redis). ``DATABASE_URL`` switches to PostgreSQL, ``REDIS_URL`` to Redis and real
Celery workers.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)


def secret_key() -> str:
    """``DJANGO_SECRET_KEY``, else the key file the two-command path writes (``var/secret_key``,
    kept out of git); without either the project refuses to start (a development key only with
    ``DJANGO_DEBUG=1``)."""
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    key_file = Path(os.environ.get("DJANGO_SECRET_KEY_FILE", BASE_DIR / "var" / "secret_key"))
    if key_file.is_file() and key_file.read_text().strip():
        return key_file.read_text().strip()
    if DEBUG:
        return "insecure-development-key-only-with-DJANGO_DEBUG=1"
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"没有设置密钥：请设置环境变量 DJANGO_SECRET_KEY，或运行 make setup 生成 {key_file}。")


SECRET_KEY = secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "csp",
    "django_celery_beat",
    "core",
    "units",
    "units.logins",
    "submissions",
    "inspections",
    "applications",
    "scoring",
    "reports",
    "annual_reports",
    "workplans",
    "monitoring",
    "bootstrap",
    "bootstrap.schedule",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.friendly_method_not_allowed",
    "core.middleware.database_unavailable",
    "core.middleware.no_store_when_logged_in",
    "core.middleware.data_versions_read_once",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "linzi_gk.urls"
WSGI_APPLICATION = "linzi_gk.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,  # a restarted database server: reconnect instead of failing
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people save at once on the embedded database: write-ahead logging (readers never wait
    # for a writer), write transactions that take the lock when they begin (no deadlock upgrading a
    # read lock) and a wait of up to 20 s for the lock instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests run on a file too (the concurrency tests need real connections from several threads).
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("DJANGO_TEST_DB", str(BASE_DIR / "var" / "test.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login lockout (django-axes): five failures lock the user name from that address for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", [])

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Chinese for what Django, django-axes and django-simple-history leave in English (and the
# Chinese colon after every form label): locale/zh_Hans/LC_MESSAGES/django.po; for the admin's
# scripts (selector boxes, calendar), served by its JavaScript catalog: djangojs.po there.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Static files are served by WhiteNoise straight from the apps' and static/ folders, so the app
# runs with DEBUG off (Chinese error pages) without a collectstatic step; collectstatic still
# works for deployments that prefer a separate web server.
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site root (favicon.ico), served by WhiteNoise like the static files.
WHITENOISE_ROOT = BASE_DIR / "public"
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))

# A month grid of 200+ units posts more than Django's default 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

REDIS_URL = os.environ.get("REDIS_URL", "")
# Background work: Celery over Redis with separate workers, or, without REDIS_URL (the embedded
# default), run in a thread of the process that asks for it (core.tasks). Results are recorded in
# core.Job. A file ready within JOB_WAIT_SECONDS downloads straight away; a longer one shows its
# progress on the job's page and downloads by itself when done.
JOB_WAIT_SECONDS = float(os.environ.get("LINZI_JOB_WAIT_SECONDS", "2"))
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
DJANGO_CELERY_BEAT_TZ_AWARE = True

# One cache shared by every process: Redis, or files on the embedded default (several gunicorn
# workers on one machine still see the same cached tables).
if REDIS_URL:
    # Bounded waits: a Redis that does not answer makes pages compute without it (core.versioning),
    # not hang.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            # Django's default of 300 entries drops a third of them at random whenever it is reached:
            # kept tables and pages of a district (and of the tests) would come and go.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Scores and ranked tables are computed once per change of the data (core.versioning), not per request.
SCORE_CACHE = env_bool("LINZI_SCORE_CACHE", True)
# Rows per page of the ranked tables: the whole district on one page up to this size.
QUARTER_TABLE_PAGE_SIZE = int(os.environ.get("LINZI_QUARTER_TABLE_PAGE_SIZE", "100"))
# Rows per page of the month grid: one page for the district's ~70 units, pages for a large one.
GRID_PAGE_SIZE = int(os.environ.get("LINZI_GRID_PAGE_SIZE", "100"))

# Column freshness (monitoring): how the crawler reads the units' sites. It says who it is, reads one
# page at a time per site with a pause between requests, gives up on a page after the timeout or
# past the size, and follows a column's pager up to MONITORING_MAX_PAGES pages.
MONITORING_USER_AGENT = os.environ.get(
    "LINZI_CRAWL_USER_AGENT", "LinziGK-ColumnMonitor/1.0 (+Linzi district government office; column freshness check)"
)
MONITORING_DELAY = float(os.environ.get("LINZI_CRAWL_DELAY", "1.0"))
MONITORING_TIMEOUT = float(os.environ.get("LINZI_CRAWL_TIMEOUT", "15"))
MONITORING_MAX_BYTES = int(os.environ.get("LINZI_CRAWL_MAX_BYTES", str(5 * 1024 * 1024)))
MONITORING_MAX_PAGES = int(os.environ.get("LINZI_CRAWL_MAX_PAGES", "10"))

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "zwgk@linzi.gov.cn")
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000")

# Content Security Policy: everything from this site only, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Production (TLS ended at nginx, which sets X-Forwarded-Proto): DJANGO_ENV=production.
PRODUCTION = os.environ.get("DJANGO_ENV", "") == "production"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # the health check of docker and monitoring, over loopback

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
