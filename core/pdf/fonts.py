"""Fonts of the official-document PDF engine.

Five roles, as GB/T 9704-2012 names them:

========  ======================  ===========================================================
role      typeface                default file (in ``var/fonts/``, built by install_fonts.sh)
========  ======================  ===========================================================
``fang``  仿宋 (body, tables)      FandolFang-Regular.gb.otf
``kai``   楷体 (（一） headings)    FandolKai-Regular.gb.otf
``hei``   黑体 (一、 headings, 附件) NotoSansCJKsc-Regular.gb.otf
``xbs``   小标宋 (titles)          NotoSerifCJKsc-Bold.gb.otf (substitute)
``song``  宋体 (page numbers)      NotoSerifCJKsc-Regular.gb.otf
========  ======================  ===========================================================

Resolution order for each role:

1. ``LINZI_FONT_<ROLE>`` (e.g. ``LINZI_FONT_FANG=/opt/fonts/仿宋_GB2312.ttf``): that file;
2. a commercial face installed on the machine (仿宋_GB2312, FangSong, 楷体_GB2312, 方正小标宋简体,
   …), found with ``fc-list``; set ``LINZI_FONT_SYSTEM=0`` to skip this step;
3. the pre-subset free font in ``LINZI_FONT_DIR`` (default ``<repo>/var/fonts``).

Each setting may also be given as a Django setting of the same name.
"""

from __future__ import annotations

import array
import hashlib
import os
import subprocess
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ROLES: tuple[str, ...] = ("fang", "kai", "hei", "xbs", "song")
ROLE_LABELS = {"fang": "仿宋", "kai": "楷体", "hei": "黑体", "xbs": "小标宋", "song": "宋体"}

# role -> (file in the font dir, name of the face)
SUBSET_FONTS: dict[str, tuple[str, str]] = {
    "fang": ("FandolFang-Regular.gb.otf", "FandolFang"),
    "kai": ("FandolKai-Regular.gb.otf", "FandolKai"),
    "hei": ("NotoSansCJKsc-Regular.gb.otf", "Noto Sans CJK SC"),
    "xbs": ("NotoSerifCJKsc-Bold.gb.otf", "Noto Serif CJK SC Bold"),
    "song": ("NotoSerifCJKsc-Regular.gb.otf", "Noto Serif CJK SC"),
}

# Commercial faces that win over the free ones when installed (fontconfig family names).
SYSTEM_CANDIDATES: dict[str, tuple[str, ...]] = {
    "fang": (
        "仿宋_GB2312",
        "FangSong_GB2312",
        "仿宋",
        "FangSong",
        "方正仿宋_GBK",
        "方正仿宋简体",
        "华文仿宋",
        "STFangsong",
    ),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "方正楷体简体", "华文楷体", "STKaiti"),
    "hei": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"),
    "xbs": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
    "song": ("宋体", "SimSun", "方正书宋_GBK", "方正书宋简体"),
}
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


class FontsNotInstalledError(RuntimeError):
    """The pre-subset fonts are missing: run ``scripts/install_fonts.sh``."""


class MissingGlyphError(ValueError):
    """Some characters of the document are not in the font that would render them.

    ``missing`` maps the font name to the missing characters, in order of appearance.
    """

    def __init__(self, missing: dict[str, list[str]]):
        self.missing = missing
        super().__init__(
            "；".join(f"以下字符在字体 {name} 中缺失：{'、'.join(chars)}" for name, chars in missing.items())
        )


@dataclass(frozen=True)
class FontFace:
    role: str
    name: str  # human name of the face, used in messages: "FandolFang"
    path: Path
    origin: str  # "subset", "system" or "env"

    @property
    def css_family(self) -> str:
        """Family name used in the CSS (and hence in the PDF's BaseFont: ``ABCDEF+FandolFang-LZ``).

        Distinct from any installed family so that fontconfig never swaps in a system font.
        """
        return f"{self.name} LZ"


def _setting(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value:
        return value
    try:
        from django.conf import settings

        if settings.configured:
            value = getattr(settings, name, None)
            if value:
                return str(value)
    except Exception:  # Django absent or settings broken: environment only
        pass
    return default


def font_dir() -> Path:
    """Folder of the pre-subset fonts: ``LINZI_FONT_DIR`` or ``<repo>/var/fonts``."""
    return Path(_setting("LINZI_FONT_DIR") or REPO_ROOT / "var" / "fonts")


def _face_name(path: Path) -> str:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True, fontNumber=0)
    return (font["name"].getBestFamilyName() or path.stem).strip()


@lru_cache(maxsize=1)
def _system_fonts() -> tuple[tuple[str, str], ...]:
    """(family, file) of every Chinese font fontconfig knows, all family aliases listed."""
    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{family}\t%{file}\n", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    result = []
    for line in out.splitlines():
        families, _, file = line.partition("\t")
        if file.lower().endswith(FONT_SUFFIXES):
            result.extend((family.strip(), file) for family in families.split(","))
    return tuple(result)


def _system_face(role: str) -> FontFace | None:
    installed = _system_fonts()
    for candidate in SYSTEM_CANDIDATES[role]:
        for family, file in installed:
            if family == candidate:
                return FontFace(role, candidate, Path(file), "system")
    return None


_resolve_lock = threading.Lock()
_resolved: dict[tuple, dict[str, FontFace]] = {}


def resolve_fonts() -> dict[str, FontFace]:
    """The face used for each role (see the module docstring for the order)."""
    use_system = (_setting("LINZI_FONT_SYSTEM", "1") or "1").lower() not in ("0", "false", "no", "off")
    overrides = tuple(_setting(f"LINZI_FONT_{role.upper()}") for role in ROLES)
    key = (str(font_dir()), use_system, overrides)
    with _resolve_lock:
        if key in _resolved:
            return _resolved[key]
        faces: dict[str, FontFace] = {}
        missing: list[str] = []
        for role, override in zip(ROLES, overrides, strict=True):
            if override:
                path = Path(override)
                if not path.is_file():
                    raise FontsNotInstalledError(f"LINZI_FONT_{role.upper()}={override}: no such file")
                faces[role] = FontFace(role, _face_name(path), path, "env")
                continue
            if use_system and (face := _system_face(role)):
                faces[role] = face
                continue
            file, name = SUBSET_FONTS[role]
            path = font_dir() / file
            if not path.is_file():
                missing.append(str(path))
            faces[role] = FontFace(role, name, path, "subset")
        if missing:
            raise FontsNotInstalledError(
                "PDF fonts not built: " + ", ".join(missing) + ". Run scripts/install_fonts.sh "
                "(as root on a fresh machine) or point LINZI_FONT_DIR at a folder built by it."
            )
        _resolved[key] = faces
        return faces


def fonts_available() -> bool:
    """True when every role resolves to an existing font file."""
    try:
        resolve_fonts()
    except FontsNotInstalledError:
        return False
    return True


def clear_cache() -> None:
    """Forget resolved fonts and character maps (after rebuilding var/fonts/ or changing settings)."""
    with _resolve_lock:
        _resolved.clear()
    _system_fonts.cache_clear()
    _cmap.cache_clear()


def font_face_css(faces: dict[str, FontFace] | None = None) -> str:
    """``@font-face`` rules with local ``file://`` URLs, one family per role."""
    faces = faces or resolve_fonts()
    rules = []
    for face in faces.values():
        url = face.path.resolve().as_uri()
        rules.append(
            f'@font-face {{ font-family: "{face.css_family}"; src: url("{url}"); '
            "font-weight: normal; font-style: normal; }"
        )
    return "\n".join(rules) + "\n"


def cmap_cache_dir() -> Path:
    """Where the code points of each font are kept between processes (``LINZI_CMAP_CACHE``)."""
    return Path(_setting("LINZI_CMAP_CACHE") or REPO_ROOT / "var" / "cache" / "cmaps")


@lru_cache(maxsize=32)
def _cmap(path: str, mtime_ns: int) -> frozenset[int]:
    """The code points of a font file, read with fontTools once (~15 ms a font, and fontTools'
    import) and then kept on disk, keyed by the file's path, size and time."""
    name = hashlib.sha256(f"{path}|{mtime_ns}|{os.path.getsize(path)}".encode()).hexdigest()[:32]
    kept = cmap_cache_dir() / f"{name}.u32"
    try:
        codes = array.array("I")
        codes.frombytes(kept.read_bytes())
        return frozenset(codes)
    except OSError:
        pass
    from fontTools.ttLib import TTFont

    points = frozenset(TTFont(path, lazy=True, fontNumber=0).getBestCmap())
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(array.array("I", sorted(points)).tobytes())
        partial.replace(kept)
    except OSError:  # a read-only installation: read again next time
        pass
    return points


def covered(face: FontFace) -> frozenset[int]:
    """Code points the face maps to a glyph."""
    return _cmap(str(face.path), face.path.stat().st_mtime_ns)


def _needs_glyph(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


def check_coverage(text_by_role: dict[str, str], faces: dict[str, FontFace] | None = None) -> None:
    """Raise :class:`MissingGlyphError` listing every character of ``text_by_role[role]`` that the
    font of that role lacks, e.g. ``以下字符在字体 FandolFang 中缺失：𠮷、䶮``.

    Spaces and control characters are ignored.  Roles are those of :data:`ROLES`.
    """
    faces = faces or resolve_fonts()
    missing: dict[str, list[str]] = {}
    for role, text in text_by_role.items():
        if role not in faces:
            raise KeyError(f"unknown font role {role!r} (expected one of {ROLES})")
        face = faces[role]
        cmap = covered(face)
        for char in dict.fromkeys(text):
            if ord(char) not in cmap and _needs_glyph(char):
                chars = missing.setdefault(face.name, [])
                if char not in chars:
                    chars.append(char)
    if missing:
        raise MissingGlyphError(missing)
