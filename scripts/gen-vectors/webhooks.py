#!/usr/bin/env python3
"""Generates test-vectors/webhooks.json (KYC provider webhook signatures).

Independent implementation: Python stdlib hmac/hashlib for the HMAC schemes and
Python `cryptography` (RSASSA-PKCS1-v1_5 / PSS, SHA-256) for Zero Hash's RSA
variants, with the fixed RSA-2048 key below (public halves are stored in the
vectors as PEM). The provider samples of test-vectors/sources/auth-public.json are
embedded and re-computed here as a cross-check. Deterministic: re-running
reproduces the file byte for byte.

    python3 -P scripts/gen-vectors/webhooks.py > test-vectors/webhooks.json   (-P: the sibling hmac.py must not shadow the stdlib)
"""
import base64
import hashlib
import hmac
import json
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

# Fixed test key (generated once with cryptography's rsa.generate_private_key; test use only).
RSA_PRIVATE_PEM = b"""-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDkINGv/VZYpDin
Ar2hGIObCJQrHBDWUIQVWAoTYrzJoa4ehMdyo6eRqPoKb8CCwyayhRU10C2bh5O0
98IOqdB8yRavAG9WcAWVZodTGVekp5gIkG03ZbTbKzby0CZ+VrHDlcakvDh/kI8L
oyNWbDB2U1t8SXmvFoF5vJ3AL+P8f3Re0vaMgg/zLmRvCe6F697PEpkvspkVitLh
NV31Itc5i82dzEtjrQ587fet8aGLPEEe45FN9jAiLCz5jAsaKz87IaR+RfpIuIH1
MHkbB1ccLqxSh7dVngtBL+vjeIKhlTwICenRw7JDMy7ELfP1qNAEXBUtBAOsWNkp
Kct4BKglAgMBAAECggEASrJgVoLaSg4DqtPf6abQOOxXL8Jx1OrqRN7d9bkH3fG9
xKpvcB8cGDq/HLm4zFhADIY9CrDOrjV3bPMPLKP361QgxE6dJi1p9qBqwQ/0ParO
wkcgK9p2nKkKxfjYEdgrPsKFF5211jcsT4Asavjj6Wqj8w9P87+nx4e2E57axOsM
mMQY+vKRd+kA+j3WiffSIumzvPI5e4PVR9Hx4ekpNbkHTC+j0aKLTO7BYn7BJa8K
pOI/KHB7Zt2qII57Uwgk5m6YAiC18YRqFQAZQR06K+LDm0BdLNWP9oUNfWzFcERL
G2sFudbp4xuSLr3jKxalw5XqlVgiCILWPLdoiPUL5QKBgQDzvVRQrFsJ2nPbG8tQ
RLFjhFDvEdkEZB0M73YHymnVP7mceUunSfD00n1NLzK2XgytBBIOoPxjuM/vDgq9
8Lb9vNJ0PCAg7bjZXOyRctH4Qr3CU2NBdD4ANRiEIE0Kw0pUiLgyWcmcb8At9WM7
A86knD54Y/FeRiIolKAnZ+joawKBgQDvmnW3Mm/o08f4e8KZcAAn6xgNRM0JnpN5
PYW4NQR8VBo2I3ov3a0a+OzTqV54mSK8/SN3mMJZ27GrtOIvI/8kfEBj8PgrVXWB
VEBxN1j3JJZR3lwhpGfMxeid59zOJMbQW2vOJhJahF+gNYSWsd0FxACSzx/lQFy2
epUyoXcVrwKBgA2oFglPHuq2ardkH0goEShaSY6bmWU9lsMax6o4FSX1pBi4UxzU
b8PH521jr5u4OU2YZMqdCocr27qxNrjdu+MLqV8J32L47tp+8mJT5J/cXXV95pnM
QY0RbIY6qRZpSsjhwDBSB5HUURhCH4U2+WUPvBBSyTtXAqLzcOXEVLBxAoGBAMPt
w6rNxLNYUuJ/mW7NJmN+HAnlo+Dk2mU/CNTMDeH5CAITWrw/gmlW+ppOmmD1oHF4
coM+2FaQjyYA4SB5SA82x5SyHM2asV7TXWr3PnnCYmWJ9j7QaM0LXR+a1XWAn08M
IwjNGx8HtgaVHNn5kepAD9P9KXDXA7l4Xf6sCGwjAoGBALxA1b/zgmtnn6zgBFqw
JirBjGhLf9M+eczuhm7s/5ICxDRg58B4jhfmKvFHKQw68T2EvkdXpLogjrrjZiXg
rGJOpg3e1991z4xJ1CeXMg4gDbJemThItsSIqeny6C1DXHhLaFwnUlWFnN4a1B8o
vJjYF2wbEyCXztlb0c7aR92L
-----END PRIVATE KEY-----
"""
RSA_KEY = serialization.load_pem_private_key(RSA_PRIVATE_PEM, password=None)
PUB = RSA_KEY.public_key()
SPKI_PEM = PUB.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
PKCS1_PEM = PUB.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1).decode()

cases = []


def hx(key, msg, h=hashlib.sha256):
    return hmac.new(key.encode(), msg.encode(), h).hexdigest()


def case(cid, comment, source, inputs, expected="valid", error_code=None, output=None, op="webhooks.verify"):
    c = {"id": cid, "comment": comment, "source": source, "op": op, "inputs": inputs, "expected": expected}
    if error_code:
        c["error_code"] = error_code
    if output is not None:
        c["output"] = output
    cases.append(c)


def wh(cid, comment, source, provider, secret, headers, body, now, expected="valid", code=None, scheme=None,
       ts=None, event_id=None, **opts):
    inputs = {"provider": provider, "secret": secret, "headers": headers, "body": body, "now": now}
    inputs.update(opts)
    out = None
    if expected == "valid":
        out = {"provider": provider, "scheme": scheme, "timestamp": ts, "event_id": event_id}
    case(cid, comment, source, inputs, expected, code, out)


# ---- Onfido (auth-public: official SDK test constant)
ON_BODY = '{"payload":{"resource_type":"check","action":"check.completed","object":{"id":"check-123","status":"complete","completed_at_iso8601":"2020-01-01T00:00:00Z","href":"https://api.onfido.com/v3/checks/check-123"}}}'
ON_TOKEN = "_ABC123abc123ABC123abc123ABC123_"
ON_SIG = "a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e"
assert hx(ON_TOKEN, ON_BODY) == ON_SIG
NOW = 1700000000
wh("onfido-sdk-sample", "Onfido SDK test constant", "auth-public", "onfido", ON_TOKEN, [["X-SHA2-Signature", ON_SIG]], ON_BODY, NOW, scheme="hmac-sha256-hex")
wh("onfido-uppercase-hex-lower-name", "uppercase hex tag, lowercase header name", "py-stdlib", "onfido", ON_TOKEN,
   [["x-sha2-signature", ON_SIG.upper()]], ON_BODY, NOW, scheme="hmac-sha256-hex")
wh("onfido-tampered-body", "status changed after signing", "py-stdlib", "onfido", ON_TOKEN, [["X-SHA2-Signature", ON_SIG]],
   ON_BODY.replace('"complete"', '"completed"'), NOW, "invalid", "signature_invalid")
wh("onfido-wrong-secret", "another webhook token", "py-stdlib", "onfido", "other-token", [["X-SHA2-Signature", ON_SIG]], ON_BODY, NOW,
   "invalid", "signature_invalid")
wh("onfido-missing-header", "no X-SHA2-Signature", "py-stdlib", "onfido", ON_TOKEN, [["X-Other", ON_SIG]], ON_BODY, NOW,
   "invalid", "missing_header")
wh("onfido-duplicate-header", "X-SHA2-Signature given twice", "py-stdlib", "onfido", ON_TOKEN,
   [["X-SHA2-Signature", ON_SIG], ["x-sha2-signature", "00"]], ON_BODY, NOW, "invalid", "malformed_input")
wh("onfido-truncated-tag", "tag cut to 31 bytes", "py-stdlib", "onfido", ON_TOKEN, [["X-SHA2-Signature", ON_SIG[:62]]], ON_BODY, NOW,
   "invalid", "signature_invalid")

# ---- Veriff (auth-public: docs mock secret and published digests)
VE_SECRET = "abcdef12-abcd-abcd-abcd-abcdef012345"
VE = [
    ('{"verification":{"callback":"https://veriff.com","person":{"firstName":"John","lastName":"Smith"},"document":{"type":"PASSPORT","country":"EE"},"vendorData":"unique id of a user","timestamp":"2016-05-19T08:30:25.597Z"}}',
     "6af6d95822e19e9cc707aec55395d8d363ba2c7bc4625bc04ebeca0c7bf8cd67"),
    ("aea9ba6d-1b47-47fc-a4fc-f72b6d3584a7", "895cb3fd31139d89aeb7b263682e15479ab57651e70591256ad2c14fde4950dd"),
    ('{"verification":{"callback":"https://veriff.com","person":{"firstName":"John","lastName":"Smith"},"document":{"type":"PASSPORT","country":"EE"},"vendorData":"unique id of the end-user","timestamp":"2016-05-19T08:30:25.597Z"}}',
     "0dcab73ddd20062616d104231c7439657546a5c24e4691977da93bb854c31e25"),
]
for i, (body, sig) in enumerate(VE, 1):
    assert hx(VE_SECRET, body) == sig
    wh(f"veriff-doc-sample-{i}", "Veriff docs / third-party test digest", "auth-public", "veriff", VE_SECRET,
       [["X-AUTH-CLIENT", "api-key"], ["X-HMAC-SIGNATURE", sig]], body, NOW, scheme="hmac-sha256-hex")
wh("veriff-tampered-body", "vendorData changed", "py-stdlib", "veriff", VE_SECRET, [["X-HMAC-SIGNATURE", VE[0][1]]],
   VE[0][0].replace("of a user", "of b user"), NOW, "invalid", "signature_invalid")
wh("veriff-signature-not-hex", "a tag that is not hex is a bad signature", "py-stdlib", "veriff", VE_SECRET,
   [["X-HMAC-SIGNATURE", "zz" * 32]], VE[0][0], NOW, "invalid", "signature_invalid")

# ---- Sumsub (auth-public: self-computed digests)
SU_SECRET = "sumsub-webhook-secret"
SU_BODY = '{"applicantId":"5cb56e8e0a975a35f333cb83","type":"applicantReviewed","reviewResult":{"reviewAnswer":"GREEN"},"reviewStatus":"completed"}'
SU = {"HMAC_SHA1_HEX": (hashlib.sha1, "e6924ec6e4fd37018b95ee409a9ceb30328baf4a", "hmac-sha1-hex"),
      "HMAC_SHA256_HEX": (hashlib.sha256, "05be2d0df0983e8d94f6fe7636bb470a10c190460ad2b3a1952acee8687d26d1", "hmac-sha256-hex"),
      "HMAC_SHA512_HEX": (hashlib.sha512, "4c64151c157e41ce6b31f0a2e17243453a7b4d8f12d0356e8b7d19cd64a4bd7fe7d0bbc0d24a5d73e8c49c0d56f520666f91c241350c438cdf1baf2b2b2a1e23", "hmac-sha512-hex")}
for alg, (h, sig, scheme) in SU.items():
    assert hx(SU_SECRET, SU_BODY, h) == sig
    wh(f"sumsub-{alg.lower()}", f"digest with X-Payload-Digest-Alg {alg}", "auth-public", "sumsub", SU_SECRET,
       [["X-Payload-Digest", sig], ["X-Payload-Digest-Alg", alg]], SU_BODY, NOW, scheme=scheme)
wh("sumsub-default-alg", "no X-Payload-Digest-Alg: HMAC_SHA256_HEX", "auth-public", "sumsub", SU_SECRET,
   [["x-payload-digest", SU["HMAC_SHA256_HEX"][1]]], SU_BODY, NOW, scheme="hmac-sha256-hex")
wh("sumsub-sha1-without-alg", "SHA-1 digest but no alg header: checked as SHA-256", "py-stdlib", "sumsub", SU_SECRET,
   [["X-Payload-Digest", SU["HMAC_SHA1_HEX"][1]]], SU_BODY, NOW, "invalid", "signature_invalid")
wh("sumsub-unknown-alg", "X-Payload-Digest-Alg HMAC_MD5_HEX", "py-stdlib", "sumsub", SU_SECRET,
   [["X-Payload-Digest", SU["HMAC_SHA256_HEX"][1]], ["X-Payload-Digest-Alg", "HMAC_MD5_HEX"]], SU_BODY, NOW,
   "invalid", "unsupported_algorithm")
wh("sumsub-tampered-body", "reviewAnswer changed", "py-stdlib", "sumsub", SU_SECRET,
   [["X-Payload-Digest", SU["HMAC_SHA256_HEX"][1]]], SU_BODY.replace("GREEN", "RED"), NOW, "invalid", "signature_invalid")
wh("sumsub-wrong-secret", "another secret", "py-stdlib", "sumsub", "another-secret",
   [["X-Payload-Digest", SU["HMAC_SHA256_HEX"][1]]], SU_BODY, NOW, "invalid", "signature_invalid")
wh("sumsub-missing-digest", "only the alg header", "py-stdlib", "sumsub", SU_SECRET, [["X-Payload-Digest-Alg", "HMAC_SHA256_HEX"]],
   SU_BODY, NOW, "invalid", "missing_header")

# ---- Persona (auth-public: self-computed)
PE_SECRET = "wbhsec_test"
PE_BODY = '{"data":{"type":"event","id":"evt_123","attributes":{"name":"inquiry.completed"}}}'
PE_HEADER = "t=1700000000,v1=69f4a9974b44c81a581202cfbf217c92edd905cd1909c5d5dc43437ab0b9f52b"
assert PE_HEADER == f"t=1700000000,v1={hx(PE_SECRET, '1700000000.' + PE_BODY)}"
wh("persona-sample", "auth-public sample at its own time", "auth-public", "persona", PE_SECRET, [["Persona-Signature", PE_HEADER]], PE_BODY,
   1700000000, scheme="persona-v1", ts=1700000000)
wh("persona-edge-300", "300 s old: accepted", "py-stdlib", "persona", PE_SECRET, [["persona-signature", PE_HEADER]], PE_BODY,
   1700000300, scheme="persona-v1", ts=1700000000)
wh("persona-stale", "301 s old", "py-stdlib", "persona", PE_SECRET, [["Persona-Signature", PE_HEADER]], PE_BODY, 1700000301,
   "invalid", "timestamp_out_of_window")
wh("persona-future", "301 s in the future", "py-stdlib", "persona", PE_SECRET, [["Persona-Signature", PE_HEADER]], PE_BODY, 1699999699,
   "invalid", "timestamp_out_of_window")
wh("persona-tolerance-600", "500 s old with tolerance_secs 600", "py-stdlib", "persona", PE_SECRET, [["Persona-Signature", PE_HEADER]],
   PE_BODY, 1700000500, scheme="persona-v1", ts=1700000000, tolerance_secs=600)
wh("persona-tolerance-over-max", "tolerance_secs above the 3600 s maximum", "py-stdlib", "persona", PE_SECRET,
   [["Persona-Signature", PE_HEADER]], PE_BODY, 1700000000, "invalid", "invalid_argument", tolerance_secs=3601)
OLD = hx("wbhsec_old", "1700000000." + PE_BODY)
rot = f"t=1700000000,v1={OLD} {PE_HEADER}"
wh("persona-rotation-second-matches", "two sets during rotation; only the second (new secret) matches", "py-stdlib", "persona", PE_SECRET,
   [["Persona-Signature", rot]], PE_BODY, 1700000010, scheme="persona-v1", ts=1700000000)
STALE_SET = f"t=1699990000,v1={hx(PE_SECRET, '1699990000.' + PE_BODY)}"
wh("persona-rotation-stale-then-fresh", "both sets match; the first is stale, the second fresh: accepted with the fresh t", "py-stdlib",
   "persona", PE_SECRET, [["Persona-Signature", f"{STALE_SET} {PE_HEADER}"]], PE_BODY, 1700000010, scheme="persona-v1", ts=1700000000)
wh("persona-rotation-all-stale", "every matching set is stale", "py-stdlib", "persona", PE_SECRET,
   [["Persona-Signature", f"{STALE_SET} {PE_HEADER}"]], PE_BODY, 1700000400, "invalid", "timestamp_out_of_window")
wh("persona-rotation-none-matches", "two sets, neither with this secret", "py-stdlib", "persona", "wbhsec_other",
   [["Persona-Signature", rot]], PE_BODY, 1700000010, "invalid", "signature_invalid")
wh("persona-tampered-body", "event name changed", "py-stdlib", "persona", PE_SECRET, [["Persona-Signature", PE_HEADER]],
   PE_BODY.replace("completed", "failed"), 1700000000, "invalid", "signature_invalid")
wh("persona-t-changed", "t changed in the header (signed text)", "py-stdlib", "persona", PE_SECRET,
   [["Persona-Signature", PE_HEADER.replace("t=1700000000", "t=1700000001")]], PE_BODY, 1700000000, "invalid", "signature_invalid")
wh("persona-stale-and-wrong", "bad signature is reported before the window", "py-stdlib", "persona", "wbhsec_other",
   [["Persona-Signature", PE_HEADER]], PE_BODY, 1800000000, "invalid", "signature_invalid")
wh("persona-no-t", "header without t", "py-stdlib", "persona", PE_SECRET, [["Persona-Signature", PE_HEADER.split(",")[1]]], PE_BODY,
   1700000000, "invalid", "malformed_input")
wh("persona-bad-t", "t is not a number", "py-stdlib", "persona", PE_SECRET,
   [["Persona-Signature", PE_HEADER.replace("1700000000", "yesterday")]], PE_BODY, 1700000000, "invalid", "malformed_input")
wh("persona-missing-header", "no Persona-Signature", "py-stdlib", "persona", PE_SECRET, [], PE_BODY, 1700000000,
   "invalid", "missing_header")
# Each distinct t costs one full-body MAC: at most 2 distinct t per header (issue 13, finding 8),
# refused as malformed before any MAC even when a set would match.
THREE_T = " ".join(f"t={t},v1={hx(PE_SECRET, f'{t}.' + PE_BODY)}" for t in (1699999998, 1699999999, 1700000000))
wh("persona-too-many-timestamps", "three sets with three distinct t (each genuine): more than 2 distinct timestamps is malformed",
   "py-stdlib", "persona", PE_SECRET, [["Persona-Signature", THREE_T]], PE_BODY, 1700000000, "invalid", "malformed_input")

# ---- CorePass v2 (generated)
CP_KEY = "whsec_corepass_v2_test"
CP_BODY = '{"event":"kyc.completed","id":"evt_7f3a","data":{"coreId":"cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5"}}'
CP_T = 1750000000
CP_HEADER = f"t={CP_T},s={hx(CP_KEY, f'{CP_T}.' + CP_BODY)}"
wh("corepass-v2-valid", "fresh v2 webhook", "py-stdlib", "corepass", CP_KEY, [["Corepass-Signature", CP_HEADER]], CP_BODY, CP_T + 5,
   scheme="corepass-v2", ts=CP_T)
wh("corepass-v2-uppercase-hex", "s in uppercase hex", "py-stdlib", "corepass", CP_KEY,
   [["CorePass-Signature", CP_HEADER.split(",s=")[0] + ",s=" + CP_HEADER.split(",s=")[1].upper()]], CP_BODY, CP_T - 5,
   scheme="corepass-v2", ts=CP_T)
wh("corepass-v2-stale", "5 min + 1 s old", "py-stdlib", "corepass", CP_KEY, [["Corepass-Signature", CP_HEADER]], CP_BODY, CP_T + 301,
   "invalid", "timestamp_out_of_window")
wh("corepass-v2-tampered", "coreId changed", "py-stdlib", "corepass", CP_KEY, [["corepass-signature", CP_HEADER]],
   CP_BODY.replace("cb82", "cb83"), CP_T, "invalid", "signature_invalid")
wh("corepass-v2-persona-name", "v1= instead of s=: malformed for CorePass", "py-stdlib", "corepass", CP_KEY,
   [["Corepass-Signature", CP_HEADER.replace(",s=", ",v1=")]], CP_BODY, CP_T, "invalid", "malformed_input")
wh("corepass-v2-missing-header", "Persona header sent to the CorePass check", "py-stdlib", "corepass", CP_KEY,
   [["Persona-Signature", CP_HEADER]], CP_BODY, CP_T, "invalid", "missing_header")

# ---- Zero Hash HMAC (auth-public: self-computed legacy and current)
ZH_SECRET = "zh-webhook-secret"
ZH_BODY = '{"participant_code":"ABC123","participant_status":"approved","timestamp":1670958435349}'
ZH_TS = "1670958435349"
ZH_LEGACY = "bf141203d3b4e57cde558bf919c4ae1d212734ac3f755f10ef28a3276f2477c4"
ZH_NEW = "44ca74c5e707b3f08e01795597ed950bfcce39a5cbb5483bed9a33f66a17cf33"
assert hx(ZH_SECRET, ZH_BODY) == ZH_LEGACY and hx(ZH_SECRET, ZH_BODY + ZH_TS) == ZH_NEW
ZH_NOW = 1670958435
NID = "9a1f2c3e-0b7d-4c55-8e4e-3f1d2a6b7c80"
wh("zerohash-legacy", "legacy x-zh-hook-signature-256 over the body", "auth-public", "zerohash", ZH_SECRET,
   [["x-zh-hook-signature-256", ZH_LEGACY]], ZH_BODY, ZH_NOW, scheme="zerohash-hmac-sha256-legacy", zerohash_allow_legacy=True)
wh("zerohash-current", "x-zh-hook-signature over body + timestamp(ms), with notification id", "auth-public", "zerohash", ZH_SECRET,
   [["X-ZH-HOOK-TIMESTAMP", ZH_TS], ["X-ZH-HOOK-SIGNATURE", ZH_NEW], ["X-ZH-HOOK-NOTIFICATION-ID", NID]], ZH_BODY, ZH_NOW,
   scheme="zerohash-hmac-sha256", ts=ZH_NOW, event_id=NID)
wh("zerohash-current-and-legacy", "both headers: the timestamped one is used", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-signature-256", ZH_LEGACY], ["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-signature", ZH_NEW]], ZH_BODY, ZH_NOW + 299,
   scheme="zerohash-hmac-sha256", ts=ZH_NOW)
wh("zerohash-current-stale", "timestamp 5 min + 1 s old (ms compared exactly)", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-signature", ZH_NEW]], ZH_BODY, ZH_NOW + 301, "invalid", "timestamp_out_of_window")
wh("zerohash-current-future", "timestamp over 5 min in the future", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-signature", ZH_NEW]], ZH_BODY, ZH_NOW - 300, "invalid", "timestamp_out_of_window")
wh("zerohash-current-tampered", "participant_status changed", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-signature", ZH_NEW]], ZH_BODY.replace("approved", "rejected"), ZH_NOW,
   "invalid", "signature_invalid")
wh("zerohash-current-timestamp-changed", "timestamp header changed after signing", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", "1670958435350"], ["x-zh-hook-signature", ZH_NEW]], ZH_BODY, ZH_NOW, "invalid", "signature_invalid")
wh("zerohash-legacy-sig-in-current-header", "legacy digest sent with a timestamp", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-signature", ZH_LEGACY]], ZH_BODY, ZH_NOW, "invalid", "signature_invalid")
wh("zerohash-legacy-refused-by-default", "legacy header with default options: refused (replayable, no timestamp)", "py-stdlib", "zerohash",
   ZH_SECRET, [["x-zh-hook-signature-256", ZH_LEGACY]], ZH_BODY, ZH_NOW, "invalid", "missing_header")
wh("zerohash-legacy-refused", "legacy header when zerohash_allow_legacy is false", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-signature-256", ZH_LEGACY]], ZH_BODY, ZH_NOW, "invalid", "missing_header", zerohash_allow_legacy=False)
wh("zerohash-legacy-wrong-secret", "legacy digest, another secret", "py-stdlib", "zerohash", "other-secret",
   [["x-zh-hook-signature-256", ZH_LEGACY]], ZH_BODY, ZH_NOW, "invalid", "signature_invalid", zerohash_allow_legacy=True)
wh("zerohash-timestamp-seconds-text", "timestamp header not decimal", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", "2022-12-13T19:07:15Z"], ["x-zh-hook-signature", ZH_NEW]], ZH_BODY, ZH_NOW, "invalid", "malformed_input")
wh("zerohash-no-signature", "no Zero Hash header at all", "py-stdlib", "zerohash", ZH_SECRET, [["content-type", "application/json"]],
   ZH_BODY, ZH_NOW, "invalid", "missing_header")
# body || timestamp has no delimiter: a genuine signature over (body + "0") || ts also reads as
# body || ("0" + ts), the same timestamp value. A leading zero is refused (issue 13), "0" included.
wh("zerohash-timestamp-leading-zero", "timestamp 0<ms>: the HMAC over body || timestamp is genuine (a body ending in 0 re-split), "
   "refused as non-canonical", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", "0" + ZH_TS], ["x-zh-hook-signature", hx(ZH_SECRET, ZH_BODY + "0" + ZH_TS)]], ZH_BODY, ZH_NOW,
   "invalid", "malformed_input")
wh("zerohash-timestamp-zero", "timestamp \"0\" (genuine HMAC): refused as malformed, not just out of window", "py-stdlib", "zerohash",
   ZH_SECRET, [["x-zh-hook-timestamp", "0"], ["x-zh-hook-signature", hx(ZH_SECRET, ZH_BODY + "0")]], ZH_BODY, ZH_NOW,
   "invalid", "malformed_input")
wh("zerohash-timestamp-plus-sign", "timestamp +<ms> (genuine HMAC over the text)", "py-stdlib", "zerohash", ZH_SECRET,
   [["x-zh-hook-timestamp", "+" + ZH_TS], ["x-zh-hook-signature", hx(ZH_SECRET, ZH_BODY + "+" + ZH_TS)]], ZH_BODY, ZH_NOW,
   "invalid", "malformed_input")

# ---- Jumio and unknown providers
wh("jumio-not-signed", "Jumio callbacks carry no signature", "jumio-docs", "jumio", "any", [["User-Agent", "JumioCallback"]],
   '{"scanReference":"x"}', NOW, "invalid", "not_signed")
wh("unknown-provider", "provider name not known", "py-stdlib", "stripe", "any", [], "{}", NOW, "invalid", "invalid_argument")

# ---- Empty secrets (issue 13, finding 1). A deployment whose secret variable is set but empty
# (SUMSUB_WEBHOOK_SECRET=) must not accept HMAC("", body), which anyone can compute: each header
# below is a genuine signature under the empty key, and every provider refuses with invalid_key.
EMPTY_BODY = '{"type":"applicantReviewed","reviewResult":{"reviewAnswer":"GREEN"}}'
EMPTY_TS = str(NOW)
EMPTY_TS_MS = str(NOW * 1000)
for provider, headers in [
    ("sumsub", [["X-Payload-Digest", hx("", EMPTY_BODY)], ["X-Payload-Digest-Alg", "HMAC_SHA256_HEX"]]),
    ("onfido", [["X-SHA2-Signature", hx("", EMPTY_BODY)]]),
    ("veriff", [["X-HMAC-SIGNATURE", hx("", EMPTY_BODY)]]),
    ("persona", [["Persona-Signature", f"t={EMPTY_TS},v1={hx('', EMPTY_TS + '.' + EMPTY_BODY)}"]]),
    ("corepass", [["Corepass-Signature", f"t={EMPTY_TS},s={hx('', EMPTY_TS + '.' + EMPTY_BODY)}"]]),
    ("zerohash", [["x-zh-hook-timestamp", EMPTY_TS_MS], ["x-zh-hook-signature", hx("", EMPTY_BODY + EMPTY_TS_MS)]]),
    ("jumio", [["User-Agent", "JumioCallback"]]),
]:
    wh(f"{provider}-empty-secret-refused", "the secret is empty: refused whatever the headers (a forgery under "
       "HMAC('', body) would verify otherwise)", "py-stdlib", provider, "", headers, EMPTY_BODY, NOW, "invalid", "invalid_key")

# ---- Zero Hash RSA (generated with Python cryptography, fixed key above)


def rsa_sig(msg, pss=False):
    pad = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=0) if pss else padding.PKCS1v15()
    return RSA_KEY.sign(msg.encode(), pad, hashes.SHA256())


def rsa(cid, comment, pem, headers, body, now, expected="valid", code=None, scheme=None, ts=None, event_id=None, **opts):
    out = {"provider": "zerohash", "scheme": scheme, "timestamp": ts, "event_id": event_id} if expected == "valid" else None
    inputs = {"public_key_pem": pem, "headers": headers, "body": body, "now": now}
    inputs.update(opts)
    case(cid, comment, "py-cryptography", inputs, expected, code, out,
         op="zerohash.verify_webhook_rsa")


CUR = rsa_sig(ZH_BODY + ZH_TS)
LEG = rsa_sig(ZH_BODY)
b64 = lambda b: base64.b64encode(b).decode()
rsa("zh-rsa-current-b64", "x-zh-hook-rsa-signature, base64, SPKI key", SPKI_PEM,
    [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-rsa-signature", b64(CUR)], ["x-zh-hook-notification-id", NID]], ZH_BODY, ZH_NOW,
    scheme="zerohash-rsa-sha256", ts=ZH_NOW, event_id=NID)
rsa("zh-rsa-current-hex-pkcs1", "hex signature, PKCS#1 PEM key", PKCS1_PEM,
    [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-rsa-signature", CUR.hex()]], ZH_BODY, ZH_NOW, scheme="zerohash-rsa-sha256", ts=ZH_NOW)
rsa("zh-rsa-legacy-b64", "x-zh-hook-rsa-signature-256 over the body", SPKI_PEM,
    [["x-zh-hook-rsa-signature-256", b64(LEG)]], ZH_BODY, ZH_NOW, scheme="zerohash-rsa-sha256-legacy", zerohash_allow_legacy=True)
rsa("zh-rsa-legacy-hex-upper", "legacy, uppercase hex", SPKI_PEM,
    [["X-ZH-HOOK-RSA-SIGNATURE-256", LEG.hex().upper()]], ZH_BODY, ZH_NOW, scheme="zerohash-rsa-sha256-legacy", zerohash_allow_legacy=True)
rsa("zh-rsa-current-stale", "valid signature, timestamp 5 min + 1 s old", SPKI_PEM,
    [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-rsa-signature", b64(CUR)]], ZH_BODY, ZH_NOW + 301, "invalid", "timestamp_out_of_window")
rsa("zh-rsa-current-tampered", "body changed", SPKI_PEM,
    [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-rsa-signature", b64(CUR)]], ZH_BODY.replace("ABC123", "ABC124"), ZH_NOW,
    "invalid", "signature_invalid")
rsa("zh-rsa-legacy-sig-as-current", "signature over the body alone sent with a timestamp", SPKI_PEM,
    [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-rsa-signature", b64(LEG)]], ZH_BODY, ZH_NOW, "invalid", "signature_invalid")
rsa("zh-rsa-pss-not-accepted", "RSA-PSS (salt 0) signature: only PKCS#1 v1.5 is accepted", SPKI_PEM,
    [["x-zh-hook-timestamp", ZH_TS], ["x-zh-hook-rsa-signature", b64(rsa_sig(ZH_BODY + ZH_TS, pss=True))]], ZH_BODY, ZH_NOW,
    "invalid", "signature_invalid")
rsa("zh-rsa-garbage-signature", "signature neither base64 nor hex", SPKI_PEM,
    [["x-zh-hook-rsa-signature-256", "not a signature!"]], ZH_BODY, ZH_NOW, "invalid", "signature_invalid", zerohash_allow_legacy=True)
rsa("zh-rsa-bad-key", "public key PEM that is not a key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
    [["x-zh-hook-rsa-signature-256", b64(LEG)]], ZH_BODY, ZH_NOW, "invalid", "invalid_key", zerohash_allow_legacy=True)
rsa("zh-rsa-missing", "HMAC header only", SPKI_PEM, [["x-zh-hook-signature-256", ZH_LEGACY]], ZH_BODY, ZH_NOW, "invalid", "missing_header")
rsa("zh-rsa-timestamp-leading-zero", "timestamp 0<ms>, signature genuine over body || timestamp: refused as non-canonical", SPKI_PEM,
    [["x-zh-hook-timestamp", "0" + ZH_TS], ["x-zh-hook-rsa-signature", b64(rsa_sig(ZH_BODY + "0" + ZH_TS))]], ZH_BODY, ZH_NOW,
    "invalid", "malformed_input")

doc = {
    "schema": "kycrypt-vectors/1",
    "name": "webhooks",
    "description": (
        "KYC provider webhook signatures over raw bodies. Ops: "
        "webhooks.verify(inputs: provider = sumsub|onfido|veriff|persona|corepass|zerohash|jumio, secret = UTF-8 text used as the HMAC key, "
        "headers = list of [name, value], body = text (its UTF-8 bytes are the raw body), now = unix seconds, optional tolerance_secs "
        "(default 300, max 3600), optional zerohash_allow_legacy (default false)) -> output provider, scheme, timestamp (signed unix seconds or null), "
        "event_id (x-zh-hook-notification-id or null). "
        "zerohash.verify_webhook_rsa(inputs: public_key_pem = SPKI or PKCS#1 PEM, headers, body, now, optional zerohash_allow_legacy (default false)) -> same output."
    ),
    "sources": {
        "auth-public": "test-vectors/sources/auth-public.json (onfido_webhook: Onfido SDK test constant; veriff_hmac: Veriff docs digests; sumsub_webhook, persona_webhook, zerohash_webhook: recipes of the provider docs, self-computed)",
        "py-stdlib": "generated by scripts/gen-vectors/webhooks.py with Python stdlib hmac/hashlib",
        "py-cryptography": "generated by scripts/gen-vectors/webhooks.py with Python cryptography (RSA-2048 fixed key, PKCS#1 v1.5 / PSS, SHA-256)",
        "jumio-docs": "Jumio callback docs: no signature, IP allowlist only",
    },
    "cases": cases,
}
json.dump(doc, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
