use super::*;

const RFC7638_N: &str = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

#[test]
fn rfc7638_thumbprint() {
    let jwk =
        format!(r#"{{"kty":"RSA","n":"{RFC7638_N}","e":"AQAB","alg":"RS256","kid":"2011-04-29"}}"#);
    let k = PublicKey::from_jwk(&jwk).unwrap();
    assert_eq!(
        k.thumbprint(),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
    assert_eq!(k.algorithm(), Algorithm::Rs256);
    let bad_alg = jwk.replace("RS256", "ES256");
    assert_eq!(
        PublicKey::from_jwk(&bad_alg).unwrap_err().code(),
        "algorithm_not_allowed"
    );
}

#[test]
fn generate_parse_sign_verify() {
    for kind in [KeyType::P256, KeyType::Secp256k1, KeyType::Ed25519] {
        let generated = PrivateKey::generate(kind).unwrap();
        let pem = generated.to_pkcs8_pem().unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        let key = PrivateKey::from_pem(&pem).unwrap();
        assert_eq!(key.public_key(), generated.public_key());
        let sig = key.sign(b"msg").unwrap();
        assert_eq!(sig.len(), 64);
        let public = key.public_key();
        assert!(public.verify(b"msg", &sig).is_ok());
        assert_eq!(public.verify(b"msh", &sig), Err(Error::SignatureInvalid));
        let again = PublicKey::from_jwk(&public.to_jwk(Some("k"))).unwrap();
        assert_eq!(again, public);
        assert_eq!(PublicKey::from_pem_or_jwk(&pem).unwrap(), public);
        assert_eq!(
            *PrivateKey::from_pem(&key.to_pkcs8_pem().unwrap())
                .unwrap()
                .to_pkcs8_pem()
                .unwrap(),
            *pem
        );
    }
    let ed448 = crate::primitives::eddsa::ed448::Ed448SigningKey::generate()
        .unwrap()
        .to_pkcs8_pem()
        .unwrap();
    assert!(ed448.starts_with("-----BEGIN PRIVATE KEY-----"));
    assert_eq!(
        PrivateKey::from_pem(&ed448).unwrap_err().code(),
        "unsupported_algorithm"
    );
}

#[test]
fn debug_is_redacted_and_jwk_is_public_only() {
    let key = PrivateKey::generate(KeyType::P256).unwrap();
    let dbg = format!("{key:?}");
    assert!(
        dbg.contains("ES256") && !dbg.contains("scalar") && dbg.len() < 60,
        "{dbg}"
    );
    let jwk: Value = serde_json::from_str(&key.public_key().to_jwk(None)).unwrap();
    assert!(jwk.get("d").is_none());
    assert_eq!(jwk["use"], "sig");
    assert_eq!(jwk["kid"], key.public_key().thumbprint());
}

#[test]
fn rejects_bad_inputs() {
    assert_eq!(
        PublicKey::from_jwk(r#"{"kty":"oct","k":"AAAA"}"#)
            .unwrap_err()
            .code(),
        "algorithm_not_allowed"
    );
    assert_eq!(PublicKey::from_jwk("[]").unwrap_err().code(), "invalid_key");
    assert_eq!(
        PublicKey::from_jwk(&" ".repeat(MAX_KEY_INPUT_LEN + 1))
            .unwrap_err()
            .code(),
        "input_too_large"
    );
    assert_eq!(
        PublicKey::from_pem("nope").unwrap_err().code(),
        "invalid_key"
    );
    assert_eq!(
        PrivateKey::from_der(&[0x30, 0x03, 0x02, 0x01, 0x00])
            .unwrap_err()
            .code(),
        "invalid_key"
    );
    let small = format!(r#"{{"kty":"RSA","n":"{}","e":"AQAB"}}"#, &RFC7638_N[..171]);
    assert_eq!(
        PublicKey::from_jwk(&small).unwrap_err().code(),
        "invalid_key"
    );
    let off_curve = r#"{"kty":"EC","crv":"P-256","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE"}"#;
    assert_eq!(
        PublicKey::from_jwk(off_curve).unwrap_err().code(),
        "invalid_key"
    );
}

#[test]
fn jwks_and_selection() {
    let a = PrivateKey::generate(KeyType::P256).unwrap().public_key();
    let b = PrivateKey::generate(KeyType::Ed25519).unwrap().public_key();
    let set = jwks([(&a, "first"), (&b, b.thumbprint().as_str())]).unwrap();
    assert_eq!(select_from_jwks(&set, "first").unwrap(), a);
    assert_eq!(select_from_jwks(&set, &b.thumbprint()).unwrap(), b);
    assert_eq!(
        select_from_jwks(&set, "zzz").unwrap_err().code(),
        "key_not_found"
    );
    assert_eq!(
        select_from_jwks("{}", "zzz").unwrap_err().code(),
        "malformed_input"
    );
    assert_eq!(
        jwks([(&a, "k"), (&b, "k")]).unwrap_err().code(),
        "invalid_argument"
    );
    assert_eq!(jwks([(&a, "")]).unwrap_err().code(), "invalid_argument");
    assert_eq!(jwks([]).unwrap(), r#"{"keys":[]}"#);
}

proptest::proptest! {
    #[test]
    fn parsers_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
        let _ = PrivateKey::from_der(&bytes);
        let _ = PublicKey::from_der(&bytes);
        let s = String::from_utf8_lossy(&bytes);
        let _ = PublicKey::from_pem_or_jwk(&s);
        let _ = PrivateKey::from_jwk(&s);
    }
}

/// kycrypt's own ES256/ES256K signatures are low-S (`s <= n/2`); ring and
/// the p256 signer emit either form half of the time, so 64 signatures would
/// catch a missing normalisation with probability 1 - 2^-64.
#[test]
fn ecdsa_signatures_are_low_s() {
    for t in [KeyType::P256, KeyType::Secp256k1] {
        let key = PrivateKey::generate(t).unwrap();
        for i in 0u8..64 {
            let sig = key.sign(&[i]).unwrap();
            let low = match t {
                KeyType::P256 => p256::ecdsa::Signature::from_slice(&sig)
                    .unwrap()
                    .normalize_s()
                    .to_bytes()
                    .to_vec(),
                _ => k256::ecdsa::Signature::from_slice(&sig)
                    .unwrap()
                    .normalize_s()
                    .to_bytes()
                    .to_vec(),
            };
            assert_eq!(sig, low, "{t:?} signature {i} is high-S");
            key.public_key().verify(&[i], &sig).unwrap();
        }
    }
}

fn p256_public() -> PublicKey {
    PrivateKey::generate(KeyType::P256).unwrap().public_key()
}

fn with_member(jwk: &str, member: &str) -> String {
    format!("{},{member}}}", jwk.trim_end_matches('}'))
}

/// RFC 7517 section 4.3, as `jose` applies it: a JWK whose `key_ops` is
/// present and lacks `"verify"` verifies nothing.
#[test]
fn key_ops_must_allow_verify() {
    let k = p256_public();
    let jwk = k.to_jwk(Some("k1"));
    for (ops, ok) in [
        (r#""key_ops":["verify"]"#, true),
        (r#""key_ops":["sign","verify"]"#, true),
        (r#""key_ops":["encrypt"]"#, false),
        (r#""key_ops":[]"#, false),
        (r#""key_ops":"verify""#, false),
        (r#""key_ops":["verify",1]"#, false),
    ] {
        let entry = with_member(&jwk, ops);
        assert_eq!(PublicKey::from_jwk(&entry).is_ok(), ok, "{ops}");
        let set = format!(r#"{{"keys":[{entry}]}}"#);
        match select_from_jwks(&set, "k1") {
            Ok(got) => assert!(ok && got == k, "{ops}"),
            Err(e) => assert!(!ok && e.code() == "key_not_found", "{ops}: {e}"),
        }
    }
    // An unusable twin does not make the set ambiguous (jose filters it out too).
    let twin = with_member(
        &p256_public().to_jwk(Some("k1")),
        r#""key_ops":["encrypt"]"#,
    );
    let set = format!(r#"{{"keys":[{twin},{jwk}]}}"#);
    assert!(select_from_jwks(&set, "k1").unwrap() == k);
}

/// A `kid` that names two usable keys is ambiguous: refused, never "the first".
#[test]
fn duplicate_kid_is_ambiguous() {
    let (a, b) = (p256_public(), p256_public());
    let set = format!(
        r#"{{"keys":[{},{}]}}"#,
        a.to_jwk(Some("k1")),
        b.to_jwk(Some("k1"))
    );
    let e = select_from_jwks(&set, "k1").unwrap_err();
    assert_eq!(e.code(), "invalid_key");
    assert!(e.to_string().contains("more than one"), "{e}");
    // The same key listed twice under one kid is still two entries: refused too.
    let same = format!(
        r#"{{"keys":[{},{}]}}"#,
        a.to_jwk(Some("k1")),
        a.to_jwk(Some("k1"))
    );
    assert_eq!(
        select_from_jwks(&same, "k1").unwrap_err().code(),
        "invalid_key"
    );
    let distinct = format!(
        r#"{{"keys":[{},{}]}}"#,
        a.to_jwk(Some("k1")),
        b.to_jwk(Some("k2"))
    );
    assert!(select_from_jwks(&distinct, "k2").unwrap() == b);
}

#[test]
fn key_type_spellings() {
    for t in KeyType::ALL {
        assert_eq!(t.as_str().parse::<KeyType>().unwrap(), *t);
    }
    for bad in ["P256", "ed448", "rsa", ""] {
        assert_eq!(
            bad.parse::<KeyType>().unwrap_err().code(),
            "invalid_argument",
            "{bad}"
        );
    }
}
