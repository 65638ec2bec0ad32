#!/usr/bin/env bash
# gen-stack.sh N [DIR]: writes DIR/compose.yaml with N services on the local base image, each a
# long-running `sleep` behind `init: true` (so it stops on SIGTERM at once), on the default
# network, every fifth service depending on the one before it. Files that both jcompose and
# docker-compose 1.29 accept (no top-level `name:`; the project name comes from -p).
set -euo pipefail
n="$1"; dir="${2:-.}"
mkdir -p "$dir"
{
  echo "services:"
  for i in $(seq 1 "$n"); do
    echo "  svc$i:"
    echo "    image: jcompose/base:latest"
    echo "    command: [\"sleep\", \"3600\"]"
    echo "    init: true"
    echo "    environment:"
    echo "      SERVICE_INDEX: \"$i\""
    echo "    labels:"
    echo "      bench.jcompose.dev/index: \"$i\""
    if [ $((i % 5)) -eq 0 ]; then
      echo "    depends_on:"
      echo "      - svc$((i - 1))"
    fi
  done
} > "$dir/compose.yaml"
