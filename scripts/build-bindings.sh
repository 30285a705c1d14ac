#!/usr/bin/env bash
# Builds the distributable artifacts of the bindings into dist/ (release native code):
#   dist/kycrypt-<v>-py3-none-<platform>.whl   Python wheel (maturin, UniFFI)
#   dist/kycrypt-<v>.tgz                       npm package (napi-rs addon for this platform)
#   dist/kycrypt-<v>.jar                       Kotlin/JVM jar with linux-x86-64/libkycrypt_ffi.so
#   dist/swift/                                generated Swift sources + C header/modulemap
# Needs the same tools as scripts/test-bindings.sh (maturin is installed into a temp venv).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# The workspace release profile keeps line tables for benches; artifacts don't need them.
# (Not stripped: uniffi-bindgen reads its metadata from the library's symbols.)
export CARGO_PROFILE_RELEASE_DEBUG=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf dist && mkdir -p dist

echo "==> python wheel"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "maturin>=1.16,<2"
(cd bindings/python && "$work/venv/bin/maturin" build --release -o "$root/dist")

echo "==> npm tarball"
# `npm install` honours package-lock.json (`npm ci` trips on an npm optional-deps lockfile bug).
(cd bindings/node && npm install --no-audit --no-fund && node scripts/build.mjs --release &&
  npm pack --pack-destination "$root/dist")

echo "==> jar"
(cd bindings/kotlin && mvn -B -ntp -q -Prelease -DskipTests package)
cp bindings/kotlin/target/kycrypt-*.jar dist/

echo "==> swift sources"
target/release/uniffi-bindgen generate --no-format --language swift \
  --library target/release/libkycrypt_ffi.so --out-dir dist/swift

ls -la dist
