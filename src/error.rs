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

/// Defines [`Error`], [`Error::code`] and [`Error::ALL_CODES`] from one
/// table of `Variant(fields) => code, "display"` rows, so that the three cannot
/// drift apart. Each variant is named after its code (`MalformedInput` is
/// `malformed_input`); `tests::variant_names_match_codes` holds that rule.
macro_rules! error_table {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $(($tuple:ty))? $({ $($(#[doc = $fdoc:literal])* $field:ident: $fty:ty,)+ })?
            => $code:ident, $msg:literal;
    )+) => {
        /// Everything that can go wrong in kycrypt.
        ///
        /// Match on the variant (or on [`Error::code`]) to act; show the `Display`
        /// text to operators. New variants may be added in minor releases. Each
        /// variant's name is its code in `UpperCamelCase`.
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            $(
                $(#[doc = $doc])*
                #[error($msg)]
                $variant $(($tuple))? $({ $($(#[doc = $fdoc])* $field: $fty,)+ })?,
            )+
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
                    $(Self::$variant { .. } => stringify!($code),)+
                }
            }

            /// Every code [`Error::code`] can return, in declaration order, for
            /// bindings and docs.
            pub const ALL_CODES: &'static [&'static str] = &[$(stringify!($code)),+];

            /// `(variant name, code)` for every variant, in declaration order.
            #[doc(hidden)]
            pub const VARIANTS: &'static [(&'static str, &'static str)] =
                &[$((stringify!($variant), stringify!($code))),+];
        }
    };
}

error_table! {
    /// The input could not be parsed (bad JSON, bad hex/base64, wrong length,
    /// missing field). Code `malformed_input`.
    MalformedInput(Detail) => malformed_input, "malformed input: {0}";
    /// A compact JWS/JWT is not well formed. Code `malformed_token`.
    MalformedToken(Detail) => malformed_token, "malformed token: {0}";
    /// A required header is absent. Code `missing_header`.
    MissingHeader(Detail) => missing_header, "missing header: {0}";
    /// An input is larger than the documented limit. Code `input_too_large`.
    InputTooLarge {
            /// What was too large.
            what: &'static str,
            /// The limit in bytes.
            limit: usize,
        } => input_too_large, "{what} is too large (limit {limit} bytes)";
    /// A key could not be parsed or is not usable (off-curve point, identity,
    /// wrong size, unsupported RSA modulus). Code `invalid_key`.
    InvalidKey(Detail) => invalid_key, "invalid key: {0}";
    /// The key that signed is not the pinned key. Code `key_mismatch`.
    KeyMismatch => key_mismatch, "the message was signed by a key other than the pinned one";
    /// A key or ciphertext belongs to another curve than the one asked for.
    /// Code `curve_mismatch`.
    CurveMismatch(Detail) => curve_mismatch, "curve mismatch: {0}";
    /// The signature or MAC does not verify. Code `signature_invalid`.
    SignatureInvalid => signature_invalid, "signature invalid";
    /// No known message form verifies with the pinned key (CorePass error
    /// callbacks). Never reported as valid. Code `unverifiable_signature`.
    UnverifiableSignature(Detail) => unverifiable_signature, "signature could not be verified: {0}";
    /// A deadline or `exp` has passed (beyond the allowed leeway). Code `expired`.
    Expired => expired, "expired";
    /// `nbf`/`iat` lies in the future (beyond the allowed leeway). Code `not_yet_valid`.
    NotYetValid => not_yet_valid, "not yet valid";
    /// A signed timestamp is outside the accepted window (too old or too far
    /// in the future). Code `timestamp_out_of_window`.
    TimestampOutOfWindow => timestamp_out_of_window, "timestamp outside the accepted window";
    /// The signature covers only the deadline (CorePass data callback) and the
    /// caller did not opt in to that. Code `deadline_only_not_allowed`.
    DeadlineOnlyNotAllowed => deadline_only_not_allowed, "signature covers only the deadline; not accepted without explicit opt-in";
    /// The token's audience is not the expected one. Code `audience_mismatch`.
    AudienceMismatch => audience_mismatch, "audience mismatch";
    /// The issuer, or the DID a `kid` names, is not the expected one.
    /// Code `issuer_mismatch`.
    IssuerMismatch(Detail) => issuer_mismatch, "issuer mismatch: {0}";
    /// The algorithm is known but not allowed for this key or check
    /// (`none`, HS256 against an RSA key, ...). Code `algorithm_not_allowed`.
    AlgorithmNotAllowed(Detail) => algorithm_not_allowed, "algorithm not allowed: {0}";
    /// The algorithm, curve or key type is not supported by this build.
    /// Code `unsupported_algorithm`.
    UnsupportedAlgorithm(Detail) => unsupported_algorithm, "unsupported algorithm: {0}";
    /// A JWS header lists a `crit` extension that is not understood, or uses
    /// `b64: false`. Code `unknown_critical_header`.
    UnknownCriticalHeader(Detail) => unknown_critical_header, "unknown critical header: {0}";
    /// No usable key was found (no matching `kid`, no verification method
    /// for the purpose). Code `key_not_found`.
    KeyNotFound(Detail) => key_not_found, "key not found: {0}";
    /// The DID document is deactivated. Code `did_deactivated`.
    DidDeactivated => did_deactivated, "DID document is deactivated";
    /// Decryption failed (wrong key or tampered ciphertext; deliberately not
    /// more precise). Code `decryption_failed`.
    DecryptionFailed => decryption_failed, "decryption failed";
    /// The provider does not sign its messages (Jumio), so nothing can be
    /// verified. Code `not_signed`.
    NotSigned(Detail) => not_signed, "not signed: {0}";
    /// A caller-supplied option is out of range (TTL above the cap, leeway
    /// above the maximum). Code `invalid_argument`.
    InvalidArgument(Detail) => invalid_argument, "invalid argument: {0}";
    /// A bug inside kycrypt (for example a caught panic at the FFI boundary).
    /// Code `internal`.
    Internal(Detail) => internal, "internal error: {0}";
}

impl Error {
    /// Shorthand for [`Error::MalformedInput`] with a static detail.
    pub(crate) const fn malformed(what: &'static str) -> Self {
        Self::MalformedInput(Cow::Borrowed(what))
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

    /// Each variant is its code in `UpperCamelCase`, so a name never hides a
    /// different code (`Malformed` once meant `malformed_input`).
    #[test]
    fn variant_names_match_codes() {
        assert_eq!(Error::VARIANTS.len(), Error::ALL_CODES.len());
        for (variant, code) in Error::VARIANTS {
            let camel: String = code
                .split('_')
                .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
                .collect();
            assert_eq!(*variant, camel, "variant {variant} has code {code}");
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
