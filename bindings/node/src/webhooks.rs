//! KYC webhook verification: [`verify_webhook`] (mirrors `bindings/ffi/src/webhooks.rs`).

use kycrypt::primitives::hmac::HmacKey as CoreHmacKey;
use kycrypt::webhooks as core;
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

use crate::KyError;
use crate::common::{HttpHeader, js_secs, pairs, secs};
use crate::guard::{from_core, napi_guard};

/// Options of webhook verification. Every member is optional.
#[napi(object)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WebhookOptions {
    /// Accepted age (and future skew) of a signed timestamp, in seconds
    /// (default 300, at most 3600).
    pub tolerance_secs: Option<i64>,
    /// Zero Hash: also accept the legacy `-256` signature headers (default false).
    pub zerohash_allow_legacy: Option<bool>,
}

/// The core options: the core's defaults, overridden by the members given.
pub(crate) fn options(o: Option<WebhookOptions>) -> Result<core::WebhookOptions, KyError> {
    let o = o.unwrap_or_default();
    let mut core_opts = core::WebhookOptions::default();
    if let Some(t) = o.tolerance_secs {
        core_opts = core_opts.with_leeway_secs(secs("toleranceSecs", t)?);
    }
    if let Some(l) = o.zerohash_allow_legacy {
        core_opts = core_opts.with_zerohash_allow_legacy(l);
    }
    Ok(core_opts)
}

/// A verified webhook.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedWebhook {
    /// The provider name (`sumsub`, `onfido`, `veriff`, `persona`, `corepass`, `zerohash`, `jumio`).
    pub provider: String,
    /// The signature scheme that verified, e.g. `hmac-sha256-hex`.
    pub scheme: String,
    /// The signed timestamp, when the scheme signs one.
    pub timestamp: Option<i64>,
    /// The event or notification id from the headers, when present.
    pub event_id: Option<String>,
}

impl VerifiedWebhook {
    /// Converts the core result.
    pub(crate) fn from_core(v: core::VerifiedWebhook) -> Result<Self, KyError> {
        Ok(Self {
            provider: v.provider.as_str().to_owned(),
            scheme: v.scheme.as_str().to_owned(),
            timestamp: v.timestamp.map(|t| js_secs("timestamp", t)).transpose()?,
            event_id: v.event_id,
        })
    }
}

/// Verifies a KYC provider webhook over the raw `body` bytes, before any
/// JSON parsing. `provider` is a name such as `"sumsub"`; `secret` the
/// provider's webhook secret as bytes; `now` unix seconds.
///
/// # Errors
/// `invalid_argument` (unknown provider, options out of range),
/// `missing_header`, `signature_invalid`, `timestamp_out_of_window`,
/// `not_signed` (Jumio), `input_too_large`, `malformed_input` (negative
/// `now`, unparsable headers), `invalid_key` (an empty `secret`, whatever
/// the provider).
#[napi]
pub fn verify_webhook(
    provider: String,
    secret: Uint8Array,
    headers: Vec<HttpHeader>,
    body: Uint8Array,
    now: i64,
    options: Option<WebhookOptions>,
) -> Result<VerifiedWebhook, KyError> {
    napi_guard!({
        // Whitespace and ASCII case are ignored, as this binding always has
        // done; the core spelling is exact lowercase.
        let p = provider
            .trim()
            .to_ascii_lowercase()
            .parse::<core::Provider>()
            .map_err(from_core)?;
        let key = CoreHmacKey::from_slice(&secret).map_err(from_core)?;
        let (now, o) = (secs("now", now)?, self::options(options)?);
        let v = core::verify(p, &pairs(&headers), &body, &key, now, &o).map_err(from_core)?;
        VerifiedWebhook::from_core(v)
    })
}
