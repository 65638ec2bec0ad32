#!/usr/bin/env bash
# Installs what the registry integration tests need, when missing: Debian's docker-registry (the
# distribution registry, /usr/bin/docker-registry) and apache2-utils (htpasswd, for bcrypt
# password files). The package's own registry service is not needed: tests start their own on
# 127.0.0.1 at free ports; a service the package starts is stopped and disabled.
set -euo pipefail

log() { echo "registry-deps.sh: $*" >&2; }
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

missing=()
[ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

log "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# keep the package from starting its service on :5000 where init scripts run
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
  "${sudo_cmd[@]}" chmod +x "$policy"
  created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then "${sudo_cmd[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
  "${sudo_cmd[@]}" systemctl disable --now docker-registry >/dev/null 2>&1 || true
fi
log "installed ${missing[*]}"
