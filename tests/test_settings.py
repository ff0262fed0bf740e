"""Bad environment values stop start-up with a message naming the variable."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def start(
    env: dict[str, str], *, settings: str = "config.settings", then: str = "", checkout: Path = ROOT
) -> subprocess.CompletedProcess:
    """Set Django up in a fresh process with ``env`` (and run ``then`` after it), in ``checkout``."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "DEBUG", "CI"}}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {then}"],
        cwd=checkout,
        env={**clean, "DJANGO_SETTINGS_MODULE": settings, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DATABASE_URL": "mysql://db/basewatch"}, "DATABASE_URL"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"CELERY_BROKER_URL": "kafka://broker"}, "CELERY_BROKER_URL"),
        ({"CONN_MAX_AGE": "forever"}, "CONN_MAX_AGE"),
        ({"CACHE_URL": "memcached://cache:11211"}, "CACHE_URL"),
        ({"CACHE_URL": "redis://"}, "CACHE_URL"),
        ({"INGEST_IN_PROCESS_MODE": "sometimes"}, "INGEST_IN_PROCESS_MODE"),
        ({"DEBUG": "false", "ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ],
)
def test_bad_values_fail_naming_the_variable(env, variable):
    result = start(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr.splitlines()[-1]


def test_defaults_need_no_services():
    result = start({})
    assert result.returncode == 0, result.stderr


def test_production_values_are_accepted():
    result = start(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "basewatch.example.org",
            "DATABASE_URL": "postgres://u:p@db:5432/basewatch",
            "CELERY_BROKER_URL": "redis://redis:6379/0",
            "CACHE_URL": "redis://redis:6379/2",
        }
    )
    assert result.returncode == 0, result.stderr


def _test_database_name(checkout: Path) -> str:
    result = start(
        {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/basewatch"},
        settings="config.settings_test",
        then="from django.conf import settings; print(settings.DATABASES['default']['TEST']['NAME'])",
        checkout=checkout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_each_checkout_has_test_databases_of_its_own(tmp_path):
    """Two suites on one machine (a clone beside another) must not drop each other's test databases."""
    other = tmp_path / "other-checkout"
    shutil.copytree(ROOT / "config", other / "config", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("incidents", "ingest", "templates", "static", "manage.py"):
        (other / name).symlink_to(ROOT / name)
    here, there = _test_database_name(ROOT), _test_database_name(other)
    assert here.startswith("test_basewatch_")
    assert there.startswith("test_basewatch_")
    assert here != there
    assert here == _test_database_name(ROOT)  # stable from run to run: a crashed run's database is reused
