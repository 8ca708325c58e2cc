#!/usr/bin/env bash
# SBM description-length minimisation, coprod against graph-tool, on the same
# synthetic communities (coprod generate --like jinsong, seed 1, the aggregate
# of the positive layers read as undirected), same run:
#   benches/peers/sbm.sh [--residents 1000,3000,10000] [--plain]
# Prints, per size, both tools' time and description length (degree-corrected
# unless --plain), and graph-tool's score of coprod's partition (the same
# objective). Needs Debian's python3-graph-tool (scripts/reference/sbm_setup.sh).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SIZES=1000,3000,10000
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --residents) SIZES="$2"; shift 2 ;;
    --plain) EXTRA+=(--plain); shift ;;
    *) echo "sbm.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
"$ROOT/scripts/reference/sbm_setup.sh"
cd "$ROOT"
cargo build --release --quiet --bin coprod --example sbm_peers
BIN="$ROOT/target/release/coprod"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "| residents | actors | edges | coprod s | coprod Σ (B) | graph-tool s | graph-tool Σ (B) | coprod's partition scored by graph-tool |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in ${SIZES//,/ }; do
  "$BIN" generate --like jinsong --residents "$r" --seed 1 --out "$tmp/c$r" >/dev/null
  "$BIN" edges "$tmp/c$r" --symmetric > "$tmp/e$r.csv"
  c=$("$ROOT/target/release/examples/sbm_peers" "$tmp/e$r.csv" "$tmp/p$r.txt" --seed 1 "${EXTRA[@]}")
  g=$(/usr/bin/python3 "$HERE/sbm_graph_tool.py" "$tmp/e$r.csv" "$tmp/p$r.txt" --seed 1 "${EXTRA[@]}")
  /usr/bin/python3 - "$r" "$c" "$g" <<'PY'
import json, sys
r, c, g = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"| {r} | {c['n']} | {c['m']} | {c['seconds']:.2f} | {c['description_length']:.2f} ({c['blocks']}) | "
      f"{g['seconds']:.2f} | {g['description_length']:.2f} ({g['blocks']}) | {g['coprod_partition_by_graph_tool']:.2f} |")
PY
done
