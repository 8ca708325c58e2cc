#!/usr/bin/env bash
# netlogit peers comparison on a bundled case, same run, same matrices: sna::netlogit (R, Debian
# r-cran-sna) and `coprod qap --model logit`, outcome resource+service+information on
# leadership+administrative, arena, party_dyad, same_kind, sender:party (arenas as
# co-membership), one null, REPS relabellings each. Prints one line per tool: wall and CPU
# seconds, coefficients (equal to 1e-6) and the two-sided p-values (equal within Monte-Carlo
# error: the tools draw different relabellings).
# Usage: benches/peers/qap_logit.sh [CASE] [NULL] [REPS]   (defaults jinsong qapy 10000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CASE="${1:-jinsong}"; NULL="${2:-qapy}"; REPS="${3:-10000}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
(cd "$ROOT" && cargo build --release --quiet)
Rscript --vanilla "$ROOT/benches/peers/qap_logit.R" "$ROOT" "$CASE" "$NULL" "$REPS"
/usr/bin/time -f '%e %U %S' -o "$tmp/time" "$ROOT/target/release/coprod" qap "$CASE" \
    --model logit --fit ml --y resource,service,information \
    --x leadership+administrative,arena,party_dyad,same_kind,sender:party \
    --null "$NULL" --reps "$REPS" --format csv > "$tmp/coprod.csv"
read -r wall user sys < "$tmp/time"
coef=$(tail -n +2 "$tmp/coprod.csv" | cut -d, -f2 | xargs printf '%.6f,' | sed 's/,$//')
p=$(tail -n +2 "$tmp/coprod.csv" | cut -d, -f5 | xargs printf '%.4f,' | sed 's/,$//')
printf 'coprod\t%s\tnull=%s\treps=%s\tseconds=%.2f\tcpu=%.2f\tcoef=%s\tp=%s\n' \
    "$(git -C "$ROOT" rev-parse --short HEAD)" "$NULL" "$REPS" "$wall" \
    "$(echo "$user + $sys" | bc -l)" "$coef" "$p"
