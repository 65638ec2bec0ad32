# Shared pieces of the benchmark scripts. Source it; it defines:
#   bench_setup            engine, base image, docker-compose 1.29 (COMPOSE_V1), compose v2
#                          (COMPOSE_V2), the jcompose jar and its start-up caches (so no measured run pays for the
#                          one-time training)
#   JCOMPOSE               the jcompose measured: the checkout's launcher unless set (an installed
#                          release's bin/jcompose, say)
#   now / elapsed START    wall-clock seconds with microsecond resolution (bash's clock, no fork)
#   timed FILE LABEL CMD.. runs CMD (output discarded), appends "LABEL SECONDS" to FILE,
#                          fails the benchmark when CMD fails
#   median FILE LABEL [D]  the median of LABEL's samples in FILE, with D decimals (2)
#   raw_up / raw_down      the engine floor: the same containers through parallel raw Engine
#                          API calls (curl on the socket), no compose logic at all
#   cli_up / cli_down      the same with the docker CLI (docker run -d / rm -f, in parallel)
#   machine_description    a markdown paragraph about this machine and the tools' versions
#   bench_workspace        a temporary directory (bench_tmp) with the samples file (samples) and
#                          the list of projects (projects) removed, with it, on exit
#   stack_options ARGS..   reads -n SERVICES, -r RUNS and -o OUT.md into n, runs and out (the
#                          caller sets the defaults first)
#   results_file NAME      where the report goes: out when -o set it, else
#                          bench/results/NAME.md and PERFORMANCE.md's section (update_doc=1)
#   engine_bug_note        a sentence naming the runs the engine's stale-endpoint bug hit, if any
#   update_doc_section NAME FILE  replaces docs/PERFORMANCE.md's text between its NAME markers
#                          (<!-- NAME:begin --> and <!-- NAME:end -->) with FILE

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JCOMPOSE="${JCOMPOSE:-$bench_root/jcompose}"
DOCKER_SOCK="${DOCKER_SOCK:-/var/run/docker.sock}"
BASE_IMAGE="jcompose/base:latest"

bench_setup() {
  "$bench_root/scripts/engine.sh" >&2
  "$bench_root/scripts/base-image.sh" >&2
  COMPOSE_V1="${COMPOSE_V1:-$("$bench_root/scripts/compose-v1.sh")}"
  command -v curl >/dev/null 2>&1 || sudo_if_needed apt-get install -y -qq curl >&2
  COMPOSE_V2="${COMPOSE_V2:-$("$bench_root/scripts/compose-v2.sh")}"
  # builds the jar when missing and creates the start-up caches (one per command family, see
  # the launcher): untimed runs
  "$JCOMPOSE" version >/dev/null
  "$JCOMPOSE" config --help >/dev/null
  "$JCOMPOSE" -p jcompose-bench-warm-up down >/dev/null
  "$COMPOSE_V1" version >/dev/null
  "$COMPOSE_V2" version >/dev/null
}

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

now() { echo "$EPOCHREALTIME"; }

elapsed() { local e="$EPOCHREALTIME"; awk -v s="$1" -v e="$e" 'BEGIN { printf "%.4f", e - s }'; }

timed() {
  local file="$1" label="$2" start end rc=0 t
  shift 2
  start="$EPOCHREALTIME"
  "$@" >/dev/null 2>"$bench_tmp/last.err" || rc=$?
  end="$EPOCHREALTIME"
  if [ "$rc" != 0 ]; then
    if grep -q -e "active endpoint" -e "moby/moby#42119" "$bench_tmp/last.err"; then
      # Docker 20.10's stale-endpoint bug (moby/moby#42119): every container is gone but the
      # engine will not drop the network until it restarts. The work was done; count the run.
      echo "$label" >>"$bench_tmp/engine-bugs"
      echo "bench: $label hit the engine's stale-endpoint bug (network left behind)" >&2
    else
      echo "bench: '$*' failed:" >&2
      cat "$bench_tmp/last.err" >&2
      return 1
    fi
  fi
  t="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')"
  echo "$label $t" >>"$file"
  printf '  %-40s %8.4f s\n' "$label" "$t" >&2
}

median() {
  awk -v l="$2" '$1 == l { print $2 }' "$1" | sort -n |
    awk -v p="${3:-2}" '{ v[NR] = $1 } END { f = "%." p "f"; if (NR == 0) { print "-" } else if (NR % 2) { printf f, v[(NR + 1) / 2] } else { printf f, (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'
}

# ratio A B: A / B with two decimals, or "-" when either is missing
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'
}

api() {
  local method="$1" path="$2" body="${3:-}"
  if [ -n "$body" ]; then
    curl -fsS --unix-socket "$DOCKER_SOCK" -X "$method" -H 'Content-Type: application/json' \
      -d "$body" "http://localhost/v1.41$path"
  else
    curl -fsS --unix-socket "$DOCKER_SOCK" -X "$method" "http://localhost/v1.41$path"
  fi
}

# raw_up PROJECT N: a network, then N containers like gen-stack.sh's, each created and started
# by its own chain of two API calls, all chains in parallel (16 at a time).
raw_up() {
  local project="$1" n="$2" net="$1_default"
  api POST /networks/create "{\"Name\":\"$net\",\"Labels\":{\"bench.jcompose.dev/raw\":\"$project\"}}" >/dev/null
  seq 1 "$n" | xargs -P 16 -I{} bash -c '
    set -e
    body="{\"Image\":\"'"$BASE_IMAGE"'\",\"Cmd\":[\"sleep\",\"3600\"],\"Env\":[\"SERVICE_INDEX={}\"],
      \"Labels\":{\"bench.jcompose.dev/raw\":\"'"$project"'\",\"bench.jcompose.dev/index\":\"{}\"},
      \"HostConfig\":{\"Init\":true,\"NetworkMode\":\"'"$net"'\"},
      \"NetworkingConfig\":{\"EndpointsConfig\":{\"'"$net"'\":{\"Aliases\":[\"svc{}\"]}}}}"
    curl -fsS --unix-socket "'"$DOCKER_SOCK"'" -X POST -H "Content-Type: application/json" \
      -d "$body" "http://localhost/v1.41/containers/create?name='"$project"'-svc{}-1" >/dev/null
    curl -fsS --unix-socket "'"$DOCKER_SOCK"'" -X POST \
      "http://localhost/v1.41/containers/'"$project"'-svc{}-1/start" >/dev/null
  '
}

# raw_down PROJECT: stops and removes the project's containers in parallel, then its network.
raw_down() {
  local project="$1"
  docker ps -aq --filter "label=bench.jcompose.dev/raw=$project" | xargs -r -P 16 -I{} \
    curl -fsS --unix-socket "$DOCKER_SOCK" -X DELETE "http://localhost/v1.41/containers/{}?force=true" >/dev/null
  if ! api DELETE "/networks/$1_default" >/dev/null 2>&1; then
    # 403 here is the engine's stale-endpoint bug; say so for timed() to recognise it
    echo "network $1_default: the engine still counts an active endpoint" >&2
    return 1
  fi
}

# cli_up PROJECT N / cli_down PROJECT: raw_up and raw_down through the docker CLI
cli_up() {
  local project="$1" n="$2" net="$1_default"
  docker network create --label "bench.jcompose.dev/raw=$project" "$net" >/dev/null
  seq 1 "$n" | xargs -P 16 -I{} docker run -d --name "$project-svc{}-1" --init --network "$net" \
    --network-alias "svc{}" -e SERVICE_INDEX={} --label "bench.jcompose.dev/raw=$project" \
    --label "bench.jcompose.dev/index={}" "$BASE_IMAGE" sleep 3600 >/dev/null
}

cli_down() {
  docker ps -aq --filter "label=bench.jcompose.dev/raw=$1" | xargs -r docker rm -f >/dev/null
  if ! docker network rm "$1_default" >/dev/null 2>&1; then
    echo "network $1_default: the engine still counts an active endpoint" >&2
    return 1
  fi
}

# Removes whatever a benchmark project left behind (after a failure): containers, networks.
bench_cleanup_project() {
  local project="$1"
  docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker ps -aq --filter "label=bench.jcompose.dev/raw=$project" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker network rm >/dev/null 2>&1 || true
  docker network rm "${project}_default" >/dev/null 2>&1 || true
}

machine_description() {
  local cpu mem kernel
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  mem="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  kernel="$(uname -r)"
  echo "Machine: $(nproc) cores ($cpu), $mem RAM, Linux $kernel."
  echo "Engine: Docker $(docker version -f '{{.Server.Version}}' 2>/dev/null) (API $(docker version -f '{{.Server.APIVersion}}' 2>/dev/null))."
  echo "Peers: $("$COMPOSE_V1" version --short 2>/dev/null | sed 's/^/docker-compose /')," \
    "${COMPOSE_V2:+compose v2 $("$COMPOSE_V2" version --short 2>/dev/null),}" \
    "$("$JCOMPOSE" version 2>/dev/null | head -n2 | tr '\n' ' ')."
}

bench_workspace() {
  bench_tmp="$(mktemp -d)"
  samples="$bench_tmp/samples"
  : >"$samples"
  projects=()
  trap bench_workspace_cleanup EXIT
}

bench_workspace_cleanup() {
  local p
  for p in "${projects[@]}"; do bench_cleanup_project "$p"; done
  rm -rf "$bench_tmp"
}

stack_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -n) n="$2"; shift 2 ;;
      -r) runs="$2"; shift 2 ;;
      -o) out="$2"; shift 2 ;;
      *) echo "usage: $0 [-n SERVICES] [-r RUNS] [-o OUT.md]" >&2; exit 2 ;;
    esac
  done
}

results_file() {
  update_doc=0
  if [ -z "$out" ]; then out="$bench_root/bench/results/$1.md"; update_doc=1; fi
  mkdir -p "$(dirname "$out")"
}

engine_bug_note() {
  if [ -s "$bench_tmp/engine-bugs" ]; then
    echo
    echo "The engine's stale-endpoint bug (moby/moby#42119) left a network behind in:" \
      "$(sort "$bench_tmp/engine-bugs" | uniq -c | awk '{ printf "%s%s (%dx)", sep, $2, $1; sep = ", " }')."
  fi
}

update_doc_section() {
  local name="$1" file="$2" doc="$bench_root/docs/PERFORMANCE.md"
  [ -f "$doc" ] || return 0
  awk -v f="$file" -v b="<!-- $name:begin -->" -v e="<!-- $name:end -->" '
    $0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
    $0 == e { skip = 0 }
    !skip { print }' "$doc" >"$bench_tmp/doc.md"
  cp "$bench_tmp/doc.md" "$doc"
  echo "bench: results written to $file and docs/PERFORMANCE.md" >&2
}
