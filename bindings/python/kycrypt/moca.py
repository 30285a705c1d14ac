"""Moca AIR: partner JWTs (and the JWKS to publish), CAK encryption of personal data,
CAK callbacks.

Flat aliases: ``kycrypt.sign_partner_jwt`` is ``kycrypt.moca.sign_partner_jwt``, and so
on for every name here (``kycrypt.seal_envelope``, ``kycrypt.cak_parse_callback``, ...).
"""

from __future__ import annotations

from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import (
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
)
from ._types import CurveLike, EciesPublicKey, EciesSecretKey

# Partner JWTs: sign_partner_jwt(claims, key, now, options=None),
# verify_partner_jwt(token, key, now, options=None),
# verify_partner_jwt_jwks(token, jwks, now, options=None); jwks(keys, kids) publishes.
sign_partner_jwt = _gen.sign_partner_jwt
verify_partner_jwt = _gen.verify_partner_jwt
verify_partner_jwt_jwks = _gen.verify_partner_jwt_jwks
jwks = _gen.jwks
select_from_jwks = _gen.select_from_jwks
generate_private_key_pem = _gen.generate_private_key_pem

# CAK encryption (ECIES, eciesjs-compatible): seal_envelope(plaintext, recipient,
# options=None) / open_envelope(envelope, secret) write and read a self-describing
# envelope; ecies_encrypt / ecies_decrypt the raw bytes.
seal_envelope = _gen.seal_envelope
seal_envelope_base64 = _gen.seal_envelope_base64
open_envelope = _gen.open_envelope
open_envelope_base64 = _gen.open_envelope_base64
envelope_info = _gen.envelope_info
ecies_encrypt = _gen.ecies_encrypt
ecies_decrypt = _gen.ecies_decrypt

# CAK callbacks.
cak_parse_callback = _gen.cak_parse_callback
cak_dedup_key = _gen.cak_dedup_key

__all__ = [
    "CakCallback",
    "CakCallbackVerifier",
    "Curve",
    "CurveLike",
    "EciesOptions",
    "EciesPublicKey",
    "EciesSecretKey",
    "EnvelopeInfo",
    "PartnerClaims",
    "PartnerJwtSignOptions",
    "PartnerJwtValidation",
    "PrivateKey",
    "PublicKey",
    "VerifiedPartnerClaims",
    "cak_dedup_key",
    "cak_parse_callback",
    "ecies_decrypt",
    "ecies_encrypt",
    "envelope_info",
    "generate_private_key_pem",
    "jwks",
    "open_envelope",
    "open_envelope_base64",
    "seal_envelope",
    "seal_envelope_base64",
    "select_from_jwks",
    "sign_partner_jwt",
    "verify_partner_jwt",
    "verify_partner_jwt_jwks",
]
