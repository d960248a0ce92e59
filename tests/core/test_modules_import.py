"""Every module of the project imports: a dead module that imports something gone, or a broken one
that nobody imports yet, fails CI instead of waiting for the first user to reach it."""

import importlib
import pkgutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project_packages() -> list[str]:
    """The first-party packages, as import-linter knows them (a new app must be added there)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def test_every_package_of_the_project_is_in_the_layer_contract():
    on_disk = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert on_disk == set(project_packages())


def test_every_module_imports():
    failures = {}
    for package_name in project_packages():
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            try:
                importlib.import_module(info.name)
            except Exception as error:
                failures[info.name] = f"{type(error).__name__}: {error}"
    assert failures == {}
