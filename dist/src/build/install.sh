#!/usr/bin/env bash
# Installs this jcompose release (the directory this script is in) under a prefix:
#
#   PREFIX/lib/jcompose/                 the release (launcher, jar, caches, Java runtime)
#   PREFIX/bin/jcompose                  on PATH
#   PREFIX/share/man/man1/jcompose.1     man jcompose
#   PREFIX/share/bash-completion/completions/jcompose, PREFIX/share/zsh/site-functions/_jcompose
#
# and, with --plugin, makes the docker CLI run it for `docker compose` (jcompose install-plugin:
# ~/.docker/cli-plugins, or /usr/local/lib/docker/cli-plugins for root with --system).
# A release already installed there is replaced.
#
# Usage: install.sh [--prefix DIR] [--plugin]
#   default prefix: /usr/local for root, ~/.local for anyone else
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
plugin=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --plugin) plugin=1; shift ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (use --prefix DIR, --plugin)" >&2; exit 2 ;;
  esac
done
[ -x "$src/bin/jcompose" ] && [ -x "$src/runtime/bin/java" ] ||
  { echo "install.sh: $src is not a jcompose release (no bin/jcompose or runtime/)" >&2; exit 1; }

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions"
prefix="$(cd "$prefix" && pwd)"
dest="$prefix/lib/jcompose"
if [ "$src" != "$dest" ]; then
  rm -rf "$dest.new"
  # cp -p keeps the files' times: the ahead-of-time caches are checked against the jar's
  cp -Rp "$src" "$dest.new"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
fi
ln -sfn "$dest/bin/jcompose" "$prefix/bin/jcompose"
ln -sfn "$dest/share/man/man1/jcompose.1" "$prefix/share/man/man1/jcompose.1"
ln -sfn "$dest/share/bash-completion/completions/jcompose" "$prefix/share/bash-completion/completions/jcompose"
ln -sfn "$dest/share/zsh/site-functions/_jcompose" "$prefix/share/zsh/site-functions/_jcompose"

echo "installed: $prefix/bin/jcompose -> $dest ($("$prefix/bin/jcompose" version --short 2>/dev/null || echo '?'))"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add $prefix/bin to PATH: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
if [ "$plugin" = 1 ]; then
  "$prefix/bin/jcompose" install-plugin
fi
