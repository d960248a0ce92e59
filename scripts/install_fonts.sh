#!/usr/bin/env bash
# Install the free CJK fonts of the PDF engine and pre-subset them into var/fonts/.
#
#   scripts/install_fonts.sh [--force] [EXTRA_TEXT_FILE ...]
#
# Idempotent and non-interactive; run as root (or a user with sudo) on a fresh Debian 12 machine;
# apt steps are skipped when everything is already there, so any user can re-run it.
#   1. Debian packages: fonts-noto-cjk (黑体 / 小标宋 substitute / 宋体), libharfbuzz-subset0
#      (lets WeasyPrint subset fonts with HarfBuzz: ~10x faster than fontTools), fontconfig.
#   2. FandolFang / FandolKai (仿宋 / 楷体): only Debian's texlive-lang-chinese ships them, and
#      installing it drags in ~23 TeX packages. We fetch that one .deb with `apt-get download`
#      (49 MB, nothing installed) and extract the two .otf files into var/fonts/src/fandol/.
#      An installed texlive-lang-chinese is used directly.
#   3. Subset each font with fontTools to GB 2312 + ASCII + punctuation + core/pdf/extra_chars.txt
#      + every character of ../shared/units.csv and of the files given as arguments.
# Output: var/fonts/*.gb.otf and var/fonts/manifest.json (see docs/FONTS.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${LINZI_FONT_DIR:-$ROOT/var/fonts}"
SRC="$OUT/src/fandol"
TEXLIVE_FANDOL=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
NOTO_DIR=/usr/share/fonts/opentype/noto
export DEBIAN_FRONTEND=noninteractive

FORCE=()
EXTRA=()
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=(--force) ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) EXTRA+=("$(realpath "$arg")") ;;
  esac
done
[ -f "$ROOT/fixtures/units.csv" ] && EXTRA+=("$(realpath "$ROOT/fixtures/units.csv")")

log() { echo "install_fonts: $*"; }
SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo DEBIAN_FRONTEND=noninteractive); fi
is_root() { [ "$(id -u)" -eq 0 ] || [ "${#SUDO[@]}" -gt 0 ]; }
APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    ${SUDO[@]+"${SUDO[@]}"} apt-get update -qq
    APT_UPDATED=1
  fi
}
need_pkg() {  # need_pkg PACKAGE...: install those not installed yet
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! is_root; then
    log "missing Debian packages: ${missing[*]} (run this script as root or with sudo)" >&2
    exit 1
  fi
  apt_update_once
  log "apt-get install ${missing[*]}"
  ${SUDO[@]+"${SUDO[@]}"} apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# 1. Debian packages -------------------------------------------------------------------------------
need_pkg fontconfig fonts-noto-cjk libharfbuzz-subset0

# 2. Fandol fonts ----------------------------------------------------------------------------------
if [ -f "$TEXLIVE_FANDOL/FandolFang-Regular.otf" ] && [ -f "$TEXLIVE_FANDOL/FandolKai-Regular.otf" ]; then
  FANDOL_DIR="$TEXLIVE_FANDOL"
  log "Fandol fonts from the installed texlive-lang-chinese"
elif [ -f "$SRC/FandolFang-Regular.otf" ] && [ -f "$SRC/FandolKai-Regular.otf" ]; then
  FANDOL_DIR="$SRC"
  log "Fandol fonts already extracted in $SRC"
else
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  chmod 755 "$TMP"
  log "fetching texlive-lang-chinese.deb (only FandolFang/FandolKai are kept)"
  DL=(apt-get download -qq)
  [ "$(id -u)" -eq 0 ] && DL+=(-o APT::Sandbox::User=root)  # root: no _apt sandbox for a temp dir
  if ! (cd "$TMP" && "${DL[@]}" texlive-lang-chinese); then
    apt_update_once
    (cd "$TMP" && "${DL[@]}" texlive-lang-chinese)
  fi
  DEB="$(ls "$TMP"/texlive-lang-chinese_*.deb)"
  mkdir -p "$TMP/x" "$SRC"
  dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$TMP/x" \
    ./usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf \
    ./usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolKai-Regular.otf \
    ./usr/share/doc/texlive-doc/fonts/fandol/README \
    ./usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz
  cp -p "$TMP/x$TEXLIVE_FANDOL"/Fandol{Fang,Kai}-Regular.otf "$SRC/"  # -p: stable fingerprints
  cp "$TMP/x/usr/share/doc/texlive-doc/fonts/fandol/README" "$SRC/README"
  gzip -dc "$TMP/x/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz" > "$SRC/COPYING"
  basename "$DEB" > "$SRC/SOURCE"
  FANDOL_DIR="$SRC"
fi

# 3. Subset ----------------------------------------------------------------------------------------
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY="$(command -v python3)"; fi
fi
if ! "$PY" -c "import fontTools" 2>/dev/null; then
  log "fontTools not importable by $PY: using Debian's python3-fonttools"
  need_pkg python3 python3-fonttools
  PY=/usr/bin/python3
fi
mkdir -p "$OUT"
log "subsetting into $OUT"
"$PY" "$ROOT/core/pdf/subset.py" --out "$OUT" --fandol-dir "$FANDOL_DIR" --noto-dir "$NOTO_DIR" \
  ${FORCE[@]+"${FORCE[@]}"} ${EXTRA[@]+"${EXTRA[@]}"}
log "done"
