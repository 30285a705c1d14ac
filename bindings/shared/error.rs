//! The error codes, once: the foreign error types of both bindings come from this table.
//!
//! - UniFFI: `KycryptError`, one variant per code, each with `code` and `reason`
//!   (Python `kycrypt.KycryptError.SignatureInvalid`, Kotlin
//!   `KycryptException.SignatureInvalid`, Swift `KycryptError.SignatureInvalid`).
//! - napi: a JS `Error` whose `code` is the code; [`ErrorCode`] is exported as the
//!   TypeScript string-literal union of every code.
//!
//! The table is tested equal to the core's [`kycrypt::Error::VARIANTS`].

#[cfg(napi)]
use napi_derive::napi;

/// Calls `$m!` with every `Variant => "code"` of the core's error table, in order.
macro_rules! error_table {
    ($m:ident) => {
        $m! {
        /// Code `malformed_input`: the input could not be parsed.
        MalformedInput => "malformed_input",
        /// Code `malformed_token`: a compact JWS/JWT is not well formed.
        MalformedToken => "malformed_token",
        /// Code `missing_header`: a required header is absent.
        MissingHeader => "missing_header",
        /// Code `input_too_large`: an input exceeds its documented limit.
        InputTooLarge => "input_too_large",
        /// Code `invalid_key`: a key could not be parsed or is not usable.
        InvalidKey => "invalid_key",
        /// Code `key_mismatch`: signed by a key other than the pinned one.
        KeyMismatch => "key_mismatch",
        /// Code `curve_mismatch`: key or ciphertext of another curve.
        CurveMismatch => "curve_mismatch",
        /// Code `signature_invalid`: the signature or MAC does not verify.
        SignatureInvalid => "signature_invalid",
        /// Code `unverifiable_signature`: no known message form verifies.
        UnverifiableSignature => "unverifiable_signature",
        /// Code `expired`: a deadline or `exp` has passed.
        Expired => "expired",
        /// Code `not_yet_valid`: `nbf`/`iat` lies in the future.
        NotYetValid => "not_yet_valid",
        /// Code `timestamp_out_of_window`: a signed timestamp is outside the window.
        TimestampOutOfWindow => "timestamp_out_of_window",
        /// Code `deadline_only_not_allowed`: the signature covers only the deadline.
        DeadlineOnlyNotAllowed => "deadline_only_not_allowed",
        /// Code `audience_mismatch`: unexpected token audience.
        AudienceMismatch => "audience_mismatch",
        /// Code `issuer_mismatch`: unexpected issuer or DID.
        IssuerMismatch => "issuer_mismatch",
        /// Code `algorithm_not_allowed`: known algorithm, not allowed here.
        AlgorithmNotAllowed => "algorithm_not_allowed",
        /// Code `unsupported_algorithm`: not supported by this build.
        UnsupportedAlgorithm => "unsupported_algorithm",
        /// Code `unknown_critical_header`: a `crit` extension is not understood.
        UnknownCriticalHeader => "unknown_critical_header",
        /// Code `key_not_found`: no usable key was found.
        KeyNotFound => "key_not_found",
        /// Code `did_deactivated`: the DID document is deactivated.
        DidDeactivated => "did_deactivated",
        /// Code `decryption_failed`: wrong key or tampered ciphertext.
        DecryptionFailed => "decryption_failed",
        /// Code `not_signed`: the provider does not sign its messages.
        NotSigned => "not_signed",
        /// Code `invalid_argument`: a caller-supplied option is out of range.
        InvalidArgument => "invalid_argument",
        /// Code `internal`: a bug inside kycrypt (e.g. a caught panic).
        Internal => "internal",        }
    };
}

/// Defines the binding error types from [`error_table!`].
macro_rules! define_errors {
    ($($(#[doc = $doc:literal])* $variant:ident => $code:literal,)+) => {
        /// A kycrypt failure, with a stable machine-readable `code`.
        ///
        /// Catch the variant for one code, or the base for all; show `reason` to
        /// operators: it says what was wrong, never a secret or a claim value.
        #[cfg(uniffi)]
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
        #[non_exhaustive]
        pub enum KycryptError {
            $(
                $(#[doc = $doc])*
                #[error("{reason}")]
                $variant {
                    /// The stable code (`snake_case`), the same in every binding.
                    code: String,
                    /// What was wrong, for operators (no secrets, no personal data).
                    reason: String,
                },
            )+
        }

        /// Every error code, as the TypeScript string-literal union `ErrorCode`
        /// (`'malformed_input' | 'signature_invalid' | …`): the type of `err.code`.
        #[cfg(napi)]
        #[napi(string_enum = "snake_case")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(clippy::exhaustive_enums)] // a string union in JS, which may grow
        pub enum ErrorCode {
            $(
                $(#[doc = $doc])*
                $variant,
            )+
        }

        /// `(variant, code)` of every code, in order; equal to the core's.
        pub(crate) const VARIANTS: &[(&str, &str)] = &[$((stringify!($variant), $code)),+];

        /// The error for a core error: its code and its `Display` text.
        #[cfg(uniffi)]
        pub(crate) fn to_foreign(code: &str, reason: String) -> KycryptError {
            match code {
                $($code => KycryptError::$variant { code: $code.to_owned(), reason },)+
                _ => KycryptError::Internal {
                    code: "internal".to_owned(),
                    reason: format!("unmapped error code {code}: {reason}"),
                },
            }
        }

        #[cfg(uniffi)]
        impl KycryptError {
            /// The stable code of this error.
            #[must_use]
            pub fn code_str(&self) -> &str {
                match self {
                    $(Self::$variant { code, .. } => code,)+
                }
            }

            /// What was wrong.
            #[must_use]
            pub fn reason_str(&self) -> &str {
                match self {
                    $(Self::$variant { reason, .. } => reason,)+
                }
            }
        }
    };
}

error_table!(define_errors);

/// The stable code for `code` (an unknown code is `internal`), for the test hooks.
pub(crate) fn known_code(code: &str) -> &'static str {
    VARIANTS
        .iter()
        .find(|(_, c)| *c == code)
        .map_or("internal", |(_, c)| c)
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;

    /// Same variant names and codes as the core's one error table.
    #[test]
    fn the_table_is_the_cores() {
        assert_eq!(VARIANTS, kycrypt::Error::VARIANTS);
        assert_eq!(known_code("expired"), "expired");
        assert_eq!(known_code("nope"), "internal");
    }
}
