"""Production hardening: password guessing, security logs, health check, deploy checks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def test_repeated_wrong_passwords_lock_the_account_out(client, reviewer, settings) -> None:
    login = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(login, {"username": "rita", "password": "guess"})
    assert response.status_code == 429
    # Locked out: even the right password is refused now.
    response = client.post(login, {"username": "rita", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed logins" in response.text
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(client, reviewer, settings) -> None:
    login = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(login, {"username": "rita", "password": "guess"})
    assert client.post(login, {"username": "rita", "password": PASSWORD}).status_code == 302
    client.logout()
    response = client.post(login, {"username": "rita", "password": "guess"})
    assert response.status_code == 200  # the form again, not the lockout


def test_failed_logins_are_logged_without_the_password(client, reviewer, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="factcheck.security"):
        client.post(reverse("login"), {"username": "rita", "password": "s3cret-guess"})
    records = [r for r in caplog.records if r.name == "factcheck.security"]
    failed = next(r for r in records if r.getMessage() == "login_failed")
    assert failed.username == "rita"
    assert failed.address == "127.0.0.1"
    assert "s3cret-guess" not in caplog.text


def test_permission_denials_are_logged(client, outsider, caplog) -> None:
    client.force_login(outsider)
    with caplog.at_level(logging.INFO, logger="factcheck.security"):
        response = client.get(reverse("claim_list"))
    assert response.status_code == 403
    denied = next(r for r in caplog.records if r.getMessage() == "permission_denied")
    assert (denied.username, denied.path) == ("olga", reverse("claim_list"))


def test_security_records_are_json_lines(reviewer) -> None:
    handler = logging.getLogger("factcheck.security").handlers[0]
    record = logging.LogRecord(
        "factcheck.security", logging.WARNING, "", 0, "login_failed", (), None
    )
    record.username = "rita"
    line = json.loads(handler.formatter.format(record))
    assert line["message"] == "login_failed"
    assert line["username"] == "rita"
    assert line["level"] == "WARNING"


def test_health_check_answers_without_login(client) -> None:
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_reports_a_database_failure(client, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr("claims.views.system.connection.cursor", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_check_deploy_is_clean_with_production_settings(tmp_path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="factcheck.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_only_the_health_check_skips_the_https_redirect(client, settings) -> None:
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("health")).status_code == 200
    redirect = client.get(reverse("claim_list"))
    assert redirect.status_code == 301
    assert redirect["Location"].startswith("https://")


def _lock_out(client, settings) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": "rita", "password": "guess"})
    assert response.status_code == 429


def test_a_locked_out_accounts_token_is_refused_and_logged(client, reviewer, settings, caplog):
    token = Token.objects.create(user=reviewer).key
    api = APIClient(HTTP_AUTHORIZATION=f"Token {token}", REMOTE_ADDR="203.0.113.9")
    assert api.get("/api/claims/").status_code == 200
    _lock_out(client, settings)  # from another address than the script's
    with caplog.at_level(logging.INFO, logger="factcheck.security"):
        response = api.get("/api/claims/")
    assert response.status_code == 401
    assert "locked out" in response.json()["detail"]
    refused = next(r for r in caplog.records if r.getMessage() == "token_refused_locked_out")
    assert (refused.username, refused.address, refused.path) == (
        "rita",
        "203.0.113.9",
        "/api/claims/",
    )


def test_the_token_works_again_after_the_cool_off(client, reviewer, settings) -> None:
    token = Token.objects.create(user=reviewer).key
    _lock_out(client, settings)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    api = APIClient(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/claims/").status_code == 200


def test_failures_below_the_limit_leave_the_token_working(client, reviewer, settings) -> None:
    token = Token.objects.create(user=reviewer).key
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(reverse("login"), {"username": "rita", "password": "guess"})
    assert APIClient(HTTP_AUTHORIZATION=f"Token {token}").get("/api/claims/").status_code == 200


def test_another_accounts_lockout_leaves_a_token_working(client, reviewer, editor, settings):
    token = Token.objects.create(user=editor).key
    _lock_out(client, settings)
    assert APIClient(HTTP_AUTHORIZATION=f"Token {token}").get("/api/claims/").status_code == 200
