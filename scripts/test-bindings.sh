#!/usr/bin/env bash
# Builds and tests the Python, Kotlin/JVM and Node bindings, and generates the Swift
# ones as a check. Needs only Rust, Python 3 (venv + pip), Node 20 + npm, Java 17 +
# Maven; everything else comes from PyPI, npm, Maven Central and crates.io.
#
# Usage: scripts/test-bindings.sh [python|kotlin|node|drift|swift ...]   (default: all)
# Env:   KYCRYPT_BINDINGS_RELEASE=1  build the native code in release (default: dev
#        profile, shared by all three bindings, so the core is compiled once)
#        KYCRYPT_STRICT_OPS=0        only report vector ops a binding has not bound (default:
#                                    every op must be bound, or the run fails)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(python kotlin node drift swift)
release=${KYCRYPT_BINDINGS_RELEASE:-0}
profile_dir=debug
[ "$release" = 1 ] && profile_dir=release
export RUST_BACKTRACE=0 # the panic tests print Rust's panic message; no backtrace

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A took

timed() {
  local name=$1 start=$SECONDS
  shift
  echo "==> $name"
  "$@"
  took[$name]=$((SECONDS - start))
  echo "==> $name: ok (${took[$name]} s)"
}

python_step() {
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q --disable-pip-version-check "maturin>=1.16,<2" "pytest>=8" "mypy>=1.10"
  local flags=()
  [ "$release" = 1 ] && flags=(--release)
  # A `maturin develop` leaves the native module inside the source tree (git-ignored);
  # `maturin build` refuses to pack over it, and the wheel must come from this build.
  rm -rf bindings/python/kycrypt/_ffi
  (cd bindings/python && "$work/venv/bin/maturin" build "${flags[@]}" -o "$work/wheels")
  "$work/venv/bin/pip" install -q --disable-pip-version-check "$work"/wheels/kycrypt-*.whl
  # Run from an empty directory so `import kycrypt` can only find the installed wheel.
  mkdir -p "$work/pytest"
  (cd "$work/pytest" && KYCRYPT_EXPECT_INSTALLED=1 KYCRYPT_VECTORS_DIR="$root/test-vectors" \
    "$work/venv/bin/python" -m pytest -p no:cacheprovider -q "$root/bindings/python/tests")
  # Every example is a script that asserts its outcome, run against the installed wheel.
  local ex
  for ex in bindings/python/examples/[!_]*.py; do
    echo "--> $ex"
    (cd "$work/pytest" && KYCRYPT_VECTORS_DIR="$root/test-vectors" "$work/venv/bin/python" "$root/$ex")
  done
  # mypy --strict over the examples and the tests (the installed, typed package), and
  # over the facade itself (the generated module's own errors are not reported).
  (cd "$work/pytest" && "$work/venv/bin/mypy" --config-file "$root/bindings/python/pyproject.toml" \
    --cache-dir "$work/mypy-cache" "$root/bindings/python/examples" "$root/bindings/python/tests")
  (cd "$work/pytest" && "$work/venv/bin/mypy" --config-file "$root/bindings/python/pyproject.toml" \
    --cache-dir "$work/mypy-cache" -p kycrypt)
}

kotlin_step() {
  local flags=()
  [ "$release" = 1 ] && flags=(-Prelease)
  # `install` runs the full suite (verify) and puts the jar in the local repository;
  # the consumer project then uses only that jar (native library included).
  (cd bindings/kotlin && mvn -B -ntp "${flags[@]}" install)
  (cd bindings/kotlin/consumer && mvn -B -ntp verify)
}

node_step() {
  local flags=()
  [ "$release" = 1 ] && flags=(--release)
  # `npm install` honours package-lock.json; `npm ci` trips on an npm lockfile bug with the
  # optional per-platform packages of @napi-rs/cli's dependencies. scripts/build.mjs runs
  # `napi build` (the addon and index.d.ts, used by the drift step) and writes the entry points.
  (cd bindings/node && npm install --no-audit --no-fund && node scripts/build.mjs "${flags[@]}")
  # Clean-environment install of the packed tarballs (the main package and this platform's
  # addon package, as scripts/package makes them); the suite then runs against them.
  mkdir -p "$work/npm/app"
  node bindings/node/scripts/pack.mjs --out "$work/npm"
  (cd "$work/npm/app" && echo '{"name":"app","version":"1.0.0","private":true}' >package.json &&
    npm install --no-audit --no-fund --offline "$work"/npm/kycrypt-*.tgz)
  (cd bindings/node && KYCRYPT_NODE_PATH="$work/npm/app/node_modules/kycrypt" \
    KYCRYPT_VECTORS_DIR="$root/test-vectors" node --test test/)
  # The consumer project (TypeScript, ESM + CommonJS) with the examples and the README's
  # TS blocks: installs the tarball, type-checks everything with tsc --strict, runs it.
  local c="$work/consumer"
  cp -r bindings/node/consumer "$c" && rm -rf "$c/node_modules" "$c/dist" "$c/package-lock.json"
  cp -r bindings/node/examples "$c/examples"
  node bindings/node/scripts/readme-examples.mjs bindings/node/README.md "$c/readme"
  (cd "$c" && npm install --no-audit --no-fund "$work"/npm/kycrypt-*.tgz && npx tsc -p . &&
    node dist/src/esm.js && node dist/src/cjs.cjs &&
    for f in dist/examples/*.js; do echo "--> example ${f##*/}" && node "$f" || exit 1; done)
  node bindings/node/scripts/event-loop.mjs "$work/npm/app/node_modules/kycrypt"
}

# The export-drift check: the UniFFI build (its metadata) and the napi build (the
# generated index.d.ts) of the shared binding source export the same operations, record
# fields, enum variants and error codes. Needs the node step's index.d.ts.
drift_step() {
  local flags=()
  [ "$release" = 1 ] && flags=(--release)
  [ -s bindings/node/index.d.ts ] || { echo "drift: run the node step first (no bindings/node/index.d.ts)" >&2; exit 1; }
  cargo build "${flags[@]}" -p kycrypt-ffi --bin export-surface
  "target/$profile_dir/export-surface" "target/$profile_dir/libkycrypt_ffi.so" >"$work/uniffi-surface.txt"
  python3 scripts/export-drift.py --self-test "$work/uniffi-surface.txt" bindings/node/index.d.ts
  python3 scripts/export-drift.py "$work/uniffi-surface.txt" bindings/node/index.d.ts
}

swift_step() {
  local flags=()
  [ "$release" = 1 ] && flags=(--release)
  cargo build "${flags[@]}" -p kycrypt-ffi
  rm -rf bindings/swift/generated
  "target/$profile_dir/uniffi-bindgen" generate --no-format --language swift \
    --library "target/$profile_dir/libkycrypt_ffi.so" --out-dir bindings/swift/generated
  for f in Kycrypt.swift KycryptFFI.h KycryptFFI.modulemap; do
    [ -s "bindings/swift/generated/$f" ] || { echo "missing bindings/swift/generated/$f" >&2; exit 1; }
  done
  grep -q "func hmacSha256" bindings/swift/generated/Kycrypt.swift
}

for s in "${steps[@]}"; do
  case $s in
    python | kotlin | node | drift | swift) timed "$s" "${s}_step" ;;
    *) echo "unknown step $s (python|kotlin|node|drift|swift)" >&2; exit 2 ;;
  esac
done

echo "==> bindings: all passed ($(for k in "${!took[@]}"; do printf '%s %ss, ' "$k" "${took[$k]}"; done | sed 's/, $//'))"
