#!/usr/bin/env bash
# The benchmark suite: jcompose against compose v2 (the reference, Debian trixie's 2.26.1, run
# as a standalone binary), docker-compose 1.29 (Debian bookworm's, unpacked by
# scripts/compose-v1.sh), the docker CLI and the engine's floor, in one run, on the same engine,
# interleaved (run 1 of every tool, then run 2, ...), medians.
#
#   up -d (cold: nothing exists), up -d   generated stacks of 30 and 100 services
#   again (warm: all running, a no-op),
#   ps, config, down
#   version, ls                            (ls: compose v2 and jcompose; 1.29 has none)
#   plugin metadata                        what the docker CLI asks a plugin before each command
#   chain of 5 healthchecked services      each service_healthy on the one before, 1 s interval:
#                                          `up -d --wait` (1.29 has no --wait), and `up -d` then
#                                          polling until the last is healthy (all three)
#   500 services within 256 MB             up -d, no-op up -d, ps, config, down of a generated
#                                          stack of 500, jcompose with -Xmx256m; peak RSS
#   config on 2000 services                (jcompose with -Xmx256m)
#   logs -f throughput                     20 containers' logs, against `docker logs -f`
#
# The floor creates and starts the same containers with parallel raw Engine API calls (curl on
# the socket, 16 at a time) and removes them the same way: no files, no plan, no compose logic.
# For ps, ls and version it is the engine's own answer to the one request they need (curl).
# The docker CLI column does the same with docker: network create and run -d (in parallel),
# ps with the project's label, version, rm -f and network rm.
# Short commands (ps, config, version, ls, metadata) run -k times in each run.
#
# Usage: bench/compare.sh [-r RUNS] [-k REPEATS] [-s "30 100"] [-l "500"] [-o OUT.md] [--core|--quick]
#   -l ""    leaves out the 500-service stack (it takes ~5 minutes)
#   --core   start-up: version, ls, metadata, and a stack of 3 services (up -d cold and warm, ps,
#            config, down), 7 runs; nothing else (~5 minutes)
#   --quick  one size (10), one run, no large stack, small log volume: checks the script itself
# JCOMPOSE=path/to/jcompose measures another jcompose (an installed release, say).
# Writes the markdown results to OUT (default: bench/results/latest.md) and, unless -o is given,
# into docs/PERFORMANCE.md between its bench markers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

runs=3; repeats=5; sizes="30 100"; out=""; large="500"; bigconfig="2000"; core=0
log_lines=20000; log_containers=20
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift 2 ;;
    -k) repeats="$2"; shift 2 ;;
    -s) sizes="$2"; shift 2 ;;
    -l) large="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --core) core=1; runs=7; repeats=3; sizes="3"; large=""; bigconfig=""; shift ;;
    --quick) runs=1; repeats=2; sizes="10"; large=""; bigconfig="500"; log_lines=2000; log_containers=4; shift ;;
    *) echo "usage: $0 [-r RUNS] [-k REPEATS] [-s SIZES] [-l LARGE] [-o OUT.md] [--core|--quick]" >&2; exit 2 ;;
  esac
done
if [ "$core" = 1 ]; then results_file core; else results_file latest; fi

bench_workspace

bench_setup
[ -x /usr/bin/time ] || sudo_if_needed apt-get install -y -qq time >&2

V2="$COMPOSE_V2"
V1="$COMPOSE_V1"

# short LABEL CMD..: CMD timed `repeats` times
short() {
  local label="$1" i
  shift
  for i in $(seq 1 "$repeats"); do timed "$samples" "$label" "$@"; done
}

# measured LABEL CMD..: timed, and CMD's peak RSS in MB appended as "LABEL.rss MB"
measured() {
  local label="$1"
  shift
  timed "$samples" "$label" /usr/bin/time -f '%M' -o "$bench_tmp/rss" "$@"
  awk -v l="$label" '/^[0-9]+$/ { printf "%s.rss %.0f\n", l, $1 / 1024 }' "$bench_tmp/rss" >>"$samples"
}

# stack TOOL PROJECT N CMD..: one tool's round on a stack (up, no-op up, ps, config, down)
stack() {
  local tool="$1" p="$2" n="$3"
  shift 3
  timed "$samples" "$tool.up.$n" "$@" -p "$p" up -d
  timed "$samples" "$tool.noop.$n" "$@" -p "$p" up -d
  short "$tool.ps.$n" "$@" -p "$p" ps
  short "$tool.config.$n" "$@" -p "$p" config
  timed "$samples" "$tool.down.$n" "$@" -p "$p" down
}

raw_ps() { api GET "/containers/json?filters=%7B%22label%22%3A%5B%22bench.jcompose.dev%2Fraw%3D$1%22%5D%7D" >/dev/null; }
cli_ps() { docker ps --filter "label=bench.jcompose.dev/raw=$1"; }

# --- stacks of N services -------------------------------------------------------------------
for n in $sizes; do
  dir="$bench_tmp/s$n"
  "$here/gen-stack.sh" "$n" "$dir"
  for r in $(seq 1 "$runs"); do
    jc="jcb$n-$r-$$"; v2="v2b$n-$r-$$"; dc="dcb$n$r$$"; raw="rawb$n-$r-$$"
    projects+=("$jc" "$v2" "$dc" "$raw")
    echo "stack of $n services, run $r" >&2
    (
      cd "$dir"
      stack jc "$jc" "$n" "$JCOMPOSE"
      stack v2 "$v2" "$n" "$V2"
      stack dc "$dc" "$n" "$V1"
      timed "$samples" "raw.up.$n" raw_up "$raw" "$n"
      short "raw.ps.$n" raw_ps "$raw"
      timed "$samples" "raw.down.$n" raw_down "$raw"
      timed "$samples" "cli.up.$n" cli_up "$raw" "$n"
      short "cli.ps.$n" cli_ps "$raw"
      timed "$samples" "cli.down.$n" cli_down "$raw"
    )
  done
done

# --- commands without a project: version, ls, the plugin's metadata --------------------------
for r in $(seq 1 "$runs"); do
  echo "version, ls, metadata, run $r" >&2
  short jc.version "$JCOMPOSE" version
  short v2.version "$V2" version
  short dc.version "$V1" version
  short cli.version docker version
  short raw.version api GET /version
  short jc.ls "$JCOMPOSE" ls
  short v2.ls "$V2" ls
  short cli.ls docker ps -a --filter label=com.docker.compose.project
  short raw.ls api GET '/containers/json?all=1&filters=%7B%22label%22%3A%5B%22com.docker.compose.project%22%5D%7D'
  short jc.meta "$JCOMPOSE" docker-cli-plugin-metadata
  short v2.meta "$V2" docker-cli-plugin-metadata
done

if [ "$core" = 0 ]; then
# --- a chain of 5 healthchecked services ----------------------------------------------------
chain="$bench_tmp/chain"
mkdir -p "$chain"
{
  echo "services:"
  for i in 1 2 3 4 5; do
    echo "  c$i:"
    echo "    image: $BASE_IMAGE"
    echo "    command: [\"sh\", \"-c\", \"sleep 0.3; touch /tmp/ready; exec sleep 3600\"]"
    echo "    init: true"
    echo "    healthcheck:"
    echo "      test: [\"CMD\", \"test\", \"-f\", \"/tmp/ready\"]"
    echo "      interval: 1s"
    echo "      retries: 20"
    if [ "$i" -gt 1 ]; then
      echo "    depends_on:"
      echo "      c$((i - 1)):"
      echo "        condition: service_healthy"
    fi
  done
} >"$chain/compose.yaml"

# healthy_after LABEL CONTAINER CMD...: runs CMD, then waits for CONTAINER to be healthy;
# records the whole time.
healthy_after() {
  local label="$1" container="$2" start
  shift 2
  start="$(now)"
  "$@" >/dev/null 2>"$bench_tmp/last.err" || { cat "$bench_tmp/last.err" >&2; return 1; }
  until [ "$(docker inspect -f '{{.State.Health.Status}}' "$container" 2>/dev/null)" = healthy ]; do
    sleep 0.02
  done
  local t
  t="$(elapsed "$start")"
  echo "$label $t" >>"$samples"
  printf '  %-40s %8.4f s\n' "$label" "$t" >&2
}

for r in $(seq 1 "$runs"); do
  jc="jcchain-$r-$$"; v2="v2chain-$r-$$"; dc="dcchain$r$$"
  projects+=("$jc" "$v2" "$dc")
  echo "healthcheck chain, run $r" >&2
  (
    cd "$chain"
    timed "$samples" jc.wait "$JCOMPOSE" -p "$jc" up -d --wait
    "$JCOMPOSE" -p "$jc" down >/dev/null 2>&1
    timed "$samples" v2.wait "$V2" -p "$v2" up -d --wait
    "$V2" -p "$v2" down >/dev/null 2>&1
    healthy_after jc.chain "$jc-c5-1" "$JCOMPOSE" -p "$jc" up -d
    "$JCOMPOSE" -p "$jc" down >/dev/null 2>&1
    healthy_after v2.chain "$v2-c5-1" "$V2" -p "$v2" up -d
    "$V2" -p "$v2" down >/dev/null 2>&1
    healthy_after dc.chain "${dc}_c5_1" "$V1" -p "$dc" up -d
    "$V1" -p "$dc" down >/dev/null 2>&1
  )
done
fi

# --- a large stack really running, jcompose within 256 MB -------------------------------------
for n in $large; do
  dir="$bench_tmp/l$n"
  "$here/gen-stack.sh" "$n" "$dir"
  jc="jcl$n-$$"; v2="v2l$n-$$"
  projects+=("$jc" "$v2")
  echo "stack of $n services (one run)" >&2
  (
    cd "$dir"
    for tool in jc v2; do
      if [ "$tool" = jc ]; then p="$jc"; cmd=(env JCOMPOSE_JAVA_OPTS=-Xmx256m "$JCOMPOSE"); else p="$v2"; cmd=("$V2"); fi
      measured "$tool.up.$n" "${cmd[@]}" -p "$p" up -d
      [ "$(docker ps -q --filter "label=com.docker.compose.project=$p" | wc -l)" -eq "$n" ] ||
        { echo "bench: $tool up -d left fewer than $n containers running" >&2; exit 1; }
      measured "$tool.noop.$n" "${cmd[@]}" -p "$p" up -d
      measured "$tool.ps.$n" "${cmd[@]}" -p "$p" ps
      measured "$tool.config.$n" "${cmd[@]}" -p "$p" config
      measured "$tool.down.$n" "${cmd[@]}" -p "$p" down
    done
  )
done

# --- config on a very large file ----------------------------------------------------------------
for n in $bigconfig; do
  dir="$bench_tmp/c$n"
  "$here/gen-stack.sh" "$n" "$dir"
  for r in $(seq 1 "$runs"); do
    echo "config of $n services, run $r" >&2
    (
      cd "$dir"
      timed "$samples" "jc.bigconfig.$n" env JCOMPOSE_JAVA_OPTS=-Xmx256m "$JCOMPOSE" -p big config
      timed "$samples" "v2.bigconfig.$n" "$V2" -p big config
      timed "$samples" "dc.bigconfig.$n" "$V1" -p big config
    )
  done
done

if [ "$core" = 0 ]; then
# --- logs -f throughput ---------------------------------------------------------------------
logs="$bench_tmp/logs"
mkdir -p "$logs"
{
  echo "services:"
  for i in $(seq 1 "$log_containers"); do
    echo "  chatty$i:"
    echo "    image: $BASE_IMAGE"
    echo "    command: [\"sh\", \"-c\", \"seq 1 $log_lines | sed 's/^/a chatty service writes log line /'\"]"
  done
} >"$logs/compose.yaml"
lp="jclogs-$$"
projects+=("$lp")
(
  cd "$logs"
  "$JCOMPOSE" -p "$lp" up -d >/dev/null 2>&1
  # wait until every container has written everything and exited
  until [ -z "$(docker ps -q --filter "label=com.docker.compose.project=$lp")" ]; do sleep 0.1; done
  total=$((log_lines * log_containers))
  ids="$(docker ps -aq --filter "label=com.docker.compose.project=$lp")"
  for r in $(seq 1 "$runs"); do
    echo "logs -f, run $r" >&2
    timed "$samples" "jc.logs" "$JCOMPOSE" -p "$lp" logs -f
    timed "$samples" "v2.logs" "$V2" -p "$lp" logs -f
    timed "$samples" "raw.logs" bash -c "echo '$ids' | xargs -P $log_containers -I{} docker logs -f {}"
    got="$("$JCOMPOSE" -p "$lp" logs -f | wc -l)"
    [ "$got" -ge "$total" ] || { echo "bench: jcompose logs printed $got of $total lines" >&2; exit 1; }
  done
  echo "$total" >"$bench_tmp/log_total"
)
fi

# --- the report -----------------------------------------------------------------------------
# row LABEL KEY [DECIMALS]: the five tools' medians of KEY and jcompose's ratios to the others
row() {
  local d="${3:-2}" jc v2 dc cli raw
  jc="$(median "$samples" "jc.$2" "$d")"; v2="$(median "$samples" "v2.$2" "$d")"
  dc="$(median "$samples" "dc.$2" "$d")"; cli="$(median "$samples" "cli.$2" "$d")"
  raw="$(median "$samples" "raw.$2" "$d")"
  printf '| %s | %s | %s | %s | %s | %s | **%s** | %s | %s | %s |\n' "$1" "$jc" "$v2" "$dc" "$cli" "$raw" \
    "$(ratio "$jc" "$v2")" "$(ratio "$jc" "$dc")" "$(ratio "$jc" "$cli")" "$(ratio "$jc" "$raw")"
}
mb() { median "$samples" "$1" | awk '{ if ($1 == "-") print; else printf "%.0f", $1 }'; }
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), medians of $runs interleaved runs" \
    "(short commands: $((runs * repeats)) runs), seconds."
  echo
  machine_description
  echo
  echo "| operation | jcompose | compose v2 | docker-compose 1.29 | docker CLI | engine API | jc/v2 | jc/1.29 | jc/CLI | jc/API |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in $sizes; do
    row "up -d, $n services, cold (nothing exists)" "up.$n"
    row "up -d, $n, warm (all running: a no-op)" "noop.$n" 3
    row "ps, $n" "ps.$n" 3
    row "config, $n" "config.$n" 3
    row "down, $n" "down.$n"
  done
  row "version" version 3
  row "ls" ls 3
  row "plugin metadata (\`docker-cli-plugin-metadata\`)" meta 4
  if [ "$core" = 0 ]; then
    row "chain of 5 healthchecked (1 s interval), \`up -d --wait\`" wait
    row "chain of 5, \`up -d\` until the last is healthy" chain
  fi
  for n in $large; do
    for op in up noop ps config down; do
      row "$op, $n services running (jc -Xmx256m)" "$op.$n" 3
    done
  done
  for n in $bigconfig; do
    row "config, $n services (jc -Xmx256m)" "bigconfig.$n" 3
  done
  [ "$core" = 1 ] || total="$(cat "$bench_tmp/log_total")"
  [ "$core" = 1 ] || row "logs -f, $log_containers exited containers, $total lines (floor: \`docker logs -f\` each)" logs
  if [ -n "$large" ]; then
    echo
    for n in $large; do
      echo "Peak resident memory with $n services running, MB (jcompose with \`-Xmx256m\` / compose v2):" \
        "up -d $(mb jc.up.$n.rss) / $(mb v2.up.$n.rss), no-op up -d $(mb jc.noop.$n.rss) / $(mb v2.noop.$n.rss)," \
        "ps $(mb jc.ps.$n.rss) / $(mb v2.ps.$n.rss), config $(mb jc.config.$n.rss) / $(mb v2.config.$n.rss)," \
        "down $(mb jc.down.$n.rss) / $(mb v2.down.$n.rss)."
    done
  fi
  engine_bug_note
} >"$out"

cat "$out"
if [ "$core" = 1 ]; then section=core; else section=bench; fi
[ "$update_doc" = 0 ] || update_doc_section "$section" "$out"
