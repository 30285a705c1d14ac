#!/usr/bin/env python3
"""Checks that bindings/ffi/Cargo.toml repeats the workspace's lints exactly, except
`unsafe_code` (`deny` there, `forbid` in the workspace: the ffi crate's one `unsafe`
module, the Python fast lane, allows it). Exits 1 on any difference."""

import sys
import tomllib
from pathlib import Path

root = Path(__file__).resolve().parent.parent
ws = tomllib.loads((root / "Cargo.toml").read_text())["workspace"]["lints"]
ffi = tomllib.loads((root / "bindings/ffi/Cargo.toml").read_text())["lints"]
expected = {tool: dict(lints) for tool, lints in ws.items()}
expected["rust"]["unsafe_code"] = "deny"
if ffi != expected:
    for tool in sorted(set(expected) | set(ffi)):
        a, b = expected.get(tool, {}), ffi.get(tool, {})
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                print(f"bindings/ffi lints differ: {tool}.{name}: workspace wants {a.get(name)!r}, "
                      f"ffi has {b.get(name)!r}")
    sys.exit(1)
print(f"bindings/ffi lints: the workspace's {sum(len(v) for v in ws.values())} lints, unsafe_code = deny")
