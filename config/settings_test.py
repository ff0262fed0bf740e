"""Settings for the test suite.

Without CI the suite runs on SQLite with tasks in-process, so a laptop needs no
services. With CI=true it runs on the machine's PostgreSQL and Redis; tests/conftest.py
checks they answer and stops the run with a clear message if they do not.
"""

import hashlib
import os

from config.env import env_bool, env_choice

CI = env_bool("CI", default=False)
if CI:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/basewatch")
    os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")

from config.settings import *  # noqa: E402, F403

# Each checkout drops and creates its own test databases, so two suites on one machine (two clones, or a
# worktree beside the main checkout) never destroy each other's: test_<name>_<checkout>, to which pytest-xdist
# adds _gw0, _gw1. (The broker needs no such care: every test worker consumes a queue of its own.)
if DATABASES["default"]["ENGINE"] == "config.postgresql":  # noqa: F405
    _CHECKOUT = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]  # noqa: F405
    DATABASES["default"].setdefault("TEST", {}).setdefault(  # noqa: F405
        "NAME",
        f"test_{DATABASES['default']['NAME']}_{_CHECKOUT}",  # noqa: F405
    )

# Tests run tasks in-process; the worker fixture switches to the real broker.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = False
# ...and during the request, so a test sees the parse done when the response comes back (tests of the
# background mode switch it with the settings fixture).
INGEST_IN_PROCESS_MODE = env_choice("INGEST_IN_PROCESS_MODE", "inline", choices={"background", "inline"})
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Rendered API answers stay in the test process (clearing a shared Redis would flush its database).
CACHES["responses"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-responses"}  # noqa: F405
CACHES["throttle"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-throttle"}  # noqa: F405
