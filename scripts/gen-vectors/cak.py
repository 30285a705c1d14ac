#!/usr/bin/env python3
"""Generates test-vectors/cak.json (Moca CAK callback helpers).

Independent implementation: Python stdlib json/hashlib/hmac and
`cryptography` (Ed25519, ECDSA P-256). Deterministic: fixed keys, Ed25519,
and RFC 6979 deterministic ECDSA (cryptography >= 44 with OpenSSL >= 3.2), so
re-running reproduces the file.

Usage: python3 scripts/gen-vectors/cak.py   (writes test-vectors/cak.json)
"""

import base64
import hashlib
import hmac
import json
import os
import struct

import cryptography
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def dedup(u, v, s):
    h = hashlib.sha256()
    for part in (u, v, s):
        b = part.encode()
        h.update(struct.pack(">I", len(b)) + b)
    return h.hexdigest()


cases = []


def add(cid, comment, source, op, inputs, expected="valid", error_code=None, output=None):
    c = {"id": cid, "comment": comment, "source": source, "op": op, "inputs": inputs, "expected": expected}
    if error_code:
        c["error_code"] = error_code
    if output is not None:
        c["output"] = output
    cases.append(c)


SAMPLE = {"userId": "user_01HZX3", "verifierDid": "did:air:id:test:4P9WmzJpVvKkEp3", "schemaId": "c21hmhzvjn2m0l0tU8sUkx"}


def parse_cases():
    op = "cak.parse_callback"
    good = [
        ("sample", json.dumps(SAMPLE), "the three documented fields"),
        ("reordered-spaced", '{ "schemaId" : "s-1" ,\n "userId":"u-1", "verifierDid":"did:key:z6Mk" }', "any order, whitespace"),
        ("unknown-members-ignored", json.dumps(dict(SAMPLE, status=0, timestamp=1700000000)), "unknown members ignored"),
        ("unicode", json.dumps({"userId": "J\u00f6rg-\u2713", "verifierDid": "did:air:v", "schemaId": "s"}), "non-ASCII text"),
        ("max-field", json.dumps(dict(SAMPLE, userId="u" * 1024)), "field at the 1024-byte limit"),
    ]
    for cid, body, comment in good:
        d = json.loads(body)
        add(f"parse-{cid}", comment, "py-stdlib", op, {"body": body},
            output={"user_id": d["userId"], "verifier_did": d["verifierDid"], "schema_id": d["schemaId"],
                    "dedup_key": dedup(d["userId"], d["verifierDid"], d["schemaId"])})
    bad = [
        ("missing-schema", json.dumps({"userId": "u", "verifierDid": "v"}), "malformed_input"),
        ("empty-user", json.dumps(dict(SAMPLE, userId="")), "malformed_input"),
        ("null-verifier", json.dumps(dict(SAMPLE, verifierDid=None)), "malformed_input"),
        ("number-user", '{"userId":42,"verifierDid":"v","schemaId":"s"}', "malformed_input"),
        ("duplicate-user", '{"userId":"a","userId":"b","verifierDid":"v","schemaId":"s"}', "malformed_input"),
        ("control-char", json.dumps(dict(SAMPLE, schemaId="s\n1")), "malformed_input"),
        ("array", "[]", "malformed_input"),
        ("not-json", "userId=u&verifierDid=v", "malformed_input"),
        ("truncated", json.dumps(SAMPLE)[:-1], "malformed_input"),
        ("field-too-long", json.dumps(dict(SAMPLE, userId="u" * 1025)), "input_too_large"),
        ("body-too-large", json.dumps(dict(SAMPLE, pad="x" * 17000)), "input_too_large"),
    ]
    for cid, body, code in bad:
        add(f"parse-{cid}", f"rejected: {cid}", "py-stdlib", op, {"body": body}, "invalid", code)


def dedup_cases():
    op = "cak.dedup_key"
    for cid, (u, v, s) in {
        "sample": (SAMPLE["userId"], SAMPLE["verifierDid"], SAMPLE["schemaId"]),
        "shift-1": ("ab", "c", "d"),
        "shift-2": ("a", "bc", "d"),
        "unicode": ("\u00e9", "did:x", "\u2713"),
    }.items():
        add(f"dedup-{cid}", "SHA-256 over u32be-length-prefixed fields (hashlib)", "py-stdlib", op,
            {"user_id": u, "verifier_did": v, "schema_id": s}, output={"dedup_key": dedup(u, v, s)})


def verify_cases():
    op = "cak.verify_callback"
    body = json.dumps(SAMPLE, separators=(",", ":"))
    tampered = body.replace("user_01HZX3", "user_01HZX4")
    key = hashlib.sha256(b"kycrypt cak hmac key").digest()
    tag = hmac.new(key, body.encode(), hashlib.sha256).digest()
    out = {"dedup_key": dedup(SAMPLE["userId"], SAMPLE["verifierDid"], SAMPLE["schemaId"])}
    base = {"scheme": "hmac_sha256", "key": key.hex(), "header": "X-Air-Signature", "body": body}
    for cid, sig in [("hex", tag.hex()), ("hex-upper", tag.hex().upper()), ("b64", base64.b64encode(tag).decode())]:
        add(f"hmac-{cid}", f"HMAC-SHA256 tag as {cid} (stdlib hmac)", "py-stdlib", op, dict(base, signature=sig), output=out)
    add("hmac-tampered-body", "body changed after signing", "py-stdlib", op,
        dict(base, body=tampered, signature=tag.hex()), "invalid", "signature_invalid")
    add("hmac-wrong-key", "tag under another key", "py-stdlib", op,
        dict(base, signature=hmac.new(b"other", body.encode(), hashlib.sha256).hexdigest()), "invalid", "signature_invalid")
    add("hmac-short-tag", "truncated tag", "py-stdlib", op, dict(base, signature=tag.hex()[:40]), "invalid", "signature_invalid")
    add("hmac-garbage", "signature neither hex nor base64", "py-stdlib", op, dict(base, signature="%%%"), "invalid", "signature_invalid")
    add("hmac-valid-sig-bad-body", "valid tag over a body that is not a valid callback", "py-stdlib", op,
        dict(base, body="{}", signature=hmac.new(key, b"{}", hashlib.sha256).hexdigest()), "invalid", "malformed_input")

    ed = ed25519.Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"kycrypt cak ed25519").digest())
    ed_pub = ed.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    ed_sig = ed.sign(body.encode())
    eb = {"scheme": "ed25519", "key": ed_pub.hex(), "body": body}
    add("ed25519-hex", f"Ed25519 (cryptography {cryptography.__version__})", "py-cryptography", op,
        dict(eb, signature=ed_sig.hex()), output=out)
    add("ed25519-b64url", "Ed25519 signature as unpadded base64url", "py-cryptography", op,
        dict(eb, signature=base64.urlsafe_b64encode(ed_sig).decode().rstrip("=")), output=out)
    add("ed25519-tampered", "body changed", "py-cryptography", op, dict(eb, body=tampered, signature=ed_sig.hex()),
        "invalid", "signature_invalid")
    bad_sig = bytearray(ed_sig)
    bad_sig[10] ^= 1
    add("ed25519-bad-sig", "signature bit flipped", "py-cryptography", op, dict(eb, signature=bytes(bad_sig).hex()),
        "invalid", "signature_invalid")

    scalar = int.from_bytes(hashlib.sha256(b"kycrypt cak es256").digest(), "big") % (P256_N - 1) + 1
    es = ec.derive_private_key(scalar, ec.SECP256R1())
    es_pub = es.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    der = es.sign(body.encode(), ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    r, s = decode_dss_signature(der)
    p1363 = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    sb = {"scheme": "es256", "key": es_pub.hex(), "body": body}
    add("es256-p1363-b64", "ES256 r||s, base64 (cryptography)", "py-cryptography", op,
        dict(sb, signature=base64.b64encode(p1363).decode()), output=out)
    add("es256-der-hex", "ES256 ASN.1 DER, hex", "py-cryptography", op, dict(sb, signature=der.hex()), output=out)
    add("es256-tampered", "body changed", "py-cryptography", op, dict(sb, body=tampered, signature=p1363.hex()),
        "invalid", "signature_invalid")
    add("es256-wrong-key", "Ed25519 signature against the ES256 key", "py-cryptography", op,
        dict(sb, signature=ed_sig.hex()), "invalid", "signature_invalid")
    add("es256-bad-key", "ES256 key not on the curve", "derived", op,
        dict(sb, key="04" + "00" * 64, signature=p1363.hex()), "invalid", "invalid_key")


DESCRIPTION = (
    "Moca CAK callback helpers. Moca publishes no callback signature scheme; the verify cases exercise the "
    "caller-chosen schemes kycrypt offers. Ops: cak.parse_callback {body (text)} -> {user_id, verifier_did, "
    "schema_id, dedup_key}; cak.dedup_key {user_id, verifier_did, schema_id} -> {dedup_key (hex SHA-256 over "
    "u32be length-prefixed UTF-8 fields)}; cak.verify_callback {scheme: hmac_sha256|ed25519|es256, key (hex: HMAC "
    "secret, Ed25519 32-byte key, or SEC1 P-256 key), header (hmac only), body (text), signature (hex or base64)} "
    "-> {dedup_key} of the parsed callback."
)


def main():
    parse_cases()
    dedup_cases()
    verify_cases()
    doc = {
        "schema": "kycrypt-vectors/1",
        "name": "cak",
        "description": DESCRIPTION,
        "sources": {
            "py-stdlib": "generated by scripts/gen-vectors/cak.py with Python stdlib json/hashlib/hmac",
            "py-cryptography": f"generated by scripts/gen-vectors/cak.py with Python cryptography {cryptography.__version__}",
            "derived": "negative case derived by scripts/gen-vectors/cak.py",
        },
        "cases": cases,
    }
    with open(os.path.join(ROOT, "test-vectors", "cak.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
