"""Hypersign: DIDs (``did:key``, ``did:hid``), DID documents and DID-JWTs (EdDSA).

Flat aliases: ``kycrypt.verify_did_jwt`` is ``kycrypt.did.verify_did_jwt``, and so on
for every function here.
"""

from __future__ import annotations

from typing import Optional

from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import (
    Did,
    DidJwtSignOptions,
    DidJwtSignRequest,
    DidJwtValidation,
    DidMethod,
    Ed25519SigningKey,
    VerificationMethod,
    VerificationPurpose,
    VerifiedDidJwt,
)
from ._types import DidDocument, PurposeLike, adopt

#: ``parse_did(did)``: method, namespace and method-specific id of a DID.
parse_did = _gen.parse_did
#: ``decode_ed25519_multibase(multibase)``: the Ed25519 public key of a ``z6Mk…`` string.
decode_ed25519_multibase = _gen.decode_ed25519_multibase
#: ``encode_ed25519_multibase(public_key)``: the ``z6Mk…`` form of an Ed25519 public key.
encode_ed25519_multibase = _gen.encode_ed25519_multibase
#: ``verify_did_jwt(token, document, now, validation)``: ``document`` is the issuer's
#: DID document, or ``None`` for a ``did:key`` issuer (resolved offline).
verify_did_jwt = _gen.verify_did_jwt


def sign_did_jwt(
    claims: DidJwtSignRequest, key: Ed25519SigningKey, now: int, options: Optional[DidJwtSignOptions] = None
) -> str:
    """Signs an EdDSA DID-JWT issued at ``now`` (unix seconds) by ``claims.issuer``.
    ``options`` is ``DidJwtSignOptions(ttl_secs=..., kid=...)``; ``None`` is the core's
    default.

    Raises:
        MalformedInputError (bad ``claims_json``, a negative time), InvalidArgumentError.
    """
    return _gen.sign_did_jwt(claims, key, now, options)


def resolve_did_key(did: str) -> DidDocument:
    """The DID document of a ``did:key`` (Ed25519), resolved offline.

    Raises:
        MalformedInputError: not a ``did:key`` of an Ed25519 key.
    """
    return adopt(_gen.resolve_did_key(did), DidDocument)


__all__ = [
    "Did",
    "DidDocument",
    "DidJwtSignOptions",
    "DidJwtSignRequest",
    "DidJwtValidation",
    "DidMethod",
    "Ed25519SigningKey",
    "PurposeLike",
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
