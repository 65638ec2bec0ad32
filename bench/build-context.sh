#!/usr/bin/env bash
# Benchmark: build-context creation for a 10,000-file directory with a .dockerignore.
#
#  1. jcompose's context writer alone (walk + ignore rules + tar to a byte counter), in one JVM:
#     the first run and the warm median; with a small heap (-Xmx48m) to show the context is
#     streamed, not held in memory.
#  2. End to end, the same tree and a trivial Dockerfile sent to the engine's classic builder:
#     `jcompose build` against `DOCKER_BUILDKIT=0 docker build` (both walk, filter, tar and send
#     the context; the daemon unpacks it; the build itself is a cached no-op).
#
# Usage: bench/build-context.sh [RUNS]   (default 5 end-to-end runs each)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
cd "$here"

. scripts/lib/java.sh
JAVA_HOME="$(find_jdk 21)"
export JAVA_HOME
jar=cli/target/jcompose.jar
if [ ! -f "$jar" ]; then
  echo "build-context.sh: building $jar" >&2
  mvn -q -B -DskipTests -pl cli -am package >&2
fi
scripts/base-image.sh

work="$(mktemp -d)"
project="bench-ctx-$$"
cleanup() {
  docker image rm -f "$project-app" bench-ctx-docker >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
tree="$work/tree"

# 10,000 files: 8,000 sources (kept), 1,500 in node_modules and 497 logs (ignored), a kept log,
# the Dockerfile and the .dockerignore
blob="$(printf 'x%.0s' $(seq 1 2000))"
for d in $(seq -w 1 80); do
  mkdir -p "$tree/src/d$d"
  for f in $(seq -w 1 100); do printf '%s\n' "$blob" > "$tree/src/d$d/f$f.txt"; done
done
for d in $(seq -w 1 30); do
  mkdir -p "$tree/node_modules/p$d"
  for f in $(seq -w 1 50); do printf '%s\n' "$blob" > "$tree/node_modules/p$d/f$f.js"; done
done
mkdir -p "$tree/logs"
for f in $(seq -w 1 497); do printf '%s\n' "$blob" > "$tree/logs/run$f.log"; done
printf 'kept\n' > "$tree/logs/keep.log"
printf 'FROM jcompose/base:latest\nLABEL bench=context\n' > "$tree/Dockerfile"
printf '# dependencies and logs stay out\nnode_modules\n**/*.log\n!logs/keep.log\n' > "$tree/.dockerignore"
printf 'services:\n  app:\n    build: ./tree\n' > "$work/compose.yaml"
echo "tree: $(find "$tree" -type f | wc -l) files, $(du -sh "$tree" | cut -f1)" >&2

echo "== 1. jcompose context writer alone (in-process)"
"$JAVA_HOME/bin/java" -Xmx48m -cp "$jar" bench/ContextBench.java "$tree" 12

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "== 2. end to end: context sent to the engine, trivial cached build ($runs runs each)"
# warm both (base image, build cache, page cache, class-data archive)
./jcompose -f "$work/compose.yaml" -p "$project" build -q >/dev/null 2>&1
# the same labels jcompose gives built images, so the daemon does the same work for both
labels=(--label "com.docker.compose.project=$project" --label com.docker.compose.service=app
  --label com.docker.compose.version=2.26.1)
DOCKER_BUILDKIT=0 docker build -q "${labels[@]}" -t bench-ctx-docker "$tree" >/dev/null 2>&1
j=(); d=()
for _ in $(seq 1 "$runs"); do
  j+=("$(time_ms ./jcompose -f "$work/compose.yaml" -p "$project" build -q)")
  d+=("$(time_ms env DOCKER_BUILDKIT=0 docker build -q "${labels[@]}" -t bench-ctx-docker "$tree")")
done
echo "jcompose build:                 median $(printf '%s\n' "${j[@]}" | median) ms  (runs: ${j[*]})"
echo "DOCKER_BUILDKIT=0 docker build: median $(printf '%s\n' "${d[@]}" | median) ms  (runs: ${d[*]})"
echo "jcompose version only (JVM start-up floor): $(time_ms ./jcompose version) ms"
