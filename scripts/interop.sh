#!/usr/bin/env bash
# The interop stage (issue 14): kycrypt against the real libraries its users' counterparts
# run, both directions, on inputs generated fresh on every run.
#
#  1. Installs the pinned peers into a cache directory (never into the source tree):
#     Node modules from tests/interop/node/package-lock.json (npm ci), a Python venv from
#     tests/interop/python/requirements.lock, the Go peer from tests/interop/go (go.sum).
#     Each is reinstalled only when its lock file changes.
#  2. Runs the Rust driver (tests/interop/main.rs, `cargo test --test interop -- --ignored`),
#     which calls each peer and checks both directions, then the CLI interop suite
#     (tests/interop/test_*.py, pytest, against Python `cryptography`, PyJWT and eciespy).
#
# A language whose toolchain is absent is skipped loudly; under CI=true (or
# KYCRYPT_INTEROP_REQUIRE_ALL=1) a missing toolchain fails the stage.
#
# Env: KYCRYPT_INTEROP_CACHE  the cache directory (default ~/.cache/kycrypt-interop)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${KYCRYPT_INTEROP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kycrypt-interop}
mkdir -p "$CACHE"
if [[ ${CI:-} == true ]]; then export KYCRYPT_INTEROP_REQUIRE_ALL=1; fi
declare -a TIMES=()
timed() { # timed NAME COMMAND...
  local name=$1 t0=$SECONDS
  shift
  "$@"
  TIMES+=("$name $((SECONDS - t0))s")
}
missing() {
  if [[ ${KYCRYPT_INTEROP_REQUIRE_ALL:-0} == 1 ]]; then
    echo "interop: $1 not found, and every peer is required here" >&2
    exit 1
  fi
  echo
  echo "!!!!!!!!!!!!!!!! SKIPPING the $2 peers: $1 not found !!!!!!!!!!!!!!!!"
  echo
}

install_node() {
  local d=$CACHE/node
  mkdir -p "$d"
  if [[ ! -d $d/node_modules ]] || ! cmp -s tests/interop/node/package-lock.json "$d/package-lock.json"; then
    rm -rf "$d/node_modules"
    cp tests/interop/node/package.json tests/interop/node/package-lock.json "$d/"
    (cd "$d" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  fi
  export KYCRYPT_INTEROP_NODE_MODULES=$d/node_modules
}

install_python() {
  local v=$CACHE/venv lock=tests/interop/python/requirements.lock
  if [[ ! -x $v/bin/python ]] || ! cmp -s "$lock" "$v/requirements.lock"; then
    rm -rf "$v"
    python3 -m venv "$v"
    "$v/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$lock"
    cp "$lock" "$v/requirements.lock"
  fi
  export KYCRYPT_INTEROP_PYTHON=$v/bin/python
}

install_go() {
  local g=$CACHE/go
  export GOMODCACHE=$g/mod GOCACHE=$g/build GOFLAGS=-mod=readonly
  (cd tests/interop/go && go build -o "$g/corepass-peer" .)
  export KYCRYPT_INTEROP_GO_PEER=$g/corepass-peer
}

if command -v node >/dev/null && command -v npm >/dev/null; then timed node-install install_node; else missing node/npm Node; fi
if command -v python3 >/dev/null; then timed python-install install_python; else missing python3 Python; fi
if command -v go >/dev/null; then timed go-build install_go; else missing go Go; fi

echo "interop: peers from $CACHE"
timed rust-driver cargo test --locked -p kycrypt --test interop -- --ignored --nocapture --test-threads=1
if [[ -n ${KYCRYPT_INTEROP_PYTHON:-} ]]; then
  timed cli-build cargo build --locked -q -p kycrypt-cli
  timed cli-suite env KYCRYPT_BIN="$ROOT/target/debug/kycrypt" "$KYCRYPT_INTEROP_PYTHON" -m pytest -q -p no:cacheprovider tests/interop
fi
echo "interop: ${TIMES[*]}"
