# Helpers of scripts/smoke/run (sourced). Expects: root, DIST, CACHE, V, work, here.

log() { echo "==> $*"; }
die() { echo "smoke: $*" >&2; exit 1; }

# stage NAME CMD...: runs CMD (errexit on: any failing command fails the run), prints and
# records its elapsed seconds. On failure the EXIT trap reports the stage (stage_failed).
declare -a stage_lines=()
current_stage= current_start=0
want() { [ -z "${KYCRYPT_SMOKE_ONLY:-}" ] || [[ ,$KYCRYPT_SMOKE_ONLY, == *,"$1",* ]]; }
stage() {
  if [ -n "${KYCRYPT_SMOKE_ONLY:-}" ] && [[ $1 =~ (^| )(cli|python|node|jvm)[:\ ] ]] &&
    [[ ,$KYCRYPT_SMOKE_ONLY, != *,"${BASH_REMATCH[2]}",* ]]; then
    stage_lines+=("$1: skipped (KYCRYPT_SMOKE_ONLY)")
    return 0
  fi
  current_stage=$1 current_start=$SECONDS
  shift
  log "$current_stage"
  "$@"
  stage_lines+=("$current_stage: ok, $((SECONDS - current_start)) s")
  echo "==> $current_stage: ok ($((SECONDS - current_start)) s)"
  current_stage=
}
stage_failed() {
  [ -n "$current_stage" ] || return 0
  stage_lines+=("$current_stage: FAILED after $((SECONDS - current_start)) s")
  echo "==> $current_stage: FAILED ($((SECONDS - current_start)) s)" >&2
  summary
}
summary() {
  local l
  echo "==> summary"
  for l in "${stage_lines[@]}"; do echo "    $l"; done
  [ -d "$CACHE" ] && echo "    cache $CACHE: $(du -sh "$CACHE" 2>/dev/null | cut -f1)"
  return 0
}

# quickstart README LANG: the first fenced block after `## Quickstart` (it must be LANG).
quickstart() {
  awk -v lang="$2" '
    /^## Quickstart[[:space:]]*$/ { in_qs = 1; next }
    in_qs && !in_block && /^```/ { if ($0 != "```" lang) { print "wrong block: " $0 | "cat 1>&2"; bad = 1; exit } in_block = 1; next }
    in_block && /^```[[:space:]]*$/ { done = 1; exit }
    in_block { print }
    END { if (bad) exit 2; if (!done) { print FILENAME ": no ```" lang " block after ## Quickstart" | "cat 1>&2"; exit 1 } }
  ' "$1"
}

# norust CMD...: CMD with no network (a new network namespace: no interfaces) in a scrubbed
# environment (env -i) whose PATH has no cargo/rustc (asserted).
NORUST_PATH=/usr/local/bin:/usr/bin:/bin
norust() {
  unshare --net env -i HOME="$work/home" LANG=C.UTF-8 PATH="$NORUST_PATH" ${NORUST_ENV:-} bash -c \
    'if command -v cargo || command -v rustc; then echo "cargo/rustc on PATH" >&2; exit 1; fi; exec "$@"' norust "$@"
}

# cached NAME RECIPE-TEXT BUILD-FN [ARGS]: prints $CACHE/NAME-<key>, building it with BUILD-FN DIR ARGS
# once. The key hashes the recipe text and BUILD-FN's source, so a changed recipe is a new
# entry (an entry is used only once complete).
cached() {
  local name=$1 recipe=$2 fn=$3 key dir
  key=$( { printf '%s\n' "$recipe"; declare -f "$fn"; } | sha256sum | cut -c1-16)
  dir=$CACHE/$name-$key
  if [ ! -e "$dir/.complete" ]; then
    rm -rf "$dir" "$dir.tmp"
    mkdir -p "$dir.tmp"
    "$fn" "$dir.tmp" "${@:4}" >&2 || { echo "smoke: building $name failed" >&2; return 1; }
    touch "$dir.tmp/.complete"
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# The artifacts of one platform (fails if one is missing).
need() { [ -e "$1" ] || die "missing artifact: $1"; echo "$1"; }
npm_arch() { case $1 in x86_64-*) echo x64 ;; aarch64-*) echo arm64 ;; esac; }
libc_of() { echo "${1#*-}"; }
first() { compgen -G "$1" | head -1 | grep . || echo "$1"; } # the first match, else the pattern
wheel_of() {
  case $1 in
    *-gnu) need "$(first "$DIST/python/kycrypt-$V-*manylinux*_${1%%-*}.whl")" ;;
    *-musl) need "$(first "$DIST/python/kycrypt-$V-*musllinux_*_${1%%-*}.whl")" ;;
  esac
}
cli_of() { need "$DIST/cli/kycrypt-$V-${1%%-*}-linux-musl.tar.gz"; }

# Private apt (deb-src) for source packages, without touching the system's apt sources.
apt_src() {
  local d=$CACHE/apt-src
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
  echo "deb-src http://deb.debian.org/debian bookworm main" >"$d/sources.list"
  apt-get -q -o APT::Sandbox::User=root -o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
    -o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache" "$@"
}
# orig_src PKG DEST: the upstream tarball of Debian's source package PKG, unpacked in DEST.
orig_src() {
  local dl=$work/src-dl/$1
  mkdir -p "$dl" "$2"
  (cd "$dl" && apt_src source --download-only "$1" >/dev/null)
  tar -xf "$(ls "$dl"/*.orig.tar.* | head -1)" -C "$2" --strip-components=1
}

# apt_bin SUITE ARCH PKG DEST: downloads Debian's binary package PKG (SUITE, ARCH) with a
# private apt state and unpacks it into DEST (not installed anywhere).
apt_bin() {
  local d=$CACHE/apt-$1-$2
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$work/deb-$2"
  echo "deb [arch=$2] http://deb.debian.org/debian $1 main" >"$d/sources.list"
  local o=(-q -o APT::Sandbox::User=root -o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache" -o APT::Architecture="$2" -o APT::Architectures::="$2")
  apt-get "${o[@]}" update >/dev/null
  (cd "$work/deb-$2" && apt-get "${o[@]}" download "$3:$2" >/dev/null)
  dpkg-deb -x "$(ls "$work/deb-$2/$3"_*.deb | head -1)" "$4"
}
