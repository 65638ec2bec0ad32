#!/usr/bin/env bash
# A large project really running: a generated stack of 500 services (gen-stack.sh) brought up,
# listed, brought up again (nothing to do) and taken down by jcompose with a 256 MB heap
# (-Xmx256m), and by docker-compose 1.29 on the same engine (with the two settings it needs to
# finish at all, below), interleaved. Records each command's wall time and its peak resident
# memory (GNU time's maximum RSS).
#
# Usage: bench/large-stack.sh [-n SERVICES] [-r RUNS] [-o OUT.md]
#   defaults: 500 services, 1 run (an `up -d` of 500 containers takes a minute or two per tool)
# Writes the markdown results to OUT (default: bench/results/large.md) and, unless -o is given,
# into docs/PERFORMANCE.md between its large-stack markers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

n=500; runs=1; out=""
stack_options "$@"
results_file large

bench_workspace

bench_setup
[ -x /usr/bin/time ] || sudo_if_needed apt-get install -y -qq time >&2

# measured LABEL CMD..: timed, and CMD's peak RSS in MB appended as "LABEL.rss MB"
measured() {
  local label="$1"
  shift
  timed "$samples" "$label" /usr/bin/time -f '%M' -o "$bench_tmp/rss" "$@"
  awk -v l="$label" '/^[0-9]+$/ { printf "%s.rss %.0f\n", l, $1 / 1024 }' "$bench_tmp/rss" >>"$samples"
}

dir="$bench_tmp/s$n"
"$here/gen-stack.sh" "$n" "$dir"
for r in $(seq 1 "$runs"); do
  jc="jcl$n-$r-$$"; dc="dcl$n$r$$"
  projects+=("$jc" "$dc")
  echo "stack of $n services, run $r" >&2
  (
    cd "$dir"
    export JCOMPOSE_JAVA_OPTS=-Xmx256m
    measured jc.up "$JCOMPOSE" -p "$jc" up -d
    [ "$(docker ps -q --filter "label=com.docker.compose.project=$jc" | wc -l)" -eq "$n" ] ||
      { echo "bench: jcompose up -d left fewer than $n containers running" >&2; exit 1; }
    measured jc.noop "$JCOMPOSE" -p "$jc" up -d
    measured jc.ps "$JCOMPOSE" -p "$jc" ps
    measured jc.down "$JCOMPOSE" -p "$jc" down
    # docker-compose 1.29 cannot run this many services as it comes: with its default parallel
    # limit (64) `up -d` stalls for good after a few dozen containers (its nested thread pools
    # deadlock, docker/compose#8161, #5864), and with the limit raised it sends every request at
    # once and its 60 s read timeout fails the ones the engine has not answered by then. Both
    # raised, it finishes.
    export COMPOSE_PARALLEL_LIMIT=$((n * 2)) COMPOSE_HTTP_TIMEOUT=900
    measured dc.up "$COMPOSE_V1" -p "$dc" up -d
    measured dc.noop "$COMPOSE_V1" -p "$dc" up -d
    measured dc.ps "$COMPOSE_V1" -p "$dc" ps
    measured dc.down "$COMPOSE_V1" -p "$dc" down
  )
done

mb() { median "$samples" "$1" | awk '{ if ($1 == "-") print; else printf "%.0f", $1 }'; }
row() { # row LABEL KEY
  local j d
  j="$(median "$samples" "jc.$2")"; d="$(median "$samples" "dc.$2")"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$j" "$(mb "jc.$2.rss")" \
    "$d" "$(mb "dc.$2.rss")" "$(ratio "$j" "$d")"
}
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), $n services, median of $runs run(s);" \
    "jcompose with \`-Xmx256m\` and its defaults; docker-compose with" \
    "\`COMPOSE_PARALLEL_LIMIT=$((n * 2))\` and \`COMPOSE_HTTP_TIMEOUT=900\`, without which its" \
    "\`up -d\` does not finish. Seconds, and each command's peak resident memory in MB."
  echo
  machine_description
  echo
  echo "| operation | jcompose | jc MB | docker-compose 1.29 | dc MB | jc/dc |"
  echo "|---|---:|---:|---:|---:|---:|"
  row "up -d, $n services" up
  row "no-op up -d" noop
  row "ps" ps
  row "down" down
  engine_bug_note
} >"$out"

cat "$out"
[ "$update_doc" = 0 ] || update_doc_section large "$out"
