"""Running a staged upload through its import kind: a preview (dry run) or the commit."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from core import hooks

from .registry import get_kind
from .results import ImportRejected, ImportResult, file_error
from .staging import StagedUpload


@dataclass
class Outcome:
    upload: StagedUpload
    description: str
    dry_run: bool
    result: ImportResult | None = None
    rejected: ImportRejected | None = None

    @property
    def committed(self) -> bool:
        return not self.dry_run and self.rejected is None

    def context(self) -> dict:
        rejected = self.rejected
        result = rejected.result if rejected else self.result
        return {
            "entry": {**self.upload.meta, "sha256": self.upload.meta["sha256"]},
            "token": self.upload.token,
            "description": self.description,
            "errors": rejected.listed if rejected else [],
            "error_count": len(rejected.errors) if rejected else 0,
            "more_errors": rejected.more if rejected else "",
            "sheet": (rejected.sheet if rejected else "") or (result.sheet if result else ""),
            "result": result,
            "counts": result.counts if result else {},
            "writes": result.writes if result else 0,
            "alias_fixes": alias_fixes(rejected.unknown_units) if rejected else [],
        }


@dataclass(frozen=True)
class AliasFix:
    """A unit name of the file that matches no unit, the units it may stand for and the likeliest."""

    name: str
    choices: list[tuple[int, str]]
    suggested: int | None


_PREFIXES = ("淄博市", "临淄区", "临淄", "区")
SUGGEST_AT = 0.5
"""How alike (difflib ratio, the district prefix left out) a unit's name must be to be preselected."""


def _stem(name: str) -> str:
    """A name without the district prefix, which every name shares and which says nothing."""
    text = "".join(name.split())
    for prefix in _PREFIXES:
        text = text.removeprefix(prefix)
    return text or name


def alias_fixes(names: list[str]) -> list[AliasFix]:
    """For each unknown name, the fix the preview offers: pick the unit, save the name as its
    alias. The likeliest unit is preselected only when its name is clearly alike (区网信办 is not
    区工信局 for sharing 区 and 信)."""
    if not names:
        return []
    choices = hooks.alias_choices()
    fixes = []
    for name in names:
        stem = _stem(name)
        scored = [
            (difflib.SequenceMatcher(None, stem, _stem(label)).ratio(), -i) for i, (_, label) in enumerate(choices)
        ]
        best, index = max(scored, default=(0.0, 0))
        suggested = choices[-index][0] if best >= SUGGEST_AT else None
        fixes.append(AliasFix(name=name, choices=choices, suggested=suggested))
    return fixes


def describe(meta: dict) -> str:
    kind = get_kind(meta["kind"])
    text = f"{kind.label if kind else meta['kind']}，{meta['year']}年"
    if kind is not None and kind.needs_quarter and meta.get("quarter"):
        text += f"第{meta['quarter']}季度"
    return text


def run_staged(upload: StagedUpload, *, dry_run: bool, acting_user) -> Outcome:
    """Preview (``dry_run``) or commit a staged upload; a rejection is returned, never raised."""
    meta = upload.meta
    outcome = Outcome(upload=upload, description=describe(meta), dry_run=dry_run)
    kind = get_kind(meta["kind"])
    if kind is None:
        outcome.rejected = ImportRejected([file_error(f"未知的数据类型“{meta['kind']}”，请重新上传。")])
        return outcome
    try:
        with upload.path.open("rb") as source:
            outcome.result = kind.execute(
                source=source,
                year=meta["year"],
                quarter=meta.get("quarter"),
                dry_run=dry_run,
                acting_user=acting_user,
                filename=upload.filename,
            )
    except ImportRejected as exc:
        outcome.rejected = exc
    return outcome
