#!/usr/bin/env python3
"""Writes a CycloneDX 1.5 JSON SBOM of the Rust dependency tree shipped in the release.

Usage: scripts/sbom.py OUT.json

The roots are the crates whose code ships: kycrypt-ffi (wheels, jar, Swift), kycrypt-node
(npm) and kycrypt-cli (CLI tarballs), all on the core crate. Every crate they reach on
Linux through normal dependencies is a component with scope "required"; crates reached only
through build dependencies or proc-macros have scope "excluded" (they run at build time and
ship no code). Each registry crate carries its purl
(pkg:cargo/name@version), its SPDX license expression and its SHA-256 from Cargo.lock;
`dependencies` gives the graph. Output is deterministic: same lockfile, same bytes.
"""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOTS = ("kycrypt-ffi", "kycrypt-node", "kycrypt-cli")
PLATFORMS = ("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu",
             "x86_64-unknown-linux-musl", "aarch64-unknown-linux-musl")


def metadata(root, platform):
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", platform],
        cwd=root, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = Path(__file__).resolve().parent.parent
    packages, edges, scope = {}, {}, {}
    for platform in PLATFORMS:
        meta = metadata(root, platform)
        packages.update({p["id"]: p for p in meta["packages"]})
        nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
        by_name = {packages[i]["name"]: i for i in meta["workspace_members"]}
        # Walk normal edges first (shipped code; a proc-macro runs in the compiler, so it and
        # what only it reaches are build-time), then every edge (build-time only).
        for kinds, label in (({None}, "required"), ({None, "build"}, "excluded")):
            todo, seen = [by_name[r] for r in ROOTS], set()
            while todo:
                pid = todo.pop()
                macro = any("proc-macro" in t["kind"] for t in packages[pid]["targets"])
                if pid in seen or (macro and label == "required"):
                    continue
                seen.add(pid)
                scope.setdefault(pid, label)
                for dep in nodes[pid]["deps"]:
                    if any(k["kind"] in kinds for k in dep["dep_kinds"]):
                        edges.setdefault(pid, set()).add(dep["pkg"])
                        todo.append(dep["pkg"])
    lock = {}
    for block in (root / "Cargo.lock").read_text().split("[[package]]")[1:]:
        fields = dict(line.split(" = ", 1) for line in block.strip().splitlines() if " = " in line)
        if "checksum" in fields:
            lock[(json.loads(fields["name"]), json.loads(fields["version"]))] = json.loads(fields["checksum"])

    def ref(pid):
        p = packages[pid]
        return f"pkg:cargo/{p['name']}@{p['version']}"

    components = []
    for pid in sorted(scope, key=ref):
        p = packages[pid]
        c = {"type": "library", "bom-ref": ref(pid), "name": p["name"], "version": p["version"],
             "scope": scope[pid], "purl": ref(pid)}
        if p.get("license"):
            c["licenses"] = [{"expression": p["license"]}]
        if p.get("description"):
            c["description"] = " ".join(p["description"].split())
        if (p["name"], p["version"]) in lock:
            c["hashes"] = [{"alg": "SHA-256", "content": lock[(p["name"], p["version"])]}]
        components.append(c)
    core = next(pid for pid in scope if packages[pid]["name"] == "kycrypt")
    graph = [{"ref": ref(pid), "dependsOn": sorted({ref(d) for d in edges.get(pid, ())})}
             for pid in sorted(scope, key=ref)]
    body = json.dumps(components, sort_keys=True).encode()
    uuid = hashlib.sha256(body).hexdigest()[:32]
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:]}",
        "version": 1,
        "metadata": {
            "component": {"type": "library", "bom-ref": ref(core), "name": "kycrypt",
                          "version": packages[core]["version"], "purl": ref(core),
                          "licenses": [{"expression": packages[core]["license"]}]},
            "tools": {"components": [{"type": "application", "name": "scripts/sbom.py"}]},
        },
        "components": [c for c in components if c["bom-ref"] != ref(core)],
        "dependencies": graph,
    }
    Path(sys.argv[1]).write_text(json.dumps(bom, indent=2) + "\n")
    required = sum(1 for c in components if c["scope"] == "required")
    print(f"sbom: {sys.argv[1]}: {len(components)} crates ({required} shipped, "
          f"{len(components) - required} build-time only)")


if __name__ == "__main__":
    main()
