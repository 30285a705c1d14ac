//! Asymmetric keys, JWKs and JWTs (mirrors `bindings/ffi/src/keys.rs`).

use kycrypt::primitives::eddsa::ed448::Ed448SigningKey;
use kycrypt::primitives::jwt::{self, Algorithm};
use kycrypt::primitives::keys::{self as core, KeyType};
use napi::bindgen_prelude::{Buffer, Uint8Array};
use napi_derive::napi;

use crate::KyError;
use crate::common::{invalid_argument, json_text, lifetime, opt_secs, secs};
use crate::guard::{from_core, napi_guard};

/// A private signing key (RS256, ES256, ES256K, EdDSA), parsed once. It
/// never shows its key material.
#[napi]
pub struct PrivateKey(pub(crate) core::PrivateKey);

#[napi]
impl PrivateKey {
    /// Parses a PKCS#8, SEC1 or PKCS#1 PEM.
    ///
    /// # Errors
    /// `invalid_key`, `unsupported_algorithm`, `input_too_large`.
    #[napi(factory)]
    pub fn from_pem(pem: String) -> Result<Self, KyError> {
        napi_guard!({
            core::PrivateKey::from_pem(&pem)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// Parses a PKCS#8 (or SEC1/PKCS#1) DER.
    ///
    /// # Errors
    /// As [`PrivateKey::from_pem`].
    #[napi(factory)]
    pub fn from_der(der: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            core::PrivateKey::from_der(&der)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// Parses a private JWK (JSON text).
    ///
    /// # Errors
    /// As [`PrivateKey::from_pem`].
    #[napi(factory)]
    pub fn from_jwk(jwk: String) -> Result<Self, KyError> {
        napi_guard!({
            core::PrivateKey::from_jwk(&jwk)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The JWS algorithm of this key (`RS256`, `ES256`, `ES256K`, `EdDSA`).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn algorithm(&self) -> Result<String, KyError> {
        napi_guard!({ Ok(self.0.algorithm().as_str().to_owned()) })
    }

    /// The matching public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn public_key(&self) -> Result<PublicKey, KyError> {
        napi_guard!({ Ok(PublicKey(self.0.public_key())) })
    }

    /// Signs `msg` with this key's algorithm (JWS signature format).
    ///
    /// # Errors
    /// `unsupported_algorithm` (RS256 without the `ring` feature).
    #[napi]
    pub fn sign(&self, msg: Uint8Array) -> Result<Buffer, KyError> {
        napi_guard!({ self.0.sign(&msg).map(Buffer::from).map_err(from_core) })
    }
}

/// Generates a private key of `key_type` (`rsa2048`, `p256`, `secp256k1`,
/// `ed25519`, `ed448`) and returns it as a PKCS#8 PEM, to store as a secret
/// and load with `PrivateKey.fromPem`.
///
/// # Errors
/// `unsupported_algorithm` for another type; `internal` when the OS RNG fails.
#[napi]
pub fn generate_private_key_pem(key_type: String) -> Result<String, KyError> {
    napi_guard!({
        let pem = if key_type == "ed448" {
            Ed448SigningKey::generate().and_then(|k| k.to_pkcs8_pem())
        } else {
            key_type
                .parse::<KeyType>()
                .map_err(|_| {
                    kycrypt::Error::UnsupportedAlgorithm(
                        "key type (rsa2048, p256, secp256k1, ed25519, ed448)".into(),
                    )
                })
                .and_then(core::PrivateKey::generate)
                .and_then(|k| k.to_pkcs8_pem())
        }
        .map_err(from_core)?;
        Ok(pem.as_str().to_owned())
    })
}

/// A public verification key, parsed once.
#[napi]
pub struct PublicKey(pub(crate) core::PublicKey);

#[napi]
impl PublicKey {
    /// Parses an SPKI (or PKCS#1 RSA) PEM.
    ///
    /// # Errors
    /// `invalid_key`, `unsupported_algorithm`, `input_too_large`.
    #[napi(factory)]
    pub fn from_pem(pem: String) -> Result<Self, KyError> {
        napi_guard!({ core::PublicKey::from_pem(&pem).map(Self).map_err(from_core) })
    }

    /// Parses an SPKI DER.
    ///
    /// # Errors
    /// As [`PublicKey::from_pem`].
    #[napi(factory)]
    pub fn from_der(der: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({ core::PublicKey::from_der(&der).map(Self).map_err(from_core) })
    }

    /// Parses a public JWK (JSON text; private members are refused).
    ///
    /// # Errors
    /// As [`PublicKey::from_pem`].
    #[napi(factory)]
    pub fn from_jwk(jwk: String) -> Result<Self, KyError> {
        napi_guard!({ core::PublicKey::from_jwk(&jwk).map(Self).map_err(from_core) })
    }

    /// Parses a PEM or a JWK, whichever `text` is.
    ///
    /// # Errors
    /// As [`PublicKey::from_pem`].
    #[napi(factory)]
    pub fn from_pem_or_jwk(text: String) -> Result<Self, KyError> {
        napi_guard!({
            core::PublicKey::from_pem_or_jwk(&text)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The JWS algorithm of this key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn algorithm(&self) -> Result<String, KyError> {
        napi_guard!({ Ok(self.0.algorithm().as_str().to_owned()) })
    }

    /// The RFC 7638 JWK thumbprint (base64url SHA-256).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn thumbprint(&self) -> Result<String, KyError> {
        napi_guard!({ Ok(self.0.thumbprint()) })
    }

    /// The public JWK as JSON text, with `kid` when given.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn to_jwk(&self, kid: Option<String>) -> Result<String, KyError> {
        napi_guard!({ Ok(self.0.to_jwk(kid.as_deref())) })
    }

    /// Verifies a JWS-format `signature` over `msg`.
    ///
    /// # Errors
    /// `signature_invalid`.
    #[napi]
    pub fn verify(&self, msg: Uint8Array, signature: Uint8Array) -> Result<(), KyError> {
        napi_guard!({ self.0.verify(&msg, &signature).map_err(from_core) })
    }
}

/// A JWKS `{"keys":[...]}` of the public keys; `kids[i]` names `keys[i]`
/// (missing or `null`: the thumbprint).
///
/// # Errors
/// `invalid_argument` when there are more kids than keys.
#[napi]
pub fn jwks(keys: Vec<&PublicKey>, kids: Vec<Option<String>>) -> Result<String, KyError> {
    napi_guard!({
        if kids.len() > keys.len() {
            return Err(invalid_argument("more kids than keys"));
        }
        let kids: Vec<String> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                kids.get(i)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| k.0.thumbprint())
            })
            .collect();
        core::jwks(
            keys.iter()
                .map(|k| &k.0)
                .zip(kids.iter().map(String::as_str)),
        )
        .map_err(from_core)
    })
}

/// The key with `kid` from a JWKS (JSON text).
///
/// # Errors
/// `key_not_found`, `malformed_input`, `invalid_key`, `input_too_large`.
#[napi]
pub fn select_from_jwks(jwks: String, kid: String) -> Result<PublicKey, KyError> {
    napi_guard!({
        core::select_from_jwks(&jwks, &kid)
            .map(PublicKey)
            .map_err(from_core)
    })
}

/// What a JWT/JWS must satisfy. Every member is optional.
#[napi(object)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JwtValidation {
    /// Allowed algorithms (`RS256`, `ES256`, `ES256K`, `EdDSA`); empty: the key's own.
    pub algorithms: Option<Vec<String>>,
    /// Required `aud`, if any.
    pub audience: Option<String>,
    /// Required `iss`, if any.
    pub issuer: Option<String>,
    /// Clock leeway in seconds (default 60, at most 300).
    pub leeway: Option<i64>,
    /// Require `exp` (default true).
    pub require_exp: Option<bool>,
    /// Require `iat` (default false).
    pub require_iat: Option<bool>,
    /// Longest accepted lifetime in seconds: `exp - iat`, or `exp - now`
    /// without `iat` (default: one day).
    pub max_lifetime_secs: Option<i64>,
    /// Accept any lifetime (default false): an explicit, weaker choice that
    /// excludes `maxLifetimeSecs`.
    pub allow_unbounded_lifetime: Option<bool>,
    /// Accept `alg: Ed25519` as EdDSA (default false).
    pub accept_ed25519_alias: Option<bool>,
}

impl JwtValidation {
    /// The core validation: the core's defaults, overridden by the members given.
    fn to_core(&self) -> Result<jwt::Validation, KyError> {
        let algorithms = self
            .algorithms
            .iter()
            .flatten()
            .map(|a| a.parse::<Algorithm>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(from_core)?;
        let mut v = jwt::Validation::default().with_algorithms(algorithms);
        if let Some(aud) = &self.audience {
            v = v.with_audience(aud);
        }
        if let Some(iss) = &self.issuer {
            v = v.with_issuer(iss);
        }
        if let Some(l) = self.leeway {
            v = v.with_leeway_secs(secs("leeway", l)?);
        }
        if let Some(r) = self.require_exp {
            v = v.with_require_exp(r);
        }
        if let Some(a) = self.accept_ed25519_alias {
            v = v.with_accept_ed25519_alias(a);
        }
        if let Some(r) = self.require_iat {
            v = v.with_require_iat(r);
        }
        let max = lifetime(
            opt_secs("maxLifetimeSecs", self.max_lifetime_secs)?,
            self.allow_unbounded_lifetime.unwrap_or(false),
            v.max_lifetime_secs,
        )?;
        Ok(v.with_max_lifetime_secs(max))
    }
}

/// The core validation of an optional [`JwtValidation`].
fn validation(v: Option<JwtValidation>) -> Result<jwt::Validation, KyError> {
    v.unwrap_or_default().to_core()
}

/// A verified JWT: header and claims as JSON text.
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedJwt {
    /// The protected header (JSON object).
    pub header_json: String,
    /// The claims (JSON object).
    pub claims_json: String,
}

/// A verified JWS: header as JSON text and the raw payload.
#[napi(object)]
pub struct VerifiedJws {
    /// The protected header (JSON object).
    pub header_json: String,
    /// The payload bytes.
    pub payload: Buffer,
}

/// Verifies a compact JWT with `key`, then its claims at `now` (unix seconds).
///
/// # Errors
/// `malformed_token`, `algorithm_not_allowed`, `unknown_critical_header`,
/// `signature_invalid`, `expired`, `not_yet_valid`, `audience_mismatch`,
/// `issuer_mismatch`, `invalid_argument`; `malformed_input` for a negative `now`.
#[napi]
pub fn verify_jwt(
    token: String,
    key: &PublicKey,
    validation: Option<JwtValidation>,
    now: i64,
) -> Result<VerifiedJwt, KyError> {
    napi_guard!({
        let v = self::validation(validation)?;
        let got = jwt::verify_jwt(&token, &key.0, secs("now", now)?, &v).map_err(from_core)?;
        Ok(VerifiedJwt {
            header_json: json_text(&got.header.members),
            claims_json: json_text(&got.claims),
        })
    })
}

/// Verifies a compact JWS with `key` (no claim checks; only
/// `algorithms` and `acceptEd25519Alias` of `validation` apply).
///
/// # Errors
/// As [`verify_jwt`], without the claim errors.
#[napi]
pub fn verify_jws(
    token: String,
    key: &PublicKey,
    validation: Option<JwtValidation>,
) -> Result<VerifiedJws, KyError> {
    napi_guard!({
        let v = self::validation(validation)?;
        let got = jwt::verify_jws(&token, &key.0, &v).map_err(from_core)?;
        Ok(VerifiedJws {
            header_json: json_text(&got.header.members),
            payload: got.payload.into(),
        })
    })
}
