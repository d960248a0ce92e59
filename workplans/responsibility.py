"""责任单位 understood: which units, groups of units and described parties a task names, and in
which role.

The office writes ``区发改局牵头，有关职能部门落实``, ``区科技局及相关部门单位``,
``区财政局、区农业农村局、区文旅局``, ``各镇、街道，区政府各部门单位``,
``区司法局牵头，各镇、街道，区政府各部门单位落实``. Parts are separated by ``、`` or ``，``; a role word at
the end of a part (牵头, 落实, 具体落实, 配合 …) applies to it and to the parts before it that have none;
parts without any role are 负责 (or 配合落实 after a lead). Group phrases (各镇、街道 …) are found before
splitting, since they contain the separator themselves. A part that describes a party (有关职能部门,
行政规范性文件起草部门) stays a party for staff to assign; any other part must be the name of a unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from units.models import Unit
from units.selectors import UnitNotFound, UnitResolver

from .models.plans import ROLE_STRENGTH, Role

ALL = "*"
GROUPS: tuple[tuple[str, str], ...] = (
    ("各镇人民政府、街道办事处", Unit.Category.TOWN),
    ("各镇、街道办事处", Unit.Category.TOWN),
    ("各镇、街道", Unit.Category.TOWN),
    ("各镇街道", Unit.Category.TOWN),
    ("各镇街", Unit.Category.TOWN),
    ("区政府各部门单位", Unit.Category.DEPARTMENT),
    ("区政府各部门", Unit.Category.DEPARTMENT),
    ("区直各部门单位", Unit.Category.DEPARTMENT),
    ("区直各部门", Unit.Category.DEPARTMENT),
    ("区直部门", Unit.Category.DEPARTMENT),
    ("各级各部门单位", ALL),
    ("各级各部门", ALL),
)
"""Phrases that stand for a set of units, longest first: a town group or all assessed departments."""

ROLE_WORDS: tuple[tuple[str, Role], ...] = (
    ("具体落实相关工作", Role.COOPERATING),
    ("具体落实", Role.COOPERATING),
    ("负责落实", Role.COOPERATING),
    ("配合落实", Role.COOPERATING),
    ("落实", Role.COOPERATING),
    ("配合", Role.COOPERATING),
    ("协助", Role.COOPERATING),
    ("参与", Role.COOPERATING),
    ("牵头", Role.LEAD),
    ("负责", Role.RESPONSIBLE),
)
PARTY_MARKERS = ("有关", "相关", "各", "承办", "起草", "牵头部门", "职能部门", "主管部门", "指标", "其他", "所属")
"""Words that make a part a described party rather than a unit's name."""

_SEPARATORS = re.compile(r"[、,，;；]")
_AND_RELATED = re.compile(r"(?:及|和|与)(?=相关|有关|其他)")
_GROUP_TOKEN = re.compile(r"^\x00(\d+)\x00$")
_ROLE_ONLY = frozenset(word for word, _ in ROLE_WORDS)


class ResponsibilityError(ValueError):
    """A part of 责任单位 reads as a unit's name but no unit answers to it (``unknown``: that name
    when no unit at all answers to it)."""

    def __init__(self, message: str, *, unknown: str = "") -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass(frozen=True)
class Part:
    """One part of 责任单位: exactly one of ``unit``, ``group`` (a category or ``*``) or ``party`` is set."""

    text: str
    role: str
    unit: Unit | None = None
    group: str = ""
    party: str = ""


def _normalize(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "").replace("\u3000", ""))


def _split(text: str) -> list[tuple[str, bool]]:
    """Parts of the text with group phrases kept whole; ``True`` marks a part after 及相关/及有关."""
    for index, (phrase, _) in enumerate(GROUPS):
        text = text.replace(_normalize(phrase), f"、\x00{index}\x00、")
    parts: list[tuple[str, bool]] = []
    for chunk in _SEPARATORS.split(text):
        if chunk in _ROLE_ONLY and parts:  # “区政府各部门单位落实”: the role word of the group before it
            parts[-1] = (parts[-1][0] + chunk, parts[-1][1])
            continue
        pieces = _AND_RELATED.split(chunk)
        parts.extend((piece, i > 0) for i, piece in enumerate(pieces) if piece)
    return parts


def _strip_role(part: str) -> tuple[str, Role | None]:
    for word, role in ROLE_WORDS:
        if part.endswith(word) and len(part) > len(word):
            return part[: -len(word)], role
    return part, None


def _roles(raw: list[tuple[str, bool]]) -> list[tuple[str, Role]]:
    """Each part with its role: a role word covers the unmarked parts before it; ``及相关…`` parts cooperate."""
    named: list[tuple[str, Role | None]] = []
    pending: list[int] = []
    for text, related in raw:
        name, role = _strip_role(text)
        if related:  # “区科技局及相关部门单位”: the units before lead, the related ones cooperate
            role = role or Role.COOPERATING
            for index in pending:
                named[index] = (named[index][0], Role.LEAD)
            pending = []
        named.append((name, role))
        if role is None:
            pending.append(len(named) - 1)
            continue
        for index in pending:
            named[index] = (named[index][0], role)
        pending = []
    has_lead = any(role == Role.LEAD for _, role in named)
    fallback = Role.COOPERATING if has_lead else Role.RESPONSIBLE
    return [(name, role or fallback) for name, role in named]


def parse_responsibility(text: str, resolver: UnitResolver) -> list[Part]:
    """The parts of a 责任单位 text. Raises :class:`ResponsibilityError` naming the first unknown unit."""
    parts = []
    for name, role in _roles(_split(_normalize(text))):
        group = _GROUP_TOKEN.match(name)
        if group:
            phrase, category = GROUPS[int(group.group(1))]
            parts.append(Part(text=phrase, role=role, group=category))
        elif any(marker in name for marker in PARTY_MARKERS):
            parts.append(Part(text=name, role=role, party=name))
        else:
            try:
                parts.append(Part(text=name, role=role, unit=resolver.resolve(name)))
            except UnitNotFound as exc:
                raise ResponsibilityError(str(exc), unknown=exc.unknown) from exc
    return parts


@dataclass(frozen=True)
class Responsible:
    """A unit responsible for a task and the words that made it so."""

    unit: Unit
    role: str
    via: str


def expand(parts: list[Part], groups: dict[str, list[Unit]]) -> tuple[list[Responsible], list[Part]]:
    """Units (groups expanded through ``groups``: category or ``*`` → units) and the described parties.

    A unit named twice keeps its strongest role (牵头 > 负责 > 配合落实) and the words that gave it.
    """
    best: dict[int, Responsible] = {}
    parties: list[Part] = []
    for part in parts:
        if part.party:
            if all((p.party, p.role) != (part.party, part.role) for p in parties):
                parties.append(part)
            continue
        units = [part.unit] if part.unit is not None else groups.get(part.group, [])
        for unit in units:
            current = best.get(unit.pk)
            if current is None or ROLE_STRENGTH[Role(part.role)] < ROLE_STRENGTH[Role(current.role)]:
                best[unit.pk] = Responsible(unit=unit, role=part.role, via=part.text)
    return list(best.values()), parties
