#!/usr/bin/env bash
# Regenerate tests/fixtures/ergm/*.json: setup (idempotent), then ergm_reference.py from the
# repo root. Extra arguments go to ergm_reference.py (e.g. --only florentine_marriage).
# Set PY=/path/to/python to use an existing environment with the pinned packages instead.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
if [ -z "${PY:-}" ]; then
    "$HERE/setup.sh"
    PY="$HERE/.venv/bin/python"
fi
start=$(date +%s)
(cd "$ROOT" && "$PY" "$HERE/ergm_reference.py" "$@")
# the two-mode (actor x arena) terms: tests/fixtures/ergm_bipartite/two_mode.json
(cd "$ROOT" && "$PY" "$HERE/bipartite.py")
echo "run.sh: done in $(( $(date +%s) - start ))s"
