/** Base class of every kycrypt error; `code` is one of `errorCodes()`. */
export declare class KycryptError extends Error {
  constructor(code: string, message: string)
  /** The stable, machine-readable code (snake_case), the same in every binding. */
  readonly code: string
}
/** Code `malformed_input`. */
export declare class MalformedInputError extends KycryptError {}
/** Code `malformed_token`. */
export declare class MalformedTokenError extends KycryptError {}
/** Code `missing_header`. */
export declare class MissingHeaderError extends KycryptError {}
/** Code `input_too_large`. */
export declare class InputTooLargeError extends KycryptError {}
/** Code `invalid_key`. */
export declare class InvalidKeyError extends KycryptError {}
/** Code `key_mismatch`. */
export declare class KeyMismatchError extends KycryptError {}
/** Code `curve_mismatch`. */
export declare class CurveMismatchError extends KycryptError {}
/** Code `signature_invalid`. */
export declare class SignatureInvalidError extends KycryptError {}
/** Code `unverifiable_signature`. */
export declare class UnverifiableSignatureError extends KycryptError {}
/** Code `expired`. */
export declare class ExpiredError extends KycryptError {}
/** Code `not_yet_valid`. */
export declare class NotYetValidError extends KycryptError {}
/** Code `timestamp_out_of_window`. */
export declare class TimestampOutOfWindowError extends KycryptError {}
/** Code `deadline_only_not_allowed`. */
export declare class DeadlineOnlyNotAllowedError extends KycryptError {}
/** Code `audience_mismatch`. */
export declare class AudienceMismatchError extends KycryptError {}
/** Code `issuer_mismatch`. */
export declare class IssuerMismatchError extends KycryptError {}
/** Code `algorithm_not_allowed`. */
export declare class AlgorithmNotAllowedError extends KycryptError {}
/** Code `unsupported_algorithm`. */
export declare class UnsupportedAlgorithmError extends KycryptError {}
/** Code `unknown_critical_header`. */
export declare class UnknownCriticalHeaderError extends KycryptError {}
/** Code `key_not_found`. */
export declare class KeyNotFoundError extends KycryptError {}
/** Code `did_deactivated`. */
export declare class DidDeactivatedError extends KycryptError {}
/** Code `decryption_failed`. */
export declare class DecryptionFailedError extends KycryptError {}
/** Code `not_signed`. */
export declare class NotSignedError extends KycryptError {}
/** Code `invalid_argument`. */
export declare class InvalidArgumentError extends KycryptError {}
/** Code `internal`. */
export declare class InternalError extends KycryptError {}

/** Exception class per stable code. */
export declare const ERRORS_BY_CODE: Readonly<Record<string, typeof KycryptError>>
/** The exception for `code` (an unknown code becomes InternalError). */
export declare function errorFor(code: string, message: string): KycryptError
