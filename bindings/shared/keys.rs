//! Asymmetric signing keys, JWKs, JWKS and compact JWS/JWT verification (the core's
//! `kycrypt::primitives::keys` and `kycrypt::primitives::jwt`).

// `vec.into()` makes the `BytesOut` of either binding: a `Buffer` under napi, the
// identity under UniFFI (where `BytesOut` is `Vec<u8>`).

use std::sync::Arc;

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::primitives::eddsa::ed448::Ed448SigningKey;
use kycrypt::primitives::jwt::{self, Algorithm};
use kycrypt::primitives::keys::{self as core, KeyType};

use crate::api::common::{invalid_argument, opt_secs, secs};
use crate::api::macros::bind_methods;
use crate::api::redact::{napi_printing, redacted_fmt};
use crate::shim::{BytesIn, BytesOut, Error, PublicKeys, Secs, guard};

/// A private signing key (RS256, ES256, ES256K or EdDSA), parsed once. It never shows
/// its key material.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct PrivateKey(pub(crate) Arc<core::PrivateKey>);

impl PrivateKey {
    /// The core key, shared (for work on another thread, e.g. a Node async task).
    #[allow(dead_code)]
    pub(crate) fn shared(&self) -> Arc<core::PrivateKey> {
        Arc::clone(&self.0)
    }
}

bind_methods! {
impl PrivateKey {
    /// Parses a PKCS#8, SEC1 or PKCS#1 PEM.
    ///
    /// # Errors
    /// `invalid_key`, `unsupported_algorithm`, `input_too_large`.
    factory pub fn from_pem(pem: String) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::PrivateKey::from_pem(&pem)?))))
    }

    /// Parses a PKCS#8 (or SEC1 / PKCS#1) DER.
    ///
    /// # Errors
    /// As `from_pem`.
    factory pub fn from_der(der: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::PrivateKey::from_der(&der)?))))
    }

    /// Parses a private JWK (JSON text).
    ///
    /// # Errors
    /// As `from_pem`; `malformed_input` for JSON that is not a JWK.
    factory pub fn from_jwk(jwk: String) -> Result<Self, Error> {
        guard(|| Ok(Self(Arc::new(core::PrivateKey::from_jwk(&jwk)?))))
    }

    /// The JWS algorithm of this key: `RS256`, `ES256`, `ES256K` or `EdDSA`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn algorithm(&self) -> Result<String, Error> {
        guard(|| Ok(self.0.algorithm().as_str().to_owned()))
    }

    /// The matching public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn public_key(&self) -> Result<PublicKey, Error> {
        guard(|| Ok(PublicKey(self.0.public_key())))
    }

    /// Signs `msg` with this key's algorithm; the signature is in JWS format (`r||s`
    /// for ECDSA).
    ///
    /// # Errors
    /// `unsupported_algorithm` (RS256 in a build without `ring`), `internal` when the
    /// OS random generator fails.
    method pub fn sign(&self, msg: BytesIn) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.sign(&msg)?.into()))
    }
}
}

/// Generates a private key of `key_type` (`rsa2048`, `p256`, `secp256k1`, `ed25519`
/// or `ed448`) and returns it as a PKCS#8 PEM, to store as a secret and load with
/// `PrivateKey.from_pem`.
///
/// # Errors
/// `unsupported_algorithm` for another key type; `internal` when the OS random
/// generator fails.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn generate_private_key_pem(key_type: String) -> Result<String, Error> {
    guard(|| {
        let pem = if key_type == "ed448" {
            Ed448SigningKey::generate()?.to_pkcs8_pem()?
        } else {
            let kind = key_type.parse::<KeyType>().map_err(|_| {
                kycrypt::Error::UnsupportedAlgorithm(
                    "key type (rsa2048, p256, secp256k1, ed25519, ed448)".into(),
                )
            })?;
            core::PrivateKey::generate(kind)?.to_pkcs8_pem()?
        };
        Ok(pem.as_str().to_owned())
    })
}

/// A public verification key, parsed once.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct PublicKey(pub(crate) core::PublicKey);

bind_methods! {
impl PublicKey {
    /// Parses an SPKI (or PKCS#1 RSA) PEM.
    ///
    /// # Errors
    /// `invalid_key`, `unsupported_algorithm`, `input_too_large`.
    factory pub fn from_pem(pem: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::PublicKey::from_pem(&pem)?)))
    }

    /// Parses an SPKI DER.
    ///
    /// # Errors
    /// As `from_pem`.
    factory pub fn from_der(der: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(core::PublicKey::from_der(&der)?)))
    }

    /// Parses a public JWK (JSON text); a JWK with private members is refused.
    ///
    /// # Errors
    /// As `from_pem`; `malformed_input` for JSON that is not a JWK.
    factory pub fn from_jwk(jwk: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::PublicKey::from_jwk(&jwk)?)))
    }

    /// Parses a PEM or a JWK, whichever `text` is.
    ///
    /// # Errors
    /// As `from_pem` and `from_jwk`.
    factory pub fn from_pem_or_jwk(text: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::PublicKey::from_pem_or_jwk(&text)?)))
    }

    /// The JWS algorithm of this key: `RS256`, `ES256`, `ES256K` or `EdDSA`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn algorithm(&self) -> Result<String, Error> {
        guard(|| Ok(self.0.algorithm().as_str().to_owned()))
    }

    /// The RFC 7638 JWK thumbprint (base64url SHA-256).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn thumbprint(&self) -> Result<String, Error> {
        guard(|| Ok(self.0.thumbprint()))
    }

    /// The public JWK as JSON text, with `kid` when given.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method(default(kid = None)) pub fn to_jwk(&self, kid: Option<String>) -> Result<String, Error> {
        guard(|| Ok(self.0.to_jwk(kid.as_deref())))
    }

    /// Verifies a JWS-format `signature` over `msg`.
    ///
    /// # Errors
    /// `signature_invalid`; `unsupported_algorithm` for a key this build cannot use.
    method pub fn verify(&self, msg: BytesIn, signature: BytesIn) -> Result<(), Error> {
        guard(|| self.0.verify(&msg, &signature))
    }
}
}

/// The JWKS `{"keys":[…]}` of `keys`; `kids[i]` is the `kid` of `keys[i]` (a missing
/// or null entry: the key's thumbprint).
///
/// # Errors
/// `invalid_argument` when there are more kids than keys.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn jwks(keys: PublicKeys, kids: Vec<Option<String>>) -> Result<String, Error> {
    guard(|| jwks_of(&keys.iter().map(|k| &k.0).collect::<Vec<_>>(), kids))
}

/// The JWKS text of `keys` named by `kids` (see `jwks`).
fn jwks_of(keys: &[&core::PublicKey], kids: Vec<Option<String>>) -> Result<String, kycrypt::Error> {
    if kids.len() > keys.len() {
        return Err(invalid_argument("more kids than keys"));
    }
    let mut kids = kids.into_iter();
    let kids: Vec<String> = keys
        .iter()
        .map(|k| kids.next().flatten().unwrap_or_else(|| k.thumbprint()))
        .collect();
    core::jwks(keys.iter().copied().zip(kids.iter().map(String::as_str)))
}

/// The key with `kid` in a JWKS (JSON text).
///
/// # Errors
/// `key_not_found`, `malformed_input`, `invalid_key`, `input_too_large`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn select_from_jwks(jwks: String, kid: String) -> Result<PublicKey, Error> {
    guard(|| Ok(PublicKey(core::select_from_jwks(&jwks, &kid)?)))
}

/// What a JWT or JWS must satisfy; a field left out (`None`) is the core's default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JwtValidation {
    /// Allowed algorithms (`RS256`, `ES256`, `ES256K`, `EdDSA`); the key's own must
    /// also match. Default (or empty): the key's algorithm only.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub algorithms: Option<Vec<String>>,
    /// Required audience (`aud` must contain it). Default: none, and a token that
    /// carries `aud` is refused.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub audience: Option<String>,
    /// Required issuer (`iss` must equal it). Default: `iss` is not checked.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub issuer: Option<String>,
    /// Allowed clock skew in seconds (default 60, at most 300).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub leeway_secs: Option<Secs>,
    /// Whether `exp` must be present (default true).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub require_exp: Option<bool>,
    /// Whether `iat` must be present (default false).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub require_iat: Option<bool>,
    /// Longest accepted lifetime in seconds: `exp - iat`, or `exp - now` without
    /// `iat` (default one day; 0 is refused).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub max_lifetime_secs: Option<Secs>,
    /// Accept any lifetime (default false): an explicit, weaker choice that excludes
    /// `max_lifetime_secs`.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub allow_unbounded_lifetime: Option<bool>,
    /// Accept the header `"alg": "Ed25519"` as `EdDSA` (the did-jwt spelling; default
    /// false).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub accept_ed25519_alias: Option<bool>,
}

impl JwtValidation {
    /// The core's validation: its defaults, overridden by what is set here.
    pub(crate) fn to_core(o: Option<Self>) -> Result<jwt::Validation, kycrypt::Error> {
        let o = o.unwrap_or_default();
        let mut v = jwt::Validation::default();
        if let Some(algs) = &o.algorithms {
            v = v.with_algorithms(
                algs.iter()
                    .map(|a| a.parse::<Algorithm>())
                    .collect::<Result<_, _>>()?,
            );
        }
        if let Some(aud) = o.audience {
            v = v.with_audience(aud);
        }
        if let Some(iss) = o.issuer {
            v = v.with_issuer(iss);
        }
        if let Some(l) = o.leeway_secs {
            v = v.with_leeway_secs(secs("leeway_secs", l)?);
        }
        if let Some(r) = o.require_exp {
            v = v.with_require_exp(r);
        }
        if let Some(r) = o.require_iat {
            v = v.with_require_iat(r);
        }
        if let Some(a) = o.accept_ed25519_alias {
            v = v.with_accept_ed25519_alias(a);
        }
        let max = lifetime(
            opt_secs("max_lifetime_secs", o.max_lifetime_secs)?,
            o.allow_unbounded_lifetime.unwrap_or(false),
            v.max_lifetime_secs,
        )?;
        Ok(v.with_max_lifetime_secs(max))
    }
}

/// The lifetime bound of a validation: `max_lifetime_secs` (`None`: the profile's
/// `default`), or none at all with the explicit `allow_unbounded_lifetime`.
///
/// # Errors
/// `invalid_argument` when both are given.
pub(crate) fn lifetime(
    max_lifetime_secs: Option<u64>,
    allow_unbounded_lifetime: bool,
    default: Option<u64>,
) -> Result<Option<u64>, kycrypt::Error> {
    match (max_lifetime_secs, allow_unbounded_lifetime) {
        (Some(_), true) => Err(invalid_argument(
            "max_lifetime_secs and allow_unbounded_lifetime exclude each other",
        )),
        (None, true) => Ok(None),
        (Some(m), false) => Ok(Some(m)),
        (None, false) => Ok(default),
    }
}

/// A JSON object as compact JSON text (members in their original order).
pub(crate) fn json_text(map: &serde_json::Map<String, serde_json::Value>) -> String {
    serde_json::Value::Object(map.clone()).to_string()
}

/// A verified JWT: its protected header and its claims, as JSON text. Printing shows
/// the header and `<redacted>` for the claims.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi)]
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedJwt {
    /// The protected header (a JSON object).
    pub header_json: String,
    /// The claims (a JSON object).
    pub claims_json: String,
}

redacted_fmt!(VerifiedJwt {
    header_json,
    claims_json: redacted
});
napi_printing!(VerifiedJwt);

/// A verified JWS: its protected header as JSON text and its raw payload. Printing
/// shows the header and `<redacted>` for the payload.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi)]
pub struct VerifiedJws {
    /// The protected header (a JSON object).
    pub header_json: String,
    /// The payload bytes. (Under napi a getter, below: a class field cannot hold a
    /// `Buffer`.)
    pub(crate) payload: BytesOut,
}

#[cfg(napi)]
#[napi]
impl VerifiedJws {
    /// The payload bytes.
    #[napi(getter)]
    pub fn payload(&self) -> BytesOut {
        self.payload.to_vec().into()
    }
}

redacted_fmt!(VerifiedJws {
    header_json,
    payload: redacted
});
napi_printing!(VerifiedJws);

/// Verifies a compact JWT with `key`, then its claims at `now` (unix seconds).
///
/// # Errors
/// `malformed_token`, `algorithm_not_allowed`, `unsupported_algorithm`,
/// `unknown_critical_header`, `signature_invalid`, `expired`, `not_yet_valid`,
/// `audience_mismatch`, `issuer_mismatch`, `input_too_large`, `invalid_argument`
/// (validation out of range), `malformed_input` (a negative time).
#[cfg_attr(uniffi, uniffi::export(default(validation = None)))]
#[cfg_attr(napi, napi)]
pub fn verify_jwt(
    token: String,
    key: &PublicKey,
    now: Secs,
    validation: Option<JwtValidation>,
) -> Result<VerifiedJwt, Error> {
    guard(|| {
        let v = JwtValidation::to_core(validation)?;
        let got = jwt::verify_jwt(&token, &key.0, secs("now", now)?, &v)?;
        Ok(VerifiedJwt {
            header_json: json_text(&got.header.members),
            claims_json: json_text(&got.claims),
        })
    })
}

/// Verifies a compact JWS with `key`, without claim checks: of `validation` only
/// `algorithms` and `accept_ed25519_alias` apply (the rest is still range-checked).
///
/// # Errors
/// As `verify_jwt`, without the claim errors.
#[cfg_attr(uniffi, uniffi::export(default(validation = None)))]
#[cfg_attr(napi, napi)]
pub fn verify_jws(
    token: String,
    key: &PublicKey,
    validation: Option<JwtValidation>,
) -> Result<VerifiedJws, Error> {
    guard(|| {
        let v = JwtValidation::to_core(validation)?;
        let got = jwt::verify_jws(&token, &key.0, &v)?;
        Ok(VerifiedJws {
            header_json: json_text(&got.header.members),
            payload: got.payload.into(),
        })
    })
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000;

    /// A compact JWT signed by `key` over `claims` (JSON text).
    fn token(key: &PrivateKey, claims: &str) -> String {
        let claims: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(claims).unwrap();
        jwt::sign_jwt(&claims, &serde_json::Map::new(), &*key.0).unwrap()
    }

    #[test]
    fn lifetime_bound() {
        assert_eq!(lifetime(None, false, Some(5)).unwrap(), Some(5));
        assert_eq!(lifetime(Some(7), false, Some(5)).unwrap(), Some(7));
        assert_eq!(lifetime(None, true, Some(5)).unwrap(), None);
        assert_eq!(
            lifetime(Some(7), true, None).unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn validation_defaults_to_the_core() {
        assert_eq!(
            JwtValidation::to_core(None).unwrap(),
            jwt::Validation::default()
        );
        let v = JwtValidation {
            algorithms: Some(vec!["ES256".into()]),
            leeway_secs: Some(10),
            allow_unbounded_lifetime: Some(true),
            ..JwtValidation::default()
        };
        let c = JwtValidation::to_core(Some(v)).unwrap();
        assert_eq!(
            (c.algorithms, c.leeway_secs, c.max_lifetime_secs),
            (vec![Algorithm::Es256], 10, None)
        );
        for bad in [
            JwtValidation {
                leeway_secs: Some(-1),
                ..JwtValidation::default()
            },
            JwtValidation {
                max_lifetime_secs: Some(-1),
                ..JwtValidation::default()
            },
        ] {
            assert_eq!(
                JwtValidation::to_core(Some(bad)).unwrap_err().code(),
                "malformed_input"
            );
        }
        for bad in [
            JwtValidation {
                algorithms: Some(vec!["HS256".into()]),
                ..JwtValidation::default()
            },
            JwtValidation {
                max_lifetime_secs: Some(60),
                allow_unbounded_lifetime: Some(true),
                ..JwtValidation::default()
            },
        ] {
            assert_eq!(
                JwtValidation::to_core(Some(bad)).unwrap_err().code(),
                "invalid_argument"
            );
        }
    }

    #[test]
    fn generated_keys_sign_and_verify() {
        for kind in ["p256", "secp256k1", "ed25519"] {
            let pem = generate_private_key_pem(kind.into()).unwrap();
            let sk = PrivateKey::from_pem(pem).unwrap();
            let pk = sk.public_key().unwrap();
            assert_eq!(sk.algorithm().unwrap(), pk.algorithm().unwrap());
            let sig = sk.sign(b"msg".to_vec().into()).unwrap();
            pk.verify(b"msg".to_vec().into(), sig.to_vec().into())
                .unwrap();
            assert!(
                pk.verify(b"msh".to_vec().into(), sig.to_vec().into())
                    .is_err()
            );
            let jwk = pk.to_jwk(Some("k1".into())).unwrap();
            let again = PublicKey::from_pem_or_jwk(jwk).unwrap();
            assert_eq!(again.thumbprint().unwrap(), pk.thumbprint().unwrap());
            let _shared: Arc<core::PrivateKey> = sk.shared();
        }
        assert!(
            generate_private_key_pem("ed448".into())
                .unwrap()
                .contains("PRIVATE KEY")
        );
        assert!(generate_private_key_pem("p384".into()).is_err());
    }

    #[test]
    fn jwks_names_keys_by_kid_or_thumbprint() {
        let a = PrivateKey::from_pem(generate_private_key_pem("p256".into()).unwrap())
            .unwrap()
            .public_key()
            .unwrap();
        let b = PrivateKey::from_pem(generate_private_key_pem("ed25519".into()).unwrap())
            .unwrap()
            .public_key()
            .unwrap();
        let text = jwks_of(&[&a.0, &b.0], vec![Some("a".into())]).unwrap();
        assert_eq!(
            select_from_jwks(text.clone(), "a".into())
                .unwrap()
                .thumbprint()
                .unwrap(),
            a.thumbprint().unwrap()
        );
        let tb = b.thumbprint().unwrap();
        assert_eq!(
            select_from_jwks(text.clone(), tb.clone())
                .unwrap()
                .thumbprint()
                .unwrap(),
            tb
        );
        assert!(select_from_jwks(text, "zz".into()).is_err());
        assert_eq!(
            jwks_of(&[&a.0], vec![None, None]).unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn jwt_and_jws_verify_and_print_redacted() {
        let sk = PrivateKey::from_pem(generate_private_key_pem("p256".into()).unwrap()).unwrap();
        let pk = sk.public_key().unwrap();
        let t = token(
            &sk,
            &format!(r#"{{"sub":"jane-doe","iat":{NOW},"exp":{}}}"#, NOW + 60),
        );
        let v = verify_jwt(t.clone(), &pk, NOW, None).unwrap();
        assert!(v.claims_json.contains("jane-doe") && v.header_json.contains("ES256"));
        let s = format!("{v} {v:?}");
        assert!(
            !s.contains("jane-doe") && s.contains("ES256") && s.contains("<redacted>"),
            "{s}"
        );
        let j = verify_jws(t.clone(), &pk, None).unwrap();
        assert!(
            String::from_utf8(j.payload.to_vec())
                .unwrap()
                .contains("jane-doe")
        );
        let s = format!("{j} {j:?}");
        assert!(!s.contains("jane-doe") && s.contains("<redacted>"), "{s}");
        assert!(verify_jwt(t.clone(), &pk, NOW + 3600, None).is_err());
        assert!(verify_jwt(t.clone(), &pk, -1, None).is_err());
        let other = PrivateKey::from_pem(generate_private_key_pem("p256".into()).unwrap()).unwrap();
        assert!(verify_jws(t, &other.public_key().unwrap(), None).is_err());
    }
}
