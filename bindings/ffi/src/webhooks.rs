//! KYC webhook verification: [`verify_webhook`] (mirrors `kycrypt::webhooks`).

use kycrypt::primitives::hmac::HmacKey as CoreHmacKey;
use kycrypt::webhooks as core;

use crate::common::{HttpHeader, pairs};
use crate::{FfiError, ffi_guard};

/// Options of webhook verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct WebhookOptions {
    /// Accepted age (and future skew) of a signed timestamp, in seconds
    /// (default 300, at most 3600).
    #[uniffi(default = 300)]
    pub tolerance_secs: u64,
    /// Zero Hash: also accept the legacy `-256` signature headers (default false).
    #[uniffi(default = false)]
    pub zerohash_allow_legacy: bool,
}

impl From<WebhookOptions> for core::WebhookOptions {
    fn from(o: WebhookOptions) -> Self {
        Self::default()
            .with_leeway_secs(o.tolerance_secs)
            .with_zerohash_allow_legacy(o.zerohash_allow_legacy)
    }
}

/// A verified webhook.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VerifiedWebhook {
    /// The provider name (`sumsub`, `onfido`, `veriff`, `persona`, `corepass`, `zerohash`, `jumio`).
    pub provider: String,
    /// The signature scheme that verified, e.g. `hmac-sha256-hex`.
    pub scheme: String,
    /// The signed timestamp, when the scheme signs one.
    pub timestamp: Option<u64>,
    /// The event or notification id from the headers, when present.
    pub event_id: Option<String>,
}

impl From<core::VerifiedWebhook> for VerifiedWebhook {
    fn from(v: core::VerifiedWebhook) -> Self {
        Self {
            provider: v.provider.as_str().to_owned(),
            scheme: v.scheme.as_str().to_owned(),
            timestamp: v.timestamp,
            event_id: v.event_id,
        }
    }
}

/// Verifies a KYC provider webhook over the raw `body` bytes, before any
/// JSON parsing. `provider` is a name such as `"sumsub"`; `secret` the
/// provider's webhook secret as bytes; `now` unix seconds.
///
/// # Errors
/// `invalid_argument` (unknown provider), `missing_header`,
/// `signature_invalid`, `timestamp_out_of_window`, `not_signed` (Jumio),
/// `input_too_large`, `invalid_argument` (options out of range),
/// `invalid_key` (an empty `secret`, whatever the provider).
#[uniffi::export]
pub fn verify_webhook(
    provider: String,
    secret: Vec<u8>,
    headers: Vec<HttpHeader>,
    body: Vec<u8>,
    now: u64,
    options: WebhookOptions,
) -> Result<VerifiedWebhook, FfiError> {
    ffi_guard!({
        let p = parse_provider(&provider)?;
        let key = CoreHmacKey::new(secret)?;
        Ok(core::verify(p, &pairs(&headers), &body, &key, now, &options.into())?.into())
    })
}

/// Parses a provider name as this binding always has: surrounding whitespace
/// ignored, any ASCII case (the core spelling is exact lowercase).
pub(crate) fn parse_provider(name: &str) -> Result<core::Provider, kycrypt::Error> {
    name.trim().to_ascii_lowercase().parse()
}
