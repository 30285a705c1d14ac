//! Zero Hash: request signing and its server-side check, RSA webhooks (the core's
//! `kycrypt::zerohash` and `kycrypt::webhooks::verify_zerohash_rsa`).

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::zerohash as core;

use crate::api::common::{out_secs, secs};
use crate::api::hmac::HmacKey;
use crate::api::macros::bind_methods;
use crate::api::redact::{napi_printing, redacted_fmt};
use crate::api::webhooks::{VerifiedWebhook, WebhookOptions};
use crate::shim::{BytesIn, Error, Headers, Secs, guard, header_pairs};

/// The four `X-SCX-*` request headers. Printing shows `<redacted>` for the signature
/// and the passphrase.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi)]
#[derive(Clone, PartialEq, Eq)]
pub struct SignedHeaders {
    /// `X-SCX-API-KEY`.
    pub x_scx_api_key: String,
    /// `X-SCX-SIGNED`: base64 HMAC-SHA256.
    pub x_scx_signed: String,
    /// `X-SCX-TIMESTAMP`: unix seconds.
    pub x_scx_timestamp: String,
    /// `X-SCX-PASSPHRASE`.
    pub x_scx_passphrase: String,
}

redacted_fmt!(SignedHeaders {
    x_scx_api_key,
    x_scx_signed: redacted,
    x_scx_timestamp,
    x_scx_passphrase: redacted,
});
napi_printing!(SignedHeaders);

/// Options of `zerohash_verify_request`; a field left out (`None`) is the core's
/// default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RequestOptions {
    /// Accepted distance between `X-SCX-TIMESTAMP` and `now`, in seconds (default 60,
    /// at most 300).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub leeway_secs: Option<Secs>,
}

impl RequestOptions {
    fn to_core(o: Option<Self>) -> Result<core::RequestOptions, kycrypt::Error> {
        let mut c = core::RequestOptions::default();
        if let Some(l) = o.unwrap_or_default().leeway_secs {
            c = c.with_leeway_secs(secs("leeway_secs", l)?);
        }
        Ok(c)
    }
}

/// A verified Zero Hash request.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedRequest {
    /// The signed timestamp (unix seconds).
    pub timestamp: i64,
    /// `X-SCX-API-KEY`, when sent.
    pub api_key: Option<String>,
}

/// Zero Hash API credentials (API key, base64 secret, passphrase). The secret and the
/// passphrase are zeroized when released and never shown.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct ZeroHashCredentials(core::ZeroHashCredentials);

bind_methods! {
impl ZeroHashCredentials {
    /// Parses the credentials; the secret is standard base64.
    ///
    /// # Errors
    /// `malformed_input` when the secret is not base64 (it is not echoed).
    constructor pub fn new(api_key: String, secret_b64: String, passphrase: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::ZeroHashCredentials::new(&api_key, &secret_b64, &passphrase)?)))
    }

    /// Signs a request at `timestamp` (unix seconds, the caller's clock): the four
    /// `X-SCX-*` header values.
    ///
    /// # Errors
    /// `malformed_input` / `input_too_large` for a bad method, route or body.
    method pub fn sign_request(
        &self,
        method: String,
        route: String,
        body: String,
        timestamp: Secs,
    ) -> Result<SignedHeaders, Error> {
        guard(|| {
            let h = self.0.sign_request(&method, &route, &body, secs("timestamp", timestamp)?)?;
            Ok(SignedHeaders {
                x_scx_api_key: h.x_scx_api_key.clone(),
                x_scx_signed: h.x_scx_signed.clone(),
                x_scx_timestamp: h.x_scx_timestamp.clone(),
                x_scx_passphrase: h.x_scx_passphrase.clone(),
            })
        })
    }

    /// The public API key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn api_key(&self) -> Result<String, Error> {
        guard(|| Ok(self.0.api_key().to_owned()))
    }
}
}

/// Decodes a Zero Hash API secret (standard base64) into an `HmacKey`.
///
/// # Errors
/// `malformed_input` when it is not base64; `invalid_key` when it is empty.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn zerohash_secret_from_base64(secret_b64: String) -> Result<HmacKey, Error> {
    guard(|| Ok(HmacKey(core::secret_from_base64(&secret_b64)?)))
}

/// The prehash string `timestamp + METHOD + route + body` that is signed.
///
/// # Errors
/// `malformed_input` / `input_too_large` for a bad method, route or body.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn zerohash_signing_message(
    method: String,
    route: String,
    body: String,
    timestamp: Secs,
) -> Result<String, Error> {
    guard(|| core::signing_message(&method, &route, &body, secs("timestamp", timestamp)?))
}

/// `X-SCX-SIGNED` of a request: base64 HMAC-SHA256 under `secret` at `timestamp`.
///
/// # Errors
/// As `zerohash_signing_message`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn zerohash_sign(
    method: String,
    route: String,
    body: String,
    secret: &HmacKey,
    timestamp: Secs,
) -> Result<String, Error> {
    guard(|| {
        core::sign(
            &method,
            &route,
            &body,
            &secret.0,
            secs("timestamp", timestamp)?,
        )
    })
}

/// Server side: verifies the `X-SCX-SIGNED` / `X-SCX-TIMESTAMP` headers of a request
/// at `now` (unix seconds).
///
/// # Errors
/// `missing_header`, `malformed_input`, `timestamp_out_of_window`,
/// `signature_invalid`, `invalid_argument` (options out of range).
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
#[allow(clippy::too_many_arguments)]
pub fn zerohash_verify_request(
    headers: Headers,
    method: String,
    route: String,
    body: String,
    secret: &HmacKey,
    now: Secs,
    options: Option<RequestOptions>,
) -> Result<VerifiedRequest, Error> {
    guard(|| {
        let opts = RequestOptions::to_core(options)?;
        let v = core::verify_request(
            &header_pairs(&headers),
            &method,
            &route,
            &body,
            &secret.0,
            secs("now", now)?,
            &opts,
        )?;
        Ok(VerifiedRequest {
            timestamp: out_secs("timestamp", v.timestamp)?,
            api_key: v.api_key,
        })
    })
}

/// A Zero Hash webhook RSA public key (PEM), parsed once.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct ZeroHashPublicKey(kycrypt::webhooks::ZeroHashPublicKey);

bind_methods! {
impl ZeroHashPublicKey {
    /// Parses an RSA public key PEM (SPKI or PKCS#1).
    ///
    /// # Errors
    /// `invalid_key` when it is not a usable RSA key.
    factory pub fn from_pem(pem: String) -> Result<Self, Error> {
        guard(|| Ok(Self(kycrypt::webhooks::ZeroHashPublicKey::from_pem(&pem)?)))
    }
}
}

/// Verifies a Zero Hash webhook signed with RSA (`x-zh-hook-rsa-signature`).
///
/// # Errors
/// As `verify_webhook`.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn zerohash_verify_webhook_rsa(
    headers: Headers,
    body: BytesIn,
    key: &ZeroHashPublicKey,
    now: Secs,
    options: Option<WebhookOptions>,
) -> Result<VerifiedWebhook, Error> {
    guard(|| {
        let opts = WebhookOptions::to_core(options)?;
        kycrypt::webhooks::verify_zerohash_rsa(
            &header_pairs(&headers),
            &body,
            &key.0,
            secs("now", now)?,
            &opts,
        )?
        .try_into()
    })
}
