#!/usr/bin/env bash
# Makes compose v2 (Debian trixie's docker-compose, 2.26.1) available to the tests that use it as
# an oracle (ComposeV2OracleTest), without installing it: scripts/trixie.sh unpacks the package
# under ~/.cache/jcompose-tools. Idempotent, and fast once done. Prints the binary's path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$("$here/scripts/trixie.sh" docker-compose | tail -1)"
bin="$dir/usr/libexec/docker/cli-plugins/docker-compose"
[ -x "$bin" ] || { echo "compose-v2.sh: no docker-compose binary in $dir" >&2; exit 1; }
echo "$bin"
