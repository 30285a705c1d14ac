use serde_json::json;

use super::*;
use crate::encoding::b64url_encode as enc;

const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const RFC8037_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const RFC8037_JWS: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

fn sk() -> Ed25519SigningKey {
    Ed25519SigningKey::from_seed(&b64url_decode("d", RFC8037_D).unwrap()).unwrap()
}

fn vk() -> Ed25519VerifyingKey {
    Ed25519VerifyingKey::from_bytes(&b64url_decode("x", RFC8037_X).unwrap()).unwrap()
}

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

/// Builds a token with an arbitrary header, signed by the RFC 8037 key.
fn forge(header: Value, claims: Value) -> String {
    let si = format!(
        "{}.{}",
        enc(header.to_string().as_bytes()),
        enc(claims.to_string().as_bytes())
    );
    let sig = sk().sign(si.as_bytes());
    format!("{si}.{}", enc(&sig))
}

#[test]
fn rfc8037_a4_sign_is_byte_exact() {
    let t = sign_jws(b"Example of Ed25519 signing", &Map::new(), &sk()).unwrap();
    assert_eq!(t, RFC8037_JWS);
    let v = verify_jws(RFC8037_JWS, &vk(), &Validation::default()).unwrap();
    assert_eq!(v.header.alg, "EdDSA");
}

#[test]
fn jwt_roundtrip_and_claims() {
    let claims = obj(json!({"sub": "u", "exp": 2000, "iat": 1000}));
    let hdr = obj(json!({"typ": "JWT", "kid": "k1"}));
    let t = sign_jwt(&claims, &hdr, &sk()).unwrap();
    let v = verify_jwt(&t, &vk(), 1500, &Validation::default()).unwrap();
    assert_eq!(v.claims, claims);
    assert_eq!(v.header.kid.as_deref(), Some("k1"));
    assert_eq!(
        v.header.members.keys().collect::<Vec<_>>(),
        ["alg", "typ", "kid"]
    );
    assert_eq!(
        verify_jwt(&t, &vk(), 2060, &Validation::default()),
        Err(Error::Expired)
    );
    // Non-JSON payload: a JWT decode fails, a JWS verify succeeds.
    assert_eq!(
        verify_jwt(RFC8037_JWS, &vk(), 0, &Validation::default())
            .unwrap_err()
            .code(),
        "malformed_token"
    );
}

#[test]
fn header_policy() {
    let c = json!({"exp": 10});
    let v = Validation::default();
    let code = |h: Value| {
        verify_jwt(&forge(h, c.clone()), &vk(), 0, &v)
            .unwrap_err()
            .code()
    };
    assert_eq!(code(json!({"alg": "none"})), "algorithm_not_allowed");
    assert_eq!(code(json!({"alg": "HS256"})), "algorithm_not_allowed");
    assert_eq!(code(json!({"alg": "ES256"})), "algorithm_not_allowed");
    assert_eq!(code(json!({"alg": "Ed25519"})), "algorithm_not_allowed");
    assert_eq!(code(json!({"alg": "XX1"})), "unsupported_algorithm");
    assert_eq!(
        code(json!({"alg": "EdDSA", "crit": ["exp"], "exp": 1})),
        "unknown_critical_header"
    );
    assert_eq!(
        code(json!({"alg": "EdDSA", "b64": false})),
        "unknown_critical_header"
    );
    assert_eq!(
        code(json!({"alg": "EdDSA", "b64": "no"})),
        "malformed_token"
    );
    assert_eq!(code(json!({"typ": "JWT"})), "missing_header");
    assert_eq!(code(json!({"alg": 1})), "malformed_token");
    assert_eq!(code(json!({"alg": "EdDSA", "kid": 5})), "malformed_token");
    assert!(
        verify_jwt(
            &forge(json!({"alg": "EdDSA", "b64": true}), c.clone()),
            &vk(),
            0,
            &v
        )
        .is_ok()
    );
    let alias = Validation::default().with_accept_ed25519_alias(true);
    assert!(
        verify_jwt(
            &forge(json!({"alg": "Ed25519"}), c.clone()),
            &vk(),
            0,
            &alias
        )
        .is_ok()
    );
    let only_es = Validation::default().with_algorithms(vec![Algorithm::Es256]);
    assert_eq!(
        verify_jwt(&forge(json!({"alg": "EdDSA"}), c), &vk(), 0, &only_es)
            .unwrap_err()
            .code(),
        "algorithm_not_allowed"
    );
    // Duplicate alg member.
    let h = enc(br#"{"alg":"EdDSA","alg":"none"}"#);
    let si = format!("{h}.{}", enc(b"{}"));
    let t = format!("{si}.{}", enc(&sk().sign(si.as_bytes())));
    assert_eq!(
        verify_jws(&t, &vk(), &v).unwrap_err().code(),
        "malformed_token"
    );
}

#[test]
fn structure_and_encoding() {
    let v = Validation::default();
    let code = |t: &str| verify_jws(t, &vk(), &v).unwrap_err().code();
    assert_eq!(code("a.b"), "malformed_token");
    assert_eq!(code("a.b.c.d"), "malformed_token");
    assert_eq!(code(&format!("{RFC8037_JWS}=")), "malformed_token");
    assert_eq!(code(&RFC8037_JWS.replace('_', "/")), "malformed_token");
    assert_eq!(code(&format!(" {RFC8037_JWS}")), "malformed_token");
    assert_eq!(
        code(&RFC8037_JWS[..RFC8037_JWS.len() - 2]),
        "signature_invalid"
    );
    // Non-canonical trailing bits in the last signature char ("g" -> "h").
    let mut t = RFC8037_JWS.to_string();
    t.pop();
    t.push('h');
    assert_eq!(code(&t), "malformed_token");
    assert_eq!(code(&"a".repeat(MAX_TOKEN_LEN + 1)), "input_too_large");
    // Tampered payload.
    let t = RFC8037_JWS.replace(
        "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc",
        "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmg",
    );
    assert_eq!(code(&t), "signature_invalid");
}

#[test]
fn unverified_access() {
    let u = UnverifiedJws::parse(RFC8037_JWS).unwrap();
    assert_eq!(u.header().alg, "EdDSA");
    assert_eq!(u.payload_unverified(), b"Example of Ed25519 signing");
    assert_eq!(
        u.signing_input(),
        RFC8037_JWS.rsplit_once('.').unwrap().0.as_bytes()
    );
    assert_eq!(u.signature().len(), 64);
    assert!(u.claims_unverified().is_err());
}

#[test]
fn signing_refuses_bad_headers() {
    let e = sign_jws(b"x", &obj(json!({"alg": "none"})), &sk()).unwrap_err();
    assert_eq!(e.code(), "algorithm_not_allowed");
    assert!(sign_jws(b"x", &obj(json!({"alg": "EdDSA"})), &sk()).is_ok());
    assert_eq!(
        sign_jws(b"x", &obj(json!({"crit": []})), &sk())
            .unwrap_err()
            .code(),
        "unknown_critical_header"
    );
    assert_eq!(
        sign_jws(&[0u8; MAX_TOKEN_LEN], &Map::new(), &sk())
            .unwrap_err()
            .code(),
        "input_too_large"
    );
}

#[test]
fn errors_never_echo_claims() {
    let t = forge(
        json!({"alg": "EdDSA"}),
        json!({"exp": 10, "aud": "secret-aud", "iss": "secret-iss"}),
    );
    let v = Validation::default().with_audience("other");
    let e = verify_jwt(&t, &vk(), 0, &v).unwrap_err();
    assert!(!e.to_string().contains("secret"), "{e}");
}

proptest::proptest! {
    #[test]
    fn parser_never_panics(s in "\\PC{0,200}") {
        let _ = UnverifiedJws::parse(&s);
        let _ = verify_jwt(&s, &vk(), 0, &Validation::default());
    }

    #[test]
    fn dotted_b64_never_panics(a in "[A-Za-z0-9_-]{0,40}", b in "[A-Za-z0-9_-]{0,40}", c in "[A-Za-z0-9_-]{0,90}") {
        let _ = verify_jwt(&format!("{a}.{b}.{c}"), &vk(), 0, &Validation::default());
    }
}
