"""Running a staged upload through its import kind: a preview (dry run) or the commit."""

from __future__ import annotations

from dataclasses import dataclass

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
        }


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
