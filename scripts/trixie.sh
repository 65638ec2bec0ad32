#!/usr/bin/env bash
# Unpacks packages of Debian trixie beside the system, without installing or upgrading anything:
# apt-get with its own sources list, lists and cache downloads the .deb files, dpkg -x unpacks
# each into $JCOMPOSE_TOOLS/trixie/<package> (default ~/.cache/jcompose-tools). Only the named
# packages are fetched, not their dependencies: the caller names what it needs.
#   scripts/trixie.sh docker-compose           -> ~/.cache/jcompose-tools/trixie/docker-compose/usr/...
# Prints the unpack directory of each package, one per line. A package already unpacked at the
# same version is not fetched again.
set -euo pipefail

log() { echo "trixie.sh: $*" >&2; }
tools="${JCOMPOSE_TOOLS:-$HOME/.cache/jcompose-tools}"
apt_root="$tools/trixie-apt"
mirror="${TRIXIE_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$apt_root/debs"
echo "deb $mirror trixie main" > "$apt_root/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_root/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$apt_root/lists" -o "Dir::Cache=$apt_root/cache"
  -o Dir::State::status=/dev/null -o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1 -o APT::Sandbox::User=root -qq)

# refresh the package lists at most once a day
stamp="$apt_root/lists/.updated"
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440 2>/dev/null)" ]; then
  apt-get "${apt_opts[@]}" update >/dev/null || { log "apt-get update of trixie failed"; exit 1; }
  touch "$stamp"
fi

for pkg in "$@"; do
  version="$(apt-cache "${apt_opts[@]}" show "$pkg" 2>/dev/null | awk '/^Version:/ && !v {v = $2} END {print v}')"
  [ -n "$version" ] || { log "trixie has no package $pkg"; exit 1; }
  dest="$tools/trixie/$pkg"
  if [ "$(cat "$dest/.version" 2>/dev/null)" != "$version" ]; then
    log "fetching $pkg $version"
    (cd "$apt_root/debs" && rm -f "${pkg}"_*.deb && apt-get "${apt_opts[@]}" download "$pkg=$version" >/dev/null) \
      || { log "downloading $pkg failed"; exit 1; }
    rm -rf "$dest.tmp"
    mkdir -p "$dest.tmp"
    dpkg -x "$apt_root/debs/${pkg}_"*.deb "$dest.tmp"
    echo "$version" > "$dest.tmp/.version"
    rm -rf "$dest"
    mv "$dest.tmp" "$dest"
  fi
  echo "$dest"
done
