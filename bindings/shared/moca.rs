//! Moca AIR: partner JWTs (`x-partner-auth`) and CAK callbacks (the core's
//! `kycrypt::moca`).

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::moca::cak as core_cak;
use kycrypt::moca::partner_jwt as core;

use crate::api::common::{invalid_argument, opt_secs, secs};
use crate::api::keys::{PrivateKey, PublicKey};
use crate::api::macros::bind_methods;
use crate::api::redact::{napi_printing, redacted_fmt};
use crate::shim::{BytesIn, Error, Secs, guard, into_vec};

/// The claims of a partner JWT to sign (besides `iat`/`exp`, which the signer sets).
/// Printing shows `<redacted>` for `email` and `extra_json`.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi(object))]
#[derive(Clone, PartialEq, Eq)]
pub struct PartnerClaims {
    /// `partnerId` (required).
    pub partner_id: String,
    /// `scope`, e.g. `issue`, `verify`, `issue on-behalf`.
    pub scope: String,
    /// `email`, for on-behalf issuance and status calls.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub email: Option<String>,
    /// Other claims, as a JSON object text (left out: none); reserved names
    /// (`partnerId`, `scope`, `email`, `iat`, `exp`, `nbf`) are refused.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub extra_json: Option<String>,
}

redacted_fmt!(PartnerClaims {
    partner_id,
    scope,
    email: redacted,
    extra_json: redacted
});

impl PartnerClaims {
    /// The core claims.
    fn to_core(&self) -> Result<core::PartnerClaims, kycrypt::Error> {
        let mut c = core::PartnerClaims::new(&self.partner_id, &self.scope, self.email.clone());
        if let Some(text) = &self.extra_json {
            c.extra = match serde_json::from_str::<serde_json::Value>(text) {
                Ok(serde_json::Value::Object(m)) => m,
                _ => return Err(invalid_argument("extra_json must be a JSON object")),
            };
        }
        Ok(c)
    }
}

/// The claims of a verified partner JWT. Printing shows `<redacted>` for `email` and
/// `extra_json`.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi)]
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedPartnerClaims {
    /// `partnerId`.
    pub partner_id: String,
    /// `scope` (empty when the token has none).
    pub scope: String,
    /// `email`, when present.
    pub email: Option<String>,
    /// The other claims (registered time claims excluded), as a JSON object text.
    pub extra_json: String,
}

redacted_fmt!(VerifiedPartnerClaims {
    partner_id,
    scope,
    email: redacted,
    extra_json: redacted
});
napi_printing!(VerifiedPartnerClaims);

impl From<core::PartnerClaims> for VerifiedPartnerClaims {
    fn from(c: core::PartnerClaims) -> Self {
        Self {
            extra_json: serde_json::Value::Object(c.extra).to_string(),
            partner_id: c.partner_id,
            scope: c.scope,
            email: c.email,
        }
    }
}

/// Options of `sign_partner_jwt`; a field left out (`None`) is the core's default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartnerJwtSignOptions {
    /// Token lifetime in seconds, `exp = now + ttl_secs` (default 300, 1 to 900).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub ttl_secs: Option<Secs>,
    /// The header `kid`: the name of the key in the JWKS registered with Moca
    /// (default: the public key's RFC 7638 thumbprint). Not empty.
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub kid: Option<String>,
}

impl PartnerJwtSignOptions {
    fn to_core(o: Option<Self>) -> Result<core::PartnerJwtSignOptions, kycrypt::Error> {
        let o = o.unwrap_or_default();
        let mut c = core::PartnerJwtSignOptions::default();
        if let Some(t) = opt_secs("ttl_secs", o.ttl_secs)? {
            c = c.with_ttl_secs(t);
        }
        if let Some(kid) = o.kid {
            c = c.with_kid(kid);
        }
        Ok(c)
    }
}

/// Options of `verify_partner_jwt`; a field left out (`None`) is the core's default.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PartnerJwtValidation {
    /// Allowed clock skew in seconds (default 60, at most 300).
    #[cfg_attr(uniffi, uniffi(default = None))]
    pub leeway_secs: Option<Secs>,
}

impl PartnerJwtValidation {
    fn to_core(o: Option<Self>) -> Result<core::PartnerJwtValidation, kycrypt::Error> {
        let mut c = core::PartnerJwtValidation::default();
        if let Some(l) = opt_secs("leeway_secs", o.unwrap_or_default().leeway_secs)? {
            c = c.with_leeway_secs(l);
        }
        Ok(c)
    }
}

/// Signs a partner JWT (header `kid`, `typ: JWT`; `iat = now`, `exp = now + ttl`)
/// with an RS256 or ES256 key, at `now` (unix seconds); send it as the
/// `x-partner-auth` header.
///
/// # Errors
/// `invalid_argument` (ttl not 1 to 900, an empty `kid`, bad or reserved extra
/// claims), `algorithm_not_allowed` (another key type), `unsupported_algorithm`,
/// `malformed_input` (a negative time).
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn sign_partner_jwt(
    claims: PartnerClaims,
    key: &PrivateKey,
    now: Secs,
    options: Option<PartnerJwtSignOptions>,
) -> Result<String, Error> {
    guard(|| {
        let opts = PartnerJwtSignOptions::to_core(options)?;
        let k: &kycrypt::primitives::keys::PrivateKey = &key.0;
        core::sign_partner_jwt(&claims.to_core()?, k, secs("now", now)?, &opts)
    })
}

/// Verifies a partner JWT with `key` at `now` (unix seconds).
///
/// # Errors
/// The errors of `verify_jwt`; `malformed_token` without `partnerId`, `iat` or
/// `exp`, or when `exp - iat` exceeds 900 s (Moca's cap, whoever signed);
/// `invalid_argument` (options out of range), `malformed_input` (a negative time).
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn verify_partner_jwt(
    token: String,
    key: &PublicKey,
    now: Secs,
    options: Option<PartnerJwtValidation>,
) -> Result<VerifiedPartnerClaims, Error> {
    guard(|| {
        let v = PartnerJwtValidation::to_core(options)?;
        let k: &kycrypt::primitives::keys::PublicKey = &key.0;
        Ok(core::verify_partner_jwt(&token, k, secs("now", now)?, &v)?.into())
    })
}

/// Verifies a partner JWT with the key named by its `kid` in `jwks` (JWKS JSON text).
///
/// # Errors
/// `malformed_input` (a bad JWKS), `missing_header` (no `kid`), `key_not_found`,
/// then as `verify_partner_jwt`.
#[cfg_attr(uniffi, uniffi::export(default(options = None)))]
#[cfg_attr(napi, napi)]
pub fn verify_partner_jwt_jwks(
    token: String,
    jwks: String,
    now: Secs,
    options: Option<PartnerJwtValidation>,
) -> Result<VerifiedPartnerClaims, Error> {
    guard(|| {
        let v = PartnerJwtValidation::to_core(options)?;
        let set = kycrypt::primitives::keys::Jwks::from_json(&jwks)?;
        Ok(core::verify_partner_jwt_jwks(&token, &set, secs("now", now)?, &v)?.into())
    })
}

/// A parsed CAK callback.
#[cfg_attr(uniffi, derive(uniffi::Record))]
#[cfg_attr(napi, napi(object))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CakCallback {
    /// `userId`.
    pub user_id: String,
    /// `verifierDid`.
    pub verifier_did: String,
    /// `schemaId`.
    pub schema_id: String,
    /// The key to deduplicate deliveries with.
    pub dedup_key: String,
}

impl From<core_cak::CakCallback> for CakCallback {
    fn from(c: core_cak::CakCallback) -> Self {
        Self {
            dedup_key: c.dedup_key(),
            user_id: c.user_id,
            verifier_did: c.verifier_did,
            schema_id: c.schema_id,
        }
    }
}

/// Parses a CAK callback body (no signature check: use `CakCallbackVerifier`).
///
/// # Errors
/// `malformed_input`, `input_too_large`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn cak_parse_callback(body: BytesIn) -> Result<CakCallback, Error> {
    guard(|| Ok(core_cak::parse_callback(&body)?.into()))
}

/// The deduplication key of a callback's three identifiers.
///
/// # Errors
/// Only `internal`, never in practice.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn cak_dedup_key(
    user_id: String,
    verifier_did: String,
    schema_id: String,
) -> Result<String, Error> {
    guard(|| Ok(core_cak::dedup_key(&user_id, &verifier_did, &schema_id)))
}

/// How CAK callbacks are signed for you: HMAC-SHA256 with a shared key, Ed25519 or
/// ES256 with the sender's public key. Parsed once; a shared key is never shown.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct CakCallbackVerifier(core_cak::CakCallbackVerifier);

bind_methods! {
impl CakCallbackVerifier {
    /// HMAC-SHA256 with a shared `key`, the signature sent in the `header` header.
    ///
    /// # Errors
    /// `invalid_key` (empty key), `invalid_argument` (bad header name).
    factory pub fn hmac_sha256(key: BytesIn, header: String) -> Result<Self, Error> {
        guard(|| {
            let key = into_vec(key);
            Ok(Self(core_cak::CakCallbackVerifier::hmac_sha256(&key, &header)?))
        })
    }

    /// Ed25519 with a 32-byte public key.
    ///
    /// # Errors
    /// `invalid_key`.
    factory pub fn ed25519(public_key: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(core_cak::CakCallbackVerifier::ed25519(&public_key)?)))
    }

    /// ES256 with a SEC1 P-256 public key.
    ///
    /// # Errors
    /// `invalid_key`.
    factory pub fn es256(public_key: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(core_cak::CakCallbackVerifier::es256(&public_key)?)))
    }

    /// The signature header name (HMAC only).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn header_name(&self) -> Result<Option<String>, Error> {
        guard(|| Ok(self.0.header_name().map(str::to_owned)))
    }

    /// Checks `signature` (the header text) over the raw `body`.
    ///
    /// # Errors
    /// `signature_invalid`, `malformed_input`, `input_too_large`.
    method pub fn verify(&self, body: BytesIn, signature: String) -> Result<(), Error> {
        guard(|| self.0.verify(&body, &signature))
    }

    /// Checks the signature, then parses the callback.
    ///
    /// # Errors
    /// As `verify` and `cak_parse_callback`.
    method pub fn verify_callback(&self, body: BytesIn, signature: String) -> Result<CakCallback, Error> {
        guard(|| Ok(self.0.verify_callback(&body, &signature)?.into()))
    }
}
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;
    use kycrypt::primitives::keys::KeyType;

    // `.into()`: the keys area may hold the core key plainly or in an `Arc`.
    #[allow(clippy::useless_conversion)]
    fn keys() -> (PrivateKey, PublicKey) {
        let k = kycrypt::primitives::keys::PrivateKey::generate(KeyType::P256).unwrap();
        let p = k.public_key();
        (PrivateKey(k.into()), PublicKey(p.into()))
    }

    fn claims(extra: Option<&str>) -> PartnerClaims {
        PartnerClaims {
            partner_id: "p-1".into(),
            scope: "issue on-behalf".into(),
            email: Some("alice@example.com".into()),
            extra_json: extra.map(str::to_owned),
        }
    }

    #[test]
    fn partner_jwt_roundtrip_with_defaults() {
        let (sk, pk) = keys();
        let t = sign_partner_jwt(claims(Some(r#"{"n":1}"#)), &sk, 1_700_000_000, None)
            .unwrap_or_else(|_| unreachable!());
        let got = verify_partner_jwt(t.clone(), &pk, 1_700_000_010, None)
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(got.partner_id, "p-1");
        assert_eq!(got.email.as_deref(), Some("alice@example.com"));
        assert_eq!(got.extra_json, r#"{"n":1}"#);
        // Default ttl (the core's 300 s): expired after it plus the default leeway.
        assert!(verify_partner_jwt(t, &pk, 1_700_000_000 + 300 + 61, None).is_err());
    }

    #[test]
    fn partner_jwt_options_and_jwks() {
        let (sk, pk) = keys();
        let o = PartnerJwtSignOptions {
            ttl_secs: Some(60),
            kid: Some("k1".into()),
        };
        let t =
            sign_partner_jwt(claims(None), &sk, 100, Some(o)).unwrap_or_else(|_| unreachable!());
        let p: &kycrypt::primitives::keys::PublicKey = &pk.0;
        let mut jwk: serde_json::Value = serde_json::from_str(&p.to_jwk(Some("k1"))).unwrap();
        let jwks = serde_json::json!({ "keys": [jwk.take()] }).to_string();
        let v = PartnerJwtValidation {
            leeway_secs: Some(0),
        };
        let got = verify_partner_jwt_jwks(t.clone(), jwks.clone(), 159, Some(v))
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(got.extra_json, "{}");
        assert!(verify_partner_jwt_jwks(t, jwks, 161, Some(v)).is_err());
    }

    #[test]
    fn partner_options_default_to_the_core_and_refuse_negatives() {
        assert_eq!(
            PartnerJwtSignOptions::to_core(None).unwrap(),
            core::PartnerJwtSignOptions::default()
        );
        assert_eq!(
            PartnerJwtValidation::to_core(None).unwrap(),
            core::PartnerJwtValidation::default()
        );
        let neg = PartnerJwtValidation {
            leeway_secs: Some(-1),
        };
        assert_eq!(
            PartnerJwtValidation::to_core(Some(neg)).unwrap_err().code(),
            "malformed_input"
        );
        let neg = PartnerJwtSignOptions {
            ttl_secs: Some(-1),
            kid: None,
        };
        assert_eq!(
            PartnerJwtSignOptions::to_core(Some(neg))
                .unwrap_err()
                .code(),
            "malformed_input"
        );
        assert_eq!(
            claims(Some("[1]")).to_core().unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn partner_claims_print_redacted() {
        let c = claims(Some(r#"{"name":"alice"}"#));
        let v = VerifiedPartnerClaims {
            partner_id: "p-1".into(),
            scope: "verify".into(),
            email: Some("alice@example.com".into()),
            extra_json: r#"{"name":"alice"}"#.into(),
        };
        for s in [
            format!("{c:?}"),
            c.to_string(),
            format!("{v:?}"),
            v.to_string(),
        ] {
            assert!(
                s.contains("p-1") && s.contains("<redacted>") && !s.contains("alice"),
                "{s}"
            );
        }
    }

    #[test]
    fn cak_callbacks() {
        let body = br#"{"userId":"u","verifierDid":"did:x","schemaId":"s"}"#.to_vec();
        let cb = cak_parse_callback(body.clone().into()).unwrap_or_else(|_| unreachable!());
        assert_eq!(cb.user_id, "u");
        let key = cak_dedup_key("u".into(), "did:x".into(), "s".into())
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(cb.dedup_key, key);
        let v = CakCallbackVerifier::hmac_sha256(b"secret".to_vec().into(), "x-signature".into())
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(
            v.header_name()
                .unwrap_or_else(|_| unreachable!())
                .as_deref(),
            Some("x-signature")
        );
        let tag = kycrypt::primitives::hmac::HmacKey::new(b"secret".to_vec())
            .unwrap()
            .sign(kycrypt::primitives::hmac::HmacAlg::Sha256, &[&body]);
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        let ok = v
            .verify_callback(body.clone().into(), hex)
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(ok, cb);
        assert!(v.verify(body.clone().into(), "00".into()).is_err());
        assert!(v.verify_callback(body.into(), "00".into()).is_err());
        assert!(CakCallbackVerifier::hmac_sha256(Vec::new().into(), "x-signature".into()).is_err());
        assert!(CakCallbackVerifier::ed25519(vec![0; 3].into()).is_err());
        assert!(CakCallbackVerifier::es256(vec![0; 3].into()).is_err());
        assert!(cak_parse_callback(b"{".to_vec().into()).is_err());
    }
}
