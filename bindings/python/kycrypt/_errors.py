"""The kycrypt exception hierarchy: one base class, one subclass per stable code.

Every failure raised by :mod:`kycrypt` is a :class:`KycryptError` whose ``code`` is one of
:func:`kycrypt.error_codes`; catch the subclass to act on one code. Messages never contain
key material, tags or claim values.
"""

from __future__ import annotations

from typing import Dict, Type


class KycryptError(Exception):
    """Base class of every kycrypt error.

    Attributes:
        code: the stable, machine-readable code (``snake_case``), the same in every binding.
        message: what was wrong, for operators (no secrets, no personal data).
    """

    code: str
    message: str

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class MalformedInputError(KycryptError):
    """Code ``malformed_input``: The input could not be parsed (bad JSON, hex/base64, length, missing field)."""


class MalformedTokenError(KycryptError):
    """Code ``malformed_token``: A compact JWS/JWT is not well formed."""


class MissingHeaderError(KycryptError):
    """Code ``missing_header``: A required header is absent."""


class InputTooLargeError(KycryptError):
    """Code ``input_too_large``: An input is larger than its documented limit."""


class InvalidKeyError(KycryptError):
    """Code ``invalid_key``: A key could not be parsed or is not usable."""


class KeyMismatchError(KycryptError):
    """Code ``key_mismatch``: The message was signed by a key other than the pinned one."""


class CurveMismatchError(KycryptError):
    """Code ``curve_mismatch``: A key or ciphertext belongs to another curve than the one asked for."""


class SignatureInvalidError(KycryptError):
    """Code ``signature_invalid``: The signature or MAC does not verify."""


class UnverifiableSignatureError(KycryptError):
    """Code ``unverifiable_signature``: No known message form verifies with the pinned key."""


class ExpiredError(KycryptError):
    """Code ``expired``: A deadline or ``exp`` has passed (beyond the allowed skew)."""


class NotYetValidError(KycryptError):
    """Code ``not_yet_valid``: ``nbf``/``iat`` lies in the future (beyond the allowed skew)."""


class TimestampOutOfWindowError(KycryptError):
    """Code ``timestamp_out_of_window``: A signed timestamp is outside the accepted window."""


class DeadlineOnlyNotAllowedError(KycryptError):
    """Code ``deadline_only_not_allowed``: The signature covers only the deadline and the caller did not opt in."""


class AudienceMismatchError(KycryptError):
    """Code ``audience_mismatch``: The token's audience is not the expected one."""


class IssuerMismatchError(KycryptError):
    """Code ``issuer_mismatch``: The issuer, or the DID a ``kid`` names, is not the expected one."""


class AlgorithmNotAllowedError(KycryptError):
    """Code ``algorithm_not_allowed``: The algorithm is known but not allowed for this key or check."""


class UnsupportedAlgorithmError(KycryptError):
    """Code ``unsupported_algorithm``: The algorithm, curve or key type is not supported by this build."""


class UnknownCriticalHeaderError(KycryptError):
    """Code ``unknown_critical_header``: A JWS ``crit`` extension is not understood, or ``b64: false`` is used."""


class KeyNotFoundError(KycryptError):
    """Code ``key_not_found``: No usable key was found."""


class DidDeactivatedError(KycryptError):
    """Code ``did_deactivated``: The DID document is deactivated."""


class DecryptionFailedError(KycryptError):
    """Code ``decryption_failed``: Decryption failed (wrong key or tampered ciphertext)."""


class NotSignedError(KycryptError):
    """Code ``not_signed``: The provider does not sign its messages, so nothing can be verified."""


class InvalidArgumentError(KycryptError):
    """Code ``invalid_argument``: A caller-supplied option is out of range."""


class InternalError(KycryptError):
    """Code ``internal``: A bug inside kycrypt (for example a panic caught at the FFI boundary)."""


#: Exception class per stable code.
ERRORS_BY_CODE: Dict[str, Type[KycryptError]] = {
    "malformed_input": MalformedInputError,
    "malformed_token": MalformedTokenError,
    "missing_header": MissingHeaderError,
    "input_too_large": InputTooLargeError,
    "invalid_key": InvalidKeyError,
    "key_mismatch": KeyMismatchError,
    "curve_mismatch": CurveMismatchError,
    "signature_invalid": SignatureInvalidError,
    "unverifiable_signature": UnverifiableSignatureError,
    "expired": ExpiredError,
    "not_yet_valid": NotYetValidError,
    "timestamp_out_of_window": TimestampOutOfWindowError,
    "deadline_only_not_allowed": DeadlineOnlyNotAllowedError,
    "audience_mismatch": AudienceMismatchError,
    "issuer_mismatch": IssuerMismatchError,
    "algorithm_not_allowed": AlgorithmNotAllowedError,
    "unsupported_algorithm": UnsupportedAlgorithmError,
    "unknown_critical_header": UnknownCriticalHeaderError,
    "key_not_found": KeyNotFoundError,
    "did_deactivated": DidDeactivatedError,
    "decryption_failed": DecryptionFailedError,
    "not_signed": NotSignedError,
    "invalid_argument": InvalidArgumentError,
    "internal": InternalError,
}


def error_for(code: str, message: str) -> KycryptError:
    """The exception for ``code`` (an unknown code becomes :class:`InternalError`)."""
    cls = ERRORS_BY_CODE.get(code)
    if cls is None:
        return InternalError("internal", f"unmapped error code {code}: {message}")
    return cls(code, message)
