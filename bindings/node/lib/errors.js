'use strict'
// The kycrypt error hierarchy: one base class, one subclass per stable code.
// Every failure thrown by this package is a KycryptError whose `code` is one of
// errorCodes(); messages never contain key material, tags or claim values.

/** Base class of every kycrypt error. */
class KycryptError extends Error {
  /**
   * @param {string} code the stable, machine-readable code
   * @param {string} message what was wrong
   */
  constructor(code, message) {
    super(message)
    this.name = new.target.name
    /** @type {string} */
    this.code = code
  }
}

const ERRORS_BY_CODE = Object.create(null)

/** Code `malformed_input`. */
class MalformedInputError extends KycryptError {}
ERRORS_BY_CODE.malformed_input = MalformedInputError

/** Code `malformed_token`. */
class MalformedTokenError extends KycryptError {}
ERRORS_BY_CODE.malformed_token = MalformedTokenError

/** Code `missing_header`. */
class MissingHeaderError extends KycryptError {}
ERRORS_BY_CODE.missing_header = MissingHeaderError

/** Code `input_too_large`. */
class InputTooLargeError extends KycryptError {}
ERRORS_BY_CODE.input_too_large = InputTooLargeError

/** Code `invalid_key`. */
class InvalidKeyError extends KycryptError {}
ERRORS_BY_CODE.invalid_key = InvalidKeyError

/** Code `key_mismatch`. */
class KeyMismatchError extends KycryptError {}
ERRORS_BY_CODE.key_mismatch = KeyMismatchError

/** Code `curve_mismatch`. */
class CurveMismatchError extends KycryptError {}
ERRORS_BY_CODE.curve_mismatch = CurveMismatchError

/** Code `signature_invalid`. */
class SignatureInvalidError extends KycryptError {}
ERRORS_BY_CODE.signature_invalid = SignatureInvalidError

/** Code `unverifiable_signature`. */
class UnverifiableSignatureError extends KycryptError {}
ERRORS_BY_CODE.unverifiable_signature = UnverifiableSignatureError

/** Code `expired`. */
class ExpiredError extends KycryptError {}
ERRORS_BY_CODE.expired = ExpiredError

/** Code `not_yet_valid`. */
class NotYetValidError extends KycryptError {}
ERRORS_BY_CODE.not_yet_valid = NotYetValidError

/** Code `timestamp_out_of_window`. */
class TimestampOutOfWindowError extends KycryptError {}
ERRORS_BY_CODE.timestamp_out_of_window = TimestampOutOfWindowError

/** Code `deadline_only_not_allowed`. */
class DeadlineOnlyNotAllowedError extends KycryptError {}
ERRORS_BY_CODE.deadline_only_not_allowed = DeadlineOnlyNotAllowedError

/** Code `audience_mismatch`. */
class AudienceMismatchError extends KycryptError {}
ERRORS_BY_CODE.audience_mismatch = AudienceMismatchError

/** Code `issuer_mismatch`. */
class IssuerMismatchError extends KycryptError {}
ERRORS_BY_CODE.issuer_mismatch = IssuerMismatchError

/** Code `algorithm_not_allowed`. */
class AlgorithmNotAllowedError extends KycryptError {}
ERRORS_BY_CODE.algorithm_not_allowed = AlgorithmNotAllowedError

/** Code `unsupported_algorithm`. */
class UnsupportedAlgorithmError extends KycryptError {}
ERRORS_BY_CODE.unsupported_algorithm = UnsupportedAlgorithmError

/** Code `unknown_critical_header`. */
class UnknownCriticalHeaderError extends KycryptError {}
ERRORS_BY_CODE.unknown_critical_header = UnknownCriticalHeaderError

/** Code `key_not_found`. */
class KeyNotFoundError extends KycryptError {}
ERRORS_BY_CODE.key_not_found = KeyNotFoundError

/** Code `did_deactivated`. */
class DidDeactivatedError extends KycryptError {}
ERRORS_BY_CODE.did_deactivated = DidDeactivatedError

/** Code `decryption_failed`. */
class DecryptionFailedError extends KycryptError {}
ERRORS_BY_CODE.decryption_failed = DecryptionFailedError

/** Code `not_signed`. */
class NotSignedError extends KycryptError {}
ERRORS_BY_CODE.not_signed = NotSignedError

/** Code `invalid_argument`. */
class InvalidArgumentError extends KycryptError {}
ERRORS_BY_CODE.invalid_argument = InvalidArgumentError

/** Code `internal`. */
class InternalError extends KycryptError {}
ERRORS_BY_CODE.internal = InternalError

Object.freeze(ERRORS_BY_CODE)

/** The exception for `code` (an unknown code becomes InternalError). */
function errorFor(code, message) {
  const Cls = ERRORS_BY_CODE[code]
  return Cls ? new Cls(code, message) : new InternalError('internal', `unmapped error code ${code}: ${message}`)
}

module.exports = {
  KycryptError,
  ERRORS_BY_CODE,
  errorFor,
  MalformedInputError,
  MalformedTokenError,
  MissingHeaderError,
  InputTooLargeError,
  InvalidKeyError,
  KeyMismatchError,
  CurveMismatchError,
  SignatureInvalidError,
  UnverifiableSignatureError,
  ExpiredError,
  NotYetValidError,
  TimestampOutOfWindowError,
  DeadlineOnlyNotAllowedError,
  AudienceMismatchError,
  IssuerMismatchError,
  AlgorithmNotAllowedError,
  UnsupportedAlgorithmError,
  UnknownCriticalHeaderError,
  KeyNotFoundError,
  DidDeactivatedError,
  DecryptionFailedError,
  NotSignedError,
  InvalidArgumentError,
  InternalError,
}
