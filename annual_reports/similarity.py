"""内容雷同: a free-text section nearly identical to the unit's own report of last year or to
another unit's report of this year.

The measure is the Dice coefficient of the sets of character bigrams (punctuation and white
space removed): 1.0 for the same text, about 0.9 for a copy with a few words changed, below 0.5
for two reports that merely share the format's phrases. Each text's bigrams are computed once, and
a pair whose lengths alone rule out the threshold is skipped, so comparing 70 units' reports
section by section takes a fraction of a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .layout import TEXT_SECTIONS

THRESHOLD = 0.8
"""From this similarity on, a section is flagged."""
MIN_CHARACTERS = 60
"""Shorter sections (本年度未收取信息处理费。) may well be the same everywhere."""
COMPARED = tuple(key for key, _ in TEXT_SECTIONS if key != "preface")
SECTION_NAMES = dict(TEXT_SECTIONS)
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def bigrams(text: str) -> frozenset[str]:
    plain = _NOISE.sub("", unicodedata.normalize("NFKC", text or ""))
    if len(plain) < MIN_CHARACTERS:
        return frozenset()
    return frozenset(plain[i : i + 2] for i in range(len(plain) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < THRESHOLD:
        return 0.0  # too different in length to reach the threshold
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True)
class Similar:
    section: str
    """The field (``overview_active`` …)."""
    other: str
    """Whose text it resembles: ``本单位2023年报告`` or ``区商务局2024年报告``."""
    score: float

    @property
    def percent(self) -> int:
        return int(self.score * 100)

    @property
    def message(self) -> str:
        return f"内容雷同：“{SECTION_NAMES[self.section]}”与{self.other}的同一部分相似度{self.percent}%。"


def shingled(texts: dict[str, str]) -> dict[str, frozenset[str]]:
    return {key: bigrams(texts.get(key, "")) for key in COMPARED}


def similar_sections(
    own: dict[str, frozenset[str]], others: Iterable[tuple[str, dict[str, frozenset[str]]]]
) -> list[Similar]:
    """Sections of ``own`` at least :data:`THRESHOLD` alike the same section of another text."""
    found = []
    for label, other in others:
        for key in COMPARED:
            score = dice(own[key], other[key])
            if score >= THRESHOLD:
                found.append(Similar(key, label, score))
    return sorted(found, key=lambda s: (COMPARED.index(s.section), -s.score))
