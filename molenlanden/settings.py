"""One settings module, configured from the environment (see README, "Instellingen")."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off")
    # Development only: a per-checkout key that never leaves this machine.
    SECRET_KEY = "dev-only-" + str(BASE_DIR)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where people report an accessibility or privacy problem (the statements in the footer name it).
CONTACT_EMAIL = os.environ.get("DJANGO_CONTACT_EMAIL", "samenlevingsprogramma@molenlanden.nl")

INSTALLED_APPS = [
    "molenlanden.common.admin_base.ProgrammaAdminConfig",  # django.contrib.admin with our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "csp",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "molenlanden.common",
    "molenlanden",
    "thema",
    "dorpen",
    "rapportage",
    "inbreng",
    "dbbackup",  # after molenlanden: its mediabackup and mediarestore take the private PDFs along
]

MIDDLEWARE = [
    "molenlanden.common.proxy.ClientAdresMiddleware",  # first: everything after it sees the real client
    "molenlanden.common.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "molenlanden.common.errors.RefuseNulBytes",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "molenlanden.urls"
WSGI_APPLICATION = "molenlanden.wsgi.application"

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
                "molenlanden.common.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for several people at once: a writing transaction takes the write lock when it begins (IMMEDIATE), so
    # it waits for another writer instead of failing halfway with "database is locked"; it waits up to `timeout`
    # seconds. WAL lets readers go on while one writes; synchronous=NORMAL is safe with WAL and much faster.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # must come first: it refuses locked-out logins
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "molenlanden" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # amounts are formatted explicitly by molenlanden.common.formatting

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Adopted PDFs are served only through the view that checks who may read them, never as public media.
PRIVATE_ROOT = Path(os.environ.get("DJANGO_PRIVATE_ROOT", BASE_DIR / "private"))
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "backups"))
if any(BACKUP_DIR.resolve().is_relative_to(root.resolve()) for root in (STATIC_ROOT, MEDIA_ROOT)):
    raise ImproperlyConfigured("DJANGO_BACKUP_DIR must not lie in DJANGO_STATIC_ROOT or DJANGO_MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "rapportages": {"BACKEND": "rapportage.storage.PriveOpslag"},
    # An uploaded workbook or Word document between its preview and the confirmation: private, never served.
    "programma_import": {"BACKEND": "rapportage.storage.PriveOpslag"},
    # Back-ups (README, "Back-ups"): outside the web root, never under static or media files.
    "dbbackup": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": BACKUP_DIR}},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env_bool("DJANGO_PLAIN_STATIC", False)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# django-dbbackup: `dbbackup` and `mediabackup --clean` keep the newest 30 of each (a month of daily back-ups).
DBBACKUP_CLEANUP_KEEP = 30
DBBACKUP_CLEANUP_KEEP_MEDIA = 30
DBBACKUP_CONNECTOR_MAPPING = {"django.db.backends.sqlite3": "molenlanden.backups.SqliteConnector"}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. Production values are the defaults; DEBUG (development) relaxes only what needs HTTPS.
# The number of reverse proxies in front of the app (README, "Achter een reverse proxy"): with N > 0 the client's
# address is the N-th from the right in X-Forwarded-For; with 0 that header is never trusted.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_PROXY_COUNT must be 0 or more")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading asks browsers to hard-code HTTPS for the whole domain and its subdomains, and is hard to undo: that is
# the domain owner's call, not this app's. On only when the owner has put the domain on the preload list.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# security.W021 only says that SECURE_HSTS_PRELOAD is off, which is deliberate (see above). Silenced by its id, so
# `check --deploy --fail-level WARNING` still fails on every other warning.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # The rich-text editor in the admin needs an import map; it carries the per-request nonce.
        "script-src": [SELF, NONCE],
        # The editor (tiptap, in django-prose-editor) injects its base stylesheet as a <style> element:
        # allow exactly that text by its hash. An upgrade that changes it fails the browser CSP test.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: a throttle that lifts by itself, not a permanent lock
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
# Throttle per real client, also behind the proxy: the same address the logs show (molenlanden/common/proxy.py).
AXES_CLIENT_IP_CALLABLE = "molenlanden.common.proxy.client_ip"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Samenlevingsprogramma <noreply@molenlanden.nl>")

# The planning of editions. `python manage.py herinneringen` (daily, from cron) reminds trekkers whose voortgang is
# missing this many days before the last day of "voortgang uitvragen", and again this many days after it; the
# projectleider's start page warns about open comments from this many days before the college meeting.
HERINNERING_DAGEN_VOOR = env_int("HERINNERING_DAGEN_VOOR", 3)
HERINNERING_DAGEN_NA = env_int("HERINNERING_DAGEN_NA", 2)
PLANNING_DAGEN_VOOR_COLLEGE = env_int("PLANNING_DAGEN_VOOR_COLLEGE", 7)

# The network's inbreng (inbreng/): personal data of a round are erased this many months after it closes
# (python manage.py inbreng_opschonen, daily from cron); a link or an address may post this many contributions
# per window (seconds) before it gets a 429 page.
INBRENG_BEWAARTERMIJN_MAANDEN = env_int("INBRENG_BEWAARTERMIJN_MAANDEN", 6)
INBRENG_LIMIET = env_int("INBRENG_LIMIET", 10)
INBRENG_LIMIET_SECONDEN = env_int("INBRENG_LIMIET_SECONDEN", 600)
# Sections that other apps add to an edition's structure (rapportage/builder.py): key -> function(editie) -> dict.
# The glue wires them here, so rapportage imports no app that builds on it.
RAPPORTAGE_SECTIES = {"netwerk": "inbreng.rapport.netwerk"}
# The models those sections show: a change to them changes a concept's content key (cached page, new PDF).
RAPPORTAGE_SECTIE_MODELLEN = ("inbreng.InbrengRonde", "inbreng.Bijdrage")

# Shared by every web worker and the PDF worker: Redis when there is one, else a table in the database
# (`manage.py createcachetable`, which `make run` and the production instructions run after migrate).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    if os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
}

# Background work (rendering PDFs): Django's tasks framework (the django-tasks backport) with its database
# backend; `manage.py db_worker` runs them. PDF_RENDER_UITSTEL: a burst of changes waits this long and renders once.
TASKS = {"default": {"BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
PDF_RENDER_UITSTEL = env_int("PDF_RENDER_UITSTEL", 10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(client)s] %(message)s"}},
    "filters": {"client": {"()": "molenlanden.common.proxy.ClientAdresFilter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
            "filters": ["client"],
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # it logs every successful login at INFO
    },
}
