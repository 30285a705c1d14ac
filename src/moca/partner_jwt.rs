//! Moca AIR partner JWTs (sent as the `x-partner-auth` header).
//!
//! Header `{"alg", "kid", "typ": "JWT"}` with RS256 (RSA keys) or ES256
//! (P-256 keys); claims `partnerId`, `scope`, `email`, any extra members,
//! then `iat` and `exp = iat + ttl` (default 300 s, at most 900 s, as Moca's
//! own tooling enforces).
//!
//! Verification holds every token to the same rules, whoever signed it:
//! `partnerId`, `iat` and `exp` are required, `exp - iat` may not exceed
//! [`MAX_TTL`] (900 s), and `iat`/`nbf` may not lie in the future beyond the
//! leeway. So a stolen token is good for 15 minutes at most, never "until
//! 2^53". Time claims may carry fractions (RFC 7519 NumericDate; PyJWT's
//! `time.time()`): see [`Validation`].
//!
//! ES256 tokens that kycrypt signs always carry a low-S signature, but
//! verification accepts both S forms, as every JOSE library does: an ECDSA
//! signature is malleable, so never deduplicate or index on the token string
//! (use `partnerId` + `iat`, or a `jti` you add to the claims).
//!
//! ```
//! use kycrypt::moca::partner_jwt::{sign_partner_jwt, verify_partner_jwt, PartnerClaims, SCOPE_ISSUE};
//! use kycrypt::primitives::keys::{KeyType, PrivateKey};
//! let key = PrivateKey::from_pem(&PrivateKey::generate(KeyType::P256).unwrap()).unwrap();
//! let claims = PartnerClaims::new("partner-1", SCOPE_ISSUE, Some("user@example.com".into()));
//! let token = sign_partner_jwt(&key, "kid-1", &claims, 1_700_000_000, 300).unwrap();
//! let got = verify_partner_jwt(&token, &key.public_key(), 1_700_000_100, 60).unwrap();
//! assert_eq!(got, claims);
//! ```

mod status;

use serde_json::{Map, Value};

pub use status::{VcStatus, VerifyResult};

use crate::error::{Error, Result};
use crate::primitives::jwt::{self, Algorithm, Validation};
use crate::primitives::keys::{PrivateKey, PublicKey, select_from_jwks};

/// The HTTP header that carries the partner JWT.
pub const HEADER_NAME: &str = "x-partner-auth";
/// Scope for issuing credentials.
pub const SCOPE_ISSUE: &str = "issue";
/// Scope for verifying credentials.
pub const SCOPE_VERIFY: &str = "verify";
/// Scope spelled by some Issue-on-Behalf pages.
pub const SCOPE_ISSUE_ON_BEHALF: &str = "issue on-behalf";
/// Recommended token lifetime, in seconds.
pub const DEFAULT_TTL: u64 = 300;
/// Longest token lifetime accepted, in seconds (15 minutes).
pub const MAX_TTL: u64 = 900;

/// The claims of a partner JWT (besides `iat`/`exp`). `Debug` hides `email`
/// and the extra members (personal data); the fields keep their values.
#[derive(Clone, PartialEq, Default)]
pub struct PartnerClaims {
    /// `partnerId` (required).
    pub partner_id: String,
    /// `scope` (any string; see the `SCOPE_*` constants).
    pub scope: String,
    /// `email` (required by Issue on Behalf and status calls).
    pub email: Option<String>,
    /// Other members, in order (registered time claims are excluded).
    pub extra: Map<String, Value>,
}

impl core::fmt::Debug for PartnerClaims {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PartnerClaims")
            .field("partner_id", &self.partner_id)
            .field("scope", &self.scope)
            .field(
                "email",
                &self.email.as_ref().map(|_| crate::error::Redacted),
            )
            .field("extra", &crate::error::Redacted)
            .finish()
    }
}

impl PartnerClaims {
    /// Claims without extra members.
    #[must_use]
    pub fn new(partner_id: &str, scope: &str, email: Option<String>) -> Self {
        Self {
            partner_id: partner_id.into(),
            scope: scope.into(),
            email,
            extra: Map::new(),
        }
    }

    fn to_map(&self, iat: u64, exp: u64) -> Result<Map<String, Value>> {
        let mut m = Map::new();
        m.insert("partnerId".into(), self.partner_id.clone().into());
        m.insert("scope".into(), self.scope.clone().into());
        if let Some(e) = &self.email {
            m.insert("email".into(), e.clone().into());
        }
        for (k, v) in &self.extra {
            if matches!(
                k.as_str(),
                "partnerId" | "scope" | "email" | "iat" | "exp" | "nbf"
            ) {
                return Err(Error::InvalidArgument(
                    "extra claims may not repeat a reserved claim".into(),
                ));
            }
            m.insert(k.clone(), v.clone());
        }
        m.insert("iat".into(), iat.into());
        m.insert("exp".into(), exp.into());
        Ok(m)
    }

    fn from_map(mut m: Map<String, Value>) -> Result<Self> {
        let text = |v: Option<Value>, name: &'static str| match v {
            Some(Value::String(s)) => Ok(Some(s)),
            None => Ok(None),
            Some(_) => Err(Error::MalformedToken(
                format!("{name} must be a string").into(),
            )),
        };
        let partner_id = text(m.remove("partnerId"), "partnerId")?
            .ok_or_else(|| Error::MalformedToken("the partnerId claim is required".into()))?;
        let scope = text(m.remove("scope"), "scope")?.unwrap_or_default();
        let email = text(m.remove("email"), "email")?;
        for k in ["iat", "exp", "nbf"] {
            m.remove(k);
        }
        Ok(Self {
            partner_id,
            scope,
            email,
            extra: m,
        })
    }
}

/// Signs a partner JWT valid from `iat` for `ttl` seconds.
///
/// # Errors
/// [`Error::InvalidArgument`] (`ttl` 0 or above [`MAX_TTL`], reserved names in
/// `extra`), [`Error::AlgorithmNotAllowed`] (a key other than RSA or P-256),
/// [`Error::UnsupportedAlgorithm`] (RSA without the `ring` feature).
pub fn sign_partner_jwt(
    key: &PrivateKey,
    kid: &str,
    claims: &PartnerClaims,
    iat: u64,
    ttl: u64,
) -> Result<String> {
    if ttl == 0 || ttl > MAX_TTL {
        return Err(Error::InvalidArgument("ttl must be 1..=900 seconds".into()));
    }
    if !matches!(key.algorithm(), Algorithm::Rs256 | Algorithm::Es256) {
        return Err(Error::AlgorithmNotAllowed(
            "partner JWTs are RS256 or ES256".into(),
        ));
    }
    let exp = iat
        .checked_add(ttl)
        .ok_or_else(|| Error::InvalidArgument("iat + ttl overflows".into()))?;
    let mut header = Map::new();
    header.insert("kid".into(), kid.into());
    header.insert("typ".into(), "JWT".into());
    jwt::sign_jwt(key, &header, &claims.to_map(iat, exp)?)
}

fn validation(leeway: u64) -> Validation {
    Validation {
        leeway,
        require_iat: true,
        max_lifetime_secs: Some(MAX_TTL),
        ..Validation::new(vec![Algorithm::Rs256, Algorithm::Es256])
    }
}

/// Verifies a partner JWT with a known public key at `now` (unix seconds),
/// allowing `leeway` seconds of skew (at most 300). `exp`, `iat` and
/// `partnerId` are required, `exp - iat` is at most [`MAX_TTL`] (900 s);
/// a token carrying `aud` is rejected.
///
/// # Errors
/// As [`jwt::verify_jwt`], plus [`Error::MalformedToken`] for a missing
/// `partnerId`, `iat` or `exp`, a lifetime above 900 s, or non-string
/// `scope`/`email`; [`Error::NotYetValid`] for an `iat` or `nbf` in the
/// future beyond the leeway.
pub fn verify_partner_jwt(
    token: &str,
    key: &PublicKey,
    now: u64,
    leeway: u64,
) -> Result<PartnerClaims> {
    let v = jwt::verify_jwt(token, key, &validation(leeway), now)?;
    PartnerClaims::from_map(v.claims)
}

/// Like [`verify_partner_jwt`], selecting the key from the partner's JWKS by
/// the header `kid` (which is then required).
///
/// # Errors
/// [`Error::MissingHeader`] (no `kid`), [`Error::KeyNotFound`], and as
/// [`verify_partner_jwt`].
pub fn verify_partner_jwt_jwks(
    token: &str,
    jwks: &str,
    now: u64,
    leeway: u64,
) -> Result<PartnerClaims> {
    let unverified = jwt::UnverifiedJws::parse(token)?;
    let kid = unverified
        .header()
        .kid
        .clone()
        .ok_or_else(|| Error::MissingHeader("kid".into()))?;
    let key = select_from_jwks(jwks, &kid)?;
    verify_partner_jwt(token, &key, now, leeway)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::keys::KeyType;

    #[test]
    fn roundtrip_extra_and_limits() {
        let key = PrivateKey::from_pem(&PrivateKey::generate(KeyType::P256).unwrap()).unwrap();
        let mut c = PartnerClaims::new("p", SCOPE_VERIFY, None);
        c.extra.insert("x".into(), 1.into());
        let t = sign_partner_jwt(&key, "k", &c, 100, DEFAULT_TTL).unwrap();
        assert_eq!(
            verify_partner_jwt(&t, &key.public_key(), 150, 0).unwrap(),
            c
        );
        assert_eq!(
            verify_partner_jwt(&t, &key.public_key(), 400, 0),
            Err(Error::Expired)
        );
        assert_eq!(
            sign_partner_jwt(&key, "k", &c, 0, 0).unwrap_err().code(),
            "invalid_argument"
        );
        assert_eq!(
            sign_partner_jwt(&key, "k", &c, 0, 901).unwrap_err().code(),
            "invalid_argument"
        );
        assert_eq!(
            verify_partner_jwt(&t, &key.public_key(), 150, 301)
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        c.extra.insert("exp".into(), 1.into());
        assert_eq!(
            sign_partner_jwt(&key, "k", &c, 0, 10).unwrap_err().code(),
            "invalid_argument"
        );
        let k1 = PrivateKey::from_pem(&PrivateKey::generate(KeyType::Secp256k1).unwrap()).unwrap();
        let c = PartnerClaims::new("p", SCOPE_ISSUE, None);
        assert_eq!(
            sign_partner_jwt(&k1, "k", &c, 0, 10).unwrap_err().code(),
            "algorithm_not_allowed"
        );
    }
}
