"""No file of the project keeps the markers of an unfinished merge (a README once did)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", "var", "media", "staticfiles", "node_modules", ".git", "__pycache__"}
SUFFIXES = {".py", ".md", ".html", ".js", ".css", ".toml", ".cfg", ".ini", ".sh", ".yml", ".yaml", ".txt", ".json"}
MARKER = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)


def project_files():
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIPPED or not path.is_file():
            continue
        if path.suffix in SUFFIXES or path.name in {"Makefile", "Dockerfile", "run"}:
            yield path


def test_no_file_keeps_merge_conflict_markers():
    found = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in project_files()
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for match in MARKER.finditer(text)
    ]
    assert found == []
