#!/usr/bin/env bash
# Where the CPU of an `up -d` goes. For jcompose, docker-compose 1.29 and the engine floor
# (raw_up: parallel raw Engine API calls), interleaved, on the generated stack: the wall time,
# the machine's busy and idle CPU over it, the client's own CPU, and the engine's CPU by part,
# read from /proc before and after (a process's own time, and the time of the children it
# reaped):
#
#   dockerd                  the daemon's own threads
#   dockerd's helpers        what dockerd runs and reaps: itself re-executed to enter a
#                            container's network namespace (set-ipv6, setup-resolver), iptables
#   containerd, shims, runc  containerd, and each container's shim with the runc runs it reaps
#   containers               each container's init (init: true) and what it runs
#
# The machine's busy time less the client's own, over its cores, is what no client can go below
# on this machine: the report ends with it, from the floor's runs.
#
# Usage: bench/engine-cpu.sh [-n SERVICES] [-r RUNS] [-o OUT.md]   (defaults: 30 services, 3 runs)
# Writes the markdown results to OUT (default: bench/results/engine-cpu.md) and, unless -o is
# given, into docs/PERFORMANCE.md between its engine-cpu markers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

n=30; runs=3; out=""
stack_options "$@"
results_file engine-cpu

bench_workspace

bench_setup
[ -x /usr/bin/time ] || sudo_if_needed apt-get install -y -qq time >&2
hz="$(getconf CLK_TCK)"

# every process as "pid part self children" (clock ticks), part from its command name
processes() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk '{
    i = index($0, " ("); j = length($0); while (substr($0, j, 1) != ")") j--
    comm = substr($0, i + 2, j - i - 2); split(substr($0, j + 2), f, " ")
    if (comm == "dockerd") part = "dockerd"
    else if (comm == "containerd" || comm ~ /^containerd-shim/) part = "containerd"
    else if (comm == "docker-init") part = "containers"
    else next
    print $1, part, f[12] + f[13], f[14] + f[15] }'
}

# the machine's busy (user, system, interrupts; not time stolen by the hypervisor) and idle ticks
machine() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }

# sampled TOOL CMD..: runs CMD (timed) and appends the CPU figures as "TOOL.KEY SECONDS"
sampled() {
  local tool="$1" m0 m1
  shift
  processes >"$bench_tmp/p0"; m0="$(machine)"
  timed "$samples" "$tool.wall" /usr/bin/time -f '%U %S' -o "$bench_tmp/client" "$@"
  m1="$(machine)"; processes >"$bench_tmp/p1"
  awk -v hz="$hz" -v t="$tool" -v m0="$m0" -v m1="$m1" -v client="$bench_tmp/client" '
    FNR == NR { self[$1] = $3; kids[$1] = $4; next }
    {
      s = ($3 - self[$1]) / hz; k = ($4 - kids[$1]) / hz
      if ($2 == "dockerd") { cpu["dockerd"] += s; cpu["helpers"] += k } else cpu[$2] += s + k
    }
    END {
      split(m0, a, " "); split(m1, b, " ")
      printf "%s.busy %.2f\n%s.idle %.2f\n", t, (b[1] - a[1]) / hz, t, (b[2] - a[2]) / hz
      own = 0
      while ((getline l < client) > 0) if (l ~ /^[0-9.]+ [0-9.]+$/) { split(l, c, " "); own = c[1] + c[2] }
      printf "%s.client %.2f\n%s.rest %.2f\n", t, own, t, (b[1] - a[1]) / hz - own
      total = 0
      for (p in cpu) { printf "%s.%s %.2f\n", t, p, cpu[p]; total += cpu[p] }
      printf "%s.engine %.2f\n", t, total
    }' "$bench_tmp/p0" "$bench_tmp/p1" >>"$samples"
}

dir="$bench_tmp/s$n"
"$here/gen-stack.sh" "$n" "$dir"
for r in $(seq 1 "$runs"); do
  jc="jcc$n-$r-$$"; dc="dcc$n$r$$"; raw="rawc$n-$r-$$"
  projects+=("$jc" "$dc" "$raw")
  echo "stack of $n services, run $r" >&2
  (
    cd "$dir"
    sampled jc "$JCOMPOSE" -p "$jc" up -d
    # the engine's stale-endpoint bug (moby/moby#42119) can keep a network; cleaned up at exit
    "$JCOMPOSE" -p "$jc" down >/dev/null 2>&1 || bench_cleanup_project "$jc"
    sampled dc "$COMPOSE_V1" -p "$dc" up -d
    "$COMPOSE_V1" -p "$dc" down >/dev/null 2>&1 || bench_cleanup_project "$dc"
    sampled floor bash -c ". '$here/lib.sh' && raw_up '$raw' '$n'"
    raw_down "$raw" >/dev/null 2>&1 || bench_cleanup_project "$raw"
  )
done

row() { # row LABEL KEY
  printf '| %s | %s | %s | %s |\n' "$1" "$(median "$samples" "jc.$2")" \
    "$(median "$samples" "dc.$2")" "$(median "$samples" "floor.$2")"
}
cores="$(nproc)"
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'): \`up -d\` of the generated stack of $n" \
    "services, median of $runs interleaved run(s). Seconds of wall time, and seconds of CPU" \
    "(summed over the $cores cores) spent while the command ran."
  echo
  machine_description
  echo
  echo "| \`up -d\`, $n services | jcompose | docker-compose 1.29 | engine floor |"
  echo "|---|---:|---:|---:|"
  row "wall" wall
  row "machine busy (CPU s)" busy
  row "machine idle (CPU s)" idle
  row "the client's own CPU (for the floor: bash, xargs, curl)" client
  row "engine: dockerd" dockerd
  row "engine: dockerd's helpers (its re-executions, iptables)" helpers
  row "engine: containerd, shims, runc" containerd
  row "engine: the containers' processes" containers
  row "**engine, total**" engine
  row "**all but the client** (busy less the client: the engine, the kernel's threads)" rest
  echo
  e="$(median "$samples" floor.rest)"; d="$(median "$samples" dc.wall)"
  awk -v e="$e" -v d="$d" -v c="$cores" 'BEGIN { if (e != "-" && d != "-") printf "Without its client, the floor still keeps the machine busy for %.2f s of CPU: %.2f s of wall time on %d cores if every core were busy from the first instant to the last, %.2fx docker-compose 1.29'"'"'s median. That is the bound for any client on this machine, one that costs nothing and leaves no core idle.\n", e, e / c, c, e / c / d }'
  engine_bug_note
} >"$out"

cat "$out"
[ "$update_doc" = 0 ] || update_doc_section engine-cpu "$out"
