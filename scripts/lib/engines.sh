# Shell helpers for the extra engines (scripts/docker26.sh, scripts/podman.sh). Source this file.
# Each extra engine runs in a network namespace of its own (never the host's: a second engine
# there can delete the host engine's docker0), with its state under $ENGINES_STATE/<name> and
# its sockets and pid files under $ENGINES_RUN/<name>; its API socket is $ENGINES_RUN/<name>.sock,
# a file, so the host namespace reaches it although the engine's own network is elsewhere.
# Processes are started in the background and stopped by the PID they wrote, nothing by name.

ENGINES_RUN="${JCOMPOSE_ENGINES_RUN:-/run/jcompose-engines}"
ENGINES_STATE="${JCOMPOSE_ENGINES_STATE:-/var/lib/jcompose-engines}"

engines_log() { echo "$ENGINE_SCRIPT: $*" >&2; }

engines_sudo=()
[ "$(id -u)" -ne 0 ] && engines_sudo=(sudo)

# apt_install PKG...: installs the bookworm packages not installed yet.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  engines_log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${engines_sudo[@]}" apt-get update -qq
  "${engines_sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# netns_up NAME: the network namespace /run/netns/NAME with its loopback up.
netns_up() {
  [ -e "/run/netns/$1" ] || "${engines_sudo[@]}" ip netns add "$1"
  "${engines_sudo[@]}" ip -n "$1" link set lo up
}

# netns_down NAME: removes the namespace when no process is left in it.
netns_down() {
  [ -e "/run/netns/$1" ] || return 0
  if [ -n "$("${engines_sudo[@]}" ip netns pids "$1" 2>/dev/null)" ]; then
    engines_log "network namespace $1 still has processes: $("${engines_sudo[@]}" ip netns pids "$1" | tr '\n' ' ')"
    return 1
  fi
  "${engines_sudo[@]}" ip netns delete "$1"
}

# alive PIDFILE PROGRAM: true when the file names a running process whose command line has the
# word PROGRAM (a PID written hours ago may since name another process).
alive() {
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -qx -- "$2"
}

# start_in_netns NAME PIDFILE LOGFILE CMD...: CMD in the background in namespace NAME (nsenter,
# not `ip netns exec`, which remounts /sys and hides the cgroup v1 mounts), its PID written to
# PIDFILE (nsenter and env exec the command, so $! is its PID).
start_in_netns() {
  local ns="$1" pidfile="$2" logfile="$3"
  shift 3
  nohup "${engines_sudo[@]}" nsenter --net="/run/netns/$ns" -- "$@" >"$logfile" 2>&1 </dev/null &
  echo $! > "$pidfile"
}

# stop_pid PIDFILE WHAT [SECONDS]: TERM to the PID in PIDFILE when it still runs the program WHAT
# names first, KILL after SECONDS (default 20).
stop_pid() {
  local pidfile="$1" what="$2" wait="${3:-20}" pid i
  pid="$(cat "$pidfile" 2>/dev/null)" || return 0
  if alive "$pidfile" "${what%% *}"; then
    "${engines_sudo[@]}" kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 10; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      engines_log "$what ($pid) did not stop in ${wait} s; killing it"
      "${engines_sudo[@]}" kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
}

# wait_for_socket SOCKET LOGFILE WHAT: until `docker -H unix://SOCKET version` answers (60 s).
wait_for_socket() {
  local i
  for ((i = 0; i < 120; i++)); do
    if docker -H "unix://$1" version --format '{{.Server.Version}}' >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  engines_log "$3 did not answer on $1 within 60 s; last lines of $2:"
  tail -n 20 "$2" >&2 || true
  return 1
}
