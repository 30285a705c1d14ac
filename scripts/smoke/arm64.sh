# The arm64 environment of scripts/smoke/run (sourced after lib.sh): a Debian bookworm
# arm64 rootfs (debootstrap; its second stage runs under qemu-user through binfmt), cached.
# It has python3 + venv, Java 17 (headless JRE) and Node 18 (Debian's nodejs); the
# aarch64-musl node brings its own musl (musl.sh). Nothing Rust; no network used in it.

ROOTFS_PACKAGES=python3,python3-venv,openjdk-17-jre-headless,ca-certificates,nodejs

build_rootfs() { # DIR
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || die "no binfmt handler for aarch64 (qemu-user-static)"
  debootstrap --arch=arm64 --variant=minbase --include="$ROOTFS_PACKAGES" bookworm "$1" \
    http://deb.debian.org/debian
  rm -rf "$1"/var/cache/apt/archives/*.deb
}
arm64_rootfs() { cached rootfs-arm64-bookworm "$ROOTFS_PACKAGES" build_rootfs; }

# in_arm64 ROOTFS CMD...: CMD in the rootfs, scrubbed environment, /proc mounted, no Rust,
# no network (as norust).
in_arm64() {
  local fs=$1
  shift
  mountpoint -q "$fs/proc" || mount -t proc proc "$fs/proc"
  unshare --net chroot "$fs" env -i HOME=/smoke/home LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin sh -c \
    'if command -v cargo || command -v rustc; then echo "cargo/rustc on PATH" >&2; exit 1; fi; exec "$@"' \
    in_arm64 "$@"
}
# A run's files live in ROOTFS/smoke (emptied first); the rootfs itself is not changed.
arm64_reset() {
  umount "$1/proc" 2>/dev/null || true
  rm -rf "$1/smoke"
  mkdir -p "$1/smoke/home"
}
