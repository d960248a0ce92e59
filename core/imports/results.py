"""What an import reports: row errors (``第N行 列: 原因``), planned changes and notices."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_LISTED_ERRORS = 200


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    reason: str
    unknown_unit: str = field(default="", compare=False)
    """A unit name that matches no unit (the preview offers to save it as a unit's alias)."""

    def __str__(self) -> str:
        if self.row <= 0:
            return f"{self.field}: {self.reason}" if self.field else self.reason
        return f"第{self.row}行 {self.field}: {self.reason}"


def file_error(reason: str) -> RowError:
    """A problem of the whole file (its type, size or shape), not of one row."""
    return RowError(0, "", reason)


class ImportRejected(Exception):
    """The file has bad rows (or cannot be read); nothing was written.

    ``rows`` are the rows that parsed well; the import services fill ``result`` with what those
    rows would change, so a preview shows every error and every other change at once.
    """

    def __init__(self, errors: list[RowError], rows: list | None = None, *, sheet: str = "") -> None:
        self.errors = errors
        self.rows = rows
        self.sheet = sheet
        self.result: ImportResult | None = None
        super().__init__("\n".join(str(e) for e in errors))

    @property
    def listed(self) -> list[RowError]:
        """At most :data:`MAX_LISTED_ERRORS` errors, for pages and terminals."""
        return self.errors[:MAX_LISTED_ERRORS]

    @property
    def unknown_units(self) -> list[str]:
        """The unit names no unit answers to, each once, in the order of the file."""
        return list(dict.fromkeys(e.unknown_unit for e in self.errors if e.unknown_unit))

    @property
    def more(self) -> str:
        """``另有N处错误`` when errors were left out of :attr:`listed`, else ``""``."""
        hidden = len(self.errors) - MAX_LISTED_ERRORS
        return f"另有{hidden}处错误" if hidden > 0 else ""


@dataclass
class Change:
    """One planned write, for the preview and the summary."""

    row: int
    unit: str
    what: str
    old: str
    new: str
    action: str  # 新增 / 修改 / 不变 / 删除


ACTIONS = ("新增", "修改", "删除", "不变")


@dataclass
class ImportResult:
    changes: list[Change] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    dry_run: bool = False
    sheet: str = ""
    """The name of the worksheet that was read."""

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in ACTIONS}

    @property
    def writes(self) -> int:
        return sum(self.count(action) for action in ACTIONS[:3])

    def summary(self) -> str:
        text = (
            f"新增{self.count('新增')}条，修改{self.count('修改')}条，"
            f"删除{self.count('删除')}条，未变{self.count('不变')}条"
        )
        return ("试运行（未写入任何数据）：" if self.dry_run else "已导入：") + text


def parse_or_plan(parse, plan):
    """``parse()``; when it rejects the file, attach ``plan(valid_rows)`` to the error and re-raise."""
    try:
        return parse()
    except ImportRejected as exc:
        if exc.rows:
            try:
                exc.result = plan(exc.rows)
            except ImportRejected:  # the good rows have problems of their own (already reported)
                exc.result = None
        raise
