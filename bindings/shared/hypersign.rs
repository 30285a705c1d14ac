//! Hypersign: DIDs (`did:key`, `did:hid`), DID documents and DID-JWTs (the core's
//! `kycrypt::hypersign`).

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::hypersign::did as core;
use kycrypt::hypersign::did_jwt as core_jwt;

use crate::api::common::{invalid_argument, opt_secs, secs};
use crate::api::eddsa::Ed25519SigningKey;
use crate::api::macros::{bind_enum, bind_methods};
use crate::api::redact::{napi_printing, redacted_fmt};
use crate::shim::{BytesIn, BytesOut, Error, Secs, guard};

bind_enum! {
    /// A DID method (JS: `'key' | 'hid'`).
    pub enum DidMethod: core::DidMethod {
        /// `did:key` (the key is the identifier; resolved offline).
        Key = "key",
        /// `did:hid` (Hypersign Identity Network; needs a resolved document).
        Hid = "hid",
    }
}

bind_enum! {
    /// The verification relationship a DID-JWT's signing method must be listed under
    /// (JS: `'authentication' | 'assertionMethod'`).
    pub enum VerificationPurpose: core::VerificationPurpose {
        /// DID-JWT login tokens (the core's default).
        Authentication = "authentication",
        /// Issuing claims and credentials.
        AssertionMethod = "assertionMethod",
    }
}

/// A parsed DID.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Did {
    /// The method: `key` or `hid`.
    pub method: DidMethod,
    /// The `did:hid` network namespace (e.g. `testnet`); none on mainnet and for
    /// `did:key`.
    pub namespace: Option<String>,
    /// The method-specific id.
    pub method_specific_id: String,
}

/// Parses a `did:key` or `did:hid` DID (not a DID URL).
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `input_too_large`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn parse_did(did: String) -> Result<Did, Error> {
    guard(|| {
        let d = core::parse_did(&did)?;
        Ok(Did {
            method: d.method.try_into()?,
            namespace: d.namespace,
            method_specific_id: d.method_specific_id,
        })
    })
}

/// A verification method of a DID document.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
pub struct VerificationMethod {
    /// The method id (`did:…#key-1`).
    pub id: String,
    /// The method type, e.g. `Ed25519VerificationKey2020`.
    pub method_type: String,
    /// The controller, if given.
    pub controller: Option<String>,
    /// The Ed25519 public key (32 bytes), when the method is one.
    pub ed25519_public_key: Option<BytesOut>,
}

/// A DID document, parsed once.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct DidDocument(core::DidDocument);

bind_methods! {
impl DidDocument {
    /// Parses a DID document (JSON text, e.g. from a resolver).
    ///
    /// # Errors
    /// `malformed_input`, `input_too_large`.
    factory pub fn from_json(json: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::DidDocument::from_json(&json)?)))
    }

    /// The methods usable by `iss` (with `kid`, when the token names one) for
    /// `purpose`.
    ///
    /// # Errors
    /// `issuer_mismatch`, `did_deactivated`, `key_not_found`, `unsupported_algorithm`.
    method pub fn methods_for(
        &self,
        iss: String,
        kid: Option<String>,
        purpose: VerificationPurpose,
    ) -> Result<Vec<VerificationMethod>, Error> {
        guard(|| {
            Ok(self
                .0
                .methods_for(&iss, kid.as_deref(), purpose.into())?
                .into_iter()
                .map(|m| VerificationMethod {
                    id: m.id.clone(),
                    method_type: m.method_type.clone(),
                    controller: m.controller.clone(),
                    ed25519_public_key: m.ed25519_public_key.map(|k| k.to_vec().into()),
                })
                .collect())
        })
    }
}
}

/// The DID document of a `did:key` (Ed25519), derived locally.
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `invalid_key`, `input_too_large`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn resolve_did_key(did: String) -> Result<DidDocument, Error> {
    guard(|| Ok(DidDocument(core::resolve_did_key(&did)?)))
}

/// Decodes a multibase (`z…`) Ed25519 public key (multicodec `0xed01`).
///
/// # Errors
/// `malformed_input`, `unsupported_algorithm`, `invalid_key`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn decode_ed25519_multibase(multibase: String) -> Result<BytesOut, Error> {
    guard(|| Ok(core::decode_ed25519_multibase(&multibase)?.to_vec().into()))
}

/// Encodes a 32-byte Ed25519 public key as multibase (`z6Mk…`).
///
/// # Errors
/// `invalid_argument` for another length.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn encode_ed25519_multibase(public_key: BytesIn) -> Result<String, Error> {
    guard(|| {
        let key = <[u8; 32]>::try_from(&public_key[..])
            .map_err(|_| invalid_argument("an Ed25519 public key is 32 bytes"))?;
        Ok(core::encode_ed25519_multibase(&key))
    })
}

/// What a DID-JWT must satisfy. Only `audience` is required; a field left out
/// (`None`) is the core's default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq)]
pub struct DidJwtValidation {
    /// The required `aud` (your DID or URL); not empty.
    pub audience: String,
    /// The verification relationship of the signing method (default
    /// `authentication`).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub purpose: Option<VerificationPurpose>,
    /// Clock skew in seconds for `exp`/`nbf`/`iat` (default 60, at most 300).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub leeway_secs: Option<Secs>,
    /// Longest accepted lifetime in seconds (default: one day, Hypersign's cap).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub max_lifetime_secs: Option<Secs>,
    /// Accept any lifetime (default false): an explicit, weaker choice that excludes
    /// `max_lifetime_secs`.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub allow_unbounded_lifetime: Option<bool>,
    /// Accept `alg: Ed25519` as EdDSA (default true).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub accept_ed25519_alias: Option<bool>,
    /// Unsafe for rotated keys: with no document, derive a `did:hid` key from its
    /// method-specific id (default false).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub allow_hid_msi_key: Option<bool>,
}

impl DidJwtValidation {
    /// The core validation: the core's defaults, overridden by the fields set.
    fn to_core(&self) -> Result<core_jwt::DidJwtValidation, kycrypt::Error> {
        let mut v = core_jwt::DidJwtValidation::new(self.audience.clone());
        if let Some(p) = self.purpose {
            v = v.with_purpose(p.into());
        }
        if let Some(l) = opt_secs("leeway_secs", self.leeway_secs)? {
            v = v.with_leeway_secs(l);
        }
        let max = crate::api::keys::lifetime(
            opt_secs("max_lifetime_secs", self.max_lifetime_secs)?,
            self.allow_unbounded_lifetime.unwrap_or(false),
            v.max_lifetime_secs,
        )?;
        v = v.with_max_lifetime_secs(max);
        if let Some(a) = self.accept_ed25519_alias {
            v = v.with_accept_ed25519_alias(a);
        }
        if let Some(h) = self.allow_hid_msi_key {
            v = v.with_allow_hid_msi_key(h);
        }
        Ok(v)
    }
}

/// A verified DID-JWT. Printing shows `<redacted>` for the claims.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi)]
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedDidJwt {
    /// The issuer DID (`iss`).
    pub issuer: String,
    /// The id of the verification method that signed.
    pub signer: String,
    /// The protected header (JSON object text).
    pub header_json: String,
    /// The claims (JSON object text, token order).
    pub claims_json: String,
}

redacted_fmt!(VerifiedDidJwt {
    issuer,
    signer,
    header_json,
    claims_json: redacted
});
napi_printing!(VerifiedDidJwt);

/// Verifies a DID-JWT at `now` (unix seconds) with the issuer's resolved `document`
/// (none: a `did:key` issuer is derived offline; a `did:hid` issuer needs one).
///
/// # Errors
/// `invalid_argument` (validation out of range, no audience), `input_too_large`,
/// `malformed_token`, `missing_header`, `unknown_critical_header`,
/// `algorithm_not_allowed`, `unsupported_algorithm`, `issuer_mismatch`,
/// `did_deactivated`, `key_not_found`, `malformed_input`, `invalid_key`,
/// `signature_invalid`, `expired`, `not_yet_valid`, `audience_mismatch`.
// UniFFI cannot lift an optional borrowed object (`Option<&T>`): its signature takes
// the handle it holds anyway; napi takes the reference. One body, below.
#[cfg(uniffi)]
#[uniffi::export]
pub fn verify_did_jwt(
    token: String,
    document: Option<std::sync::Arc<DidDocument>>,
    now: Secs,
    validation: DidJwtValidation,
) -> Result<VerifiedDidJwt, Error> {
    guard(|| verify_did_jwt_inner(&token, document.as_deref(), now, &validation))
}

/// Verifies a DID-JWT at `now` (unix seconds) with the issuer's resolved `document`
/// (none: a `did:key` issuer is derived offline; a `did:hid` issuer needs one).
///
/// # Errors
/// `invalid_argument` (validation out of range, no audience), `input_too_large`,
/// `malformed_token`, `missing_header`, `unknown_critical_header`,
/// `algorithm_not_allowed`, `unsupported_algorithm`, `issuer_mismatch`,
/// `did_deactivated`, `key_not_found`, `malformed_input`, `invalid_key`,
/// `signature_invalid`, `expired`, `not_yet_valid`, `audience_mismatch`.
#[cfg(napi)]
#[napi]
pub fn verify_did_jwt(
    token: String,
    document: Option<&DidDocument>,
    now: Secs,
    validation: DidJwtValidation,
) -> Result<VerifiedDidJwt, Error> {
    guard(|| verify_did_jwt_inner(&token, document, now, &validation))
}

/// The body of `verify_did_jwt`.
fn verify_did_jwt_inner(
    token: &str,
    document: Option<&DidDocument>,
    now: Secs,
    validation: &DidJwtValidation,
) -> Result<VerifiedDidJwt, kycrypt::Error> {
    let v = validation.to_core()?;
    let got = core_jwt::verify_did_jwt(token, document.map(|d| &d.0), secs("now", now)?, &v)?;
    Ok(VerifiedDidJwt {
        issuer: got.issuer,
        signer: got.signer,
        header_json: serde_json::Value::Object(got.header.members).to_string(),
        claims_json: serde_json::Value::Object(got.claims).to_string(),
    })
}

/// The claims of a DID-JWT to sign (besides `iat`/`exp`, which the signer sets).
/// Printing shows `<redacted>` for `claims_json`.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi(object))]
#[derive(Clone, PartialEq, Eq)]
pub struct DidJwtSignRequest {
    /// The issuer DID (`iss`); a `did:key` must be the signing key's.
    pub issuer: String,
    /// The audience (`aud`); not empty.
    pub audience: String,
    /// Other claims (JSON object text; left out: none). Reserved names (`iss`, `sub`,
    /// `aud`, `iat`, `exp`, `nbf`, `jti`) are dropped.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub claims_json: Option<String>,
}

redacted_fmt!(DidJwtSignRequest {
    issuer,
    audience,
    claims_json: redacted
});

impl DidJwtSignRequest {
    /// The core claims.
    fn to_core(&self) -> Result<core_jwt::DidJwtClaims, kycrypt::Error> {
        let mut claims = core_jwt::DidJwtClaims::new(&self.issuer, &self.audience);
        if let Some(text) = &self.claims_json {
            let limit = kycrypt::primitives::jwt::MAX_TOKEN_LEN;
            if text.len() > limit {
                return Err(kycrypt::Error::InputTooLarge {
                    what: "claims",
                    limit,
                });
            }
            claims.extra = match serde_json::from_str::<serde_json::Value>(text) {
                Ok(serde_json::Value::Object(m)) => m,
                _ => {
                    return Err(kycrypt::Error::MalformedInput(
                        "claims must be a JSON object".into(),
                    ));
                }
            };
        }
        Ok(claims)
    }
}

/// Options of `sign_did_jwt`; a field left out (`None`) is the core's default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DidJwtSignOptions {
    /// Token lifetime in seconds, `exp = now + ttl_secs` (default 3600, 60 to 86400).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub ttl_secs: Option<Secs>,
    /// The header `kid`, a DID URL of the issuer (default: none, as Hypersign sends).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub kid: Option<String>,
}

impl DidJwtSignOptions {
    fn to_core(o: Option<Self>) -> Result<core_jwt::DidJwtSignOptions, kycrypt::Error> {
        let o = o.unwrap_or_default();
        let mut c = core_jwt::DidJwtSignOptions::default();
        if let Some(t) = opt_secs("ttl_secs", o.ttl_secs)? {
            c = c.with_ttl_secs(t);
        }
        if let Some(kid) = o.kid {
            c = c.with_kid(kid);
        }
        Ok(c)
    }
}

/// Signs a DID-JWT (EdDSA) with `key` at `now` (unix seconds), as Hypersign issues
/// them.
///
/// # Errors
/// `invalid_argument` (ttl out of range, an empty `kid` or audience),
/// `malformed_input` (claims not a JSON object, an issuer that is not a `did:key` or
/// `did:hid` DID, a negative time), `key_mismatch` (a `did:key` of another key),
/// `input_too_large`.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn sign_did_jwt(
    claims: DidJwtSignRequest,
    key: &Ed25519SigningKey,
    now: Secs,
    options: Option<DidJwtSignOptions>,
) -> Result<String, Error> {
    guard(|| {
        let opts = DidJwtSignOptions::to_core(options)?;
        let k: &kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey = &key.0;
        core_jwt::sign_did_jwt(&claims.to_core()?, k, secs("now", now)?, &opts)
    })
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;

    const TOKEN: &str = "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2lUQnoxeW11ZXBBUTRIRUhZU0YxSDhxdUc1R0xWVlFSM2RqZFgzbURvb1dwI3o2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiYXVkIjoiZGlkOndlYjp2ZXJpZmllci5leGFtcGxlIiwic3ViIjoidXNlci0xMjMiLCJpc3MiOiJkaWQ6a2V5Ono2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.4Co4RkDQsFrEm3ksbJXZGW5jH5HcB_Llqb_8T4uE0UW-Sc756hYkxPXF7_3PMIA4ttgYkQRoHdK69JVqmIOwBw";
    const ISS: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    #[cfg(uniffi)]
    fn doc_arg(d: DidDocument) -> std::sync::Arc<DidDocument> {
        std::sync::Arc::new(d)
    }

    #[cfg(napi)]
    fn doc_arg(d: DidDocument) -> &'static DidDocument {
        Box::leak(Box::new(d))
    }

    fn validation(audience: &str) -> DidJwtValidation {
        DidJwtValidation {
            audience: audience.into(),
            purpose: None,
            leeway_secs: None,
            max_lifetime_secs: None,
            allow_unbounded_lifetime: None,
            accept_ed25519_alias: None,
            allow_hid_msi_key: None,
        }
    }

    #[test]
    fn enums_keep_the_core_spelling() {
        for p in VerificationPurpose::ALL {
            assert_eq!(core::VerificationPurpose::from(*p).as_str(), p.name());
        }
        for m in core::DidMethod::ALL {
            assert_eq!(DidMethod::try_from(*m).unwrap().name(), m.as_str());
        }
    }

    #[test]
    fn dids_and_multibase() {
        let d = parse_did("did:hid:testnet:abc".into()).unwrap_or_else(|_| unreachable!());
        assert_eq!(
            (
                d.method,
                d.namespace.as_deref(),
                d.method_specific_id.as_str()
            ),
            (DidMethod::Hid, Some("testnet"), "abc")
        );
        let mb = ISS.strip_prefix("did:key:").unwrap_or_default();
        let raw = decode_ed25519_multibase(mb.into()).unwrap_or_else(|_| unreachable!());
        let raw: Vec<u8> = raw.to_vec();
        assert_eq!(
            encode_ed25519_multibase(raw.clone().into()).unwrap_or_else(|_| unreachable!()),
            mb
        );
        assert!(encode_ed25519_multibase(vec![0; 31].into()).is_err());
        let doc = resolve_did_key(ISS.into()).unwrap_or_else(|_| unreachable!());
        let ms = doc
            .methods_for(ISS.into(), None, VerificationPurpose::Authentication)
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(ms.len(), 1);
        assert_eq!(
            ms[0].ed25519_public_key.as_ref().map(|k| k.to_vec()),
            Some(raw)
        );
        assert!(
            doc.methods_for(
                "did:key:other".into(),
                None,
                VerificationPurpose::AssertionMethod
            )
            .is_err()
        );
        assert!(DidDocument::from_json("{".into()).is_err());
    }

    #[test]
    fn verifies_the_core_example() {
        let v = verify_did_jwt(
            TOKEN.into(),
            None,
            1_700_000_100,
            validation("did:web:verifier.example"),
        )
        .unwrap_or_else(|_| unreachable!());
        assert_eq!(v.issuer, ISS);
        assert!(v.claims_json.contains("user-123"));
        let doc = resolve_did_key(ISS.into()).unwrap_or_else(|_| unreachable!());
        assert!(
            verify_did_jwt(
                TOKEN.into(),
                Some(doc_arg(doc)),
                1_700_000_100,
                validation("did:web:verifier.example")
            )
            .is_ok()
        );
        assert!(verify_did_jwt(TOKEN.into(), None, 1_700_000_100, validation("other")).is_err());
        let mut bad = validation("did:web:verifier.example");
        bad.max_lifetime_secs = Some(60);
        bad.allow_unbounded_lifetime = Some(true);
        assert!(verify_did_jwt(TOKEN.into(), None, 1_700_000_100, bad).is_err());
    }

    #[test]
    fn validation_defaults_to_the_core() {
        assert_eq!(
            validation("a").to_core().unwrap(),
            core_jwt::DidJwtValidation::new("a")
        );
        let mut u = validation("a");
        u.allow_unbounded_lifetime = Some(true);
        assert_eq!(u.to_core().unwrap().max_lifetime_secs, None);
        u.max_lifetime_secs = Some(5);
        assert_eq!(u.to_core().unwrap_err().code(), "invalid_argument");
        let mut n = validation("a");
        n.leeway_secs = Some(-1);
        assert_eq!(n.to_core().unwrap_err().code(), "malformed_input");
        assert_eq!(
            DidJwtSignOptions::to_core(None).unwrap(),
            core_jwt::DidJwtSignOptions::default()
        );
    }

    #[test]
    // `.into()`: the eddsa area may hold the core key plainly or in an `Arc`.
    #[allow(clippy::useless_conversion)]
    fn sign_then_verify() {
        let sk =
            kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey::from_seed(&[7; 32]).unwrap();
        let pk = sk.verifying_key().to_bytes();
        let iss = format!("did:key:{}", core::encode_ed25519_multibase(&pk));
        let key = Ed25519SigningKey(sk.into());
        let req = DidJwtSignRequest {
            issuer: iss.clone(),
            audience: "aud".into(),
            claims_json: Some(r#"{"email":"alice@example.com"}"#.into()),
        };
        let t = sign_did_jwt(req.clone(), &key, 1_000, None).unwrap_or_else(|_| unreachable!());
        let v =
            verify_did_jwt(t, None, 1_010, validation("aud")).unwrap_or_else(|_| unreachable!());
        assert_eq!(v.issuer, iss);
        assert!(v.claims_json.contains("alice@example.com"));
        let o = DidJwtSignOptions {
            ttl_secs: Some(10),
            kid: None,
        };
        assert!(sign_did_jwt(req.clone(), &key, 1_000, Some(o)).is_err());
        let mut bad = req;
        bad.claims_json = Some("[]".into());
        assert!(sign_did_jwt(bad, &key, 1_000, None).is_err());
    }

    #[test]
    fn did_jwt_records_print_redacted() {
        let secret = "alice@example.com";
        let v = VerifiedDidJwt {
            issuer: ISS.into(),
            signer: format!("{ISS}#k"),
            header_json: r#"{"alg":"EdDSA"}"#.into(),
            claims_json: format!(r#"{{"email":"{secret}"}}"#),
        };
        let r = DidJwtSignRequest {
            issuer: ISS.into(),
            audience: "aud".into(),
            claims_json: Some(format!(r#"{{"email":"{secret}"}}"#)),
        };
        for s in [
            format!("{v:?}"),
            v.to_string(),
            format!("{r:?}"),
            r.to_string(),
        ] {
            assert!(
                s.contains(ISS) && s.contains("<redacted>") && !s.contains("alice"),
                "{s}"
            );
        }
    }
}
