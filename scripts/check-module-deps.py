#!/usr/bin/env python3
"""Checks the module layering of src/ (the crate's import graph).

Nodes are the crate's modules down to the second level (`corepass::address`,
`primitives::keys`, `webhooks::zerohash`, `error`); a file deeper down counts
as its second-level ancestor. An edge a -> b means a file of `a` names a path
of `b` (`use crate::b::...`, `crate::b::...`, `super::...` resolved). The
checks:
  1. no cycle among the nodes (a module and its own descendants are one node,
     and a child naming its parent, as `super::` does, is not an edge);
  2. `primitives`, `encoding`, `error` import no provider and no `webhooks`;
  3. `webhooks` imports no provider module (`corepass`, `hypersign`, `moca`,
     `zerohash`).
Exits 1 with the offending edges; prints the graph with -v.
"""
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
PROVIDERS = {"corepass", "hypersign", "moca", "zerohash"}
NEUTRAL = {"primitives", "encoding", "error", "macros"}


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel == ["lib"]:
        return []
    if rel[-1] == "mod":
        rel = rel[:-1]
    return rel


def node(parts):
    return "::".join(parts[:2]) if parts else "lib"


def strip_comments(text):
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def module_files():
    for d, _, files in os.walk(ROOT):
        for f in files:
            if f.endswith(".rs"):
                yield os.path.join(d, f)


def main():
    files = list(module_files())
    mods = {tuple(module_of(f)) for f in files}
    edges = defaultdict(set)
    for f in files:
        me = module_of(f)
        src = strip_comments(open(f, encoding="utf-8").read())
        # `#[cfg(test)] mod tests` bodies are part of the module: tests may use anything below.
        targets = []
        for m in re.finditer(r"\bcrate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)", src):
            targets.append(m.group(1).split("::"))
        for m in re.finditer(r"\b((?:super::)+)((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)", src):
            ups = m.group(1).count("super::")
            # a file module `a/b.rs` is module a::b; `super` is a.
            base = me[: len(me) - ups] if ups <= len(me) else []
            targets.append(base + m.group(2).split("::"))
        for t in targets:
            # the longest prefix that is a module
            while t and tuple(t) not in mods:
                t = t[:-1]
            a, b = node(me), node(t)
            if a != b and not b.startswith(a + "::") and b != "lib":
                edges[a].add(b)
    bad = []
    for a, bs in edges.items():
        top = a.split("::")[0]
        for b in bs:
            btop = b.split("::")[0]
            if top in NEUTRAL and (btop in PROVIDERS or btop == "webhooks"):
                bad.append(f"{a} -> {b}: primitives/encoding/error import no provider")
            if top == "webhooks" and btop in PROVIDERS:
                bad.append(f"{a} -> {b}: webhooks imports no provider module")
    # cycles (Tarjan)
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    nodes = set(edges) | {b for bs in edges.values() for b in bs}

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            strong(v)
    for comp in sccs:
        inner = [f"{a} -> {b}" for a in comp for b in sorted(edges.get(a, ())) if b in comp]
        bad.append("import cycle: " + ", ".join(inner))
    # the same at the top level, providers and webhooks only
    top = defaultdict(set)
    for a, bs in edges.items():
        for b in bs:
            ta, tb = a.split("::")[0], b.split("::")[0]
            if ta != tb:
                top[ta].add(tb)
    for a in sorted(top):
        for b in sorted(top[a]):
            if a in top.get(b, ()) and a < b:
                bad.append(f"top-level cycle: {a} <-> {b}")
    if "-v" in sys.argv:
        for a in sorted(edges):
            print(f"{a} -> {', '.join(sorted(edges[a]))}")
    if bad:
        print("module layering: FAILED")
        for b in bad:
            print("  " + b)
        return 1
    print(f"module layering: ok ({len(nodes)} modules, {sum(map(len, edges.values()))} edges, no cycle)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
