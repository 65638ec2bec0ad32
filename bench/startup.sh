#!/usr/bin/env bash
# Short commands, A/B: two or more jcompose launchers (a checkout's, an installed release's, an
# older build's) and compose v2, run alternately on the same running 30-service stack, medians.
# For start-up work, where the suite (compare.sh) is too coarse: a difference of 10 ms needs
# many alternating runs on a shared machine.
#
#   config, ps, no-op up -d, version, ls, plugin metadata
#
# Usage: bench/startup.sh [-r RUNS] [-n SERVICES] NAME=JCOMPOSE...
#   e.g. bench/startup.sh checkout=./jcompose release=/usr/bin/jcompose      (defaults: 21 runs, 30)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

runs=21; n=30; tools=()
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift 2 ;;
    -n) n="$2"; shift 2 ;;
    *=*) tools+=("$1"); shift ;;
    *) echo "usage: $0 [-r RUNS] [-n SERVICES] NAME=JCOMPOSE..." >&2; exit 2 ;;
  esac
done
[ "${#tools[@]}" -gt 0 ] || tools=("checkout=$JCOMPOSE")
# the stack's directory is the working directory below: paths made absolute first
for i in "${!tools[@]}"; do
  t="${tools[$i]#*=}"
  case "$t" in */*) tools[$i]="${tools[$i]%%=*}=$(readlink -f "$t")" ;; esac
done

bench_workspace
"$bench_root/scripts/engine.sh" >&2
"$bench_root/scripts/base-image.sh" >&2
COMPOSE_V2="${COMPOSE_V2:-$("$bench_root/scripts/compose-v2.sh")}"
tools+=("v2=$COMPOSE_V2")

dir="$bench_tmp/s$n"
"$here/gen-stack.sh" "$n" "$dir"
cd "$dir"
p="startup-$$"
projects+=("$p")
first="${tools[0]#*=}"
"$first" -p "$p" up -d >/dev/null 2>&1
for t in "${tools[@]}"; do "${t#*=}" -p "$p" ps >/dev/null 2>&1; done # untimed: caches, page cache

ops=(config ps noop version ls meta)
for r in $(seq 1 "$runs"); do
  echo "run $r" >&2
  for t in "${tools[@]}"; do
    name="${t%%=*}"; jc="${t#*=}"
    timed "$samples" "$name.config" "$jc" -p "$p" config
    timed "$samples" "$name.ps" "$jc" -p "$p" ps
    timed "$samples" "$name.noop" "$jc" -p "$p" up -d
    timed "$samples" "$name.version" "$jc" version
    timed "$samples" "$name.ls" "$jc" ls
    timed "$samples" "$name.meta" "$jc" docker-cli-plugin-metadata
  done 2>/dev/null
done

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), $n services running, medians of $runs alternating runs, milliseconds."
  echo
  printf '| command |'; for t in "${tools[@]}"; do printf ' %s |' "${t%%=*}"; done; echo
  printf '|---|'; for _ in "${tools[@]}"; do printf -- '---:|'; done; echo
  for op in "${ops[@]}"; do
    printf '| %s |' "$op"
    for t in "${tools[@]}"; do
      median "$samples" "${t%%=*}.$op" 4 | awk '{ if ($1 == "-") printf " - |"; else printf " %.1f |", $1 * 1000 }'
    done
    echo
  done
}
"$first" -p "$p" down >/dev/null 2>&1 || true
