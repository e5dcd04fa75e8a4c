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
