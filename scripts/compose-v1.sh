#!/usr/bin/env bash
# docker-compose 1.29 (Debian bookworm's docker-compose package, Python), the older peer the
# benchmark compares with, unpacked beside the system: apt-get download fetches the package and
# the Python packages it needs (the python3-* part of its dependency closure), dpkg -x unpacks
# them into $JCOMPOSE_TOOLS/bookworm/docker-compose (default ~/.cache/jcompose-tools), and a
# wrapper runs it with the system's /usr/bin/python3 and only those packages on its path.
# Nothing is installed. Prints the wrapper's path; fast when already unpacked.
set -euo pipefail

log() { echo "compose-v1.sh: $*" >&2; }
tools="${JCOMPOSE_TOOLS:-$HOME/.cache/jcompose-tools}/bookworm"
dest="$tools/docker-compose"
wrapper="$dest/docker-compose"
sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

[ -x /usr/bin/python3 ] || { log "needs Python 3 (apt-get install python3-minimal)"; exit 1; }

if [ ! -f "$dest/.done" ]; then
  # the Python packages docker-compose needs, with what they need in turn; the interpreter and
  # its standard library come from the system
  closure() {
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances --no-pre-depends docker-compose 2>/dev/null |
      grep -E '^(docker-compose|python3-[a-z0-9.-]+)$' |
      grep -vx -e python3-minimal -e python3-distutils -e python3-lib2to3 | sort -u
  }
  mapfile -t pkgs < <(closure)
  if [ "${#pkgs[@]}" -le 1 ]; then
    log "refreshing apt's package lists"
    "${sudo_cmd[@]}" apt-get update -qq
    mapfile -t pkgs < <(closure)
  fi
  log "unpacking ${pkgs[*]}"
  rm -rf "$dest.tmp" "$tools/debs-v1"
  mkdir -p "$dest.tmp" "$tools/debs-v1"
  (cd "$tools/debs-v1" && apt-get download "${pkgs[@]}" >/dev/null 2>&1) ||
    { log "cannot download ${pkgs[*]} (apt-get download)"; exit 1; }
  for deb in "$tools/debs-v1"/*.deb; do dpkg -x "$deb" "$dest.tmp"; done
  rm -rf "$tools/debs-v1"
  # compiled once here, as the package's installation would (no run pays for it)
  /usr/bin/python3 -m compileall -q "$dest.tmp/usr/lib/python3/dist-packages" >/dev/null 2>&1 || true
  cat >"$dest.tmp/docker-compose" <<EOF
#!/bin/sh
# docker-compose 1.29 unpacked by scripts/compose-v1.sh: the system's Python and its standard
# library, these packages only (-S: not the system's site-packages)
PYTHONPATH="$dest/usr/lib/python3/dist-packages" exec /usr/bin/python3 -S "$dest/usr/bin/docker-compose" "\$@"
EOF
  chmod 755 "$dest.tmp/docker-compose"
  touch "$dest.tmp/.done"
  rm -rf "$dest"
  mv "$dest.tmp" "$dest"
fi
"$wrapper" version --short >/dev/null 2>&1 || { log "$wrapper does not run"; "$wrapper" version >&2; exit 1; }
echo "$wrapper"
