//! Moca AIR: partner JWTs (`x-partner-auth`) and CAK callbacks (mirrors
//! `bindings/ffi/src/moca.rs`).

use kycrypt::moca::cak as core_cak;
use kycrypt::moca::partner_jwt as core;
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

use crate::KyError;
use crate::common::{invalid_argument, json_text, secs};
use crate::guard::{from_core, napi_guard};
use crate::keys::{PrivateKey, PublicKey};

/// The claims of a partner JWT.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerClaims {
    /// `partnerId`.
    pub partner_id: String,
    /// `scope`, e.g. `issue`, `verify`, `issue on-behalf`.
    pub scope: String,
    /// `email`, for on-behalf issuance.
    pub email: Option<String>,
    /// Other claims, as a JSON object text (default `{}`); reserved names are refused.
    pub extra_json: Option<String>,
}

impl PartnerClaims {
    /// The core claims.
    fn to_core(&self) -> Result<core::PartnerClaims, KyError> {
        let text = self.extra_json.as_deref().unwrap_or("{}");
        let extra = match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => return Err(invalid_argument("extraJson must be a JSON object")),
        };
        let mut c = core::PartnerClaims::new(&self.partner_id, &self.scope, self.email.clone());
        c.extra = extra;
        Ok(c)
    }
}

impl From<core::PartnerClaims> for PartnerClaims {
    fn from(c: core::PartnerClaims) -> Self {
        Self {
            extra_json: Some(json_text(&c.extra)),
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
/// `algorithm_not_allowed` (another key type), `unsupported_algorithm`;
/// `malformed_input` for a negative `iat` or `ttl`.
#[napi]
pub fn sign_partner_jwt(
    key: &PrivateKey,
    kid: String,
    claims: PartnerClaims,
    iat: i64,
    ttl: i64,
) -> Result<String, KyError> {
    napi_guard!({
        let (iat, ttl) = (secs("iat", iat)?, secs("ttl", ttl)?);
        let opts = core::PartnerJwtSignOptions::default()
            .with_kid(kid)
            .with_ttl_secs(ttl);
        core::sign_partner_jwt(&claims.to_core()?, &key.0, iat, &opts).map_err(from_core)
    })
}

/// Verifies a partner JWT with `key` at `now` (leeway in seconds).
///
/// # Errors
/// The errors of `verifyJwt`; `malformed_token` without `partnerId`.
#[napi]
pub fn verify_partner_jwt(
    token: String,
    key: &PublicKey,
    now: i64,
    leeway: i64,
) -> Result<PartnerClaims, KyError> {
    napi_guard!({
        let (now, leeway) = (secs("now", now)?, secs("leeway", leeway)?);
        let v = core::PartnerJwtValidation::default().with_leeway_secs(leeway);
        core::verify_partner_jwt(&token, &key.0, now, &v)
            .map(PartnerClaims::from)
            .map_err(from_core)
    })
}

/// Verifies a partner JWT with the key named by its `kid` in `jwks` (JSON text).
///
/// # Errors
/// `missing_header` (no `kid`), `key_not_found`, then as [`verify_partner_jwt`].
#[napi]
pub fn verify_partner_jwt_jwks(
    token: String,
    jwks: String,
    now: i64,
    leeway: i64,
) -> Result<PartnerClaims, KyError> {
    napi_guard!({
        let (now, leeway) = (secs("now", now)?, secs("leeway", leeway)?);
        let v = core::PartnerJwtValidation::default().with_leeway_secs(leeway);
        kycrypt::primitives::keys::Jwks::from_json(&jwks)
            .and_then(|set| core::verify_partner_jwt_jwks(&token, &set, now, &v))
            .map(PartnerClaims::from)
            .map_err(from_core)
    })
}

/// A parsed CAK callback.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[napi]
pub fn cak_parse_callback(body: Uint8Array) -> Result<CakCallback, KyError> {
    napi_guard!({
        core_cak::parse_callback(&body)
            .map(CakCallback::from)
            .map_err(from_core)
    })
}

/// The deduplication key of a callback's three identifiers.
///
/// # Errors
/// Only `internal`, never in practice.
#[napi]
pub fn cak_dedup_key(
    user_id: String,
    verifier_did: String,
    schema_id: String,
) -> Result<String, KyError> {
    napi_guard!({ Ok(core_cak::dedup_key(&user_id, &verifier_did, &schema_id)) })
}

/// How CAK callbacks are signed for you: HMAC-SHA256 with a shared key,
/// Ed25519 or ES256 with the sender's public key. Parsed once.
#[napi]
pub struct CakCallbackVerifier(core_cak::CakCallbackVerifier);

#[napi]
impl CakCallbackVerifier {
    /// HMAC-SHA256 with a shared `key`, signature sent in the `header` header.
    ///
    /// # Errors
    /// `invalid_key` (empty key), `invalid_argument` (bad header name).
    #[napi(factory)]
    pub fn hmac_sha256(key: Uint8Array, header: String) -> Result<Self, KyError> {
        napi_guard!({
            core_cak::CakCallbackVerifier::hmac_sha256(&key, &header)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// Ed25519 with a 32-byte public key.
    ///
    /// # Errors
    /// `invalid_key`.
    #[napi(factory)]
    pub fn ed25519(public_key: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            core_cak::CakCallbackVerifier::ed25519(&public_key)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// ES256 with a SEC1 P-256 public key.
    ///
    /// # Errors
    /// `invalid_key`.
    #[napi(factory)]
    pub fn es256(public_key: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            core_cak::CakCallbackVerifier::es256(&public_key)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The signature header name (HMAC only).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn header_name(&self) -> Result<Option<String>, KyError> {
        napi_guard!({ Ok(self.0.header_name().map(str::to_owned)) })
    }

    /// Checks `signature` (the header text) over the raw `body`.
    ///
    /// # Errors
    /// `signature_invalid`, `malformed_input`, `input_too_large`.
    #[napi]
    pub fn verify(&self, body: Uint8Array, signature: String) -> Result<(), KyError> {
        napi_guard!({ self.0.verify(&body, &signature).map_err(from_core) })
    }

    /// Checks the signature, then parses the callback.
    ///
    /// # Errors
    /// As [`CakCallbackVerifier::verify`] and [`cak_parse_callback`].
    #[napi]
    pub fn verify_callback(
        &self,
        body: Uint8Array,
        signature: String,
    ) -> Result<CakCallback, KyError> {
        napi_guard!({
            self.0
                .verify_callback(&body, &signature)
                .map(CakCallback::from)
                .map_err(from_core)
        })
    }
}
