#!/usr/bin/env bash
# The benchmark suite: jcompose against docker-compose 1.29 and against the engine's floor, in
# one run, on the same engine, interleaved (run 1 of every tool, then run 2, ...), medians.
#
#   up -d, no-op up -d, ps, config, down   generated stacks of 10, 30 and 100 services
#   chain to healthy                       5 services, each service_healthy on the one before
#   config on 500 and 2000 services        (jcompose with -Xmx256m)
#   logs -f throughput                     20 containers' logs, against `docker logs -f`
#
# The floor creates and starts the same containers with parallel raw Engine API calls (curl on
# the socket, 16 at a time) and removes them the same way: no files, no plan, no compose logic.
#
# Usage: bench/compare.sh [-r RUNS] [-s "10 30 100"] [-o OUT.md] [--quick]
#   --quick  one size (10), one run, small log volume: checks the script itself
# Writes the markdown results to OUT (default: bench/results/latest.md) and, unless -o is given,
# into docs/PERFORMANCE.md between its bench markers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

runs=3; sizes="10 30 100"; out=""; large="500 2000"; log_lines=20000; log_containers=20
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift 2 ;;
    -s) sizes="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --quick) runs=1; sizes="10"; large="500"; log_lines=2000; log_containers=4; shift ;;
    *) echo "usage: $0 [-r RUNS] [-s SIZES] [-o OUT.md] [--quick]" >&2; exit 2 ;;
  esac
done
results_file latest

bench_workspace

bench_setup

# --- stacks of N services -------------------------------------------------------------------
for n in $sizes; do
  dir="$bench_tmp/s$n"
  "$here/gen-stack.sh" "$n" "$dir"
  for r in $(seq 1 "$runs"); do
    jc="jcb$n-$r-$$"; dc="dcb$n$r$$"; raw="rawb$n-$r-$$"
    projects+=("$jc" "$dc" "$raw")
    echo "stack of $n services, run $r" >&2
    (
      cd "$dir"
      timed "$samples" "jc.up.$n" "$JCOMPOSE" -p "$jc" up -d
      timed "$samples" "jc.noop.$n" "$JCOMPOSE" -p "$jc" up -d
      timed "$samples" "jc.ps.$n" "$JCOMPOSE" -p "$jc" ps
      timed "$samples" "jc.config.$n" "$JCOMPOSE" -p "$jc" config
      timed "$samples" "jc.down.$n" "$JCOMPOSE" -p "$jc" down

      timed "$samples" "dc.up.$n" docker-compose -p "$dc" up -d
      timed "$samples" "dc.noop.$n" docker-compose -p "$dc" up -d
      timed "$samples" "dc.ps.$n" docker-compose -p "$dc" ps
      timed "$samples" "dc.config.$n" docker-compose -p "$dc" config
      timed "$samples" "dc.down.$n" docker-compose -p "$dc" down

      timed "$samples" "raw.up.$n" raw_up "$raw" "$n"
      timed "$samples" "raw.down.$n" raw_down "$raw"
    )
  done
done

# --- a chain of 5 healthchecked services: time from `up -d` to the last one healthy ----------
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
    echo "      interval: 500ms"
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
  printf '  %-40s %7.3f s\n' "$label" "$t" >&2
}

for r in $(seq 1 "$runs"); do
  jc="jcchain-$r-$$"; dc="dcchain$r$$"
  projects+=("$jc" "$dc")
  echo "healthcheck chain, run $r" >&2
  (
    cd "$chain"
    healthy_after "jc.chain" "$jc-c5-1" "$JCOMPOSE" -p "$jc" up -d
    "$JCOMPOSE" -p "$jc" down >/dev/null 2>&1
    healthy_after "dc.chain" "${dc}_c5_1" docker-compose -p "$dc" up -d
    docker-compose -p "$dc" down >/dev/null 2>&1
  )
done

# --- config on large files ------------------------------------------------------------------
for n in $large; do
  dir="$bench_tmp/l$n"
  "$here/gen-stack.sh" "$n" "$dir"
  for r in $(seq 1 "$runs"); do
    echo "config of $n services, run $r" >&2
    (
      cd "$dir"
      timed "$samples" "jc.bigconfig.$n" env JCOMPOSE_JAVA_OPTS=-Xmx256m "$JCOMPOSE" -p big config
      timed "$samples" "dc.bigconfig.$n" docker-compose -p big config
    )
  done
done

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
    timed "$samples" "dk.logs" bash -c "echo '$ids' | xargs -P $log_containers -I{} docker logs -f {}"
    got="$("$JCOMPOSE" -p "$lp" logs -f | wc -l)"
    [ "$got" -ge "$total" ] || { echo "bench: jcompose logs printed $got of $total lines" >&2; exit 1; }
  done
  echo "$total" >"$bench_tmp/log_total"
)

# --- the report -----------------------------------------------------------------------------
row() { # row LABEL JC DC RAW
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$(ratio "$2" "$3")" "$(ratio "$2" "$4")"
}
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), medians of $runs interleaved runs, seconds."
  echo
  machine_description
  echo
  echo "| operation | jcompose | docker-compose 1.29 | engine floor | jc/dc | jc/floor |"
  echo "|---|---:|---:|---:|---:|---:|"
  for n in $sizes; do
    row "up -d, $n services" "$(median "$samples" jc.up.$n)" "$(median "$samples" dc.up.$n)" "$(median "$samples" raw.up.$n)"
    row "no-op up -d, $n" "$(median "$samples" jc.noop.$n)" "$(median "$samples" dc.noop.$n)" "-"
    row "ps, $n" "$(median "$samples" jc.ps.$n)" "$(median "$samples" dc.ps.$n)" "-"
    row "config, $n" "$(median "$samples" jc.config.$n)" "$(median "$samples" dc.config.$n)" "-"
    row "down, $n" "$(median "$samples" jc.down.$n)" "$(median "$samples" dc.down.$n)" "$(median "$samples" raw.down.$n)"
  done
  row "chain of 5 to healthy" "$(median "$samples" jc.chain)" "$(median "$samples" dc.chain)" "-"
  for n in $large; do
    row "config, $n services (jc -Xmx256m)" "$(median "$samples" jc.bigconfig.$n)" "$(median "$samples" dc.bigconfig.$n)" "-"
  done
  total="$(cat "$bench_tmp/log_total")"
  jl="$(median "$samples" jc.logs)"; dl="$(median "$samples" dk.logs)"
  echo
  echo "logs -f of $log_containers exited containers, $total lines in all:" \
    "jcompose $jl s ($(awk -v t="$total" -v s="$jl" 'BEGIN { printf "%.0f", t / s }') lines/s)," \
    "docker logs -f, one per container in parallel, $dl s" \
    "($(awk -v t="$total" -v s="$dl" 'BEGIN { printf "%.0f", t / s }') lines/s); ratio $(ratio "$jl" "$dl")."
  engine_bug_note
} >"$out"

cat "$out"
[ "$update_doc" = 0 ] || update_doc_section bench "$out"
