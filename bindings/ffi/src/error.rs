//! `FfiError`: the one error type that crosses the UniFFI boundary.
//!
//! One variant per stable code of [`kycrypt::Error::code`], each carrying the
//! core's `Display` text as `reason` (never secrets: the core guarantees it).
//! Every binding gets a class per code plus a `code()` method on the base:
//! Python `FfiError.SignatureInvalid` (re-raised by the `kycrypt` package as
//! `SignatureInvalidError`), Kotlin `FfiException.SignatureInvalid`, Swift
//! `FfiError.SignatureInvalid`.
//!
//! All mapping lives here, generated from one table by [`ffi_error!`], so the
//! variant list, [`FfiError::code`] and [`FfiError::from_code`] cannot drift.

/// Defines [`FfiError`] from `Variant => "code"` pairs.
macro_rules! ffi_error {
    ($($(#[doc = $doc:literal])* $variant:ident => $code:literal,)+) => {
        /// A kycrypt failure, with a stable machine-readable code.
        ///
        /// Match on the variant, or on `code()`; show `reason` to operators.
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
        #[non_exhaustive]
        pub enum FfiError {
            $(
                $(#[doc = $doc])*
                #[error("{reason}")]
                $variant {
                    /// What was wrong (no key material, tags or claim values).
                    reason: String,
                },
            )+
        }

        impl FfiError {
            /// Every variant's code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// `(variant name, code)` of every variant, in declaration order;
            /// equal to `kycrypt::Error::VARIANTS` (tested).
            #[doc(hidden)]
            pub const VARIANTS: &'static [(&'static str, &'static str)] =
                &[$((stringify!($variant), $code)),+];

            /// The error for `code` with `reason`; an unknown code maps to
            /// [`FfiError::Internal`] (a core code this layer does not know yet).
            #[must_use]
            pub fn from_code(code: &str, reason: String) -> Self {
                match code {
                    $($code => Self::$variant { reason },)+
                    _ => Self::Internal { reason: format!("unmapped error code {code}: {reason}") },
                }
            }

            /// The stable code, identical to [`kycrypt::Error::code`].
            #[must_use]
            pub fn code_str(&self) -> &'static str {
                match self {
                    $(Self::$variant { .. } => $code,)+
                }
            }

            /// The human-readable reason.
            #[must_use]
            pub fn reason_str(&self) -> &str {
                match self {
                    $(Self::$variant { reason } => reason,)+
                }
            }
        }
    };
}

ffi_error! {
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
    Internal => "internal",
}

#[uniffi::export]
impl FfiError {
    /// The stable, machine-readable code (`snake_case`), identical in every binding.
    pub fn code(&self) -> String {
        self.code_str().to_owned()
    }
}

impl From<kycrypt::Error> for FfiError {
    fn from(e: kycrypt::Error) -> Self {
        Self::from_code(e.code(), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every core code has its own variant (nothing falls through to `internal`),
    /// and this layer has no code the core lacks.
    #[test]
    fn every_core_code_maps_to_its_own_variant() {
        assert_eq!(FfiError::CODES, kycrypt::Error::ALL_CODES);
        // Same variant names as the core's one error table, not only codes.
        assert_eq!(FfiError::VARIANTS, kycrypt::Error::VARIANTS);
        for code in kycrypt::Error::ALL_CODES {
            let e = FfiError::from_code(code, "r".into());
            assert_eq!(e.code_str(), *code);
            assert_eq!(e.reason_str(), "r");
        }
        assert_eq!(
            FfiError::from_code("nope", "r".into()).code_str(),
            "internal"
        );
    }

    /// Pins variant, code and `Display` for real core errors.
    #[test]
    fn core_errors_map_with_their_display_text() {
        let table: &[(kycrypt::Error, FfiError, &str)] = &[
            (
                kycrypt::Error::SignatureInvalid,
                FfiError::SignatureInvalid {
                    reason: "signature invalid".into(),
                },
                "signature invalid",
            ),
            (
                kycrypt::Error::MalformedInput("secret is not valid base64".into()),
                FfiError::MalformedInput {
                    reason: "malformed input: secret is not valid base64".into(),
                },
                "malformed input: secret is not valid base64",
            ),
            (
                kycrypt::Error::InputTooLarge {
                    what: "body",
                    limit: 10,
                },
                FfiError::InputTooLarge {
                    reason: "body is too large (limit 10 bytes)".into(),
                },
                "body is too large (limit 10 bytes)",
            ),
            (
                kycrypt::Error::Expired,
                FfiError::Expired {
                    reason: "expired".into(),
                },
                "expired",
            ),
            (
                kycrypt::Error::Internal("x".into()),
                FfiError::Internal {
                    reason: "internal error: x".into(),
                },
                "internal error: x",
            ),
        ];
        for (core, ffi, display) in table {
            let got = FfiError::from(core.clone());
            assert_eq!(&got, ffi);
            assert_eq!(got.to_string(), *display);
            assert_eq!(got.code(), core.code());
        }
    }
}
