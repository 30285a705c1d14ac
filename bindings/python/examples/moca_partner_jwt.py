"""Mint a Moca AIR partner JWT, publish the JWKS, and verify the JWT against it.

The partner key is the demo P-256 key of ``test-vectors/keys/demo-p256.pem`` (a new key
from ``generate_private_key_pem("p256")`` works the same); the ``kid`` is the key's
RFC 7638 thumbprint, so it matches the JWKS entry.
"""

from __future__ import annotations

import base64
import json
import sys
import time

import kycrypt
from kycrypt import moca
from _vectors import VECTORS_DIR


def main() -> None:
    key = moca.PrivateKey.from_pem((VECTORS_DIR / "keys" / "demo-p256.pem").read_text())
    kid = key.public_key().thumbprint()
    published = moca.jwks([key.public_key()], [kid])  # serve at your registered JWKS URL
    assert json.loads(published)["keys"][0]["kid"] == kid

    now = int(time.time())
    claims = moca.PartnerClaims(partner_id="partner-123", scope="issue", email="user@example.com")
    token = moca.sign_partner_jwt(claims, key, now, moca.PartnerJwtSignOptions(kid=kid))  # 5 min by default
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["kid"] == kid and header["alg"] == "ES256", header

    # What Moca does with it: verify against the published JWKS.
    v = moca.verify_partner_jwt_jwks(token, published, now)
    assert (v.partner_id, v.scope, v.email) == ("partner-123", "issue", "user@example.com")
    assert "user@example.com" not in str(v)  # the email prints redacted
    assert moca.verify_partner_jwt(token, key.public_key(), now).partner_id == "partner-123"

    # Refused: expired, signed by another key, tampered.
    try:
        moca.verify_partner_jwt_jwks(token, published, now + 3600)
        raise AssertionError("an expired partner JWT verified")
    except kycrypt.ExpiredError:
        pass
    other = moca.PrivateKey.from_pem(moca.generate_private_key_pem("p256"))
    forged = moca.sign_partner_jwt(claims, other, now, moca.PartnerJwtSignOptions(kid=kid))
    try:
        moca.verify_partner_jwt_jwks(forged, published, now)
        raise AssertionError("a JWT from another key verified")
    except kycrypt.SignatureInvalidError:
        pass
    print(f"partner JWT (kid {kid[:12]}…): minted, verified against the JWKS; expiry and forgery refused")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, kycrypt.KycryptError) as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        sys.exit(1)
