"""``manage.py check --deploy`` is clean with the production settings (DJANGO_ENV=production, a
secret from the environment), and the settings it checks are the ones production gets."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**extra: str) -> dict[str, str]:
    return {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "zwgk.linzi.gov.cn",
        "DJANGO_SECRET_KEY_FILE": "/nonexistent",
        **extra,
    }


def test_check_deploy_passes_at_warning_level_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env())
    assert (result.returncode, result.stdout.strip()) == (0, "System check identified no issues (0 silenced)."), (
        result.stderr
    )


def test_the_same_check_fails_without_the_production_settings():
    """The check is real: the development settings (no HSTS, no secure cookies) do not pass it."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 1
    assert "security.W004" in result.stderr  # SECURE_HSTS_SECONDS
    assert "security.W012" in result.stderr  # SESSION_COOKIE_SECURE


def test_production_settings_trust_only_nginx_for_https_and_send_secure_cookies():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.DEBUG, s.SECURE_REDIRECT_EXEMPT)"
    )
    result = run_manage("shell", "-c", code, **production_env())
    assert (
        result.stdout.strip().splitlines()[-1]
        == "('HTTP_X_FORWARDED_PROTO', 'https') True True True 31536000 False ['^healthz/$']"
    )


def test_production_without_a_secret_in_the_environment_refuses_to_start():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", **env)
    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY" in result.stderr
