//! Hypersign: DIDs (`did:key`, `did:hid`), DID documents and DID-JWTs
//! (mirrors `kycrypt::hypersign`).

use std::sync::Arc;

use kycrypt::hypersign::did::{self as core, VerificationPurpose};
use kycrypt::hypersign::did_jwt as core_jwt;

use crate::common::{invalid_argument, json_text, lifetime};
use crate::eddsa::Ed25519SigningKey;
use crate::{FfiError, ffi_guard};

/// A parsed DID.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
#[uniffi::export]
pub fn parse_did(did: String) -> Result<Did, FfiError> {
    ffi_guard!({
        let d = core::parse_did(&did)?;
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VerificationMethod {
    /// The method id (`did:...#key-1`).
    pub id: String,
    /// The method type, e.g. `Ed25519VerificationKey2020`.
    pub method_type: String,
    /// The controller, if given.
    pub controller: Option<String>,
    /// The Ed25519 public key (32 bytes), when the method is one.
    pub ed25519_public_key: Option<Vec<u8>>,
}

/// A DID document, parsed once.
#[derive(Debug, uniffi::Object)]
pub struct DidDocument(core::DidDocument);

#[uniffi::export]
impl DidDocument {
    /// Parses a DID document (JSON text, e.g. from a resolver).
    ///
    /// # Errors
    /// `malformed_input`, `input_too_large`.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::DidDocument::from_json(&json)?))) })
    }

    /// The methods usable by `iss` (with `kid`, when the token names one) for
    /// `purpose` (`authentication` or `assertionMethod`).
    ///
    /// # Errors
    /// `issuer_mismatch`, `did_deactivated`, `key_not_found`,
    /// `unsupported_algorithm`, `malformed_input` (unknown purpose).
    pub fn methods_for(
        &self,
        iss: String,
        kid: Option<String>,
        purpose: String,
    ) -> Result<Vec<VerificationMethod>, FfiError> {
        ffi_guard!({
            let p = purpose.parse::<VerificationPurpose>()?;
            Ok(self
                .0
                .methods_for(&iss, kid.as_deref(), p)?
                .into_iter()
                .map(|m| VerificationMethod {
                    id: m.id.clone(),
                    method_type: m.method_type.clone(),
                    controller: m.controller.clone(),
                    ed25519_public_key: m.ed25519_public_key.map(|k| k.to_vec()),
                })
                .collect())
        })
    }
}

/// The DID document of a `did:key` (Ed25519), derived locally.
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `invalid_key`.
#[uniffi::export]
pub fn resolve_did_key(did: String) -> Result<Arc<DidDocument>, FfiError> {
    ffi_guard!({ Ok(Arc::new(DidDocument(core::resolve_did_key(&did)?))) })
}

/// Decodes a multibase (`z…`) Ed25519 public key (multicodec `0xed01`).
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `invalid_key`.
#[uniffi::export]
pub fn decode_ed25519_multibase(multibase: String) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({ Ok(core::decode_ed25519_multibase(&multibase)?.to_vec()) })
}

/// Encodes a 32-byte Ed25519 public key as multibase (`z6Mk…`).
///
/// # Errors
/// `invalid_argument` for another length.
#[uniffi::export]
pub fn encode_ed25519_multibase(public_key: Vec<u8>) -> Result<String, FfiError> {
    ffi_guard!({
        let key = <[u8; 32]>::try_from(public_key.as_slice())
            .map_err(|_| invalid_argument("an Ed25519 public key is 32 bytes"))?;
        Ok(core::encode_ed25519_multibase(&key))
    })
}

/// What a DID-JWT must satisfy.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DidJwtValidation {
    /// The required `aud` (your DID or URL).
    pub audience: String,
    /// `authentication` (default) or `assertionMethod`.
    #[uniffi(default = "authentication")]
    pub purpose: String,
    /// Clock leeway in seconds (default 60, at most 300).
    #[uniffi(default = 60)]
    pub leeway: u64,
    /// Longest accepted lifetime in seconds (default `None`: one day,
    /// Hypersign's cap).
    #[uniffi(default = None)]
    pub max_lifetime_secs: Option<u64>,
    /// Accept any lifetime (default false): an explicit, weaker choice that
    /// excludes `max_lifetime_secs`.
    #[uniffi(default = false)]
    pub allow_unbounded_lifetime: bool,
    /// Accept `alg: Ed25519` as EdDSA (default true).
    #[uniffi(default = true)]
    pub accept_ed25519_alias: bool,
    /// Derive a `did:hid` key from its method-specific id when no document is given (default false; unsafe).
    #[uniffi(default = false)]
    pub allow_hid_msi_key: bool,
}

/// A verified DID-JWT. Printing hides the claims.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
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
/// `not_yet_valid`, `audience_mismatch`, `invalid_argument`.
#[uniffi::export]
pub fn verify_did_jwt(
    token: String,
    validation: DidJwtValidation,
    document: Option<Arc<DidDocument>>,
    now: u64,
) -> Result<VerifiedDidJwt, FfiError> {
    ffi_guard!({
        let v = core_jwt::DidJwtValidation::new(validation.audience)
            .with_purpose(validation.purpose.parse::<VerificationPurpose>()?)
            .with_leeway_secs(validation.leeway)
            .with_max_lifetime_secs(lifetime(
                validation.max_lifetime_secs,
                validation.allow_unbounded_lifetime,
                Some(core_jwt::MAX_TTL_SECS),
            )?)
            .with_accept_ed25519_alias(validation.accept_ed25519_alias)
            .with_allow_hid_msi_key(validation.allow_hid_msi_key);
        let got = core_jwt::verify_did_jwt(&token, document.as_ref().map(|d| &d.0), now, &v)?;
        Ok(VerifiedDidJwt {
            issuer: got.issuer,
            signer: got.signer,
            header_json: json_text(&got.header.members),
            claims_json: json_text(&got.claims),
        })
    })
}

/// What to sign as a DID-JWT. Printing hides the claims.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct DidJwtSignRequest {
    /// The issuer DID (`iss`).
    pub issuer: String,
    /// The audience (`aud`).
    pub audience: String,
    /// Extra claims (JSON object text).
    pub claims_json: String,
    /// Issued-at (unix seconds).
    pub iat: u64,
    /// Lifetime in seconds (60..=86400).
    pub ttl: u64,
    /// The `kid` header (default: the issuer's first key).
    #[uniffi(default = None)]
    pub kid: Option<String>,
}

/// Signs a DID-JWT (EdDSA) with `key`.
///
/// # Errors
/// `invalid_argument` (ttl, reserved claims), `malformed_input` (claims not
/// an object), `input_too_large`.
#[uniffi::export]
pub fn sign_did_jwt(
    key: Arc<Ed25519SigningKey>,
    request: DidJwtSignRequest,
) -> Result<String, FfiError> {
    ffi_guard!({
        if request.claims_json.len() > kycrypt::primitives::jwt::MAX_TOKEN_LEN {
            return Err(kycrypt::Error::InputTooLarge {
                what: "claims",
                limit: kycrypt::primitives::jwt::MAX_TOKEN_LEN,
            }
            .into());
        }
        let mut claims = core_jwt::DidJwtClaims::new(&request.issuer, &request.audience);
        claims.extra = match serde_json::from_str::<serde_json::Value>(&request.claims_json) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => {
                return Err(
                    kycrypt::Error::MalformedInput("claims must be a JSON object".into()).into(),
                );
            }
        };
        let mut opts = core_jwt::DidJwtSignOptions::default().with_ttl_secs(request.ttl);
        if let Some(kid) = request.kid {
            opts = opts.with_kid(kid);
        }
        Ok(core_jwt::sign_did_jwt(&claims, &key.0, request.iat, &opts)?)
    })
}
