#!/usr/bin/env bash
# The issue-10 scale run: generate a community like Jinsong and analyse it
# (degree, PageRank, k-core, components, clustering, transitivity,
# approximate betweenness ε = 0.01, δ = 0.1), timing each command with its
# peak resident memory, and print one Markdown row per size.
#   benches/scale.sh [--sizes 1000000,10000000] [--variant one-core] [--seed 1] [--dir DIR]
# The community is read as undirected (`analyse --symmetric`), as the peers
# script does; the analysis uses every core (RAYON_NUM_THREADS to change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=1000000,10000000
VARIANT=one-core
SEED=1
DIR="${TMPDIR:-/tmp}/coprod-scale"
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES="$2"; shift 2 ;;
        --variant) VARIANT="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --dir) DIR="$2"; shift 2 ;;
        *) echo "scale.sh: unknown option $1 (--sizes, --variant, --seed, --dir)" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "scale.sh: needs GNU time (/usr/bin/time; Debian: apt-get install -y time)" >&2; exit 1; }
cd "$ROOT"
cargo build --release --quiet
BIN="$ROOT/target/release/coprod"
mkdir -p "$DIR"
# "seconds peak_mb" of a command (its standard output to the second argument),
# from GNU time's report.
timed() {
    local log="$1" stdout="$2"; shift 2
    /usr/bin/time -f "%e %M" -o "$log" "$@" >"$stdout"
    awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$log"
}
echo "| residents | actors | ties | generate | analyse | total | degree | PageRank | k-core | components | clustering | transitivity | approx. betweenness |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in ${SIZES//,/ }; do
    out="$DIR/$VARIANT-$n-$SEED"
    rm -rf "$out"
    read -r gs gm < <(timed "$DIR/gen.time" "$DIR/gen.out" "$BIN" generate --residents "$n" --variant "$VARIANT" --seed "$SEED" --out "$out")
    read -r as am < <(timed "$DIR/an.time" /dev/null "$BIN" analyse "$out/graph.coprod" --symmetric --summary "$out/summary.json" -o "$out/analysis.csv")
    python3 - "$out/summary.json" "$n" "$gs" "$gm" "$as" "$am" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
n, gs, gm, a_s, am = sys.argv[2], float(sys.argv[3]), sys.argv[4], float(sys.argv[5]), sys.argv[6]
s = j["seconds"]
cells = [f"{int(n):,}", f"{j['nodes']:,}", f"{j['ties']:,}", f"{gs:.1f} s, {gm} MB", f"{a_s:.1f} s, {am} MB", f"{gs + a_s:.1f} s"]
for k in ["degree", "pagerank", "core_number", "component", "clustering", "transitivity", "approx_betweenness"]:
    cells.append(f"{s[k]:.3f} s")
print("| " + " | ".join(cells) + " |")
PY
done
