#!/usr/bin/env bash
# Makes what users install, from the built runnable jar (run by the dist module's build; the one
# command is scripts/package.sh):
#
#   jcompose-VERSION-linux-x86_64.tar.gz   jcompose-VERSION/ with bin/jcompose (the launcher),
#                                          lib/ (the jar, its properties, the ahead-of-time
#                                          caches made here), runtime/ (a jlink'd JDK with only
#                                          the modules the jar uses), share/ (man page, bash and
#                                          zsh completions), install.sh, LICENSE
#   jcompose_VERSION_amd64.deb             the same tree in /usr/lib/jcompose, jcompose on PATH,
#                                          the docker CLI plugin link, completions, man page
#
# Usage: make-dist.sh --root CHECKOUT --jar JAR --props PROPERTIES --out DIR
# Needs JAVA_HOME (or the JDK on PATH) to be a JDK 25 or newer (jlink, the AOT cache) and
# dpkg-deb.
set -euo pipefail

root="" jar="" props="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --props) props="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 --root CHECKOUT --jar JAR --props PROPERTIES --out DIR" >&2; exit 2 ;;
  esac
done
[ -n "$root" ] && [ -f "$jar" ] && [ -f "$props" ] && [ -n "$out" ] ||
  { echo "make-dist: --root, --jar, --props and --out are required (the jar must exist)" >&2; exit 2; }

. "$root/scripts/lib/java.sh"
jdk="${JAVA_HOME:-}"
if [ -z "$jdk" ] || ! read_jdk_major "$jdk" || [ "$JDK_MAJOR" -lt 25 ]; then
  jdk="$(find_jdk 25)" || {
    echo "make-dist: needs a JDK 25 or newer (jlink and the ahead-of-time cache); set JAVA_HOME" >&2
    exit 1
  }
fi
command -v dpkg-deb >/dev/null || { echo "make-dist: needs dpkg-deb (apt-get install dpkg)" >&2; exit 1; }

prop() { awk -F= -v k="$1" '$1 == k { sub(/^[^=]*=/, ""); print }' "$props"; }
version="$(prop version)"
commit="$(prop commit)"
name="jcompose-$version"
stage="$out/stage"
home="$stage/$name"
rm -rf "$stage"
mkdir -p "$home/bin" "$home/lib" "$home/share/man/man1" "$home/share/bash-completion/completions" \
  "$home/share/zsh/site-functions"

step() { echo "make-dist: $*" >&2; }

# --- the runtime: the modules the jar uses (jdeps), and the JDK's own tools left out ----------
step "runtime (jlink, $("$jdk/bin/java" -version 2>&1 | sed -n 1p))"
modules="$("$jdk/bin/jdeps" --multi-release "$JDK_MAJOR" --ignore-missing-deps --print-module-deps "$jar" | tail -n 1)"
# jdk.charsets: the encodings outside java.base a terminal or a file may use
"$jdk/bin/jlink" --add-modules "$modules,jdk.charsets" --output "$home/runtime" \
  --strip-debug --no-man-pages --no-header-files

# --- the program -----------------------------------------------------------------------------
cp "$jar" "$home/lib/jcompose.jar"
cp "$props" "$home/lib/jcompose.properties"
cp "$root/jcompose" "$home/bin/jcompose"
cp "$root/dist/src/build/install.sh" "$home/install.sh"
cp "$root/LICENSE" "$home/LICENSE"
chmod 755 "$home/bin/jcompose" "$home/install.sh"

# --- the ahead-of-time caches, one per command family, with the launcher's own JVM options ---
# (a cache is used only by a JVM started as it was made; the launcher's jvm=(...) is the one
# source of those options)
eval "$(sed -n '/^jvm=(/,/)$/p' "$root/jcompose")"
for family in model read full; do
  step "ahead-of-time cache: $family"
  (cd "$stage" && "$home/runtime/bin/java" "${jvm[@]}" -XX:AOTCacheOutput="$home/lib/jcompose-$family.aot" \
    -Xlog:aot=error -Xlog:cds=error -cp "$home/lib/jcompose.jar" dev.jcompose.cli.startup.StartupTraining "$family" \
    2>&1 >/dev/null | { grep -v '^Picked up JAVA_TOOL_OPTIONS' || true; } >&2)
  [ -s "$home/lib/jcompose-$family.aot" ] || { echo "make-dist: the $family cache was not made" >&2; exit 1; }
done

# --- completions and the man page, from the program's own command model (picocli) ------------
step "completions and man page"
jc="$home/bin/jcompose"
"$jc" completion bash >"$home/share/bash-completion/completions/jcompose"
{
  echo "#compdef jcompose"
  echo "# jcompose's completion for zsh: picocli's bash completion through zsh's bashcompinit"
  echo "autoload -U +X bashcompinit && bashcompinit"
  cat "$home/share/bash-completion/completions/jcompose"
  echo '_bash_complete -F _picocli_jcompose "$@"'
} >"$home/share/zsh/site-functions/_jcompose"
date="$(git -C "$root" log -1 --format=%cs 2>/dev/null || date -u +%F)"
"$home/runtime/bin/java" -cp "$home/lib/jcompose.jar" dev.jcompose.cli.HelpPages >"$stage/help.txt"
"$root/dist/src/build/man-page.sh" "$stage/help.txt" "$version" "$date" >"$home/share/man/man1/jcompose.1"
rm -f "$stage/help.txt"

# --- the archive -----------------------------------------------------------------------------
archive="$out/$name-linux-x86_64.tar.gz"
step "archive $archive"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -6 >"$archive"

# --- the .deb --------------------------------------------------------------------------------
debver="${version/-/\~}"
deb="$out/jcompose_${debver}_amd64.deb"
step "package $deb"
pkg="$out/deb"
rm -rf "$pkg"
mkdir -p "$pkg/DEBIAN" "$pkg/usr/lib" "$pkg/usr/bin" "$pkg/usr/lib/docker/cli-plugins" \
  "$pkg/usr/share/man/man1" "$pkg/usr/share/bash-completion/completions" \
  "$pkg/usr/share/zsh/vendor-completions" "$pkg/usr/share/doc/jcompose"
cp -a "$home" "$pkg/usr/lib/jcompose"
rm -rf "$pkg/usr/lib/jcompose/share" "$pkg/usr/lib/jcompose/install.sh" "$pkg/usr/lib/jcompose/LICENSE"
ln -s ../lib/jcompose/bin/jcompose "$pkg/usr/bin/jcompose"
# the docker CLI looks in /usr/lib/docker/cli-plugins before /usr/libexec/docker/cli-plugins
# (where Debian's docker-compose package puts compose v2), so no file of another package is
# replaced
ln -s ../../../lib/jcompose/bin/jcompose "$pkg/usr/lib/docker/cli-plugins/docker-compose"
gzip -9n <"$home/share/man/man1/jcompose.1" >"$pkg/usr/share/man/man1/jcompose.1.gz"
cp "$home/share/bash-completion/completions/jcompose" "$pkg/usr/share/bash-completion/completions/"
cp "$home/share/zsh/site-functions/_jcompose" "$pkg/usr/share/zsh/vendor-completions/"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: jcompose"
  echo
  echo "Files: *"
  echo "License: Apache-2.0"
  echo " On Debian systems, the complete text is in /usr/share/common-licenses/Apache-2.0."
  echo
  echo "Files: usr/lib/jcompose/runtime/*"
  echo "License: GPL-2 with Classpath exception"
  echo " The Java runtime (OpenJDK); its notices are in usr/lib/jcompose/runtime/legal."
} >"$pkg/usr/share/doc/jcompose/copyright"
size="$(du -sk "$pkg/usr" | cut -f1)"
cat >"$pkg/DEBIAN/control" <<EOF
Package: jcompose
Version: $debver
Architecture: amd64
Maintainer: The jcompose developers <jcompose@users.noreply.github.com>
Installed-Size: $size
Depends: libc6 (>= 2.17), zlib1g
Recommends: docker.io | docker-ce | docker-engine
Suggests: docker-cli
Section: admin
Priority: optional
Homepage: https://github.com/jcompose/jcompose
Description: Docker Compose in Java (commit $commit)
 jcompose reads the same compose.yaml files as docker compose, creates the same
 containers, networks and volumes, and answers to the same commands. It brings
 its own Java runtime. The docker CLI runs it for "docker compose".
EOF
dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$deb" >/dev/null
rm -rf "$pkg"

step "done: $(du -h "$archive" | cut -f1) $archive, $(du -h "$deb" | cut -f1) $deb"
