"""KYC provider webhooks: check the sender's signature over the raw body.

``kycrypt.webhooks.verify`` is also ``kycrypt.verify_webhook``::

    from kycrypt import webhooks

    v = webhooks.verify("sumsub", request_headers, raw_body, secret, now)

Zero Hash's RSA-signed webhooks are :func:`kycrypt.zerohash.verify_webhook_rsa`.
"""

from __future__ import annotations

from typing import Optional, Union

from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import HttpHeader, Provider, VerifiedWebhook, WebhookOptions, WebhookScheme
from ._types import HeadersLike, HmacKey, enum_value, http_headers

#: A webhook sender: ``Provider.SUMSUB`` or its name (``"sumsub"``, ``"onfido"``,
#: ``"veriff"``, ``"persona"``, ``"corepass"``, ``"zerohash"``, ``"jumio"``).
ProviderLike = Union[Provider, str]


def verify(
    provider: ProviderLike,
    headers: HeadersLike,
    body: bytes,
    secret: _gen.HmacKey,
    now: int,
    options: Optional[WebhookOptions] = None,
) -> VerifiedWebhook:
    """Verifies a KYC provider webhook over the raw ``body`` bytes, before any JSON
    parsing, at ``now`` (unix seconds).

    Args:
        provider: who sent it (a :class:`Provider` or its name, e.g. ``"sumsub"``).
        headers: the request headers (a mapping, ``(name, value)`` pairs or
            :class:`HttpHeader` records).
        body: the raw request body.
        secret: the provider's webhook secret, as an :class:`HmacKey`.
        now: the current time, unix seconds.
        options: ``WebhookOptions(leeway_secs=..., zerohash_allow_legacy=...)``;
            ``None`` (or a field left ``None``) is the core's default.

    Returns:
        The provider, the scheme that verified, the signed timestamp and event id.

    Raises:
        MissingHeaderError, SignatureInvalidError, TimestampOutOfWindowError,
        NotSignedError (Jumio), InputTooLargeError, MalformedInputError (a negative
        time), InvalidArgumentError (an unknown provider name, options out of range).
    """
    return _gen.verify_webhook(enum_value(Provider, provider), http_headers(headers), body, secret, now, options)


__all__ = [
    "HeadersLike",
    "HmacKey",
    "HttpHeader",
    "Provider",
    "ProviderLike",
    "VerifiedWebhook",
    "WebhookOptions",
    "WebhookScheme",
    "verify",
]
