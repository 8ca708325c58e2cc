#!/usr/bin/env bash
# Compare coprod with NetworkX, igraph and NetworKit on one seeded graph; see compare.py.
#   scripts/bench/compare.sh --n 10000 --m 40000 [--directed] [--skip networkx]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
scripts/reference/setup.sh >/dev/null
.venv-ref/bin/pip install -q "networkit==11.2.2"
cargo build --release --quiet --example bench_compare
exec .venv-ref/bin/python scripts/bench/compare.py --binary target/release/examples/bench_compare "$@"
