#!/usr/bin/env bash
# The one test command: builds and tests the Rust crate, the CLI, the interop
# tests against independent implementations, every binding (Python, Kotlin,
# Node), the fuzz smoke runs and the benches' build. Fails on the first failure.
#
#   scripts/test-all.sh            # everything
#   KYCRYPT_SKIP=bindings,fuzz scripts/test-all.sh   # skip stages (local use only)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
SKIP=",${KYCRYPT_SKIP:-},"
declare -a TIMES=()
# CI builds each crate once and never edits it: no incremental cache, and line tables instead
# of full debug info in test builds (backtraces keep file:line). CI disks are finite (a run
# ran out of space in the fuzz stage); the two roughly halve target/debug. Local runs keep
# cargo's defaults.
if [[ ${CI:-} == true ]]; then
  export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
  export CARGO_PROFILE_DEV_DEBUG=${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}
fi
disk() { # free space on the checkout's filesystem and what the build dirs hold (never fails)
  local used="" d
  for d in target fuzz/target; do
    [ -d "$d" ] && used+="$d $(du -sh "$d" 2>/dev/null | cut -f1), "
  done
  echo "disk: $(df -h --output=avail . 2>/dev/null | tail -1 | tr -d ' ') free; ${used%, }"
}

stage() { # stage NAME COMMAND...
  local name=$1; shift
  if [[ $SKIP == *",$name,"* ]]; then echo "== skip $name"; return; fi
  echo
  echo "================ $name ================"
  local t0=$SECONDS
  "$@"
  TIMES+=("$name $((SECONDS - t0))s")
  disk
}

rust_lint() {
  cargo fmt --all -- --check
  python3 -P scripts/check-module-deps.py # no import cycle; primitives/webhooks import no provider
  python3 -P scripts/check-lints.py       # binding crates repeat the workspace lints (unsafe_code: deny)
  python3 -P scripts/check-version.py     # one version: Cargo.toml's, in every copy (npm, Maven, locks) and CHANGELOG
  bash scripts/test-check-version.sh      # the checker fails on a changed copy; scripts/set-version fixes it
  cargo clippy --workspace --all-targets --locked -- -D warnings
  cargo clippy -p kycrypt --no-default-features --all-targets --locked -- -D warnings
  RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps -p kycrypt --locked
}

rust_test() {
  cargo test --workspace --locked
  cargo test -p kycrypt --no-default-features --locked
}

# Go encoding/json differential on a fresh corpus (rust-test already ran the checked-in
# test-vectors/rust-only/go-json.json): real Go writes it with a new seed, printed so a
# failure reproduces with KYCRYPT_GO_JSON_SEED=<seed>. Skipped when go is not on PATH.
go_json() {
  if ! command -v go >/dev/null; then
    echo "go not on PATH: fresh Go corpus skipped (the checked-in one ran in rust-test)"
    return
  fi
  local seed=${KYCRYPT_GO_JSON_SEED:-$(( $(date +%s) % 1000000 * 32768 + RANDOM ))} out
  out=$(mktemp "${TMPDIR:-/tmp}/kycrypt-go-json.XXXXXX")
  echo "go-json corpus: seed $seed, $(GOTOOLCHAIN=local go version), $out"
  echo "  reproduce: KYCRYPT_GO_JSON_SEED=$seed KYCRYPT_SKIP=... scripts/test-all.sh"
  (cd scripts/gen-vectors/go-json && GOTOOLCHAIN=local go run . -seed "$seed" -out "$out")
  KYCRYPT_GO_JSON_CORPUS=$out cargo test -p kycrypt --test go_json --locked -- --nocapture
  rm -f "$out"
}

# Real-client interop (tests/interop, scripts/interop.sh): pinned Node, Python and Go
# peers installed into a cache outside the tree, both directions, fresh inputs.
interop() { bash scripts/interop.sh; }

bindings() { bash scripts/test-bindings.sh; }
fuzz_smoke() { bash scripts/fuzz-smoke.sh; }
# Advisories need the RustSec database from GitHub, which this CI cannot reach:
# licenses, bans and sources only here (scripts/supply-chain.sh without the
# variable does all of it).
supply_chain() { SUPPLY_CHAIN_OFFLINE=1 bash scripts/supply-chain.sh; }
# Release artifacts, quick form: the x86-64 glibc wheel/npm/jar and the x86-64 musl CLI, then
# their install-without-Rust smoke test (`scripts/package --all` is the full matrix).
# In CI the release builds behind dist/ (~3 GB) are deleted once it is proven.
package() {
  local clean=()
  [[ ${CI:-} == true ]] && clean=(--clean)
  bash scripts/package "${clean[@]}"
}
benches_build() { cargo build --benches -p kycrypt --locked; }
demo() { cargo run -q -p kycrypt-cli --locked -- demo; }
# MSRV: the core crate's and the CLI's `rust-version` (1.87), checked with that exact
# toolchain. The bindings declare 1.88 (uniffi's askama and napi need it); checking them
# too costs ~5 min more on 2 cores: `KYCRYPT_MSRV_BINDINGS=1` adds it.
msrv() {
  local core bind
  core=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml).0 # rustup names a release by its full version
  bind=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' bindings/ffi/Cargo.toml).0
  rustup toolchain list | grep -q "^$core" || rustup toolchain install "$core" --profile minimal
  CARGO_TARGET_DIR=$ROOT/target/msrv cargo "+$core" check --locked -p kycrypt -p kycrypt-cli
  if [[ ${KYCRYPT_MSRV_BINDINGS:-0} == 1 ]]; then
    rustup toolchain list | grep -q "^$bind" || rustup toolchain install "$bind" --profile minimal
    CARGO_TARGET_DIR=$ROOT/target/msrv cargo "+$bind" check --locked -p kycrypt-ffi -p kycrypt-node
  fi
}

echo "test-all: $(disk)"
stage rust-lint rust_lint
stage rust-test rust_test
stage go-json go_json
stage demo demo
stage interop interop
stage bindings bindings
stage package package
stage benches benches_build
stage fuzz fuzz_smoke
stage supply-chain supply_chain
stage msrv msrv

echo
echo "================ summary ================"
for t in "${TIMES[@]}"; do echo "  $t"; done
echo "all stages passed"
