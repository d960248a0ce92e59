"""内容雷同: a free-text section nearly identical to the unit's own report of last year or to
another unit's report of this year.

The measure is the Dice coefficient of the sets of character bigrams (punctuation and white
space removed): 1.0 for the same text, about 0.9 for a copy with a few words changed, below 0.5
for two reports that merely share the format's phrases. Comparing every unit with every other (the
office's overview) first compares a consistent eighth of the bigrams (those whose first character's
code is a multiple of 8: the same bigrams are kept from every text), and builds a text's full set
and computes the exact score only for pairs the sample does not rule out; a pair whose lengths
alone rule out the threshold is skipped. 70 units' reports compare section by section in about half
a second (bench/bench_annual.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .layout import NOTE_OF_TABLE, TEXT_SECTIONS

THRESHOLD = 0.8
"""From this similarity on, a section is flagged."""
SAMPLE_MARGIN = 0.15
"""A pair whose sampled score is this far below the threshold is not compared exactly."""
SAMPLE_MIN = 32
"""Samples smaller than this are not trusted (short texts are compared exactly; it is cheap)."""
MIN_CHARACTERS = 60
"""Shorter sections (本年度未收取信息处理费。) may well be the same everywhere."""
COMPARED = tuple(key for key, _ in TEXT_SECTIONS if key != "preface" and key not in NOTE_OF_TABLE.values())
"""The prose sections (not the preface, nor the short notes under the tables)."""
SECTION_NAMES = dict(TEXT_SECTIONS)
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


class Fingerprint:
    """A section's text as compared: a sample of its bigrams now, the whole set when needed."""

    __slots__ = ("_full", "_plain", "sample")

    def __init__(self, text: str) -> None:
        plain = _NOISE.sub("", text or "")
        self._plain = plain if len(plain) >= MIN_CHARACTERS else ""
        self._full: frozenset[str] | None = None
        p = self._plain
        self.sample = frozenset([p[i : i + 2] for i in range(len(p) - 1) if not ord(p[i]) & 7])

    @property
    def full(self) -> frozenset[str]:
        if self._full is None:
            p = self._plain
            self._full = frozenset([p[i : i + 2] for i in range(len(p) - 1)])
        return self._full

    def __bool__(self) -> bool:
        return bool(self._plain)


def bigrams(text: str) -> frozenset[str]:
    return Fingerprint(text).full


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


Sections = dict[str, Fingerprint]


def shingled(texts: dict[str, str]) -> Sections:
    return {key: Fingerprint(texts.get(key, "")) for key in COMPARED}


def _ordered(found: list[Similar]) -> list[Similar]:
    return sorted(found, key=lambda s: (COMPARED.index(s.section), -s.score))


def similar_sections(own: Sections, others: Iterable[tuple[str, Sections]]) -> list[Similar]:
    """Sections of ``own`` at least :data:`THRESHOLD` alike the same section of another text."""
    found = []
    for label, other in others:
        for key in COMPARED:
            if own[key] and other[key]:
                score = dice(own[key].full, other[key].full)
                if score >= THRESHOLD:
                    found.append(Similar(key, label, score))
    return _ordered(found)


def _likely(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two samples leave the pair's full score possibly at the threshold."""
    if len(a) < SAMPLE_MIN or len(b) < SAMPLE_MIN:
        return True
    floor = THRESHOLD - SAMPLE_MARGIN
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < floor:
        return False
    return 2 * len(a & b) / (len(a) + len(b)) >= floor


def pairwise_similar(texts: dict[int, tuple[str, Sections]]) -> dict[int, list[Similar]]:
    """For each text (key → (label, fingerprints per section)), the sections alike another's;
    each pair is compared once, first on the samples."""
    found: dict[int, list[Similar]] = {key: [] for key in texts}
    for section in COMPARED:
        present = [(k, texts[k][0], texts[k][1][section]) for k in texts if texts[k][1][section]]
        for index, (a, label_a, own) in enumerate(present):
            for b, label_b, other in present[index + 1 :]:
                if not _likely(own.sample, other.sample):
                    continue
                score = dice(own.full, other.full)
                if score >= THRESHOLD:
                    found[a].append(Similar(section, label_b, score))
                    found[b].append(Similar(section, label_a, score))
    return {key: _ordered(items) for key, items in found.items()}
