//! KYC provider webhooks: [`verify_webhook`] (the core's `kycrypt::webhooks`).

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::webhooks as core;

use crate::api::common::{opt_out_secs, secs};
use crate::api::hmac::HmacKey;
use crate::api::macros::bind_enum;
use crate::shim::{BytesIn, Error, Headers, Secs, guard, header_pairs};

bind_enum! {
    /// A webhook sender (JS: `'sumsub' | 'onfido' | …`).
    pub enum Provider: core::Provider {
        /// Sumsub: `X-Payload-Digest` (HMAC-SHA256/512/1 hex, per `X-Payload-Digest-Alg`).
        Sumsub = "sumsub",
        /// Onfido: `X-SHA2-Signature` (HMAC-SHA256 hex).
        Onfido = "onfido",
        /// Veriff: `X-HMAC-SIGNATURE` (HMAC-SHA256 hex).
        Veriff = "veriff",
        /// Persona: `Persona-Signature` (`t=…,v1=…`, timestamped).
        Persona = "persona",
        /// CorePass v2: `X-Signature` over `timestamp.body`.
        CorePass = "corepass",
        /// Zero Hash: `x-zh-hook-signature` (HMAC; RSA is `zerohash_verify_webhook_rsa`).
        ZeroHash = "zerohash",
        /// Jumio: does not sign its callbacks; always fails with `not_signed`.
        Jumio = "jumio",
    }
}

bind_enum! {
    /// The signature scheme that verified a webhook (JS: `'hmac-sha256-hex' | …`).
    pub enum WebhookScheme: core::WebhookScheme {
        /// A hex HMAC-SHA256 of the body.
        HmacSha256Hex = "hmac-sha256-hex",
        /// A hex HMAC-SHA512 of the body.
        HmacSha512Hex = "hmac-sha512-hex",
        /// A hex HMAC-SHA1 of the body.
        HmacSha1Hex = "hmac-sha1-hex",
        /// Persona's `t=…,v1=…` over `t.body`.
        PersonaV1 = "persona-v1",
        /// CorePass v2 over `timestamp.body`.
        CorePassV2 = "corepass-v2",
        /// Zero Hash HMAC-SHA256.
        ZeroHashHmacSha256 = "zerohash-hmac-sha256",
        /// Zero Hash HMAC-SHA256, legacy `-256` header (opt-in).
        ZeroHashHmacSha256Legacy = "zerohash-hmac-sha256-legacy",
        /// Zero Hash RSA-SHA256.
        ZeroHashRsaSha256 = "zerohash-rsa-sha256",
        /// Zero Hash RSA-SHA256, legacy `-256` header (opt-in).
        ZeroHashRsaSha256Legacy = "zerohash-rsa-sha256-legacy",
    }
}

/// Options of webhook verification; a field left out (`None`) is the core's default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WebhookOptions {
    /// Accepted age (and future skew) of a signed timestamp, in seconds (default 300,
    /// at most 3600).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub leeway_secs: Option<Secs>,
    /// Zero Hash: also accept the legacy `-256` signature headers (default false).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub zerohash_allow_legacy: Option<bool>,
}

impl WebhookOptions {
    /// The core's options: its defaults, overridden by what is set here.
    pub(crate) fn to_core(o: Option<Self>) -> Result<core::WebhookOptions, kycrypt::Error> {
        let o = o.unwrap_or_default();
        let mut c = core::WebhookOptions::default();
        if let Some(l) = o.leeway_secs {
            c = c.with_leeway_secs(secs("leeway_secs", l)?);
        }
        if let Some(z) = o.zerohash_allow_legacy {
            c = c.with_zerohash_allow_legacy(z);
        }
        Ok(c)
    }
}

/// A verified webhook.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedWebhook {
    /// Who sent it.
    pub provider: Provider,
    /// The signature scheme that verified.
    pub scheme: WebhookScheme,
    /// The signed timestamp (unix seconds), when the scheme signs one.
    pub timestamp: Option<i64>,
    /// The event or notification id from the headers, when present.
    pub event_id: Option<String>,
}

impl TryFrom<core::VerifiedWebhook> for VerifiedWebhook {
    type Error = kycrypt::Error;
    fn try_from(v: core::VerifiedWebhook) -> Result<Self, kycrypt::Error> {
        Ok(Self {
            provider: v.provider.try_into()?,
            scheme: v.scheme.try_into()?,
            timestamp: opt_out_secs("timestamp", v.timestamp)?,
            event_id: v.event_id,
        })
    }
}

/// Verifies a KYC provider webhook over the raw `body` bytes, before any JSON
/// parsing, at `now` (unix seconds). `secret` is the provider's webhook secret.
///
/// # Errors
/// `missing_header`, `signature_invalid`, `timestamp_out_of_window`, `not_signed`
/// (Jumio), `input_too_large`, `malformed_input` (a negative time),
/// `invalid_argument` (options out of range).
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn verify_webhook(
    provider: Provider,
    headers: Headers,
    body: BytesIn,
    secret: &HmacKey,
    now: Secs,
    options: Option<WebhookOptions>,
) -> Result<VerifiedWebhook, Error> {
    guard(|| {
        let opts = WebhookOptions::to_core(options)?;
        let v = core::verify(
            provider.into(),
            &header_pairs(&headers),
            &body,
            &secret.0,
            secs("now", now)?,
            &opts,
        )?;
        v.try_into()
    })
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;

    #[test]
    fn schemes_and_providers_keep_the_core_spelling() {
        use kycrypt::webhooks::WebhookScheme as S;
        for s in S::ALL {
            assert_eq!(WebhookScheme::try_from(*s).unwrap().name(), s.as_str());
        }
        for p in kycrypt::webhooks::Provider::ALL {
            let b = Provider::try_from(*p).unwrap();
            assert_eq!(kycrypt::webhooks::Provider::from(b), *p);
        }
    }

    #[test]
    fn options_default_to_the_core() {
        assert_eq!(
            WebhookOptions::to_core(None).unwrap(),
            kycrypt::webhooks::WebhookOptions::default()
        );
        let neg = WebhookOptions {
            leeway_secs: Some(-1),
            zerohash_allow_legacy: None,
        };
        assert_eq!(
            WebhookOptions::to_core(Some(neg)).unwrap_err().code(),
            "malformed_input"
        );
    }
}
