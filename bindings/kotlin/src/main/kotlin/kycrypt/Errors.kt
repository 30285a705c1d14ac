package kycrypt

/**
 * The stable, machine-readable code of this error (`snake_case`), the same in every
 * binding: `signature_invalid`, `malformed_input`, ... (see [errorCodes]).
 *
 * Each code is also its own subclass of the generated sealed class [FfiException]
 * (`FfiException.SignatureInvalid`, ...), so Kotlin code can `catch` or `when` on it.
 */
val FfiException.code: String
    get() = code()
