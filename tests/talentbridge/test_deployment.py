"""Production configuration: settings pass Django's deploy checks and match docker-compose."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "talent.example.cn",
    "DATABASE_URL": "postgres://talentbridge:secret@db:5432/talentbridge",
    "REDIS_URL": "redis://redis:6379",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.cn:587",
}


def run_manage(*args, env):
    test_only = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_deploy_checks():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env={**env, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def load_compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def settings_variables() -> set[str]:
    source = (ROOT / "talentbridge" / "settings.py").read_text()
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))


def test_compose_has_the_production_services_with_healthchecks():
    services = load_compose()["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis", "pushpin"}
    for name, service in services.items():
        assert "healthcheck" in service, name
    assert services["db"]["image"].startswith("postgres:15")
    assert any(v.endswith(":/var/lib/postgresql/data") for v in services["db"]["volumes"])


def test_compose_commands_match_the_celery_app_and_wsgi_module():
    services = load_compose()["services"]
    web = " ".join(services["web"]["command"])
    assert "gunicorn" in web
    assert "talentbridge.wsgi:application" in web
    assert services["worker"]["command"][:4] == ["celery", "-A", "talentbridge", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "talentbridge", "beat"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_compose_environment_uses_only_variables_the_settings_read():
    compose = load_compose()
    known = settings_variables()
    assert {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"} <= known
    shared = compose["x-app-environment"]
    assert set(shared) <= known, set(shared) - known
    for name in ("web", "worker", "beat"):
        env = compose["services"][name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["DATABASE_URL"].endswith("@db:5432/talentbridge")
        assert env["REDIS_URL"] == "redis://redis:6379"
        assert env["DEBUG"] == "0"
        assert set(env) <= known


def test_gunicorn_loads_the_portal_once_before_forking():
    config = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), config)  # noqa: S102 - our own settings file
    assert config["preload_app"] is True


def test_the_wsgi_module_warms_up_without_opening_a_connection():
    """With preload_app the master imports it before forking: a database or broker socket
    opened there would be shared by every worker. Both addresses refuse connections here,
    so any attempt would fail the import."""
    code = (
        "import talentbridge.wsgi\n"
        "from django.db import connections\n"
        "from django.urls import get_resolver\n"
        "assert connections['default'].connection is None\n"
        "assert get_resolver()._populated\n"
        "from talentbridge.celery import app\n"
        "assert app.finalized\n"
        "print('ready')\n"
    )
    closed = "127.0.0.1:9"  # the discard port: nothing listens on it
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"postgres://talentbridge:secret@{closed}/talentbridge",
        "REDIS_URL": f"redis://{closed}",
    }
    test_only = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ready"
