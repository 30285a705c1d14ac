"""Interop of kycrypt partner JWTs and JWKS with PyJWT (both directions).

Run: pip install pyjwt cryptography pytest && cargo build -p kycrypt-cli &&
     pytest tests/interop/test_jwt_interop.py
The CLI binary comes from $KYCRYPT_BIN (default target/debug/kycrypt).
"""

import json
import os
import subprocess
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, rsa

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("KYCRYPT_BIN", os.path.join(ROOT, "target", "debug", "kycrypt"))


def run(*args, check=True):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"{args}: exit {p.returncode}: {p.stderr}")
    return p


@pytest.fixture(params=["RS256", "ES256"])
def keypair(request, tmp_path):
    alg = request.param
    key = rsa.generate_private_key(65537, 2048) if alg == "RS256" else ec.generate_private_key(ec.SECP256R1())
    path = tmp_path / "key.pem"
    path.write_bytes(key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()))
    return alg, key, str(path)


def test_kycrypt_token_verifies_in_pyjwt(keypair):
    alg, key, path = keypair
    now = int(time.time())
    token = run("jwt", "partner", "--key", path, "--kid", "k1", "--partner-id", "P-1", "--email", "a@b.io",
                "--scope", "issue", "--iat", str(now), "--ttl", "300").stdout.strip()
    assert jwt.get_unverified_header(token) == {"alg": alg, "kid": "k1", "typ": "JWT"}
    claims = jwt.decode(token, key.public_key(), algorithms=[alg], options={"require": ["exp", "iat"]})
    assert claims == {"partnerId": "P-1", "scope": "issue", "email": "a@b.io", "iat": now, "exp": now + 300}


def test_pyjwt_token_verifies_in_kycrypt(keypair, tmp_path):
    alg, key, path = keypair
    now = int(time.time())
    payload = {"partnerId": "P-2", "scope": "verify", "email": "c@d.io", "iat": now, "exp": now + 300}
    token = jwt.encode(payload, key, algorithm=alg, headers={"kid": "k2", "typ": "JWT"})
    pub = tmp_path / "pub.pem"
    pub.write_bytes(key.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo))
    for keyfile in (path, str(pub)):
        p = run("jwt", "verify", "--token", token, "--key", keyfile, "--now", str(now + 5))
        report = json.loads(p.stdout)
        assert report["valid"] is True and report["claims"] == payload and report["header"]["kid"] == "k2"
    # Tampered and expired tokens are refused with exit 1.
    bad = run("jwt", "verify", "--token", token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
              "--key", str(pub), "--now", str(now + 5), check=False)
    assert bad.returncode == 1 and json.loads(bad.stdout)["valid"] is False
    late = run("jwt", "verify", "--token", token, "--key", str(pub), "--now", str(now + 400), check=False)
    assert late.returncode == 1 and json.loads(late.stdout)["error"]["code"] == "expired"


def test_jwks_loads_in_pyjwt(keypair):
    alg, key, path = keypair
    doc = json.loads(run("jwks", "--key", path).stdout)
    jwk = doc["keys"][0]
    assert "d" not in jwk and jwk["use"] == "sig" and jwk["alg"] == alg
    keyset = jwt.PyJWKSet.from_dict(doc)
    assert len(keyset.keys) == 1
    pk = keyset.keys[0]
    # The kid is the RFC 7638 thumbprint, as PyJWT computes it.
    algo = jwt.get_algorithm_by_name(alg)
    thumb = jwt.utils.base64url_encode(
        __import__("hashlib").sha256(
            json.dumps({k: jwk[k] for k in sorted(("e", "kty", "n") if alg == "RS256" else ("crv", "kty", "x", "y"))},
                       separators=(",", ":")).encode()).digest()).decode()
    assert pk.key_id == thumb
    assert algo.to_jwk(pk.key, as_dict=True)["kty"] == jwk["kty"]
    # A kycrypt token verifies against the JWKS key PyJWT loaded.
    now = int(time.time())
    token = run("jwt", "partner", "--key", path, "--kid", pk.key_id, "--partner-id", "P", "--email", "e@f.io",
                "--scope", "issue", "--iat", str(now)).stdout.strip()
    assert jwt.decode(token, pk.key, algorithms=[alg])["partnerId"] == "P"
