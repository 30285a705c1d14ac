//! JWS compact serialization (RFC 7515) and JWT claim checks (RFC 7519), with
//! the algorithm **pinned to the key** (RFC 8725 section 3.1).
//!
//! A key knows its one algorithm ([`JwsVerifier::algorithm`]); the header's
//! `alg` must name exactly that algorithm and be in the caller's allow-list,
//! so `none`, HS256-with-an-RSA-public-key and other algorithm confusions are
//! [`Error::AlgorithmNotAllowed`] before any cryptography runs.
//!
//! Parsing is strict:
//! - at most [`MAX_TOKEN_LEN`] bytes ([`Error::InputTooLarge`]);
//! - exactly three parts, each unpadded base64url with canonical trailing bits
//!   ([`Error::MalformedToken`]);
//! - the header is a JSON object with unique members and a string `alg`
//!   ([`Error::MissingHeader`] when absent);
//! - any `crit` member, and `b64: false` (RFC 7797), are
//!   [`Error::UnknownCriticalHeader`]: this implementation understands no
//!   extension;
//! - ES256/ES256K/EdDSA signatures must be exactly 64 bytes (`r||s`, JOSE
//!   form); a DER-encoded ECDSA signature is [`Error::SignatureInvalid`].
//!
//! [`verify_jws`] returns the raw payload (RFC 8037 A.4's payload is not
//! JSON); [`verify_jwt`] also parses the claims and checks them with a
//! [`Validation`] at an explicit `now`. Errors never contain claim values.
//!
//! ```
//! use kycrypt::primitives::eddsa::ed25519::Ed25519VerifyingKey;
//! use kycrypt::primitives::jwt::{verify_jws, Validation};
//! // RFC 8037 appendix A.4.
//! let x = kycrypt::encoding::b64url_decode("x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo").unwrap();
//! let key = Ed25519VerifyingKey::from_bytes(&x).unwrap();
//! let token = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
//! let jws = verify_jws(token, &key, &Validation::default()).unwrap();
//! assert_eq!(jws.payload, b"Example of Ed25519 signing");
//! ```
//!
//! Keys: [`Ed25519VerifyingKey`] and [`Ed25519SigningKey`] (EdDSA), and
//! [`keys::PublicKey`](crate::primitives::keys::PublicKey) and
//! [`keys::PrivateKey`](crate::primitives::keys::PrivateKey) (RS256, ES256,
//! ES256K, EdDSA) implement [`JwsVerifier`] and [`JwsSigner`].
//!
//! [`verify_jwt`] checks in this order, so the first failure decides the
//! error: the validation's ranges ([`Validation::validate`]); the token size; the three parts and their
//! base64url; the header (a JSON object, no `crit`, no `b64: false`, `alg`
//! present); `alg` against the key and the allow-list; the signature length;
//! the signature; the claims (a JSON object); then the claims themselves in
//! the order of [`Validation::check_claims`] (date formats, `exp`, a required
//! `iat`, `nbf`/`iat`, the lifetime bound, `aud`, `iss`).
//!
//! To pick the key from the token (a `kid`, or an `iss` naming a DID), parse
//! first, read the unverified header or claims, then verify with the chosen
//! key; nothing read before [`UnverifiedJws::verify`] is trusted:
//!
//! ```
//! use kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey;
//! use kycrypt::primitives::jwt::{sign_jwt, verify_jwt, UnverifiedJws, Validation};
//! use serde_json::{json, Map, Value};
//! let signer = Ed25519SigningKey::from_seed(&[7; 32]).unwrap();
//! let header: Map<String, Value> = json!({"kid": "k1"}).as_object().unwrap().clone();
//! let claims = json!({"sub": "user-1", "iat": 1_700_000_000, "exp": 1_700_000_300});
//! let token = sign_jwt(claims.as_object().unwrap(), &header, &signer).unwrap();
//!
//! let kid = UnverifiedJws::parse(&token).unwrap().header().kid.clone();
//! assert_eq!(kid.as_deref(), Some("k1")); // look the key up by kid
//! let key = signer.verifying_key();
//! let jwt = verify_jwt(&token, &key, 1_700_000_100, &Validation::default()).unwrap();
//! assert_eq!(jwt.claims["sub"], "user-1");
//! ```

mod claims;
mod json;

use serde_json::{Map, Value};

pub use claims::{
    DEFAULT_LEEWAY_SECS, DEFAULT_MAX_LIFETIME_SECS, MAX_LEEWAY_SECS, MAX_NUMERIC_DATE, Validation,
};

use crate::encoding::{b64url_decode, b64url_encode};
use crate::error::{Error, Result};
use crate::primitives::eddsa::ed25519::{Ed25519SigningKey, Ed25519VerifyingKey};

/// Largest compact token accepted, in bytes (16 KiB).
pub const MAX_TOKEN_LEN: usize = 16 * 1024;

str_enum! {
    /// The JWS algorithms kycrypt signs and verifies (RFC 7518 section 3.1,
    /// RFC 8812 for ES256K, RFC 8037 for EdDSA), spelled as in JOSE
    /// (case-sensitive, as RFC 7515 requires). HMAC algorithms are
    /// deliberately absent: an asymmetric key can never be used as an HMAC
    /// secret.
    ///
    /// `FromStr` is for allow-lists a caller writes: any other name is
    /// [`Error::InvalidArgument`]. A token's header `alg` is classified more
    /// finely by the verifiers (`none`, HMAC and the other refused names are
    /// [`Error::AlgorithmNotAllowed`], unknown names
    /// [`Error::UnsupportedAlgorithm`]).
    ///
    /// ```
    /// use kycrypt::primitives::jwt::Algorithm;
    /// assert_eq!("ES256K".parse::<Algorithm>()?, Algorithm::Es256k);
    /// assert_eq!(Algorithm::EdDsa.as_str(), "EdDSA");
    /// assert!("es256".parse::<Algorithm>().is_err());
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Algorithm {
        /// RSASSA-PKCS1-v1_5 with SHA-256.
        Rs256 = "RS256",
        /// ECDSA P-256 with SHA-256, signature `r||s` (64 bytes).
        Es256 = "ES256",
        /// ECDSA secp256k1 with SHA-256, signature `r||s` (64 bytes).
        Es256k = "ES256K",
        /// EdDSA; kycrypt signs and verifies Ed25519 only.
        EdDsa = "EdDSA",
    }
    unknown => Error::InvalidArgument(
        "JWS algorithm must be RS256, ES256, ES256K or EdDSA".into(),
    );
}

impl Algorithm {
    /// Fixed signature length for the ECDSA/EdDSA algorithms (`None` for RSA).
    #[must_use]
    pub const fn fixed_signature_len(self) -> Option<usize> {
        match self {
            Self::Rs256 => None,
            Self::Es256 | Self::Es256k | Self::EdDsa => Some(64),
        }
    }

    /// Reads a token header's `alg`: the supported names, else
    /// [`Error::AlgorithmNotAllowed`] for `none` and the HMAC/PS/other
    /// algorithms kycrypt refuses, [`Error::UnsupportedAlgorithm`] for names
    /// it does not know.
    pub(crate) fn from_header(name: &str) -> Result<Self> {
        if let Ok(alg) = name.parse() {
            return Ok(alg);
        }
        match name {
            "none" | "HS256" | "HS384" | "HS512" | "RS384" | "RS512" | "PS256" | "PS384"
            | "PS512" | "ES384" | "ES512" | "Ed25519" | "Ed448" => Err(Error::AlgorithmNotAllowed(
                format!("{name} is not accepted").into(),
            )),
            _ => Err(Error::UnsupportedAlgorithm("unknown JWS alg".into())),
        }
    }
}

/// A public key that verifies JWS signatures for exactly one algorithm.
pub trait JwsVerifier {
    /// The one algorithm this key verifies.
    fn algorithm(&self) -> Algorithm;
    /// Verifies `signature` (JOSE form) over `signing_input`
    /// (`BASE64URL(header) "." BASE64URL(payload)`).
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`] (opaque) on any failure.
    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<()>;
}

/// A private key that produces JWS signatures for exactly one algorithm.
pub trait JwsSigner {
    /// The one algorithm this key signs with.
    fn algorithm(&self) -> Algorithm;
    /// Signs `signing_input`, returning the JOSE-form signature.
    ///
    /// # Errors
    /// [`Error::UnsupportedAlgorithm`] when this build cannot sign with the
    /// key safely (RSA without the `ring` feature).
    fn sign_bytes(&self, signing_input: &[u8]) -> Result<Vec<u8>>;
}

impl JwsVerifier for Ed25519VerifyingKey {
    fn algorithm(&self) -> Algorithm {
        Algorithm::EdDsa
    }
    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<()> {
        self.verify(signing_input, signature)
    }
}

impl JwsSigner for Ed25519SigningKey {
    fn algorithm(&self) -> Algorithm {
        Algorithm::EdDsa
    }
    fn sign_bytes(&self, signing_input: &[u8]) -> Result<Vec<u8>> {
        Ok(self.sign(signing_input).to_vec())
    }
}

/// A decoded JOSE header.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Header {
    /// The `alg` member as written.
    pub alg: String,
    /// The `kid` member, when present and a string.
    pub kid: Option<String>,
    /// The `typ` member, when present and a string.
    pub typ: Option<String>,
    /// Every member, in token order (including the three above).
    pub members: Map<String, Value>,
}

/// A compact JWS split and decoded, **signature not yet checked**. Use it to
/// read the header (`kid`) and, for key discovery only, the unverified
/// payload (`iss`); then call [`UnverifiedJws::verify`].
#[derive(Debug, Clone)]
pub struct UnverifiedJws {
    header: Header,
    payload: Vec<u8>,
    signing_input_len: usize,
    token: String,
    signature: Vec<u8>,
}

/// A JWS whose signature verified. `Debug` hides the payload (it may carry
/// personal data); the field keeps its value.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct VerifiedJws {
    /// The protected header.
    pub header: Header,
    /// The raw payload bytes.
    pub payload: Vec<u8>,
}

impl core::fmt::Debug for VerifiedJws {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VerifiedJws")
            .field("header", &self.header)
            .field("payload", &crate::error::Redacted)
            .finish()
    }
}

/// A JWT whose signature and claims verified. `Debug` hides the claims
/// (KYC claims are personal data); the field keeps its value.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct VerifiedJwt {
    /// The protected header.
    pub header: Header,
    /// The claims set.
    pub claims: Map<String, Value>,
}

impl core::fmt::Debug for VerifiedJwt {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VerifiedJwt")
            .field("header", &self.header)
            .field("claims", &crate::error::Redacted)
            .finish()
    }
}

impl UnverifiedJws {
    /// Splits and decodes a compact JWS (strict; see the module docs). Header
    /// policy (`crit`, `b64`, `alg` present) is checked here; the algorithm
    /// and the signature are checked by [`verify`](Self::verify).
    ///
    /// # Errors
    /// [`Error::InputTooLarge`], [`Error::MalformedToken`],
    /// [`Error::MissingHeader`], [`Error::UnknownCriticalHeader`].
    pub fn parse(token: &str) -> Result<Self> {
        crate::error::check_len("token", token.as_bytes(), MAX_TOKEN_LEN)?;
        let mut parts = token.split('.');
        let (Some(h64), Some(p64), Some(s64), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(Error::MalformedToken(
                "a compact JWS has exactly three parts".into(),
            ));
        };
        let header_bytes = decode_part("header", h64)?;
        let payload = decode_part("payload", p64)?;
        let signature = decode_part("signature", s64)?;
        let header = parse_header(&header_bytes)?;
        Ok(Self {
            header,
            payload,
            signing_input_len: h64.len() + 1 + p64.len(),
            token: token.to_owned(),
            signature,
        })
    }

    /// The decoded header.
    #[must_use]
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The payload, **unverified**.
    #[must_use]
    pub fn payload_unverified(&self) -> &[u8] {
        &self.payload
    }

    /// The payload as a JSON object, **unverified** (for key discovery only).
    ///
    /// # Errors
    /// [`Error::MalformedToken`] when the payload is not a JSON object with
    /// unique members.
    pub fn claims_unverified(&self) -> Result<Map<String, Value>> {
        json::parse_object(&self.payload)
            .ok_or_else(|| Error::MalformedToken("claims are not a JSON object".into()))
    }

    /// The JWS signing input (`header "." payload`, ASCII).
    #[must_use]
    pub fn signing_input(&self) -> &[u8] {
        self.token
            .as_bytes()
            .get(..self.signing_input_len)
            .unwrap_or_default()
    }

    /// The decoded signature bytes.
    #[must_use]
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// Checks the header `alg` against the key (pinned) and
    /// `validation.algorithms`, then the signature. Only the algorithm
    /// members of `validation` are used here (the whole `validation` is
    /// [validated](Validation::validate) first).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (an invalid `validation`),
    /// [`Error::AlgorithmNotAllowed`], [`Error::UnsupportedAlgorithm`],
    /// [`Error::SignatureInvalid`].
    pub fn verify(self, key: &dyn JwsVerifier, validation: &Validation) -> Result<VerifiedJws> {
        validation.validate()?;
        let alg = check_alg(&self.header.alg, key.algorithm(), validation)?;
        if alg
            .fixed_signature_len()
            .is_some_and(|n| n != self.signature.len())
        {
            return Err(Error::SignatureInvalid);
        }
        key.verify_signature(self.signing_input(), &self.signature)?;
        Ok(VerifiedJws {
            header: self.header,
            payload: self.payload,
        })
    }
}

/// Strict base64url (no padding, canonical trailing bits) of one token part.
fn decode_part(what: &'static str, part: &str) -> Result<Vec<u8>> {
    b64url_decode(what, part)
        .map_err(|_| Error::MalformedToken(format!("{what} is not base64url").into()))
}

/// Resolves the header `alg` to the key's algorithm, or refuses it.
fn check_alg(name: &str, key_alg: Algorithm, validation: &Validation) -> Result<Algorithm> {
    let alg = if name == "Ed25519" && validation.accept_ed25519_alias {
        Algorithm::EdDsa
    } else {
        Algorithm::from_header(name)?
    };
    if alg != key_alg {
        return Err(Error::AlgorithmNotAllowed(
            format!("{} does not match the key's {}", alg, key_alg).into(),
        ));
    }
    if !validation.algorithms.is_empty() && !validation.algorithms.contains(&alg) {
        return Err(Error::AlgorithmNotAllowed(
            format!("{alg} is not in the allow-list").into(),
        ));
    }
    Ok(alg)
}

/// Parses and polices the protected header.
fn parse_header(bytes: &[u8]) -> Result<Header> {
    let members = json::parse_object(bytes)
        .ok_or_else(|| Error::MalformedToken("header is not a JSON object".into()))?;
    if members.contains_key("crit") {
        return Err(Error::UnknownCriticalHeader(
            "crit lists extensions this verifier does not understand".into(),
        ));
    }
    match members.get("b64") {
        None | Some(Value::Bool(true)) => {}
        Some(Value::Bool(false)) => {
            return Err(Error::UnknownCriticalHeader(
                "b64: false is not supported".into(),
            ));
        }
        Some(_) => return Err(Error::MalformedToken("b64 must be a boolean".into())),
    }
    let alg = match members.get("alg") {
        Some(Value::String(a)) => a.clone(),
        Some(_) => return Err(Error::MalformedToken("alg must be a string".into())),
        None => return Err(Error::MissingHeader("alg".into())),
    };
    let string = |k: &str| -> Result<Option<String>> {
        match members.get(k) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(Error::MalformedToken(
                format!("{k} must be a string").into(),
            )),
        }
    };
    let (kid, typ) = (string("kid")?, string("typ")?);
    Ok(Header {
        alg,
        kid,
        typ,
        members,
    })
}

/// Verifies a compact JWS and returns its raw payload (no claim checks).
/// Only `validation.algorithms` and `validation.accept_ed25519_alias` are
/// used (the whole `validation` is [validated](Validation::validate) first).
///
/// # Errors
/// [`Error::InvalidArgument`] for an invalid `validation`, then as
/// [`UnverifiedJws::parse`] and [`UnverifiedJws::verify`].
pub fn verify_jws(
    token: &str,
    key: &dyn JwsVerifier,
    validation: &Validation,
) -> Result<VerifiedJws> {
    validation.validate()?;
    UnverifiedJws::parse(token)?.verify(key, validation)
}

/// Verifies a compact JWT: header policy, pinned algorithm, signature, then
/// the claims (a JSON object with unique members) against `validation` at
/// `now` (unix seconds).
///
/// # Errors
/// [`Error::InvalidArgument`] for an invalid `validation`, then as
/// [`verify_jws`], then [`Error::MalformedToken`] for non-object claims,
/// then as [`Validation::check_claims`].
pub fn verify_jwt(
    token: &str,
    key: &dyn JwsVerifier,
    now: u64,
    validation: &Validation,
) -> Result<VerifiedJwt> {
    validation.validate()?;
    let jws = verify_jws(token, key, validation)?;
    let claims = json::parse_object(&jws.payload)
        .ok_or_else(|| Error::MalformedToken("claims are not a JSON object".into()))?;
    validation.check_claims(&claims, now)?;
    Ok(VerifiedJwt {
        header: jws.header,
        claims,
    })
}

/// Signs `payload` as a compact JWS with `key`. The header is
/// `{"alg": <key's alg>}` followed by the members of `header` in order (an
/// `alg` member there must equal the key's algorithm; `crit` and `b64` are
/// refused).
///
/// # Errors
/// [`Error::AlgorithmNotAllowed`] (conflicting `alg`),
/// [`Error::UnknownCriticalHeader`] (`crit`/`b64`), [`Error::InputTooLarge`]
/// (the token would exceed [`MAX_TOKEN_LEN`]), or the signer's error.
pub fn sign_jws(
    payload: &[u8],
    header: &Map<String, Value>,
    key: &dyn JwsSigner,
) -> Result<String> {
    let alg = key.algorithm();
    let mut full = Map::new();
    full.insert("alg".into(), Value::String(alg.as_str().into()));
    for (k, v) in header {
        match k.as_str() {
            "alg" if v.as_str() == Some(alg.as_str()) => {}
            "alg" => {
                return Err(Error::AlgorithmNotAllowed(
                    "header alg differs from the key's algorithm".into(),
                ));
            }
            "crit" | "b64" => {
                return Err(Error::UnknownCriticalHeader(
                    format!("{k} is not supported").into(),
                ));
            }
            _ => {
                full.insert(k.clone(), v.clone());
            }
        }
    }
    let header_json = serde_json::to_vec(&Value::Object(full))
        .map_err(|_| Error::Internal("header encoding".into()))?;
    let mut token = b64url_encode(&header_json);
    token.push('.');
    token.push_str(&b64url_encode(payload));
    crate::error::check_len("token", token.as_bytes(), MAX_TOKEN_LEN)?;
    let sig = key.sign_bytes(token.as_bytes())?;
    token.push('.');
    token.push_str(&b64url_encode(&sig));
    crate::error::check_len("token", token.as_bytes(), MAX_TOKEN_LEN)?;
    Ok(token)
}

/// Signs a claims set as a compact JWT with `key` (compact JSON, members in
/// map order; the header as in [`sign_jws`]).
///
/// # Errors
/// As [`sign_jws`].
pub fn sign_jwt(
    claims: &Map<String, Value>,
    header: &Map<String, Value>,
    key: &dyn JwsSigner,
) -> Result<String> {
    let payload =
        serde_json::to_vec(claims).map_err(|_| Error::Internal("claims encoding".into()))?;
    sign_jws(&payload, header, key)
}

#[cfg(test)]
mod tests;
