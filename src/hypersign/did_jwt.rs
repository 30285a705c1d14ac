//! DID-JWTs as Hypersign issues them (`POST /api/v1/did/auth/issue-jwt`):
//! EdDSA (Ed25519) compact JWS whose `iss` is a DID, checked against the
//! issuer's DID document. Stricter than the `did-jwt` library, per RFC 8725:
//!
//! 1. `alg` must be `EdDSA` (or the `Ed25519` alias, on by default); `none`,
//!    unknown `crit` and `b64: false` are refused (the JWS layer is
//!    [`crate::primitives::jwt`]).
//! 2. The document is the one the caller resolved (`did:hid`), or derived
//!    offline for `did:key`; its `id` must equal `iss` and it must not be
//!    deactivated.
//! 3. A header `kid` must be a DID URL of `iss` naming a method of the document.
//! 4. The method must be listed for the wanted purpose (`authentication` by default).
//! 5. `exp` is required, `aud` must contain the configured audience, `nbf`/`iat`
//!    must not lie in the future; skew [`DEFAULT_LEEWAY_SECS`] (max
//!    [`MAX_LEEWAY_SECS`](crate::primitives::jwt::MAX_LEEWAY_SECS)).
//!    Time claims may carry fractions (RFC 7519 NumericDate).
//! 6. The lifetime is bounded by Hypersign's own cap, [`MAX_TTL_SECS`] (one day):
//!    `exp - iat` above it is refused, and so is a token without `iat` whose
//!    `exp` lies more than a day ahead ([`DidJwtValidation::max_lifetime_secs`]).
//!
//! Signing and verifying take the same shape as the other token profiles:
//! `sign_did_jwt(&DidJwtClaims, &key, now, &DidJwtSignOptions)` and
//! `verify_did_jwt(token, document, now, &DidJwtValidation)`, the issuer's
//! DID document being the key.
//!
//! ```
//! use kycrypt::hypersign::did_jwt::{verify_did_jwt, DidJwtValidation};
//! let token = "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2lUQnoxeW11ZXBBUTRIRUhZU0YxSDhxdUc1R0xWVlFSM2RqZFgzbURvb1dwI3o2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiYXVkIjoiZGlkOndlYjp2ZXJpZmllci5leGFtcGxlIiwic3ViIjoidXNlci0xMjMiLCJpc3MiOiJkaWQ6a2V5Ono2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.4Co4RkDQsFrEm3ksbJXZGW5jH5HcB_Llqb_8T4uE0UW-Sc756hYkxPXF7_3PMIA4ttgYkQRoHdK69JVqmIOwBw";
//! let v = verify_did_jwt(token, None, 1_700_000_100, &DidJwtValidation::new("did:web:verifier.example"))?;
//! assert_eq!(v.issuer, "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
//! assert!(v.signer.ends_with("#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"));
//! # Ok::<(), kycrypt::Error>(())
//! ```

mod sign;

use serde_json::{Map, Value};

pub use sign::{
    DEFAULT_TTL_SECS, DidJwtClaims, DidJwtSignOptions, MAX_TTL_SECS, MIN_TTL_SECS, sign_did_jwt,
};

use super::did::{
    DidDocument, DidMethod, VerificationPurpose, derive_did_hid_document_unsafe, parse_did,
    resolve_did_key,
};
use crate::error::{Error, Result};
use crate::primitives::eddsa::ed25519::Ed25519VerifyingKey;
use crate::primitives::jwt::{Algorithm, DEFAULT_LEEWAY_SECS, Header, UnverifiedJws, Validation};

/// What a DID-JWT must satisfy. Build it with [`DidJwtValidation::new`]
/// (the audience is required) and change what differs with the `with_*`
/// setters; [`verify_did_jwt`] calls [`validate`](Self::validate) first.
///
/// ```
/// use kycrypt::hypersign::did::VerificationPurpose;
/// use kycrypt::hypersign::did_jwt::DidJwtValidation;
/// let v = DidJwtValidation::new("did:web:verifier.example")
///     .with_purpose(VerificationPurpose::AssertionMethod)
///     .with_leeway_secs(30);
/// assert!(v.validate().is_ok());
/// assert!(DidJwtValidation::default().validate().is_err()); // no audience
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DidJwtValidation {
    /// The audience this verifier is (required; `aud` must equal it or, as an
    /// array, contain it). Empty is [`Error::InvalidArgument`].
    pub audience: String,
    /// The verification relationship the signing method must be listed under
    /// (default `authentication`).
    pub purpose: VerificationPurpose,
    /// Clock skew in seconds for `exp`/`nbf`/`iat` (default
    /// [`DEFAULT_LEEWAY_SECS`], at most [`MAX_LEEWAY_SECS`](crate::primitives::jwt::MAX_LEEWAY_SECS)).
    pub leeway_secs: u64,
    /// Longest accepted lifetime in seconds (default `Some(`[`MAX_TTL_SECS`]`)`,
    /// Hypersign's cap of one day; `None` accepts any lifetime, an explicit
    /// weaker choice; `Some(0)` is [`Error::InvalidArgument`]). See
    /// [`Validation::max_lifetime_secs`].
    pub max_lifetime_secs: Option<u64>,
    /// Accept header `alg: "Ed25519"` as `EdDSA` (the did-jwt spelling; default true).
    pub accept_ed25519_alias: bool,
    /// **Unsafe for rotated keys.** With no document, derive a `did:hid`
    /// key from its msi (see [`derive_did_hid_document_unsafe`]). Default false.
    pub allow_hid_msi_key: bool,
}

impl Default for DidJwtValidation {
    /// As [`DidJwtValidation::new`] with an empty audience, which
    /// [`validate`](DidJwtValidation::validate) refuses: set one with
    /// [`with_audience`](DidJwtValidation::with_audience).
    fn default() -> Self {
        Self::new("")
    }
}

impl DidJwtValidation {
    /// Defaults for `audience`: `authentication`, leeway
    /// [`DEFAULT_LEEWAY_SECS`], lifetime at most [`MAX_TTL_SECS`], `Ed25519`
    /// alias accepted, no `did:hid` key derivation.
    #[must_use]
    pub fn new(audience: impl Into<String>) -> Self {
        Self {
            audience: audience.into(),
            purpose: VerificationPurpose::Authentication,
            leeway_secs: DEFAULT_LEEWAY_SECS,
            max_lifetime_secs: Some(MAX_TTL_SECS),
            accept_ed25519_alias: true,
            allow_hid_msi_key: false,
        }
    }

    /// Sets [`audience`](Self::audience).
    #[must_use]
    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = audience.into();
        self
    }

    /// Checks the values: an audience is set, `leeway_secs` is at most
    /// [`MAX_LEEWAY_SECS`](crate::primitives::jwt::MAX_LEEWAY_SECS), `max_lifetime_secs` is not `Some(0)`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a value out of range.
    pub fn validate(&self) -> Result<()> {
        if self.audience.is_empty() {
            return Err(Error::InvalidArgument(
                "an audience is required for DID-JWTs".into(),
            ));
        }
        self.jwt_validation().validate()
    }

    fn jwt_validation(&self) -> Validation {
        Validation {
            algorithms: vec![Algorithm::EdDsa],
            audience: Some(self.audience.clone()),
            issuer: None,
            leeway_secs: self.leeway_secs,
            require_exp: true,
            max_lifetime_secs: self.max_lifetime_secs,
            accept_ed25519_alias: self.accept_ed25519_alias,
            ..Validation::default()
        }
    }
}

setters!(DidJwtValidation {
    with_purpose(purpose: VerificationPurpose);
    with_leeway_secs(leeway_secs: u64);
    with_max_lifetime_secs(max_lifetime_secs: Option<u64>);
    with_accept_ed25519_alias(accept_ed25519_alias: bool);
    /// Unsafe for rotated keys.
    with_allow_hid_msi_key(allow_hid_msi_key: bool);
});

/// A DID-JWT whose signature, issuer document and claims checked out.
/// `Debug` hides the claims (personal data); the field keeps its value.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct VerifiedDidJwt {
    /// `iss`: the issuer DID.
    pub issuer: String,
    /// The id of the verification method whose key verified the signature.
    pub signer: String,
    /// The protected header.
    pub header: Header,
    /// The claims (all members, token order).
    pub claims: Map<String, Value>,
}

impl core::fmt::Debug for VerifiedDidJwt {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VerifiedDidJwt")
            .field("issuer", &self.issuer)
            .field("signer", &self.signer)
            .field("header", &self.header)
            .field("claims", &crate::error::Redacted)
            .finish()
    }
}

/// Verifies a DID-JWT at `now` (unix seconds).
///
/// `document` is the issuer's resolved DID document ([`DidDocument::from_json`]).
/// With `None`, a `did:key` issuer is resolved offline; a `did:hid` issuer
/// is [`Error::KeyNotFound`] unless [`DidJwtValidation::allow_hid_msi_key`].
/// Without a `kid`, every Ed25519 method listed for the purpose is tried.
///
/// # Errors
/// [`Error::InvalidArgument`] (see [`DidJwtValidation::validate`]);
/// [`Error::InputTooLarge`] above [`MAX_TOKEN_LEN`](crate::primitives::jwt::MAX_TOKEN_LEN); [`Error::MalformedToken`]
/// (structure, base64url, JSON, missing `iss`/`exp`, bad claim types);
/// [`Error::MissingHeader`]; [`Error::UnknownCriticalHeader`] (`crit`,
/// `b64: false`); [`Error::AlgorithmNotAllowed`] (`none`, any alg but EdDSA);
/// [`Error::UnsupportedAlgorithm`]; the DID and document errors
/// ([`Error::IssuerMismatch`], [`Error::DidDeactivated`], [`Error::KeyNotFound`],
/// [`Error::MalformedInput`], [`Error::InvalidKey`]); [`Error::SignatureInvalid`];
/// then [`Error::Expired`], [`Error::NotYetValid`], [`Error::MalformedToken`]
/// (lifetime above the bound), [`Error::AudienceMismatch`].
pub fn verify_did_jwt(
    token: &str,
    document: Option<&DidDocument>,
    now: u64,
    validation: &DidJwtValidation,
) -> Result<VerifiedDidJwt> {
    validation.validate()?;
    let jwt_validation = validation.jwt_validation();
    let unverified = UnverifiedJws::parse(token)?;
    check_alg(&unverified.header().alg, validation.accept_ed25519_alias)?;
    let claims = unverified.claims_unverified()?;
    let issuer = match claims.get("iss") {
        Some(Value::String(iss)) => iss.clone(),
        Some(_) => return Err(Error::MalformedToken("iss must be a string".into())),
        None => return Err(Error::MalformedToken("the iss claim is required".into())),
    };
    let derived;
    let document = match document {
        Some(doc) => doc,
        None => {
            derived = offline_document(&issuer, validation.allow_hid_msi_key)?;
            &derived
        }
    };
    let kid = unverified.header().kid.clone();
    let methods = document.methods_for(&issuer, kid.as_deref(), validation.purpose)?;
    for method in methods {
        let Some(raw) = method.ed25519_public_key else {
            continue;
        };
        let key = Ed25519VerifyingKey::from_bytes(&raw)?;
        match unverified.clone().verify(&key, &jwt_validation) {
            Ok(verified) => {
                jwt_validation.check_claims(&claims, now)?;
                let signer = method.id.clone();
                return Ok(VerifiedDidJwt {
                    issuer,
                    signer,
                    header: verified.header,
                    claims,
                });
            }
            Err(Error::SignatureInvalid) => {}
            Err(e) => return Err(e),
        }
    }
    Err(Error::SignatureInvalid)
}

/// Refuses every header `alg` but `EdDSA` (and the `Ed25519` alias) before
/// the DID is resolved.
fn check_alg(alg: &str, alias: bool) -> Result<()> {
    if alg == "EdDSA" || (alias && alg == "Ed25519") {
        return Ok(());
    }
    match Algorithm::from_header(alg) {
        Ok(_) => Err(Error::AlgorithmNotAllowed(
            "DID-JWTs are verified with EdDSA only".into(),
        )),
        Err(e) => Err(e),
    }
}

/// The document of an issuer when the caller supplied none.
fn offline_document(issuer: &str, allow_hid_msi_key: bool) -> Result<DidDocument> {
    match parse_did(issuer)?.method {
        DidMethod::Key => resolve_did_key(issuer),
        DidMethod::Hid if allow_hid_msi_key => derive_did_hid_document_unsafe(issuer),
        _ => Err(Error::KeyNotFound(
            "a resolved DID document is required for this issuer".into(),
        )),
    }
}

#[cfg(test)]
mod tests;
