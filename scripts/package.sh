#!/usr/bin/env bash
# The one build command for what users install: builds jcompose and makes, in dist/target,
#   jcompose-VERSION-linux-x86_64.tar.gz   (install: tar -xzf ... && jcompose-VERSION/install.sh)
#   jcompose_VERSION_amd64.deb             (install: apt-get install ./jcompose_..._amd64.deb)
# each with a jlink'd Java runtime and the ahead-of-time caches made at build time
# (dist/src/build/make-dist.sh). Needs a JDK 25 or newer and dpkg-deb; extra arguments go to
# Maven. Tests are not run here: scripts/test.sh runs them, the install test (InstallIT) too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/lib/java.sh
JAVA_HOME="$(find_jdk 25)" || { echo "package.sh: needs a JDK 25 or newer (jlink, the AOT cache)" >&2; exit 1; }
export JAVA_HOME
mvn -B -q -ntp -pl dist -am package -DskipTests "$@"
ls -l dist/target/*.tar.gz dist/target/*.deb
