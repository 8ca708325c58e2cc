#!/usr/bin/env bash
# Regenerate every reference fixture: setup, then all graphs of graphs.py into
# tests/fixtures/reference/, then a smoke test of the case-graph mode (to a temp dir).
# Extra arguments go to reference.py (e.g. --only karate kite).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="$ROOT/.venv-ref/bin/python"
start=$(date +%s)

"$HERE/setup.sh"
"$PY" "$HERE/reference.py" "$@"

# Family scripts: reference values the shared fixtures lack.
for fam in brokerage centrality cohesion structure; do
  "$PY" "$HERE/$fam.py"
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$PY" "$HERE/reference.py" --edge-list "$HERE/examples/case_edges.csv" \
    --nodes "$HERE/examples/case_nodes.txt" --partition "$HERE/examples/case_partition.csv" \
    --name example_case --out "$tmp"
test -s "$tmp/example_case.json"

# The bundled cases (needs cargo), and their exports read back.
"$HERE/cases.sh"
"$PY" "$HERE/exports.py"

# Null-model distributions of R sna (rgnm, rguman, rgnmix) for tests/baselines.rs.
(cd "$ROOT" && Rscript --vanilla "$HERE/baselines.R")

# The comparison engine's panel (NetworkX) and cug.test tail shares (sna) for tests/compare.rs.
(cd "$ROOT" && "$PY" "$HERE/compare.py")
(cd "$ROOT" && Rscript --vanilla "$HERE/compare.R")

# Holm's adjustment (base R p.adjust) for tests/answer.rs.
(cd "$ROOT" && Rscript --vanilla "$HERE/holm.R")

echo "run.sh: done in $(( $(date +%s) - start ))s; fixtures: $(du -sh "$ROOT/tests/fixtures/reference" | cut -f1)"
