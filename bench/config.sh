#!/usr/bin/env bash
# config.sh [N] [HEAP]: `config` end to end (JVM start included) on a generated file of N
# services (default 500) using many syntaxes (ports, volumes, env, labels, healthcheck,
# depends_on, networks), best of 5 runs; then the same with HEAP (default 256m) on 4*N services.
# Needs the built jar (cli/target/jcompose.jar; ./jcompose builds it on first use).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-500}"; heap="${2:-256m}"
jar="$root/cli/target/jcompose.jar"
[ -f "$jar" ] || "$root/jcompose" version >/dev/null
java="${JAVA:-java}"
gen() {
  local count="$1" dir="$2"
  mkdir -p "$dir"
  {
    echo "name: bench"
    echo "x-common: &common"
    echo "  restart: unless-stopped"
    echo "  init: true"
    echo "services:"
    for i in $(seq 1 "$count"); do
      echo "  svc$i:"
      echo "    <<: *common"
      echo "    image: jcompose/base:latest"
      echo "    command: [\"sleep\", \"3600\"]"
      echo "    ports: [\"127.0.0.1:$((20000 + i)):80/tcp\"]"
      echo "    volumes: [\"data:/data:ro\", \"./conf:/conf\"]"
      echo "    environment: [\"INDEX=$i\", \"HOME_DIR=\${HOME:-/root}\"]"
      echo "    labels: {bench.index: \"$i\"}"
      echo "    healthcheck: {test: \"true\", interval: 1m30s, timeout: 5s}"
      echo "    networks: {back: {aliases: [\"alias$i\"]}}"
      if [ "$i" -gt 1 ]; then echo "    depends_on: [svc$((i - 1))]"; fi
    done
    echo "volumes: {data: {}}"
    echo "networks: {back: {}}"
  } > "$dir/compose.yaml"
}
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
gen "$n" "$tmp/a"
best=999999
for _ in 1 2 3 4 5; do
  s=$(date +%s%N)
  "$java" -jar "$jar" -f "$tmp/a/compose.yaml" config > /dev/null
  e=$(( ($(date +%s%N) - s) / 1000000 ))
  [ "$e" -lt "$best" ] && best=$e
done
echo "config, $n services, end to end (JVM start included): best of 5 = ${best} ms"
big=$((n * 4))
gen "$big" "$tmp/b"
s=$(date +%s%N)
"$java" "-Xmx$heap" -jar "$jar" -f "$tmp/b/compose.yaml" config > /dev/null
e=$(( ($(date +%s%N) - s) / 1000000 ))
echo "config, $big services, -Xmx$heap: ${e} ms"
