#!/usr/bin/env python3
"""Generates test-vectors/jwt.json: RFC JOSE vectors plus partner-JWT cases made by an
independent implementation (PyJWT + Python `cryptography`).

Deterministic: every key is fixed below (the two RSA keys were generated once with
`cryptography` and pasted here; EC/Ed25519 keys come from fixed scalars/seeds). RS256
(PKCS#1 v1.5) and EdDSA signatures are deterministic, so re-running reproduces them;
ES256 signatures are randomized, so ES256 cases are verify-only and re-running changes
their bytes but not their outcome.

Usage: pip install pyjwt cryptography && python3 scripts/gen-vectors/jwt.py
"""

RSA_PEM = """-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDX+AO0bECOTsYG
tpLhy3ljWbUyL2SyHA5COjOEdii1q777VgtqjNvl5WjkXnysXN/I5uoCPQ40LmcH
BHZNclb2BRnaUp8ZpJ+AAQjtaK+Gvgr5LYkewmalhppabBm7jCnna8/+xaasi9VR
oF6yPacgJNIyKaEMFXRjbX1yNgybRs5s4gekWcpbcgyR7o4L45U/xKrkVmlXK129
y13SmiXu0eVY69xcylbXSMta2XtDi5eTqH6BFYsbK4RH+QEizGigYdBigL+xbMlR
FLkkKyd3r102fCZq0BKD3r0qY0hrBtwONlOZ66o754zXbhvUApb9bSlyJ8xjNP/D
x3IUuJDXAgMBAAECggEAA2fgWxSH8haQ7eMsLs5gJC5yeo+fxWVG3kl/rXuVicPj
F6CUPoJpJ1d2T3+j9K3kQ41MrGtdEXqX2lb6LJ98epW7AiPiaWucrk6V3vSTLAtM
LgDHVEpZhwu33Gwu/bOop4MePRTN25O68fYW+DWbsJiUDgF1DjU6aCT+YPI0QbCV
O5rIKq+ZAhKs4P9iSrAaTU4OFZtkW2nwfNUCLl4WO/sxO0z23O/tfBPAhp7mUCc1
pICpyWmab9YBJLio0dSYhtPQEZe0tzHMCFrHC461SIyJzWITxWuIViuSQEFfYagN
FtKUiwV1c4oJKXPw2ny59jhPaOgQohhO/UcekLHkjQKBgQD6LKNbCPjzcBdQODqo
s08j4OvNzmFShN++emiTQQEGYntCXC5eJXj1wEiOrVWEcrGYv3JU7OecBD+2QkIi
5zs+SZS9bNt6TL12gvQT21F72NW93KJC5lds36yOkt1IFingwE+6BDrct907dlsW
3TmI2AMvzEJW4eOWfrzIzRdjlQKBgQDc/3eUF6i/t4oPCj/GnPjDwRisnrHY0flo
00086fYcL/a5KIjwjhC/lkLX5QTozr2PbzJ/wqaaJI8rWZw64C+bL7Q0q6N197Ff
ZoLiYk0D3NHbUHfiZ0qCyf5O1gme+jiSD+7uZcKFL/LcOA3dmOLz5yxjnF21X2Wz
rsiQTtLHuwKBgFxto4jdvsSKFELyE1ICtWmHDvfBmRlYuCVyqjJFYPCP8AQrdIIa
DB+Xg/cauS6vBUhu6vnPcR6mPzfCMRceITg5DTgTAN+lfJZNeYngjLFaAlYcLuLS
oVg7J1ChmBmq/pvn0UzjhS/IynbOmobPAxO44yyEpbndySzv9CWoCE0lAoGBAItb
8Z0KelhDNiUb0nG9ZMWUi6m2/PF8H2nx7T/fTVojCNNj8062V2tpJseb3MeuLy02
8sJMDeEf8sRkYrdhzcNvhpS8M3zdcBV3wEtfr68i3ZcOHDtB5WOqWtp98F027tt0
frgIpWx1exFRq7S0h1FE0uIRpaoM+UYgjsspWZOnAoGBAIEQ5p2eg7ysnQ7CIaap
mupbRvKfkn7HCsga+Uo++VK18x+vJ0oVlGazv7aG5/NIncNfUJTMmtKEamYQxArD
zqQevfK6rvA3qWvwClEySgBiCvMYD7NsVftylDAvFhgDzCHrEpYY7JX4kPo4zr7W
pfeKDiqVXFBOnOApgq0Lc6+d
-----END PRIVATE KEY-----
"""

RSA_OTHER_PEM = """-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCp/LTcKMT63rSe
F2dR4xnfIFiSXoLA7/1BJ6GUa0cklYXT+ZploXoJAE+SBmotm8oB5ry7WC92Ulir
dqkhW6XUhDIJISXUzpARM8YqSWn+vJeLYHU+qi9K/m4QIClV3VllspJlzzJdedwK
3+fJPB+mxtbBESR4T6ypPYNAOrzgouT8D1TwZb3KzbdtuTgjd2Qv7Vkyso2vu7xD
Uzzi/z4SknOlIuz/rQ9fQQppCvJhDzwbFyOyVoUKMNr1HLijKF+TlihuswNJcNz2
A/S0O88giluK64t8t+iSkYcivVB9+qLlGFw7Ij3VuoEGYAgNmKEoqePGpYARMjwU
T0U8s+L3AgMBAAECggEABDME+MddDmGADsO/PqugkP2Ikp0ZF9EV7Y0gFb2MtV+o
PbNV2BrkG+LRFGdqKhRGKkPb97jW+1JPdHTq+rL75sMZRVZ3S8mKj5I63AKSRsO7
7qqEWvbzUiP07hsNSly8f6GosjErKln/UJl1bWg50/Hnjj9xKjO1rTyiyGxrDBWP
w0Oz8elp+A2PitTTdYcsTf7lXqNZ71MHH74XmErKk8XZuN5i3MDRYkJOnWSZgTTp
it7yNA6XCUswfFVoBM6nS5kH6vZP+yINBfYbKqY6N+b01D9UukqtxHrRMw28Yitn
d0UWWPBjPoK4oFfI5rlKieQNXey/XyJUmJOb1yq06QKBgQDgGfRmMcmwbg5HeEVS
gXjrZ33Kb4alaNbPb6Csls+jqbStKXjXqNtExSm1vU7wLZqklvbROpFHkqnsi1Ze
Wx9Hu22X01Wi1bN1oIdLQYieTS26HQbFeXYGKJBP0UHGuHO5qHeEWQSn0+rN20WS
T7Xp7lOtnhT5Sj/nZgTFvVdTwwKBgQDCLuEG1w/RCzsnKRm4q4oeyODfovVsM8Rw
a8boeBU3pvDUcTYQalGw0Nmu2RTjtsoEfyWvwm/W3Sn9gp35ywM59YSCsXco4XjA
/MKIH3cgC087kPizafj7DlwHbXr+o5B0wJKsPMLz8qMWdYOSmQM/V6dyFycrjy0x
6JsTD6QEvQKBgAIHGhgGoU2QYV6yLuZlN4PhxtibE7vRbAgqeWi2YKCZe4IJmwdQ
htNjeVIkqV8w+nI8z3TrM79TC2iRhjGKX4kVoBM8nUzA5EPPNQowSJ0uE5jYhGQr
Ci9aFJw0R4UVzC5E4Pf4mjsuhrRgJIwDXqEEQAuVH5l124greyWS5gRjAoGABD+2
WMn35KEUSEUT9QB74zSOBxavvBBd6f/RuGB4RmF2v49CmZVZ+D55pOPHGzxyqyqF
DpV4kQEB3DQxdLfGeEww/BMaAmD8nWxqbUQS/TaCI1GGv5ZABm5IATmaCVxW2tcj
3nTt5xyWCPXFTT3f3lDyrwJmrwNQ/9iRHBephRkCgYEAjoeCAvJjATbwwaWweqRg
MzwVUKbU+ABUoC0wAC1ZRMAut/H1wt5voxCHY65zJgpw3X0ImceS8F27Pz6wUxGx
crwweabQvtkck/9Iud21ajgE9HX7f8C3mbJoN3rz87JV9AGWoQTJKWQjdYPMSE1v
V5cfqgU4kE2HCeuen7/VDZo=
-----END PRIVATE KEY-----
"""

import base64
import hashlib
import hmac
import json
import os

import sys

# This file is named jwt.py: keep it from shadowing PyJWT.
sys.path = [p for p in sys.path if os.path.abspath(p or '.') != os.path.dirname(os.path.abspath(__file__))]
import jwt as pyjwt  # noqa: E402
import jwt.algorithms  # noqa: E402,F401
from cryptography.hazmat.primitives import hashes, serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test-vectors", "jwt.json")

P256_D = 0x1F0E6C0A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6
K256_D = 0x2C4E6F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4
ED_SEED = bytes(range(1, 33))
IAT = 1_700_000_000
KID_RSA, KID_EC = "moca-rsa-2024", "moca-ec-2024"


def b64u(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def pem_priv(k, fmt=ser.PrivateFormat.PKCS8) -> str:
    return k.private_bytes(ser.Encoding.PEM, fmt, ser.NoEncryption()).decode()


def pem_pub(k, fmt=ser.PublicFormat.SubjectPublicKeyInfo) -> str:
    return k.public_bytes(ser.Encoding.PEM, fmt).decode()


def int_b64u(i: int) -> str:
    return b64u(i.to_bytes((i.bit_length() + 7) // 8, "big"))


def required_members(pub) -> dict:
    """RFC 7638 required members, lexicographic order."""
    if isinstance(pub, rsa.RSAPublicKey):
        n = pub.public_numbers()
        return {"e": int_b64u(n.e), "kty": "RSA", "n": int_b64u(n.n)}
    if isinstance(pub, ec.EllipticCurvePublicKey):
        n = pub.public_numbers()
        crv = {"secp256r1": "P-256", "secp256k1": "secp256k1"}[pub.curve.name]
        return {"crv": crv, "kty": "EC", "x": b64u(n.x.to_bytes(32, "big")), "y": b64u(n.y.to_bytes(32, "big"))}
    raw = pub.public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    return {"crv": "Ed25519", "kty": "OKP", "x": b64u(raw)}


def thumbprint(pub) -> str:
    js = json.dumps(required_members(pub), separators=(",", ":"), sort_keys=True)
    return b64u(hashlib.sha256(js.encode()).digest())


def public_jwk(pub, alg: str, kid=None) -> dict:
    m = dict(required_members(pub))
    m.update({"kid": kid or thumbprint(pub), "alg": alg, "use": "sig"})
    return m


rsa_key = ser.load_pem_private_key(RSA_PEM.encode(), None)
rsa_other = ser.load_pem_private_key(RSA_OTHER_PEM.encode(), None)
p256_key = ec.derive_private_key(P256_D, ec.SECP256R1())
p256_other = ec.derive_private_key(P256_D + 1, ec.SECP256R1())
k256_key = ec.derive_private_key(K256_D, ec.SECP256K1())
ed_key = ed25519.Ed25519PrivateKey.from_private_bytes(ED_SEED)

RSA_PUB_PEM = pem_pub(rsa_key.public_key())
P256_PEM = pem_priv(p256_key)
P256_PUB_PEM = pem_pub(p256_key.public_key())
ED_PEM = pem_priv(ed_key)

cases = []


def case(id_, source, op, inputs, expected="valid", error_code=None, output=None, comment=""):
    c = {"id": id_, "comment": comment, "source": source, "op": op, "inputs": inputs, "expected": expected}
    if error_code:
        c["error_code"] = error_code
    if output is not None:
        c["output"] = output
    cases.append(c)


def claims(email="user@example.com", scope="issue", iat=IAT, ttl=300, **extra):
    c = {"partnerId": "partner-123", "scope": scope, "email": email}
    c.update(extra)
    c.update({"iat": iat, "exp": iat + ttl})
    return c


def pyjwt_token(key, alg, kid, payload, headers=None):
    h = {"kid": kid, "typ": "JWT"}
    h.update(headers or {})
    return pyjwt.encode(payload, key, algorithm=alg, headers=h)


def manual_token(header: dict, payload: dict, sign) -> str:
    si = b64u(json.dumps(header, separators=(",", ":")).encode()) + "." + b64u(json.dumps(payload, separators=(",", ":")).encode())
    return si + "." + b64u(sign(si.encode()))


def rs256(key):
    from cryptography.hazmat.primitives.asymmetric import padding
    return lambda m: key.sign(m, padding.PKCS1v15(), hashes.SHA256())


def es256_p1363(key):
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
    def s(m):
        r, ss = decode_dss_signature(key.sign(m, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + ss.to_bytes(32, "big")
    return s


# ---------------------------------------------------------------- RFC vectors
A1_K = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
A1 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
A3_JWK = {"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}
A3 = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
A4_JWK = {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
A4 = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
RFC7638_JWK = {"kty": "RSA", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw", "e": "AQAB", "alg": "RS256", "kid": "2011-04-29"}

case("rfc7515-a1-hs256-hmac-level", "rfc7515", "jwt.verify_hs256_with_hmac", {"token": A1, "jwk_k": A1_K},
     comment="A.1 HS256 checked at the HMAC level only (HmacKey over the signing input)")
case("rfc7515-a1-hs256-rejected-by-pinned-api", "rfc7515", "jwt.verify_jwt",
     {"token": A1, "key": RSA_PUB_PEM, "now": 1300819300}, "invalid", "algorithm_not_allowed",
     comment="A.1 HS256 presented to the pinned RSA-key API")
case("rfc7515-a1-hs256-rejected-ec-key", "rfc7515", "jwt.verify_jwt",
     {"token": A1, "key": json.dumps(A3_JWK), "now": 1300819300}, "invalid", "algorithm_not_allowed")
case("rfc7515-a3-es256", "rfc7515", "jwt.verify_jwt", {"token": A3, "key": json.dumps(A3_JWK), "now": 1300819300}, output={
    "header": {"alg": "ES256"}, "claims": {"iss": "joe", "exp": 1300819380, "http://example.com/is_root": True}},
     comment="A.3 with the clock pinned 80 s before exp")
case("rfc7515-a3-es256-expired", "rfc7515", "jwt.verify_jwt", {"token": A3, "key": json.dumps(A3_JWK), "now": 1300819440},
     "invalid", "expired", comment="exp + 60 s leeway reached")
case("rfc7515-a3-es256-wrong-key-type", "rfc7515", "jwt.verify_jwt",
     {"token": A3, "key": json.dumps(A4_JWK), "now": 1300819300}, "invalid", "algorithm_not_allowed")
case("rfc8037-a4-eddsa", "rfc8037", "jwt.verify_jws", {"token": A4, "key": json.dumps(A4_JWK)},
     output={"payload_utf8": "Example of Ed25519 signing"}, comment="payload is not JSON: JWS-level verify")
case("rfc8037-a4-eddsa-not-a-jwt", "rfc8037", "jwt.verify_jwt", {"token": A4, "key": json.dumps(A4_JWK), "now": 0},
     "invalid", "malformed_token", comment="the A.4 payload is not a claims set")
case("rfc7638-3.1-thumbprint", "rfc7638", "keys.thumbprint", {"jwk": json.dumps(RFC7638_JWK)},
     output={"thumbprint": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"})

# ------------------------------------------------------- key parsing / JWK export
def der_hex(k, private=True, fmt=None):
    if private:
        return k.private_bytes(ser.Encoding.DER, fmt or ser.PrivateFormat.PKCS8, ser.NoEncryption()).hex()
    return k.public_key().public_bytes(ser.Encoding.DER, fmt or ser.PublicFormat.SubjectPublicKeyInfo).hex()


key_forms = [
    ("rsa-pkcs8-pem", {"pem": RSA_PEM}, rsa_key, "RS256"),
    ("rsa-pkcs1-pem", {"pem": pem_priv(rsa_key, ser.PrivateFormat.TraditionalOpenSSL)}, rsa_key, "RS256"),
    ("rsa-spki-pem", {"pem": RSA_PUB_PEM}, rsa_key, "RS256"),
    ("rsa-pkcs1-public-pem", {"pem": pem_pub(rsa_key.public_key(), ser.PublicFormat.PKCS1)}, rsa_key, "RS256"),
    ("rsa-pkcs1-der", {"der_hex": der_hex(rsa_key, fmt=ser.PrivateFormat.TraditionalOpenSSL)}, rsa_key, "RS256"),
    ("rsa-jwk-private", {"jwk": pyjwt.algorithms.RSAAlgorithm.to_jwk(rsa_key)}, rsa_key, "RS256"),
    ("p256-pkcs8-pem", {"pem": P256_PEM}, p256_key, "ES256"),
    ("p256-sec1-pem", {"pem": pem_priv(p256_key, ser.PrivateFormat.TraditionalOpenSSL)}, p256_key, "ES256"),
    ("p256-spki-der", {"der_hex": der_hex(p256_key, private=False)}, p256_key, "ES256"),
    ("p256-jwk-private", {"jwk": pyjwt.algorithms.ECAlgorithm.to_jwk(p256_key)}, p256_key, "ES256"),
    ("k256-pkcs8-pem", {"pem": pem_priv(k256_key)}, k256_key, "ES256K"),
    ("k256-sec1-der", {"der_hex": der_hex(k256_key, fmt=ser.PrivateFormat.TraditionalOpenSSL)}, k256_key, "ES256K"),
    ("ed25519-pkcs8-pem", {"pem": ED_PEM}, ed_key, "EdDSA"),
    ("ed25519-spki-pem", {"pem": pem_pub(ed_key.public_key())}, ed_key, "EdDSA"),
    ("ed25519-jwk-public", {"jwk": pyjwt.algorithms.OKPAlgorithm.to_jwk(ed_key.public_key())}, ed_key, "EdDSA"),
]
for name, inp, k, alg in key_forms:
    case(f"key-{name}", "py-cryptography", "keys.public_jwk", inp,
         output={"alg": alg, "jwk": public_jwk(k.public_key(), alg), "thumbprint": thumbprint(k.public_key())},
         comment="parse, then export the public JWK (kid = RFC 7638 thumbprint)")

case("key-oct-jwk-refused", "py-cryptography", "keys.public_jwk", {"jwk": json.dumps({"kty": "oct", "k": A1_K})},
     "invalid", "algorithm_not_allowed", comment="symmetric JWKs are never keys here")
case("key-p384-unsupported", "py-cryptography", "keys.public_jwk",
     {"pem": pem_pub(ec.derive_private_key(7, ec.SECP384R1()).public_key())}, "invalid", "unsupported_algorithm")
case("key-garbage-pem", "py-cryptography", "keys.public_jwk", {"pem": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"},
     "invalid", "invalid_key")
case("key-oversized-pem", "py-cryptography", "keys.public_jwk", {"pem": "A" * 20000}, "invalid", "input_too_large")
mismatch = json.loads(pyjwt.algorithms.ECAlgorithm.to_jwk(p256_key))
mismatch["x"] = json.loads(pyjwt.algorithms.ECAlgorithm.to_jwk(p256_other))["x"]
case("key-jwk-public-mismatch", "py-cryptography", "keys.public_jwk", {"jwk": json.dumps(mismatch), "private": True},
     "invalid", "invalid_key", comment="a private JWK whose x does not belong to d")

# --------------------------------------------------------------- partner JWTs
for kname, key, alg, kid in [("rs256", rsa_key, "RS256", KID_RSA), ("es256", p256_key, "ES256", KID_EC)]:
    pub = RSA_PUB_PEM if alg == "RS256" else P256_PUB_PEM
    tok = pyjwt_token(key, alg, kid, claims())
    case(f"partner-{kname}-pyjwt", "pyjwt", "moca.verify_partner_jwt", {"token": tok, "key": pub, "now": IAT + 10},
         output={"partnerId": "partner-123", "scope": "issue", "email": "user@example.com", "kid": kid},
         comment=f"made by PyJWT {pyjwt.__version__} exactly as the Moca recipe does")
    jwks = json.dumps({"keys": [public_jwk(rsa_other.public_key(), "RS256", "other"),
                                public_jwk(key.public_key(), alg, kid)]})
    case(f"partner-{kname}-pyjwt-jwks", "pyjwt", "moca.verify_partner_jwt", {"token": tok, "jwks": jwks, "now": IAT + 10},
         output={"partnerId": "partner-123", "scope": "issue", "email": "user@example.com", "kid": kid},
         comment="key selected from a JWKS by kid")
    case(f"partner-{kname}-expired", "pyjwt", "moca.verify_partner_jwt", {"token": tok, "key": pub, "now": IAT + 300 + 60},
         "invalid", "expired", comment="exp + 60 s default leeway")
    case(f"partner-{kname}-wrong-key", "pyjwt", "moca.verify_partner_jwt",
         {"token": tok, "key": pem_pub((rsa_other if alg == "RS256" else p256_other).public_key()), "now": IAT + 10},
         "invalid", "signature_invalid")
    case(f"partner-{kname}-truncated", "pyjwt", "moca.verify_partner_jwt",
         {"token": tok[: tok.rindex(".")], "key": pub, "now": IAT + 10}, "invalid", "malformed_token")
    case(f"partner-{kname}-jwks-unknown-kid", "pyjwt", "moca.verify_partner_jwt",
         {"token": pyjwt_token(key, alg, "nope", claims()), "jwks": jwks, "now": IAT + 10}, "invalid", "key_not_found")

# Byte-exact RS256 signing (PKCS#1 v1.5 is deterministic).
for scope, ttl in [("issue", 300), ("verify", 900), ("issue on-behalf", 60)]:
    c = claims(scope=scope, ttl=ttl)
    case(f"sign-rs256-{scope.replace(' ', '-')}-{ttl}", "pyjwt", "moca.sign_partner_jwt",
         {"key": RSA_PEM, "kid": KID_RSA, "partner_id": "partner-123", "scope": scope, "email": "user@example.com",
          "iat": IAT, "ttl": ttl}, output={"token": pyjwt_token(rsa_key, "RS256", KID_RSA, c)},
         comment="kycrypt output must equal PyJWT's byte for byte")
case("sign-es256-roundtrip", "pyjwt", "moca.sign_partner_jwt",
     {"key": P256_PEM, "kid": KID_EC, "partner_id": "partner-123", "scope": "issue", "email": "user@example.com",
      "iat": IAT, "ttl": 300}, comment="ECDSA is randomized: the runner verifies the result with the public key")
case("sign-ttl-above-cap", "moca-spec", "moca.sign_partner_jwt",
     {"key": RSA_PEM, "kid": KID_RSA, "partner_id": "p", "scope": "issue", "email": "e@x", "iat": IAT, "ttl": 901},
     "invalid", "invalid_argument", comment="Moca's tooling refuses more than 15 minutes")
case("sign-eddsa-key-refused", "moca-spec", "moca.sign_partner_jwt",
     {"key": ED_PEM, "kid": "k", "partner_id": "p", "scope": "issue", "email": "e@x", "iat": IAT, "ttl": 300},
     "invalid", "algorithm_not_allowed", comment="partner JWTs are RS256 or ES256 only")

# ---------------------------------------------------------------------- traps
now = IAT + 10
base = claims()
rsa_sig, ec_sig = rs256(rsa_key), es256_p1363(p256_key)
trap = lambda id_, tok, code, comment, key=RSA_PUB_PEM: case(
    f"trap-{id_}", "pyjwt", "moca.verify_partner_jwt", {"token": tok, "key": key, "now": now}, "invalid", code, comment=comment)
trap("alg-none", pyjwt.encode(base, None, algorithm="none", headers={"kid": KID_RSA}), "algorithm_not_allowed", "alg none (PyJWT)")
trap("hs256-rsa-public-pem-as-secret",
     manual_token({"alg": "HS256", "kid": KID_RSA, "typ": "JWT"}, base,
                  lambda m: hmac.new(RSA_PUB_PEM.encode(), m, hashlib.sha256).digest()),
     "algorithm_not_allowed", "classic key confusion: HMAC keyed with the RSA public key PEM")
trap("unknown-crit", pyjwt_token(rsa_key, "RS256", KID_RSA, base, {"crit": ["urn:x:ext"], "urn:x:ext": 1}),
     "unknown_critical_header", "crit lists an extension nobody understands")
trap("b64-false", manual_token({"alg": "RS256", "kid": KID_RSA, "b64": False, "crit": ["b64"]}, base, rsa_sig),
     "unknown_critical_header", "RFC 7797 unencoded payload")
trap("b64-false-no-crit", manual_token({"alg": "RS256", "kid": KID_RSA, "b64": False}, base, rsa_sig),
     "unknown_critical_header", "b64:false even without crit")
trap("expired", pyjwt_token(rsa_key, "RS256", KID_RSA, claims(iat=IAT - 1000)), "expired", "exp 690 s ago")
trap("future-nbf", pyjwt_token(rsa_key, "RS256", KID_RSA, dict(base, nbf=now + 120)), "not_yet_valid", "nbf 2 min ahead")
trap("future-iat", pyjwt_token(rsa_key, "RS256", KID_RSA, claims(iat=now + 400)), "not_yet_valid", "iat beyond leeway")
trap("no-exp", pyjwt_token(rsa_key, "RS256", KID_RSA, {k: v for k, v in base.items() if k != "exp"}),
     "malformed_token", "exp is required")
trap("no-partner-id", pyjwt_token(rsa_key, "RS256", KID_RSA, {k: v for k, v in base.items() if k != "partnerId"}),
     "malformed_token", "partnerId is required")
trap("oversized", pyjwt_token(rsa_key, "RS256", KID_RSA, dict(base, pad="x" * 20000)), "input_too_large", "> 16 KiB")
trap("es256-der-signature",
     manual_token({"alg": "ES256", "kid": KID_EC, "typ": "JWT"}, base, lambda m: p256_key.sign(m, ec.ECDSA(hashes.SHA256()))),
     "signature_invalid", "DER-encoded ECDSA signature instead of r||s", key=P256_PUB_PEM)
trap("es256-token-rsa-key", pyjwt_token(p256_key, "ES256", KID_EC, base), "algorithm_not_allowed",
     "ES256 token against the RSA key")
# Lifetime and NumericDate rules of verification (issue 13, findings 4 and 5): iat is required,
# exp - iat is at most 900 s (Moca's cap) whoever signed, and dates may carry fractions.
trap("no-iat", pyjwt_token(rsa_key, "RS256", KID_RSA, {k: v for k, v in base.items() if k != "iat"}),
     "malformed_token", "iat is required for partner JWTs")
trap("lifetime-901", pyjwt_token(rsa_key, "RS256", KID_RSA, claims(ttl=901)), "malformed_token",
     "exp - iat = 901 s, above Moca's 900 s cap")
trap("forever-no-iat", pyjwt_token(rsa_key, "RS256", KID_RSA, dict({k: v for k, v in base.items() if k != "iat"},
     exp=2**53)), "malformed_token", "exp = 2^53 and no iat: would verify forever")
trap("exp-beyond-2-53", pyjwt_token(rsa_key, "RS256", KID_RSA, dict(base, exp=2**53 + 1)), "malformed_token",
     "a NumericDate above 2^53")
trap("exp-string", manual_token({"alg": "RS256", "kid": KID_RSA, "typ": "JWT"}, dict(base, exp=str(base["exp"])), rsa_sig),
     "malformed_token", "exp as a string is not a NumericDate")
trap("exp-negative", manual_token({"alg": "RS256", "kid": KID_RSA, "typ": "JWT"}, dict(base, exp=-1), rsa_sig),
     "malformed_token", "a negative NumericDate")
case("partner-lifetime-900", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, claims(ttl=900)), "key": RSA_PUB_PEM, "now": now},
     output={"partnerId": "partner-123", "scope": "issue", "email": "user@example.com", "kid": KID_RSA},
     comment="exactly Moca's 900 s cap is accepted")
FRAC = dict(base, iat=IAT + 0.25, exp=IAT + 300.5)
case("partner-fractional-times", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, FRAC), "key": RSA_PUB_PEM, "now": now},
     output={"partnerId": "partner-123", "scope": "issue", "email": "user@example.com", "kid": KID_RSA},
     comment="PyJWT users put time.time() floats in iat/exp: RFC 7519 NumericDates may have fractions")
case("partner-fractional-exp-floor", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, FRAC), "key": RSA_PUB_PEM, "now": IAT + 300 + 60},
     "invalid", "expired", comment="exp 1700000300.5 expires at its floor: 1700000300 + 60 s leeway")
case("partner-fractional-iat-ceil", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, FRAC), "key": RSA_PUB_PEM, "now": IAT - 60},
     "invalid", "not_yet_valid", comment="iat 1700000000.25 counts from its ceiling: 1700000001 > now + 60")

# JWKS selection as jose's createLocalJWKSet does it (issue 13, findings 9 and 10).
ops_jwk = dict(public_jwk(rsa_key.public_key(), "RS256", KID_RSA), key_ops=["encrypt"])
case("partner-jwks-key-ops-without-verify", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, base), "jwks": json.dumps({"keys": [ops_jwk]}), "now": now},
     "invalid", "key_not_found", comment="the only key with the kid has key_ops [encrypt]: it may not verify (jose refuses)")
ops_ok = dict(public_jwk(rsa_key.public_key(), "RS256", KID_RSA), key_ops=["verify"])
case("partner-jwks-key-ops-verify", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, base), "jwks": json.dumps({"keys": [ops_ok]}), "now": now},
     output={"partnerId": "partner-123", "scope": "issue", "email": "user@example.com", "kid": KID_RSA},
     comment="key_ops [verify] is usable")
case("partner-jwks-ambiguous-kid", "pyjwt", "moca.verify_partner_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, base),
      "jwks": json.dumps({"keys": [public_jwk(rsa_other.public_key(), "RS256", KID_RSA),
                                   public_jwk(rsa_key.public_key(), "RS256", KID_RSA)]}), "now": now},
     "invalid", "invalid_key", comment="two usable keys share the kid: ambiguous, refused (jose refuses too), never the first")
trap("tampered-payload", (lambda t: t.split(".")[0] + "." + b64u(json.dumps(dict(base, email="evil@example.com"),
     separators=(",", ":")).encode()) + "." + t.split(".")[2])(pyjwt_token(rsa_key, "RS256", KID_RSA, base)),
     "signature_invalid", "email changed after signing")
case("aud-wrong", "pyjwt", "jwt.verify_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, dict(base, aud="someone-else")), "key": RSA_PUB_PEM, "now": now,
      "audience": "moca"}, "invalid", "audience_mismatch")
case("aud-array-ok", "pyjwt", "jwt.verify_jwt",
     {"token": pyjwt_token(rsa_key, "RS256", KID_RSA, dict(base, aud=["x", "moca"])), "key": RSA_PUB_PEM, "now": now,
      "audience": "moca"}, output={"header": {"alg": "RS256", "kid": KID_RSA, "typ": "JWT"}})
case("es256k-pyjwt", "pyjwt", "jwt.verify_jwt",
     {"token": pyjwt.encode(dict(base), k256_key, algorithm="ES256K"), "key": pem_pub(k256_key.public_key()), "now": now},
     output={"header": {"alg": "ES256K", "typ": "JWT"}})
case("eddsa-pyjwt", "pyjwt", "jwt.verify_jwt",
     {"token": pyjwt.encode(dict(base), ed_key, algorithm="EdDSA"), "key": ED_PEM, "now": now},
     output={"header": {"alg": "EdDSA", "typ": "JWT"}})

doc = {
    "schema": "kycrypt-vectors/1",
    "name": "jwt",
    "description": (
        "JWS/JWT with the algorithm pinned to the key, JWK/RFC 7638, and Moca partner JWTs. Ops: "
        "jwt.verify_jwt {token, key (PEM public/private or JWK text), now, audience?} -> {header, claims} "
        "(members listed must match); "
        "jwt.verify_jws {token, key} -> {payload_utf8}; "
        "jwt.verify_hs256_with_hmac {token, jwk_k} -> valid when HMAC-SHA256(base64url-decoded jwk_k, signing input) "
        "equals the signature (an HMAC-level check, not a kycrypt JWT API); "
        "keys.thumbprint {jwk} -> {thumbprint}; "
        "keys.public_jwk {pem | der_hex | jwk, private?} -> {alg, jwk (kid = thumbprint), thumbprint} (private "
        "keys are parsed as private keys; private: true forces a JWK to be parsed as private); "
        "moca.sign_partner_jwt {key (private PEM), kid, partner_id, scope, email, iat, ttl} -> {token} (when "
        "output is absent the token must verify with the key's public part); "
        "moca.verify_partner_jwt {token, key | jwks, now} -> {partnerId, scope, email, kid}."
    ),
    "sources": {
        "rfc7515": "RFC 7515 appendix A.1 and A.3 (as in test-vectors/sources/auth-public.json jose_rfc_vectors)",
        "rfc8037": "RFC 8037 appendix A.4",
        "rfc7638": "RFC 7638 section 3.1",
        "moca-spec": "Moca AIR Kit partner authentication docs, https://docs.moca.network/airkit/usage/partner-authentication "
                     "(partner JWT: RS256/ES256, kid, 5-minute expiry recommended); the 15-minute TTL cap follows Moca's own tooling",
        "pyjwt": f"generated by scripts/gen-vectors/jwt.py with PyJWT {pyjwt.__version__} and fixed keys",
        "py-cryptography": "generated by scripts/gen-vectors/jwt.py with Python cryptography (fixed keys)",
    },
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
print(f"{len(cases)} cases -> {os.path.normpath(OUT)}")
