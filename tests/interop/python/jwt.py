"""Interop peer: PyJWT (+ `cryptography` for keys) for kycrypt's partner JWTs (tests/interop/jwt.rs).

Reads {"tasks": [...]} on stdin, writes {"results": [...]} on stdout, one result per task in
order. It reports what PyJWT did and never decides pass/fail. Run with `python -P` (the file
name must not shadow PyJWT). Ops:
  genkey {label, kind: rsa2048|rsa3072|p256, form: pkcs1|pkcs8|sec1} -> {pem, public_pem, jwk}
  sign   {key, alg, payload, headers, times: null|"int"|"float", ttl}  -> {token, payload}
         jwt.encode(payload, key, algorithm=alg, headers=headers); with `times`, iat is
         time.time() (as an int, or the float itself) and exp = iat + ttl.
  verify {token, key, algorithms, options} -> {payload, header}
         jwt.decode(token, key, algorithms=algorithms, options=options)
A key is {ref: label}, {pem}, {jwks} (PyJWKSet.from_dict, then [kid of the token's header],
as a PyJWT client does), {secret: text} or {public_pem_of: key} (the SPKI PEM text).
"""

import json
import sys
import time

import jwt
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, rsa

FORMS = {
    "pkcs1": ser.PrivateFormat.TraditionalOpenSSL,  # RSA PRIVATE KEY
    "sec1": ser.PrivateFormat.TraditionalOpenSSL,  # EC PRIVATE KEY
    "pkcs8": ser.PrivateFormat.PKCS8,
}
KEYS = {}
LOADED = {}  # PEM text -> private key: loading checks an RSA key, which is slow


def spki_pem(public_key):
    return public_key.public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo).decode()


def genkey(t):
    if t["kind"] == "p256":
        key = ec.generate_private_key(ec.SECP256R1())
        jwk = jwt.algorithms.ECAlgorithm.to_jwk(key.public_key(), as_dict=True)
    else:
        key = rsa.generate_private_key(65537, 3072 if t["kind"] == "rsa3072" else 2048)
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    KEYS[t["label"]] = key
    pem = key.private_bytes(ser.Encoding.PEM, FORMS[t["form"]], ser.NoEncryption()).decode()
    return {"pem": pem, "public_pem": spki_pem(key.public_key()), "jwk": jwk}


def resolve_key(spec, token=None, private=False):
    if "ref" in spec:
        k = KEYS[spec["ref"]]
        return k if private else k.public_key()
    if "pem" in spec:
        pem = spec["pem"].encode()
        if b"PRIVATE KEY" in pem:
            if pem not in LOADED:
                LOADED[pem] = ser.load_pem_private_key(pem, None)
            k = LOADED[pem]
            return k if private else k.public_key()
        return ser.load_pem_public_key(pem)
    if "jwks" in spec:
        kid = jwt.get_unverified_header(token).get("kid")
        return jwt.PyJWKSet.from_dict(spec["jwks"])[kid].key
    if "secret" in spec:
        return spec["secret"]
    if "public_pem_of" in spec:
        return spki_pem(resolve_key(spec["public_pem_of"]))
    raise ValueError("unknown key spec")


def sign(t):
    payload = dict(t["payload"])
    if t.get("times"):
        iat = time.time()
        if t["times"] == "int":
            iat = int(iat)
        payload["iat"], payload["exp"] = iat, iat + t["ttl"]
    token = jwt.encode(payload, resolve_key(t["key"], private=True) if t["key"] else None,
                       algorithm=t["alg"], headers=t.get("headers"))
    return {"token": token, "payload": payload}


def verify(t):
    key = resolve_key(t["key"], token=t["token"])
    payload = jwt.decode(t["token"], key, algorithms=t["algorithms"], options=t.get("options"))
    return {"payload": payload, "header": jwt.get_unverified_header(t["token"])}


OPS = {"genkey": genkey, "sign": sign, "verify": verify}


def main():
    tasks = json.load(sys.stdin)["tasks"]
    results = []
    for t in tasks:
        try:
            results.append({"id": t["id"], "ok": True, **OPS[t["op"]](t)})
        except Exception as e:  # noqa: BLE001 - every failure is a result
            results.append({"id": t["id"], "ok": False, "error": f"{type(e).__name__}: {e}"})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
