//! Typed asymmetric keys, each bound to exactly one JWS algorithm:
//! RSA 2048..=4096 bits (RS256), P-256 (ES256), secp256k1 (ES256K) and
//! Ed25519 (EdDSA).
//!
//! - Private keys parse from PEM (`PRIVATE KEY` = PKCS#8, `RSA PRIVATE KEY` =
//!   PKCS#1, `EC PRIVATE KEY` = SEC1 with a named curve or embedded public
//!   key), DER (same three forms) and JWK; public keys from PEM (`PUBLIC KEY`
//!   = SPKI, `RSA PUBLIC KEY` = PKCS#1), DER and JWK. Inputs are limited to
//!   [`MAX_KEY_INPUT_LEN`] bytes. Symmetric (`oct`) JWKs are refused.
//! - [`PublicKey::to_jwk`] exports public members only (plus `kid`, `alg`,
//!   `use: "sig"`); [`PublicKey::thumbprint`] is RFC 7638 (SHA-256);
//!   [`jwks`] builds `{"keys": [...]}` from `(key, kid)` pairs.
//! - Private material is zeroized on drop (the `rsa`, `p256`/`k256` and
//!   `ed25519-dalek` key types zeroize themselves; ring's `RsaKeyPair` and
//!   `EcdsaKeyPair`, kept for the key's life so signing is not rebuilt per call, are
//!   outside our control), `Debug` is redacted, there is no `Display`.
//!
//! # Backend
//! Parsing is RustCrypto (`rsa`, `p256`, `k256`, `pkcs8`/`spki`/`sec1`). With
//! the `ring` feature (default) RS256 and ES256 sign and verify through
//! `ring` (constant-time RSA signing; `ECDSA_P256_SHA256_FIXED`). Without it,
//! RS256 **signing** returns [`Error::UnsupportedAlgorithm`] (the `rsa`
//! crate's private-key operation is not constant-time, RUSTSEC-2023-0071);
//! verification uses `rsa`/`p256`. ES256K and EdDSA are always pure Rust.
//!
//! ```
//! use kycrypt::primitives::keys::{KeyType, PrivateKey};
//! let key = PrivateKey::generate(KeyType::P256).unwrap();
//! assert_eq!(key.algorithm().as_str(), "ES256");
//! let jwk = key.public_key().to_jwk(None);
//! assert!(jwk.contains("\"use\":\"sig\"") && !jwk.contains("\"d\""));
//! ```

mod backend;
mod generate;
mod jwk;
mod parse;

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::primitives::eddsa::ed25519::{Ed25519SigningKey, Ed25519VerifyingKey};
use crate::primitives::jwt::{Algorithm, JwsSigner, JwsVerifier};

pub use generate::KeyType;

/// Largest PEM, DER or JWK key input accepted, in bytes.
pub const MAX_KEY_INPUT_LEN: usize = 16 * 1024;
/// Largest JWKS document accepted, in bytes.
pub const MAX_JWKS_LEN: usize = 256 * 1024;
/// Smallest accepted RSA modulus, in bits.
pub const MIN_RSA_BITS: u32 = 2048;
/// Largest accepted RSA modulus, in bits.
pub const MAX_RSA_BITS: u32 = 4096;

enum Priv {
    Rsa(Box<backend::RsaPriv>),
    P256(Box<backend::P256Priv>),
    K256(k256::SecretKey),
    Ed25519(Ed25519SigningKey),
}

#[derive(Clone, PartialEq, Eq)]
enum Pub {
    Rsa(rsa::RsaPublicKey),
    P256(p256::PublicKey),
    K256(k256::PublicKey),
    Ed25519(Ed25519VerifyingKey),
}

fn public_of(key: &Priv) -> Pub {
    match key {
        Priv::Rsa(k) => Pub::Rsa(k.key.to_public_key()),
        Priv::P256(k) => Pub::P256(k.public),
        Priv::K256(k) => Pub::K256(k.public_key()),
        Priv::Ed25519(k) => Pub::Ed25519(k.verifying_key()),
    }
}

fn alg_of(key: &Pub) -> Algorithm {
    match key {
        Pub::Rsa(_) => Algorithm::Rs256,
        Pub::P256(_) => Algorithm::Es256,
        Pub::K256(_) => Algorithm::Es256k,
        Pub::Ed25519(_) => Algorithm::EdDsa,
    }
}

/// A private signing key bound to one algorithm. Zeroized on drop; `Debug`
/// shows only the algorithm.
pub struct PrivateKey {
    inner: Priv,
}

impl core::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PrivateKey")
            .field("alg", &self.algorithm().as_str())
            .finish_non_exhaustive()
    }
}

/// A public verification key bound to one algorithm.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey {
    inner: Pub,
}

impl core::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PublicKey")
            .field("alg", &self.algorithm().as_str())
            .field("kid", &self.thumbprint())
            .finish()
    }
}

/// Checks a JWK's `alg`, `use` and `key_ops` against the key and the
/// operation (`"sign"` or `"verify"`) it is parsed for.
fn check_jwk_meta(m: &Map<String, Value>, alg: Algorithm, op: &str) -> Result<()> {
    if !allows(m, op) {
        return Err(Error::InvalidKey(
            format!("JWK key_ops does not allow {op}").into(),
        ));
    }
    match m.get("alg") {
        None => {}
        Some(Value::String(a)) if a == alg.as_str() => {}
        Some(_) => {
            return Err(Error::AlgorithmNotAllowed(
                "JWK alg does not match the key type".into(),
            ));
        }
    }
    match m.get("use") {
        None => Ok(()),
        Some(Value::String(u)) if u == "sig" => Ok(()),
        Some(_) => Err(Error::invalid_key("JWK use is not sig")),
    }
}

impl PrivateKey {
    /// Parses a PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC).
    ///
    /// # Errors
    /// [`Error::InputTooLarge`], [`Error::InvalidKey`] (bad PEM/DER, RSA size
    /// outside 2048..=4096, ambiguous SEC1 curve),
    /// [`Error::UnsupportedAlgorithm`] (other algorithms or curves).
    pub fn from_pem(pem: &str) -> Result<Self> {
        parse::private_from_pem(pem).map(|inner| Self { inner })
    }

    /// Parses a DER private key (PKCS#8, else PKCS#1 RSA, else SEC1 EC).
    ///
    /// # Errors
    /// As [`from_pem`](Self::from_pem).
    pub fn from_der(der: &[u8]) -> Result<Self> {
        parse::private_from_der(der).map(|inner| Self { inner })
    }

    /// Parses a private JWK (`RSA` with `n e d p q`, `EC` P-256/secp256k1 with
    /// `d` (+`x y`), `OKP` Ed25519 with `d` (+`x`)). Public members, `alg` and
    /// `use`, when present, must agree with the private key; `key_ops`, when
    /// present, must list `"sign"`.
    ///
    /// # Errors
    /// As [`from_pem`](Self::from_pem), plus [`Error::AlgorithmNotAllowed`]
    /// for `oct` keys or a contradicting `alg`.
    pub fn from_jwk(jwk: &str) -> Result<Self> {
        let m = jwk::parse_object(jwk)?;
        let inner = jwk::private_from_map(&m)?;
        check_jwk_meta(&m, alg_of(&public_of(&inner)), "sign")?;
        Ok(Self { inner })
    }

    /// The one algorithm this key signs with.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        alg_of(&public_of(&self.inner))
    }

    /// The public key.
    #[must_use]
    pub fn public_key(&self) -> PublicKey {
        PublicKey {
            inner: public_of(&self.inner),
        }
    }

    /// Signs `msg` with the key's algorithm (JOSE signature form).
    ///
    /// # Errors
    /// [`Error::UnsupportedAlgorithm`] for RSA without the `ring` feature.
    pub fn sign(&self, msg: &[u8]) -> Result<Vec<u8>> {
        backend::sign(&self.inner, msg)
    }
}

impl PublicKey {
    /// Parses a PEM public key (SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`).
    ///
    /// # Errors
    /// [`Error::InputTooLarge`], [`Error::InvalidKey`],
    /// [`Error::UnsupportedAlgorithm`].
    pub fn from_pem(pem: &str) -> Result<Self> {
        parse::public_from_pem(pem).map(|inner| Self { inner })
    }

    /// Parses a DER public key (SPKI, else PKCS#1 RSA).
    ///
    /// # Errors
    /// As [`from_pem`](Self::from_pem).
    pub fn from_der(der: &[u8]) -> Result<Self> {
        parse::public_from_der(der).map(|inner| Self { inner })
    }

    /// Parses a public JWK (private members are ignored; `alg`/`use` must
    /// agree with the key when present, and `key_ops`, when present, must
    /// list `"verify"`).
    ///
    /// # Errors
    /// As [`from_pem`](Self::from_pem), plus [`Error::AlgorithmNotAllowed`]
    /// for `oct` keys or a contradicting `alg`, [`Error::InvalidKey`] for a
    /// `use` other than `sig` or a `key_ops` without `verify`.
    pub fn from_jwk(jwk: &str) -> Result<Self> {
        let m = jwk::parse_object(jwk)?;
        let inner = jwk::public_from_map(&m)?;
        check_jwk_meta(&m, alg_of(&inner), "verify")?;
        Ok(Self { inner })
    }

    /// Parses a PEM (public or private: the public part is kept) or a JWK.
    ///
    /// # Errors
    /// As the individual parsers.
    pub fn from_pem_or_jwk(text: &str) -> Result<Self> {
        let t = text.trim_start();
        if t.starts_with('{') {
            Self::from_jwk(t)
        } else if t.contains("PRIVATE KEY-----") {
            PrivateKey::from_pem(t).map(|k| k.public_key())
        } else {
            Self::from_pem(t)
        }
    }

    /// The one algorithm this key verifies.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        alg_of(&self.inner)
    }

    /// Verifies a JOSE-form signature over `msg`.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`].
    pub fn verify(&self, msg: &[u8], signature: &[u8]) -> Result<()> {
        backend::verify(&self.inner, msg, signature)
    }

    /// The modulus length in bytes (the RS256 signature length) of an RSA
    /// key; `None` for other key types.
    pub(crate) fn rsa_modulus_len(&self) -> Option<usize> {
        match &self.inner {
            Pub::Rsa(k) => Some(rsa::traits::PublicKeyParts::size(k)),
            _ => None,
        }
    }

    /// RFC 7638 JWK thumbprint (SHA-256 over the required members, base64url).
    #[must_use]
    pub fn thumbprint(&self) -> String {
        jwk::thumbprint(&self.inner)
    }

    /// The public JWK as a JSON object: the required members, then `kid`
    /// (default: the [thumbprint](Self::thumbprint)), `alg` and `use: "sig"`.
    #[must_use]
    pub fn to_jwk_map(&self, kid: Option<&str>) -> Map<String, Value> {
        let mut m = jwk::required_members(&self.inner);
        m.insert(
            "kid".into(),
            kid.map_or_else(|| self.thumbprint(), str::to_owned).into(),
        );
        m.insert("alg".into(), self.algorithm().as_str().into());
        m.insert("use".into(), "sig".into());
        m
    }

    /// The public JWK as compact JSON (see [`to_jwk_map`](Self::to_jwk_map)).
    #[must_use]
    pub fn to_jwk(&self, kid: Option<&str>) -> String {
        Value::Object(self.to_jwk_map(kid)).to_string()
    }
}

impl JwsVerifier for PublicKey {
    fn algorithm(&self) -> Algorithm {
        PublicKey::algorithm(self)
    }
    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<()> {
        self.verify(signing_input, signature)
    }
}

impl JwsSigner for PrivateKey {
    fn algorithm(&self) -> Algorithm {
        PrivateKey::algorithm(self)
    }
    fn sign_bytes(&self, signing_input: &[u8]) -> Result<Vec<u8>> {
        self.sign(signing_input)
    }
}

/// Builds a JWKS `{"keys":[...]}` of public JWKs (see
/// [`PublicKey::to_jwk_map`]), one per `(key, kid)` pair, in order. Pass
/// `&key.thumbprint()` as the kid to name a key by its RFC 7638 thumbprint.
///
/// ```
/// use kycrypt::primitives::keys::{jwks, select_from_jwks, KeyType, PrivateKey};
/// let a = PrivateKey::generate(KeyType::P256)?.public_key();
/// let b = PrivateKey::generate(KeyType::Rsa2048)?.public_key();
/// let set = jwks([(&a, "2026-01"), (&b, b.thumbprint().as_str())])?;
/// assert_eq!(select_from_jwks(&set, "2026-01")?, a);
/// assert_eq!(jwks([(&a, "k"), (&b, "k")]).unwrap_err().code(), "invalid_argument");
/// # Ok::<(), kycrypt::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] for an empty kid or a kid given twice (a
/// verifier could not tell the keys apart: [`select_from_jwks`] refuses
/// such a set).
pub fn jwks<'a>(keys: impl IntoIterator<Item = (&'a PublicKey, &'a str)>) -> Result<String> {
    let mut list: Vec<Value> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, kid) in keys {
        if kid.is_empty() {
            return Err(Error::InvalidArgument("a JWKS kid may not be empty".into()));
        }
        if seen.contains(&kid) {
            return Err(Error::InvalidArgument(
                "a kid names more than one key of the JWKS".into(),
            ));
        }
        seen.push(kid);
        list.push(Value::Object(key.to_jwk_map(Some(kid))));
    }
    let mut m = Map::new();
    m.insert("keys".into(), Value::Array(list));
    Ok(Value::Object(m).to_string())
}

/// A parsed JWKS: the usable verification keys of a `{"keys": [...]}`
/// document, each with its `kid`, validated once. Entries that are not usable
/// verification keys are skipped, as `jose`'s `createLocalJWKSet` does:
/// another `kty`, no `kid`, `use` other than `sig`, a `key_ops` that is present
/// and does not contain `"verify"` (RFC 7517 section 4.3), an `alg` that
/// contradicts the key, RSA outside 2048..=4096, ...
///
/// ```
/// use kycrypt::primitives::keys::{jwks, Jwks, KeyType, PrivateKey};
/// let a = PrivateKey::generate(KeyType::P256)?.public_key();
/// let set = Jwks::from_json(&jwks([(&a, "2026-01")])?)?;
/// assert_eq!(set.get("2026-01")?, &a);
/// assert_eq!(set.get("2025-12").unwrap_err().code(), "key_not_found");
/// # Ok::<(), kycrypt::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jwks {
    keys: Vec<(String, PublicKey)>,
}

impl Jwks {
    /// Parses a JWKS document, keeping its usable verification keys.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] (above [`MAX_JWKS_LEN`]), [`Error::MalformedInput`]
    /// (not `{"keys": [...]}`).
    pub fn from_json(jwks: &str) -> Result<Self> {
        crate::error::check_len("JWKS", jwks.as_bytes(), MAX_JWKS_LEN)?;
        let doc: Value =
            serde_json::from_str(jwks).map_err(|_| Error::malformed("JWKS is not JSON"))?;
        let entries = doc
            .get("keys")
            .and_then(Value::as_array)
            .ok_or(Error::malformed("JWKS has no keys array"))?;
        let keys = entries
            .iter()
            .filter_map(|entry| {
                let m = entry.as_object()?;
                let kid = m.get("kid").and_then(Value::as_str)?;
                let inner = jwk::public_from_map(m).ok()?;
                check_jwk_meta(m, alg_of(&inner), "verify").ok()?;
                Some((kid.to_owned(), PublicKey { inner }))
            })
            .collect();
        Ok(Self { keys })
    }

    /// The key named `kid`.
    ///
    /// # Errors
    /// [`Error::KeyNotFound`] (no usable key with that `kid`),
    /// [`Error::InvalidKey`] when more than one usable key has that `kid` (the
    /// set is ambiguous: which key a token names must never depend on the
    /// order of the set).
    pub fn get(&self, kid: &str) -> Result<&PublicKey> {
        let mut found = self
            .keys
            .iter()
            .filter(|(k, _)| k == kid)
            .map(|(_, key)| key);
        let key = found
            .next()
            .ok_or_else(|| Error::KeyNotFound("no usable JWKS key with that kid".into()))?;
        if found.next().is_some() {
            return Err(Error::invalid_key(
                "the JWKS holds more than one usable key with that kid",
            ));
        }
        Ok(key)
    }

    /// The usable keys with their `kid`s, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &PublicKey)> {
        self.keys.iter().map(|(kid, key)| (kid.as_str(), key))
    }

    /// How many usable keys the set holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the set holds no usable key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Selects the key named `kid` from a JWKS document:
/// `Jwks::from_json(jwks)?.get(kid)`, for a set used once. Parse a set you
/// use again with [`Jwks::from_json`].
///
/// # Errors
/// As [`Jwks::from_json`] and [`Jwks::get`].
///
/// ```
/// use kycrypt::primitives::keys::{select_from_jwks, KeyType, PrivateKey};
/// let a = PrivateKey::generate(KeyType::P256)?.public_key();
/// let b = PrivateKey::generate(KeyType::P256)?.public_key();
/// let one = format!(r#"{{"keys":[{}]}}"#, a.to_jwk(Some("k1")));
/// assert_eq!(select_from_jwks(&one, "k1")?, a);
/// let two = format!(r#"{{"keys":[{},{}]}}"#, a.to_jwk(Some("k1")), b.to_jwk(Some("k1")));
/// assert_eq!(select_from_jwks(&two, "k1").unwrap_err().code(), "invalid_key");
/// # Ok::<(), kycrypt::Error>(())
/// ```
pub fn select_from_jwks(jwks: &str, kid: &str) -> Result<PublicKey> {
    Jwks::from_json(jwks)?.get(kid).cloned()
}

/// RFC 7517 section 4.3: a `key_ops` member, when present, must be an
/// array of strings that lists `op`.
fn allows(m: &Map<String, Value>, op: &str) -> bool {
    match m.get("key_ops") {
        None => true,
        Some(Value::Array(ops)) => ops.iter().all(Value::is_string) && ops.iter().any(|o| o == op),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests;
