//! Zero Hash: request signing and verification, RSA webhooks (mirrors `kycrypt::zerohash`).

use std::sync::Arc;

use kycrypt::zerohash as core;

use crate::common::{HttpHeader, pairs};
use crate::hmac::HmacKey;
use crate::webhooks::{VerifiedWebhook, WebhookOptions};
use crate::{FfiError, ffi_guard};

/// The four `X-SCX-*` request headers. Printing shows `<redacted>` for the
/// signature and the passphrase (`crate::redact`).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VerifiedRequest {
    /// The signed timestamp (unix seconds).
    pub timestamp: u64,
    /// `X-SCX-API-KEY`, when sent.
    pub api_key: Option<String>,
}

/// Zero Hash API credentials (API key, base64 secret, passphrase). The
/// secret is zeroized when released and never shown.
#[derive(Debug, uniffi::Object)]
pub struct ZeroHashCredentials(core::ZeroHashCredentials);

#[uniffi::export]
impl ZeroHashCredentials {
    /// Parses the credentials; the secret is standard base64.
    ///
    /// # Errors
    /// `malformed_input` when the secret is not base64 (it is not echoed).
    #[uniffi::constructor]
    pub fn new(
        api_key: String,
        secret_b64: String,
        passphrase: String,
    ) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core::ZeroHashCredentials::new(
                &api_key,
                &secret_b64,
                &passphrase,
            )?)))
        })
    }

    /// Signs a request at `timestamp` (unix seconds, the caller's clock):
    /// the four `X-SCX-*` header values.
    ///
    /// # Errors
    /// `malformed_input` / `input_too_large` for a bad method, route or body.
    pub fn sign_request(
        &self,
        timestamp: u64,
        method: String,
        route: String,
        body: String,
    ) -> Result<SignedHeaders, FfiError> {
        ffi_guard!({
            let h = self.0.sign_request(&method, &route, &body, timestamp)?;
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
    pub fn api_key(&self) -> Result<String, FfiError> {
        ffi_guard!({ Ok(self.0.api_key().to_owned()) })
    }
}

/// Decodes a Zero Hash API secret (standard base64) into an [`HmacKey`].
///
/// # Errors
/// `malformed_input` when it is not base64.
#[uniffi::export]
pub fn zerohash_secret_from_base64(secret_b64: String) -> Result<Arc<HmacKey>, FfiError> {
    ffi_guard!({ Ok(Arc::new(HmacKey(core::secret_from_base64(&secret_b64)?))) })
}

/// The prehash string `timestamp + METHOD + route + body` that is signed.
///
/// # Errors
/// `malformed_input` / `input_too_large` for a bad method, route or body.
#[uniffi::export]
pub fn zerohash_signing_message(
    timestamp: u64,
    method: String,
    route: String,
    body: String,
) -> Result<String, FfiError> {
    ffi_guard!({ Ok(core::signing_message(&method, &route, &body, timestamp)?) })
}

/// `X-SCX-SIGNED` for a request (base64 HMAC-SHA256 under `secret`).
///
/// # Errors
/// As [`zerohash_signing_message`].
#[uniffi::export]
pub fn zerohash_sign(
    secret: Arc<HmacKey>,
    timestamp: u64,
    method: String,
    route: String,
    body: String,
) -> Result<String, FfiError> {
    ffi_guard!({ Ok(core::sign(&method, &route, &body, &secret.0, timestamp)?) })
}

/// Server side: verifies the `X-SCX-SIGNED` / `X-SCX-TIMESTAMP` headers of a
/// request at `now`, within `window_secs` (default 60, at most 300).
///
/// # Errors
/// `missing_header`, `malformed_input`, `timestamp_out_of_window`,
/// `signature_invalid`, `invalid_argument`.
#[uniffi::export]
#[allow(clippy::too_many_arguments)]
pub fn zerohash_verify_request(
    secret: Arc<HmacKey>,
    headers: Vec<HttpHeader>,
    method: String,
    route: String,
    body: String,
    now: u64,
    window_secs: Option<u64>,
) -> Result<VerifiedRequest, FfiError> {
    ffi_guard!({
        let opts = window_secs.map_or_else(core::RequestOptions::default, |w| {
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
        )?;
        Ok(VerifiedRequest {
            timestamp: v.timestamp,
            api_key: v.api_key,
        })
    })
}

/// A Zero Hash webhook RSA public key (PEM), parsed once.
#[derive(Debug, uniffi::Object)]
pub struct ZeroHashPublicKey(kycrypt::webhooks::ZeroHashPublicKey);

#[uniffi::export]
impl ZeroHashPublicKey {
    /// Parses an RSA public key PEM (SPKI or PKCS#1).
    ///
    /// # Errors
    /// `invalid_key` when it is not a usable RSA key.
    #[uniffi::constructor]
    pub fn from_pem(pem: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(
                kycrypt::webhooks::ZeroHashPublicKey::from_pem(&pem)?,
            )))
        })
    }
}

/// Verifies a Zero Hash webhook signed with RSA (`x-zh-hook-rsa-signature`).
///
/// # Errors
/// As [`crate::verify_webhook`].
#[uniffi::export]
pub fn zerohash_verify_webhook_rsa(
    key: Arc<ZeroHashPublicKey>,
    headers: Vec<HttpHeader>,
    body: Vec<u8>,
    now: u64,
    options: WebhookOptions,
) -> Result<VerifiedWebhook, FfiError> {
    ffi_guard!({
        Ok(kycrypt::webhooks::verify_zerohash_rsa(
            &pairs(&headers),
            &body,
            &key.0,
            now,
            &options.into(),
        )?
        .into())
    })
}
