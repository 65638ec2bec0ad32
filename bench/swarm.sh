#!/usr/bin/env bash
# Swarm stacks: jcompose stack deploy against docker stack deploy (the docker CLI 28 at
# /usr/local/bin/docker, else the one on PATH) on the 3-node test swarm of scripts/swarm.sh,
# for generated stacks of 10 and 30 services (one replica each, `sleep` behind `init: true`,
# endpoint_mode dnsrr: this kernel has no IPVS for virtual IPs), in one run, interleaved:
#   deploy        the command's own time (both return once the services are created)
#   converged     from the command's start until every service runs its task, polled the same
#                 way for both (the services' RunningTasks, every 100 ms)
#   --wait        jcompose's own wait for convergence (2 s of settling per task included)
#   no-op         the same deploy again, nothing changed, and how many services it updated
#   rm            removing the stack, until its tasks have ended
# docker stack deploy runs with --resolve-image never: with no registry here, its default asks
# one for every image and waits out the lookups.
#
# Usage: bench/swarm.sh [-o OUT.md]
# Writes the markdown results to OUT (default: bench/results/swarm.md) and, unless -o is given,
# into docs/PERFORMANCE.md between its swarm markers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

n=0; runs=1; out=""
stack_options "$@"
results_file swarm
bench_workspace

bench_setup
started_swarm=0
if ! "$bench_root/scripts/swarm.sh" status; then
  "$bench_root/scripts/swarm.sh" up
  started_swarm=1
fi
manager="$(awk '$4 == "manager" { print $2 }' "${JCOMPOSE_SWARM_DIR:-/tmp/jcompose-swarm}/nodes")"
sock="${manager#unix://}"
export DOCKER_HOST="$manager"
DOCKER_CLI=/usr/local/bin/docker
[ -x "$DOCKER_CLI" ] || DOCKER_CLI=docker

stacks=()
cleanup() {
  local s
  for s in "${stacks[@]}"; do "$DOCKER_CLI" stack rm "$s" >/dev/null 2>&1 || true; done
  [ "$started_swarm" = 1 ] && "$bench_root/scripts/swarm.sh" down
  bench_workspace_cleanup
}
trap cleanup EXIT

swarm_api() { curl -fsS --unix-socket "$sock" "http://localhost/v1.41$1"; }
label_filter() { printf '%s' "{\"label\":[\"com.docker.stack.namespace=$1\"]}" | jq -sRr @uri; }

# running STACK: how many of the stack's services run all their tasks
running() {
  swarm_api "/services?status=true&filters=$(label_filter "$1")" |
    jq '[.[] | select(.ServiceStatus.RunningTasks >= .ServiceStatus.DesiredTasks and .ServiceStatus.DesiredTasks > 0)] | length'
}

# versions STACK: the sum of the stack's services' versions (it grows with every update)
versions() {
  swarm_api "/services?filters=$(label_filter "$1")" | jq '[.[].Version.Index] | add // 0'
}

# live_tasks STACK: the stack's tasks that have not ended
live_tasks() {
  swarm_api "/tasks?filters=$(label_filter "$1")" |
    jq '[.[] | select(.Status.State | IN("complete","shutdown","failed","rejected","orphaned","remove") | not)] | length'
}

# deploy_converged FILE LABEL N CMD..: times CMD (LABEL.deploy), then the time from its start
# until all N services run (LABEL.converged)
deploy_converged() {
  local file="$1" label="$2" count="$3" stack="${*: -1}" start t
  shift 3
  start="$(now)"
  timed "$file" "$label.deploy" "$@"
  until [ "$(running "$stack")" -ge "$count" ]; do sleep 0.1; done
  t="$(elapsed "$start")"
  echo "$label.converged $t" >>"$file"
  printf '  %-40s %7.3f s\n' "$label.converged" "$t" >&2
}

# removed STACK: waits until the stack's tasks have ended
removed() { until [ "$(live_tasks "$1")" -eq 0 ]; do sleep 0.1; done; }

command -v jq >/dev/null 2>&1 || sudo_if_needed apt-get install -y -qq jq >&2

gen() { # gen N DIR: N services as the swarm runs them
  local i
  mkdir -p "$2"
  {
    echo "services:"
    for i in $(seq 1 "$1"); do
      echo "  svc$i:"
      echo "    image: jcompose/base:latest"
      echo "    command: [\"sleep\", \"3600\"]"
      echo "    init: true"
      echo "    environment: {SERVICE_INDEX: \"$i\"}"
      echo "    deploy: {endpoint_mode: dnsrr}"
    done
  } >"$2/compose.yaml"
}

"$JCOMPOSE" stack ls >/dev/null # untimed: the first stack command of this build

for count in 10 30; do
  dir="$bench_tmp/s$count"
  gen "$count" "$dir"
  jc="jcs$count"; dk="dks$count"; jw="jcw$count"
  stacks+=("$jc" "$dk" "$jw")
  echo "stack of $count services" >&2
  (
    cd "$dir"
    deploy_converged "$samples" "jc$count" "$count" "$JCOMPOSE" stack deploy -c compose.yaml "$jc"
    v="$(versions "$jc")"
    timed "$samples" "jc$count.noop" "$JCOMPOSE" stack deploy -c compose.yaml "$jc"
    echo "jc$count.updated $(( $(versions "$jc") - v ))" >>"$samples"
    timed "$samples" "jc$count.rm" bash -c "'$JCOMPOSE' stack rm '$jc'"
    removed "$jc"

    deploy_converged "$samples" "dk$count" "$count" "$DOCKER_CLI" stack deploy \
      --resolve-image never -c compose.yaml "$dk"
    v="$(versions "$dk")"
    timed "$samples" "dk$count.noop" "$DOCKER_CLI" stack deploy --resolve-image never \
      -c compose.yaml "$dk"
    sleep 1 # the engine counts the version of an update it applies, not of the request
    echo "dk$count.updated $(( $(versions "$dk") - v ))" >>"$samples"
    timed "$samples" "dk$count.rm" bash -c "'$DOCKER_CLI' stack rm '$dk' && until [ \"\$(curl -fsS --unix-socket '$sock' \"http://localhost/v1.41/tasks?filters=$(label_filter "$dk")\" | jq '[.[] | select(.Status.State | IN(\"complete\",\"shutdown\",\"failed\",\"rejected\",\"orphaned\",\"remove\") | not)] | length')\" -eq 0 ]; do sleep 0.1; done"

    timed "$samples" "jc$count.wait" "$JCOMPOSE" stack deploy --wait -c compose.yaml "$jw"
    "$JCOMPOSE" stack rm "$jw" >/dev/null 2>&1
  )
done

value() { awk -v l="$1" '$1 == l { v = $2 } END { print (v == "" ? "-" : v) }' "$samples"; }
row() { # row TEXT KEY
  local j d
  j="$(median "$samples" "jc$2")"; d="$(median "$samples" "dk$2")"
  printf '| %s | %s | %s | %s |\n' "$1" "$j" "$d" "$(ratio "$j" "$d")"
}
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') (load average $(cut -d' ' -f1 /proc/loadavg)" \
    "at the end), one run, on the 3-node swarm of" \
    "\`scripts/swarm.sh\` (three Docker $(docker version -f '{{.Server.Version}}') engines in" \
    "network namespaces of this machine); services of one replica (\`sleep\` behind" \
    "\`init: true\`, \`endpoint_mode: dnsrr\`); \`docker stack deploy\` is the docker CLI" \
    "$("$DOCKER_CLI" version -f '{{.Client.Version}}' 2>/dev/null) with \`--resolve-image never\`" \
    "(there is no registry to ask). Seconds."
  echo
  machine_description
  echo
  echo "| operation | jcompose | docker stack deploy | jc/docker |"
  echo "|---|---:|---:|---:|"
  for count in 10 30; do
    row "deploy, $count services (returns)" "$count.deploy"
    row "deploy to converged, $count services" "$count.converged"
    row "no-op redeploy, $count services" "$count.noop"
    printf '| services updated by the no-op redeploy | %s | %s | |\n' \
      "$(value "jc$count.updated" | awk '{ print ($1 == "-" ? "-" : ($1 > 0 ? "yes" : "0")) }')" \
      "$(value "dk$count.updated" | awk '{ print ($1 == "-" ? "-" : ($1 > 0 ? "all" : "0")) }')"
    row "stack rm, $count services, until the tasks ended" "$count.rm"
    printf '| `stack deploy --wait`, %s services (jcompose) | %s | | |\n' "$count" \
      "$(median "$samples" "jc$count.wait")"
  done
} >"$out"
cat "$out"
if [ "$update_doc" = 1 ]; then update_doc_section swarm "$out"; fi
