# Per-language smoke steps of scripts/smoke/run (sourced after lib.sh). Each installs one
# artifact kind into a fresh environment without Rust and without network, then runs the
# README quickstart of that language (which asserts its own results and exits non-zero
# on a wrong answer).

# --- Python -------------------------------------------------------------------------
# py_install PLATFORM PYTHON VENV [RUN...]: venv + offline pip install; the wheel pip picked
# must be the platform's. RUN is a prefix (norust / in_arm64 ROOTFS) and PATHs are as RUN sees them.
py_install() {
  local p=$1 py=$2 venv=$3 finds=$4 want out
  shift 4
  want=$(basename "$(wheel_of "$p")")
  "$@" "$py" -m venv "$venv"
  out=$("$@" "$venv/bin/pip" install --disable-pip-version-check --no-index --only-binary=:all: \
    --find-links "$finds" kycrypt 2>&1) || { echo "$out"; return 1; }
  echo "$out" | grep -E 'Processing|Successfully'
  echo "$out" | grep -q "$want" || { echo "pip did not install $want" >&2; return 1; }
}
py_quickstart() { quickstart "$root/bindings/python/README.md" python >"$1"; }

# --- Node ---------------------------------------------------------------------------
# npm_project PLATFORM DIR: an empty project with the main tarball and the platform's one
# installed by `npm install --offline` (empty cache) for that platform's os/cpu/libc, on
# the host (the project directory is then run by the platform's node).
npm_project() {
  local p=$1 dir=$2 arch libc main plat tgz=()
  arch=$(npm_arch "$p") libc=$(libc_of "$p") # npm's libc names: glibc, musl
  main=$(need "$DIST/npm/kycrypt-$V.tgz")
  tgz=("$main")
  plat=$DIST/npm/kycrypt-linux-$arch-$libc-$V.tgz
  if [ -e "$plat" ]; then
    tgz+=("$plat")
  elif tar -xzOf "$main" package/package.json | grep '"optionalDependencies"' >/dev/null; then
    die "missing artifact: $plat (the main package loads @kycrypt/linux-$arch-$libc)"
  fi
  mkdir -p "$dir" "$work/npm-cache-$p"
  printf '{ "name": "kycrypt-smoke", "version": "1.0.0", "private": true }\n' >"$dir/package.json"
  # The host's npm installs for the target (--cpu/--libc); for another platform than the host
  # (x86-64 glibc) it also needs --force, else it refuses the platform package (EBADPLATFORM).
  local force=()
  [ "$p" = x86_64-gnu ] || force=(--force)
  (cd "$dir" && norust npm install --offline --cache "$work/npm-cache-$p" --no-audit --no-fund \
    --no-update-notifier --os=linux --cpu="$arch" --libc="${libc/gnu/glibc}" "${force[@]}" "${tgz[@]}")
  ls "$dir"/node_modules/kycrypt/*.node "$dir"/node_modules/@kycrypt/*/*.node 2>/dev/null || true
  quickstart "$root/bindings/node/README.md" js >"$dir/quickstart.mjs"
  # Prints /proc/self/maps once kycrypt is loaded (for the musl loader check).
  printf '%s\n' "import { createRequire } from 'node:module'" "import { readFileSync } from 'node:fs'" \
    "createRequire(import.meta.url)('kycrypt')" "process.stdout.write(readFileSync('/proc/self/maps', 'utf8'))" \
    >"$dir/maps.mjs"
}
# The .node file of the project (platform package or, today, the main package).
npm_addon() {
  local f
  for f in "$1"/node_modules/@kycrypt/*/*.node "$1"/node_modules/kycrypt/*.node; do
    [ ! -e "$f" ] || { echo "$f"; return 0; }
  done
  echo "no .node addon installed in $1" >&2
  return 1
}

# --- JVM ----------------------------------------------------------------------------
# A minimal Maven project: io.kycrypt:kycrypt:V from dist/maven as a file:// repository
# (kotlin-stdlib and JNA come transitively from its POM), the Java quickstart compiled for
# Java 11, and the runtime classpath copied to target/dependency.
mvn_project() {
  local dir=$1
  mkdir -p "$dir/src/main/java"
  cat >"$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>smoke</groupId>
  <artifactId>kycrypt-smoke</artifactId>
  <version>1.0.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>11</maven.compiler.release>
  </properties>
  <repositories>
    <repository><id>kycrypt-dist</id><url>file://$DIST/maven</url></repository>
  </repositories>
  <dependencies>
    <dependency><groupId>io.kycrypt</groupId><artifactId>kycrypt</artifactId><version>$V</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
      </plugin>
      <plugin>
        <artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
        <executions><execution><phase>package</phase><goals><goal>copy-dependencies</goal></goals>
          <configuration><includeScope>runtime</includeScope></configuration></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
  quickstart "$root/bindings/kotlin/README.md" java >"$dir/src/main/java/Quickstart.java"
}
# The Maven repository with the build's plugins, kotlin-stdlib and JNA, fetched online once
# (cached per the versions our POM asks for); never holds io.kycrypt itself.
build_m2() { # DIR PROJECT
  (cd "$2" && mvn -B -ntp -q -Dstyle.color=never -Dmaven.repo.local="$1" package)
  rm -rf "$1/io/kycrypt"
}
m2_repo() {
  local pom
  pom=$(need "$DIST/maven/io/kycrypt/kycrypt/$V/kycrypt-$V.pom")
  cached m2 "$(sed -n '/<dependencies>/,/<\/dependencies>/p' "$pom"; sed "s#$DIST#DIST#" "$1/pom.xml")" build_m2 "$1"
}
# mvn_offline PROJECT REPO: the offline build, kycrypt resolved from dist/maven only.
mvn_offline() {
  rm -rf "$2/io/kycrypt" "$1/target"
  (cd "$1" && norust mvn -B -ntp -q -Dstyle.color=never -o -Daether.offline.protocols=file -Dmaven.repo.local="$2" package)
  local got=$2/io/kycrypt/kycrypt/$V/kycrypt-$V.jar
  cmp "$got" "$DIST/maven/io/kycrypt/kycrypt/$V/kycrypt-$V.jar" || { echo "kycrypt not from dist/maven" >&2; return 1; }
  rm -rf "$2/io/kycrypt"
  ls "$1/target/dependency"
}

# --- CLI ----------------------------------------------------------------------------
# cli_demo PLATFORM: unpack the static CLI, check its layout and that it is static, run
# `kycrypt demo` (every provider flow on embedded samples; non-zero on any failure).
cli_demo() {
  local p=$1 tgz name d
  tgz=$(cli_of "$p")
  name=kycrypt-$V-${p%%-*}-linux-musl
  mkdir -p "$work/cli-$p"
  tar -xzf "$tgz" -C "$work/cli-$p"
  d=$work/cli-$p/$name
  for f in kycrypt README.md LICENSE-MIT LICENSE-APACHE; do [ -e "$d/$f" ] || die "$tgz: no $name/$f"; done
  readelf -h "$d/kycrypt" | grep -q "Machine:.*$( [ "${p%%-*}" = x86_64 ] && echo X86-64 || echo AArch64)" ||
    die "$tgz: wrong machine"
  if readelf -lW "$d/kycrypt" | grep -q 'Requesting program interpreter'; then die "$tgz: not static"; fi
  NORUST_PATH=$d:/usr/bin:/bin norust kycrypt --version | grep -F " $V" || die "kycrypt --version is not $V"
  NORUST_ENV="KYCRYPT_BIN=$d/kycrypt" norust "$root/scripts/demo.sh" | tee "$work/demo-$p.log" | grep -E '^(==|demo)'
  grep -qx 'demo: all flows checked' "$work/demo-$p.log"
}
