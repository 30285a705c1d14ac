#!/usr/bin/env bash
# Tests scripts/check-version.py and scripts/set-version on a copy of the files they read
# (never on the tree): the checker passes on the copy, fails naming the file when one copy
# of the version is changed (each kind of copy in turn), and set-version makes it pass
# again; a set-version round trip leaves every file byte-identical except CHANGELOG.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
check=(python3 -P "$ROOT/scripts/check-version.py")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kycrypt-check-version.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <("${check[@]}" --list-files)
for f in Cargo.toml Cargo.lock fuzz/Cargo.lock bindings/node/package.json bindings/node/package-lock.json \
  bindings/kotlin/pom.xml bindings/kotlin/consumer/pom.xml bindings/kotlin/README.md CHANGELOG.md; do
  printf '%s\n' "${files[@]}" | grep -qxF "$f" || { echo "FAIL: the checker does not read $f" >&2; exit 1; }
done
version=$(python3 -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["workspace"]["package"]["version"])' Cargo.toml)
failures=0
n=0

fresh() { # fresh DIR: a copy of the checked files
  rm -rf "$1" && mkdir -p "$1"
  local f
  for f in "${files[@]}"; do mkdir -p "$1/$(dirname "$f")" && cp "$f" "$1/$f"; done
}
pass() { # pass WHAT DIR
  n=$((n + 1))
  if ! "${check[@]}" --root "$2" >"$tmp/out" 2>&1; then
    echo "FAIL: $1: the checker failed:" >&2; sed 's/^/    /' "$tmp/out" >&2; failures=$((failures + 1))
  fi
}
fails_naming() { # fails_naming WHAT DIR FILE: the checker exits 1 and names FILE
  n=$((n + 1))
  local rc=0
  "${check[@]}" --root "$2" >"$tmp/out" 2>&1 || rc=$?
  if [[ $rc -ne 1 ]] || ! grep -qF "$3" "$tmp/out"; then
    echo "FAIL: $1: expected exit 1 naming $3, got exit $rc:" >&2; sed 's/^/    /' "$tmp/out" >&2
    failures=$((failures + 1))
  fi
}
mutate() { # mutate WHAT FILE PYTHON-EXPR-ON-s: change one copy, check the change happened, expect failure, then fix
  local what=$1 rel=$2 expr=$3 d="$tmp/m"
  fresh "$d"
  python3 - "$d/$rel" "$expr" <<'PY'
import sys
path, expr = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
new = eval(expr, {"s": s, "__import__": __import__})
if new == s:
    sys.exit(f"test-check-version: the mutation did not change {path}")
open(path, "w", encoding="utf-8").write(new)
PY
  fails_naming "$what" "$d" "$rel"
  # set-version to the same version restores every copy.
  bash "$ROOT/scripts/set-version" --root "$d" "$version" >/dev/null 2>&1 || true
  pass "$what, then set-version $version" "$d"
}

v=$version
bump="9.8.7"
fresh "$tmp/orig"
pass "an unchanged copy" "$tmp/orig"

mutate "package.json version" bindings/node/package.json "s.replace('\"version\": \"$v\"', '\"version\": \"$bump\"', 1)"
mutate "package.json optionalDependencies" bindings/node/package.json \
  "__import__('re').sub(r'(\"devDependencies\")', '\"optionalDependencies\": {\"@kycrypt/linux-x64-gnu\": \"$bump\"},\n  \\\\1', s, count=1)"
mutate "package-lock.json root package" bindings/node/package-lock.json \
  "s.replace('\"name\": \"kycrypt\",\n      \"version\": \"$v\"', '\"name\": \"kycrypt\",\n      \"version\": \"$bump\"', 1)"
mutate "pom.xml project version" bindings/kotlin/pom.xml "s.replace('<version>$v</version>', '<version>$bump</version>', 1)"
mutate "consumer pom.xml dependency" bindings/kotlin/consumer/pom.xml "s.replace('<version>$v</version>', '<version>$bump</version>', 1)"
mutate "Cargo.lock workspace crate" Cargo.lock "s.replace('name = \"kycrypt-ffi\"\nversion = \"$v\"', 'name = \"kycrypt-ffi\"\nversion = \"$bump\"', 1)"
mutate "fuzz/Cargo.lock" fuzz/Cargo.lock "s.replace('name = \"kycrypt\"\nversion = \"$v\"', 'name = \"kycrypt\"\nversion = \"$bump\"', 1)"
mutate "Cargo.toml path dependency requirement" Cargo.toml \
  "__import__('re').sub(r'(kycrypt-bssl = \{ version = \")[^\"]*', r'\g<1>$bump', s, count=1)"
mutate "Maven snippet in the Kotlin README" bindings/kotlin/README.md "s.replace('<version>$v</version>', '<version>$bump</version>', 1)"
mutate "CHANGELOG section" CHANGELOG.md "__import__('re').sub(r'(?m)^## \[' + '$v'.replace('.', r'\.') + r'\]', '## [0.0.0-removed]', s)"

# A new version only in Cargo.toml: every copy differs, set-version fixes them all.
d="$tmp/bump"
fresh "$d"
sed -i "0,/^version = \"$v\"/s//version = \"$bump\"/" "$d/Cargo.toml"
for f in bindings/node/package.json bindings/node/package-lock.json bindings/kotlin/pom.xml \
  bindings/kotlin/consumer/pom.xml Cargo.lock CHANGELOG.md; do
  fails_naming "Cargo.toml bumped alone ($f)" "$d" "$f"
done
n=$((n + 1))
if bash "$ROOT/scripts/set-version" --root "$d" "$bump" >"$tmp/out" 2>&1; then
  for f in bindings/node/package.json bindings/kotlin/pom.xml Cargo.lock CHANGELOG.md; do
    grep -qF "$bump" "$d/$f" || { echo "FAIL: set-version left $f without $bump" >&2; failures=$((failures + 1)); }
  done
else
  echo "FAIL: set-version $bump failed:" >&2; sed 's/^/    /' "$tmp/out" >&2; failures=$((failures + 1))
fi
pass "set-version $bump" "$d"

# Round trip: set-version to the old version again; nothing but the CHANGELOG differs.
n=$((n + 1))
bash "$ROOT/scripts/set-version" --root "$d" "$v" >/dev/null
for f in "${files[@]}"; do
  [[ $f == CHANGELOG.md ]] && continue
  cmp -s "$tmp/orig/$f" "$d/$f" || { echo "FAIL: round trip $v -> $bump -> $v changed $f:" >&2; diff "$tmp/orig/$f" "$d/$f" | head -5 >&2; failures=$((failures + 1)); }
done
grep -q "^## \[$bump\] - [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}$" "$d/CHANGELOG.md" ||
  { echo "FAIL: set-version did not add a dated ## [$bump] heading to CHANGELOG.md" >&2; failures=$((failures + 1)); }

# A version that is not X.Y.Z is refused, and changes nothing.
n=$((n + 1))
fresh "$tmp/bad"
if bash "$ROOT/scripts/set-version" --root "$tmp/bad" 1.2 >/dev/null 2>&1; then
  echo "FAIL: set-version accepted 1.2" >&2; failures=$((failures + 1))
fi
diff -r "$tmp/orig" "$tmp/bad" >/dev/null || { echo "FAIL: a refused set-version changed files" >&2; failures=$((failures + 1)); }

# --tag: a release tag must be v<version>.
n=$((n + 1))
"${check[@]}" --root "$tmp/orig" --tag "v$v" >/dev/null 2>&1 || { echo "FAIL: --tag v$v refused" >&2; failures=$((failures + 1)); }
if "${check[@]}" --root "$tmp/orig" --tag "v$bump" >/dev/null 2>&1; then
  echo "FAIL: --tag v$bump accepted for $v" >&2; failures=$((failures + 1))
fi

if [[ $failures -gt 0 ]]; then
  echo "test-check-version: $failures failure(s)" >&2
  exit 1
fi
echo "test-check-version: $n cases passed (${#files[@]} files; each kind of copy changed alone fails; set-version fixes)"
