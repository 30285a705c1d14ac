"""Sign a Zero Hash API request, and check it the way Zero Hash does.

The four ``X-SCX-*`` headers come from ``ZeroHashCredentials.sign_request``; the
signature is checked against an independent HMAC-SHA256 computed here with Python's
``hmac`` module, and server-side with ``kycrypt.zerohash.verify_request``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import sys
import time

import kycrypt
from kycrypt import zerohash


def main() -> None:
    secret_b64 = base64.b64encode(os.urandom(32)).decode()  # what the Zero Hash portal gives
    creds = zerohash.ZeroHashCredentials("my-api-key", secret_b64, "my-passphrase")

    method, route, body = "POST", "/orders/v1", json.dumps({"side": "buy", "quantity": "1"})
    now = int(time.time())
    h = creds.sign_request(method, route, body, now)
    headers = {
        "X-SCX-API-KEY": h.x_scx_api_key,
        "X-SCX-SIGNED": h.x_scx_signed,
        "X-SCX-TIMESTAMP": h.x_scx_timestamp,
        "X-SCX-PASSPHRASE": h.x_scx_passphrase,
    }
    # Printing the record is safe: the signature and the passphrase are redacted.
    print(h)
    assert "my-passphrase" not in str(h) and "<redacted>" in repr(h)

    # The same signature, computed independently.
    prehash = f"{now}{method}{route}{body}"
    assert zerohash.signing_message(method, route, body, now) == prehash
    mac = hmac.new(base64.b64decode(secret_b64), prehash.encode(), hashlib.sha256).digest()
    assert h.x_scx_signed == base64.b64encode(mac).decode()
    secret = zerohash.secret_from_base64(secret_b64)
    assert zerohash.sign(method, route, body, secret, now) == h.x_scx_signed

    # Server side (or a test double of Zero Hash): accepted now, refused when altered.
    v = zerohash.verify_request(headers, method, route, body, secret, now)
    assert v.timestamp == now and v.api_key == "my-api-key"
    try:
        zerohash.verify_request(headers, method, route, body.replace("1", "9"), secret, now)
        raise AssertionError("an altered body verified")
    except kycrypt.SignatureInvalidError:
        pass
    try:
        zerohash.verify_request(headers, method, route, body, secret, now + 600)
        raise AssertionError("a stale request verified")
    except kycrypt.TimestampOutOfWindowError:
        pass
    print("zero hash request: signed, verified, tampering and staleness refused")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, kycrypt.KycryptError) as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        sys.exit(1)
