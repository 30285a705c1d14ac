//! Asymmetric keys, JWKs and JWTs (mirrors `kycrypt::primitives::keys` and `::jwt`).

use std::sync::Arc;

use kycrypt::primitives::eddsa::ed448::Ed448SigningKey;
use kycrypt::primitives::jwt::{self, Algorithm};
use kycrypt::primitives::keys::{self as core, KeyType};

use crate::common::{invalid_argument, json_text, lifetime};
use crate::{FfiError, ffi_guard};

/// A private signing key (RS256, ES256, ES256K, EdDSA), parsed once. It
/// never shows its key material.
#[derive(uniffi::Object)]
pub struct PrivateKey(pub(crate) core::PrivateKey);

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrivateKey").finish_non_exhaustive()
    }
}

#[uniffi::export]
impl PrivateKey {
    /// Parses a PKCS#8, SEC1 or PKCS#1 PEM.
    ///
    /// # Errors
    /// `invalid_key`, `unsupported_algorithm`, `input_too_large`.
    #[uniffi::constructor]
    pub fn from_pem(pem: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PrivateKey::from_pem(&pem)?))) })
    }

    /// Parses a PKCS#8 (or SEC1/PKCS#1) DER.
    ///
    /// # Errors
    /// As [`PrivateKey::from_pem`].
    #[uniffi::constructor]
    pub fn from_der(der: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PrivateKey::from_der(&der)?))) })
    }

    /// Parses a private JWK (JSON text).
    ///
    /// # Errors
    /// As [`PrivateKey::from_pem`].
    #[uniffi::constructor]
    pub fn from_jwk(jwk: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PrivateKey::from_jwk(&jwk)?))) })
    }

    /// The JWS algorithm of this key (`RS256`, `ES256`, `ES256K`, `EdDSA`).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn algorithm(&self) -> Result<String, FfiError> {
        ffi_guard!({ Ok(self.0.algorithm().as_str().to_owned()) })
    }

    /// The matching public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn public_key(&self) -> Result<Arc<PublicKey>, FfiError> {
        ffi_guard!({ Ok(Arc::new(PublicKey(self.0.public_key()))) })
    }

    /// Signs `msg` with this key's algorithm (JWS signature format).
    ///
    /// # Errors
    /// `unsupported_algorithm` (RS256 without the `ring` feature).
    pub fn sign(&self, msg: Vec<u8>) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.sign(&msg)?) })
    }
}

/// Generates a private key of `key_type` (`rsa2048`, `p256`, `secp256k1`,
/// `ed25519`, `ed448`) and returns it as a PKCS#8 PEM, to store as a secret
/// and load with `PrivateKey.from_pem`.
///
/// # Errors
/// `unsupported_algorithm` for another type; `internal` when the OS RNG fails.
#[uniffi::export]
pub fn generate_private_key_pem(key_type: String) -> Result<String, FfiError> {
    ffi_guard!({
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
#[derive(Debug, uniffi::Object)]
pub struct PublicKey(pub(crate) core::PublicKey);

#[uniffi::export]
impl PublicKey {
    /// Parses an SPKI (or PKCS#1 RSA) PEM.
    ///
    /// # Errors
    /// `invalid_key`, `unsupported_algorithm`, `input_too_large`.
    #[uniffi::constructor]
    pub fn from_pem(pem: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PublicKey::from_pem(&pem)?))) })
    }

    /// Parses an SPKI DER.
    ///
    /// # Errors
    /// As [`PublicKey::from_pem`].
    #[uniffi::constructor]
    pub fn from_der(der: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PublicKey::from_der(&der)?))) })
    }

    /// Parses a public JWK (JSON text; private members are refused).
    ///
    /// # Errors
    /// As [`PublicKey::from_pem`].
    #[uniffi::constructor]
    pub fn from_jwk(jwk: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PublicKey::from_jwk(&jwk)?))) })
    }

    /// Parses a PEM or a JWK, whichever `text` is.
    ///
    /// # Errors
    /// As [`PublicKey::from_pem`].
    #[uniffi::constructor]
    pub fn from_pem_or_jwk(text: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::PublicKey::from_pem_or_jwk(&text)?))) })
    }

    /// The JWS algorithm of this key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn algorithm(&self) -> Result<String, FfiError> {
        ffi_guard!({ Ok(self.0.algorithm().as_str().to_owned()) })
    }

    /// The RFC 7638 JWK thumbprint (base64url SHA-256).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn thumbprint(&self) -> Result<String, FfiError> {
        ffi_guard!({ Ok(self.0.thumbprint()) })
    }

    /// The public JWK as JSON text, with `kid` when given.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn to_jwk(&self, kid: Option<String>) -> Result<String, FfiError> {
        ffi_guard!({ Ok(self.0.to_jwk(kid.as_deref())) })
    }

    /// Verifies a JWS-format `signature` over `msg`.
    ///
    /// # Errors
    /// `signature_invalid`.
    pub fn verify(&self, msg: Vec<u8>, signature: Vec<u8>) -> Result<(), FfiError> {
        ffi_guard!({ Ok(self.0.verify(&msg, &signature)?) })
    }
}

/// A JWKS `{"keys":[...]}` of the public keys; `kids[i]` names `keys[i]`
/// (missing or `None`: the thumbprint).
///
/// # Errors
/// `invalid_argument` when there are more kids than keys.
#[uniffi::export]
pub fn jwks(keys: Vec<Arc<PublicKey>>, kids: Vec<Option<String>>) -> Result<String, FfiError> {
    ffi_guard!({
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
        Ok(core::jwks(
            keys.iter()
                .map(|k| &k.0)
                .zip(kids.iter().map(String::as_str)),
        )?)
    })
}

/// The key with `kid` from a JWKS (JSON text).
///
/// # Errors
/// `key_not_found`, `malformed_input`, `invalid_key`, `input_too_large`.
#[uniffi::export]
pub fn select_from_jwks(jwks: String, kid: String) -> Result<Arc<PublicKey>, FfiError> {
    ffi_guard!({ Ok(Arc::new(PublicKey(core::select_from_jwks(&jwks, &kid)?))) })
}

/// What a JWT/JWS must satisfy.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JwtValidation {
    /// Allowed algorithms (`RS256`, `ES256`, `ES256K`, `EdDSA`); empty: the key's own.
    #[uniffi(default = [])]
    pub algorithms: Vec<String>,
    /// Required `aud`, if any.
    #[uniffi(default = None)]
    pub audience: Option<String>,
    /// Required `iss`, if any.
    #[uniffi(default = None)]
    pub issuer: Option<String>,
    /// Clock leeway in seconds (default 60, at most 300).
    #[uniffi(default = 60)]
    pub leeway: u64,
    /// Require `exp` (default true).
    #[uniffi(default = true)]
    pub require_exp: bool,
    /// Require `iat` (default false).
    #[uniffi(default = false)]
    pub require_iat: bool,
    /// Longest accepted lifetime in seconds: `exp - iat`, or `exp - now`
    /// without `iat` (default `None`: one day, the core's
    /// `DEFAULT_MAX_LIFETIME_SECS`).
    #[uniffi(default = None)]
    pub max_lifetime_secs: Option<u64>,
    /// Accept any lifetime (default false): an explicit, weaker choice that
    /// excludes `max_lifetime_secs`.
    #[uniffi(default = false)]
    pub allow_unbounded_lifetime: bool,
    /// Accept `alg: Ed25519` as EdDSA (default false).
    #[uniffi(default = false)]
    pub accept_ed25519_alias: bool,
}

impl JwtValidation {
    fn to_core(&self) -> Result<jwt::Validation, FfiError> {
        let algorithms = self
            .algorithms
            .iter()
            .map(|a| a.parse::<Algorithm>())
            .collect::<Result<Vec<_>, _>>()?;
        let mut v = jwt::Validation::default()
            .with_algorithms(algorithms)
            .with_leeway_secs(self.leeway)
            .with_require_exp(self.require_exp)
            .with_require_iat(self.require_iat)
            .with_max_lifetime_secs(lifetime(
                self.max_lifetime_secs,
                self.allow_unbounded_lifetime,
                Some(jwt::DEFAULT_MAX_LIFETIME_SECS),
            )?)
            .with_accept_ed25519_alias(self.accept_ed25519_alias);
        if let Some(aud) = &self.audience {
            v = v.with_audience(aud);
        }
        if let Some(iss) = &self.issuer {
            v = v.with_issuer(iss);
        }
        Ok(v)
    }
}

/// A verified JWT: header and claims as JSON text. Printing hides the claims.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct VerifiedJwt {
    /// The protected header (JSON object).
    pub header_json: String,
    /// The claims (JSON object).
    pub claims_json: String,
}

/// A verified JWS: header as JSON text and the raw payload. Printing hides the payload.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct VerifiedJws {
    /// The protected header (JSON object).
    pub header_json: String,
    /// The payload bytes.
    pub payload: Vec<u8>,
}

/// Verifies a compact JWT with `key`, then its claims at `now` (unix seconds).
///
/// # Errors
/// `malformed_token`, `algorithm_not_allowed`, `unknown_critical_header`,
/// `signature_invalid`, `expired`, `not_yet_valid`, `audience_mismatch`,
/// `issuer_mismatch`, `invalid_argument`.
#[uniffi::export]
pub fn verify_jwt(
    token: String,
    key: Arc<PublicKey>,
    validation: JwtValidation,
    now: u64,
) -> Result<VerifiedJwt, FfiError> {
    ffi_guard!({
        let v = jwt::verify_jwt(&token, &key.0, now, &validation.to_core()?)?;
        Ok(VerifiedJwt {
            header_json: json_text(&v.header.members),
            claims_json: json_text(&v.claims),
        })
    })
}

/// Verifies a compact JWS with `key` (no claim checks; only
/// `algorithms` and `accept_ed25519_alias` of `validation` apply).
///
/// # Errors
/// As [`verify_jwt`], without the claim errors.
#[uniffi::export]
pub fn verify_jws(
    token: String,
    key: Arc<PublicKey>,
    validation: JwtValidation,
) -> Result<VerifiedJws, FfiError> {
    ffi_guard!({
        let v = jwt::verify_jws(&token, &key.0, &validation.to_core()?)?;
        Ok(VerifiedJws {
            header_json: json_text(&v.header.members),
            payload: v.payload,
        })
    })
}
