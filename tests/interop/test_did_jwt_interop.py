"""Interop: fresh random Ed25519 keys from Python `cryptography` against the kycrypt CLI.

Python signs DID-JWTs (did:key and did:hid with a document) -> `kycrypt did-jwt verify` accepts them;
`kycrypt did-jwt sign` output -> Python verifies the Ed25519 signature and the Hypersign payload layout.

Run: cargo build -p kycrypt-cli && python3 tests/interop/test_did_jwt_interop.py  (or pytest)
Set KYCRYPT_BIN to use another binary.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("KYCRYPT_BIN", os.path.join(ROOT, "target", "debug", "kycrypt"))
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
AUD = "https://api.cavach.hypersign.id"


def b58(data):
    n, out = int.from_bytes(data, "big"), ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b64u(d):
    return base64.urlsafe_b64encode(d).rstrip(b"=").decode()


def unb64u(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def fresh():
    sk = Ed25519PrivateKey.generate()
    pub = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sk, pub, "z" + b58(b"\xed\x01" + pub)


def sign(sk, header, payload):
    si = b64u(json.dumps(header, separators=(",", ":")).encode()) + "." + b64u(
        json.dumps(payload, separators=(",", ":")).encode())
    return si + "." + b64u(sk.sign(si.encode()))


def kycrypt(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


def test_python_signed_did_key_verifies():
    for _ in range(5):
        sk, _, mb = fresh()
        did = "did:key:" + mb
        tok = sign(sk, {"alg": "EdDSA", "typ": "JWT", "kid": did + "#" + mb},
                   {"iat": 1770000000, "exp": 1770003600, "aud": AUD, "iss": did, "n": os.urandom(4).hex()})
        r = kycrypt("did-jwt", "verify", "--token", tok, "--audience", AUD, "--now", "1770000100")
        assert r.returncode == 0, r.stdout + r.stderr
        assert json.loads(r.stdout)["signer"] == did + "#" + mb
        bad = tok[:-2] + ("A" if tok[-2] != "A" else "B") + tok[-1]
        assert kycrypt("did-jwt", "verify", "--token", bad, "--audience", AUD, "--now", "1770000100").returncode == 1


def test_python_signed_did_hid_with_document_verifies():
    sk, _, mb = fresh()
    did = "did:hid:testnet:" + mb
    doc = {"didDocument": {"id": did, "verificationMethod": [
        {"id": did + "#key-1", "type": "Ed25519VerificationKey2020", "controller": did, "publicKeyMultibase": mb}],
        "authentication": [did + "#key-1"]}, "didDocumentMetadata": {"deactivated": False}}
    tok = sign(sk, {"typ": "JWT", "alg": "EdDSA"}, {"iat": 1770000000, "exp": 1770000600, "email": "a@b.c",
                                                   "aud": AUD, "iss": did})
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
    try:
        r = kycrypt("did-jwt", "verify", "--token", tok, "--audience", AUD, "--now", "1770000100",
                    "--did-document", f.name)
        assert r.returncode == 0, r.stdout + r.stderr
        assert json.loads(r.stdout)["signer"] == did + "#key-1"
    finally:
        os.unlink(f.name)


def test_kycrypt_signed_verifies_in_python():
    sk, pub, mb = fresh()
    pem = sk.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    with tempfile.NamedTemporaryFile("wb", suffix=".pem", delete=False) as f:
        f.write(pem)
    try:
        did = "did:hid:testnet:" + mb
        claims = {"email": "a@b.c", "iss": "did:evil", "exp": 1, "name": "J\u00f6hn"}
        r = kycrypt("did-jwt", "sign", "--key", f.name, "--did", did, "--audience", AUD, "--claims",
                    json.dumps(claims), "--iat", "1770000000", "--ttl", "3600")
        assert r.returncode == 0, r.stderr
        h, p, s = r.stdout.strip().split(".")
        sk.public_key().verify(unb64u(s), (h + "." + p).encode())
        assert json.loads(unb64u(h)) == {"typ": "JWT", "alg": "EdDSA"}
        payload = json.loads(unb64u(p))
        assert list(payload) == ["iat", "exp", "email", "name", "aud", "iss"]
        assert payload["exp"] == 1770003600 and payload["iss"] == did and payload["name"] == "J\u00f6hn"
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    for name, fn in sorted(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
    sys.exit(0)
