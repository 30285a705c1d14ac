//! Signing DID-JWTs in the exact form Hypersign's `issueDidJwt` produces.

use serde_json::{Map, Value};

use crate::encoding::b64url_encode;
use crate::error::{Error, Result};
use crate::hypersign::did::{DidMethod, decode_ed25519_multibase, parse_did};
use crate::primitives::eddsa::ed25519::Ed25519SigningKey;
use crate::primitives::jwt::MAX_TOKEN_LEN;

/// Shortest accepted token lifetime in seconds (Hypersign's minimum).
pub const MIN_TTL: u64 = 60;
/// Longest accepted token lifetime in seconds (one day, Hypersign's maximum).
pub const MAX_TTL: u64 = 86_400;
/// Largest caller claims JSON accepted by [`sign_did_jwt`], in bytes.
pub const MAX_CLAIMS_LEN: usize = 8 * 1024;

/// Claims the signer sets itself; the caller's values are dropped (as `issueDidJwt` does).
const RESERVED: [&str; 7] = ["iss", "sub", "aud", "iat", "exp", "nbf", "jti"];

/// What to sign. Time is an input (`iat`), never read from a clock. `Debug`
/// hides the claims (personal data).
#[derive(Clone, PartialEq, Eq)]
pub struct DidJwtSignRequest {
    /// The issuer DID (`iss`). For `did:key` it must be the signing key's DID.
    pub issuer: String,
    /// The audience (`aud`), e.g. `https://api.cavach.hypersign.id`.
    pub audience: String,
    /// The caller's claims, a JSON object (at most [`MAX_CLAIMS_LEN`] bytes).
    pub claims_json: String,
    /// Issued-at, unix seconds.
    pub iat: u64,
    /// Lifetime in seconds, [`MIN_TTL`]..=[`MAX_TTL`]; `exp = iat + ttl`.
    pub ttl: u64,
    /// Optional header `kid` (Hypersign sends none).
    pub kid: Option<String>,
}

impl core::fmt::Debug for DidJwtSignRequest {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DidJwtSignRequest")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("claims_json", &crate::error::Redacted)
            .field("iat", &self.iat)
            .field("ttl", &self.ttl)
            .field("kid", &self.kid)
            .finish()
    }
}

/// Signs a DID-JWT the way Hypersign issues them: header
/// `{"typ":"JWT","alg":"EdDSA"}` (plus `kid` if asked), payload
/// `{"iat", "exp", <caller claims minus iss/sub/aud/iat/exp/nbf/jti, in
/// order>, "aud", "iss"}` as compact JSON, Ed25519 over ASCII
/// `header.payload`. Ed25519 is deterministic, so equal inputs give
/// byte-identical tokens.
///
/// # Errors
/// [`Error::InvalidArgument`] for an empty audience or a TTL out of range
/// (or `iat + ttl` overflowing); [`Error::InputTooLarge`] for claims above
/// [`MAX_CLAIMS_LEN`] or a token above [`MAX_TOKEN_LEN`]; [`Error::MalformedInput`]
/// when the claims are not a JSON object or the issuer is not a
/// `did:key`/`did:hid` DID; [`Error::KeyMismatch`] for a `did:key` of
/// another key.
pub fn sign_did_jwt(key: &Ed25519SigningKey, request: &DidJwtSignRequest) -> Result<String> {
    if request.audience.is_empty() {
        return Err(Error::InvalidArgument("an audience is required".into()));
    }
    if !(MIN_TTL..=MAX_TTL).contains(&request.ttl) {
        return Err(Error::InvalidArgument(
            "ttl must be 60..=86400 seconds".into(),
        ));
    }
    let exp = request
        .iat
        .checked_add(request.ttl)
        .ok_or(Error::InvalidArgument("iat + ttl overflows".into()))?;
    check_issuer(key, &request.issuer)?;
    crate::error::check_len("claims", request.claims_json.as_bytes(), MAX_CLAIMS_LEN)?;
    let caller: Map<String, Value> = serde_json::from_str(&request.claims_json)
        .map_err(|_| Error::malformed("claims must be a JSON object"))?;

    let mut payload = Map::new();
    payload.insert("iat".into(), request.iat.into());
    payload.insert("exp".into(), exp.into());
    for (k, v) in caller {
        if !RESERVED.contains(&k.as_str()) {
            payload.insert(k, v);
        }
    }
    payload.insert("aud".into(), request.audience.clone().into());
    payload.insert("iss".into(), request.issuer.clone().into());

    let mut header = Map::new();
    header.insert("typ".into(), "JWT".into());
    header.insert("alg".into(), "EdDSA".into());
    if let Some(kid) = &request.kid {
        header.insert("kid".into(), kid.clone().into());
    }
    compact_eddsa(key, &header, &payload)
}

/// The issuer must be a did:key/did:hid DID; a did:key must be this key's.
fn check_issuer(key: &Ed25519SigningKey, issuer: &str) -> Result<()> {
    let did = parse_did(issuer)?;
    if did.method == DidMethod::Key {
        let did_key = decode_ed25519_multibase(&did.method_specific_id)?;
        if did_key != key.verifying_key().to_bytes() {
            return Err(Error::KeyMismatch);
        }
    }
    Ok(())
}

/// `b64url(header) . b64url(payload) . b64url(Ed25519 signature)`, keeping the
/// header's member order (the JWS layer's `sign_jws` puts `alg` first, which
/// would not reproduce Hypersign's `{"typ","alg"}` bytes).
fn compact_eddsa(
    key: &Ed25519SigningKey,
    header: &Map<String, Value>,
    payload: &Map<String, Value>,
) -> Result<String> {
    let to_json = |m: &Map<String, Value>| {
        serde_json::to_vec(m)
            .map_err(|_| Error::Internal("JSON encoding of a DID-JWT failed".into()))
    };
    let mut token = b64url_encode(&to_json(header)?);
    token.push('.');
    token.push_str(&b64url_encode(&to_json(payload)?));
    let signature = key.sign(token.as_bytes());
    token.push('.');
    token.push_str(&b64url_encode(&signature));
    crate::error::check_len("token", token.as_bytes(), MAX_TOKEN_LEN)?;
    Ok(token)
}
