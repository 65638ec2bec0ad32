#!/usr/bin/env bash
# Makes a Docker engine available. When none answers: installs Debian's docker.io (and
# busybox-static for the base image) if missing, starts dockerd in the background, and waits
# until it answers. A dockerd killed earlier leaves /var/run/docker.pid behind, which stops a new
# one from starting: a stale pid file is removed when no dockerd runs.
set -euo pipefail

log() { echo "engine.sh: $*" >&2; }
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  if ! [ -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then
    missing+=(busybox-static)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_packages

if answers; then
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ] && [[ "$DOCKER_HOST" != unix://* ]]; then
  log "DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine"
  exit 1
fi

# the host's dockerd is the one of /var/run/docker.pid: the test engines beside it (Docker 26,
# the swarm nodes) are dockerd processes too, with pid files of their own
host_dockerd_runs() {
  local pid
  pid="$(cat /var/run/docker.pid 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]
}

if ! host_dockerd_runs; then
  if [ -f /var/run/docker.pid ]; then
    log "removing stale /var/run/docker.pid"
    "${sudo_cmd[@]}" rm -f /var/run/docker.pid
  fi
  # containerd keeps its own pid file too
  [ -f /run/containerd/containerd.pid ] && ! pgrep -x containerd >/dev/null 2>&1 \
    && "${sudo_cmd[@]}" rm -f /run/containerd/containerd.pid
  logfile=/tmp/jcompose-dockerd.log
  log "starting dockerd (log: $logfile)"
  # in a session of its own: ending the job that started it (a test run stopped with its
  # process group) must not end the engine
  "${sudo_cmd[@]}" setsid sh -c "nohup dockerd >$logfile 2>&1 </dev/null &"
fi

for _ in $(seq 1 120); do
  if answers; then
    log "engine answers: $(docker version --format '{{.Server.Version}}')"
    exit 0
  fi
  sleep 0.5
done
log "dockerd did not answer within 60 s; last lines of its log:"
tail -n 20 /tmp/jcompose-dockerd.log >&2 || true
exit 1
