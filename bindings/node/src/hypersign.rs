//! Hypersign: DIDs (`did:key`, `did:hid`), DID documents and DID-JWTs
//! (mirrors `bindings/ffi/src/hypersign.rs`).

use kycrypt::hypersign::did::{self as core, VerificationPurpose};
use kycrypt::hypersign::did_jwt as core_jwt;
use napi::bindgen_prelude::{Buffer, Uint8Array};
use napi_derive::napi;

use crate::KyError;
use crate::common::{invalid_argument, json_text, lifetime, opt_secs, secs};
use crate::eddsa::Ed25519SigningKey;
use crate::guard::{from_core, napi_guard};

/// A parsed DID.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Did {
    /// `key` or `hid`.
    pub method: String,
    /// The `did:hid` namespace (e.g. `testnet`), if any.
    pub namespace: Option<String>,
    /// The method-specific id.
    pub method_specific_id: String,
}

/// Parses a `did:key` or `did:hid` DID.
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `input_too_large`.
#[napi]
pub fn parse_did(did: String) -> Result<Did, KyError> {
    napi_guard!({
        let d = core::parse_did(&did).map_err(from_core)?;
        let method = match d.method {
            core::DidMethod::Key => "key",
            core::DidMethod::Hid => "hid",
            #[allow(unreachable_patterns)]
            _ => "other",
        };
        Ok(Did {
            method: method.to_owned(),
            namespace: d.namespace,
            method_specific_id: d.method_specific_id,
        })
    })
}

/// A verification method of a DID document.
#[napi(object)]
pub struct VerificationMethod {
    /// The method id (`did:...#key-1`).
    pub id: String,
    /// The method type, e.g. `Ed25519VerificationKey2020`.
    pub method_type: String,
    /// The controller, if given.
    pub controller: Option<String>,
    /// The Ed25519 public key (32 bytes), when the method is one.
    pub ed25519_public_key: Option<Buffer>,
}

/// A DID document, parsed once.
#[napi]
pub struct DidDocument(core::DidDocument);

#[napi]
impl DidDocument {
    /// Parses a DID document (JSON text, e.g. from a resolver).
    ///
    /// # Errors
    /// `malformed_input`, `input_too_large`.
    #[napi(factory)]
    pub fn from_json(json: String) -> Result<Self, KyError> {
        napi_guard!({
            core::DidDocument::from_json(&json)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The methods usable by `iss` (with `kid`, when the token names one) for
    /// `purpose` (`authentication` or `assertionMethod`).
    ///
    /// # Errors
    /// `issuer_mismatch`, `did_deactivated`, `key_not_found`,
    /// `unsupported_algorithm`, `malformed_input` (unknown purpose).
    #[napi]
    pub fn methods_for(
        &self,
        iss: String,
        kid: Option<String>,
        purpose: String,
    ) -> Result<Vec<VerificationMethod>, KyError> {
        napi_guard!({
            let p = purpose.parse::<VerificationPurpose>().map_err(from_core)?;
            let methods = self
                .0
                .methods_for(&iss, kid.as_deref(), p)
                .map_err(from_core)?;
            Ok(methods
                .into_iter()
                .map(|m| VerificationMethod {
                    id: m.id.clone(),
                    method_type: m.method_type.clone(),
                    controller: m.controller.clone(),
                    ed25519_public_key: m.ed25519_public_key.map(|k| k.to_vec().into()),
                })
                .collect())
        })
    }
}

/// The DID document of a `did:key` (Ed25519), derived locally.
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `invalid_key`.
#[napi]
pub fn resolve_did_key(did: String) -> Result<DidDocument, KyError> {
    napi_guard!({
        core::resolve_did_key(&did)
            .map(DidDocument)
            .map_err(from_core)
    })
}

/// Decodes a multibase (`z…`) Ed25519 public key (multicodec `0xed01`).
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `invalid_key`.
#[napi]
pub fn decode_ed25519_multibase(multibase: String) -> Result<Buffer, KyError> {
    napi_guard!({
        core::decode_ed25519_multibase(&multibase)
            .map(|k| k.to_vec().into())
            .map_err(from_core)
    })
}

/// Encodes a 32-byte Ed25519 public key as multibase (`z6Mk…`).
///
/// # Errors
/// `invalid_argument` for another length.
#[napi]
pub fn encode_ed25519_multibase(public_key: Uint8Array) -> Result<String, KyError> {
    napi_guard!({
        let key = <[u8; 32]>::try_from(&*public_key)
            .map_err(|_| invalid_argument("an Ed25519 public key is 32 bytes"))?;
        Ok(core::encode_ed25519_multibase(&key))
    })
}

/// What a DID-JWT must satisfy. Only `audience` is required.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DidJwtValidation {
    /// The required `aud` (your DID or URL).
    pub audience: String,
    /// `authentication` (default) or `assertionMethod`.
    pub purpose: Option<String>,
    /// Clock leeway in seconds (default 60, at most 300).
    pub leeway: Option<i64>,
    /// Longest accepted lifetime in seconds (default: one day, Hypersign's cap).
    pub max_lifetime_secs: Option<i64>,
    /// Accept any lifetime (default false): an explicit, weaker choice that
    /// excludes `maxLifetimeSecs`.
    pub allow_unbounded_lifetime: Option<bool>,
    /// Accept `alg: Ed25519` as EdDSA (default true).
    pub accept_ed25519_alias: Option<bool>,
    /// Derive a `did:hid` key from its method-specific id when no document is given (default false; unsafe).
    pub allow_hid_msi_key: Option<bool>,
}

impl DidJwtValidation {
    /// The core validation: the core's defaults, overridden by the members given.
    fn to_core(&self) -> Result<core_jwt::DidJwtValidation, KyError> {
        let mut v = core_jwt::DidJwtValidation::new(self.audience.clone());
        if let Some(p) = &self.purpose {
            v = v.with_purpose(p.parse::<VerificationPurpose>().map_err(from_core)?);
        }
        if let Some(l) = self.leeway {
            v = v.with_leeway_secs(secs("leeway", l)?);
        }
        if let Some(a) = self.accept_ed25519_alias {
            v = v.with_accept_ed25519_alias(a);
        }
        if let Some(h) = self.allow_hid_msi_key {
            v = v.with_allow_hid_msi_key(h);
        }
        let max = lifetime(
            opt_secs("maxLifetimeSecs", self.max_lifetime_secs)?,
            self.allow_unbounded_lifetime.unwrap_or(false),
            v.max_lifetime_secs,
        )?;
        Ok(v.with_max_lifetime_secs(max))
    }
}

/// A verified DID-JWT.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedDidJwt {
    /// The issuer DID.
    pub issuer: String,
    /// The verification method id that signed.
    pub signer: String,
    /// The protected header (JSON object text).
    pub header_json: String,
    /// The claims (JSON object text).
    pub claims_json: String,
}

/// Verifies a DID-JWT at `now`, with the issuer's `document` (required for
/// `did:hid`; derived for `did:key`).
///
/// # Errors
/// `malformed_token`, `algorithm_not_allowed`, `issuer_mismatch`,
/// `did_deactivated`, `key_not_found`, `signature_invalid`, `expired`,
/// `not_yet_valid`, `audience_mismatch`, `invalid_argument`;
/// `malformed_input` for a negative `now` or `leeway`.
#[napi]
pub fn verify_did_jwt(
    token: String,
    validation: DidJwtValidation,
    document: Option<&DidDocument>,
    now: i64,
) -> Result<VerifiedDidJwt, KyError> {
    napi_guard!({
        let v = validation.to_core()?;
        let got = core_jwt::verify_did_jwt(&token, document.map(|d| &d.0), secs("now", now)?, &v)
            .map_err(from_core)?;
        Ok(VerifiedDidJwt {
            issuer: got.issuer,
            signer: got.signer,
            header_json: json_text(&got.header.members),
            claims_json: json_text(&got.claims),
        })
    })
}

/// What to sign as a DID-JWT.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DidJwtSignRequest {
    /// The issuer DID (`iss`).
    pub issuer: String,
    /// The audience (`aud`).
    pub audience: String,
    /// Extra claims (JSON object text).
    pub claims_json: String,
    /// Issued-at (unix seconds).
    pub iat: i64,
    /// Lifetime in seconds (60..=86400).
    pub ttl: i64,
    /// The `kid` header (default: the issuer's first key).
    pub kid: Option<String>,
}

/// Signs a DID-JWT (EdDSA) with `key`.
///
/// # Errors
/// `invalid_argument` (ttl, reserved claims), `malformed_input` (claims not
/// an object, negative `iat` or `ttl`), `input_too_large`.
#[napi]
pub fn sign_did_jwt(
    key: &Ed25519SigningKey,
    request: DidJwtSignRequest,
) -> Result<String, KyError> {
    napi_guard!({
        let (iat, ttl) = (secs("iat", request.iat)?, secs("ttl", request.ttl)?);
        let limit = kycrypt::primitives::jwt::MAX_TOKEN_LEN;
        if request.claims_json.len() > limit {
            return Err(from_core(kycrypt::Error::InputTooLarge {
                what: "claims",
                limit,
            }));
        }
        let mut claims = core_jwt::DidJwtClaims::new(&request.issuer, &request.audience);
        claims.extra = match serde_json::from_str::<serde_json::Value>(&request.claims_json) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => {
                return Err(from_core(kycrypt::Error::MalformedInput(
                    "claims must be a JSON object".into(),
                )));
            }
        };
        let mut opts = core_jwt::DidJwtSignOptions::default().with_ttl_secs(ttl);
        if let Some(kid) = request.kid {
            opts = opts.with_kid(kid);
        }
        core_jwt::sign_did_jwt(&claims, &key.0, iat, &opts).map_err(from_core)
    })
}
