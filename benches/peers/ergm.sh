#!/usr/bin/env bash
# ERGM peers comparison: coprod ergm vs ergmx (PyPI, Rust core) on faux.mesa.high and synthetic
# communities (coprod generate), 1 and 2 threads: fit time (MCMC-MLE, each tool's defaults) and
# sampler steps per second at the same coefficients (ergmx: one simulate call; coprod: one chain per
# thread, `--steps S --chains T`, every chain's steps counted). Prints a Markdown table.
# Usage: benches/peers/ergm.sh [SIZES] [THREADS] [STEPS] [TIMEOUT]   (defaults 1000,10000 1,2 1000000 120)
# Python: a venv with ergmx, igraph, numpy (benches/peers/requirements.txt); PYTHON overrides.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-python3}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
(cd "$ROOT" && cargo build --release --quiet)
echo "coprod $(git -C "$ROOT" rev-parse --short HEAD); $("$PY" -c 'import ergmx; print("ergmx", ergmx.__version__)')"
"$PY" "$ROOT/benches/peers/ergm_peers.py" --coprod "$ROOT/target/release/coprod" --tmp "$tmp" \
    --sizes "${1:-1000,10000}" --threads "${2:-1,2}" --steps "${3:-1000000}" --timeout "${4:-120}"
