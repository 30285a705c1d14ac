@file:JvmName("KycryptErrors")

package kycrypt

/*
 * `code` and `reason` of any [KycryptException].
 *
 * The generated sealed class gives each subclass (`KycryptException.SignatureInvalid`,
 * ...) its own `code` and `reason` properties, but not the base class, so a handler that
 * catches the base could not read them. These extensions read them from whichever
 * subclass it is (the `when` is exhaustive: a new code fails to compile here until it is
 * listed). On a subclass, the member property is used. Java: `KycryptErrors.getCode(e)`,
 * `KycryptErrors.getReason(e)` (or `e.getCode()` on a subclass).
 */

/**
 * The stable, machine-readable code of this error (`snake_case`), the same in every
 * binding: `signature_invalid`, `malformed_input`, ... (see [errorCodes]).
 */
val KycryptException.code: String
    get() = when (this) {
        is KycryptException.MalformedInput -> code
        is KycryptException.MalformedToken -> code
        is KycryptException.MissingHeader -> code
        is KycryptException.InputTooLarge -> code
        is KycryptException.InvalidKey -> code
        is KycryptException.KeyMismatch -> code
        is KycryptException.CurveMismatch -> code
        is KycryptException.SignatureInvalid -> code
        is KycryptException.UnverifiableSignature -> code
        is KycryptException.Expired -> code
        is KycryptException.NotYetValid -> code
        is KycryptException.TimestampOutOfWindow -> code
        is KycryptException.DeadlineOnlyNotAllowed -> code
        is KycryptException.AudienceMismatch -> code
        is KycryptException.IssuerMismatch -> code
        is KycryptException.AlgorithmNotAllowed -> code
        is KycryptException.UnsupportedAlgorithm -> code
        is KycryptException.UnknownCriticalHeader -> code
        is KycryptException.KeyNotFound -> code
        is KycryptException.DidDeactivated -> code
        is KycryptException.DecryptionFailed -> code
        is KycryptException.NotSigned -> code
        is KycryptException.InvalidArgument -> code
        is KycryptException.Internal -> code
    }

/** What was wrong, for operators: never a secret, a key or a claim value. */
val KycryptException.reason: String
    get() = when (this) {
        is KycryptException.MalformedInput -> reason
        is KycryptException.MalformedToken -> reason
        is KycryptException.MissingHeader -> reason
        is KycryptException.InputTooLarge -> reason
        is KycryptException.InvalidKey -> reason
        is KycryptException.KeyMismatch -> reason
        is KycryptException.CurveMismatch -> reason
        is KycryptException.SignatureInvalid -> reason
        is KycryptException.UnverifiableSignature -> reason
        is KycryptException.Expired -> reason
        is KycryptException.NotYetValid -> reason
        is KycryptException.TimestampOutOfWindow -> reason
        is KycryptException.DeadlineOnlyNotAllowed -> reason
        is KycryptException.AudienceMismatch -> reason
        is KycryptException.IssuerMismatch -> reason
        is KycryptException.AlgorithmNotAllowed -> reason
        is KycryptException.UnsupportedAlgorithm -> reason
        is KycryptException.UnknownCriticalHeader -> reason
        is KycryptException.KeyNotFound -> reason
        is KycryptException.DidDeactivated -> reason
        is KycryptException.DecryptionFailed -> reason
        is KycryptException.NotSigned -> reason
        is KycryptException.InvalidArgument -> reason
        is KycryptException.Internal -> reason
    }
