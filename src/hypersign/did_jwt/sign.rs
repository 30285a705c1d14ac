//! Signing DID-JWTs in the exact form Hypersign's `issueDidJwt` produces.

use serde_json::{Map, Value};

use crate::encoding::b64url_encode;
use crate::error::{Error, Result};
use crate::hypersign::did::{DidMethod, decode_ed25519_multibase, parse_did};
use crate::primitives::eddsa::ed25519::Ed25519SigningKey;
use crate::primitives::jwt::MAX_TOKEN_LEN;

/// Shortest accepted token lifetime in seconds (Hypersign's minimum).
pub const MIN_TTL_SECS: u64 = 60;
/// Default token lifetime in seconds (one hour, as Hypersign's examples use).
pub const DEFAULT_TTL_SECS: u64 = 3_600;
/// Longest accepted token lifetime in seconds (one day, Hypersign's maximum).
pub const MAX_TTL_SECS: u64 = 86_400;

/// Claims the signer sets itself; the caller's values are dropped (as `issueDidJwt` does).
const RESERVED: [&str; 7] = ["iss", "sub", "aud", "iat", "exp", "nbf", "jti"];

/// The claims of a DID-JWT (besides `iat`/`exp`, which the signer sets from
/// `now`). `Debug` hides the extra members (personal data); the fields keep
/// their values.
#[derive(Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct DidJwtClaims {
    /// `iss`: the issuer DID (`did:key` or `did:hid`). For `did:key` it must
    /// be the signing key's DID.
    pub issuer: String,
    /// `aud`: the audience, e.g. `api.cavach.hypersign.id`. Not empty.
    pub audience: String,
    /// The caller's other members, in order. Reserved names
    /// (`iss`, `sub`, `aud`, `iat`, `exp`, `nbf`, `jti`) are dropped, as
    /// Hypersign's `issueDidJwt` drops them.
    pub extra: Map<String, Value>,
}

impl core::fmt::Debug for DidJwtClaims {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DidJwtClaims")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("extra", &crate::error::Redacted)
            .finish()
    }
}

impl DidJwtClaims {
    /// Claims without extra members (add them to [`extra`](Self::extra)).
    #[must_use]
    pub fn new(issuer: &str, audience: &str) -> Self {
        Self {
            issuer: issuer.into(),
            audience: audience.into(),
            extra: Map::new(),
        }
    }
}

/// How [`sign_did_jwt`] signs: the token lifetime and an optional header `kid`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DidJwtSignOptions {
    /// Token lifetime in seconds, `exp = now + ttl_secs`:
    /// [`MIN_TTL_SECS`]..=[`MAX_TTL_SECS`] (default [`DEFAULT_TTL_SECS`]).
    pub ttl_secs: u64,
    /// Header `kid`, a DID URL of the issuer (default `None`: Hypersign sends none).
    pub kid: Option<String>,
}

impl Default for DidJwtSignOptions {
    fn default() -> Self {
        Self {
            ttl_secs: DEFAULT_TTL_SECS,
            kid: None,
        }
    }
}

impl DidJwtSignOptions {
    /// Sets [`kid`](Self::kid) to `Some(kid)`.
    #[must_use]
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// Checks the ranges.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a `ttl_secs` outside
    /// [`MIN_TTL_SECS`]..=[`MAX_TTL_SECS`] or an empty `kid`.
    pub fn validate(&self) -> Result<()> {
        if !(MIN_TTL_SECS..=MAX_TTL_SECS).contains(&self.ttl_secs) {
            return Err(Error::InvalidArgument(
                "ttl_secs must be 60..=86400 seconds".into(),
            ));
        }
        if self.kid.as_deref() == Some("") {
            return Err(Error::InvalidArgument("kid may not be empty".into()));
        }
        Ok(())
    }
}

setters!(DidJwtSignOptions {
    with_ttl_secs(ttl_secs: u64);
});

/// Signs a DID-JWT with `key`, issued at `now` (unix seconds), the way
/// Hypersign issues them: header `{"typ":"JWT","alg":"EdDSA"}` (plus `kid`
/// when `opts.kid` is set), payload `{"iat", "exp", <claims.extra minus
/// iss/sub/aud/iat/exp/nbf/jti, in order>, "aud", "iss"}` as compact JSON,
/// Ed25519 over ASCII `header.payload`. Ed25519 is deterministic, so equal
/// inputs give byte-identical tokens.
///
/// ```
/// use kycrypt::hypersign::did_jwt::{sign_did_jwt, DidJwtClaims, DidJwtSignOptions};
/// use kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey;
/// let key = Ed25519SigningKey::from_seed(&[0; 32])?;
/// let mut claims = DidJwtClaims::new(
///     "did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
///     "api.cavach.hypersign.id",
/// );
/// claims.extra.insert("email".into(), "a@b.c".into());
/// let token = sign_did_jwt(&claims, &key, 1_770_291_535, &DidJwtSignOptions::default())?;
/// assert!(token.starts_with("eyJ0eXAiOiJKV1QiLCJhbGciOiJFZERTQSJ9."));
/// # Ok::<(), kycrypt::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] for invalid `opts`, an empty audience or
/// `now + ttl_secs` overflowing; [`Error::InputTooLarge`] for a token above
/// [`MAX_TOKEN_LEN`]; [`Error::MalformedInput`] when the issuer is not a
/// `did:key`/`did:hid` DID; [`Error::KeyMismatch`] for a `did:key` of
/// another key.
pub fn sign_did_jwt(
    claims: &DidJwtClaims,
    key: &Ed25519SigningKey,
    now: u64,
    opts: &DidJwtSignOptions,
) -> Result<String> {
    opts.validate()?;
    if claims.audience.is_empty() {
        return Err(Error::InvalidArgument("an audience is required".into()));
    }
    let exp = now
        .checked_add(opts.ttl_secs)
        .ok_or(Error::InvalidArgument("now + ttl_secs overflows".into()))?;
    check_issuer(key, &claims.issuer)?;

    let mut payload = Map::new();
    payload.insert("iat".into(), now.into());
    payload.insert("exp".into(), exp.into());
    for (k, v) in &claims.extra {
        if !RESERVED.contains(&k.as_str()) {
            payload.insert(k.clone(), v.clone());
        }
    }
    payload.insert("aud".into(), claims.audience.clone().into());
    payload.insert("iss".into(), claims.issuer.clone().into());

    let mut header = Map::new();
    header.insert("typ".into(), "JWT".into());
    header.insert("alg".into(), "EdDSA".into());
    if let Some(kid) = &opts.kid {
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
    crate::error::check_len("token", token.as_bytes(), MAX_TOKEN_LEN)?;
    let signature = key.sign(token.as_bytes());
    token.push('.');
    token.push_str(&b64url_encode(&signature));
    crate::error::check_len("token", token.as_bytes(), MAX_TOKEN_LEN)?;
    Ok(token)
}
