#!/usr/bin/env bash
# Docker 26 beside the host engine, for the engine matrix of the tests:
#   scripts/docker26.sh up     starts it (idempotent) and prints its DOCKER_HOST
#   scripts/docker26.sh down   stops it, by PID
# Debian trixie's docker.io 26.1.5 and containerd 1.7.24, unpacked with scripts/trixie.sh (no
# system upgrade), run with bookworm's runc and tini (trixie's runc needs a newer glibc), in the
# network namespace jc-docker26 with their own data root, exec root, pid files and containerd
# socket. The API socket is /run/jcompose-engines/docker26.sock; containers publish their ports
# inside the namespace (run a client there, `nsenter --net=/run/netns/jc-docker26`, to reach them).
# The host engine, its containerd and its docker0 are never touched. `up` also builds the local
# base image in it (scripts/base-image.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINE_SCRIPT=docker26.sh
. "$here/lib/engines.sh"

name=docker26
ns=jc-docker26
run="$ENGINES_RUN/$name"
state="$ENGINES_STATE/$name"
sock="$ENGINES_RUN/$name.sock"
host="unix://$sock"
containerd_sock="$run/containerd/containerd.sock"

up() {
  apt_install runc tini iptables
  if docker -H "$host" version >/dev/null 2>&1; then
    DOCKER_HOST="$host" "$here/base-image.sh"
    echo "$host"
    return 0
  fi
  local dirs
  dirs="$("$here/trixie.sh" docker.io containerd)"
  local docker_dir containerd_dir
  docker_dir="$(sed -n 1p <<<"$dirs")"
  containerd_dir="$(sed -n 2p <<<"$dirs")"

  mkdir -p "$run/containerd" "$run/exec" "$state/bin" "$state/containerd" "$state/docker"
  # the programs dockerd and containerd look up on PATH: these first, whatever the host has
  ln -sf "$docker_dir/usr/sbin/dockerd" "$docker_dir/usr/sbin/docker-proxy" "$state/bin/"
  ln -sf "$containerd_dir/usr/bin/containerd" "$containerd_dir/usr/bin/containerd-shim-runc-v2" \
    "$state/bin/"
  ln -sf /usr/sbin/runc "$state/bin/runc"
  ln -sf /usr/bin/tini-static "$state/bin/docker-init"
  echo '{}' > "$state/daemon.json"
  cat > "$state/containerd.toml" <<TOML
version = 2
root = "$state/containerd"
state = "$run/containerd"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$containerd_sock"
[ttrpc]
  address = "$containerd_sock.ttrpc"
[debug]
  address = ""
TOML
  netns_up "$ns"
  local path="$state/bin:/usr/sbin:/usr/bin:/sbin:/bin"

  # a containerd of ours whose pid file was lost (an `up` stopped half-way) holds its database:
  # adopt it rather than start a second one that waits for the lock forever
  if ! alive "$run/containerd.pid" containerd; then
    pgrep -f -x "containerd --config $state/containerd.toml" | head -n 1 > "$run/containerd.pid" || true
  fi
  if ! alive "$run/containerd.pid" containerd; then
    rm -f "$containerd_sock"
    start_in_netns "$ns" "$run/containerd.pid" "$run/containerd.log" \
      env PATH="$path" containerd --config "$state/containerd.toml"
    for _ in $(seq 1 100); do
      [ -S "$containerd_sock" ] && break
      alive "$run/containerd.pid" containerd || break
      sleep 0.1
    done
    [ -S "$containerd_sock" ] || { engines_log "containerd did not start:"; tail -n 20 "$run/containerd.log" >&2; exit 1; }
  fi

  if ! alive "$run/dockerd.pid" dockerd; then
    rm -f "$run/docker.pid" "$sock"
    engines_log "starting Docker $("$state/bin/dockerd" --version | sed 's/Docker version //') in netns $ns (log: $run/dockerd.log)"
    start_in_netns "$ns" "$run/dockerd.pid" "$run/dockerd.log" \
      env PATH="$path" dockerd --config-file "$state/daemon.json" \
      --data-root "$state/docker" --exec-root "$run/exec" --pidfile "$run/docker.pid" \
      --host "$host" --containerd "$containerd_sock" --cgroup-parent /jcompose-docker26
  fi
  wait_for_socket "$sock" "$run/dockerd.log" dockerd
  engines_log "Docker $(docker -H "$host" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers on $sock"
  DOCKER_HOST="$host" "$here/base-image.sh"
  echo "$host"
}

down() {
  # dockerd stops its containers (and so their shims) before it exits
  stop_pid "$run/dockerd.pid" dockerd 40
  stop_pid "$run/containerd.pid" containerd 10
  rm -f "$sock" "$run/docker.pid"
  netns_down "$ns" || true
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) alive "$run/dockerd.pid" dockerd ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
