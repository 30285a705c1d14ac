#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from test-vectors/*.json.

Each target names the vector ops whose inputs feed it and how an input becomes
the target's bytes (see SEEDS). Stdlib only."""
import hashlib, json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"

# target -> list of (vector file, op prefix, input member)
SEEDS = {
    "hmac_verify_hex": [("hmac.json", "hmac.", "tag")],
}

def main():
    n = 0
    for target, specs in SEEDS.items():
        out = CORPUS / target
        out.mkdir(parents=True, exist_ok=True)
        for fname, op_prefix, member in specs:
            path = ROOT / "test-vectors" / fname
            if not path.exists():
                continue
            for case in json.loads(path.read_text())["cases"]:
                if not case["op"].startswith(op_prefix):
                    continue
                v = case["inputs"].get(member)
                if v is None:
                    continue
                data = (v if isinstance(v, str) else json.dumps(v)).encode()
                (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
                n += 1
    print(f"seed_corpus: {n} seeds for {len(SEEDS)} targets")

if __name__ == "__main__":
    main()
