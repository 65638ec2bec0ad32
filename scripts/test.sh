#!/usr/bin/env bash
# The test command: makes an engine available (installing it if needed), builds the local base
# image, installs the registry the image tests push to and pull from, unpacks compose v2 (the
# oracle ComposeV2OracleTest compares config with), starts the other engines of the matrix
# (Docker 26, Podman) and the 3-node swarm the stack tests deploy to (scripts/swarm.sh use;
# stopped at the end when a run started it and no other uses it; the engines too when this run
# started them), then builds jcompose and runs
# every test, unit and integration, with a JDK >= 21, the integration tests split between the
# engines (pom.xml, profile engine-matrix).
# Extra arguments go to Maven (e.g. -pl compose-model, -DskipITs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

scripts/engine.sh
scripts/base-image.sh
scripts/registry-deps.sh
# compose v2, the reference the oracle tests run beside jcompose
COMPOSE_V2="$(scripts/compose-v2.sh)"
export COMPOSE_V2

# the other engines of the matrix, each in its network namespace: Docker 26 and Podman.
# JCOMPOSE_ENGINE_MATRIX=0 runs every integration test on the host engine instead.
# What this run starts, it stops when it ends (an engine already running is left running).
started=()
cleanup() {
  local s
  for s in "${started[@]}"; do
    $s || true
  done
}
trap cleanup EXIT
matrix=()
if [ "${JCOMPOSE_ENGINE_MATRIX:-1}" != 0 ]; then
  for engine in docker26 podman; do
    if ! "scripts/$engine.sh" status 2>/dev/null; then
      started=("scripts/$engine.sh down" "${started[@]}")
    fi
    "scripts/$engine.sh" up >/dev/null
  done
  matrix=(-Pengine-matrix)
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "test.sh: installing maven" >&2
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends maven >/dev/null
fi

. scripts/lib/java.sh
JAVA_HOME="$(find_jdk 21)" || { echo "test.sh: no JDK >= 21 found" >&2; exit 1; }
export JAVA_HOME
echo "test.sh: JDK $JAVA_HOME" >&2

case " $* " in
  *" -DskipITs "*) ;;
  *)
    scripts/swarm.sh use $$
    started=("scripts/swarm.sh release $$" "${started[@]}")
    ;;
esac

mvn -B -ntp verify "${matrix[@]}" "$@"
