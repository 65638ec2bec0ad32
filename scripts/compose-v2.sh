#!/usr/bin/env bash
# Compose v2, the reference jcompose is compared with (Debian trixie's docker-compose package:
# the compose v2 CLI plugin, a static Go binary), unpacked beside the system by scripts/trixie.sh.
# Prints the binary's path; fast when already unpacked. Tests find it through COMPOSE_V2, which
# scripts/test.sh sets from this script's answer.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$("$here/trixie.sh" docker-compose | tail -n 1)"
bin="$dir/usr/libexec/docker/cli-plugins/docker-compose"
if [ ! -x "$bin" ] || ! "$bin" version >/dev/null 2>&1; then
  echo "compose-v2.sh: $bin is missing or does not run" >&2
  exit 1
fi
echo "$bin"
