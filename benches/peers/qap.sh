#!/usr/bin/env bash
# QAP peers comparison at 10^3 actors: sna::netlm / netlogit vs coprod qap --model lm / logit,
# on the same matrices (a seeded random case directory both read; arenas as co-membership).
# sna is slow at this size, so it runs SNA_REPS replicates and coprod COPROD_REPS; the
# comparable number is the time per replicate fit (4 terms x reps fits each under qapspp,
# reps under qapy).
# Usage: benches/peers/qap.sh [N] [SNA_REPS] [COPROD_REPS] [MODEL lm|logit] [NULL qapspp|qapy]
#        (defaults 1000 2 1000 lm qapspp)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-1000}"; SNA_REPS="${2:-2}"; COPROD_REPS="${3:-1000}"; MODEL="${4:-lm}"; NULL="${5:-qapspp}"
FITS=4; [ "$NULL" = qapy ] && FITS=1
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
(cd "$ROOT" && cargo build --release --quiet)
COPROD_ROOT="$ROOT" Rscript --vanilla "$ROOT/benches/peers/qap_peers.R" "$tmp" "$N" "$SNA_REPS" "$MODEL" "$NULL"
start=$(date +%s.%N)
"$ROOT/target/release/coprod" qap "$tmp/data/peers" --model "$MODEL" --fit ml --null "$NULL" \
    --y resource --x leadership+administrative,arena,party_dyad --reps "$COPROD_REPS" --format csv > "$tmp/coprod.csv"
end=$(date +%s.%N)
el=$(echo "$end - $start" | bc -l)
coef=$(tail -n +2 "$tmp/coprod.csv" | cut -d, -f2 | xargs printf '%.6f,' | sed 's/,$//')
printf 'coprod\t%s\t%s\t%s\tn=%s\treps=%s\tseconds=%.2f\tper_replicate_fit=%.5f\tcoef=%s\n' \
    "$(git -C "$ROOT" rev-parse --short HEAD)" "$MODEL" "$NULL" "$N" "$COPROD_REPS" "$el" \
    "$(echo "$el / ($COPROD_REPS * $FITS)" | bc -l)" "$coef"
