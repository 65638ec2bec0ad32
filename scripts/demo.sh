#!/usr/bin/env bash
# The main job: brings up the quickstart sample (a request counter behind a front end) and
# shows it answering. Installs and starts an engine when none answers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${QUICKSTART_PORT:-8080}"

"$here/scripts/engine.sh"
"$here/scripts/base-image.sh"
"$here/jcompose" -f "$here/samples/quickstart/compose.yaml" up -d

for i in 1 2; do
  answer=""
  for _ in $(seq 1 50); do
    answer="$(curl -fsS "http://127.0.0.1:$port/" 2>/dev/null)" && break
    sleep 0.2
  done
  echo "GET http://127.0.0.1:$port/ -> ${answer:-no answer}"
done
[ -n "$answer" ] || exit 1
echo
echo "The quickstart runs. See it with: ./jcompose -f samples/quickstart/compose.yaml ps"
echo "Remove it with:                  ./jcompose -f samples/quickstart/compose.yaml down"
