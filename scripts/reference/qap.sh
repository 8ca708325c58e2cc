#!/usr/bin/env bash
# Regenerate tests/fixtures/qap/ (R sna + brglm2). Installs R, sna and brglm2 from
# Debian (r-base-core, r-cran-sna, r-cran-brglm2) if missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v Rscript >/dev/null 2>&1 \
   || ! Rscript -e 'quit(status = if (all(sapply(c("sna", "brglm2"), requireNamespace, quietly = TRUE))) 0 else 1)' >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core r-cran-sna r-cran-brglm2
fi
cd "$ROOT" && Rscript --vanilla scripts/reference/qap.R "$@"
