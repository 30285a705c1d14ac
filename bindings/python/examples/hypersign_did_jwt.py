"""Sign and verify a Hypersign DID-JWT (EdDSA) for a ``did:key`` issuer.

The issuer's Ed25519 key is made here; its ``did:key`` resolves offline, so no DID
document is passed. A wrong audience, expiry, another key and tampering are refused.
"""

from __future__ import annotations

import base64
import json
import sys
import time

import kycrypt
from kycrypt import did


def main() -> None:
    key = did.Ed25519SigningKey.generate()
    issuer = "did:key:" + did.encode_ed25519_multibase(key.public_key())
    assert did.parse_did(issuer).method == did.DidMethod.KEY

    now = int(time.time())
    request = did.DidJwtSignRequest(issuer=issuer, audience="https://verifier.example", claims_json=json.dumps({"kyc": "passed"}))
    token = did.sign_did_jwt(request, key, now)

    v = did.verify_did_jwt(token, None, now, did.DidJwtValidation(audience="https://verifier.example"))
    assert v.issuer == issuer and json.loads(v.claims_json)["kyc"] == "passed"
    # The document of a did:key, resolved offline, has the key for authentication.
    doc = did.resolve_did_key(issuer)
    methods = doc.methods_for(issuer, None, "authentication")
    assert methods and methods[0].ed25519_public_key == key.public_key()

    for validation, at, code in [
        (did.DidJwtValidation(audience="https://other.example"), now, "audience_mismatch"),
        (did.DidJwtValidation(audience="https://verifier.example"), now + 86_400, "expired"),
    ]:
        try:
            did.verify_did_jwt(token, None, at, validation)
            raise AssertionError(f"expected {code}")
        except kycrypt.KycryptError as e:
            assert e.code == code, (e.code, code)
    # Signing for a did:key with another key is refused up front ...
    try:
        did.sign_did_jwt(request, did.Ed25519SigningKey.generate(), now)
        raise AssertionError("signed for a did:key with another key")
    except kycrypt.KeyMismatchError:
        pass
    # ... and a token whose claims were swapped does not verify.
    header, _, signature = token.split(".")
    payload = base64.urlsafe_b64encode(json.dumps({"iss": issuer, "aud": "https://verifier.example", "kyc": "passed", "iat": now, "exp": now + 60}).encode()).rstrip(b"=").decode()
    try:
        did.verify_did_jwt(f"{header}.{payload}.{signature}", None, now, did.DidJwtValidation(audience="https://verifier.example"))
        raise AssertionError("a tampered token verified")
    except kycrypt.SignatureInvalidError:
        pass
    print(f"DID-JWT from {issuer[:24]}…: verified; wrong audience, expiry, another key and tampering refused")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, kycrypt.KycryptError) as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        sys.exit(1)
