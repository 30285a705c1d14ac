"""Moca AIR: partner JWTs (and the JWKS to publish), CAK encryption of personal data,
CAK callbacks.

Flat aliases: ``kycrypt.sign_partner_jwt`` is ``kycrypt.moca.sign_partner_jwt``, and so
on for every name here (``kycrypt.seal_envelope``, ``kycrypt.cak_parse_callback``, ...).
"""

from __future__ import annotations

from typing import Optional

from . import _fast
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

#: ``jwks(keys, kids)``: the JWKS text to publish for ``keys`` (a list of
#: :class:`PublicKey`) named by ``kids`` (one ``str`` or ``None`` per key).
jwks = _gen.jwks
select_from_jwks = _gen.select_from_jwks
generate_private_key_pem = _gen.generate_private_key_pem

# CAK encryption (ECIES, eciesjs-compatible): seal_envelope / open_envelope write and
# read a self-describing envelope; ecies_encrypt / ecies_decrypt the raw bytes.
open_envelope_base64 = _gen.open_envelope_base64
envelope_info = _gen.envelope_info


def sign_partner_jwt(
    claims: PartnerClaims, key: PrivateKey, now: int, options: Optional[PartnerJwtSignOptions] = None
) -> str:
    """Signs a Moca partner JWT (RS256 or ES256, by the key) issued at ``now`` (unix
    seconds). ``options`` is ``PartnerJwtSignOptions(ttl_secs=..., kid=...)``
    (default: 300 s, no ``kid``); ``None`` is the core's default.

    Raises:
        InvalidKeyError (a key Moca does not accept), InvalidArgumentError (options out
        of range), MalformedInputError (bad ``extra_json``, a negative time).
    """
    return _fast.sign_partner_jwt(claims, key, now, options)


def verify_partner_jwt(
    token: str, key: PublicKey, now: int, options: Optional[PartnerJwtValidation] = None
) -> VerifiedPartnerClaims:
    """Verifies a partner JWT with ``key`` at ``now`` (unix seconds), as Moca does.
    ``options`` is ``PartnerJwtValidation(leeway_secs=...)``; ``None`` is the core's
    default.

    Raises:
        MalformedTokenError, SignatureInvalidError, AlgorithmNotAllowedError,
        ExpiredError, NotYetValidError, InvalidArgumentError.
    """
    return _fast.verify_partner_jwt(token, key, now, options)


def verify_partner_jwt_jwks(
    token: str, jwks: str, now: int, options: Optional[PartnerJwtValidation] = None
) -> VerifiedPartnerClaims:
    """As :func:`verify_partner_jwt`, with the key picked from the JWKS text ``jwks``
    by the token's ``kid``.

    Raises:
        As :func:`verify_partner_jwt`, and KeyNotFoundError / InvalidKeyError for the JWKS.
    """
    return _gen.verify_partner_jwt_jwks(token, jwks, now, options)


def seal_envelope(plaintext: bytes, recipient: _gen.EciesPublicKey, options: Optional[EciesOptions] = None) -> bytes:
    """Encrypts ``plaintext`` to ``recipient`` (a CAK public key) in a self-describing
    envelope (curve and options recorded) to store. ``options``: ``EciesOptions``;
    ``None`` is the core's default (eciesjs's).

    Raises:
        InputTooLargeError, InvalidArgumentError (options out of range).
    """
    return _fast.ecies(0, plaintext, recipient, options)


def seal_envelope_base64(
    plaintext: bytes, recipient: _gen.EciesPublicKey, options: Optional[EciesOptions] = None
) -> str:
    """As :func:`seal_envelope`, as standard base64 text."""
    return _gen.seal_envelope_base64(plaintext, recipient, options)


def ecies_encrypt(plaintext: bytes, recipient: _gen.EciesPublicKey, options: Optional[EciesOptions] = None) -> bytes:
    """Encrypts ``plaintext`` to ``recipient``: the raw eciesjs-compatible bytes
    (ephemeral key, nonce, tag, ciphertext). ``None`` options: eciesjs's defaults.

    Raises:
        InputTooLargeError, InvalidArgumentError (options out of range).
    """
    return _fast.ecies(2, plaintext, recipient, options)


def ecies_decrypt(ciphertext: bytes, secret: _gen.EciesSecretKey, options: Optional[EciesOptions] = None) -> bytes:
    """Decrypts raw eciesjs-compatible bytes with ``secret``; ``options`` must match the
    sender's (``None``: eciesjs's defaults).

    Raises:
        DecryptionFailedError (wrong key or tampered), MalformedInputError, CurveMismatchError.
    """
    return _fast.ecies(3, ciphertext, secret, options)


def open_envelope(envelope: bytes, secret: _gen.EciesSecretKey) -> bytes:
    """Opens a ``KYCE`` envelope with ``secret`` (the options come from its header).

    Raises:
        DecryptionFailedError (wrong key or tampered), CurveMismatchError,
        MalformedInputError, UnsupportedAlgorithmError (an unknown envelope version).
    """
    return _fast.ecies(1, envelope, secret, None)


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
