"""Generic JWT/JWS verification with a known key (``kycrypt.verify_jwt``/``verify_jws``)."""

from __future__ import annotations

from typing import Optional

from ._ffi import kycrypt_ffi as _gen
from ._ffi.kycrypt_ffi import JwtValidation, PublicKey, VerifiedJws, VerifiedJwt


def verify_jwt(token: str, key: PublicKey, now: int, validation: Optional[JwtValidation] = None) -> VerifiedJwt:
    """Verifies a compact JWT with ``key`` at ``now`` (unix seconds): signature,
    algorithm, ``exp``/``nbf``/``iat`` and, when set in ``validation``, audience and
    issuer. ``validation=None`` (or a field left ``None``) is the core's default.

    Raises:
        MalformedTokenError, SignatureInvalidError, AlgorithmNotAllowedError,
        ExpiredError, NotYetValidError, AudienceMismatchError, IssuerMismatchError,
        UnknownCriticalHeaderError, InvalidArgumentError.
    """
    return _gen.verify_jwt(token, key, now, validation)


def verify_jws(token: str, key: PublicKey, validation: Optional[JwtValidation] = None) -> VerifiedJws:
    """Verifies a compact JWS with ``key`` (signature and algorithm only; the payload
    need not be JSON).

    Raises:
        MalformedTokenError, SignatureInvalidError, AlgorithmNotAllowedError,
        UnknownCriticalHeaderError.
    """
    return _gen.verify_jws(token, key, validation)
