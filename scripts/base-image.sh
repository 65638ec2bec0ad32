#!/usr/bin/env bash
# Builds the local base image the samples and tests use, since no registry is reachable:
# FROM scratch + Debian's static busybox (all applets linked into /bin) + /tmp.
# Rebuilt only when the busybox binary changed.
set -euo pipefail

image="${BASE_IMAGE_NAME:-jcompose/base:latest}"
busybox=/bin/busybox

if ! [ -x "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then
  echo "base-image.sh: $busybox is missing or not static; run scripts/engine.sh first" >&2
  exit 1
fi

sum="$(sha256sum "$busybox" | cut -c1-64)"
current="$(docker image inspect "$image" --format '{{ index .Config.Labels "dev.jcompose.busybox" }}' 2>/dev/null || true)"
if [ "$current" = "$sum" ]; then
  exit 0
fi

ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
cp "$busybox" "$ctx/busybox"
cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /etc /root /var/run && chmod 1777 /tmp \
 && echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd \
 && echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> /etc/passwd \
 && echo 'root:x:0:' > /etc/group && echo 'nogroup:x:65534:' >> /etc/group
ENV PATH=/bin
LABEL dev.jcompose.busybox="$sum"
CMD ["sh"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build -q -t "$image" "$ctx" >/dev/null 2>&1 || {
  echo "base-image.sh: building $image failed:" >&2
  DOCKER_BUILDKIT=0 docker build -t "$image" "$ctx" >&2
  exit 1
}
echo "base-image.sh: built $image" >&2
