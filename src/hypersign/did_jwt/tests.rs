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

fn claims(issuer: &str) -> DidJwtClaims {
    let mut c = DidJwtClaims::new(issuer, AUD);
    c.extra.insert("email".into(), "a@b.c".into());
    c
}

fn opts() -> DidJwtSignOptions {
    DidJwtSignOptions::default().with_ttl_secs(600)
}

/// Signs `claims(issuer)` at 1_000_000 for 600 s.
fn sign(issuer: &str) -> Result<String> {
    sign_did_jwt(&claims(issuer), &key(), 1_000_000, &opts())
}

#[test]
fn sign_then_verify_did_key() {
    let did = did_key();
    let token = sign(&did).unwrap();
    let v = verify_did_jwt(&token, None, 1_000_100, &DidJwtValidation::new(AUD)).unwrap();
    assert_eq!(v.issuer, did);
    assert!(v.signer.starts_with(&format!("{did}#z6Mk")));
    assert_eq!(v.claims["email"], "a@b.c");
    assert_eq!(v.header.typ.as_deref(), Some("JWT"));
}

#[test]
fn boundaries() {
    let did = did_key();
    let token = sign(&did).unwrap();
    let val = DidJwtValidation::new(AUD);
    // exp = 1_000_600; expired from exp + leeway.
    assert!(verify_did_jwt(&token, None, 1_000_659, &val).is_ok());
    assert_eq!(
        verify_did_jwt(&token, None, 1_000_660, &val).unwrap_err(),
        Error::Expired
    );
    // iat 1_000_000 is fine up to leeway seconds ahead.
    assert!(verify_did_jwt(&token, None, 999_940, &val).is_ok());
    assert_eq!(
        verify_did_jwt(&token, None, 999_939, &val).unwrap_err(),
        Error::NotYetValid
    );
    let wide = val.clone().with_leeway_secs(300);
    assert!(verify_did_jwt(&token, None, 1_000_899, &wide).is_ok());
    let wide = wide.with_leeway_secs(301);
    assert_eq!(
        verify_did_jwt(&token, None, 1_000_100, &wide)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn sign_rejects_bad_requests() {
    let did = did_key();
    assert_eq!(
        sign_did_jwt(&claims(&did), &key(), u64::MAX - 10, &opts())
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    let mut big = claims(&did);
    big.extra.insert("x".into(), "a".repeat(16 * 1024).into());
    assert_eq!(
        sign_did_jwt(&big, &key(), 1_000_000, &opts())
            .unwrap_err()
            .code(),
        "input_too_large"
    );
    for bad in [
        opts().with_ttl_secs(59),
        opts().with_ttl_secs(86_401),
        opts().with_kid(""),
    ] {
        assert_eq!(
            sign_did_jwt(&claims(&did), &key(), 1_000_000, &bad)
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
    }
    assert_eq!(
        sign("did:web:example.com").unwrap_err().code(),
        "malformed_input"
    );
    assert!(sign(&format!("did:hid:testnet:{}", &did[8..])).is_ok());
    let debug = format!("{:?}", claims(&did));
    assert!(!debug.contains("a@b.c"), "{debug}");
}

#[test]
fn purpose_and_alias_switches() {
    let did = did_key();
    let token = sign(&did).unwrap();
    let val = DidJwtValidation::new(AUD).with_purpose(VerificationPurpose::AssertionMethod);
    assert!(verify_did_jwt(&token, None, 1_000_100, &val).is_ok());
    let doc = resolve_did_key(&did).unwrap();
    assert!(verify_did_jwt(&token, Some(&doc), 1_000_100, &val).is_ok());
    let other =
        resolve_did_key("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp").unwrap();
    assert_eq!(
        verify_did_jwt(&token, Some(&other), 1_000_100, &val)
            .unwrap_err()
            .code(),
        "issuer_mismatch"
    );
}

proptest::proptest! {
    #[test]
    fn verify_never_panics(s in "\\PC{0,300}") {
        let _ = verify_did_jwt(&s, None, 0, &DidJwtValidation::new(AUD));
    }

    #[test]
    fn verify_never_panics_on_dotted(a in "[A-Za-z0-9_-]{0,60}", b in "[A-Za-z0-9_-]{0,60}", c in "[A-Za-z0-9_-]{0,90}") {
        let _ = verify_did_jwt(&format!("{a}.{b}.{c}"), None, 0, &DidJwtValidation::new(AUD));
    }
}

/// A DID-JWT signed by hand (not through `sign_did_jwt`, which caps the TTL).
fn raw_token(claims: serde_json::Value) -> String {
    let serde_json::Value::Object(claims) = claims else {
        unreachable!("claims are an object")
    };
    let mut header = Map::new();
    header.insert("typ".into(), "JWT".into());
    crate::primitives::jwt::sign_jwt(&claims, &header, &key()).unwrap()
}

#[test]
fn lifetime_is_capped_at_hypersigns_day() {
    let did = did_key();
    let val = DidJwtValidation::new(AUD);
    let ok =
        raw_token(serde_json::json!({"iat": 1_000_000, "exp": 1_086_400, "aud": AUD, "iss": did}));
    assert!(verify_did_jwt(&ok, None, 1_000_100, &val).is_ok());
    let long =
        raw_token(serde_json::json!({"iat": 1_000_000, "exp": 1_086_401, "aud": AUD, "iss": did}));
    let e = verify_did_jwt(&long, None, 1_000_100, &val).unwrap_err();
    assert_eq!(e.code(), "malformed_token");
    assert!(e.to_string().contains("86400"), "{e}");
    // Without iat, exp may lie at most a day (plus leeway) ahead of now.
    let forever =
        raw_token(serde_json::json!({"exp": 9_007_199_254_740_992u64, "aud": AUD, "iss": did}));
    assert_eq!(
        verify_did_jwt(&forever, None, 1_000_100, &val)
            .unwrap_err()
            .code(),
        "malformed_token"
    );
    // The caller may tighten, or explicitly relax, the bound.
    let mut tight = val.clone();
    tight.max_lifetime_secs = Some(600);
    let token = sign(&did).unwrap();
    assert!(verify_did_jwt(&token, None, 1_000_100, &tight).is_ok());
    tight.max_lifetime_secs = Some(599);
    assert_eq!(
        verify_did_jwt(&token, None, 1_000_100, &tight)
            .unwrap_err()
            .code(),
        "malformed_token"
    );
    let relaxed = val.with_max_lifetime_secs(None);
    assert!(verify_did_jwt(&long, None, 1_000_100, &relaxed).is_ok());
    assert!(verify_did_jwt(&forever, None, 1_000_100, &relaxed).is_ok());
}

#[test]
fn fractional_numeric_dates_are_accepted() {
    let did = did_key();
    let val = DidJwtValidation::new(AUD);
    let t = raw_token(
        serde_json::json!({"iat": 1_000_000.5, "exp": 1_000_600.75, "aud": AUD, "iss": did}),
    );
    assert!(verify_did_jwt(&t, None, 1_000_100, &val).is_ok());
    // exp expires at its floor (1_000_600) plus the 60 s leeway.
    assert_eq!(
        verify_did_jwt(&t, None, 1_000_660, &val).unwrap_err(),
        Error::Expired
    );
    let s =
        raw_token(serde_json::json!({"iat": 1_000_000, "exp": "1000600", "aud": AUD, "iss": did}));
    assert_eq!(
        verify_did_jwt(&s, None, 1_000_100, &val)
            .unwrap_err()
            .code(),
        "malformed_token"
    );
}
