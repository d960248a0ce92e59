"""How alike two short texts are (a heading or a table label against the national wording), within
a budget per document: a crafted file full of near-headings or near-labels is refused in a fraction
of a second instead of being compared for minutes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import SequenceMatcher

from core.imports import ImportRejected, file_error

MAX_COMPARISONS = 8_000
"""A real report needs under a thousand (its labels and short paragraphs against the national ones)."""
FLOOR = 0.6
"""Below this the exact ratio is not worked out (no match is accepted below 0.7)."""

_left: ContextVar[list[int] | None] = ContextVar("fuzzy_comparisons_left", default=None)


@contextmanager
def comparisons(limit: int = MAX_COMPARISONS) -> Iterator[None]:
    """Count the comparisons made while reading one document."""
    token = _left.set([limit])
    try:
        yield
    finally:
        _left.reset(token)


def similarity(a: str, b: str) -> float:
    """``difflib``'s ratio of ``a`` and ``b`` (0 when clearly unlike); counted against the budget."""
    left = _left.get()
    if left is not None:
        left[0] -= 1
        if left[0] < 0:
            raise ImportRejected([file_error("无法读取：文件中像标题或表格项目的文字过多，不像是一份年度报告。")])
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < FLOOR or matcher.quick_ratio() < FLOOR:
        return 0.0
    return matcher.ratio()
