//! Zero Hash: request signing and verification, RSA webhooks (mirrors
//! `bindings/ffi/src/zerohash.rs`).

use kycrypt::zerohash as core;
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

use crate::KyError;
use crate::common::{HttpHeader, js_secs, opt_secs, pairs, secs};
use crate::guard::{from_core, napi_guard};
use crate::hmac::HmacKey;
use crate::webhooks::{self, VerifiedWebhook, WebhookOptions};

/// The four `X-SCX-*` request headers.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A verified Zero Hash request.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedRequest {
    /// The signed timestamp (unix seconds).
    pub timestamp: i64,
    /// `X-SCX-API-KEY`, when sent.
    pub api_key: Option<String>,
}

/// Zero Hash API credentials (API key, base64 secret, passphrase). The
/// secret is zeroized when collected and never shown.
#[napi]
pub struct ZeroHashCredentials(core::ZeroHashCredentials);

#[napi]
impl ZeroHashCredentials {
    /// Parses the credentials; the secret is standard base64.
    ///
    /// # Errors
    /// `malformed_input` when the secret is not base64 (it is not echoed).
    #[napi(constructor)]
    pub fn new(api_key: String, secret_b64: String, passphrase: String) -> Result<Self, KyError> {
        napi_guard!({
            core::ZeroHashCredentials::new(&api_key, &secret_b64, &passphrase)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// Signs a request at `timestamp` (unix seconds, the caller's clock):
    /// the four `X-SCX-*` header values.
    ///
    /// # Errors
    /// `malformed_input` / `input_too_large` for a bad method, route or body
    /// (`malformed_input` also for a negative `timestamp`).
    #[napi]
    pub fn sign_request(
        &self,
        timestamp: i64,
        method: String,
        route: String,
        body: String,
    ) -> Result<SignedHeaders, KyError> {
        napi_guard!({
            let ts = secs("timestamp", timestamp)?;
            let h = self
                .0
                .sign_request(&method, &route, &body, ts)
                .map_err(from_core)?;
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
    #[napi]
    pub fn api_key(&self) -> Result<String, KyError> {
        napi_guard!({ Ok(self.0.api_key().to_owned()) })
    }
}

/// Decodes a Zero Hash API secret (standard base64) into an [`HmacKey`].
///
/// # Errors
/// `malformed_input` when it is not base64.
#[napi]
pub fn zerohash_secret_from_base64(secret_b64: String) -> Result<HmacKey, KyError> {
    napi_guard!({
        core::secret_from_base64(&secret_b64)
            .map(HmacKey)
            .map_err(from_core)
    })
}

/// The prehash string `timestamp + METHOD + route + body` that is signed.
///
/// # Errors
/// `malformed_input` / `input_too_large` for a bad method, route or body
/// (`malformed_input` also for a negative `timestamp`).
#[napi]
pub fn zerohash_signing_message(
    timestamp: i64,
    method: String,
    route: String,
    body: String,
) -> Result<String, KyError> {
    napi_guard!({
        core::signing_message(&method, &route, &body, secs("timestamp", timestamp)?)
            .map_err(from_core)
    })
}

/// `X-SCX-SIGNED` for a request (base64 HMAC-SHA256 under `secret`).
///
/// # Errors
/// As [`zerohash_signing_message`].
#[napi]
pub fn zerohash_sign(
    secret: &HmacKey,
    timestamp: i64,
    method: String,
    route: String,
    body: String,
) -> Result<String, KyError> {
    napi_guard!({
        let ts = secs("timestamp", timestamp)?;
        core::sign(&method, &route, &body, &secret.0, ts).map_err(from_core)
    })
}

/// Server side: verifies the `X-SCX-SIGNED` / `X-SCX-TIMESTAMP` headers of a
/// request at `now`, within `windowSecs` (default 60, at most 300).
///
/// # Errors
/// `missing_header`, `malformed_input`, `timestamp_out_of_window`,
/// `signature_invalid`, `invalid_argument`.
#[napi]
#[allow(clippy::too_many_arguments)]
pub fn zerohash_verify_request(
    secret: &HmacKey,
    headers: Vec<HttpHeader>,
    method: String,
    route: String,
    body: String,
    now: i64,
    window_secs: Option<i64>,
) -> Result<VerifiedRequest, KyError> {
    napi_guard!({
        let (now, window) = (secs("now", now)?, opt_secs("windowSecs", window_secs)?);
        let opts = window.map_or_else(core::RequestOptions::default, |w| {
            core::RequestOptions::default().with_leeway_secs(w)
        });
        let v = core::verify_request(
            &pairs(&headers),
            &method,
            &route,
            &body,
            &secret.0,
            now,
            &opts,
        )
        .map_err(from_core)?;
        Ok(VerifiedRequest {
            timestamp: js_secs("timestamp", v.timestamp)?,
            api_key: v.api_key,
        })
    })
}

/// A Zero Hash webhook RSA public key (PEM), parsed once.
#[napi]
pub struct ZeroHashPublicKey(kycrypt::webhooks::ZeroHashPublicKey);

#[napi]
impl ZeroHashPublicKey {
    /// Parses an RSA public key PEM (SPKI or PKCS#1).
    ///
    /// # Errors
    /// `invalid_key` when it is not a usable RSA key.
    #[napi(factory)]
    pub fn from_pem(pem: String) -> Result<Self, KyError> {
        napi_guard!({
            kycrypt::webhooks::ZeroHashPublicKey::from_pem(&pem)
                .map(Self)
                .map_err(from_core)
        })
    }
}

/// Verifies a Zero Hash webhook signed with RSA (`x-zh-hook-rsa-signature`).
///
/// # Errors
/// As [`crate::verify_webhook`].
#[napi]
pub fn zerohash_verify_webhook_rsa(
    key: &ZeroHashPublicKey,
    headers: Vec<HttpHeader>,
    body: Uint8Array,
    now: i64,
    options: Option<WebhookOptions>,
) -> Result<VerifiedWebhook, KyError> {
    napi_guard!({
        let (now, o) = (secs("now", now)?, webhooks::options(options)?);
        let v = kycrypt::webhooks::verify_zerohash_rsa(&pairs(&headers), &body, &key.0, now, &o)
            .map_err(from_core)?;
        VerifiedWebhook::from_core(v)
    })
}
