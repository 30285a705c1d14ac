"""kycrypt: no-network cryptography and verification for KYC and verifiable-credential
integrations (CorePass, Zero Hash, Moca AIR, Hypersign, KYC webhooks).

Python bindings of the Rust crate ``kycrypt``, generated with UniFFI. Bytes cross as
:class:`bytes`; keys are opaque objects parsed once (:class:`HmacKey`) that never show
their key material. Every failure raises a :class:`KycryptError` subclass whose ``code``
is one of :func:`error_codes`::

    import kycrypt
    key = kycrypt.HmacKey(b"Jefe")
    tag = key.sign(kycrypt.HmacAlg.SHA256, b"what do ya want for nothing?")
    try:
        key.verify(kycrypt.HmacAlg.SHA256, b"tampered", tag)
    except kycrypt.SignatureInvalidError as e:
        assert e.code == "signature_invalid"
"""

from __future__ import annotations

from . import _errors
from ._errors import *  # noqa: F401,F403  (the exception classes)
from ._errors import ERRORS_BY_CODE, KycryptError, error_for
from ._ffi import kycrypt_ffi as _gen

# The public surface: re-exported from the generated module (docstrings and type hints
# come from the Rust doc comments). tests/test_api.py fails if a generated public name
# is missing here or from __all__.
from ._ffi.kycrypt_ffi import (
    CakCallback,
    CakCallbackVerifier,
    CallbackOptions,
    CoreAddress,
    Curve,
    DataInfo,
    Did,
    DidDocument,
    DidJwtSignRequest,
    DidJwtValidation,
    EciesOptions,
    EciesPublicKey,
    EciesSecretKey,
    Ed25519SigningKey,
    Ed448SigningKey,
    EnvelopeInfo,
    HmacAlg,
    HmacKey,
    HttpHeader,
    JwtValidation,
    PartnerClaims,
    PepperInfo,
    PinnedConnector,
    PrivateKey,
    PublicKey,
    SignedHeaders,
    VerificationMethod,
    VerifiedCallback,
    VerifiedDidJwt,
    VerifiedJws,
    VerifiedJwt,
    VerifiedRequest,
    VerifiedWebhook,
    WebhookOptions,
    ZeroHashCredentials,
    ZeroHashPublicKey,
    cak_dedup_key,
    cak_parse_callback,
    check_qrcode_expiration,
    corepass_address_from_public_key,
    corepass_item_sha3,
    corepass_parse_address,
    corepass_parse_pepper,
    decode_ed25519_multibase,
    ecies_decrypt,
    ecies_encrypt,
    ecies_encrypt_with_ephemeral,
    ed25519_verify,
    ed448_verify,
    encode_ed25519_multibase,
    envelope_info,
    error_codes,
    generate_private_key_pem,
    hmac_sha256,
    jwks,
    open_envelope,
    open_envelope_base64,
    parse_did,
    resolve_did_key,
    seal_envelope,
    seal_envelope_base64,
    select_from_jwks,
    sign_did_jwt,
    sign_partner_jwt,
    verify_data_callback,
    verify_did_jwt,
    verify_error_callback,
    verify_jws,
    verify_jwt,
    verify_partner_jwt,
    verify_partner_jwt_jwks,
    verify_status_callback,
    verify_webhook,
    version,
    zerohash_secret_from_base64,
    zerohash_sign,
    zerohash_signing_message,
    zerohash_verify_request,
    zerohash_verify_webhook_rsa,
)


def _install_error_translation() -> None:
    """Makes every call into the library raise :class:`KycryptError` subclasses.

    All generated functions and methods check the call status through the one module
    global ``_uniffi_check_call_status``; wrapping it converts the generated ``FfiError``
    variants (and a panic UniFFI itself caught) in one place. The generator version is
    pinned exactly, and tests/test_errors.py fails if this hook stops applying.
    """
    check = _gen._uniffi_check_call_status

    def check_and_translate(error_ffi_converter, call_status):  # type: ignore[no-untyped-def]
        try:
            check(error_ffi_converter, call_status)
        except _gen.FfiError as e:
            raise error_for(e.code(), str(getattr(e, "reason", e))) from None
        except _gen.InternalError as e:
            raise error_for("internal", f"internal error: {e}") from None

    _gen._uniffi_check_call_status = check_and_translate


_install_error_translation()


# Records that carry secrets or personal data (SignedHeaders, DataInfo, VerifiedCallback,
# HttpHeader, VerifiedJwt, VerifiedJws, VerifiedDidJwt, DidJwtSignRequest, PartnerClaims)
# print redacted: their generated ``__repr__``/``__str__`` call the Rust ``Debug``/
# ``Display`` that bindings/ffi/src/redact.rs exports through UniFFI. Nothing is patched here.

__version__: str = version()

__all__ = [
    "CakCallback",
    "CakCallbackVerifier",
    "CallbackOptions",
    "CoreAddress",
    "Curve",
    "DataInfo",
    "Did",
    "DidDocument",
    "DidJwtSignRequest",
    "DidJwtValidation",
    "EciesOptions",
    "EciesPublicKey",
    "EciesSecretKey",
    "Ed25519SigningKey",
    "Ed448SigningKey",
    "EnvelopeInfo",
    "HmacAlg",
    "HmacKey",
    "HttpHeader",
    "JwtValidation",
    "PartnerClaims",
    "PepperInfo",
    "PinnedConnector",
    "PrivateKey",
    "PublicKey",
    "SignedHeaders",
    "VerificationMethod",
    "VerifiedCallback",
    "VerifiedDidJwt",
    "VerifiedJws",
    "VerifiedJwt",
    "VerifiedRequest",
    "VerifiedWebhook",
    "WebhookOptions",
    "ZeroHashCredentials",
    "ZeroHashPublicKey",
    "cak_dedup_key",
    "cak_parse_callback",
    "check_qrcode_expiration",
    "corepass_address_from_public_key",
    "corepass_item_sha3",
    "corepass_parse_address",
    "corepass_parse_pepper",
    "decode_ed25519_multibase",
    "ecies_decrypt",
    "ecies_encrypt",
    "ecies_encrypt_with_ephemeral",
    "ed25519_verify",
    "ed448_verify",
    "encode_ed25519_multibase",
    "envelope_info",
    "error_codes",
    "generate_private_key_pem",
    "hmac_sha256",
    "jwks",
    "open_envelope",
    "open_envelope_base64",
    "parse_did",
    "resolve_did_key",
    "seal_envelope",
    "seal_envelope_base64",
    "select_from_jwks",
    "sign_did_jwt",
    "sign_partner_jwt",
    "verify_data_callback",
    "verify_did_jwt",
    "verify_error_callback",
    "verify_jws",
    "verify_jwt",
    "verify_partner_jwt",
    "verify_partner_jwt_jwks",
    "verify_status_callback",
    "verify_webhook",
    "version",
    "zerohash_secret_from_base64",
    "zerohash_sign",
    "zerohash_signing_message",
    "zerohash_verify_request",
    "zerohash_verify_webhook_rsa",
    "KycryptError",
    "ERRORS_BY_CODE",
    *(cls.__name__ for cls in ERRORS_BY_CODE.values()),
]
del _errors
