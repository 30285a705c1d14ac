//! Moca AIR: partner JWTs (`x-partner-auth`) and CAK callbacks (mirrors `kycrypt::moca`).

use std::sync::Arc;

use kycrypt::moca::cak as core_cak;
use kycrypt::moca::partner_jwt as core;

use crate::common::{invalid_argument, json_text};
use crate::keys::{PrivateKey, PublicKey};
use crate::{FfiError, ffi_guard};

/// The claims of a partner JWT. Printing hides `email` and `extra_json`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct PartnerClaims {
    /// `partnerId`.
    pub partner_id: String,
    /// `scope`, e.g. `issue`, `verify`, `issue on-behalf`.
    pub scope: String,
    /// `email`, for on-behalf issuance.
    #[uniffi(default = None)]
    pub email: Option<String>,
    /// Other claims, as a JSON object text (default `{}`); reserved names are refused.
    #[uniffi(default = "{}")]
    pub extra_json: String,
}

impl PartnerClaims {
    fn to_core(&self) -> Result<core::PartnerClaims, FfiError> {
        let extra = match serde_json::from_str::<serde_json::Value>(&self.extra_json) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => return Err(invalid_argument("extra_json must be a JSON object")),
        };
        let mut claims =
            core::PartnerClaims::new(&self.partner_id, &self.scope, self.email.clone());
        claims.extra = extra;
        Ok(claims)
    }
}

impl From<core::PartnerClaims> for PartnerClaims {
    fn from(c: core::PartnerClaims) -> Self {
        Self {
            extra_json: json_text(&c.extra),
            partner_id: c.partner_id,
            scope: c.scope,
            email: c.email,
        }
    }
}

/// Signs a partner JWT (header `kid`, `typ: JWT`; `iat`, `exp = iat + ttl`)
/// with an RS256 or ES256 key; send it as the `x-partner-auth` header.
///
/// # Errors
/// `invalid_argument` (ttl not 1..=900, bad extra claims),
/// `algorithm_not_allowed` (another key type), `unsupported_algorithm`.
#[uniffi::export]
pub fn sign_partner_jwt(
    key: Arc<PrivateKey>,
    kid: String,
    claims: PartnerClaims,
    iat: u64,
    ttl: u64,
) -> Result<String, FfiError> {
    ffi_guard!({
        let opts = core::PartnerJwtSignOptions::default()
            .with_kid(kid)
            .with_ttl_secs(ttl);
        Ok(core::sign_partner_jwt(
            &claims.to_core()?,
            &key.0,
            iat,
            &opts,
        )?)
    })
}

/// Verifies a partner JWT with `key` at `now` (leeway in seconds).
///
/// # Errors
/// The errors of `verify_jwt`; `malformed_token` without `partnerId` or
/// `iat`, or when `exp - iat` exceeds 900 s (Moca's cap, whoever signed).
#[uniffi::export]
pub fn verify_partner_jwt(
    token: String,
    key: Arc<PublicKey>,
    now: u64,
    leeway: u64,
) -> Result<PartnerClaims, FfiError> {
    ffi_guard!({
        let v = core::PartnerJwtValidation::default().with_leeway_secs(leeway);
        Ok(core::verify_partner_jwt(&token, &key.0, now, &v)?.into())
    })
}

/// Verifies a partner JWT with the key named by its `kid` in `jwks` (JSON text).
///
/// # Errors
/// `missing_header` (no `kid`), `key_not_found`, then as [`verify_partner_jwt`].
#[uniffi::export]
pub fn verify_partner_jwt_jwks(
    token: String,
    jwks: String,
    now: u64,
    leeway: u64,
) -> Result<PartnerClaims, FfiError> {
    ffi_guard!({
        let v = core::PartnerJwtValidation::default().with_leeway_secs(leeway);
        Ok(core::verify_partner_jwt_jwks(
            &token,
            &kycrypt::primitives::keys::Jwks::from_json(&jwks)?,
            now,
            &v,
        )?
        .into())
    })
}

/// A parsed CAK callback.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CakCallback {
    /// `userId`.
    pub user_id: String,
    /// `verifierDid`.
    pub verifier_did: String,
    /// `schemaId`.
    pub schema_id: String,
    /// The key to deduplicate deliveries with.
    pub dedup_key: String,
}

impl From<core_cak::CakCallback> for CakCallback {
    fn from(c: core_cak::CakCallback) -> Self {
        Self {
            dedup_key: c.dedup_key(),
            user_id: c.user_id,
            verifier_did: c.verifier_did,
            schema_id: c.schema_id,
        }
    }
}

/// Parses a CAK callback body (no signature check: use [`CakCallbackVerifier`]).
///
/// # Errors
/// `malformed_input`, `input_too_large`.
#[uniffi::export]
pub fn cak_parse_callback(body: Vec<u8>) -> Result<CakCallback, FfiError> {
    ffi_guard!({ Ok(core_cak::parse_callback(&body)?.into()) })
}

/// The deduplication key of a callback's three identifiers.
///
/// # Errors
/// Only `internal`, never in practice.
#[uniffi::export]
pub fn cak_dedup_key(
    user_id: String,
    verifier_did: String,
    schema_id: String,
) -> Result<String, FfiError> {
    ffi_guard!({ Ok(core_cak::dedup_key(&user_id, &verifier_did, &schema_id)) })
}

/// How CAK callbacks are signed for you: HMAC-SHA256 with a shared key,
/// Ed25519 or ES256 with the sender's public key. Parsed once.
#[derive(Debug, uniffi::Object)]
pub struct CakCallbackVerifier(core_cak::CakCallbackVerifier);

#[uniffi::export]
impl CakCallbackVerifier {
    /// HMAC-SHA256 with a shared `key`, signature sent in the `header` header.
    ///
    /// # Errors
    /// `invalid_key` (empty key), `invalid_argument` (bad header name).
    #[uniffi::constructor]
    pub fn hmac_sha256(key: Vec<u8>, header: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core_cak::CakCallbackVerifier::hmac_sha256(
                &key, &header,
            )?)))
        })
    }

    /// Ed25519 with a 32-byte public key.
    ///
    /// # Errors
    /// `invalid_key`.
    #[uniffi::constructor]
    pub fn ed25519(public_key: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core_cak::CakCallbackVerifier::ed25519(
                &public_key,
            )?)))
        })
    }

    /// ES256 with a SEC1 P-256 public key.
    ///
    /// # Errors
    /// `invalid_key`.
    #[uniffi::constructor]
    pub fn es256(public_key: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(core_cak::CakCallbackVerifier::es256(
                &public_key,
            )?)))
        })
    }

    /// The signature header name (HMAC only).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn header_name(&self) -> Result<Option<String>, FfiError> {
        ffi_guard!({ Ok(self.0.header_name().map(str::to_owned)) })
    }

    /// Checks `signature` (the header text) over the raw `body`.
    ///
    /// # Errors
    /// `signature_invalid`, `malformed_input`, `input_too_large`.
    pub fn verify(&self, body: Vec<u8>, signature: String) -> Result<(), FfiError> {
        ffi_guard!({ Ok(self.0.verify(&body, &signature)?) })
    }

    /// Checks the signature, then parses the callback.
    ///
    /// # Errors
    /// As [`CakCallbackVerifier::verify`] and [`cak_parse_callback`].
    pub fn verify_callback(
        &self,
        body: Vec<u8>,
        signature: String,
    ) -> Result<CakCallback, FfiError> {
        ffi_guard!({ Ok(self.0.verify_callback(&body, &signature)?.into()) })
    }
}
