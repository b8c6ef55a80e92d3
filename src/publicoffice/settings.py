"""Django settings, read from environment variables with safe defaults.

Local development needs no configuration at all: SQLite under ``./data``,
a generated secret key stored next to it, DEBUG on. Production mode
(``PUBLICOFFICE_ENV=production``) refuses to start without a real
``SECRET_KEY`` and ``ALLOWED_HOSTS`` and turns on every secure default, so
that ``publicoffice check --deploy`` reports nothing.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from publicoffice.core.cache_config import cache_config
from publicoffice.core.languages import EXTRA_LANG_INFO, LANGUAGES, register_extra_languages
from publicoffice.core.logging import log_format, logging_config
from publicoffice.core.security_headers import tile_source

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


PRODUCTION = os.environ.get("PUBLICOFFICE_ENV", "development").lower() == "production"
DATA_DIR = Path(os.environ.get("PUBLICOFFICE_DATA_DIR", Path.cwd() / "data")).resolve()


def _local_secret_key() -> str:
    """Return a secret key kept in the data directory, creating it once.

    Developers and the demo never have to invent a key, yet sessions survive
    restarts. Production never takes this path.
    """
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key.txt"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when PUBLICOFFICE_ENV=production.")
    SECRET_KEY = _local_secret_key()

DEBUG = _env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = _env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when PUBLICOFFICE_ENV=production.")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "publicoffice.core",
    "publicoffice.accounts",
    "publicoffice.places",
    "publicoffice.guidelines",
    "publicoffice.staff",
    "publicoffice.visits",
    "publicoffice.bookings",
    "publicoffice.community",
    "publicoffice.events",
    "publicoffice.dialogue",
    "publicoffice.conduct",
    "publicoffice.reports",
    "publicoffice.commissioning",
    "publicoffice.planning",
    "django_tasks",
    "django_tasks_db",
    "publicoffice.api",
    "publicoffice.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, pre-compressed
    # Compresses what the rest write (HTML, JSON, feeds), so it sits outside them.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "publicoffice.core.security_headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "publicoffice.core.web_errors.DomainErrorMiddleware",
]

ROOT_URLCONF = "publicoffice.urls"
WSGI_APPLICATION = "publicoffice.wsgi.application"

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
                "publicoffice.core.context_processors.site",
            ],
        },
    },
]


def _database_config() -> dict[str, object]:
    default_url = f"sqlite:///{DATA_DIR / 'publicoffice.sqlite3'}"
    url = os.environ.get("DATABASE_URL", default_url)
    if url.startswith("sqlite"):
        DATA_DIR.mkdir(parents=True, exist_ok=True)
    # Keep connections for a minute: opening one costs 7–12 ms on PostgreSQL,
    # more than a whole check-in's queries (bench/visits.py).
    config: dict[str, object] = dict(
        dj_database_url.parse(
            url,
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while one writer writes; IMMEDIATE takes the
        # write lock at BEGIN so check-then-insert transactions serialise.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # A file, not memory, so concurrency tests use real connections; one
        # per process, so two test runs in one checkout never share it.
        config["TEST"] = {"NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # No JIT: it pays off for long reports, not for a page's queries whose
        # estimated cost merely looks high. Compiling "who to meet" took 1.5 s
        # of its 1.8 s with 100,000 profiles (bench/directory.py).
        config["OPTIONS"] = {"options": "-c jit=off"}
    return config


DATABASES = {"default": _database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "places:home"
LOGOUT_REDIRECT_URL = "places:home"

# Internationalisation: Swedish first; every URL carries its language.
LANGUAGE_CODE = "sv"
LANGUAGES = LANGUAGES
EXTRA_LANG_INFO = EXTRA_LANG_INFO
register_extra_languages()
# Our own strings first; then what Django itself lacks for Somali and
# Tigrinya (its form errors, month names, admin), kept apart so that
# makemessages never rewrites it. See docs/translation/README.md.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_django"]
FORMAT_MODULE_PATH = ["publicoffice.formats"]
# The language picker's choice is kept for a year (Django's default is until
# the browser closes), so the QR poster's link opens in it next month too.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "sv"
# Content an operator has not written in a language falls back to English
# (more widely read by newcomers than Swedish), then Swedish, which every
# office must fill in; English falls back to Swedish and Swedish to English.
# Pages mark such text with its real language and a visible note
# (core/content_language.py, docs/translation/README.md).
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "sv"),
    "ar": ("en", "sv"),
    "fa": ("en", "sv"),
    "so": ("en", "sv"),
    "ti": ("en", "sv"),
    "en": ("sv",),
    "sv": ("en",),
}


def _package_static(package: str) -> Path:
    """A third-party package's static folder, found without importing it.

    django-leaflet ships Leaflet's files, but its Django app needs GDAL; we
    only serve the files.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ImproperlyConfigured(f"The package {package!r} is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


STATICFILES_DIRS = [BASE_DIR / "static", _package_static("leaflet")]
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# Photos people send (problem reports): served only through views that check
# who may see them (dialogue.photos), never straight from MEDIA_URL.
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Public Office <noreply@localhost>")

# Maps: tiles come from a configurable server; every map has a list beside it.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

# Content-Security-Policy (django-csp; docs/decisions/0009-content-security-policy.md).
# Scripts and style sheets come from this site only; an inline <script> or
# <style> needs the request's nonce ({{ request.csp_nonce }}). Style
# attributes stay allowed: they cannot run code or read the page, and the
# occupancy meter's width is one. Images: this site, the map tiles, and
# data: (Leaflet's blank tile, the API docs' icons).
_CSP_SELF, _CSP_NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_CSP_SELF],
        "script-src": [_CSP_SELF, NONCE],
        "style-src": [_CSP_SELF, NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [_CSP_SELF, "data:", *filter(None, [tile_source(MAP_TILE_URL)])],
        "object-src": [_CSP_NONE],
        "base-uri": [_CSP_SELF],
        "form-action": [_CSP_SELF],
        "frame-ancestors": [_CSP_NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
# A week, not Django's two: offices have shared computers, and a forgotten
# log-in there should not last long. A member who logs in on their own phone
# at the weekly meeting stays logged in from one week to the next. On a shared
# computer the log-in form's box ends the session with the browser instead.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(60 * 60 * 24 * 7)))
CSRF_COOKIE_HTTPONLY = True
# A stale tab or blocked cookies: a page in the layout that says so (core.error_pages).
CSRF_FAILURE_VIEW = "publicoffice.core.error_pages.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if PRODUCTION:
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs go to standard error: one JSON object per line in production, plain
# lines in development (LOG_FORMAT=json|plain); never a client's address
# (core/logging.py, docs/deploy.md).
LOG_FORMAT = log_format(os.environ.get("LOG_FORMAT"), production=PRODUCTION)
LOGGING = logging_config(fmt=LOG_FORMAT, level=os.environ.get("LOG_LEVEL", "WARNING"))

# Visits: days raw rows are kept before they become hourly figures, the longest
# stay when nobody checks out, check-ins one phone may make at one office a day.
VISITS_RETENTION_DAYS = int(os.environ.get("VISITS_RETENTION_DAYS", "90"))
VISITS_MAX_STAY_HOURS = int(os.environ.get("VISITS_MAX_STAY_HOURS", "8"))
VISITS_DEVICE_DAILY_LIMIT = int(os.environ.get("VISITS_DEVICE_DAILY_LIMIT", "6"))
# Check-ins from one network address per ten minutes: a backstop against scripted
# floods (visitors on an office's Wi-Fi share one address).
VISITS_CHECKINS_PER_ADDRESS = int(os.environ.get("VISITS_CHECKINS_PER_ADDRESS", "300"))

# The site's public address, for links in e-mails and calendar files.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Bookings: how long a freed slot is held for the first on the waitlist, hours
# before the start reminders go out, slots one member may wait for at once.
BOOKINGS_WAITLIST_HOLD_MINUTES = int(os.environ.get("BOOKINGS_WAITLIST_HOLD_MINUTES", "120"))
BOOKINGS_REMINDER_HOURS = int(os.environ.get("BOOKINGS_REMINDER_HOURS", "24"))
BOOKINGS_MAX_WAITING = int(os.environ.get("BOOKINGS_MAX_WAITING", "10"))
# Writes through the API per member in ten minutes.
API_WRITE_LIMIT = int(os.environ.get("API_WRITE_LIMIT", "60"))
# Bookings are personal data: deleted this long after they end (figures stay).
BOOKINGS_RETENTION_DAYS = int(os.environ.get("BOOKINGS_RETENTION_DAYS", "365"))
# Events: reminders this many hours before the start.
EVENTS_REMINDER_HOURS = int(os.environ.get("EVENTS_REMINDER_HOURS", "24"))
# Dialogue: open proposals per member; days until a proposal nobody supported or
# answered is archived; days to answer a proposal to a municipality's whole
# network (offices and operators promise their own: Operator.answer_within_days).
DIALOGUE_MAX_OPEN_PROPOSALS = int(os.environ.get("DIALOGUE_MAX_OPEN_PROPOSALS", "5"))
DIALOGUE_ARCHIVE_DAYS = int(os.environ.get("DIALOGUE_ARCHIVE_DAYS", "90"))
DIALOGUE_ANSWER_DAYS = int(os.environ.get("DIALOGUE_ANSWER_DAYS", "14"))
# Problem reports: days after "fixed" in which anyone may say it is not fixed;
# a visitor's e-mail for updates is deleted this long after the report ends.
DIALOGUE_REOPEN_DAYS = int(os.environ.get("DIALOGUE_REOPEN_DAYS", "14"))
# Photos of problems (they may show people) are deleted this long after the end.
DIALOGUE_PHOTO_DAYS = int(os.environ.get("DIALOGUE_PHOTO_DAYS", "30"))
# Contact requests one member may send in an hour and in a day.
COMMUNITY_CONTACTS_PER_HOUR = int(os.environ.get("COMMUNITY_CONTACTS_PER_HOUR", "10"))
COMMUNITY_CONTACTS_PER_DAY = int(os.environ.get("COMMUNITY_CONTACTS_PER_DAY", "30"))
# The accessibility statement (/<lang>/accessibility/): who provides the service
# (empty: "the municipality that runs this service", translated), the dates of
# the assessment and of its last review (YYYY-MM-DD; empty: the dates the code
# ships with, in guidelines/statement.py), and the working days to answer a report.
ACCESSIBILITY_PROVIDER = os.environ.get("ACCESSIBILITY_PROVIDER", "")
ACCESSIBILITY_ASSESSED_ON = os.environ.get("ACCESSIBILITY_ASSESSED_ON", "")
ACCESSIBILITY_REVIEWED_ON = os.environ.get("ACCESSIBILITY_REVIEWED_ON", "")
ACCESSIBILITY_REPLY_DAYS = int(os.environ.get("ACCESSIBILITY_REPLY_DAYS", "10"))
# Commissioning (docs/commissioning.md): your registered Open Contracting prefix,
# days overdue before a report is very late, days to handle an incident in time.
OCDS_PREFIX = os.environ.get("OCDS_PREFIX", "ocds-pub0ff")
COMMISSIONING_VERY_LATE_DAYS = int(os.environ.get("COMMISSIONING_VERY_LATE_DAYS", "14"))
COMMISSIONING_INCIDENT_DAYS = int(os.environ.get("COMMISSIONING_INCIDENT_DAYS", "7"))

# Background work: django-tasks with its database backend and one worker
# (`publicoffice worker`, which outlives database errors: core/worker.py).
# Nothing depends on a job having run: what follows from time is computed from time.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /health/ answers 503 "degraded" when the oldest task due to run (an e-mail,
# a sweep) has waited longer than this many seconds: the worker is stuck.
HEALTH_MAX_QUEUE_LAG = int(os.environ.get("HEALTH_MAX_QUEUE_LAG", "600"))


# Rate-limit counts and log-in locks, shared by every worker (core/cache_config.py).
CACHES = {"default": cache_config(os.environ, production=PRODUCTION)}

# Rate limits and log-in locks (core/ratelimit.py, accounts/lockout.py,
# docs/decisions/0008-login-limits-and-client-address.md). The number of
# reverse proxies of ours in front of the site: the client's address is read
# from X-Forwarded-For that many hops from the right (0: the header is ignored).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Wrong passwords in a row that lock an account, and the longest lock.
LOGIN_LOCKOUT_FAILURES = int(os.environ.get("LOGIN_LOCKOUT_FAILURES", "5"))
LOGIN_LOCKOUT_MAX_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MAX_MINUTES", "15"))
# Backstops for everyone behind one network address (one device gets 10 log-ins
# in five minutes, 5 sign-ups in fifteen): log-ins per 5 minutes, sign-ups per 15.
LOGIN_ATTEMPTS_PER_ADDRESS = int(os.environ.get("LOGIN_ATTEMPTS_PER_ADDRESS", "100"))
SIGNUPS_PER_ADDRESS = int(os.environ.get("SIGNUPS_PER_ADDRESS", "60"))
