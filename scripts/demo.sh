#!/usr/bin/env bash
# The CLI demo: `kycrypt demo` runs every provider flow end to end on embedded real samples
# and exits non-zero if one fails. By default it builds and runs the workspace's CLI
# (`cargo run`); KYCRYPT_BIN=path/to/kycrypt runs a prebuilt binary instead (a release
# artifact, e.g. under qemu-user for aarch64), with no Rust toolchain needed.
set -euo pipefail
if [ -n "${KYCRYPT_BIN:-}" ]; then
  exec "$KYCRYPT_BIN" demo
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec cargo run -q -p kycrypt-cli --locked -- demo
