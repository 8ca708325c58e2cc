#!/usr/bin/env bash
# Idempotent: install Debian's python3-graph-tool (the reference for
# coprod::inference::sbm) if /usr/bin/python3 cannot import it. The committed
# fixtures were made with graph-tool 2.45 (Debian bookworm, 2.45+ds-10).
set -euo pipefail
if /usr/bin/python3 -c 'import graph_tool.all' 2>/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update
$SUDO apt-get install -y python3-graph-tool python3-numpy
/usr/bin/python3 -c 'import graph_tool; print("sbm_setup.sh: graph-tool", graph_tool.__version__)'
