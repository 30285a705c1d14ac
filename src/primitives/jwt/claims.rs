//! JWT claim checks (RFC 7519 section 4.1) with an explicit clock.

use serde_json::{Map, Value};

use super::Algorithm;
use crate::error::{Error, Result};

/// Default clock skew allowance ([`Validation::leeway_secs`]), in seconds.
pub const DEFAULT_LEEWAY_SECS: u64 = 60;
/// Largest clock skew allowance accepted, in seconds.
pub const MAX_LEEWAY_SECS: u64 = 300;
/// Default longest token lifetime accepted by [`Validation`], in seconds
/// (one day). Profiles set their own: 900 s for Moca partner JWTs, 86400 s
/// for Hypersign DID-JWTs.
pub const DEFAULT_MAX_LIFETIME_SECS: u64 = 86_400;
/// Largest NumericDate accepted: 2^53, the largest integer every JSON
/// implementation represents exactly (RFC 7493 section 2.2).
pub const MAX_NUMERIC_DATE: u64 = 1 << 53;

/// What a JWT verification accepts besides a good signature.
///
/// Start from [`Validation::default`] and change what differs with the
/// `with_*` setters; every verifier calls [`Validation::validate`] first.
///
/// ```
/// use kycrypt::primitives::jwt::{Algorithm, Validation};
/// let v = Validation::default()
///     .with_algorithms(vec![Algorithm::Es256])
///     .with_audience("api.example");
/// assert_eq!(v.leeway_secs, 60);
/// assert!(v.require_exp);
/// assert_eq!(v.max_lifetime_secs, Some(86_400)); // bounded by default
/// assert!(!v.require_iat);
/// assert!(v.validate().is_ok());
/// assert!(v.with_leeway_secs(301).validate().is_err());
/// ```
///
/// ## Time claims
/// `exp`, `nbf` and `iat` are RFC 7519 NumericDates: any finite,
/// non-negative JSON number up to [`MAX_NUMERIC_DATE`], fractions included
/// (PyJWT users put `time.time()` floats in claims). They are compared
/// conservatively: an `exp` with a fraction expires at its floor, `nbf` and
/// `iat` count from their ceiling. Strings, negative numbers and larger
/// values are [`Error::MalformedToken`].
///
/// ## Lifetime
/// With `max_lifetime_secs: Some(m)` (the default, [`DEFAULT_MAX_LIFETIME_SECS`])
/// a token whose `exp - iat` exceeds `m` is refused; a token without `iat`
/// (allowed unless `require_iat`) is refused when its `exp` lies more than
/// `m` (plus the leeway) after `now`. So no token verifies for longer than
/// `m` from when it was issued or first seen. `None` removes the bound: an
/// explicit, weaker choice.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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
    /// Allowed clock skew in seconds (default [`DEFAULT_LEEWAY_SECS`], at
    /// most [`MAX_LEEWAY_SECS`], else [`Error::InvalidArgument`]).
    pub leeway_secs: u64,
    /// Whether `exp` must be present (default `true`).
    pub require_exp: bool,
    /// Whether `iat` must be present (default `false`; `true` for Moca
    /// partner JWTs). Missing: [`Error::MalformedToken`].
    pub require_iat: bool,
    /// Longest accepted lifetime in seconds (see "Lifetime" above). Default
    /// `Some(`[`DEFAULT_MAX_LIFETIME_SECS`]`)`; `Some(0)` is
    /// [`Error::InvalidArgument`]; `None` accepts any lifetime.
    /// Too long: [`Error::MalformedToken`].
    pub max_lifetime_secs: Option<u64>,
    /// Accept the header `"alg": "Ed25519"` as an alias of `EdDSA` (the
    /// `did-jwt` library's spelling). Default `false`.
    pub accept_ed25519_alias: bool,
}

impl Default for Validation {
    /// Any algorithm the key has, leeway [`DEFAULT_LEEWAY_SECS`], `exp`
    /// required, `iat` optional, lifetime at most
    /// [`DEFAULT_MAX_LIFETIME_SECS`], no audience, no issuer, no `Ed25519`
    /// alias.
    fn default() -> Self {
        Self {
            algorithms: Vec::new(),
            audience: None,
            issuer: None,
            leeway_secs: DEFAULT_LEEWAY_SECS,
            require_exp: true,
            require_iat: false,
            max_lifetime_secs: Some(DEFAULT_MAX_LIFETIME_SECS),
            accept_ed25519_alias: false,
        }
    }
}

impl Validation {
    /// Sets [`audience`](Self::audience) to `Some(audience)`.
    #[must_use]
    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = Some(audience.into());
        self
    }

    /// Sets [`issuer`](Self::issuer) to `Some(issuer)`.
    #[must_use]
    pub fn with_issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self
    }

    /// Checks the ranges: `leeway_secs` at most [`MAX_LEEWAY_SECS`],
    /// `max_lifetime_secs` not `Some(0)`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a value out of range.
    pub fn validate(&self) -> Result<()> {
        if self.leeway_secs > MAX_LEEWAY_SECS {
            return Err(Error::InvalidArgument(
                "leeway_secs is above the 300 s maximum".into(),
            ));
        }
        if self.max_lifetime_secs == Some(0) {
            return Err(Error::InvalidArgument(
                "max_lifetime_secs must be above 0 (None for no bound)".into(),
            ));
        }
        Ok(())
    }

    /// Checks the registered claims of a (signature-verified) claims set at
    /// time `now` (unix seconds):
    /// - `exp` (NumericDate): required unless `require_exp` is false;
    ///   expired when `now >= floor(exp) + leeway`.
    /// - `iat`: required when `require_iat`.
    /// - `nbf`, `iat`: not yet valid when `ceil(t) > now + leeway`.
    /// - the lifetime bound (see "Lifetime" on [`Validation`]).
    /// - `aud`, `iss`: see the fields.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (see [`validate`](Self::validate)),
    /// [`Error::MalformedToken`] (missing `exp`/`iat`, malformed
    /// claim types or dates, a lifetime above the bound), [`Error::Expired`],
    /// [`Error::NotYetValid`], [`Error::AudienceMismatch`],
    /// [`Error::IssuerMismatch`]. Messages name the claim, never its value.
    pub fn check_claims(&self, claims: &Map<String, Value>, now: u64) -> Result<()> {
        self.validate()?;
        let leeway = self.leeway_secs;
        let exp = numeric_date(claims, "exp")?;
        let nbf = numeric_date(claims, "nbf")?;
        let iat = numeric_date(claims, "iat")?;
        match exp {
            Some(exp) if now >= exp.floor.saturating_add(leeway) => return Err(Error::Expired),
            Some(_) => {}
            None if self.require_exp => {
                return Err(Error::MalformedToken("the exp claim is required".into()));
            }
            None => {}
        }
        if iat.is_none() && self.require_iat {
            return Err(Error::MalformedToken("the iat claim is required".into()));
        }
        for t in [nbf, iat].into_iter().flatten() {
            if t.ceil > now.saturating_add(leeway) {
                return Err(Error::NotYetValid);
            }
        }
        if let (Some(max), Some(exp)) = (self.max_lifetime_secs, exp) {
            let too_long = match iat {
                Some(iat) => exp.floor.saturating_sub(iat.ceil) > max,
                None => exp.floor > now.saturating_add(max).saturating_add(leeway),
            };
            if too_long {
                return Err(Error::MalformedToken(
                    format!("the token lifetime exceeds the {max} s maximum").into(),
                ));
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

setters!(Validation {
    with_algorithms(algorithms: Vec<Algorithm>);
    with_leeway_secs(leeway_secs: u64);
    with_require_exp(require_exp: bool);
    with_require_iat(require_iat: bool);
    /// `None` accepts any lifetime: an explicit, weaker choice.
    with_max_lifetime_secs(max_lifetime_secs: Option<u64>);
    with_accept_ed25519_alias(accept_ed25519_alias: bool);
});

/// A NumericDate rounded both ways (equal for integers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NumericDate {
    floor: u64,
    ceil: u64,
}

/// Reads a NumericDate claim (RFC 7519 section 2): a finite, non-negative
/// JSON number of at most [`MAX_NUMERIC_DATE`], fractions allowed.
fn numeric_date(claims: &Map<String, Value>, name: &'static str) -> Result<Option<NumericDate>> {
    let Some(v) = claims.get(name) else {
        return Ok(None);
    };
    let bad = || {
        Error::MalformedToken(
            format!("{name} must be a non-negative number of seconds up to 2^53").into(),
        )
    };
    if let Some(n) = v.as_u64() {
        return if n <= MAX_NUMERIC_DATE {
            Ok(Some(NumericDate { floor: n, ceil: n }))
        } else {
            Err(bad())
        };
    }
    // Not a u64: a negative integer, a fraction, or not a number at all.
    let f = match v {
        Value::Number(n) if n.is_f64() => n.as_f64().ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    // `MAX_NUMERIC_DATE` is a power of two: exactly representable, and every
    // f64 in range has an exact u64 floor and ceiling.
    #[allow(clippy::cast_precision_loss)]
    let max = MAX_NUMERIC_DATE as f64;
    if !(f.is_finite() && (0.0..=max).contains(&f)) {
        return Err(bad());
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (floor, ceil) = (f.floor() as u64, f.ceil() as u64);
    Ok(Some(NumericDate { floor, ceil }))
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
            leeway_secs: 0,
            ..Validation::default()
        };
        assert!(lax.check_claims(&obj(json!({})), 0).is_ok());
        assert_eq!(
            lax.check_claims(&obj(json!({"exp": 5})), 5),
            Err(Error::Expired)
        );
        // A fraction is a NumericDate (RFC 7519 section 2); exp expires at its floor.
        assert!(lax.check_claims(&obj(json!({"exp": 5.5})), 4).is_ok());
        assert_eq!(
            lax.check_claims(&obj(json!({"exp": 5.5})), 5),
            Err(Error::Expired)
        );
        assert_eq!(
            lax.check_claims(&obj(json!({"nbf": 1})), 0),
            Err(Error::NotYetValid)
        );
        let wide = Validation {
            leeway_secs: 301,
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

    #[test]
    fn numeric_dates_accept_fractions_conservatively() {
        let v = Validation {
            leeway_secs: 0,
            ..Validation::default()
        };
        // PyJWT with time.time(): iat and exp with fractions.
        let c = obj(json!({"iat": 1_790_000_000.25, "exp": 1_790_000_300.5}));
        assert!(v.check_claims(&c, 1_790_000_001).is_ok());
        assert!(v.check_claims(&c, 1_790_000_299).is_ok());
        // exp counts from its floor: 1790000300 is already too late.
        assert_eq!(v.check_claims(&c, 1_790_000_300), Err(Error::Expired));
        // iat counts from its ceiling: at 1790000000 it is still in the future.
        assert_eq!(v.check_claims(&c, 1_790_000_000), Err(Error::NotYetValid));
        let nbf = obj(json!({"nbf": 100.1, "exp": 200}));
        assert_eq!(v.check_claims(&nbf, 100), Err(Error::NotYetValid));
        assert!(v.check_claims(&nbf, 101).is_ok());
        assert!(v.check_claims(&obj(json!({"exp": 1e3})), 999).is_ok());
        // 2^53 parses, but lies beyond the default one-day lifetime bound.
        assert_eq!(
            v.check_claims(&obj(json!({"exp": 9_007_199_254_740_992u64})), 0)
                .unwrap_err()
                .to_string(),
            "malformed token: the token lifetime exceeds the 86400 s maximum"
        );
    }

    #[test]
    fn numeric_dates_refuse_what_rfc_7519_does_not_allow() {
        let v = Validation {
            max_lifetime_secs: None,
            ..Validation::default()
        };
        for bad in [
            json!("1790000300"),
            json!(-1),
            json!(-0.5),
            json!(9_007_199_254_740_993u64),
            json!(1.0e300),
            json!(u64::MAX),
            json!(null),
            json!(true),
            json!([1]),
        ] {
            for name in ["exp", "nbf", "iat"] {
                let mut c = obj(json!({"exp": 100}));
                c.insert(name.into(), bad.clone());
                let e = v.check_claims(&c, 0).unwrap_err();
                assert_eq!(e.code(), "malformed_token", "{name} = {bad}");
                assert!(e.to_string().contains(name), "{e}");
            }
        }
        // 2^53 itself is accepted (as an integer and as a float).
        let top = obj(json!({"exp": 9_007_199_254_740_992u64, "nbf": 9_007_199_254_740_992.0}));
        assert_eq!(v.check_claims(&top, 0), Err(Error::NotYetValid));
    }

    #[test]
    fn lifetime_is_bounded() {
        let v = Validation {
            leeway_secs: 0,
            max_lifetime_secs: Some(900),
            require_iat: true,
            ..Validation::default()
        };
        assert!(
            v.check_claims(&obj(json!({"iat": 0, "exp": 900})), 1)
                .is_ok()
        );
        let long = obj(json!({"iat": 0, "exp": 901}));
        let e = v.check_claims(&long, 1).unwrap_err();
        assert_eq!(e.code(), "malformed_token");
        assert!(e.to_string().contains("900"), "{e}");
        // Fractions: the granted window is ceil(iat)..floor(exp).
        assert!(
            v.check_claims(&obj(json!({"iat": 0.3, "exp": 900.3})), 1)
                .is_ok()
        );
        // The forever token of the review: exp = 2^53, no iat.
        let forever = obj(json!({"exp": 9_007_199_254_740_992u64}));
        assert_eq!(
            v.check_claims(&forever, 1).unwrap_err().to_string(),
            "malformed token: the iat claim is required"
        );
        // Without require_iat, exp may lie at most max (+ leeway) after now.
        let no_iat = Validation {
            require_iat: false,
            leeway_secs: 10,
            ..v.clone()
        };
        assert!(
            no_iat
                .check_claims(&obj(json!({"exp": 1910})), 1000)
                .is_ok()
        );
        assert_eq!(
            no_iat
                .check_claims(&obj(json!({"exp": 1911})), 1000)
                .unwrap_err()
                .code(),
            "malformed_token"
        );
        assert_eq!(
            no_iat.check_claims(&forever, 1).unwrap_err().code(),
            "malformed_token"
        );
        // The default bounds generic tokens to a day; None relaxes it explicitly.
        let day = obj(json!({"iat": 0, "exp": 86_401}));
        assert_eq!(
            Validation::default()
                .check_claims(&day, 1)
                .unwrap_err()
                .code(),
            "malformed_token"
        );
        let unbounded = Validation {
            max_lifetime_secs: None,
            ..Validation::default()
        };
        assert!(unbounded.check_claims(&day, 1).is_ok());
        assert!(unbounded.check_claims(&forever, 1).is_ok());
        let zero = Validation {
            max_lifetime_secs: Some(0),
            ..Validation::default()
        };
        assert_eq!(
            zero.check_claims(&day, 1).unwrap_err().code(),
            "invalid_argument"
        );
    }
}
