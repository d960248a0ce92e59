"""Outside DEBUG the project refuses to start without its own secret key; a database that stays
busy or restarts gets a plain answer, never a 500, and the month grid keeps what was typed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.urls import reverse

from submissions.grid import views as grid_views
from tests.factories import UnitFactory

ROOT = Path(__file__).resolve().parents[2]


def start(env_changes: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_changes)
    code = "import django; django.setup(); print('started')"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)


def test_no_key_no_start(tmp_path):
    result = start({"DJANGO_SETTINGS_MODULE": "linzi_gk.settings", "DJANGO_SECRET_KEY_FILE": str(tmp_path / "none")})

    assert result.returncode != 0
    assert (
        f"没有设置密钥：请设置环境变量 DJANGO_SECRET_KEY，或运行 make setup 生成 {tmp_path / 'none'}。" in result.stderr
    )


def test_the_key_file_written_by_make_is_used(tmp_path):
    key = tmp_path / "secret_key"
    key.write_text("a-local-key-of-this-installation\n")

    result = start({"DJANGO_SETTINGS_MODULE": "linzi_gk.settings", "DJANGO_SECRET_KEY_FILE": str(key)})

    assert result.stdout.strip() == "started"


@pytest.mark.django_db
def test_a_busy_database_keeps_the_typed_grid(staff_client, monkeypatch):
    unit = UnitFactory(name="区商务局")
    url = reverse("submissions:grid", args=[2024, 10])
    page = staff_client.get(url).content.decode()
    state = page.split(f'name="u{unit.pk}-v" value="', 1)[1].split('"', 1)[0]

    def busy(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(grid_views, "month_grid_save", busy)
    response = staff_client.post(url, {f"u{unit.pk}-v": state, f"u{unit.pk}-pub": "17"})

    html = response.content.decode()
    assert response.status_code == 200
    assert grid_views.BUSY in html
    assert 'value="17"' in html


@pytest.mark.django_db
def test_any_other_page_answers_503_in_chinese(staff_client, monkeypatch):
    from scoring import views as scoring_views

    def down(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(scoring_views, "quarter_scores_current", down)
    response = staff_client.get(reverse("scoring:quarter", args=[2024, 4]))

    assert response.status_code == 503
    assert "没有完成，也没有保存任何内容" in response.content.decode()


def test_a_database_gone_outside_the_view_is_503_too(rf):
    """Django's error handler (a middleware saving the session fails, say) tells the same 503."""
    from core.views import server_error
    from linzi_gk import urls

    assert urls.handler500 == "core.views.server_error"
    try:
        raise OperationalError("could not connect to server: Connection refused")
    except OperationalError:
        response = server_error(rf.get("/"))

    assert response.status_code == 503
    assert "没有完成，也没有保存任何内容" in response.content.decode()


@pytest.mark.django_db
def test_any_other_error_is_a_chinese_500_page(staff, monkeypatch):
    from django.test import Client

    from scoring import views as scoring_views

    client = Client(raise_request_exception=False)
    client.force_login(staff)

    def broken(**kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(scoring_views, "quarter_scores_current", broken)
    response = client.get(reverse("scoring:quarter", args=[2024, 4]))

    assert response.status_code == 500
    assert "处理您的请求时系统出错，这次操作<strong>没有完成</strong>" in response.content.decode()
