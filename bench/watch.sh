#!/usr/bin/env bash
# Benchmark: watch, jcompose against compose v2 (2.26.1), in one run on the same engine.
#
#  1. Latency: the time from a file write on the host to the new content visible in the
#     container, over N writes (default 100), each its own batch: median and p95. The container
#     reads its synced file every 2 ms and appends each new content to a bind-mounted host file,
#     which the measuring program (bench/WatchLatency.java) polls every 1 ms.
#  2. Idle cost: CPU time of the watching process while it watches 10,000 files (100 folders of
#     100) and nothing changes, over 30 s after a 5 s settle; and its resident memory.
#
# Usage: bench/watch.sh [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100}"
cd "$here"

. scripts/lib/java.sh
JAVA_HOME="$(find_jdk 21)"
export JAVA_HOME
jar=cli/target/jcompose.jar
if [ ! -f "$jar" ]; then
  echo "watch.sh: building $jar" >&2
  mvn -q -B -DskipTests -pl cli -am package >&2
fi
scripts/engine.sh >&2
scripts/base-image.sh >&2
v2="$(scripts/compose-v2.sh)"

work="$(mktemp -d)"
pids=()
projects=()
down() { # DIR PROJECT
  "$JAVA_HOME/bin/java" -jar "$here/$jar" -f "$1/compose.yaml" -p "$2" down -t 0 --rmi local \
    >/dev/null 2>&1 || true
}
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${projects[@]}"; do down $p; done
  rm -rf "$work"
}
trap cleanup EXIT

# one service syncing ./src to /app; it records every new content of /app/f.txt in /out/seen
# (compose v2 2.26 watches only services with a build section: a trivial one)
setup() { # DIR
  mkdir -p "$1/src" "$1/out" "$1/ctx"
  : > "$1/out/seen"
  cat > "$1/compose.yaml" <<'YAML'
services:
  app:
    build:
      context: ./ctx
      dockerfile_inline: "FROM jcompose/base:latest"
    stop_signal: SIGKILL
    volumes: ["./out:/out"]
    command:
      - sh
      - -c
      - 'last=; while :; do v=; read -r v < /app/f.txt 2>/dev/null; if [ "$$v" != "$$last" ]; then echo "$$v" >> /out/seen; last=$$v; fi; usleep 2000; done'
    develop:
      watch:
        - path: ./src
          action: sync
          target: /app
YAML
}

start_watch() { # TOOL DIR PROJECT -> pid in $watch_pid
  local tool="$1" dir="$2" project="$3"
  projects+=("$dir $project")
  if [ "$tool" = jcompose ]; then
    "$JAVA_HOME/bin/java" -jar "$here/$jar" -f "$dir/compose.yaml" -p "$project" watch \
      > "$dir/watch.log" 2>&1 &
  else
    "$v2" -f "$dir/compose.yaml" -p "$project" watch > "$dir/watch.log" 2>&1 &
  fi
  watch_pid=$!
  pids+=("$watch_pid")
  # ready once a probe write reaches the container
  local i token
  for i in $(seq 1 120); do
    token="ready-$i"
    echo "$token" > "$dir/src/f.txt"
    sleep 1
    if grep -qx "$token" "$dir/out/seen" 2>/dev/null; then return 0; fi
  done
  echo "watch.sh: $tool watch never synced; its output:" >&2
  cat "$dir/watch.log" >&2
  exit 1
}

stop_watch() { # PID DIR PROJECT
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  down "$2" "$3"
}

cpu_ticks() { # PID: user+system clock ticks of the process and its threads
  awk '{print $14 + $15}' "/proc/$1/stat"
}

echo "## Latency: file write to visible in the container ($n writes)"
printf '%-10s %8s %10s %8s %8s %8s %6s\n' tool samples median_ms p95_ms min_ms max_ms lost
for tool in jcompose compose-v2; do
  dir="$work/lat-$tool"
  setup "$dir"
  start_watch "$tool" "$dir" "bench-watch-lat-$tool-$$"
  "$JAVA_HOME/bin/java" bench/WatchLatency.java "$dir/src" "$dir/out/seen" "$n" "$tool" \
    | awk '{printf "%-10s %8s %10s %8s %8s %8s %6s\n", $1, $2, $3, $4, $5, $6, $7}'
  stop_watch "$watch_pid" "$dir" "bench-watch-lat-$tool-$$"
done

echo
echo "## Idle: watching 10,000 files, nothing changing (30 s)"
printf '%-10s %10s %10s %10s\n' tool cpu_s cpu_pct rss_mib
hz="$(getconf CLK_TCK)"
for tool in jcompose compose-v2; do
  dir="$work/idle-$tool"
  setup "$dir"
  for d in $(seq -w 1 100); do
    mkdir -p "$dir/src/d$d"
    for f in $(seq -w 1 100); do echo "$d $f" > "$dir/src/d$d/f$f.txt"; done
  done
  start_watch "$tool" "$dir" "bench-watch-idle-$tool-$$"
  sleep 5
  t0="$(cpu_ticks "$watch_pid")"
  sleep 30
  t1="$(cpu_ticks "$watch_pid")"
  rss="$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$watch_pid/status")"
  awk -v t="$((t1 - t0))" -v hz="$hz" -v tool="$tool" -v rss="$rss" \
    'BEGIN {printf "%-10s %10.2f %9.2f%% %10s\n", tool, t / hz, 100 * t / hz / 30, rss}'
  stop_watch "$watch_pid" "$dir" "bench-watch-idle-$tool-$$"
done
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
