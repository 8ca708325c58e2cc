#!/usr/bin/env bash
# coprod against NetworkX, igraph, NetworKit and rustworkx on the same synthetic
# community; one command from a clean checkout (see peers.py for what it measures):
#   benches/peers/run.sh [--sizes 10000,100000,1000000] [--big] [--tools ...]
# Creates .venv-peers at the repo root with the pinned requirements.txt, builds the
# `peers` example, and prints one Markdown table per size.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="$ROOT/.venv-peers"
PY="${PYTHON:-python3}"
cd "$ROOT"
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
if ! cmp -s "$HERE/requirements.txt" "$VENV/.peers-requirements"; then
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$HERE/requirements.txt"
    cp "$HERE/requirements.txt" "$VENV/.peers-requirements"
fi
grep -qxF /.venv-peers .gitignore 2>/dev/null || echo /.venv-peers >> .gitignore
cargo build --release --quiet --example peers
exec "$VENV/bin/python" "$HERE/peers.py" --binary "$ROOT/target/release/examples/peers" "$@"
