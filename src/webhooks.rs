//! Signature checks of KYC provider webhooks (the trigger of "issue when KYC
//! completes"): Sumsub, Onfido, Veriff, Persona, CorePass v2 and Zero Hash;
//! Jumio is reported as unsigned ([`Error::NotSigned`]).
//!
//! Every check runs over the **raw body bytes** as received (never a
//! re-serialisation), compares tags in constant time (through
//! [`HmacKey`]), and fails with a distinct error:
//!
//! | error | meaning |
//! |---|---|
//! | [`Error::MissingHeader`] | the signature (or timestamp) header is absent or empty |
//! | [`Error::MalformedInput`] | a header does not have the documented shape (or occurs twice) |
//! | [`Error::SignatureInvalid`] | no signature matches (wrong secret, tampered body, non-hex tag) |
//! | [`Error::TimestampOutOfWindow`] | the signature matches but its timestamp is outside the window |
//! | [`Error::InputTooLarge`] | body over [`MAX_BODY_LEN`] or a header over [`MAX_HEADER_VALUE_LEN`] |
//! | [`Error::UnsupportedAlgorithm`] | Sumsub names an unknown digest algorithm |
//! | [`Error::NotSigned`] | Jumio: the provider does not sign webhooks |
//!
//! The signature is checked before the timestamp, so `TimestampOutOfWindow`
//! means "authentic but stale or replayed". Header names are matched
//! ASCII case-insensitively; a header given twice is `MalformedInput`.
//!
//! Providers without a signed timestamp (Sumsub, Onfido, Veriff, Zero Hash
//! legacy) cannot be protected against replay by the signature: deduplicate
//! on the event id in the (verified) body.
//!
//! ```
//! use kycrypt::primitives::hmac::HmacKey;
//! use kycrypt::webhooks::{self, Provider, WebhookOptions};
//! let body = br#"{"payload":{"resource_type":"check","action":"check.completed","object":{"id":"check-123","status":"complete","completed_at_iso8601":"2020-01-01T00:00:00Z","href":"https://api.onfido.com/v3/checks/check-123"}}}"#;
//! let headers = [("X-SHA2-Signature", "a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e")];
//! let secret = HmacKey::from_slice(b"_ABC123abc123ABC123abc123ABC123_")?;
//! let ok = webhooks::verify(Provider::Onfido, &secret, &headers, body, 0, &WebhookOptions::default()).unwrap();
//! assert_eq!(ok.scheme, "hmac-sha256-hex");
//! let err = webhooks::verify(Provider::Onfido, &secret, &headers, b"{}", 0, &WebhookOptions::default()).unwrap_err();
//! assert_eq!(err.code(), "signature_invalid");
//! // An empty secret (`SUMSUB_WEBHOOK_SECRET=`) never verifies anything.
//! assert_eq!(HmacKey::from_slice(b"").unwrap_err().code(), "invalid_key");
//! # Ok::<(), kycrypt::Error>(())
//! ```
//!
//! ## Secrets
//! Use the webhook secret exactly as the provider's dashboard shows it (the
//! UTF-8 bytes of the string; Onfido's webhook token, Veriff's shared secret,
//! Persona's and CorePass's `whsec_...` key, Sumsub's secret key). An empty
//! secret is [`Error::InvalidKey`] at [`HmacKey`] construction, so no check can
//! run with one; for a secret you choose yourself, use at least
//! [`RECOMMENDED_MIN_LEN`](crate::primitives::hmac::RECOMMENDED_MIN_LEN)
//! random bytes.

mod corepass;
mod header;
mod jumio;
mod onfido;
mod persona;
mod sumsub;
mod veriff;
mod zerohash;

pub use crate::primitives::support::MAX_HEADER_VALUE_LEN;
pub use header::{MAX_DISTINCT_TIMESTAMPS, MAX_SIGNATURE_SETS, MAX_SIGNATURES_PER_SET};
pub use zerohash::{ZeroHashPublicKey, verify_zerohash_rsa};

use crate::error::{Detail, Error, Result};
use crate::primitives::hmac::{HmacAlg, HmacKey};

/// Largest webhook body accepted (5 MiB); larger bodies fail with
/// [`Error::InputTooLarge`] before any MAC is computed.
pub const MAX_BODY_LEN: usize = 5 * 1024 * 1024;
/// Default timestamp tolerance (seconds, either direction) for the schemes
/// that sign a timestamp (Persona, CorePass v2, Zero Hash current): 5 minutes.
pub const DEFAULT_TOLERANCE_SECS: u64 = 300;
/// Largest tolerance a caller may configure (seconds): 1 hour.
pub const MAX_TOLERANCE_SECS: u64 = 3600;

/// The webhook senders kycrypt knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// Sumsub (`X-Payload-Digest`, `X-Payload-Digest-Alg`).
    Sumsub,
    /// Onfido (`X-SHA2-Signature`).
    Onfido,
    /// Veriff (`X-HMAC-SIGNATURE`).
    Veriff,
    /// Persona (`Persona-Signature: t=..,v1=..`).
    Persona,
    /// CorePass hosted Connector v2 (`Corepass-Signature: t=..,s=..`).
    CorePass,
    /// Zero Hash (`x-zh-hook-*`, HMAC variants; RSA via [`crate::zerohash`]).
    ZeroHash,
    /// Jumio: does not sign its callbacks.
    Jumio,
}

impl Provider {
    /// Every provider, in a stable order.
    pub const ALL: &'static [Provider] = &[
        Self::Sumsub,
        Self::Onfido,
        Self::Veriff,
        Self::Persona,
        Self::CorePass,
        Self::ZeroHash,
        Self::Jumio,
    ];

    /// The lowercase name (`"sumsub"`, `"corepass"`, `"zerohash"`, ...).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sumsub => "sumsub",
            Self::Onfido => "onfido",
            Self::Veriff => "veriff",
            Self::Persona => "persona",
            Self::CorePass => "corepass",
            Self::ZeroHash => "zerohash",
            Self::Jumio => "jumio",
        }
    }

    /// Parses a name as [`name`](Self::name) prints it (ASCII case-insensitive).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an unknown name.
    pub fn parse(name: &str) -> Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|p| p.name().eq_ignore_ascii_case(name.trim()))
            .ok_or(Error::InvalidArgument(Detail::Borrowed(
                "unknown webhook provider",
            )))
    }
}

impl core::str::FromStr for Provider {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl core::fmt::Display for Provider {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Options of the webhook checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookOptions {
    /// Accepted distance (seconds, either direction) between the signed
    /// timestamp and `now`. Default [`DEFAULT_TOLERANCE_SECS`], at most
    /// [`MAX_TOLERANCE_SECS`].
    pub tolerance_secs: u64,
    /// Accept Zero Hash's legacy, untimestamped `x-zh-hook-signature-256`
    /// (and `-rsa-signature-256`) when the timestamped headers are absent.
    /// Default `false`: the legacy signature carries no timestamp, so a
    /// captured body can be replayed forever (and, where Zero Hash sends both
    /// schemes, an attacker who strips the timestamp headers downgrades to
    /// it). Opt in only for an account that sends no timestamps yet. When
    /// `x-zh-hook-timestamp` is present the timestamped scheme is always
    /// required, whatever this says.
    pub zerohash_allow_legacy: bool,
}

impl Default for WebhookOptions {
    fn default() -> Self {
        Self {
            tolerance_secs: DEFAULT_TOLERANCE_SECS,
            zerohash_allow_legacy: false,
        }
    }
}

impl WebhookOptions {
    /// Options with the given tolerance and the other defaults.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `tolerance_secs` exceeds [`MAX_TOLERANCE_SECS`].
    pub fn with_tolerance(tolerance_secs: u64) -> Result<Self> {
        let o = Self {
            tolerance_secs,
            ..Self::default()
        };
        o.validate()?;
        Ok(o)
    }

    /// Checks the options' ranges.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `tolerance_secs` exceeds [`MAX_TOLERANCE_SECS`].
    pub fn validate(&self) -> Result<()> {
        if self.tolerance_secs > MAX_TOLERANCE_SECS {
            return Err(Error::InvalidArgument(Detail::Borrowed(
                "tolerance_secs exceeds MAX_TOLERANCE_SECS (3600)",
            )));
        }
        Ok(())
    }
}

/// What a successful check established. Contains no body values.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedWebhook {
    /// Who signed.
    pub provider: Provider,
    /// The scheme that verified: `"hmac-sha256-hex"`, `"hmac-sha512-hex"`,
    /// `"hmac-sha1-hex"`, `"persona-v1"`, `"corepass-v2"`,
    /// `"zerohash-hmac-sha256"`, `"zerohash-hmac-sha256-legacy"`,
    /// `"zerohash-rsa-sha256"`, `"zerohash-rsa-sha256-legacy"`.
    pub scheme: String,
    /// The signed timestamp in unix **seconds** (Zero Hash's milliseconds
    /// divided by 1000, rounded down), when the scheme signs one.
    pub timestamp: Option<u64>,
    /// The provider's idempotency key from the headers, when it sends one
    /// (Zero Hash `x-zh-hook-notification-id`). Note: this header is not
    /// covered by the signature.
    pub event_id: Option<String>,
}

impl VerifiedWebhook {
    pub(crate) fn new(provider: Provider, scheme: &str, timestamp: Option<u64>) -> Self {
        Self {
            provider,
            scheme: scheme.to_owned(),
            timestamp,
            event_id: None,
        }
    }
}

/// Rejects bodies over [`MAX_BODY_LEN`] and out-of-range options.
pub(crate) fn precheck(body: &[u8], opts: &WebhookOptions) -> Result<()> {
    opts.validate()?;
    crate::error::check_len("webhook body", body, MAX_BODY_LEN)
}

/// The common "hex(HMAC(secret, raw body)) in one header" check (Sumsub,
/// Onfido, Veriff, Zero Hash legacy).
pub(crate) fn verify_body_hex<N, V>(
    provider: Provider,
    secret: &HmacKey,
    headers: &[(N, V)],
    body: &[u8],
    header_name: &'static str,
    alg: HmacAlg,
    scheme: &str,
) -> Result<VerifiedWebhook>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    crate::error::check_len("webhook body", body, MAX_BODY_LEN)?;
    let sig = header::require(headers, header_name)?;
    secret.verify_hex(alg, &[body], sig)?;
    Ok(VerifiedWebhook::new(provider, scheme, None))
}

/// The `t=<s>,<name>=<hex>` scheme shared by Persona (`v1`) and CorePass v2
/// (`s`): `hex(HMAC-SHA256(secret, t + "." + body))`, any set may match, then
/// the matching set's `t` must be within the tolerance.
///
/// Work is bounded by the number of distinct `t` values, not of candidate
/// signatures: the full-body MAC is computed once per distinct `t` (at most
/// [`header::MAX_DISTINCT_TIMESTAMPS`]) and compared in constant time with
/// every candidate signed under that `t` (all of them, no early exit).
#[allow(clippy::too_many_arguments)]
pub(crate) fn timestamped<N, V>(
    provider: Provider,
    secret: &HmacKey,
    headers: &[(N, V)],
    body: &[u8],
    now: u64,
    opts: &WebhookOptions,
    header_name: &'static str,
    sig_name: &str,
    scheme: &str,
) -> Result<VerifiedWebhook>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    precheck(body, opts)?;
    let value = header::require(headers, header_name)?;
    let sets = header::parse_signature_sets(header_name, value, sig_name)?;
    let mut any_match = false;
    // The first matching timestamp (header order) within the window: any
    // such set is enough (rotation sends several).
    let mut fresh: Option<u64> = None;
    for (set, candidates) in header::by_timestamp(&sets) {
        let matched = any_tag_matches(secret, &[set.t_raw.as_bytes(), b".", body], candidates);
        any_match |= matched;
        if matched
            && fresh.is_none()
            && header::check_window(set.t, now, opts.tolerance_secs).is_ok()
        {
            fresh = Some(set.t);
        }
    }
    if !any_match {
        return Err(Error::SignatureInvalid);
    }
    let t = fresh.ok_or(Error::TimestampOutOfWindow)?;
    Ok(VerifiedWebhook::new(provider, scheme, Some(t)))
}

/// One MAC pass over `parts`, compared with every candidate
/// ([`HmacKey::verify_hex_any`]); the tests count the passes.
fn any_tag_matches(secret: &HmacKey, parts: &[&[u8]], candidates: Vec<&str>) -> bool {
    #[cfg(test)]
    tests::MAC_PASSES.with(|c| c.set(c.get() + 1));
    secret
        .verify_hex_any(HmacAlg::Sha256, parts, candidates)
        .is_ok()
}

/// Verifies a webhook of any [`Provider`] with an HMAC secret: the one entry
/// point the bindings use. `headers` are the request's (name, value) pairs as
/// received; `body` the raw bytes; `now` unix seconds.
///
/// Zero Hash RSA signatures need a public key instead of a secret: use
/// [`crate::zerohash::verify_webhook_rsa`].
///
/// # Errors
/// See the [module docs](self); [`Error::InvalidArgument`] for options out of range.
pub fn verify<N, V>(
    provider: Provider,
    secret: &HmacKey,
    headers: &[(N, V)],
    body: &[u8],
    now: u64,
    opts: &WebhookOptions,
) -> Result<VerifiedWebhook>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    match provider {
        Provider::Sumsub => sumsub::verify(secret, headers, body),
        Provider::Onfido => onfido::verify(secret, headers, body),
        Provider::Veriff => veriff::verify(secret, headers, body),
        Provider::Persona => persona::verify(secret, headers, body, now, opts),
        Provider::CorePass => corepass::verify(secret, headers, body, now, opts),
        Provider::ZeroHash => zerohash::verify(secret, headers, body, now, opts),
        Provider::Jumio => jumio::verify(headers, body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    std::thread_local! {
        /// Full-body MAC passes made by [`timestamped`] on this thread.
        pub(super) static MAC_PASSES: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
    }

    /// Runs a Persona check and returns (result, MAC passes it made).
    fn persona_passes(
        secret: &HmacKey,
        header_value: &str,
        body: &[u8],
        now: u64,
    ) -> (Result<VerifiedWebhook>, usize) {
        MAC_PASSES.with(|c| c.set(0));
        let h = [("Persona-Signature", header_value)];
        let r = verify(
            Provider::Persona,
            secret,
            &h,
            body,
            now,
            &WebhookOptions::default(),
        );
        (r, MAC_PASSES.with(core::cell::Cell::get))
    }

    /// One full-body MAC per distinct timestamp, whatever the number of
    /// candidate signatures (finding 8: 32 candidates used to cost 32 passes).
    #[test]
    fn one_mac_pass_per_distinct_timestamp() {
        let key = HmacKey::from_slice(b"whsec_test").unwrap();
        let body = br#"{"data":{"id":"evt_1"}}"#;
        let tag = |t: &str| hex::encode(key.sign(HmacAlg::Sha256, &[t.as_bytes(), b".", body]));
        let wrong = "00".repeat(32);
        let good = tag("1700000000");

        // Every candidate the parser admits on one timestamp, none matching: 1 pass.
        let set = format!(
            "t=1700000000{}",
            format!(",v1={wrong}").repeat(header::MAX_SIGNATURES_PER_SET)
        );
        let all_wrong = [set.as_str(); header::MAX_SIGNATURE_SETS].join(" ");
        let (r, n) = persona_passes(&key, &all_wrong, body, 1_700_000_000);
        assert_eq!(r.unwrap_err().code(), "signature_invalid");
        assert_eq!(
            n,
            1,
            "{} candidates on one timestamp",
            header::MAX_SIGNATURE_SETS * header::MAX_SIGNATURES_PER_SET
        );

        // The matching signature last among them: still 1 pass, and accepted.
        let mut sets: Vec<String> = all_wrong.split(' ').map(str::to_owned).collect();
        if let Some(s) = sets.last_mut() {
            *s = format!("t=1700000000,v1={wrong},v1={wrong},v1={wrong},v1={good}");
        }
        let (r, n) = persona_passes(&key, &sets.join(" "), body, 1_700_000_000);
        assert_eq!(r.unwrap().timestamp, Some(1_700_000_000));
        assert_eq!(n, 1);

        // Two distinct timestamps (rotation): 2 passes; the fresh one is returned.
        let two = format!(
            "t=1699990000,v1={},v1={wrong} t=1700000000,v1={wrong},v1={good}",
            tag("1699990000")
        );
        let (r, n) = persona_passes(&key, &two, body, 1_700_000_010);
        assert_eq!(r.unwrap().timestamp, Some(1_700_000_000));
        assert_eq!(n, 2);
        let (r, n) = persona_passes(&key, &two, body, 1_800_000_000);
        assert_eq!(r.unwrap_err().code(), "timestamp_out_of_window");
        assert_eq!(n, 2);

        // More distinct timestamps than MAX_DISTINCT_TIMESTAMPS: malformed, no MAC at all.
        let many: Vec<String> = (0..=header::MAX_DISTINCT_TIMESTAMPS)
            .map(|i| format!("t={},v1={wrong}", 1_700_000_000 + i))
            .collect();
        let (r, n) = persona_passes(&key, &many.join(" "), body, 1_700_000_000);
        assert_eq!(r.unwrap_err().code(), "malformed_input");
        assert_eq!(n, 0);
    }

    #[test]
    fn provider_names_round_trip() {
        for p in Provider::ALL {
            assert_eq!(Provider::parse(p.name()).unwrap(), *p);
            assert_eq!(p.to_string().parse::<Provider>().unwrap(), *p);
        }
        assert_eq!(Provider::parse("ZeroHash").unwrap(), Provider::ZeroHash);
        assert_eq!(
            Provider::parse("stripe").unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn options_are_bounded() {
        assert!(WebhookOptions::with_tolerance(MAX_TOLERANCE_SECS).is_ok());
        assert_eq!(
            WebhookOptions::with_tolerance(MAX_TOLERANCE_SECS + 1)
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
    }

    #[test]
    fn body_limit_is_enforced_first() {
        let key = HmacKey::from_slice(b"k").unwrap();
        let big = vec![b'a'; MAX_BODY_LEN + 1];
        let h: [(&str, &str); 0] = [];
        for p in Provider::ALL {
            if *p == Provider::Jumio {
                continue;
            }
            let e = verify(*p, &key, &h, &big, 0, &WebhookOptions::default()).unwrap_err();
            assert_eq!(e.code(), "input_too_large", "{p}");
        }
    }

    proptest::proptest! {
        /// Arbitrary header values and bodies never panic any verifier.
        #[test]
        fn arbitrary_input_never_panics(
            value in ".{0,300}",
            ts in "[0-9]{0,22}",
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            now in proptest::prelude::any::<u64>(),
        ) {
            let key = HmacKey::from_slice(b"k").unwrap();
            let names = [
                "X-Payload-Digest", "X-Payload-Digest-Alg", "X-SHA2-Signature", "X-HMAC-SIGNATURE",
                "Persona-Signature", "Corepass-Signature", "x-zh-hook-signature", "x-zh-hook-signature-256",
                "x-zh-hook-notification-id",
            ];
            let mut headers: Vec<(&str, &str)> = names.iter().map(|n| (*n, value.as_str())).collect();
            headers.push(("x-zh-hook-timestamp", ts.as_str()));
            for p in Provider::ALL {
                let _ = verify(*p, &key, &headers, &body, now, &WebhookOptions::default());
                let _ = verify(*p, &key, &headers[..1], &body, now, &WebhookOptions::default());
            }
        }
    }
}
