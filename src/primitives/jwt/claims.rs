//! JWT claim checks (RFC 7519 section 4.1) with an explicit clock.

use serde_json::{Map, Value};

use super::Algorithm;
use crate::error::{Error, Result};

/// Default clock skew allowance, in seconds.
pub const DEFAULT_LEEWAY: u64 = 60;
/// Largest clock skew allowance accepted, in seconds.
pub const MAX_LEEWAY: u64 = 300;

/// What a JWT verification accepts besides a good signature.
///
/// Build it with [`Validation::default`] (or [`Validation::new`]) and set
/// the public fields:
///
/// ```
/// use kycrypt::primitives::jwt::{Algorithm, Validation};
/// let v = Validation { audience: Some("api.example".into()), ..Validation::new(vec![Algorithm::Es256]) };
/// assert_eq!(v.leeway, 60);
/// assert!(v.require_exp);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    /// Allowed `alg` values. The key's own algorithm must also match (the
    /// algorithm is pinned to the key); an empty list means "the key's
    /// algorithm only".
    pub algorithms: Vec<Algorithm>,
    /// Expected audience. When `Some`, `aud` (a string or an array of strings)
    /// must contain it. When `None`, a token that carries `aud` is rejected
    /// (RFC 7519 section 4.1.3: a recipient that does not identify itself
    /// with the audience must reject). Failure: [`Error::AudienceMismatch`].
    pub audience: Option<String>,
    /// Expected `iss`. When `Some`, `iss` must be exactly this string
    /// ([`Error::IssuerMismatch`]); when `None`, `iss` is not checked.
    pub issuer: Option<String>,
    /// Allowed clock skew in seconds (default [`DEFAULT_LEEWAY`], at most
    /// [`MAX_LEEWAY`], else [`Error::InvalidArgument`]).
    pub leeway: u64,
    /// Whether `exp` must be present (default `true`).
    pub require_exp: bool,
    /// Accept the header `"alg": "Ed25519"` as an alias of `EdDSA` (the
    /// `did-jwt` library's spelling). Default `false`.
    pub accept_ed25519_alias: bool,
}

impl Default for Validation {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl Validation {
    /// Defaults (leeway 60 s, `exp` required, no audience, no issuer) with
    /// the given algorithm allow-list.
    #[must_use]
    pub fn new(algorithms: Vec<Algorithm>) -> Self {
        Self {
            algorithms,
            audience: None,
            issuer: None,
            leeway: DEFAULT_LEEWAY,
            require_exp: true,
            accept_ed25519_alias: false,
        }
    }

    /// Checks the registered claims of a (signature-verified) claims set at
    /// time `now` (unix seconds):
    /// - `exp` (integer NumericDate): required unless `require_exp` is false;
    ///   expired when `now >= exp + leeway`.
    /// - `nbf`, `iat` (integers): not yet valid when `> now + leeway`.
    /// - `aud`, `iss`: see the fields.
    ///
    /// Non-integer or negative dates are [`Error::MalformedToken`].
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (leeway above the maximum),
    /// [`Error::MalformedToken`] (missing `exp`, malformed claim types),
    /// [`Error::Expired`], [`Error::NotYetValid`], [`Error::AudienceMismatch`],
    /// [`Error::IssuerMismatch`]. Messages name the claim, never its value.
    pub fn check_claims(&self, claims: &Map<String, Value>, now: u64) -> Result<()> {
        let leeway = self.checked_leeway()?;
        match numeric_date(claims, "exp")? {
            Some(exp) if now >= exp.saturating_add(leeway) => return Err(Error::Expired),
            Some(_) => {}
            None if self.require_exp => {
                return Err(Error::MalformedToken("the exp claim is required".into()));
            }
            None => {}
        }
        for name in ["nbf", "iat"] {
            if let Some(t) = numeric_date(claims, name)? {
                if t > now.saturating_add(leeway) {
                    return Err(Error::NotYetValid);
                }
            }
        }
        self.check_audience(claims.get("aud"))?;
        if let Some(want) = &self.issuer {
            match claims.get("iss") {
                Some(Value::String(iss)) if iss == want => {}
                Some(Value::String(_)) | None => return Err(Error::IssuerMismatch("iss".into())),
                Some(_) => return Err(Error::MalformedToken("iss must be a string".into())),
            }
        }
        Ok(())
    }

    /// The leeway, checked against [`MAX_LEEWAY`].
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when above the maximum.
    pub fn checked_leeway(&self) -> Result<u64> {
        if self.leeway > MAX_LEEWAY {
            Err(Error::InvalidArgument(
                "leeway is above the 300 s maximum".into(),
            ))
        } else {
            Ok(self.leeway)
        }
    }

    fn check_audience(&self, aud: Option<&Value>) -> Result<()> {
        let contains = |want: &str| match aud {
            Some(Value::String(a)) => Ok(a == want),
            Some(Value::Array(items)) => {
                let mut found = false;
                for item in items {
                    match item {
                        Value::String(a) => found |= a == want,
                        _ => return Err(Error::MalformedToken("aud must hold strings".into())),
                    }
                }
                Ok(found)
            }
            None => Ok(false),
            Some(_) => Err(Error::MalformedToken(
                "aud must be a string or an array".into(),
            )),
        };
        match (&self.audience, aud) {
            (None, None) => Ok(()),
            (None, Some(_)) => Err(Error::AudienceMismatch),
            (Some(want), _) => {
                if contains(want)? {
                    Ok(())
                } else {
                    Err(Error::AudienceMismatch)
                }
            }
        }
    }
}

/// Reads an integer NumericDate claim.
fn numeric_date(claims: &Map<String, Value>, name: &'static str) -> Result<Option<u64>> {
    match claims.get(name) {
        None => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| {
            Error::MalformedToken(format!("{name} must be a non-negative integer").into())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn time_windows() {
        let v = Validation::default();
        let c = obj(json!({"exp": 1000, "iat": 900}));
        assert!(v.check_claims(&c, 1059).is_ok());
        assert_eq!(v.check_claims(&c, 1060), Err(Error::Expired));
        assert_eq!(v.check_claims(&c, 839), Err(Error::NotYetValid));
        assert!(v.check_claims(&c, 840).is_ok());
        assert_eq!(
            v.check_claims(&obj(json!({})), 0).unwrap_err().code(),
            "malformed_token"
        );
        let lax = Validation {
            require_exp: false,
            leeway: 0,
            ..Validation::default()
        };
        assert!(lax.check_claims(&obj(json!({})), 0).is_ok());
        assert_eq!(
            lax.check_claims(&obj(json!({"exp": 5})), 5),
            Err(Error::Expired)
        );
        assert_eq!(
            lax.check_claims(&obj(json!({"exp": 5.5})), 0)
                .unwrap_err()
                .code(),
            "malformed_token"
        );
        assert_eq!(
            lax.check_claims(&obj(json!({"nbf": 1})), 0),
            Err(Error::NotYetValid)
        );
        let wide = Validation {
            leeway: 301,
            ..Validation::default()
        };
        assert_eq!(
            wide.check_claims(&c, 900).unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn audience_and_issuer() {
        let v = Validation {
            audience: Some("a".into()),
            issuer: Some("i".into()),
            ..Validation::default()
        };
        assert!(
            v.check_claims(&obj(json!({"exp": 10, "aud": "a", "iss": "i"})), 0)
                .is_ok()
        );
        assert!(
            v.check_claims(&obj(json!({"exp": 10, "aud": ["b", "a"], "iss": "i"})), 0)
                .is_ok()
        );
        let e = v.check_claims(&obj(json!({"exp": 10, "aud": ["b"], "iss": "i"})), 0);
        assert_eq!(e, Err(Error::AudienceMismatch));
        assert_eq!(
            v.check_claims(&obj(json!({"exp": 10, "iss": "i"})), 0),
            Err(Error::AudienceMismatch)
        );
        let e = v
            .check_claims(&obj(json!({"exp": 10, "aud": "a", "iss": "secret-x"})), 0)
            .unwrap_err();
        assert_eq!(e.code(), "issuer_mismatch");
        assert!(!e.to_string().contains("secret-x"));
        let none = Validation::default();
        assert_eq!(
            none.check_claims(&obj(json!({"exp": 10, "aud": "a"})), 0),
            Err(Error::AudienceMismatch)
        );
    }
}
