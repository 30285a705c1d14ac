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
//! | [`Error::InvalidArgument`] | options out of range ([`WebhookOptions::validate`], checked first) |
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
//! let ok = webhooks::verify(Provider::Onfido, &headers, body, &secret, 0, &WebhookOptions::default()).unwrap();
//! assert_eq!(ok.scheme.as_str(), "hmac-sha256-hex");
//! let err = webhooks::verify(Provider::Onfido, &headers, b"{}", &secret, 0, &WebhookOptions::default()).unwrap_err();
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
//!
//! ## What each provider signs
//! All tags are lowercase or uppercase hex; `body` is the raw body.
//!
//! | provider | header | signed value |
//! |---|---|---|
//! | Sumsub | `X-Payload-Digest` (+ `X-Payload-Digest-Alg`: `HMAC_SHA256_HEX` by default, `HMAC_SHA512_HEX`, `HMAC_SHA1_HEX`) | `HMAC(secret, body)` |
//! | Onfido | `X-SHA2-Signature` | `HMAC-SHA256(webhook token, body)` |
//! | Veriff | `X-HMAC-SIGNATURE` (`X-AUTH-CLIENT` only names the integration) | `HMAC-SHA256(shared secret, body)` |
//! | Persona | `Persona-Signature: t=<unix s>,v1=<hex>` | `HMAC-SHA256(secret, t + "." + body)`, `t` within [`WebhookOptions::leeway_secs`] |
//! | CorePass v2 | `Corepass-Signature: t=<unix s>,s=<hex>` | `HMAC-SHA256(signing key, t + "." + body)`, `t` within the leeway |
//! | Zero Hash | `x-zh-hook-timestamp` (ms) + `x-zh-hook-signature`; legacy `x-zh-hook-signature-256` (opt-in) | `HMAC-SHA256(secret, body + timestamp)`; legacy `HMAC-SHA256(secret, body)` |
//! | Zero Hash RSA | `x-zh-hook-rsa-signature` / `x-zh-hook-rsa-signature-256` | RSASSA-PKCS1-v1_5/SHA-256 over the same messages ([`verify_zerohash_rsa`]) |
//! | Jumio | none | nothing to verify: [`Error::NotSigned`]; allowlist Jumio's IP ranges and fetch the result from its API |
//!
//! Persona and CorePass v2 send several space-separated `t=..,<sig>=..` sets
//! while a secret rotates; any matching set whose `t` is in the window is
//! accepted (at most [`MAX_SIGNATURE_SETS`] sets over
//! [`MAX_DISTINCT_TIMESTAMPS`] distinct `t` values). Zero Hash's
//! `x-zh-hook-notification-id` comes back as
//! [`VerifiedWebhook::event_id`].

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
/// Default leeway (seconds, either direction) for the schemes that sign a
/// timestamp (Persona, CorePass v2, Zero Hash current): 5 minutes.
pub const DEFAULT_LEEWAY_SECS: u64 = 300;
/// Largest leeway a caller may configure (seconds): 1 hour.
pub const MAX_LEEWAY_SECS: u64 = 3600;

str_enum! {
    /// The webhook senders kycrypt knows, spelled in lowercase
    /// (`"sumsub"`, `"corepass"`, `"zerohash"`, ...).
    ///
    /// ```
    /// use kycrypt::webhooks::Provider;
    /// assert_eq!("zerohash".parse::<Provider>()?, Provider::ZeroHash);
    /// assert_eq!(Provider::CorePass.as_str(), "corepass");
    /// assert_eq!("ZeroHash".parse::<Provider>().unwrap_err().code(), "invalid_argument");
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Provider {
        /// Sumsub (`X-Payload-Digest`, `X-Payload-Digest-Alg`).
        Sumsub = "sumsub",
        /// Onfido (`X-SHA2-Signature`).
        Onfido = "onfido",
        /// Veriff (`X-HMAC-SIGNATURE`).
        Veriff = "veriff",
        /// Persona (`Persona-Signature: t=..,v1=..`).
        Persona = "persona",
        /// CorePass hosted Connector v2 (`Corepass-Signature: t=..,s=..`).
        CorePass = "corepass",
        /// Zero Hash (`x-zh-hook-*`; HMAC through [`verify`], RSA through
        /// [`verify_zerohash_rsa`]).
        ZeroHash = "zerohash",
        /// Jumio: does not sign its callbacks.
        Jumio = "jumio",
    }
    unknown => Error::InvalidArgument(Detail::Borrowed("unknown webhook provider"));
}

str_enum! {
    /// The signature scheme a webhook verified under
    /// ([`VerifiedWebhook::scheme`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum WebhookScheme {
        /// `hex(HMAC-SHA256(secret, body))`: Onfido, Veriff, Sumsub's default.
        HmacSha256Hex = "hmac-sha256-hex",
        /// `hex(HMAC-SHA512(secret, body))`: Sumsub `HMAC_SHA512_HEX`.
        HmacSha512Hex = "hmac-sha512-hex",
        /// `hex(HMAC-SHA1(secret, body))`: Sumsub `HMAC_SHA1_HEX`.
        HmacSha1Hex = "hmac-sha1-hex",
        /// Persona's `t=..,v1=..` (HMAC-SHA256 over `t + "." + body`).
        PersonaV1 = "persona-v1",
        /// CorePass v2's `t=..,s=..` (HMAC-SHA256 over `t + "." + body`).
        CorePassV2 = "corepass-v2",
        /// Zero Hash `x-zh-hook-signature` (HMAC-SHA256 over `body + timestamp`).
        ZeroHashHmacSha256 = "zerohash-hmac-sha256",
        /// Zero Hash legacy `x-zh-hook-signature-256` (HMAC-SHA256 over the
        /// body, no timestamp).
        ZeroHashHmacSha256Legacy = "zerohash-hmac-sha256-legacy",
        /// Zero Hash `x-zh-hook-rsa-signature` (RSASSA-PKCS1-v1_5 SHA-256 over
        /// `body + timestamp`).
        ZeroHashRsaSha256 = "zerohash-rsa-sha256",
        /// Zero Hash legacy `x-zh-hook-rsa-signature-256` (RSASSA-PKCS1-v1_5
        /// SHA-256 over the body, no timestamp).
        ZeroHashRsaSha256Legacy = "zerohash-rsa-sha256-legacy",
    }
    unknown => Error::InvalidArgument(Detail::Borrowed("unknown webhook scheme"));
}

/// Options of the webhook checks.
///
/// ```
/// use kycrypt::webhooks::WebhookOptions;
/// let opts = WebhookOptions::default().with_leeway_secs(60);
/// assert!(opts.validate().is_ok());
/// let too_wide = WebhookOptions::default().with_leeway_secs(7200);
/// assert_eq!(too_wide.validate().unwrap_err().code(), "invalid_argument");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookOptions {
    /// Accepted distance (seconds, either direction) between the signed
    /// timestamp and `now`. Default [`DEFAULT_LEEWAY_SECS`], at most
    /// [`MAX_LEEWAY_SECS`].
    pub leeway_secs: u64,
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
            leeway_secs: DEFAULT_LEEWAY_SECS,
            zerohash_allow_legacy: false,
        }
    }
}

impl WebhookOptions {
    /// Checks the options' ranges.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `leeway_secs` exceeds [`MAX_LEEWAY_SECS`].
    pub fn validate(&self) -> Result<()> {
        if self.leeway_secs > MAX_LEEWAY_SECS {
            return Err(Error::InvalidArgument(Detail::Borrowed(
                "leeway_secs exceeds MAX_LEEWAY_SECS (3600)",
            )));
        }
        Ok(())
    }
}

setters!(const WebhookOptions {
    /// Checked by [`validate`](Self::validate), which every check calls.
    with_leeway_secs(leeway_secs: u64);
    with_zerohash_allow_legacy(zerohash_allow_legacy: bool);
});

/// What a successful check established. Contains no body values.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedWebhook {
    /// Who signed.
    pub provider: Provider,
    /// The scheme that verified.
    pub scheme: WebhookScheme,
    /// The signed timestamp in unix **seconds** (Zero Hash's milliseconds
    /// divided by 1000, rounded down), when the scheme signs one.
    pub timestamp: Option<u64>,
    /// The provider's idempotency key from the headers, when it sends one
    /// (Zero Hash `x-zh-hook-notification-id`). Note: this header is not
    /// covered by the signature.
    pub event_id: Option<String>,
}

impl VerifiedWebhook {
    pub(crate) fn new(provider: Provider, scheme: WebhookScheme, timestamp: Option<u64>) -> Self {
        Self {
            provider,
            scheme,
            timestamp,
            event_id: None,
        }
    }
}

/// Rejects bodies over [`MAX_BODY_LEN`].
pub(crate) fn check_body(body: &[u8]) -> Result<()> {
    crate::error::check_len("webhook body", body, MAX_BODY_LEN)
}

/// The common "hex(HMAC(secret, raw body)) in one header" check (Sumsub,
/// Onfido, Veriff, Zero Hash legacy).
pub(crate) fn verify_body_hex<N, V>(
    provider: Provider,
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
    header_name: &'static str,
    alg: HmacAlg,
    scheme: WebhookScheme,
) -> Result<VerifiedWebhook>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    check_body(body)?;
    let sig = header::require(headers, header_name)?;
    secret.verify_hex(alg, &[body], sig)?;
    Ok(VerifiedWebhook::new(provider, scheme, None))
}

/// The `t=<s>,<name>=<hex>` scheme shared by Persona (`v1`) and CorePass v2
/// (`s`): `hex(HMAC-SHA256(secret, t + "." + body))`, any set may match, then
/// the matching set's `t` must be within the leeway.
///
/// Work is bounded by the number of distinct `t` values, not of candidate
/// signatures: the full-body MAC is computed once per distinct `t` (at most
/// [`header::MAX_DISTINCT_TIMESTAMPS`]) and compared in constant time with
/// every candidate signed under that `t` (all of them, no early exit).
#[allow(clippy::too_many_arguments)]
pub(crate) fn timestamped<N, V>(
    provider: Provider,
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
    now: u64,
    opts: &WebhookOptions,
    header_name: &'static str,
    sig_name: &str,
    scheme: WebhookScheme,
) -> Result<VerifiedWebhook>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    check_body(body)?;
    let value = header::require(headers, header_name)?;
    let sets = header::parse_signature_sets(header_name, value, sig_name)?;
    let mut any_match = false;
    // The first matching timestamp (header order) within the window: any
    // such set is enough (rotation sends several).
    let mut fresh: Option<u64> = None;
    for (set, candidates) in header::by_timestamp(&sets) {
        let matched = any_tag_matches(secret, &[set.t_raw.as_bytes(), b".", body], candidates);
        any_match |= matched;
        if matched && fresh.is_none() && header::check_window(set.t, now, opts.leeway_secs).is_ok()
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

/// Verifies a webhook of any [`Provider`] with an HMAC secret: `headers`
/// are the request's (name, value) pairs as received, `body` the raw bytes,
/// `secret` the provider's webhook secret, `now` unix seconds. The options
/// are validated first, whatever the provider.
///
/// Zero Hash RSA signatures need a public key instead of a secret: use
/// [`verify_zerohash_rsa`].
///
/// # Errors
/// See the [module docs](self); [`Error::InvalidArgument`] for options out
/// of range ([`WebhookOptions::validate`]).
pub fn verify<N, V>(
    provider: Provider,
    headers: &[(N, V)],
    body: &[u8],
    secret: &HmacKey,
    now: u64,
    opts: &WebhookOptions,
) -> Result<VerifiedWebhook>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    opts.validate()?;
    match provider {
        Provider::Sumsub => sumsub::verify(headers, body, secret),
        Provider::Onfido => onfido::verify(headers, body, secret),
        Provider::Veriff => veriff::verify(headers, body, secret),
        Provider::Persona => persona::verify(headers, body, secret, now, opts),
        Provider::CorePass => corepass::verify(headers, body, secret, now, opts),
        Provider::ZeroHash => zerohash::verify(headers, body, secret, now, opts),
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
            &h,
            body,
            secret,
            now,
            &WebhookOptions::default(),
        );
        (r, MAC_PASSES.with(core::cell::Cell::get))
    }

    /// One full-body MAC per distinct timestamp, whatever the number of
    /// candidate signatures (32 candidates must not cost 32 passes).
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
            assert_eq!(p.as_str().parse::<Provider>().unwrap(), *p);
            assert_eq!(p.to_string().parse::<Provider>().unwrap(), *p);
        }
        for bad in ["ZeroHash", " sumsub", "stripe", ""] {
            assert_eq!(
                bad.parse::<Provider>().unwrap_err().code(),
                "invalid_argument",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn scheme_spellings() {
        let all: Vec<&str> = WebhookScheme::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            all,
            [
                "hmac-sha256-hex",
                "hmac-sha512-hex",
                "hmac-sha1-hex",
                "persona-v1",
                "corepass-v2",
                "zerohash-hmac-sha256",
                "zerohash-hmac-sha256-legacy",
                "zerohash-rsa-sha256",
                "zerohash-rsa-sha256-legacy",
            ]
        );
        for s in WebhookScheme::ALL {
            assert_eq!(s.as_str().parse::<WebhookScheme>().unwrap(), *s);
        }
    }

    #[test]
    fn options_are_bounded() {
        let at_max = WebhookOptions::default().with_leeway_secs(MAX_LEEWAY_SECS);
        assert!(at_max.validate().is_ok());
        let over = WebhookOptions::default().with_leeway_secs(MAX_LEEWAY_SECS + 1);
        assert_eq!(over.validate().unwrap_err().code(), "invalid_argument");
        assert!(
            WebhookOptions::default()
                .with_zerohash_allow_legacy(true)
                .zerohash_allow_legacy
        );
    }

    /// Every provider validates the options before anything else: an
    /// out-of-range leeway is `invalid_argument` even where no timestamp is
    /// signed (Sumsub, Onfido, Veriff, Jumio) and even with valid input.
    #[test]
    fn every_provider_validates_options() {
        let key = HmacKey::from_slice(b"k").unwrap();
        let body = b"{}";
        let tag = hex::encode(key.sign(HmacAlg::Sha256, &[body]));
        let over = WebhookOptions::default().with_leeway_secs(MAX_LEEWAY_SECS + 1);
        let cases: [(Provider, Vec<(&str, String)>); 7] = [
            (Provider::Sumsub, vec![("X-Payload-Digest", tag.clone())]),
            (Provider::Onfido, vec![("X-SHA2-Signature", tag.clone())]),
            (Provider::Veriff, vec![("X-HMAC-SIGNATURE", tag.clone())]),
            (
                Provider::Persona,
                vec![("Persona-Signature", format!("t=1,v1={tag}"))],
            ),
            (
                Provider::CorePass,
                vec![("Corepass-Signature", format!("t=1,s={tag}"))],
            ),
            (
                Provider::ZeroHash,
                vec![("x-zh-hook-signature-256", tag.clone())],
            ),
            (Provider::Jumio, vec![]),
        ];
        for (p, h) in &cases {
            let e = verify(*p, h, body, &key, 1, &over).unwrap_err();
            assert_eq!(e.code(), "invalid_argument", "{p}");
        }
        // The same inputs with valid options get past the option check.
        let legacy = WebhookOptions::default().with_zerohash_allow_legacy(true);
        for (p, h) in cases.iter().take(3) {
            assert!(verify(*p, h, body, &key, 1, &legacy).is_ok(), "{p}");
        }
        let zh = verify(Provider::ZeroHash, &cases[5].1, body, &key, 1, &legacy).unwrap();
        assert_eq!(zh.scheme, WebhookScheme::ZeroHashHmacSha256Legacy);
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
            let e = verify(*p, &h, &big, &key, 0, &WebhookOptions::default()).unwrap_err();
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
                let _ = verify(*p, &headers, &body, &key, now, &WebhookOptions::default());
                let _ = verify(*p, &headers[..1], &body, &key, now, &WebhookOptions::default());
            }
        }
    }
}
