"""Zero Hash: sign API requests, check them server-side, verify RSA-signed webhooks.

Flat aliases: ``kycrypt.zerohash_sign`` is ``kycrypt.zerohash.sign``, and so on for
``signing_message``, ``secret_from_base64``, ``verify_request`` and
``verify_webhook_rsa`` (``kycrypt.zerohash_verify_webhook_rsa``). HMAC-signed Zero
Hash webhooks go through :func:`kycrypt.webhooks.verify` with ``"zerohash"``.
"""

from __future__ import annotations

from typing import Optional

from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import (
    RequestOptions,
    SignedHeaders,
    VerifiedRequest,
    VerifiedWebhook,
    WebhookOptions,
    ZeroHashCredentials,
    ZeroHashPublicKey,
)
from ._types import HeadersLike, HmacKey, adopt, http_headers

#: The prehash string ``timestamp + METHOD + route + body`` that is signed:
#: ``signing_message(method, route, body, timestamp)``.
signing_message = _gen.zerohash_signing_message

#: ``X-SCX-SIGNED`` of a request: ``sign(method, route, body, secret, timestamp)``,
#: base64 HMAC-SHA256 under ``secret`` (an :class:`HmacKey`) at ``timestamp``.
sign = _gen.zerohash_sign


def secret_from_base64(secret_b64: str) -> HmacKey:
    """Decodes a Zero Hash API secret (standard base64) into an :class:`HmacKey`.

    Raises:
        MalformedInputError: it is not base64 (the secret is not echoed).
        InvalidKeyError: it decodes to nothing.
    """
    return adopt(_gen.zerohash_secret_from_base64(secret_b64), HmacKey)


def verify_request(
    headers: HeadersLike,
    method: str,
    route: str,
    body: str,
    secret: _gen.HmacKey,
    now: int,
    options: Optional[RequestOptions] = None,
) -> VerifiedRequest:
    """Server side: verifies the ``X-SCX-SIGNED`` / ``X-SCX-TIMESTAMP`` headers of a
    request at ``now`` (unix seconds).

    ``options`` is ``RequestOptions(leeway_secs=...)`` (default 60 s, at most 300);
    ``None`` is the core's default.

    Raises:
        MissingHeaderError, MalformedInputError, TimestampOutOfWindowError,
        SignatureInvalidError, InvalidArgumentError (options out of range).
    """
    return _gen.zerohash_verify_request(http_headers(headers), method, route, body, secret, now, options)


def verify_webhook_rsa(
    headers: HeadersLike,
    body: bytes,
    key: ZeroHashPublicKey,
    now: int,
    options: Optional[WebhookOptions] = None,
) -> VerifiedWebhook:
    """Verifies a Zero Hash webhook signed with RSA (``x-zh-hook-rsa-signature``) over
    the raw ``body`` at ``now`` (unix seconds); ``key`` is
    ``ZeroHashPublicKey.from_pem(pem)``.

    Raises:
        As :func:`kycrypt.webhooks.verify`.
    """
    return _gen.zerohash_verify_webhook_rsa(http_headers(headers), body, key, now, options)


__all__ = [
    "RequestOptions",
    "SignedHeaders",
    "VerifiedRequest",
    "ZeroHashCredentials",
    "ZeroHashPublicKey",
    "secret_from_base64",
    "sign",
    "signing_message",
    "verify_request",
    "verify_webhook_rsa",
]
