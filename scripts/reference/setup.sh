#!/usr/bin/env bash
# Idempotent setup of the reference toolchain:
#   - Python venv .venv-ref at the repo root with the pinned packages of requirements.txt
#   - R with the sna package (Debian packages r-base-core, r-cran-sna) if missing
#   - .gitignore entries for /.venv-ref and /target
# Safe to run repeatedly: it only installs what is missing or at the wrong version.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="$ROOT/.venv-ref"
REQ="$HERE/requirements.txt"
PY="${PYTHON:-python3}"

# ---- Python venv
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { echo "setup.sh: need Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
    echo "setup.sh: creating $VENV"
    "$PY" -m venv "$VENV"
fi
if ! "$VENV/bin/python" - "$REQ" <<'PYEOF'
import sys
import importlib.metadata as md
ok = True
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, want = line.split("==")
    try:
        have = md.version(name)
    except md.PackageNotFoundError:
        have = None
    if have != want:
        print(f"setup.sh: {name} {have} != {want}")
        ok = False
sys.exit(0 if ok else 1)
PYEOF
then
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$REQ"
fi

# ---- R + sna
if ! command -v Rscript >/dev/null 2>&1 \
    || ! Rscript -e 'quit(status = if (requireNamespace("sna", quietly = TRUE)) 0 else 1)' >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "setup.sh: installing R and sna via apt-get"
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core r-cran-sna
fi

# ---- .gitignore
GI="$ROOT/.gitignore"
touch "$GI"
if [ -s "$GI" ] && [ -n "$(tail -c 1 "$GI")" ]; then echo >> "$GI"; fi
for pat in /target /.venv-ref; do
    grep -qxF "$pat" "$GI" || echo "$pat" >> "$GI"
done

echo "setup.sh: ok ($("$VENV/bin/python" --version), $(Rscript --version 2>&1 | head -1))"
