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

from . import corepass, did, hazmat, moca, webhooks, zerohash
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
    Ed448SigningKey,
    HmacAlg,
    JwtValidation,
    VerifiedJws,
    VerifiedJwt,
    ed25519_verify,
    ed448_verify,
    error_codes,
    version,
)
from ._fast import hmac_sha256
from ._jwt import verify_jws, verify_jwt
from ._types import (
    CurveLike,
    DidDocument,
    EciesPublicKey,
    EciesSecretKey,
    HeadersLike,
    HmacAlgLike,
    HmacKey,
    PurposeLike,
)
from .corepass import (
    CallbackKind,
    CallbackKindLike,
    CallbackOptions,
    CoreAddress,
    CorePassStatus,
    Coverage,
    DataInfo,
    Network,
    NetworkLike,
    PepperInfo,
    PinnedConnector,
    VerifiedCallback,
    check_qrcode_expiration,
)
from .corepass import address_from_public_key as corepass_address_from_public_key
from .corepass import item_sha3 as corepass_item_sha3
from .corepass import parse_address as corepass_parse_address
from .corepass import parse_pepper as corepass_parse_pepper
from .corepass import verify_callback as verify_corepass_callback
from .did import (
    Did,
    DidJwtSignOptions,
    DidJwtSignRequest,
    DidJwtValidation,
    DidMethod,
    Ed25519SigningKey,
    VerificationMethod,
    VerificationPurpose,
    VerifiedDidJwt,
    decode_ed25519_multibase,
    encode_ed25519_multibase,
    parse_did,
    resolve_did_key,
    sign_did_jwt,
    verify_did_jwt,
)
from .moca import (
    CakCallback,
    CakCallbackVerifier,
    Curve,
    EciesOptions,
    EnvelopeInfo,
    PartnerClaims,
    PartnerJwtSignOptions,
    PartnerJwtValidation,
    PrivateKey,
    PublicKey,
    VerifiedPartnerClaims,
    cak_dedup_key,
    cak_parse_callback,
    ecies_decrypt,
    ecies_encrypt,
    envelope_info,
    generate_private_key_pem,
    jwks,
    open_envelope,
    open_envelope_base64,
    seal_envelope,
    seal_envelope_base64,
    select_from_jwks,
    sign_partner_jwt,
    verify_partner_jwt,
    verify_partner_jwt_jwks,
)
from .webhooks import HttpHeader, Provider, ProviderLike, VerifiedWebhook, WebhookOptions, WebhookScheme
from .webhooks import verify as verify_webhook
from .zerohash import RequestOptions, SignedHeaders, VerifiedRequest, ZeroHashCredentials, ZeroHashPublicKey
from .zerohash import secret_from_base64 as zerohash_secret_from_base64
from .zerohash import sign as zerohash_sign
from .zerohash import signing_message as zerohash_signing_message
from .zerohash import verify_request as zerohash_verify_request
from .zerohash import verify_webhook_rsa as zerohash_verify_webhook_rsa

__version__: str = version()

# A literal list, not built from ``_errors.ERROR_NAMES``: type checkers and IDEs read
# ``__all__`` without running the module. tests/test_api.py checks that it names every
# error class, in the order of the core's table.
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
    # facade types: what an argument also accepts
    "CallbackKindLike",
    "CurveLike",
    "HeadersLike",
    "HmacAlgLike",
    "NetworkLike",
    "ProviderLike",
    "PurposeLike",
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
    # corepass
    "corepass",
    "CallbackKind",
    "CallbackOptions",
    "CoreAddress",
    "CorePassStatus",
    "Coverage",
    "DataInfo",
    "Network",
    "PepperInfo",
    "PinnedConnector",
    "VerifiedCallback",
    "check_qrcode_expiration",
    "corepass_address_from_public_key",
    "corepass_item_sha3",
    "corepass_parse_address",
    "corepass_parse_pepper",
    "verify_corepass_callback",
    # moca: partner JWTs, CAK encryption and callbacks
    "moca",
    "CakCallback",
    "CakCallbackVerifier",
    "Curve",
    "EciesOptions",
    "EciesPublicKey",
    "EciesSecretKey",
    "EnvelopeInfo",
    "PartnerClaims",
    "PartnerJwtSignOptions",
    "PartnerJwtValidation",
    "VerifiedPartnerClaims",
    "cak_dedup_key",
    "cak_parse_callback",
    "ecies_decrypt",
    "ecies_encrypt",
    "envelope_info",
    "open_envelope",
    "open_envelope_base64",
    "seal_envelope",
    "seal_envelope_base64",
    "sign_partner_jwt",
    "verify_partner_jwt",
    "verify_partner_jwt_jwks",
    # keys and JWT/JWS
    "PrivateKey",
    "PublicKey",
    "JwtValidation",
    "VerifiedJws",
    "VerifiedJwt",
    "generate_private_key_pem",
    "jwks",
    "select_from_jwks",
    "verify_jws",
    "verify_jwt",
    # EdDSA
    "Ed25519SigningKey",
    "Ed448SigningKey",
    "ed25519_verify",
    "ed448_verify",
    # did (Hypersign)
    "did",
    "Did",
    "DidDocument",
    "DidJwtSignOptions",
    "DidJwtSignRequest",
    "DidJwtValidation",
    "DidMethod",
    "VerificationMethod",
    "VerificationPurpose",
    "VerifiedDidJwt",
    "decode_ed25519_multibase",
    "encode_ed25519_multibase",
    "parse_did",
    "resolve_did_key",
    "sign_did_jwt",
    "verify_did_jwt",
]
