//! The one error type of the crate.
//!
//! Every failure is an [`Error`] variant with a stable machine-readable
//! [`code`](Error::code) (the same string crosses every binding) and a
//! human-readable [`Display`](core::fmt::Display) message that says what was
//! wrong. Messages never contain key bytes, MAC tags, signatures or claim
//! values: KYC claims are personal data and tags are oracles.
//!
//! Verification and decryption failures are deliberately opaque:
//! [`Error::SignatureInvalid`] and [`Error::DecryptionFailed`] never say which
//! internal check failed.

use std::borrow::Cow;

/// A short, non-secret description of what was wrong (a field name, an
/// expected length, a header name).
pub type Detail = Cow<'static, str>;

/// `Result` with [`Error`].
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// Everything that can go wrong in kycrypt.
///
/// Match on the variant (or on [`Error::code`]) to act; show the `Display`
/// text to operators. New variants may be added in minor releases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be parsed (bad JSON, bad hex/base64, wrong length,
    /// missing field). Code `malformed_input`.
    #[error("malformed input: {0}")]
    Malformed(Detail),
    /// A compact JWS/JWT is not well formed. Code `malformed_token`.
    #[error("malformed token: {0}")]
    MalformedToken(Detail),
    /// A required header is absent. Code `missing_header`.
    #[error("missing header: {0}")]
    MissingHeader(Detail),
    /// An input is larger than the documented limit. Code `input_too_large`.
    #[error("{what} is too large (limit {limit} bytes)")]
    InputTooLarge {
        /// What was too large.
        what: &'static str,
        /// The limit in bytes.
        limit: usize,
    },
    /// A key could not be parsed or is not usable (off-curve point, identity,
    /// wrong size, unsupported RSA modulus). Code `invalid_key`.
    #[error("invalid key: {0}")]
    InvalidKey(Detail),
    /// The key that signed is not the pinned key. Code `key_mismatch`.
    #[error("the message was signed by a key other than the pinned one")]
    KeyMismatch,
    /// A key or ciphertext belongs to another curve than the one asked for.
    /// Code `curve_mismatch`.
    #[error("curve mismatch: {0}")]
    CurveMismatch(Detail),
    /// The signature or MAC does not verify. Code `signature_invalid`.
    #[error("signature invalid")]
    SignatureInvalid,
    /// No known message form verifies with the pinned key (CorePass error
    /// callbacks). Never reported as valid. Code `unverifiable_signature`.
    #[error("signature could not be verified: {0}")]
    Unverifiable(Detail),
    /// A deadline or `exp` has passed (beyond the allowed skew). Code `expired`.
    #[error("expired")]
    Expired,
    /// `nbf`/`iat` lies in the future (beyond the allowed skew). Code `not_yet_valid`.
    #[error("not yet valid")]
    NotYetValid,
    /// A signed timestamp is outside the accepted window (too old or too far
    /// in the future). Code `timestamp_out_of_window`.
    #[error("timestamp outside the accepted window")]
    TimestampOutOfWindow,
    /// The signature covers only the deadline (CorePass data callback) and the
    /// caller did not opt in to that. Code `deadline_only_not_allowed`.
    #[error("signature covers only the deadline; not accepted without explicit opt-in")]
    DeadlineOnlyNotAllowed,
    /// The token's audience is not the expected one. Code `audience_mismatch`.
    #[error("audience mismatch")]
    AudienceMismatch,
    /// The issuer, or the DID a `kid` names, is not the expected one.
    /// Code `issuer_mismatch`.
    #[error("issuer mismatch: {0}")]
    IssuerMismatch(Detail),
    /// The algorithm is known but not allowed for this key or check
    /// (`none`, HS256 against an RSA key, ...). Code `algorithm_not_allowed`.
    #[error("algorithm not allowed: {0}")]
    AlgorithmNotAllowed(Detail),
    /// The algorithm, curve or key type is not supported by this build.
    /// Code `unsupported_algorithm`.
    #[error("unsupported algorithm: {0}")]
    UnsupportedAlgorithm(Detail),
    /// A JWS header lists a `crit` extension that is not understood, or uses
    /// `b64: false`. Code `unknown_critical_header`.
    #[error("unknown critical header: {0}")]
    UnknownCriticalHeader(Detail),
    /// No usable key was found (no matching `kid`, no verification method
    /// for the purpose). Code `key_not_found`.
    #[error("key not found: {0}")]
    KeyNotFound(Detail),
    /// The DID document is deactivated. Code `did_deactivated`.
    #[error("DID document is deactivated")]
    DidDeactivated,
    /// Decryption failed (wrong key or tampered ciphertext; deliberately not
    /// more precise). Code `decryption_failed`.
    #[error("decryption failed")]
    DecryptionFailed,
    /// The provider does not sign its messages (Jumio), so nothing can be
    /// verified. Code `not_signed`.
    #[error("not signed: {0}")]
    NotSigned(Detail),
    /// A caller-supplied option is out of range (TTL above the cap, skew
    /// above the maximum). Code `invalid_argument`.
    #[error("invalid argument: {0}")]
    InvalidArgument(Detail),
    /// A bug inside kycrypt (for example a caught panic at the FFI boundary).
    /// Code `internal`.
    #[error("internal error: {0}")]
    Internal(Detail),
}

impl Error {
    /// The stable, machine-readable code of this error (`snake_case`). These
    /// strings are part of the API and identical in every binding.
    ///
    /// ```
    /// assert_eq!(kycrypt::Error::SignatureInvalid.code(), "signature_invalid");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "malformed_input",
            Self::MalformedToken(_) => "malformed_token",
            Self::MissingHeader(_) => "missing_header",
            Self::InputTooLarge { .. } => "input_too_large",
            Self::InvalidKey(_) => "invalid_key",
            Self::KeyMismatch => "key_mismatch",
            Self::CurveMismatch(_) => "curve_mismatch",
            Self::SignatureInvalid => "signature_invalid",
            Self::Unverifiable(_) => "unverifiable_signature",
            Self::Expired => "expired",
            Self::NotYetValid => "not_yet_valid",
            Self::TimestampOutOfWindow => "timestamp_out_of_window",
            Self::DeadlineOnlyNotAllowed => "deadline_only_not_allowed",
            Self::AudienceMismatch => "audience_mismatch",
            Self::IssuerMismatch(_) => "issuer_mismatch",
            Self::AlgorithmNotAllowed(_) => "algorithm_not_allowed",
            Self::UnsupportedAlgorithm(_) => "unsupported_algorithm",
            Self::UnknownCriticalHeader(_) => "unknown_critical_header",
            Self::KeyNotFound(_) => "key_not_found",
            Self::DidDeactivated => "did_deactivated",
            Self::DecryptionFailed => "decryption_failed",
            Self::NotSigned(_) => "not_signed",
            Self::InvalidArgument(_) => "invalid_argument",
            Self::Internal(_) => "internal",
        }
    }

    /// Every code [`Error::code`] can return, for bindings and docs.
    pub const ALL_CODES: &'static [&'static str] = &[
        "malformed_input",
        "malformed_token",
        "missing_header",
        "input_too_large",
        "invalid_key",
        "key_mismatch",
        "curve_mismatch",
        "signature_invalid",
        "unverifiable_signature",
        "expired",
        "not_yet_valid",
        "timestamp_out_of_window",
        "deadline_only_not_allowed",
        "audience_mismatch",
        "issuer_mismatch",
        "algorithm_not_allowed",
        "unsupported_algorithm",
        "unknown_critical_header",
        "key_not_found",
        "did_deactivated",
        "decryption_failed",
        "not_signed",
        "invalid_argument",
        "internal",
    ];

    /// Shorthand for [`Error::Malformed`] with a static detail.
    pub(crate) const fn malformed(what: &'static str) -> Self {
        Self::Malformed(Cow::Borrowed(what))
    }

    /// Shorthand for [`Error::InvalidKey`] with a static detail.
    pub(crate) const fn invalid_key(what: &'static str) -> Self {
        Self::InvalidKey(Cow::Borrowed(what))
    }
}

/// Prints `<redacted>` in a `Debug` implementation, in place of a secret or
/// of personal data.
#[derive(Clone, Copy)]
pub(crate) struct Redacted;

impl core::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Rejects `input` when it is longer than `limit` bytes.
///
/// # Errors
/// [`Error::InputTooLarge`] naming `what`.
pub(crate) fn check_len(what: &'static str, input: &[u8], limit: usize) -> Result<()> {
    if input.len() > limit {
        Err(Error::InputTooLarge { what, limit })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pins the codes and `Display` strings: both are API.
    #[test]
    fn codes_and_messages_are_stable() {
        let table: &[(Error, &str, &str)] = &[
            (
                Error::malformed("bad hex"),
                "malformed_input",
                "malformed input: bad hex",
            ),
            (
                Error::SignatureInvalid,
                "signature_invalid",
                "signature invalid",
            ),
            (Error::Expired, "expired", "expired"),
            (
                Error::KeyMismatch,
                "key_mismatch",
                "the message was signed by a key other than the pinned one",
            ),
            (
                Error::InputTooLarge {
                    what: "body",
                    limit: 10,
                },
                "input_too_large",
                "body is too large (limit 10 bytes)",
            ),
            (
                Error::DecryptionFailed,
                "decryption_failed",
                "decryption failed",
            ),
            (
                Error::DeadlineOnlyNotAllowed,
                "deadline_only_not_allowed",
                "signature covers only the deadline; not accepted without explicit opt-in",
            ),
        ];
        for (err, code, msg) in table {
            assert_eq!(err.code(), *code);
            assert_eq!(err.to_string(), *msg);
            assert!(Error::ALL_CODES.contains(code));
        }
    }

    #[test]
    fn all_codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Error::ALL_CODES {
            assert!(seen.insert(*c), "duplicate code {c}");
            assert!(c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
    }

    #[test]
    fn check_len_enforces_limit() {
        assert!(check_len("x", &[0; 4], 4).is_ok());
        assert_eq!(
            check_len("x", &[0; 5], 4),
            Err(Error::InputTooLarge {
                what: "x",
                limit: 4
            })
        );
    }
}
