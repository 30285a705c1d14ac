"""kycrypt: no-network cryptography and verification for KYC and verifiable-credential
integrations (CorePass, Zero Hash, Moca AIR, Hypersign, KYC webhooks).

Python bindings of the Rust crate ``kycrypt``, generated with UniFFI, under a small
pure-Python facade. Bytes cross as :class:`bytes`, times are unix seconds (``int``),
keys are opaque objects parsed once that never show their key material, and every
failure raises a :class:`KycryptError` subclass whose ``code`` is one of
:func:`error_codes`::

    import kycrypt

    key = kycrypt.HmacKey(b"Jefe")
    tag = key.sign("sha256", b"what do ya want for nothing?")
    try:
        key.verify(kycrypt.HmacAlg.SHA256, b"tampered", tag)
    except kycrypt.SignatureInvalidError as e:
        assert e.code == "signature_invalid"

Areas: :mod:`kycrypt.webhooks`, :mod:`kycrypt.zerohash`, :mod:`kycrypt.corepass`,
:mod:`kycrypt.moca`, :mod:`kycrypt.did`; every function is also here under its flat
name (``kycrypt.verify_webhook`` is ``kycrypt.webhooks.verify``). Test hooks live in
:mod:`kycrypt.hazmat` only.
"""

from __future__ import annotations

from . import hazmat, webhooks, zerohash
from ._errors import (
    ERRORS_BY_CODE,
    AlgorithmNotAllowedError,
    AudienceMismatchError,
    CurveMismatchError,
    DeadlineOnlyNotAllowedError,
    DecryptionFailedError,
    DidDeactivatedError,
    ExpiredError,
    InputTooLargeError,
    InternalError,
    InvalidArgumentError,
    InvalidKeyError,
    IssuerMismatchError,
    KeyMismatchError,
    KeyNotFoundError,
    KycryptError,
    MalformedInputError,
    MalformedTokenError,
    MissingHeaderError,
    NotSignedError,
    NotYetValidError,
    SignatureInvalidError,
    TimestampOutOfWindowError,
    UnknownCriticalHeaderError,
    UnsupportedAlgorithmError,
    UnverifiableSignatureError,
)
from ._ffi.kycrypt_ffi import (
    HmacAlg,
    HttpHeader,
    Provider,
    RequestOptions,
    SignedHeaders,
    VerifiedRequest,
    VerifiedWebhook,
    WebhookOptions,
    WebhookScheme,
    ZeroHashCredentials,
    ZeroHashPublicKey,
    error_codes,
    hmac_sha256,
    version,
)
from ._types import HeadersLike, HmacAlgLike, HmacKey
from .webhooks import ProviderLike
from .webhooks import verify as verify_webhook
from .zerohash import secret_from_base64 as zerohash_secret_from_base64
from .zerohash import sign as zerohash_sign
from .zerohash import signing_message as zerohash_signing_message
from .zerohash import verify_request as zerohash_verify_request
from .zerohash import verify_webhook_rsa as zerohash_verify_webhook_rsa

__version__: str = version()

__all__ = [
    # errors
    "KycryptError",
    "ERRORS_BY_CODE",
    "MalformedInputError",
    "MalformedTokenError",
    "MissingHeaderError",
    "InputTooLargeError",
    "InvalidKeyError",
    "KeyMismatchError",
    "CurveMismatchError",
    "SignatureInvalidError",
    "UnverifiableSignatureError",
    "ExpiredError",
    "NotYetValidError",
    "TimestampOutOfWindowError",
    "DeadlineOnlyNotAllowedError",
    "AudienceMismatchError",
    "IssuerMismatchError",
    "AlgorithmNotAllowedError",
    "UnsupportedAlgorithmError",
    "UnknownCriticalHeaderError",
    "KeyNotFoundError",
    "DidDeactivatedError",
    "DecryptionFailedError",
    "NotSignedError",
    "InvalidArgumentError",
    "InternalError",
    # the library
    "error_codes",
    "version",
    # facade types
    "HeadersLike",
    "HmacAlgLike",
    "ProviderLike",
    # hmac
    "HmacAlg",
    "HmacKey",
    "hmac_sha256",
    # webhooks
    "webhooks",
    "HttpHeader",
    "Provider",
    "VerifiedWebhook",
    "WebhookOptions",
    "WebhookScheme",
    "verify_webhook",
    # zerohash
    "zerohash",
    "RequestOptions",
    "SignedHeaders",
    "VerifiedRequest",
    "ZeroHashCredentials",
    "ZeroHashPublicKey",
    "zerohash_secret_from_base64",
    "zerohash_sign",
    "zerohash_signing_message",
    "zerohash_verify_request",
    "zerohash_verify_webhook_rsa",
]
