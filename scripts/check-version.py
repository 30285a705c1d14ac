#!/usr/bin/env python3
"""One version for the crate, the wheel, the npm packages and the jar.

The source is `[workspace.package] version` in the root Cargo.toml. The Python wheel takes
it from there (maturin; pyproject.toml declares `version` dynamic). Every other place that
names our version is a copy, checked here to be equal:

  Cargo.toml                       path dependency requirement on kycrypt-bssl (and any other
                                   workspace crate), in every member's and fuzz/'s manifest
  Cargo.lock, fuzz/Cargo.lock      the workspace crates' entries
  bindings/node/package.json       "version", and the specs of our own packages in
                                   (optional)dependencies (`@kycrypt/<platform>`, `kycrypt-<platform>`)
  bindings/node/package-lock.json  "version", packages[""].version and the same specs
  bindings/node/consumer/package.json   our packages' specs, if it names them
  bindings/kotlin/pom.xml          the project's <version>
  bindings/kotlin/consumer/pom.xml the io.kycrypt:kycrypt dependency's <version>
  README.md, bindings/*/README.md  Maven snippets / coordinates of io.kycrypt artifacts
  CHANGELOG.md                     a `## [<version>]` section (optionally ` - YYYY-MM-DD`)

  python3 -P scripts/check-version.py [--root DIR] [--tag vX.Y.Z]   # exit 1, listing each
                                        # file that differs (and a tag that is not v<version>)
  python3 -P scripts/check-version.py [--root DIR] --set X.Y.Z      # rewrite every copy (and
                                        # Cargo.toml); what scripts/set-version runs
  python3 -P scripts/check-version.py [--root DIR] --list-files     # the files read here

--set also gives CHANGELOG.md a `## [X.Y.Z] - <today UTC>` heading right under
`## [Unreleased]` when it has none (the unreleased entries become that release's).
Tested by scripts/test-check-version.sh (both run in the rust-lint stage of
scripts/test-all.sh).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$")
# Our npm packages: the main one, napi's default per-platform names and the @kycrypt scope.
OUR_NPM = re.compile(r"^(kycrypt|@kycrypt/[a-z0-9._-]+|kycrypt-(linux|darwin|win32|android|freebsd)-[a-z0-9_-]+)$")
# A version spec that pins a registry version (not a path, tarball or tag).
NPM_SPEC = re.compile(r"^([=^~]?)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$")
# <groupId>io.kycrypt</groupId> <artifactId>…</artifactId> <version>…</version>, in poms
# (project coordinates or a dependency) and in README snippets.
MAVEN_XML = re.compile(
    r"(<groupId>io\.kycrypt</groupId>\s*<artifactId>kycrypt[a-z0-9-]*</artifactId>\s*<version>)([^<]*)(</version>)"
)
# Gradle-style coordinates: io.kycrypt:kycrypt:0.1.0, io.kycrypt:kycrypt-android:0.1.0@aar
MAVEN_COORD = re.compile(r"(io\.kycrypt:kycrypt[a-z0-9-]*:)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)")
DEP_TABLES = ("dependencies", "dev-dependencies", "build-dependencies")

NPM_FILES = ("bindings/node/package.json", "bindings/node/package-lock.json", "bindings/node/consumer/package.json")
POM_FILES = ("bindings/kotlin/pom.xml", "bindings/kotlin/consumer/pom.xml")
LOCK_FILES = ("Cargo.lock", "fuzz/Cargo.lock")
OTHER_MANIFESTS = ("fuzz/Cargo.toml",)
PYPROJECT = "bindings/python/pyproject.toml"
CHANGELOG = "CHANGELOG.md"


class Tree:
    def __init__(self, root: Path) -> None:
        self.root = root
        ws = tomllib.loads(self.read("Cargo.toml"))["workspace"]
        self.version: str = ws["package"]["version"]
        # Workspace members' manifests and crate names (the root package included).
        self.manifests = [f"{m}/Cargo.toml" if m != "." else "Cargo.toml" for m in ws["members"]]
        self.crates = set()
        for m in self.manifests:
            pkg = tomllib.loads(self.read(m)).get("package")
            if pkg:
                self.crates.add(pkg["name"])

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def exists(self, rel: str) -> bool:
        return self.path(rel).is_file()

    def readmes(self) -> list[str]:
        out = ["README.md"] if self.exists("README.md") else []
        bindings = self.path("bindings")
        if bindings.is_dir():
            out += sorted(str(p.relative_to(self.root)) for p in bindings.glob("*/README.md"))
            if self.exists("bindings/README.md"):
                out.append("bindings/README.md")
        return out

    def files(self) -> list[str]:
        rels = [*self.manifests, *OTHER_MANIFESTS, *LOCK_FILES, *NPM_FILES, *POM_FILES, PYPROJECT, CHANGELOG]
        return [r for r in dict.fromkeys(rels + self.readmes()) if self.exists(r)]


def _bare(spec: str) -> str | None:
    m = NPM_SPEC.match(spec)
    return m.group(2) if m else None


def npm_versions(data: dict, rel: str) -> list[tuple[str, str]]:
    """(where, version) pairs naming our version in a package.json or package-lock.json."""
    out: list[tuple[str, str]] = []
    own = data.get("name") == "kycrypt"
    if own and "version" in data:
        out.append(("version", data["version"]))
    roots = [("", data)]
    if rel.endswith("package-lock.json"):
        root_pkg = data.get("packages", {}).get("", {})
        if own and "version" in root_pkg:
            out.append(('packages[""].version', root_pkg["version"]))
        roots = [('packages[""].', root_pkg)]
    for prefix, obj in roots:
        for table in ("dependencies", "optionalDependencies", "devDependencies", "peerDependencies"):
            for name, spec in (obj.get(table) or {}).items():
                if OUR_NPM.match(name) and isinstance(spec, str) and _bare(spec) is not None:
                    out.append((f"{prefix}{table}[{name}]", _bare(spec) or ""))
    return out


def cargo_dep_versions(text: str, crates: set[str]) -> list[tuple[str, str]]:
    """Version requirements on workspace crates in a manifest (path dependencies)."""
    doc = tomllib.loads(text)
    tables: list[tuple[str, dict]] = [(t, doc.get(t, {})) for t in DEP_TABLES]
    tables += [(f"workspace.{t}", doc.get("workspace", {}).get(t, {})) for t in ("dependencies",)]
    for target, spec in doc.get("target", {}).items():
        tables += [(f"target.{target}.{t}", spec.get(t, {})) for t in DEP_TABLES]
    out = []
    for where, deps in tables:
        for name, dep in deps.items():
            real = dep.get("package", name) if isinstance(dep, dict) else name
            if real in crates and isinstance(dep, dict) and "version" in dep:
                out.append((f"{where}.{name}", dep["version"].lstrip("=^~ ")))
    pkg_version = doc.get("package", {}).get("version")
    if isinstance(pkg_version, str) and doc.get("package", {}).get("name") in crates:
        out.append(("package.version", pkg_version))
    return out


def check(t: Tree, tag: str | None) -> list[str]:
    v = t.version
    problems: list[str] = []

    def want(rel: str, where: str, got: str) -> None:
        if got != v:
            problems.append(f"{rel}: {where} is {got!r}, Cargo.toml's [workspace.package] version is {v!r}")

    if not SEMVER.match(v):
        problems.append(f"Cargo.toml: [workspace.package] version {v!r} is not X.Y.Z")
    for rel in [*t.manifests, *OTHER_MANIFESTS]:
        if t.exists(rel):
            for where, got in cargo_dep_versions(t.read(rel), t.crates):
                want(rel, where, got)
    for rel in LOCK_FILES:
        if not t.exists(rel):
            continue
        seen = set()
        for pkg in tomllib.loads(t.read(rel)).get("package", []):
            if pkg["name"] in t.crates and "source" not in pkg:
                seen.add(pkg["name"])
                want(rel, f"package {pkg['name']}", pkg["version"])
        if rel == "Cargo.lock" and seen != t.crates:
            problems.append(f"{rel}: no entry for {', '.join(sorted(t.crates - seen))}")
    for rel in NPM_FILES:
        if t.exists(rel):
            found = npm_versions(json.loads(t.read(rel)), rel)
            for where, got in found:
                want(rel, where, got)
            if rel != "bindings/node/consumer/package.json" and not found:
                problems.append(f"{rel}: no version of the kycrypt package found")
    for rel in POM_FILES:
        if not t.exists(rel):
            continue
        text = t.read(rel)
        matches = MAVEN_XML.findall(text)
        if not matches:
            problems.append(f"{rel}: no io.kycrypt:kycrypt <version> found")
        for _, got, _ in matches:
            want(rel, "io.kycrypt <version>", got)
        if rel == "bindings/kotlin/pom.xml":
            ns = {"m": "http://maven.apache.org/POM/4.0.0"}
            got = ET.fromstring(text).findtext("m:version", namespaces=ns)
            want(rel, "project <version>", got or "")
    if t.exists(PYPROJECT):
        project = tomllib.loads(t.read(PYPROJECT)).get("project", {})
        if "version" in project:
            want(PYPROJECT, "[project] version", project["version"])
        elif "version" not in project.get("dynamic", []):
            problems.append(f"{PYPROJECT}: [project] has no version and does not declare it dynamic (maturin)")
    for rel in t.readmes():
        text = t.read(rel)
        for _, got, _ in MAVEN_XML.findall(text):
            want(rel, "io.kycrypt Maven snippet <version>", got)
        for _, got in MAVEN_COORD.findall(text):
            want(rel, "io.kycrypt coordinate", got)
    if not t.exists(CHANGELOG) or not re.search(
        rf"^## \[{re.escape(v)}\]( - \d{{4}}-\d{{2}}-\d{{2}})?[ \t]*$", t.read(CHANGELOG), re.M
    ):
        problems.append(f"{CHANGELOG}: no `## [{v}]` section")
    if tag is not None and tag != f"v{v}":
        problems.append(f"release tag: {tag!r} is not 'v{v}'")
    return problems


def set_version(t: Tree, new: str) -> list[str]:
    """Rewrites Cargo.toml's version and every copy; returns the files changed."""
    changed: list[str] = []

    def rewrite(rel: str, text: str) -> None:
        if text != t.read(rel):
            t.path(rel).write_text(text, encoding="utf-8")
            changed.append(rel)

    text = t.read("Cargo.toml")
    ws = re.search(r"^\[workspace\.package\][^\[]*?^version\s*=\s*\"([^\"]*)\"", text, re.M | re.S)
    if not ws:
        sys.exit('Cargo.toml: no `version = "…"` in [workspace.package]')
    rewrite("Cargo.toml", text[: ws.start(1)] + new + text[ws.end(1) :])
    crates = "|".join(re.escape(c) for c in sorted(t.crates, key=len, reverse=True))
    for rel in [*t.manifests, *OTHER_MANIFESTS]:
        if t.exists(rel):
            # `kycrypt-bssl = { version = "0.1.0", path = "bssl", … }` (inline tables only)
            dep = re.compile(rf'^((?:{crates})\s*=\s*\{{[^}}\n]*\bversion\s*=\s*")([=^~]?)[^"]*(")', re.M)
            rewrite(rel, dep.sub(lambda m: f"{m.group(1)}{m.group(2)}{new}{m.group(3)}", t.read(rel)))
    for rel in LOCK_FILES:
        if t.exists(rel):
            text = t.read(rel)
            for crate in t.crates:
                entry = re.compile(rf'(\[\[package\]\]\nname = "{re.escape(crate)}"\nversion = ")[^"]*("\n(?!source))')
                text = entry.sub(rf"\g<1>{new}\g<2>", text)
            rewrite(rel, text)
    for rel in NPM_FILES:
        if not t.exists(rel):
            continue
        data = json.loads(t.read(rel))
        own = data.get("name") == "kycrypt"
        objs = [data]
        if rel.endswith("package-lock.json"):
            objs = [data.get("packages", {}).get("", {})]
            if own and "version" in data:
                data["version"] = new
        for obj in objs:
            if own and "version" in obj:
                obj["version"] = new
            for table in ("dependencies", "optionalDependencies", "devDependencies", "peerDependencies"):
                for name, spec in (obj.get(table) or {}).items():
                    m = NPM_SPEC.match(spec) if isinstance(spec, str) else None
                    if OUR_NPM.match(name) and m:
                        obj[table][name] = m.group(1) + new
        rewrite(rel, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    for rel in [*POM_FILES, *t.readmes()]:
        if t.exists(rel):
            text = MAVEN_XML.sub(rf"\g<1>{new}\g<3>", t.read(rel))
            if rel.endswith(".md"):
                text = MAVEN_COORD.sub(rf"\g<1>{new}", text)
            rewrite(rel, text)
    if t.exists(PYPROJECT):
        text = t.read(PYPROJECT)
        rewrite(PYPROJECT, re.sub(r'(?m)^(\[project\][^\[]*?^version\s*=\s*")[^"]*(")', rf"\g<1>{new}\g<2>", text))
    text = t.read(CHANGELOG) if t.exists(CHANGELOG) else ""
    if not re.search(rf"^## \[{re.escape(new)}\]", text, re.M):
        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        heading = f"## [{new}] - {today}"
        unreleased = re.search(r"^## \[Unreleased\][ \t]*\n", text, re.M)
        if unreleased:
            text = text[: unreleased.end()] + f"\n{heading}\n" + text[unreleased.end() :]
        else:
            first = re.search(r"^## ", text, re.M)
            at = first.start() if first else len(text)
            text = text[:at] + f"{heading}\n\n" + text[at:]
        t.path(CHANGELOG).write_text(text, encoding="utf-8")
        changed.append(f"{CHANGELOG} (added `{heading}`: fill it in)")
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--tag", help="a release tag that must be v<version> (e.g. $GITHUB_REF_NAME)")
    ap.add_argument("--set", metavar="X.Y.Z", help="rewrite Cargo.toml's version and every copy")
    ap.add_argument("--list-files", action="store_true", help="print the files this script reads")
    args = ap.parse_args()
    t = Tree(args.root.resolve())
    if args.list_files:
        print("\n".join(t.files()))
        return 0
    if args.set is not None:
        if not SEMVER.match(args.set):
            print(f"set-version: {args.set!r} is not a version X.Y.Z", file=sys.stderr)
            return 2
        changed = set_version(t, args.set)
        for rel in changed:
            print(f"set-version: {rel}")
        t = Tree(t.root)
    problems = check(t, args.tag)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        files = sorted({p.split(":", 1)[0] for p in problems})
        print(f"check-version: differ from version {t.version}: {', '.join(files)}", file=sys.stderr)
        return 1
    print(f"check-version: {t.version} in all {len(t.files())} files (Cargo.toml, locks, npm, Maven, CHANGELOG)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
