#!/usr/bin/env bash
# Supply-chain checks: cargo-deny (advisories, licenses, bans, sources; see
# deny.toml for every exception and its reason) and cargo-audit (RustSec).
# Installs both with `cargo install --locked` when missing (~17 min of
# compiling on 2 cores the first time; cache ~/.cargo/bin in CI).
# The advisory checks need the RustSec database from GitHub. Where GitHub is
# unreachable, SUPPLY_CHAIN_OFFLINE=1 runs licenses/bans/sources only and says
# loudly that advisories were NOT checked. This workplace's CI cannot reach
# GitHub, so scripts/test-all.sh runs this mode; run the full mode where it can,
# or point KYCRYPT_ADVISORY_DB at a local clone of rustsec/advisory-db.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="cargo-deny cargo-audit"
[ "${SUPPLY_CHAIN_OFFLINE:-0}" = 1 ] && tools="cargo-deny"   # cargo-audit only reads advisories
for tool in $tools; do
  command -v "$tool" >/dev/null 2>&1 || cargo install --locked "$tool"
done
if [ -n "${KYCRYPT_ADVISORY_DB:-}" ]; then
  # A local clone (or snapshot) of github.com/rustsec/advisory-db, for hosts
  # that cannot reach GitHub: both tools read it without fetching. Say how old it is.
  db=$(cd "$KYCRYPT_ADVISORY_DB" && pwd)
  echo "-- advisory database: $db (last commit $(git -C "$db" log -1 --format=%cs))"
  # cargo-deny looks for its clone under db-path by a name derived from the URL.
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  ln -s "$db" "$tmp/advisory-db-3157b0e258782691"
  sed "s|^db-urls.*|&\ndb-path = \"$tmp\"|" deny.toml > "$tmp/deny.toml"
  echo "-- cargo deny check (advisories from the local database)"
  cargo deny --locked --offline --config "$tmp/deny.toml" check
  echo "-- cargo audit (local database)"
  command -v cargo-audit >/dev/null 2>&1 || cargo install --locked cargo-audit
  cargo audit --db "$db" --no-fetch --deny warnings --ignore RUSTSEC-2023-0071
  echo "supply chain: ok (advisories as of the local database's last commit)"
  exit 0
fi
if [ "${SUPPLY_CHAIN_OFFLINE:-0}" = 1 ]; then
  echo "-- cargo deny check licenses bans sources (OFFLINE: advisories NOT checked)"
  cargo deny --locked check licenses bans sources
  echo "supply chain: licenses/bans/sources ok; advisories and cargo-audit SKIPPED (offline;"
  echo "  KYCRYPT_ADVISORY_DB=<clone of rustsec/advisory-db> checks them without network)"
  exit 0
fi
echo "-- cargo deny check"
cargo deny --locked check
echo "-- cargo audit"
# Same exception as deny.toml (RUSTSEC-2023-0071: rsa used for public-key
# verification only; signing goes through ring).
cargo audit --deny warnings --ignore RUSTSEC-2023-0071
echo "supply chain: ok"
