#!/usr/bin/env python3
"""Generates test-vectors/did.json and test-vectors/did_jwt.json.

Independent implementation: Python `cryptography` (Ed25519) plus the stdlib
(json, base64, hashlib) and a base58btc encoder written here. Deterministic:
keys come from fixed seeds and Ed25519 is deterministic, so re-running
reproduces both files byte for byte.

Usage: python3 scripts/gen-vectors/did_jwt.py   (from the repository root)
"""

import base64
import copy
import hashlib
import json
import os

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

# ---------------------------------------------------------------- helpers


def b58encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def multibase_ed25519(pub: bytes) -> str:
    return "z" + b58encode(b"\xed\x01" + pub)


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def cjson(obj) -> bytes:
    """Compact JSON as JavaScript's JSON.stringify writes it."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def key_from_seed(seed: bytes):
    sk = Ed25519PrivateKey.from_private_bytes(seed)
    pub = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sk, pub


def jws(sk, header: dict, payload: dict) -> str:
    signing_input = b64u(cjson(header)) + "." + b64u(cjson(payload))
    return signing_input + "." + b64u(sk.sign(signing_input.encode()))


def on_curve(y_le: bytes) -> bool:
    """RFC 8032 5.1.3 point decoding: is there an x for this y?"""
    p = 2**255 - 19
    d = (-121665 * pow(121666, p - 2, p)) % p
    y = int.from_bytes(y_le, "little") & ((1 << 255) - 1)
    if y >= p:
        return False
    u, v = (y * y - 1) % p, (d * y * y + 1) % p
    x2 = u * pow(v, p - 2, p) % p
    if x2 == 0:
        return (y_le[31] >> 7) == 0
    return pow(x2, (p - 1) // 2, p) == 1


def case(cid, comment, source, op, inputs, expected="valid", error_code=None, output=None):
    c = {"id": cid, "comment": comment, "source": source, "op": op, "inputs": inputs, "expected": expected}
    if error_code:
        c["error_code"] = error_code
    if output is not None:
        c["output"] = output
    return c


def bad(cid, comment, source, op, inputs, code):
    return case(cid, comment, source, op, inputs, "invalid", code)


def hid_doc(did, pub, auth=("#key-1",), assertion=("#key-1",)):
    vm = did + "#key-1"
    rel = lambda xs: [vm if x == "#key-1" else x for x in xs]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
        "id": did,
        "controller": [did],
        "verificationMethod": [
            {"id": vm, "type": "Ed25519VerificationKey2020", "controller": did,
             "publicKeyMultibase": multibase_ed25519(pub)}
        ],
        "authentication": rel(auth),
        "assertionMethod": rel(assertion),
    }


# ---------------------------------------------------------------- public vectors (auth-public.json)

W3C = [
    ("00" * 32, "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
     "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS", "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"),
    ("00" * 31 + "01", "4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29",
     "6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt", "z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG"),
]
W3C_KEY_ONLY = [
    ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
     "2e6fcce36701dc791488e0d0b1745cc1e33a4c1c9fcc41c63bd343dbbe0970e6"),
    ("did:key:z6Mkf5rGMoatrSj1f4CyvuHBeXJELe9RPdzo2PKGNCKVtZxP",
     "095f9a1a595dde755d82786864ad03dfa5a4fbd68832566364e2b65e13cc9e44"),
]
HID_MSI = "z6MkmEFC8N1AUsinEBNSszXoepHb45p38ZwidV58r1HPqCkU"
HID_PUB = "64ac4b2eaaa9c435ce2df1a266619884ebc1c7269a8d8bcce20f204f79710cc5"
K0 = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
DIDJWT_TOKEN = (
    "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2lUQnoxeW11ZXBBUTRIRUhZU0YxSDhxdUc1R0xWVlFSM2RqZFgzbURvb1dwI3o2TWtp"
    "VEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcw"
    "MDAwMzYwMCwiYXVkIjoiZGlkOndlYjp2ZXJpZmllci5leGFtcGxlIiwic3ViIjoidXNlci0xMjMiLCJpc3MiOiJkaWQ6a2V5Ono2TWtpVEJ6MXlt"
    "dWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.4Co4RkDQsFrEm3ksbJXZGW5jH5HcB_Llqb_8T4uE0UW-Sc756hYkxPXF7_3P"
    "MIA4ttgYkQRoHdK69JVqmIOwBw"
)
HS_TOKEN = (
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJFZERTQSJ9.eyJpYXQiOjE3NzAyOTE1MzUsImV4cCI6MTc3MDI5NTEzNSwiZW1haWwiOiJhQGIuYyIsImRpZCI6"
    "ImRpZDpoaWQ6dGVzdG5ldDp6VXNlciIsImF1ZCI6ImFwaS5jYXZhY2guaHlwZXJzaWduLmlkIiwiaXNzIjoiZGlkOmhpZDp0ZXN0bmV0Ono2TWtp"
    "VEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.-oEwtAIdXynbsULspwicfasaLO5mFlQew5kjgGHJC7e6BDRMIVk7"
    "c8PEuoYcj8g2ctdl3eJpjTSiUe-lLjkoDQ"
)
HS_DID = "did:hid:testnet:" + K0
HS_DOC = {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
    "id": HS_DID, "controller": [HS_DID], "alsoKnownAs": [HS_DID],
    "verificationMethod": [{"id": HS_DID + "#key-1", "type": "Ed25519VerificationKey2020", "controller": HS_DID,
                            "publicKeyMultibase": K0}],
    "authentication": [HS_DID + "#key-1"], "assertionMethod": [HS_DID + "#key-1"],
    "capabilityInvocation": [HS_DID + "#key-1"], "capabilityDelegation": [HS_DID + "#key-1"],
    "keyAgreement": [], "service": [],
}

# ---------------------------------------------------------------- did.json

DID_DESCRIPTION = (
    "DID parsing (did:key, did:hid), base58btc/multibase/multicodec Ed25519 keys, offline did:key resolution, "
    "resolved DID document parsing and verification-method selection. Ops: "
    "did.parse_did {did} -> {method: 'key'|'hid', namespace: string|null, method_specific_id}; "
    "did.resolve_did_key {did} -> {verification_method_id, public_key_hex}; "
    "did.decode_ed25519_multibase {multibase} -> {public_key_hex}; "
    "did.methods_for {did_document: JSON object (bare document or {didDocument, didDocumentMetadata}), iss, "
    "kid?: string, purpose?: 'authentication' (default) | 'assertionMethod'} -> {method_ids: [absolute VM ids], "
    "public_keys_hex: [...]} (errors come from parsing the document or from selection)."
)


def did_cases():
    cs = []
    src = "w3c-did-key"
    for seed, pub, b58, mb in W3C:
        _, derived = key_from_seed(bytes.fromhex(seed))
        assert derived.hex() == pub and b58encode(derived) == b58 and multibase_ed25519(derived) == mb
        did = "did:key:" + mb
        cs.append(case(f"did-key-seed-{seed[-2:]}-parse", "W3C did:key test vector (key from the seed)", src,
                       "did.parse_did", {"did": did}, output={"method": "key", "namespace": None,
                                                              "method_specific_id": mb}))
        cs.append(case(f"did-key-seed-{seed[-2:]}-resolve", "did:key resolves offline to did#msi", src,
                       "did.resolve_did_key", {"did": did},
                       output={"verification_method_id": did + "#" + mb, "public_key_hex": pub}))
        cs.append(case(f"multibase-seed-{seed[-2:]}", "publicKeyMultibase decodes to the raw key", src,
                       "did.decode_ed25519_multibase", {"multibase": mb}, output={"public_key_hex": pub}))
    for i, (did, pub) in enumerate(W3C_KEY_ONLY):
        cs.append(case(f"did-key-spec-example-{i}", "did:key spec text example (key only)", src,
                       "did.resolve_did_key", {"did": did},
                       output={"verification_method_id": did + "#" + did[8:], "public_key_hex": pub}))
    src = "hypersign"
    assert multibase_ed25519(bytes.fromhex(HID_PUB)) == HID_MSI
    cs += [
        case("did-hid-mainnet", "did:hid on mainnet (no namespace), SDK-made msi", src, "did.parse_did",
             {"did": "did:hid:" + HID_MSI}, output={"method": "hid", "namespace": None, "method_specific_id": HID_MSI}),
        case("did-hid-testnet", "did:hid with the testnet namespace", src, "did.parse_did",
             {"did": "did:hid:testnet:" + HID_MSI},
             output={"method": "hid", "namespace": "testnet", "method_specific_id": HID_MSI}),
        case("did-hid-caip10", "did:hid with a CAIP-10 account id msi", src, "did.parse_did",
             {"did": "did:hid:testnet:eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb"},
             output={"method": "hid", "namespace": "testnet",
                     "method_specific_id": "eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb"}),
        case("did-hid-msi-not-a-key", "any msi matching the grammar is a valid did:hid", src, "did.parse_did",
             {"did": "did:hid:testnet:zUser"}, output={"method": "hid", "namespace": "testnet", "method_specific_id": "zUser"}),
        case("did-hid-multibase", "the did:hid msi of the upstream doc decodes to its key", src,
             "did.decode_ed25519_multibase", {"multibase": HID_MSI}, output={"public_key_hex": HID_PUB}),
        case("did-hid-document-key-1", "Hypersign-shaped document: #key-1 for authentication", src, "did.methods_for",
             {"did_document": HS_DOC, "iss": HS_DID},
             output={"method_ids": [HS_DID + "#key-1"], "public_keys_hex": [W3C[0][1]]}),
        case("did-hid-document-wrapper", "resolver wrapper {didDocument, didDocumentMetadata}", src, "did.methods_for",
             {"did_document": {"didDocument": HS_DOC, "didDocumentMetadata": {"deactivated": False}},
              "iss": HS_DID, "kid": HS_DID + "#key-1", "purpose": "assertionMethod"},
             output={"method_ids": [HS_DID + "#key-1"], "public_keys_hex": [W3C[0][1]]}),
        bad("did-hid-document-deactivated-meta", "resolver metadata says deactivated", src, "did.methods_for",
            {"did_document": {"didDocument": HS_DOC, "didDocumentMetadata": {"deactivated": True}}, "iss": HS_DID},
            "did_deactivated"),
        bad("did-hid-document-deactivated-member", "bare document with deactivated: true", src, "did.methods_for",
            {"did_document": dict(HS_DOC, deactivated=True), "iss": HS_DID}, "did_deactivated"),
        bad("did-hid-document-other-id", "document id is not the issuer", src, "did.methods_for",
            {"did_document": HS_DOC, "iss": "did:hid:testnet:zOther"}, "issuer_mismatch"),
    ]
    # Malformed DIDs and keys.
    src = "py-cryptography"
    not_point = next(bytes([i]) + bytes(31) for i in range(2, 256) if not on_curve(bytes([i]) + bytes(31)))
    cs += [
        bad("did-key-bad-base58", "'0' is not in the base58btc alphabet", src, "did.parse_did",
            {"did": "did:key:z6Mk0TBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}, "malformed_input"),
        bad("did-key-no-z", "multibase prefix must be z", src, "did.parse_did",
            {"did": "did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}, "malformed_input"),
        bad("did-key-secp256k1-multicodec", "0xe7 0x01 (secp256k1-pub) is not Ed25519", src, "did.parse_did",
            {"did": "did:key:z" + b58encode(b"\xe7\x01" + b"\x02" + bytes(32))}, "unsupported_algorithm"),
        bad("did-key-x25519-multicodec", "0xec 0x01 (x25519-pub) is not a signing key", src, "did.resolve_did_key",
            {"did": "did:key:z" + b58encode(b"\xec\x01" + bytes(range(32)))}, "unsupported_algorithm"),
        bad("did-key-short-key", "31-byte key after the multicodec", src, "did.parse_did",
            {"did": "did:key:z" + b58encode(b"\xed\x01" + bytes(range(31)))}, "invalid_key"),
        bad("did-key-long-key", "33-byte key after the multicodec", src, "did.resolve_did_key",
            {"did": "did:key:z" + b58encode(b"\xed\x01" + bytes(range(33)))}, "invalid_key"),
        bad("did-key-not-a-point", "32 bytes that are no Ed25519 point", src, "did.parse_did",
            {"did": "did:key:" + multibase_ed25519(not_point)}, "invalid_key"),
        bad("did-hid-empty-msi", "did:hid: with nothing after it", src, "did.parse_did", {"did": "did:hid:"}, "malformed_input"),
        bad("did-hid-testnet-empty-msi", "namespace without msi", src, "did.parse_did",
            {"did": "did:hid:testnet:"}, "malformed_input"),
        bad("did-hid-bad-msi-char", "'_' is outside the msi grammar", src, "did.parse_did",
            {"did": "did:hid:testnet:z_abc"}, "malformed_input"),
        bad("did-hid-leading-dash", "msi must start with a letter or digit", src, "did.parse_did",
            {"did": "did:hid:-abc"}, "malformed_input"),
        bad("did-url-not-did", "a DID URL is not a DID", src, "did.parse_did",
            {"did": "did:hid:" + HID_MSI + "#key-1"}, "malformed_input"),
        bad("did-other-method", "only did:key and did:hid are understood", src, "did.parse_did",
            {"did": "did:web:example.com"}, "malformed_input"),
        bad("did-too-long", "DIDs above 512 bytes are refused", src, "did.parse_did",
            {"did": "did:hid:" + "a" * 600}, "input_too_large"),
        bad("resolve-hid-as-key", "resolve_did_key only takes did:key", src, "did.resolve_did_key",
            {"did": "did:hid:" + HID_MSI}, "malformed_input"),
    ]
    cs += document_cases()
    return cs


def document_cases():
    src = "py-cryptography"
    sk, pub = key_from_seed(hashlib.sha256(b"kycrypt did document key").digest())
    did = "did:hid:testnet:zDocumentTest1"
    kid1, kid2 = did + "#key-1", did + "#key-2"
    doc2018 = {"id": did, "verificationMethod": [
        {"id": "#key-1", "type": "Ed25519VerificationKey2018", "controller": did, "publicKeyBase58": b58encode(pub)}],
        "authentication": ["#key-1"]}
    jwk = {"id": did, "verificationMethod": [
        {"id": kid1, "type": "JsonWebKey2020", "controller": did,
         "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": b64u(pub)}}], "assertionMethod": [kid1]}
    embedded = {"id": did, "authentication": [
        {"id": kid2, "type": "Ed25519VerificationKey2020", "controller": did, "publicKeyMultibase": multibase_ed25519(pub)}]}
    secp = {"id": did, "verificationMethod": [
        {"id": kid1, "type": "EcdsaSecp256k1VerificationKey2019", "controller": did,
         "publicKeyMultibase": "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"}], "authentication": [kid1]}
    mixed = copy.deepcopy(secp)
    mixed["verificationMethod"].append(embedded["authentication"][0])
    mixed["authentication"].append(kid2)
    out = {"method_ids": [kid1], "public_keys_hex": [pub.hex()]}
    return [
        case("doc-2018-base58", "Ed25519VerificationKey2018 publicKeyBase58, relative ids", src, "did.methods_for",
             {"did_document": doc2018, "iss": did}, output=out),
        case("doc-jwk-2020", "JsonWebKey2020 OKP/Ed25519 under assertionMethod", src, "did.methods_for",
             {"did_document": jwk, "iss": did, "purpose": "assertionMethod"}, output=out),
        bad("doc-jwk-wrong-purpose", "method only under assertionMethod, authentication asked", src, "did.methods_for",
            {"did_document": jwk, "iss": did}, "key_not_found"),
        case("doc-embedded-auth", "method embedded in authentication", src, "did.methods_for",
             {"did_document": embedded, "iss": did, "kid": "#key-2"},
             output={"method_ids": [kid2], "public_keys_hex": [pub.hex()]}),
        case("doc-mixed-keeps-ed25519", "non-Ed25519 methods are skipped when no kid", src, "did.methods_for",
             {"did_document": mixed, "iss": did}, output={"method_ids": [kid2], "public_keys_hex": [pub.hex()]}),
        bad("doc-secp-only", "only a secp256k1 method for the purpose", src, "did.methods_for",
            {"did_document": secp, "iss": did}, "unsupported_algorithm"),
        bad("doc-kid-missing-method", "kid names a method the document lacks", src, "did.methods_for",
            {"did_document": doc2018, "iss": did, "kid": did + "#key-9"}, "key_not_found"),
        bad("doc-kid-other-did", "kid of another DID", src, "did.methods_for",
            {"did_document": doc2018, "iss": did, "kid": "did:hid:testnet:zOther#key-1"}, "issuer_mismatch"),
        bad("doc-duplicate-ids", "two methods with the same id", src, "did.methods_for",
            {"did_document": dict(doc2018, verificationMethod=doc2018["verificationMethod"] * 2), "iss": did},
            "malformed_input"),
        bad("doc-jwk-with-d", "a private JWK in a DID document", src, "did.methods_for",
            {"did_document": {"id": did, "verificationMethod": [dict(jwk["verificationMethod"][0], publicKeyJwk={
                "kty": "OKP", "crv": "Ed25519", "x": b64u(pub), "d": b64u(bytes(32))})]}, "iss": did}, "malformed_input"),
        bad("doc-2018-short-key", "31-byte publicKeyBase58", src, "did.methods_for",
            {"did_document": {"id": did, "verificationMethod": [dict(doc2018["verificationMethod"][0],
                                                                     publicKeyBase58=b58encode(pub[:31]))]}, "iss": did},
            "invalid_key"),
        bad("doc-no-id", "document without id", src, "did.methods_for",
            {"did_document": {"verificationMethod": []}, "iss": did}, "malformed_input"),
        bad("doc-oversized", "document above 64 KiB", src, "did.methods_for",
            {"did_document": dict(doc2018, service=[{"id": "#s", "serviceEndpoint": "x" * 70000}]), "iss": did},
            "input_too_large"),
    ]

# ---------------------------------------------------------------- did_jwt.json

JWT_DESCRIPTION = (
    "DID-JWT (EdDSA) verification and Hypersign-shaped signing. Ops: "
    "did_jwt.verify {token, audience, now, leeway?: seconds (default 60, max 300), purpose?: 'authentication' "
    "(default) | 'assertionMethod', did_document?: JSON object (bare or resolver wrapper; absent => did:key is "
    "resolved offline), allow_hid_msi_key?: bool (opt-in: derive a did:hid key from its msi; default false), "
    "accept_ed25519_alias?: bool (header alg 'Ed25519' accepted as EdDSA; default true)} -> {issuer, signer (verification method id), claims: JSON object}; "
    "did_jwt.sign {seed_hex: 32-byte Ed25519 seed, did, audience, claims: JSON object (or any JSON value, "
    "to test rejection), iat, ttl, kid?} -> {token} (byte-exact)."
)

AUD = "api.cavach.hypersign.id"
NOW = 1770000000


def jwt_cases():
    cs = []
    src = "did-jwt"
    did0 = "did:key:" + K0
    vm0 = did0 + "#" + K0
    didjwt_claims = {"iat": 1700000000, "exp": 1700003600, "aud": "did:web:verifier.example", "sub": "user-123",
                     "iss": did0}
    h0, p0, s0 = DIDJWT_TOKEN.split(".")
    key_from_seed(bytes(32))[0].public_key().verify(base64.urlsafe_b64decode(s0 + "=="), (h0 + "." + p0).encode())
    ok0 = {"issuer": did0, "signer": vm0, "claims": didjwt_claims}
    v = lambda **kw: dict({"token": DIDJWT_TOKEN, "audience": "did:web:verifier.example"}, **kw)
    cs += [
        case("didjwt-did-key", "did-jwt 9.0.1 createJWT token, did:key resolved offline", src, "did_jwt.verify",
             v(now=1700000100), output=ok0),
        case("didjwt-skew-300-last-second", "did-jwt NBF_SKEW 300: still valid at exp+299", src, "did_jwt.verify",
             v(now=1700003899, leeway=300), output=ok0),
        bad("didjwt-skew-300-expired", "did-jwt NBF_SKEW 300: expired at exp+300", src, "did_jwt.verify",
            v(now=1700003900, leeway=300), "expired"),
        case("didjwt-default-leeway-last-second", "default leeway 60: valid at exp+59", src, "did_jwt.verify",
             v(now=1700003659), output=ok0),
        bad("didjwt-default-leeway-expired", "default leeway 60: expired at exp+60", src, "did_jwt.verify",
            v(now=1700003660), "expired"),
        bad("didjwt-wrong-audience", "audience differs", src, "did_jwt.verify",
            v(now=1700000100, audience="did:web:other.example"), "audience_mismatch"),
        bad("didjwt-no-audience-config", "audience is required (did-jwt: invalid_config)", src, "did_jwt.verify",
            v(now=1700000100, audience=""), "invalid_argument"),
        bad("didjwt-leeway-above-max", "leeway above 300 s is refused", src, "did_jwt.verify",
            v(now=1700000100, leeway=301), "invalid_argument"),
        bad("didjwt-tampered-signature", "one signature character changed", src, "did_jwt.verify",
            v(now=1700000100, token=DIDJWT_TOKEN[:-3] + ("A" if DIDJWT_TOKEN[-3] != "A" else "B") + DIDJWT_TOKEN[-2:]),
            "signature_invalid"),
        bad("didjwt-not-yet-valid", "iat 1700000000 is beyond the skew at now = iat - 61", src, "did_jwt.verify",
            v(now=1700000000 - 61), "not_yet_valid"),
    ]
    src = "hypersign"
    hs_claims = {"iat": 1770291535, "exp": 1770295135, "email": "a@b.c", "did": "did:hid:testnet:zUser", "aud": AUD,
                 "iss": HS_DID}
    sk0, _ = key_from_seed(bytes(32))
    assert jws(sk0, {"typ": "JWT", "alg": "EdDSA"}, hs_claims) == HS_TOKEN, "Hypersign token not reproduced"
    hs_ok = {"issuer": HS_DID, "signer": HS_DID + "#key-1", "claims": hs_claims}
    h = lambda **kw: dict({"token": HS_TOKEN, "audience": AUD, "now": 1770291600, "did_document": HS_DOC}, **kw)
    cs += [
        case("hypersign-shaped", "issueDidJwt-shaped token with its resolved did:hid document", src, "did_jwt.verify",
             h(), output=hs_ok),
        case("hypersign-shaped-assertion", "same token for the assertionMethod purpose", src, "did_jwt.verify",
             h(purpose="assertionMethod"), output=hs_ok),
        case("hypersign-shaped-wrapper", "document in the resolver wrapper", src, "did_jwt.verify",
             h(did_document={"didDocument": HS_DOC, "didDocumentMetadata": {"deactivated": False}}), output=hs_ok),
        bad("hypersign-no-document", "did:hid without a document and without the opt-in", src, "did_jwt.verify",
            {k: x for k, x in h().items() if k != "did_document"}, "key_not_found"),
        case("hypersign-msi-opt-in", "opt-in: key derived from the msi (unsafe for rotated keys)", src,
             "did_jwt.verify", dict({k: x for k, x in h().items() if k != "did_document"}, allow_hid_msi_key=True),
             output=hs_ok),
        bad("hypersign-deactivated", "resolver metadata says deactivated", src, "did_jwt.verify",
            h(did_document={"didDocument": HS_DOC, "didDocumentMetadata": {"deactivated": True}}), "did_deactivated"),
        case("hypersign-sign-reproduces", "signing the same inputs gives the byte-exact upstream token", src,
             "did_jwt.sign", {"seed_hex": "00" * 32, "did": HS_DID, "audience": AUD,
                              "claims": {"email": "a@b.c", "did": "did:hid:testnet:zUser"}, "iat": 1770291535,
                              "ttl": 3600}, output={"token": HS_TOKEN}),
    ]
    return cs + trap_cases() + sign_cases()


def trap_cases():
    src = "py-cryptography"
    sk, pub = key_from_seed(hashlib.sha256(b"kycrypt did-jwt trap key A").digest())
    sk_b, _ = key_from_seed(hashlib.sha256(b"kycrypt did-jwt trap key B").digest())
    did_key = "did:key:" + multibase_ed25519(pub)
    vm_key = did_key + "#" + multibase_ed25519(pub)
    did = "did:hid:testnet:zTrapIssuer01"
    doc = hid_doc(did, pub)
    hdr = {"typ": "JWT", "alg": "EdDSA"}

    def claims(**kw):
        c = {"iat": NOW, "exp": NOW + 3600, "email": "trap@example.com", "aud": AUD, "iss": did}
        c.update(kw)
        return {k: x for k, x in c.items() if x is not None}

    def t(header=None, payload=None, key=sk):
        return jws(key, hdr if header is None else header, claims() if payload is None else payload)

    def vin(token, **kw):
        return dict({"token": token, "audience": AUD, "now": NOW + 10, "did_document": doc}, **kw)

    good = {"issuer": did, "signer": did + "#key-1", "claims": claims()}
    none_tok = b64u(cjson({"alg": "none", "typ": "JWT"})) + "." + b64u(cjson(claims())) + "."
    big = t(payload=claims(pad="x" * 17000))
    key_claims = claims(iss=did_key)
    return [
        case("trap-baseline", "well-formed did:hid token with its document", src, "did_jwt.verify", vin(t()), output=good),
        case("trap-baseline-kid", "absolute kid naming #key-1", src, "did_jwt.verify",
             vin(t(header=dict(hdr, kid=did + "#key-1"))), output=good),
        case("trap-alias-ed25519", "alg 'Ed25519' alias", src, "did_jwt.verify",
             vin(t(header={"typ": "JWT", "alg": "Ed25519"})), output=good),
        bad("trap-alias-not-allowed", "alg 'Ed25519' when only EdDSA is configured", src, "did_jwt.verify",
            vin(t(header={"typ": "JWT", "alg": "Ed25519"}), accept_ed25519_alias=False), "algorithm_not_allowed"),
        case("trap-aud-array", "aud array containing the audience", src, "did_jwt.verify",
             vin(t(payload=claims(aud=["other", AUD]))),
             output=dict(good, claims=claims(aud=["other", AUD]))),
        case("trap-did-key", "did:key issuer, no document", src, "did_jwt.verify",
             {"token": t(payload=key_claims), "audience": AUD, "now": NOW},
             output={"issuer": did_key, "signer": vm_key, "claims": key_claims}),
        bad("trap-alg-none", "alg none with an empty signature", src, "did_jwt.verify", vin(none_tok),
            "algorithm_not_allowed"),
        bad("trap-unknown-crit", "crit names an extension we do not understand", src, "did_jwt.verify",
            vin(t(header=dict(hdr, crit=["x-kyc"], **{"x-kyc": 1}))), "unknown_critical_header"),
        bad("trap-b64-false", "RFC 7797 b64:false", src, "did_jwt.verify",
            vin(t(header=dict(hdr, b64=False, crit=["b64"]))), "unknown_critical_header"),
        bad("trap-expired", "exp one hour ago", src, "did_jwt.verify",
            vin(t(payload=claims(iat=NOW - 7200, exp=NOW - 3600))), "expired"),
        bad("trap-future-nbf", "nbf 10 minutes ahead", src, "did_jwt.verify",
            vin(t(payload=claims(nbf=NOW + 600))), "not_yet_valid"),
        bad("trap-future-iat", "iat 10 minutes ahead", src, "did_jwt.verify",
            vin(t(payload=claims(iat=NOW + 600))), "not_yet_valid"),
        bad("trap-wrong-aud", "aud for another service", src, "did_jwt.verify",
            vin(t(payload=claims(aud="api.entity.hypersign.id"))), "audience_mismatch"),
        bad("trap-missing-aud", "no aud claim", src, "did_jwt.verify",
            vin(t(payload=claims(aud=None))), "audience_mismatch"),
        bad("trap-missing-exp", "exp is required", src, "did_jwt.verify",
            vin(t(payload=claims(exp=None))), "malformed_token"),
        bad("trap-missing-iss", "iss is required", src, "did_jwt.verify",
            vin(t(payload=claims(iss=None))), "malformed_token"),
        bad("trap-exp-string", "exp must be a number", src, "did_jwt.verify",
            vin(t(payload=claims(exp=str(NOW + 3600)))), "malformed_token"),
        # Lifetime cap and NumericDate fractions (issue 13, findings 4 and 5).
        bad("trap-lifetime-above-day", "exp - iat = 86401 s, above Hypersign's one-day cap", src, "did_jwt.verify",
            vin(t(payload=claims(exp=NOW + 86401))), "malformed_token"),
        case("trap-lifetime-day", "exp - iat = 86400 s, Hypersign's cap, is accepted", src, "did_jwt.verify",
             vin(t(payload=claims(exp=NOW + 86400))), output=dict(good, claims=claims(exp=NOW + 86400))),
        bad("trap-forever-no-iat", "no iat and exp = 2^53: would verify forever", src, "did_jwt.verify",
            vin(t(payload=claims(iat=None, exp=2**53))), "malformed_token"),
        case("trap-fractional-times", "iat/exp with fractions (RFC 7519 NumericDate; time.time() floats)", src,
             "did_jwt.verify", vin(t(payload=claims(iat=NOW + 0.5, exp=NOW + 3600.25))),
             output=dict(good, claims=claims(iat=NOW + 0.5, exp=NOW + 3600.25))),
        bad("trap-kid-other-did", "kid names another DID's method", src, "did_jwt.verify",
            vin(t(header=dict(hdr, kid="did:hid:testnet:zSomeoneElse#key-1"))), "issuer_mismatch"),
        bad("trap-kid-missing-method", "kid names a method the document lacks", src, "did_jwt.verify",
            vin(t(header=dict(hdr, kid=did + "#key-2"))), "key_not_found"),
        bad("trap-not-in-authentication", "the key is only an assertionMethod", src, "did_jwt.verify",
            vin(t(), did_document=hid_doc(did, pub, auth=())), "key_not_found"),
        bad("trap-deactivated", "deactivated: true in the document", src, "did_jwt.verify",
            vin(t(), did_document=dict(doc, deactivated=True)), "did_deactivated"),
        bad("trap-doc-other-did", "document of another DID", src, "did_jwt.verify",
            vin(t(), did_document=hid_doc("did:hid:testnet:zSomeoneElse", pub)), "issuer_mismatch"),
        bad("trap-wrong-key", "signed by key B, document lists key A", src, "did_jwt.verify",
            vin(t(key=sk_b)), "signature_invalid"),
        bad("trap-wrong-key-did-key", "did:key of key A, signed by key B", src, "did_jwt.verify",
            {"token": t(payload=key_claims, key=sk_b), "audience": AUD, "now": NOW}, "signature_invalid"),
        bad("trap-truncated", "signature segment cut off", src, "did_jwt.verify",
            vin(t().rsplit(".", 1)[0]), "malformed_token"),
        bad("trap-oversized", "token above 16 KiB", src, "did_jwt.verify", vin(big), "input_too_large"),
        bad("trap-es256-on-ed25519", "alg ES256 for an Ed25519 DID", src, "did_jwt.verify",
            vin(t(header={"typ": "JWT", "alg": "ES256"})), "algorithm_not_allowed"),
        bad("trap-payload-swapped", "payload of another token under this signature", src, "did_jwt.verify",
            vin(".".join([t().split(".")[0], t(payload=claims(email="x@example.com")).split(".")[1],
                          t().split(".")[2]])), "signature_invalid"),
    ]


def sign_cases():
    src = "py-cryptography"
    seed = hashlib.sha256(b"kycrypt did-jwt signer").digest()
    sk, pub = key_from_seed(seed)
    did = "did:hid:testnet:" + multibase_ed25519(pub)
    caller = {"name": "John", "iss": "did:evil", "sub": "s", "aud": "x", "iat": 1, "exp": 2, "nbf": 3, "jti": "j",
              "email": "john@gmail.com", "nested": {"a": [1, 2]}}
    safe = {k: x for k, x in caller.items() if k not in ("iss", "sub", "aud", "iat", "exp", "nbf", "jti")}
    iat = 1770000000
    payload = dict({"iat": iat, "exp": iat + 600}, **safe)
    payload.update(aud=AUD, iss=did)
    base = {"seed_hex": seed.hex(), "did": did, "audience": AUD, "claims": caller, "iat": iat, "ttl": 600}
    return [
        case("sign-strips-reserved", "reserved caller claims are dropped, order iat,exp,claims,aud,iss", src,
             "did_jwt.sign", base, output={"token": jws(sk, {"typ": "JWT", "alg": "EdDSA"}, payload)}),
        case("sign-with-kid", "optional kid is appended to the header", src, "did_jwt.sign",
             dict(base, kid=did + "#key-1"),
             output={"token": jws(sk, {"typ": "JWT", "alg": "EdDSA", "kid": did + "#key-1"}, payload)}),
        bad("sign-ttl-too-short", "ttl below 60 s", src, "did_jwt.sign", dict(base, ttl=59), "invalid_argument"),
        bad("sign-ttl-too-long", "ttl above 86400 s", src, "did_jwt.sign", dict(base, ttl=86401), "invalid_argument"),
        bad("sign-claims-not-object", "claims must be a JSON object", src, "did_jwt.sign", dict(base, claims=[1]),
            "malformed_input"),
        bad("sign-did-key-mismatch", "did:key of another key than the signing key", src, "did_jwt.sign",
            dict(base, did="did:key:" + K0), "key_mismatch"),
        bad("sign-empty-audience", "audience is required", src, "did_jwt.sign", dict(base, audience=""),
            "invalid_argument"),
    ]


def write(name, description, sources, cases):
    doc = {"schema": "kycrypt-vectors/1", "name": name, "description": description, "sources": sources, "cases": cases}
    with open(os.path.join(ROOT, "test-vectors", name + ".json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    write("did", DID_DESCRIPTION, {
        "w3c-did-key": "w3c-ccg/did-key-spec test-vectors/ed25519-x25519.json (seeds) and index.html examples, "
                       "via test-vectors/sources/auth-public.json did_key_ed25519",
        "hypersign": "hid-ssi-js-sdk did.ts / hid-node grammar / entity-ssi-api-service example, via "
                     "test-vectors/sources/auth-public.json did_hid and did_jwt_eddsa.hypersign_shaped_token",
        "py-cryptography": "generated by scripts/gen-vectors/did_jwt.py with Python cryptography (Ed25519) and a "
                           "base58btc encoder written there; fixed seeds",
    }, did_cases())
    write("did_jwt", JWT_DESCRIPTION, {
        "did-jwt": "npm did-jwt 9.0.1 createJWT/verifyJWT (seed 0 did:key), via test-vectors/sources/auth-public.json "
                   "did_jwt_eddsa.did_key_token and did_jwt_skew_semantics",
        "hypersign": "entity-ssi-api-service issueDidJwt()-shaped token and hid-ssi-js-sdk document, via "
                     "test-vectors/sources/auth-public.json did_jwt_eddsa.hypersign_shaped_token",
        "py-cryptography": "generated by scripts/gen-vectors/did_jwt.py with Python cryptography (Ed25519); fixed seeds",
    }, jwt_cases())
