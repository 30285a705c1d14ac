#!/usr/bin/env python3
"""Export-drift check: the UniFFI and the napi builds of the shared binding source must
export the same operations, objects, record fields, enum variants and error codes.

    scripts/export-drift.py <export-surface output> <bindings/node/index.d.ts>
    scripts/export-drift.py --self-test <surface> <index.d.ts>

The UniFFI side is what `kycrypt-ffi`'s `export-surface` binary reads from the UniFFI
metadata of the built cdylib; the napi side is parsed from the `index.d.ts` that
`napi build` generates from the same exports. Both are reduced to lines such as
`fn verify_webhook`, `ctor HmacKey.from_base64`, `record VerifiedWebhook.event_id`,
`enum Provider.sumsub`, `error signature_invalid`, with napi's camelCase names turned
back into snake_case. Node-only by design (and therefore exempt): the Promise forms,
named `*Async` (UniFFI has no equivalent the bindings use).

Exit status 1 and a list of one-sided items when they differ. `--self-test` removes one
item of each kind from one side in turn and checks that every removal is reported.
"""

from __future__ import annotations

import re
import sys

NAPI_ONLY_METHODS = {"to_string", "to_json"}  # napi's form of UniFFI's Display export


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def alnum(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def normalize(line: str) -> str:
    """Enum variants compare without separators (`corepass-v2` vs `CorePassV2`)."""
    kind, _, rest = line.partition(" ")
    if kind in ("enum", "variant"):
        parts = rest.split(".")
        parts[1] = alnum(parts[1])
        return f"{kind} {'.'.join(parts)}"
    return line


def uniffi_surface(text: str) -> set[str]:
    return {normalize(l.strip()) for l in text.splitlines() if l.strip()}


def napi_surface(dts: str) -> set[str]:
    out: set[str] = set()
    lines = dts.splitlines()
    i = 0
    namespace = None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(("/*", "*", "//")):
            i += 1
            continue
        m = re.match(r"export declare namespace (\w+) \{", stripped)
        if m:
            namespace = m.group(1)
        elif namespace and stripped == "}":
            namespace = None
        m = re.match(r"(?:export )?(?:declare )?function (\w+)\(", stripped)
        if m:
            name = snake(m.group(1))
            if namespace:
                name = f"{namespace}_{name}"
            if not name.endswith("_async"):
                out.add(f"fn {name}")
        m = re.match(r"export declare class (\w+) \{", stripped)
        if m:
            cls, members, fields = m.group(1), set(), set()
            i += 1
            while lines[i].strip() != "}":
                s = lines[i].strip()
                if not s.startswith(("/*", "*", "//")):
                    if mm := re.match(r"get (\w+)\(", s):  # a getter is a field
                        fields.add(f"record {cls}.{snake(mm.group(1))}")
                    elif mm := re.match(r"constructor\(", s):
                        members.add(f"ctor {cls}.new")
                    elif mm := re.match(r"static (\w+)\(", s):
                        members.add(f"ctor {cls}.{snake(mm.group(1))}")
                    elif mm := re.match(r"(\w+)\(", s):
                        n = snake(mm.group(1))
                        if n not in NAPI_ONLY_METHODS and not n.endswith("_async"):
                            members.add(f"method {cls}.{n}")
                    elif mm := re.match(r"(?:readonly )?(\w+)\??:", s):
                        fields.add(f"record {cls}.{snake(mm.group(1))}")
                i += 1
            out |= members | fields
            if not fields:
                out.add(f"object {cls}")
        m = re.match(r"export interface (\w+) \{", stripped)
        if m:
            rec = m.group(1)
            i += 1
            while lines[i].strip() != "}":
                s = lines[i].strip()
                if mm := re.match(r"(\w+)\??:", s):
                    out.add(f"record {rec}.{snake(mm.group(1))}")
                i += 1
        m = re.match(r"export type (\w+) =(.*)$", stripped)
        if m:
            name, body = m.group(1), m.group(2)
            # A multi-line union: its continuation lines are indented.
            while i + 1 < len(lines) and lines[i + 1].startswith((" ", "\t")):
                i += 1
                body += " " + lines[i].strip()
            body = re.sub(r"/\*.*?\*/", "", body)  # inline TSDoc of union members
            if "{" in body:  # a discriminated union: { kind: 'x', field: T } | …
                for variant in re.findall(r"\{([^{}]*)\}", body):
                    fields = [f.strip() for f in variant.split(";") if f.strip()]
                    tag = re.match(r"\w+: '([^']*)'", fields[0])
                    if not tag:
                        continue
                    v = alnum(tag.group(1))
                    out.add(f"enum {name}.{v}")
                    for f in fields[1:]:
                        if fm := re.match(r"(\w+)\??:", f):
                            out.add(f"variant {name}.{v}.{snake(fm.group(1))}")
            else:
                for value in re.findall(r"'([^']*)'", body):
                    if name == "ErrorCode":
                        out.add(f"error {value}")
                    else:
                        out.add(f"enum {name}.{alnum(value)}")
        i += 1
    return out


def compare(uniffi: set[str], napi: set[str]) -> list[str]:
    problems = [f"only in UniFFI: {l}" for l in sorted(uniffi - napi)]
    problems += [f"only in napi:   {l}" for l in sorted(napi - uniffi)]
    return problems


def main(argv: list[str]) -> int:
    self_test = argv[:1] == ["--self-test"]
    if self_test:
        argv = argv[1:]
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        uniffi = uniffi_surface(f.read())
    with open(argv[1], encoding="utf-8") as f:
        napi = napi_surface(f.read())
    problems = compare(uniffi, napi)
    if self_test:
        if problems:
            print("\n".join(problems))
            return 1
        missed = []
        for kind in ("fn", "ctor", "method", "record", "enum", "variant", "error", "object"):
            for side, other, label in ((uniffi, napi, "UniFFI"), (napi, uniffi, "napi")):
                item = next((l for l in sorted(side) if l.startswith(kind + " ")), None)
                if item is None:
                    continue
                if not compare(side - {item}, other):
                    missed.append(f"{label} without {item!r} was not reported")
        print("\n".join(missed) or f"self-test: every removal reported ({len(uniffi)} items)")
        return 1 if missed else 0
    if problems:
        print("export drift between the UniFFI and napi builds:", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"export-drift: UniFFI and napi export the same {len(uniffi)} items")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
