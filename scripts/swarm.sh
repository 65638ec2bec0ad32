#!/usr/bin/env bash
# A real 3-node Docker Swarm on this one machine, for the stack tests and benchmark.
#
#   scripts/swarm.sh up       start it (idempotent: a swarm already up is kept as it is)
#   scripts/swarm.sh down     stop what `up` started, by PID, and remove its namespaces and files
#   scripts/swarm.sh status   exit 0 when the swarm is up with 3 ready nodes
#   scripts/swarm.sh env      print the nodes: NAME SOCKET ADDRESS ROLE, one a line
#   scripts/swarm.sh use PID      for a test run (scripts/test.sh): start it unless it is up, and
#                                 record the run's PID
#   scripts/swarm.sh release PID  forget the run; stop the swarm when no recorded run is alive
#                                 any more and a run (not a person) started it
#
# Checkouts testing at once share the one swarm (its namespaces and subnet are fixed): `use` and
# `release` hold a lock, so no run stops it under another; the tests themselves take turns on
# it (TestSwarm holds $JCOMPOSE_SWARM_DIR.tests.lock while a class deploys).
# Layout: a "hub" network namespace holds a Linux bridge; each node has its own network
# namespace joined to it by a veth pair, its own dockerd (started through nsenter, with its own
# host name, data root, exec root, pid file, socket and cgroup parent under $JCOMPOSE_SWARM_DIR).
# A bridge in the root namespace would be filtered by the host's FORWARD policy; one more veth
# gives the root namespace an address on the hub ($SUBNET.1) so tests reach the nodes' published
# ports. `ip netns exec` is not used: it remounts /sys and hides the cgroup v1 mounts dockerd needs.
# The images the tests use are saved once from the host engine and loaded into every node (there
# is no registry); tasks never pull (DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1).
# The host engine, its docker0 and its containers are never touched. Needs root (or sudo), the
# host's dockerd (Debian's docker.io), iproute2 and util-linux.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${JCOMPOSE_SWARM_DIR:-/tmp/jcompose-swarm}"
PREFIX="${JCOMPOSE_SWARM_PREFIX:-jcswarm}"
# the hub's /24, in the shared address space (100.64.0.0/10): no test network or engine address
# pool uses it, and libnetwork refuses a bridge subnet that overlaps a route of the host
SUBNET="${JCOMPOSE_SWARM_SUBNET:-100.71.23}"
NODES=(n1 n2 n3)
IMAGES=(jcompose/base:latest jcompose/swarm-test:2)

log() { echo "swarm.sh: $*" >&2; }
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
as_root() { "${sudo_cmd[@]}" "$@"; }

address() { echo "$SUBNET.1$1"; }                 # node index -> address on the hub
socket() { echo "unix://$DIR/$1/docker.sock"; }
dk() { local node="$1"; shift; docker -H "$(socket "$node")" "$@"; }
netns() { echo "$PREFIX-$1"; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

status() {
  local n
  for n in "${NODES[@]}"; do
    alive "$DIR/$n/docker.pid" || return 1
  done
  [ "$(dk n1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$')" = 3 ]
}

print_env() {
  local i=1 n role
  for n in "${NODES[@]}"; do
    role=worker; [ "$n" = n1 ] && role=manager
    echo "$n $(socket "$n") $(address $i) $role"
    i=$((i + 1))
  done
}

network_up() {
  local hub i n ns
  hub="$(netns hub)"
  as_root ip netns add "$hub"
  as_root ip -n "$hub" link set lo up
  as_root ip -n "$hub" link add br0 type bridge
  as_root ip -n "$hub" link set br0 up
  i=1
  for n in "${NODES[@]}"; do
    ns="$(netns "$n")"
    as_root ip netns add "$ns"
    as_root ip -n "$ns" link set lo up
    as_root ip -n "$ns" link add eth0 type veth peer name "$n" netns "$hub"
    as_root ip -n "$hub" link set "$n" master br0 up
    as_root ip -n "$ns" addr add "$(address $i)/24" dev eth0
    as_root ip -n "$ns" link set eth0 up
    as_root ip -n "$ns" route add default via "$SUBNET.1"
    i=$((i + 1))
  done
  # the root namespace's own address on the hub, for tests that call published ports
  as_root ip link add "$PREFIX-host" type veth peer name host netns "$hub"
  as_root ip -n "$hub" link set host master br0 up
  as_root ip addr add "$SUBNET.1/24" dev "$PREFIX-host"
  as_root ip link set "$PREFIX-host" up
}

start_dockerd() {
  local n="$1" i="$2" d="$DIR/$1"
  mkdir -p "$d/data" "$d/exec"
  # dockerd writes its own PID to docker.pid; that file is what `down` stops. It must not keep
  # the lock `use` holds (fd 9) open for its lifetime
  "${sudo_cmd[@]}" setsid nsenter --net="/run/netns/$(netns "$n")" unshare --uts sh -c "hostname $n; \
    exec env DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 dockerd --data-root $d/data \
      --exec-root $d/exec --pidfile $d/docker.pid -H $(socket "$n") \
      --bip 172.$((30 + i)).0.1/16 --cgroup-parent $PREFIX-$n --shutdown-timeout 2 \
      --log-level warn" >"$d/dockerd.log" 2>&1 </dev/null 9>&- &
}

wait_answers() {
  local n="$1"
  for _ in $(seq 1 120); do
    dk "$n" version --format '{{.Server.Version}}' >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  log "dockerd of $n did not answer; last lines of $DIR/$n/dockerd.log:"
  tail -n 20 "$DIR/$n/dockerd.log" >&2 || true
  return 1
}

test_images() {
  # a second, different image for the rolling-update tests: the base with one more label
  if ! docker image inspect jcompose/swarm-test:2 >/dev/null 2>&1; then
    printf 'FROM jcompose/base:latest\nLABEL dev.jcompose.swarm-test=2\n' \
      | DOCKER_BUILDKIT=0 docker build -q -t jcompose/swarm-test:2 - >"$DIR.build.log" 2>&1 \
      || { cat "$DIR.build.log" >&2; return 1; }
    rm -f "$DIR.build.log"
  fi
}

up() {
  if status; then
    log "already up ($DIR)"
    return 0
  fi
  if [ -e "$DIR" ] || [ -e "/run/netns/$(netns hub)" ]; then
    log "cleaning up a partial swarm first"
    down
  fi
  local start=$SECONDS i n
  "$here/scripts/engine.sh"
  "$here/scripts/base-image.sh"
  test_images
  mkdir -p "$DIR"
  network_up
  i=1
  for n in "${NODES[@]}"; do
    start_dockerd "$n" "$i"
    i=$((i + 1))
  done
  for n in "${NODES[@]}"; do
    wait_answers "$n"
  done
  docker save "${IMAGES[@]}" >"$DIR/images.tar"
  local loads=()
  for n in "${NODES[@]}"; do
    dk "$n" load -q -i "$DIR/images.tar" >/dev/null &
    loads+=($!)
  done
  dk n1 swarm init --advertise-addr "$(address 1)" >/dev/null
  local token
  token="$(dk n1 swarm join-token -q worker)"
  i=2
  for n in "${NODES[@]:1}"; do
    dk "$n" swarm join --advertise-addr "$(address $i)" --token "$token" "$(address 1):2377" \
      >/dev/null
    i=$((i + 1))
  done
  wait "${loads[@]}"
  rm -f "$DIR/images.tar"
  for _ in $(seq 1 80); do
    status && break
    sleep 0.25
  done
  status || { log "the nodes did not all become ready"; dk n1 node ls >&2 || true; return 1; }
  print_env >"$DIR/nodes"
  log "up in $((SECONDS - start)) s: $(tr '\n' ';' <"$DIR/nodes")"
}

stop_dockerd() {
  local n="$1" pidfile="$DIR/$1/docker.pid" pid
  alive "$pidfile" || return 0
  pid="$(cat "$pidfile")"
  as_root kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 80); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  log "dockerd of $n ($pid) did not stop in 20 s; killing it"
  as_root kill -KILL "$pid" 2>/dev/null || true
}

# Processes left behind by a node (containerd shims and their containers, when dockerd was
# killed): those whose command line names this node's exec root, or that sit in its cgroup.
leftovers() {
  local n="$1" p
  for p in /proc/[0-9]*; do
    if { tr "\0" " " <"$p/cmdline"; } 2>/dev/null | grep -qF "$DIR/$n/exec/"; then
      echo "${p#/proc/}"
    fi
  done
  cat /sys/fs/cgroup/pids/"$PREFIX-$n"/*/cgroup.procs 2>/dev/null || true
}

down() {
  local n pids hub
  if [ -d "$DIR" ]; then
    # services first, so their tasks stop now rather than at each dockerd's shutdown
    if alive "$DIR/n1/docker.pid"; then
      dk n1 service ls -q 2>/dev/null | xargs -r docker -H "$(socket n1)" service rm \
        >/dev/null 2>&1 || true
    fi
    local stops=()
    for n in "${NODES[@]}"; do
      stop_dockerd "$n" &
      stops+=($!)
    done
    wait "${stops[@]}"
    for n in "${NODES[@]}"; do
      pids="$(leftovers "$n" | sort -u | tr '\n' ' ')"
      if [ -n "${pids// /}" ]; then
        log "killing what $n left behind: $pids"
        # shellcheck disable=SC2086
        as_root kill -KILL $pids 2>/dev/null || true
      fi
      for c in /sys/fs/cgroup/*/"$PREFIX-$n"; do
        [ -d "$c" ] && as_root find "$c" -depth -type d -exec rmdir {} \; 2>/dev/null || true
      done
    done
    # mounts under the nodes' roots (overlay layers, network namespaces), deepest first
    awk -v d="$DIR/" 'index($2, d) == 1 { print $2 }' /proc/self/mounts | sort -r \
      | while read -r m; do as_root umount -l "$m" 2>/dev/null || true; done
    as_root rm -rf "$DIR"
  fi
  as_root ip link del "$PREFIX-host" 2>/dev/null || true
  for n in "${NODES[@]}" hub; do
    hub="$(netns "$n")"
    [ -e "/run/netns/$hub" ] && as_root ip netns del "$hub"
  done
  log "down"
}

use() {
  local pid="$1"
  exec 9>"$DIR.lock"
  flock 9
  if ! status; then
    up
    : >"$DIR/started-by-a-run"
  fi
  mkdir -p "$DIR/runs"
  : >"$DIR/runs/$pid"
}

release() {
  local pid="$1" f live=0
  exec 9>"$DIR.lock"
  flock 9
  rm -f "$DIR/runs/$pid"
  for f in "$DIR"/runs/*; do
    [ -e "$f" ] || continue
    if kill -0 "${f##*/}" 2>/dev/null; then live=1; else rm -f "$f"; fi
  done
  if [ "$live" = 1 ]; then
    log "kept: another test run uses it"
  elif [ -f "$DIR/started-by-a-run" ]; then
    down
  fi
}

case "${1:-}" in
  up) up ;;
  use) use "${2:?usage: scripts/swarm.sh use PID}" ;;
  release) release "${2:?usage: scripts/swarm.sh release PID}" ;;
  down) down ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: scripts/swarm.sh up|down|status|env|use PID|release PID" >&2; exit 2 ;;
esac
