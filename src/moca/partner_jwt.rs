//! Moca AIR partner JWTs (sent as the [`PARTNER_AUTH_HEADER`] header).
//!
//! Header `{"alg", "kid", "typ": "JWT"}` with RS256 (RSA keys) or ES256
//! (P-256 keys); claims `partnerId`, `scope`, `email`, any extra members,
//! then `iat = now` and `exp = now + ttl` (default [`DEFAULT_TTL_SECS`],
//! at most [`MAX_TTL_SECS`], as Moca's own tooling enforces).
//!
//! Signing and verifying take the same shape as the other token profiles:
//! `sign_partner_jwt(&claims, &key, now, &PartnerJwtSignOptions)` and
//! `verify_partner_jwt(token, &key, now, &PartnerJwtValidation)`.
//!
//! Verification holds every token to the same rules, whoever signed it:
//! `partnerId`, `iat` and `exp` are required, `exp - iat` may not exceed
//! [`MAX_TTL_SECS`] (900 s), and `iat`/`nbf` may not lie in the future beyond
//! the leeway. So a stolen token is good for 15 minutes at most, never "until
//! 2^53". Time claims may carry fractions (RFC 7519 NumericDate; PyJWT's
//! `time.time()`): see [`Validation`].
//!
//! ES256 tokens that kycrypt signs always carry a low-S signature, but
//! verification accepts both S forms, as every JOSE library does: an ECDSA
//! signature is malleable, so never deduplicate or index on the token string
//! (use `partnerId` + `iat`, or a `jti` you add to the claims).
//!
//! ```
//! use kycrypt::moca::partner_jwt::{
//!     sign_partner_jwt, verify_partner_jwt, PartnerClaims, PartnerJwtSignOptions,
//!     PartnerJwtValidation, SCOPE_ISSUE,
//! };
//! use kycrypt::primitives::keys::{KeyType, PrivateKey};
//! let key = PrivateKey::generate(KeyType::P256)?;
//! let claims = PartnerClaims::new("partner-1", SCOPE_ISSUE, Some("user@example.com".into()));
//! let opts = PartnerJwtSignOptions::default().with_kid("kid-1");
//! let token = sign_partner_jwt(&claims, &key, 1_700_000_000, &opts)?;
//! let got = verify_partner_jwt(&token, &key.public_key(), 1_700_000_100, &PartnerJwtValidation::default())?;
//! assert_eq!(got, claims);
//! # Ok::<(), kycrypt::Error>(())
//! ```

mod status;

use serde_json::{Map, Value};

pub use status::{VcStatus, VerifyResult};

use crate::error::{Error, Result};
use crate::primitives::jwt::{self, Algorithm, DEFAULT_LEEWAY_SECS, Validation};
use crate::primitives::keys::{Jwks, PrivateKey, PublicKey};

/// The HTTP header that carries the partner JWT.
pub const PARTNER_AUTH_HEADER: &str = "x-partner-auth";
/// Scope for issuing credentials.
pub const SCOPE_ISSUE: &str = "issue";
/// Scope for verifying credentials.
pub const SCOPE_VERIFY: &str = "verify";
/// Scope spelled by some Issue-on-Behalf pages.
pub const SCOPE_ISSUE_ON_BEHALF: &str = "issue on-behalf";
/// Recommended token lifetime, in seconds (5 minutes).
pub const DEFAULT_TTL_SECS: u64 = 300;
/// Longest token lifetime accepted, in seconds (15 minutes).
pub const MAX_TTL_SECS: u64 = 900;

/// The claims of a partner JWT (besides `iat`/`exp`). `Debug` hides `email`
/// and the extra members (personal data); the fields keep their values.
#[derive(Clone, PartialEq, Default)]
#[non_exhaustive]
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
    /// Claims without extra members (add them to [`extra`](Self::extra)).
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

/// How [`sign_partner_jwt`] signs: the token lifetime and the header `kid`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartnerJwtSignOptions {
    /// Token lifetime in seconds, `exp = now + ttl_secs`: 1..=[`MAX_TTL_SECS`]
    /// (default [`DEFAULT_TTL_SECS`]).
    pub ttl_secs: u64,
    /// The header `kid`: the name of the key in the JWKS the partner
    /// registered with Moca. `None` (the default) uses the public key's
    /// RFC 7638 thumbprint ([`PublicKey::thumbprint`]). Not empty.
    pub kid: Option<String>,
}

impl Default for PartnerJwtSignOptions {
    fn default() -> Self {
        Self {
            ttl_secs: DEFAULT_TTL_SECS,
            kid: None,
        }
    }
}

impl PartnerJwtSignOptions {
    /// Sets [`kid`](Self::kid) to `Some(kid)`.
    #[must_use]
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// Checks the ranges.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a `ttl_secs` of 0 or above
    /// [`MAX_TTL_SECS`], or an empty `kid`.
    pub fn validate(&self) -> Result<()> {
        if self.ttl_secs == 0 || self.ttl_secs > MAX_TTL_SECS {
            return Err(Error::InvalidArgument(
                "ttl_secs must be 1..=900 seconds".into(),
            ));
        }
        if self.kid.as_deref() == Some("") {
            return Err(Error::InvalidArgument("kid may not be empty".into()));
        }
        Ok(())
    }
}

setters!(PartnerJwtSignOptions {
    with_ttl_secs(ttl_secs: u64);
});

/// Signs a partner JWT with `key`, issued at `now` (unix seconds) and valid
/// for `opts.ttl_secs`.
///
/// # Errors
/// [`Error::InvalidArgument`] (invalid `opts`, reserved names in
/// `claims.extra`, `now + ttl_secs` overflowing),
/// [`Error::AlgorithmNotAllowed`] (a key other than RSA or P-256),
/// [`Error::UnsupportedAlgorithm`] (RSA without the `ring` feature).
pub fn sign_partner_jwt(
    claims: &PartnerClaims,
    key: &PrivateKey,
    now: u64,
    opts: &PartnerJwtSignOptions,
) -> Result<String> {
    opts.validate()?;
    if !matches!(key.algorithm(), Algorithm::Rs256 | Algorithm::Es256) {
        return Err(Error::AlgorithmNotAllowed(
            "partner JWTs are RS256 or ES256".into(),
        ));
    }
    let exp = now
        .checked_add(opts.ttl_secs)
        .ok_or_else(|| Error::InvalidArgument("now + ttl_secs overflows".into()))?;
    let kid = match &opts.kid {
        Some(kid) => kid.clone(),
        None => key.public_key().thumbprint(),
    };
    let mut header = Map::new();
    header.insert("kid".into(), kid.into());
    header.insert("typ".into(), "JWT".into());
    jwt::sign_jwt(&claims.to_map(now, exp)?, &header, key)
}

/// What [`verify_partner_jwt`] accepts besides the profile's fixed rules.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartnerJwtValidation {
    /// Allowed clock skew in seconds (default
    /// [`jwt::DEFAULT_LEEWAY_SECS`], at most [`jwt::MAX_LEEWAY_SECS`]).
    pub leeway_secs: u64,
}

impl Default for PartnerJwtValidation {
    fn default() -> Self {
        Self {
            leeway_secs: DEFAULT_LEEWAY_SECS,
        }
    }
}

impl PartnerJwtValidation {
    /// Checks the ranges.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a `leeway_secs` above
    /// [`jwt::MAX_LEEWAY_SECS`].
    pub fn validate(&self) -> Result<()> {
        self.jwt_validation().validate()
    }

    fn jwt_validation(&self) -> Validation {
        Validation {
            algorithms: vec![Algorithm::Rs256, Algorithm::Es256],
            leeway_secs: self.leeway_secs,
            require_iat: true,
            max_lifetime_secs: Some(MAX_TTL_SECS),
            ..Validation::default()
        }
    }
}

setters!(PartnerJwtValidation {
    with_leeway_secs(leeway_secs: u64);
});

/// Verifies a partner JWT with a known public key at `now` (unix seconds).
/// `exp`, `iat` and `partnerId` are required, `exp - iat` is at most
/// [`MAX_TTL_SECS`] (900 s); a token carrying `aud` is rejected.
///
/// # Errors
/// [`Error::InvalidArgument`] for invalid `opts`; as [`jwt::verify_jwt`],
/// plus [`Error::MalformedToken`] for a missing `partnerId`, `iat` or `exp`,
/// a lifetime above 900 s, or non-string `scope`/`email`;
/// [`Error::NotYetValid`] for an `iat` or `nbf` in the future beyond the
/// leeway.
pub fn verify_partner_jwt(
    token: &str,
    key: &PublicKey,
    now: u64,
    opts: &PartnerJwtValidation,
) -> Result<PartnerClaims> {
    opts.validate()?;
    let v = jwt::verify_jwt(token, key, now, &opts.jwt_validation())?;
    PartnerClaims::from_map(v.claims)
}

/// Like [`verify_partner_jwt`], selecting the key from the partner's parsed
/// JWKS ([`Jwks::from_json`]) by the header `kid` (which is then required).
///
/// # Errors
/// [`Error::InvalidArgument`] for invalid `opts`, [`Error::MissingHeader`]
/// (no `kid`), the errors of [`Jwks::get`], and as
/// [`verify_partner_jwt`].
pub fn verify_partner_jwt_jwks(
    token: &str,
    jwks: &Jwks,
    now: u64,
    opts: &PartnerJwtValidation,
) -> Result<PartnerClaims> {
    opts.validate()?;
    let unverified = jwt::UnverifiedJws::parse(token)?;
    let kid = unverified
        .header()
        .kid
        .clone()
        .ok_or_else(|| Error::MissingHeader("kid".into()))?;
    verify_partner_jwt(token, jwks.get(&kid)?, now, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::keys::KeyType;

    #[test]
    fn roundtrip_extra_and_limits() {
        let key = PrivateKey::generate(KeyType::P256).unwrap();
        let pk = key.public_key();
        let mut c = PartnerClaims::new("p", SCOPE_VERIFY, None);
        c.extra.insert("x".into(), 1.into());
        let opts = PartnerJwtSignOptions::default().with_kid("k");
        let t = sign_partner_jwt(&c, &key, 100, &opts).unwrap();
        let strict = PartnerJwtValidation::default().with_leeway_secs(0);
        assert_eq!(verify_partner_jwt(&t, &pk, 150, &strict).unwrap(), c);
        assert_eq!(
            verify_partner_jwt(&t, &pk, 400, &strict),
            Err(Error::Expired)
        );
        for ttl in [0, 901] {
            let o = opts.clone().with_ttl_secs(ttl);
            assert_eq!(
                sign_partner_jwt(&c, &key, 0, &o).unwrap_err().code(),
                "invalid_argument"
            );
        }
        assert_eq!(
            sign_partner_jwt(&c, &key, 0, &opts.clone().with_kid(""))
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        assert_eq!(
            sign_partner_jwt(&c, &key, u64::MAX - 10, &opts)
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        assert_eq!(
            verify_partner_jwt(&t, &pk, 150, &strict.clone().with_leeway_secs(301))
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        c.extra.insert("exp".into(), 1.into());
        assert_eq!(
            sign_partner_jwt(&c, &key, 0, &opts).unwrap_err().code(),
            "invalid_argument"
        );
        let k1 = PrivateKey::generate(KeyType::Secp256k1).unwrap();
        let c = PartnerClaims::new("p", SCOPE_ISSUE, None);
        assert_eq!(
            sign_partner_jwt(&c, &k1, 0, &opts).unwrap_err().code(),
            "algorithm_not_allowed"
        );
    }

    #[test]
    fn default_kid_is_the_thumbprint() {
        let key = PrivateKey::generate(KeyType::P256).unwrap();
        let pk = key.public_key();
        let c = PartnerClaims::new("p", SCOPE_ISSUE, None);
        let t = sign_partner_jwt(&c, &key, 100, &PartnerJwtSignOptions::default()).unwrap();
        let kid = jwt::UnverifiedJws::parse(&t).unwrap().header().kid.clone();
        assert_eq!(kid, Some(pk.thumbprint()));
        let set = crate::primitives::keys::jwks([(&pk, pk.thumbprint().as_str())]).unwrap();
        let got = verify_partner_jwt_jwks(
            &t,
            &Jwks::from_json(&set).unwrap(),
            150,
            &PartnerJwtValidation::default(),
        )
        .unwrap();
        assert_eq!(got, c);
    }
}
