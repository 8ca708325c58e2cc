#!/usr/bin/env bash
# Reference fixtures for the bundled cases: for each case, the aggregate of the
# positive layers (directed, weights summed) and its symmetrised version are
# exported with `coprod edges` / `coprod nodes` and measured by reference.py.
# Partition: sector; group: the case's party actors (the "core"), or the
# reference script's default (top-3 degree) where a case has none.
# Writes tests/fixtures/reference/case_<case>_{agg,sym}.json.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="$ROOT/.venv-ref/bin/python"
"$HERE/setup.sh"
cd "$ROOT"
cargo build --release --quiet
BIN="$ROOT/target/release/coprod"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for case in $("$BIN" cases | cut -d: -f1); do
  for view in agg sym; do
    flags=(); dir=--directed
    if [ "$view" = sym ]; then flags=(--symmetric); dir=--undirected; fi
    "$BIN" edges "$case" "${flags[@]}" > "$tmp/edges.csv"
    "$BIN" nodes "$case" "${flags[@]}" > "$tmp/nodes.csv"
    tail -n +2 "$tmp/nodes.csv" | cut -d, -f1 > "$tmp/nodes.txt"
    { echo node,class; tail -n +2 "$tmp/nodes.csv" | cut -d, -f1,3; } > "$tmp/partition.csv"
    party=$(tail -n +2 "$tmp/nodes.csv" | awk -F, '$2=="party"{print $1}' | paste -sd, -)
    group=(); [ -n "$party" ] && group=(--group "$party")
    "$PY" "$HERE/reference.py" --edge-list "$tmp/edges.csv" --nodes "$tmp/nodes.txt" \
      --partition "$tmp/partition.csv" "${group[@]}" $dir --weighted \
      --name "case_${case}_${view}" --out "$ROOT/tests/fixtures/reference"
  done
done
