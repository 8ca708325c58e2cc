#!/usr/bin/env bash
# Idempotent setup of the agreement reference toolchain: a venv .venv-ref-agreement at
# the repo root with the pins of agreement_requirements.txt (scikit-learn for Cohen's
# kappa, krippendorff for Krippendorff's alpha), then the fixture:
#   scripts/reference/agreement_setup.sh   # writes tests/fixtures/agreement/agreement.json
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="$ROOT/.venv-ref-agreement"
REQ="$HERE/agreement_requirements.txt"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { echo "agreement_setup.sh: need Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
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
        print(f"agreement_setup.sh: {name} {have} != {want}")
        ok = False
sys.exit(0 if ok else 1)
PYEOF
then
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$REQ"
fi
GI="$ROOT/.gitignore"
touch "$GI"
grep -qxF "/.venv-ref-agreement" "$GI" || echo "/.venv-ref-agreement" >> "$GI"

(cd "$ROOT" && "$VENV/bin/python" "$HERE/agreement.py")
