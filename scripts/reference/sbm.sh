#!/usr/bin/env bash
# Reference fixtures for the stochastic block model (graph-tool):
# tests/fixtures/sbm/*.json. Installs Debian's python3-graph-tool if missing
# (sbm_setup.sh), exports the bundled cases' aggregate views (directed and
# symmetrised) with `coprod edges` / `coprod nodes`, and runs sbm.py with
# /usr/bin/python3. Arguments are passed to sbm.py (e.g. --only u_gnm_30).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
"$HERE/sbm_setup.sh"
cd "$ROOT"
cargo build --release --quiet
BIN="$ROOT/target/release/coprod"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for case in $("$BIN" cases | cut -d: -f1); do
  "$BIN" edges "$case" > "$tmp/${case}_agg.edges.csv"
  "$BIN" nodes "$case" > "$tmp/${case}_agg.nodes.csv"
  "$BIN" edges "$case" --symmetric > "$tmp/${case}_sym.edges.csv"
  "$BIN" nodes "$case" --symmetric > "$tmp/${case}_sym.nodes.csv"
done
/usr/bin/python3 "$HERE/sbm.py" --cases "$tmp" --out "$ROOT/tests/fixtures/sbm" "$@"
