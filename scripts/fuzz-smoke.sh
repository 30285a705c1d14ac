#!/usr/bin/env bash
# Builds every cargo-fuzz target and runs each for a short smoke time
# (FUZZ_SECONDS, default 10) from a corpus seeded out of test-vectors/.
# A longer campaign: FUZZ_SECONDS=600 scripts/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${FUZZ_SECONDS:-10}
# FUZZ_TARGET_DIR: optional cargo target dir (keeps nightly and stable builds apart).
TD=()
[ -n "${FUZZ_TARGET_DIR:-}" ] && TD=(--target-dir "$FUZZ_TARGET_DIR")
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
# cargo-fuzz needs nightly flags; use nightly where installed, else stable with
# RUSTC_BOOTSTRAP (stable ships the sanitizer runtimes on x86_64 Linux).
# KYCRYPT_FUZZ_TOOLCHAIN=<toolchain> forces one (e.g. `stable` to check the
# RUSTC_BOOTSTRAP path on a machine that also has nightly).
if [ -n "${KYCRYPT_FUZZ_TOOLCHAIN:-}" ]; then
  TC=+$KYCRYPT_FUZZ_TOOLCHAIN
  case $KYCRYPT_FUZZ_TOOLCHAIN in nightly*) ;; *) export RUSTC_BOOTSTRAP=1 ;; esac
elif rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  TC=+nightly
else
  TC=; export RUSTC_BOOTSTRAP=1
fi
echo "fuzz toolchain: ${TC:-default} ($(cargo $TC --version))${RUSTC_BOOTSTRAP:+ with RUSTC_BOOTSTRAP=1}"
python3 fuzz/seed_corpus.py
targets=$(cargo $TC fuzz list)
cargo $TC fuzz build -O --debug-assertions "${TD[@]}"
for t in $targets; do
  echo "-- fuzz $t (${SECS}s)"
  mkdir -p "fuzz/corpus/$t"
  log=$(mktemp)
  if ! cargo $TC fuzz run -O --debug-assertions "${TD[@]}" "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$SECS" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"; echo "fuzz target $t FAILED (crash, leak or timeout): see fuzz/artifacts/$t"; exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' '; echo
  rm -f "$log"
done
echo "fuzz smoke: $(echo $targets | wc -w) targets, ${SECS}s each, no crashes"
