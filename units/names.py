"""How unit names are compared: white space (also full-width) and invisible format characters
(zero-width spaces, byte-order marks, direction marks that come along when a name is copied from a
web page or WPS) ignored, full-width forms folded, the district prefix (临淄区, 淄博市临淄区) read as
区, the 区 prefix optional."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_DISTRICT_PREFIXES = ("临淄区", "淄博市临淄区")


class UnitNotFound(LookupError):
    """No unit, or more than one, answers to a name. ``unknown`` is the name when no unit answers
    to it at all (it may be saved as a unit's alias), else ``""``."""

    def __init__(self, message: str, *, unknown: str = "") -> None:
        super().__init__(message)
        self.unknown = unknown


def normalize_unit_name(name: str) -> str:
    """The form names are compared in: no white space (also full-width), no district prefix."""
    folded = unicodedata.normalize("NFKC", str(name or ""))
    text = _SPACES.sub("", "".join(ch for ch in folded if unicodedata.category(ch) != "Cf"))
    for prefix in _DISTRICT_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return "区" + text[len(prefix) :]
    return text


def name_keys(name: str) -> set[str]:
    """Every spelling of one name that should resolve: with and without the 区 prefix."""
    text = normalize_unit_name(name)
    keys = {text}
    if text.startswith("区") and len(text) > 2:
        keys.add(text[1:])
    else:
        keys.add("区" + text)
    return keys


def organ_name(unit_name: str) -> str:
    """How a unit signs a document: ``区人社局`` → ``临淄区人社局``; ``朱台镇`` → ``临淄区朱台镇``;
    ``临淄公安分局`` stays."""
    if unit_name.startswith("临淄"):
        return unit_name
    return "临淄" + unit_name if unit_name.startswith("区") else "临淄区" + unit_name
