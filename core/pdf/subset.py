"""Pre-subset the CJK fonts used by the PDF engine (run by scripts/install_fonts.sh).

Standalone on purpose: it imports nothing from the project, so the install script can run it
before Django or the project package is importable::

    python core/pdf/subset.py --out var/fonts --fandol-dir DIR [--force] [EXTRA_TEXT_FILE ...]

Each font is cut down to GB 2312 (both the GB 2312 and the GBK mapping of its symbols), ASCII,
the punctuation of official documents, ``extra_chars.txt`` beside this file and every character of
the extra text files given (e.g. ``units.csv``).  WeasyPrint then subsets a ~2 MB font per
document instead of a 20 MB collection, which is what makes rendering fast.

A ``manifest.json`` in the output folder records the sources and the character set; a second run
with the same inputs does nothing (idempotent).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRA_CHARS_FILE = HERE / "extra_chars.txt"
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
TEXLIVE_FANDOL_DIR = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
MANIFEST = "manifest.json"
#: Bump when the subsetting options change, so that existing subsets are rebuilt.
BUILD_VERSION = 2

# role -> (output file, source file name, family name of the face inside a collection)
FONTS: dict[str, tuple[str, str, str | None]] = {
    "fang": ("FandolFang-Regular.gb.otf", "FandolFang-Regular.otf", None),
    "kai": ("FandolKai-Regular.gb.otf", "FandolKai-Regular.otf", None),
    "hei": ("NotoSansCJKsc-Regular.gb.otf", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    "xbs": ("NotoSerifCJKsc-Bold.gb.otf", "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
    "song": ("NotoSerifCJKsc-Regular.gb.otf", "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
}

# Characters every official document may need beyond GB 2312 proper.
_EXTRA_RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xFF01, 0xFF5E),  # full-width forms
    (0x3000, 0x3011),  # ideographic space, 、。〃〄々〆〇〈〉《》「」『』【】
    (0x3014, 0x301F),  # 〔〕〖〗〘〙〚〛〜〝〞〟
    (0x2010, 0x2027),  # ‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧
    (0x2030, 0x2033),  # ‰‱′″
    (0x2160, 0x217F),  # Roman numerals Ⅰ…ⅿ
    (0x2460, 0x249B),  # ①…⒛
    (0x3220, 0x3229),  # ㈠…㈩
]
_EXTRA_CHARS = "﹐﹑﹒﹔﹕﹖﹗\u00a0·×÷°±¥€£§¨¯´µ¶℃℉№™※←↑→↓√∞∶≈≠≤≥□■△▲○●◇◆☆★〇％＄￥￠￡"


def gb2312_chars() -> set[str]:
    """Every character of GB 2312, with both the GB 2312 and the GBK (CP936) Unicode mapping."""
    chars: set[str] = set()
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            raw = bytes((b1, b2))
            for encoding in ("gb2312", "gbk"):
                with contextlib.suppress(UnicodeDecodeError):
                    chars.add(raw.decode(encoding))
    return chars


def base_charset() -> set[str]:
    chars = gb2312_chars()
    for start, end in _EXTRA_RANGES:
        chars.update(chr(c) for c in range(start, end + 1))
    chars.update(_EXTRA_CHARS)
    return chars


def text_chars(text: str) -> set[str]:
    return {c for c in text if c.isprintable() and c not in "\r\n\t"}


def build_charset(extra_files: list[Path]) -> set[str]:
    chars = base_charset()
    if EXTRA_CHARS_FILE.exists():
        chars |= text_chars(EXTRA_CHARS_FILE.read_text(encoding="utf-8"))
    for path in extra_files:
        chars |= text_chars(path.read_text(encoding="utf-8-sig"))
    return chars


def _source_path(role: str, fandol_dir: Path | None, noto_dir: Path) -> Path:
    _, source, _ = FONTS[role]
    if source.startswith("Fandol"):
        for folder in filter(None, (fandol_dir, TEXLIVE_FANDOL_DIR)):
            if (folder / source).exists():
                return folder / source
        raise SystemExit(f"{source} not found (looked in {fandol_dir} and {TEXLIVE_FANDOL_DIR})")
    path = noto_dir / source
    if not path.exists():
        raise SystemExit(f"{path} not found: install the Debian package fonts-noto-cjk")
    return path


def _open_face(path: Path, family: str | None):
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        collection = TTCollection(str(path), lazy=False)
        for font in collection.fonts:
            if font["name"].getDebugName(1) == family:
                return font
        raise SystemExit(f"no face {family!r} in {path}")
    return TTFont(str(path), lazy=False)


def subset_font(source: Path, family: str | None, chars: set[str], out: Path) -> int:
    """Write the subset of one face to ``out``; return the number of characters it covers."""
    from fontTools import subset

    font = _open_face(source, family)
    cmap = font.getBestCmap()
    unicodes = sorted(ord(c) for c in chars if ord(c) in cmap)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    options.desubroutinize = True  # WeasyPrint desubroutinizes anyway: do it once here
    options.layout_features = ["*"]
    # Horizontal text only: vertical metrics and baseline tables are dead weight.
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    font.save(str(tmp))
    os.replace(tmp, out)
    return len(unicodes)


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{path}:{stat.st_size}:{int(stat.st_mtime)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder (var/fonts)")
    parser.add_argument("--fandol-dir", type=Path, default=None, help="folder with Fandol*.otf")
    parser.add_argument("--noto-dir", type=Path, default=NOTO_DIR)
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes")
    parser.add_argument("extra", nargs="*", type=Path, help="text files whose characters to add")
    args = parser.parse_args(argv)

    chars = build_charset([p for p in args.extra if p.exists()])
    charset_hash = hashlib.sha256("".join(sorted(chars)).encode()).hexdigest()
    manifest_path = args.out / MANIFEST
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}

    manifest: dict = {"version": BUILD_VERSION, "charset_sha256": charset_hash, "charset_size": len(chars), "fonts": {}}
    todo = {}
    for role, (out_name, _, family) in FONTS.items():
        source = _source_path(role, args.fandol_dir, args.noto_dir)
        out = args.out / out_name
        entry = {"file": out_name, "source": str(source), "face": family, "source_fingerprint": _fingerprint(source)}
        previous = old.get("fonts", {}).get(role, {})
        up_to_date = (
            not args.force
            and out.exists()
            and old.get("version") == BUILD_VERSION
            and old.get("charset_sha256") == charset_hash
            and previous.get("source_fingerprint") == entry["source_fingerprint"]
        )
        if up_to_date:
            entry["chars"] = previous.get("chars")
            print(f"  {out_name}: up to date")
        else:
            todo[role] = (source, family, out)
        manifest["fonts"][role] = entry

    # ~30 s per font (the Noto collections are 20-27 MB): one process per core.
    started = time.monotonic()
    jobs = max(1, min(args.jobs, len(todo)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {
            role: pool.submit(subset_font, chars=chars, source=source, family=family, out=out)
            for role, (source, family, out) in todo.items()
        }
        for role, future in futures.items():
            out = todo[role][2]
            manifest["fonts"][role]["chars"] = future.result()
            print(
                f"  {out.name}: {manifest['fonts'][role]['chars']} characters, "
                f"{out.stat().st_size // 1024} KiB ({time.monotonic() - started:.0f} s)"
            )
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
