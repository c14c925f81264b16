#!/usr/bin/env bash
# Build tfauth's container image where no container registry is reachable (so `FROM node:…`
# cannot be pulled) but a Debian mirror and the npm registry are:
#   1. debootstrap a minimal Debian bookworm root filesystem from the Debian mirror;
#   2. add this machine's Node.js (>= package.json engines) and npm, and the `node` user
#      (uid/gid 1000, as in the upstream node image), then import it as a local base image;
#   3. build the repo's Dockerfile with --build-arg BASE_IMAGE=<that image>; `npm ci` reaches
#      the npm registry over the host network.
# Needs root, debootstrap and podman (or buildah). Docs: docs/deploy.md.
#
#   sudo scripts/build-image-offline.sh
#
# Settings (environment):
#   ENGINE=podman|buildah            builder (default podman)
#   SUITE=bookworm                   Debian suite of the base (the upstream image is bookworm-slim)
#   MIRROR=http://deb.debian.org/debian
#   BASE_TAG=localhost/node-base:20  name of the local base image
#   IMAGE_TAG=localhost/tfauth:offline
#   NODE_BIN=$(command -v node)      a glibc build of Node.js to copy into the base
#   SKIP_BASE=1                      reuse an existing BASE_TAG instead of rebuilding it
#   BUILD_CA_FILE=<pem>              CA bundle npm trusts during the build only (for a
#                                    TLS-intercepting proxy); defaults to $NODE_EXTRA_CA_CERTS.
#                                    Mounted into the build, never copied into an image.
#   ROOTFS_DIR=<dir>                 where to debootstrap (default: a temp dir, removed on exit)
#   OCI_RUNTIME=runc|crun            runtime for RUN steps; default runc when the host has
#                                    hybrid cgroups (v1 + a v2 mount with controllers), which
#                                    crun refuses ("cgroups in hybrid mode not supported")
#   ULIMITS="nofile=N:N nproc=M:M"   rlimits for RUN steps. Default: within this shell's hard
#                                    limits, since podman's defaults (1048576) need
#                                    CAP_SYS_RESOURCE to set and a sandbox may lack it.
set -euo pipefail

ENGINE=${ENGINE:-podman}
SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE_TAG=${BASE_TAG:-localhost/node-base:20}
IMAGE_TAG=${IMAGE_TAG:-localhost/tfauth:offline}
NODE_BIN=${NODE_BIN:-$(command -v node || true)}
BUILD_CA_FILE=${BUILD_CA_FILE:-${NODE_EXTRA_CA_CERTS:-}}
REPO=$(cd "$(dirname "$0")/.." && pwd)
min() { if [ "$1" = unlimited ] || [ "$1" -gt "$2" ]; then echo "$2"; else echo "$1"; fi; }
# podman itself lowers its nproc to 32768 before starting the runtime, so stay under that.
nofile=$(min "$(ulimit -Hn)" 65536)
nproc=$(min "$(ulimit -Hu)" 16384)
ULIMITS=${ULIMITS:-nofile=$nofile:$nofile nproc=$nproc:$nproc}
if [ -z "${OCI_RUNTIME:-}" ] && [ -n "$(cat /sys/fs/cgroup/unified/cgroup.controllers 2>/dev/null)" ] &&
  command -v runc >/dev/null; then
  OCI_RUNTIME=runc
fi

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build-image-offline: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, rootful $ENGINE)"
command -v "$ENGINE" >/dev/null || die "$ENGINE not found (apt-get install -y $ENGINE)"
case "$ENGINE" in podman | buildah) ;; *) die "ENGINE must be podman or buildah" ;; esac

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT

build_base() {
  command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install -y debootstrap)"
  [ -n "$NODE_BIN" ] && [ -x "$NODE_BIN" ] || die "no node binary (set NODE_BIN)"
  local want have
  want=$("$NODE_BIN" -p "require('$REPO/package.json').engines.node.replace(/^>=/, '')")
  have=$("$NODE_BIN" -p 'process.versions.node')
  "$NODE_BIN" -e '
    const [h, w] = process.argv.slice(1).map((v) => v.split(".").map(Number));
    const cmp = h.map((x, i) => x - (w[i] ?? 0)).find((d) => d !== 0) ?? 0;
    process.exit(h[0] === 20 && cmp >= 0 ? 0 : 1);
  ' "$have" "$want" || die "node $have at $NODE_BIN: need 20.x >= $want"
  local npm_dir
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  [ -f "$npm_dir/package.json" ] || die "npm not found next to node"

  local rootfs=${ROOTFS_DIR:-}
  if [ -z "$rootfs" ]; then
    rootfs=$(mktemp -d /var/tmp/tfauth-rootfs.XXXXXX)
    cleanup+=("rm -rf '$rootfs'")
  fi
  say "debootstrap $SUITE from $MIRROR into $rootfs"
  debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >&2

  say "adding node $have and npm $("$NODE_BIN" -p "require('$npm_dir/package.json').version")"
  install -D -m 0755 "$NODE_BIN" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # The same user the upstream node image has; the Dockerfile's runtime stage runs as it.
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  # Fails here, not in the build, if the binary needs a library the base lacks.
  chroot "$rootfs" env -u NODE_EXTRA_CA_CERTS /usr/local/bin/node -e 'console.log("node", process.version, "runs in the base")' >&2
  chroot "$rootfs" env -u NODE_EXTRA_CA_CERTS /usr/local/bin/node /usr/local/bin/npm --version >/dev/null
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/* "$rootfs"/tmp/*
  : >"$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"

  say "importing $BASE_TAG"
  local changes=(
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
    --change "ENV NODE_VERSION=$have"
    --change 'CMD ["node"]'
  )
  if [ "$ENGINE" = buildah ]; then
    # buildah has no `import`: start from scratch and copy the tree into its mount.
    local ctr mnt
    ctr=$(buildah from scratch)
    mnt=$(buildah mount "$ctr")
    cp -a "$rootfs/." "$mnt/"
    buildah umount "$ctr" >/dev/null
    buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      --env "NODE_VERSION=$have" --cmd node "$ctr"
    buildah commit --rm "$ctr" "$BASE_TAG" >/dev/null
  else
    tar --numeric-owner -C "$rootfs" -c . | podman import "${changes[@]}" - "$BASE_TAG" >/dev/null
  fi
}

if [ "${SKIP_BASE:-}" = 1 ]; then
  "$ENGINE" inspect --type image "$BASE_TAG" >/dev/null 2>&1 || die "SKIP_BASE=1 but no $BASE_TAG"
else
  build_base
fi

build=(--format docker --network host --build-arg "BASE_IMAGE=$BASE_TAG" -t "$IMAGE_TAG")
for u in $ULIMITS; do build+=(--ulimit "$u"); done
[ -n "${OCI_RUNTIME:-}" ] && build+=(--runtime "$OCI_RUNTIME")
if [ -n "$BUILD_CA_FILE" ]; then
  [ -f "$BUILD_CA_FILE" ] || die "BUILD_CA_FILE $BUILD_CA_FILE is not a file"
  # npm's global config in the base ($prefix/etc/npmrc); exists only while RUN steps run.
  npmrc=$(mktemp /var/tmp/tfauth-npmrc.XXXXXX)
  cleanup+=("rm -f '$npmrc'")
  echo 'cafile=/run/tfauth-build-ca.pem' >"$npmrc"
  build+=(--volume "$BUILD_CA_FILE:/run/tfauth-build-ca.pem:ro" --volume "$npmrc:/usr/local/etc/npmrc:ro")
fi
say "building $IMAGE_TAG from $REPO/Dockerfile on $BASE_TAG (runtime ${OCI_RUNTIME:-default}, ulimits $ULIMITS)"
if [ "$ENGINE" = buildah ]; then
  buildah bud --isolation "${ISOLATION:-chroot}" "${build[@]}" "$REPO"
else
  podman build "${build[@]}" "$REPO"
fi
say "built $IMAGE_TAG"
"$ENGINE" images --filter "reference=$IMAGE_TAG" --filter "reference=$BASE_TAG"
