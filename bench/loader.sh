#!/usr/bin/env bash
# loader.sh: the compose loader alone, warm (JMH), on generated files of 100, 500 and 2000
# services: operations/s and services/s. Builds bench/jmh with -Pbench (JMH from Maven Central).
# Usage: bench/loader.sh [JMH options...]   e.g. bench/loader.sh -p services=500 -wi 1 -i 2
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java.sh
JAVA_HOME="$(find_jdk 21)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# one reactor run: the classpath file is written last by bench/jmh itself
mvn -B -q -Pbench -pl bench/jmh -am -DskipTests -Dmaven.javadoc.skip package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/bench/jmh/target/jmh.cp" >/dev/null
out="$(mktemp)"
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.cp)" org.openjdk.jmh.Main \
  -rf csv -rff "$out" "$@" LoaderBench
if [ "$(wc -l < "$out")" -lt 2 ]; then
  echo "loader.sh: no benchmark result (see the failure above)" >&2
  exit 1
fi
echo
echo "| services | loads/s | services/s |"
echo "|---:|---:|---:|"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: services"
tail -n +2 "$out" | awk -F, '{ gsub(/"/, ""); printf "| %s | %.1f | %.0f |\n", $8, $5, $5 * $8 }'
rm -f "$out"
