"""The exception classes: the generated ``KycryptError`` and one subclass per stable code.

At run time every name here *is* the generated class (``SignatureInvalidError is
KycryptError.SignatureInvalid``); nothing is wrapped or patched. The ``TYPE_CHECKING``
branch only describes them to type checkers: the generated module declares the variants
with a pattern mypy cannot follow (the base class is redefined and the variants are set
as attributes afterwards), so without it ``e.code`` and ``KycryptError.SignatureInvalid``
would not type-check. ``tests/test_errors.py`` checks that both branches agree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Dict, Type

from ._ffi import kycrypt_ffi as _gen

if TYPE_CHECKING:

    class KycryptError(Exception):
        """A kycrypt failure, with a stable machine-readable ``code``.

        Catch the subclass for one code (``SignatureInvalidError``, also spelled
        ``KycryptError.SignatureInvalid``), or this base for all. ``reason`` says what
        was wrong, for operators: never a secret or a claim value.
        """

        code: str
        reason: str

        def __init__(self, code: str, reason: str) -> None: ...

        MalformedInput: ClassVar[Type[MalformedInputError]]
        MalformedToken: ClassVar[Type[MalformedTokenError]]
        MissingHeader: ClassVar[Type[MissingHeaderError]]
        InputTooLarge: ClassVar[Type[InputTooLargeError]]
        InvalidKey: ClassVar[Type[InvalidKeyError]]
        KeyMismatch: ClassVar[Type[KeyMismatchError]]
        CurveMismatch: ClassVar[Type[CurveMismatchError]]
        SignatureInvalid: ClassVar[Type[SignatureInvalidError]]
        UnverifiableSignature: ClassVar[Type[UnverifiableSignatureError]]
        Expired: ClassVar[Type[ExpiredError]]
        NotYetValid: ClassVar[Type[NotYetValidError]]
        TimestampOutOfWindow: ClassVar[Type[TimestampOutOfWindowError]]
        DeadlineOnlyNotAllowed: ClassVar[Type[DeadlineOnlyNotAllowedError]]
        AudienceMismatch: ClassVar[Type[AudienceMismatchError]]
        IssuerMismatch: ClassVar[Type[IssuerMismatchError]]
        AlgorithmNotAllowed: ClassVar[Type[AlgorithmNotAllowedError]]
        UnsupportedAlgorithm: ClassVar[Type[UnsupportedAlgorithmError]]
        UnknownCriticalHeader: ClassVar[Type[UnknownCriticalHeaderError]]
        KeyNotFound: ClassVar[Type[KeyNotFoundError]]
        DidDeactivated: ClassVar[Type[DidDeactivatedError]]
        DecryptionFailed: ClassVar[Type[DecryptionFailedError]]
        NotSigned: ClassVar[Type[NotSignedError]]
        InvalidArgument: ClassVar[Type[InvalidArgumentError]]
        Internal: ClassVar[Type[InternalError]]

    class MalformedInputError(KycryptError): ...
    class MalformedTokenError(KycryptError): ...
    class MissingHeaderError(KycryptError): ...
    class InputTooLargeError(KycryptError): ...
    class InvalidKeyError(KycryptError): ...
    class KeyMismatchError(KycryptError): ...
    class CurveMismatchError(KycryptError): ...
    class SignatureInvalidError(KycryptError): ...
    class UnverifiableSignatureError(KycryptError): ...
    class ExpiredError(KycryptError): ...
    class NotYetValidError(KycryptError): ...
    class TimestampOutOfWindowError(KycryptError): ...
    class DeadlineOnlyNotAllowedError(KycryptError): ...
    class AudienceMismatchError(KycryptError): ...
    class IssuerMismatchError(KycryptError): ...
    class AlgorithmNotAllowedError(KycryptError): ...
    class UnsupportedAlgorithmError(KycryptError): ...
    class UnknownCriticalHeaderError(KycryptError): ...
    class KeyNotFoundError(KycryptError): ...
    class DidDeactivatedError(KycryptError): ...
    class DecryptionFailedError(KycryptError): ...
    class NotSignedError(KycryptError): ...
    class InvalidArgumentError(KycryptError): ...
    class InternalError(KycryptError): ...

else:
    KycryptError = _gen.KycryptError
    MalformedInputError = KycryptError.MalformedInput
    MalformedTokenError = KycryptError.MalformedToken
    MissingHeaderError = KycryptError.MissingHeader
    InputTooLargeError = KycryptError.InputTooLarge
    InvalidKeyError = KycryptError.InvalidKey
    KeyMismatchError = KycryptError.KeyMismatch
    CurveMismatchError = KycryptError.CurveMismatch
    SignatureInvalidError = KycryptError.SignatureInvalid
    UnverifiableSignatureError = KycryptError.UnverifiableSignature
    ExpiredError = KycryptError.Expired
    NotYetValidError = KycryptError.NotYetValid
    TimestampOutOfWindowError = KycryptError.TimestampOutOfWindow
    DeadlineOnlyNotAllowedError = KycryptError.DeadlineOnlyNotAllowed
    AudienceMismatchError = KycryptError.AudienceMismatch
    IssuerMismatchError = KycryptError.IssuerMismatch
    AlgorithmNotAllowedError = KycryptError.AlgorithmNotAllowed
    UnsupportedAlgorithmError = KycryptError.UnsupportedAlgorithm
    UnknownCriticalHeaderError = KycryptError.UnknownCriticalHeader
    KeyNotFoundError = KycryptError.KeyNotFound
    DidDeactivatedError = KycryptError.DidDeactivated
    DecryptionFailedError = KycryptError.DecryptionFailed
    NotSignedError = KycryptError.NotSigned
    InvalidArgumentError = KycryptError.InvalidArgument
    InternalError = KycryptError.Internal

#: The names of the subclasses, in the order of the core's error table.
ERROR_NAMES = (
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
)


def _code_of(name: str) -> str:
    """``SignatureInvalidError`` -> ``signature_invalid``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name[: -len("Error")]).lower()


#: The exception class of each stable code (``kycrypt.error_codes()``).
ERRORS_BY_CODE: Dict[str, Type[KycryptError]] = {_code_of(n): globals()[n] for n in ERROR_NAMES}
