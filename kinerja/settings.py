"""Django settings for Kinerja.

Everything that differs between machines comes from the environment:

- ``DATABASE_URL``: e.g. ``postgres://user@127.0.0.1:5432/kinerja``; default SQLite at
  ``var/kinerja.sqlite3`` in the repository.
- ``SECRET_KEY``: required unless ``DEBUG`` is on (then a fixed development key is used).
- ``DEBUG``: ``1``/``true`` to enable; default off.
- ``ALLOWED_HOSTS``: comma separated; default ``localhost,127.0.0.1`` (and ``*`` under DEBUG).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("KINERJA_VAR_DIR", REPO_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected 1/0, true/false, yes/no or on/off")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or os.environ.get("PYTEST_VERSION"):  # pytest sets PYTEST_VERSION
        SECRET_KEY = "kinerja-development-key-not-for-production-use-0123456789abcdef"
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
if DEBUG:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, "*"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "kinerja.org",
    "kinerja.plans",
    "kinerja.agreements",
    "kinerja.audit",
    "kinerja.realisation",
    "kinerja.reports",
    "kinerja.exchange",
    "kinerja.reviu",
    "kinerja.multiyear",
    "kinerja.web",
    "kinerja.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.web.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kinerja.audit.middleware.RequestSourceMiddleware",
    "kinerja.org.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kinerja.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "kinerja.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'kinerja.sqlite3'}",
        conn_max_age=60,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"

# Evidence files of the monthly realisation (kinerja.realisation): kept beside, never under,
# the static root, and read only through a view that checks access.
EVIDENCE_DIR = Path(os.environ.get("KINERJA_EVIDENCE_DIR") or VAR_DIR / "evidence")
try:
    EVIDENCE_MAX_BYTES = int(os.environ.get("KINERJA_EVIDENCE_MAX_MB") or "10") * 1024 * 1024
except ValueError:
    raise ImproperlyConfigured("KINERJA_EVIDENCE_MAX_MB: expected a whole number of MB") from None

# What the unit page and the government dashboard keep per process (kinerja/web/memo.py,
# docs/decisions/0009-page-memos.md). A change through the application shows on the next
# page load whatever these say (it is in the audit trail); one made outside it (a script,
# SQL) within the TTL.
# - unit page: at most this many plans per process, about 5 MB each for a unit of 300 sub
#   kegiatan (its trees, and the markup of each month and language shown); their data are
#   read again and compared after KINERJA_UNIT_PAGE_TTL seconds.
KINERJA_UNIT_PAGES_KEPT = 64
KINERJA_UNIT_PAGE_TTL = 120
# - government dashboard: the figures of at most this many plans per process (a few kB
#   each); figures older than 1/2 to 1 times KINERJA_DASHBOARD_TTL seconds are still shown
#   while a background thread computes them again (off in the tests: then at once, in the
#   request, after its figures were taken).
KINERJA_DASHBOARD_PLANS_KEPT = 1024
KINERJA_DASHBOARD_TTL = 600
KINERJA_MEMO_REFRESH_IN_BACKGROUND = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # Production behind HTTPS. Each can be turned off from the environment, e.g. on an
    # intranet served over plain HTTP (then `check --deploy` says what that costs).
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_HTTPS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Errors go to standard error in every mode (gunicorn and systemd keep it): without this,
# Django sends a production server's 500s only to ADMINS by e-mail, and none are set.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "kinerja": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    },
}
