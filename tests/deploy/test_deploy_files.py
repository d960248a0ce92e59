"""The deployment files are proven, not just written: the systemd units pass ``systemd-analyze
verify``, the nginx site passes ``nginx -t``, ``docker compose config`` accepts the compose file
(each where the tool exists on the machine), and all of them start the processes one way, through
``scripts/serve.sh``, the script CI's real-worker test and ``make bench-load`` start them with."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
UNITS = ["linzi-gk-web.service", "linzi-gk-worker.service", "linzi-gk-beat.service"]


def unit_lines(name: str) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


def test_each_systemd_unit_starts_its_process_through_serve_sh():
    starts = {name: unit_lines(name)["ExecStart"] for name in UNITS}
    assert starts == {
        "linzi-gk-web.service": ["/opt/linzi_gk/scripts/serve.sh web"],
        "linzi-gk-worker.service": ["/opt/linzi_gk/scripts/serve.sh worker"],
        "linzi-gk-beat.service": ["/opt/linzi_gk/scripts/serve.sh beat"],
    }
    assert unit_lines("linzi-gk-web.service")["ExecStartPre"] == ["/opt/linzi_gk/scripts/serve.sh prepare"]
    for name in UNITS:
        assert unit_lines(name)["EnvironmentFile"] == ["/etc/linzi-gk/linzi-gk.env"]
        assert unit_lines(name)["User"] == ["linzi"]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="本机没有 systemd-analyze")
def test_systemd_units_verify_clean(tmp_path):
    """Verified with the paths of this checkout in place of /opt/linzi_gk (the commands must exist)."""
    for name in [*UNITS, "linzi-gk.target"]:
        text = (DEPLOY / name).read_text().replace("/opt/linzi_gk", str(ROOT))
        text = text.replace("/etc/linzi-gk/linzi-gk.env", str(DEPLOY / "linzi-gk.env.example"))
        (tmp_path / name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in UNITS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [line for line in (result.stdout + result.stderr).splitlines() if "linzi-gk" in line]
    assert (result.returncode, problems) == (0, [])


def test_the_environment_example_names_every_secret_and_no_real_one():
    text = (DEPLOY / "linzi-gk.env.example").read_text()
    keys = {line.split("=", 1)[0] for line in text.splitlines() if "=" in line and not line.startswith("#")}
    assert {"DJANGO_ENV", "DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_TRUSTED_PROXIES"} <= keys
    assert "DJANGO_SECRET_KEY=change-me" in text


def test_nginx_passes_the_protocol_and_overwrites_the_forwarded_address():
    text = (DEPLOY / "nginx-linzi-gk.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in text  # never the client's own header
    assert "proxy_add_x_forwarded_for" not in text
    assert "return 301 https://$host$request_uri;" in text


@pytest.mark.skipif(not shutil.which("nginx") or not shutil.which("openssl"), reason="本机没有 nginx")
def test_nginx_site_passes_nginx_t(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (DEPLOY / "nginx-linzi-gk.conf").read_text().replace("/etc/ssl/linzi-gk", str(tmp_path))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log stderr; events {{}}\n"
        f"http {{ access_log off; include {tmp_path}/site.conf; }}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_every_component_with_health_checks_and_volumes():
    services = compose()["services"]
    assert sorted(services) == ["beat", "db", "prepare", "redis", "web", "worker"]
    assert {name: services[name]["command"] for name in ("prepare", "web", "worker", "beat")} == {
        "prepare": ["scripts/serve.sh", "prepare"],
        "web": ["scripts/serve.sh", "web"],
        "worker": ["scripts/serve.sh", "worker"],
        "beat": ["scripts/serve.sh", "beat"],
    }
    assert sorted(name for name, service in services.items() if "healthcheck" in service) == [
        "db", "redis", "web", "worker",
    ]  # fmt: skip
    assert sorted(compose()["volumes"]) == ["media", "pgdata", "redisdata"]
    assert services["web"]["volumes"] == ["media:/data/media"]
    assert services["web"]["depends_on"]["prepare"] == {"condition": "service_completed_successfully"}


def test_the_image_carries_the_fonts():
    assert "scripts/install_fonts.sh" in (ROOT / "Dockerfile").read_text()


def compose_command() -> list[str] | None:
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


@pytest.mark.skipif(compose_command() is None, reason="本机没有 docker compose")
def test_docker_compose_config_accepts_the_file():
    env = {**os.environ, "DJANGO_SECRET_KEY": "x" * 60}
    result = subprocess.run(
        [*compose_command(), "-f", str(ROOT / "docker-compose.yml"), "config", "--quiet"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
