"""Verify Sumsub, Onfido, Veriff and Persona webhooks over the raw body.

Each provider's webhook is signed here with Python's own ``hmac`` module, the way the
provider signs it, then checked with ``kycrypt.webhooks.verify``; a tampered body, a
wrong secret and a stale Persona timestamp must be refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import time
from typing import Dict, List, Tuple

import kycrypt
from kycrypt import webhooks

NOW = int(time.time())


def hex_hmac(secret: bytes, msg: bytes, digest: str = "sha256") -> str:
    return hmac.new(secret, msg, getattr(hashlib, digest)).hexdigest()


def signed(provider: str, secret: bytes, body: bytes) -> List[Tuple[str, str]]:
    """The headers the provider would send with ``body``."""
    if provider == "sumsub":
        return [("X-Payload-Digest", hex_hmac(secret, body, "sha512")), ("X-Payload-Digest-Alg", "HMAC_SHA512_HEX")]
    if provider == "onfido":
        return [("X-SHA2-Signature", hex_hmac(secret, body))]
    if provider == "veriff":
        return [("X-AUTH-CLIENT", "api-key"), ("X-HMAC-SIGNATURE", hex_hmac(secret, body))]
    if provider == "persona":
        return [("Persona-Signature", f"t={NOW},v1={hex_hmac(secret, f'{NOW}.'.encode() + body)}")]
    raise ValueError(provider)


def main() -> None:
    secret_bytes = b"whsec-" + bytes(range(32)).hex().encode()
    secret = kycrypt.HmacKey(secret_bytes)  # parse once at start-up, reuse per request
    body = json.dumps({"type": "applicantReviewed", "reviewResult": {"reviewAnswer": "GREEN"}}).encode()
    expected: Dict[str, kycrypt.WebhookScheme] = {
        "sumsub": kycrypt.WebhookScheme.HMAC_SHA512_HEX,
        "onfido": kycrypt.WebhookScheme.HMAC_SHA256_HEX,
        "veriff": kycrypt.WebhookScheme.HMAC_SHA256_HEX,
        "persona": kycrypt.WebhookScheme.PERSONA_V1,
    }
    for provider, scheme in expected.items():
        headers = dict(signed(provider, secret_bytes, body))  # e.g. dict(request.headers)
        v = webhooks.verify(provider, headers, body, secret, NOW)
        assert v.provider == kycrypt.Provider[provider.upper()] and v.scheme == scheme, v
        # The same call with the enum and the flat name.
        kycrypt.verify_webhook(v.provider, headers, body, secret, NOW)
        try:
            webhooks.verify(provider, headers, body + b" ", secret, NOW)
            raise AssertionError(f"{provider}: a tampered body verified")
        except kycrypt.SignatureInvalidError as e:
            assert e.code == "signature_invalid"
        try:
            webhooks.verify(provider, headers, body, kycrypt.HmacKey(b"another secret"), NOW)
            raise AssertionError(f"{provider}: a wrong secret verified")
        except kycrypt.SignatureInvalidError:
            pass
        print(f"{provider}: verified ({v.scheme.name.lower()}), tampering refused")

    # Persona signs a timestamp: an hour-old webhook is outside the default 300 s window,
    # and inside a wider one (at most 3600 s) when asked.
    stale = dict(signed("persona", secret_bytes, body))
    try:
        webhooks.verify("persona", stale, body, secret, NOW + 3600)
        raise AssertionError("a stale Persona webhook verified")
    except kycrypt.TimestampOutOfWindowError:
        pass
    late = webhooks.verify("persona", stale, body, secret, NOW + 3600, webhooks.WebhookOptions(leeway_secs=3600))
    assert late.timestamp == NOW
    print("persona: stale timestamp refused by default, accepted with leeway_secs=3600")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, kycrypt.KycryptError) as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        sys.exit(1)
