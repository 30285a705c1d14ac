//! Unit tests for DID-JWT edge cases not covered by the vector file.

use super::*;
use crate::primitives::eddsa::ed25519::Ed25519SigningKey;

const AUD: &str = "api.cavach.hypersign.id";

fn key() -> Ed25519SigningKey {
    Ed25519SigningKey::from_seed(&[7u8; 32]).unwrap()
}

fn did_key() -> String {
    let pk = key().verifying_key().to_bytes();
    format!(
        "did:key:{}",
        crate::hypersign::did::encode_ed25519_multibase(&pk)
    )
}

fn request(issuer: &str) -> DidJwtSignRequest {
    DidJwtSignRequest {
        issuer: issuer.into(),
        audience: AUD.into(),
        claims_json: r#"{"email":"a@b.c"}"#.into(),
        iat: 1_000_000,
        ttl: 600,
        kid: None,
    }
}

#[test]
fn sign_then_verify_did_key() {
    let did = did_key();
    let token = sign_did_jwt(&key(), &request(&did)).unwrap();
    let v = verify_did_jwt(&token, &DidJwtValidation::new(AUD), None, 1_000_100).unwrap();
    assert_eq!(v.issuer, did);
    assert!(v.signer.starts_with(&format!("{did}#z6Mk")));
    assert_eq!(v.claims["email"], "a@b.c");
    assert_eq!(v.header.typ.as_deref(), Some("JWT"));
}

#[test]
fn boundaries() {
    let did = did_key();
    let token = sign_did_jwt(&key(), &request(&did)).unwrap();
    let val = DidJwtValidation::new(AUD);
    // exp = 1_000_600; expired from exp + leeway.
    assert!(verify_did_jwt(&token, &val, None, 1_000_659).is_ok());
    assert_eq!(
        verify_did_jwt(&token, &val, None, 1_000_660).unwrap_err(),
        Error::Expired
    );
    // iat 1_000_000 is fine up to leeway seconds ahead.
    assert!(verify_did_jwt(&token, &val, None, 999_940).is_ok());
    assert_eq!(
        verify_did_jwt(&token, &val, None, 999_939).unwrap_err(),
        Error::NotYetValid
    );
    let mut wide = val.clone();
    wide.leeway = 300;
    assert!(verify_did_jwt(&token, &wide, None, 1_000_899).is_ok());
    wide.leeway = 301;
    assert_eq!(
        verify_did_jwt(&token, &wide, None, 1_000_100)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn sign_rejects_bad_requests() {
    let did = did_key();
    let mut r = request(&did);
    r.iat = u64::MAX - 10;
    assert_eq!(
        sign_did_jwt(&key(), &r).unwrap_err().code(),
        "invalid_argument"
    );
    let mut r = request(&did);
    r.claims_json = format!(r#"{{"x":"{}"}}"#, "a".repeat(MAX_CLAIMS_LEN));
    assert_eq!(
        sign_did_jwt(&key(), &r).unwrap_err().code(),
        "input_too_large"
    );
    let mut r = request("did:web:example.com");
    r.ttl = 60;
    assert_eq!(
        sign_did_jwt(&key(), &r).unwrap_err().code(),
        "malformed_input"
    );
    let r = request(&format!("did:hid:testnet:{}", &did[8..]));
    assert!(sign_did_jwt(&key(), &r).is_ok());
}

#[test]
fn purpose_and_alias_switches() {
    let did = did_key();
    let token = sign_did_jwt(&key(), &request(&did)).unwrap();
    let mut val = DidJwtValidation::new(AUD);
    val.purpose = VerificationPurpose::AssertionMethod;
    assert!(verify_did_jwt(&token, &val, None, 1_000_100).is_ok());
    let doc = resolve_did_key(&did).unwrap();
    assert!(verify_did_jwt(&token, &val, Some(&doc), 1_000_100).is_ok());
    let other =
        resolve_did_key("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp").unwrap();
    assert_eq!(
        verify_did_jwt(&token, &val, Some(&other), 1_000_100)
            .unwrap_err()
            .code(),
        "issuer_mismatch"
    );
}

proptest::proptest! {
    #[test]
    fn verify_never_panics(s in "\\PC{0,300}") {
        let _ = verify_did_jwt(&s, &DidJwtValidation::new(AUD), None, 0);
    }

    #[test]
    fn verify_never_panics_on_dotted(a in "[A-Za-z0-9_-]{0,60}", b in "[A-Za-z0-9_-]{0,60}", c in "[A-Za-z0-9_-]{0,90}") {
        let _ = verify_did_jwt(&format!("{a}.{b}.{c}"), &DidJwtValidation::new(AUD), None, 0);
    }
}

/// A DID-JWT signed by hand (not through `sign_did_jwt`, which caps the TTL).
fn raw_token(claims: serde_json::Value) -> String {
    let serde_json::Value::Object(claims) = claims else {
        unreachable!("claims are an object")
    };
    let mut header = Map::new();
    header.insert("typ".into(), "JWT".into());
    crate::primitives::jwt::sign_jwt(&key(), &header, &claims).unwrap()
}

#[test]
fn lifetime_is_capped_at_hypersigns_day() {
    let did = did_key();
    let val = DidJwtValidation::new(AUD);
    let ok =
        raw_token(serde_json::json!({"iat": 1_000_000, "exp": 1_086_400, "aud": AUD, "iss": did}));
    assert!(verify_did_jwt(&ok, &val, None, 1_000_100).is_ok());
    let long =
        raw_token(serde_json::json!({"iat": 1_000_000, "exp": 1_086_401, "aud": AUD, "iss": did}));
    let e = verify_did_jwt(&long, &val, None, 1_000_100).unwrap_err();
    assert_eq!(e.code(), "malformed_token");
    assert!(e.to_string().contains("86400"), "{e}");
    // Without iat, exp may lie at most a day (plus leeway) ahead of now.
    let forever =
        raw_token(serde_json::json!({"exp": 9_007_199_254_740_992u64, "aud": AUD, "iss": did}));
    assert_eq!(
        verify_did_jwt(&forever, &val, None, 1_000_100)
            .unwrap_err()
            .code(),
        "malformed_token"
    );
    // The caller may tighten, or explicitly relax, the bound.
    let mut tight = val.clone();
    tight.max_lifetime_secs = Some(600);
    let token = sign_did_jwt(&key(), &request(&did)).unwrap();
    assert!(verify_did_jwt(&token, &tight, None, 1_000_100).is_ok());
    tight.max_lifetime_secs = Some(599);
    assert_eq!(
        verify_did_jwt(&token, &tight, None, 1_000_100)
            .unwrap_err()
            .code(),
        "malformed_token"
    );
    let mut relaxed = val;
    relaxed.max_lifetime_secs = None;
    assert!(verify_did_jwt(&long, &relaxed, None, 1_000_100).is_ok());
    assert!(verify_did_jwt(&forever, &relaxed, None, 1_000_100).is_ok());
}

#[test]
fn fractional_numeric_dates_are_accepted() {
    let did = did_key();
    let val = DidJwtValidation::new(AUD);
    let t = raw_token(
        serde_json::json!({"iat": 1_000_000.5, "exp": 1_000_600.75, "aud": AUD, "iss": did}),
    );
    assert!(verify_did_jwt(&t, &val, None, 1_000_100).is_ok());
    // exp expires at its floor (1_000_600) plus the 60 s leeway.
    assert_eq!(
        verify_did_jwt(&t, &val, None, 1_000_660).unwrap_err(),
        Error::Expired
    );
    let s =
        raw_token(serde_json::json!({"iat": 1_000_000, "exp": "1000600", "aud": AUD, "iss": did}));
    assert_eq!(
        verify_did_jwt(&s, &val, None, 1_000_100)
            .unwrap_err()
            .code(),
        "malformed_token"
    );
}
