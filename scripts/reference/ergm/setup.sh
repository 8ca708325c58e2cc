#!/usr/bin/env bash
# Idempotent setup of the ERGM reference toolchain: a venv scripts/reference/ergm/.venv with
# the pins of requirements.txt (only what is missing or at another version is installed), and
# R with brglm2 (Debian r-base-core, r-cran-brglm2; the fixtures used R 4.2.2, brglm2 0.9).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/.venv"
REQ="$HERE/requirements.txt"
PY="${PYTHON:-python3}"

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
# R with brglm2, for the Firth-penalised MPLE of the coprod cases (firth.R)
if ! command -v Rscript >/dev/null 2>&1 \
    || ! Rscript -e 'quit(status = if (requireNamespace("brglm2", quietly = TRUE)) 0 else 1)' >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "setup.sh: installing R and brglm2 via apt-get"
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core r-cran-brglm2
fi
echo "setup.sh: ok ($("$VENV/bin/python" --version), $(Rscript --version 2>&1 | head -1), brglm2 $(Rscript -e 'cat(as.character(packageVersion("brglm2")))'))"
