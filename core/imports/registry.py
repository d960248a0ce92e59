"""The kinds of Excel import the office's upload page offers; each app registers its own in
``AppConfig.ready()``, so the page (in core) dispatches without knowing the apps above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from .results import ImportResult


@dataclass(frozen=True)
class ImportKind:
    key: str
    label: str
    run: Callable[..., ImportResult]
    """``run(*, source, year, [quarter,] dry_run, acting_user, filename) -> ImportResult``."""
    order: int = 0
    needs_quarter: bool = False
    columns: str = ""
    """What the sheet must look like, in one line for the upload page."""
    template: Callable[[int], bytes] | None = None
    """``template(year) -> xlsx bytes``: an empty workbook in the expected layout."""

    @property
    def has_template(self) -> bool:
        """For templates, which would call :attr:`template` (without its year) if asked about it."""
        return self.template is not None

    def execute(self, *, source: IO[bytes], year: int, quarter: int | None, **kwargs) -> ImportResult:
        if self.needs_quarter:
            kwargs["quarter"] = quarter
        return self.run(source=source, year=year, **kwargs)


_KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> None:
    _KINDS[kind.key] = kind


def kinds() -> list[ImportKind]:
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.key))


def get_kind(key: str) -> ImportKind | None:
    return _KINDS.get(key)
