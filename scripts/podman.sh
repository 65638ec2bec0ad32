#!/usr/bin/env bash
# Podman's Docker-compatible API beside the host engine, for the engine matrix of the tests:
#   scripts/podman.sh up     starts `podman system service` (idempotent), prints its DOCKER_HOST
#   scripts/podman.sh down   removes its containers, stops it by PID, leaves no process behind
# Debian bookworm's podman 4.3.1 (apt), with netavark and aardvark-dns for networks with DNS,
# and runc (bookworm's crun 1.8 refuses this machine's hybrid cgroups). Not trixie's podman
# 5.4.2: its podman, conmon, crun and netavark need glibc 2.38/2.39, bookworm has 2.36.
# It runs in the network namespace jc-podman with a containers.conf and storage.conf of its own
# (state under /var/lib/jcompose-engines/podman, runtime files under /run/jcompose-engines/podman):
#   - default_ulimits: podman raises RLIMIT_NOFILE and RLIMIT_NPROC to their maximum by default,
#     above this machine's hard limits, and every container then fails with "error setting
#     rlimit type 7" (or 6); containers get the limits the service itself has instead;
#   - cgroupfs and a file for events, k8s-file logs: there is no systemd or journald here;
#   - exit_command_delay 10 s (default 300): podman keeps each exec session, two conmon
#     processes, that long after it ended so its exit code can be read;
#   - registries.conf: a registry on 127.0.0.1 spoken to over plain HTTP, as Docker does by
#     default for 127.0.0.0/8 (the registry tests push to one).
# Without systemd, podman never runs health checks by itself (it schedules them with systemd
# timers); jcompose runs them through podman's API while it waits on one (README).
# The API socket is /run/jcompose-engines/podman.sock. `up` builds the local base image in it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINE_SCRIPT=podman.sh
. "$here/lib/engines.sh"

name=podman
ns=jc-podman
run="$ENGINES_RUN/$name"
state="$ENGINES_STATE/$name"
sock="$ENGINES_RUN/$name.sock"
host="unix://$sock"

configure() {
  mkdir -p "$run" "$state"
  # the service lowers its own RLIMIT_NPROC to 32768 when it starts; no container may have more
  local nproc
  nproc="$(ulimit -Hu)"
  [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ] && nproc=32768
  cat > "$state/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=$nproc:$nproc"]
log_driver = "k8s-file"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$run/events.log"
tmp_dir = "$run/libpod"
static_dir = "$state/libpod"
volume_path = "$state/volumes"
runtime = "runc"
exit_command_delay = 10

[network]
network_backend = "netavark"
network_config_dir = "$state/networks"
CONF
  cat > "$state/registries.conf" <<CONF
unqualified-search-registries = ["docker.io"]

[[registry]]
location = "127.0.0.1"
insecure = true
CONF
  cat > "$state/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$state/storage"
runroot = "$run/storage"
CONF
}

# podman itself (not the service) on this engine's configuration
podman_env() {
  echo CONTAINERS_CONF="$state/containers.conf" CONTAINERS_STORAGE_CONF="$state/storage.conf" \
    CONTAINERS_REGISTRIES_CONF="$state/registries.conf"
}
podman_local() {
  "${engines_sudo[@]}" nsenter --net="/run/netns/$ns" -- env $(podman_env) podman "$@"
}

up() {
  apt_install podman netavark aardvark-dns runc catatonit
  if docker -H "$host" version >/dev/null 2>&1; then
    DOCKER_HOST="$host" "$here/base-image.sh"
    echo "$host"
    return 0
  fi
  configure
  netns_up "$ns"
  if ! alive "$run/service.pid" podman; then
    rm -f "$sock"
    engines_log "starting $(podman --version) system service in netns $ns (log: $run/service.log)"
    start_in_netns "$ns" "$run/service.pid" "$run/service.log" \
      env $(podman_env) podman system service --time 0 "$host"
  fi
  wait_for_socket "$sock" "$run/service.log" "podman system service"
  engines_log "Podman $(docker -H "$host" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers on $sock"
  DOCKER_HOST="$host" "$here/base-image.sh"
  echo "$host"
}

down() {
  if [ -e "/run/netns/$ns" ] && [ -f "$state/containers.conf" ]; then
    # containers outlive the service (conmon keeps each): remove them, then the networks, so
    # no conmon, container or aardvark-dns is left in the namespace
    podman_local rm --all --force --time 0 >/dev/null 2>&1 || true
    podman_local network prune --force >/dev/null 2>&1 || true
  fi
  stop_pid "$run/service.pid" "podman system service" 20
  rm -f "$sock"
  if [ -e "/run/netns/$ns" ]; then
    local pid
    for pid in $("${engines_sudo[@]}" ip netns pids "$ns" 2>/dev/null); do
      engines_log "left in $ns: $pid $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null); stopping it"
      "${engines_sudo[@]}" kill -TERM "$pid" 2>/dev/null || true
    done
    sleep 0.5
    netns_down "$ns" || true
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) alive "$run/service.pid" podman ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
