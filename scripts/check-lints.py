#!/usr/bin/env python3
"""Checks that the binding crates (bindings/ffi, bindings/node) repeat the workspace's
lints exactly, except `unsafe_code`: `deny` there, `forbid` in the workspace, so that
their few `unsafe` modules (the Python fast lane; Node's in-place bytes and payload
allocator) can allow it one module at a time. Exits 1 on any difference."""

import sys
import tomllib
from pathlib import Path

root = Path(__file__).resolve().parent.parent
ws = tomllib.loads((root / "Cargo.toml").read_text())["workspace"]["lints"]
expected = {tool: dict(lints) for tool, lints in ws.items()}
expected["rust"]["unsafe_code"] = "deny"
failed = False
for crate in ("bindings/ffi", "bindings/node"):
    got = tomllib.loads((root / crate / "Cargo.toml").read_text()).get("lints", {})
    for tool in sorted(set(expected) | set(got)):
        a, b = expected.get(tool, {}), got.get(tool, {})
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                failed = True
                print(f"{crate} lints differ: {tool}.{name}: workspace (unsafe_code: deny) wants "
                      f"{a.get(name)!r}, the crate has {b.get(name)!r}")
if failed:
    sys.exit(1)
print(f"bindings/ffi, bindings/node: the workspace's {sum(len(v) for v in ws.values())} lints, unsafe_code = deny")
