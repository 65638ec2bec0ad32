#!/usr/bin/env bash
# A throw-away sshd on 127.0.0.1 for the tests of ssh:// engines (docker contexts over SSH).
#   scripts/test-sshd.sh start DIR PORT   host keys, a client key authorized for root, sshd on
#                                          127.0.0.1:PORT; DIR/bin/ssh is an ssh that uses them
#   scripts/test-sshd.sh stop DIR         stops that sshd (by the PID it wrote) and nothing else
# Debian's openssh-server is unpacked into $JCOMPOSE_TOOLS (default ~/.cache/jcompose-tools), not
# installed, so no ssh service is ever started on the machine; only the privilege-separation user
# sshd is added when missing, as the package would add it. The client is Debian's openssh-client.
set -euo pipefail

log() { echo "test-sshd.sh: $*" >&2; }
cmd="${1:?start DIR PORT | stop DIR}"
dir="${2:?directory}"
sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
tools="${JCOMPOSE_TOOLS:-$HOME/.cache/jcompose-tools}/bookworm"

if [ "$cmd" = stop ]; then
  if [ -f "$dir/sshd.pid" ]; then
    kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
    rm -f "$dir/sshd.pid"
  fi
  exit 0
fi
port="${3:?port}"

# the server and the libraries the system lacks, unpacked once
unpack() { # PACKAGE...
  local missing=()
  for p in "$@"; do [ -f "$tools/$p/.done" ] || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  mkdir -p "$tools/debs"
  if ! (cd "$tools/debs" && apt-get download "${missing[@]}" >/dev/null 2>&1); then
    log "refreshing apt's package lists"
    "${sudo_cmd[@]}" apt-get update -qq
    (cd "$tools/debs" && apt-get download "${missing[@]}" >/dev/null 2>&1) \
      || { log "cannot download ${missing[*]} (apt-get download)"; exit 1; }
  fi
  for p in "${missing[@]}"; do
    rm -rf "$tools/$p" && mkdir -p "$tools/$p"
    dpkg -x "$tools/debs/${p}_"*.deb "$tools/$p"
    touch "$tools/$p/.done"
  done
}
command -v ssh >/dev/null 2>&1 || { log "installing openssh-client";
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends openssh-client >/dev/null; }
unpack openssh-server libwrap0
sshd="$tools/openssh-server/usr/sbin/sshd"
export LD_LIBRARY_PATH="$tools/libwrap0/lib/x86_64-linux-gnu:$tools/libwrap0/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
getent passwd sshd >/dev/null || "${sudo_cmd[@]}" useradd --system --no-create-home \
  --home-dir /run/sshd --shell /usr/sbin/nologin sshd
[ -d /run/sshd ] || "${sudo_cmd[@]}" install -d -m 0755 /run/sshd

mkdir -p "$dir/bin"
dir="$(cd "$dir" && pwd)"
[ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
[ -f "$dir/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519"
cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_ed25519.pub")" > "$dir/known_hosts"
cat > "$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
LogLevel INFO
CONF
cat > "$dir/ssh_config" <<CONF
Host *
  IdentityFile $dir/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
  LogLevel ERROR
CONF
printf '#!/bin/sh\nexec %s -F %s "$@"\n' "$(command -v ssh)" "$dir/ssh_config" > "$dir/bin/ssh"
chmod +x "$dir/bin/ssh"

rm -f "$dir/sshd.pid"
"$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"
for _ in $(seq 1 50); do
  [ -s "$dir/sshd.pid" ] && "$dir/bin/ssh" -p "$port" root@127.0.0.1 true 2>/dev/null && exit 0
  sleep 0.1
done
log "sshd did not answer on 127.0.0.1:$port; its log:"
cat "$dir/sshd.log" >&2 || true
exit 1
