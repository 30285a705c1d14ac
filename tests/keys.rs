//! Public-API checks of `primitives::keys` beyond the vector file: the backend
//! seam (RS256 signing needs `ring`), format round trips and size limits.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use kycrypt::primitives::jwt::{Algorithm, JwsSigner, Validation, sign_jws, verify_jws};
use kycrypt::primitives::keys::{
    KeyType, MAX_KEY_INPUT_LEN, PrivateKey, PublicKey, jwks, select_from_jwks,
};

const RSA_PEM: &str = include_str!("../test-vectors/keys/demo-rsa.pem");

#[test]
fn rsa_signing_follows_the_backend() {
    let key = PrivateKey::from_pem(RSA_PEM).unwrap();
    assert_eq!(key.algorithm(), Algorithm::Rs256);
    let got = key.sign(b"m");
    if cfg!(feature = "ring") {
        let sig = got.unwrap();
        assert_eq!(sig.len(), 256);
        assert!(key.public_key().verify(b"m", &sig).is_ok());
    } else {
        let e = got.unwrap_err();
        assert_eq!(e.code(), "unsupported_algorithm");
        assert!(e.to_string().contains("RUSTSEC-2023-0071"));
    }
}

#[test]
fn rsa_public_forms_agree() {
    let key = PrivateKey::from_pem(RSA_PEM).unwrap();
    let public = key.public_key();
    let jwk = public.to_jwk(Some("a"));
    assert_eq!(PublicKey::from_jwk(&jwk).unwrap(), public);
    assert_eq!(PublicKey::from_pem_or_jwk(RSA_PEM).unwrap(), public);
    let set = jwks([(&public, "a")]).unwrap();
    assert_eq!(select_from_jwks(&set, "a").unwrap(), public);
    let pkcs8 = key.to_pkcs8_pem().unwrap();
    assert_eq!(PrivateKey::from_pem(&pkcs8).unwrap().public_key(), public);
}

#[test]
fn jws_with_generated_keys() {
    for kind in [KeyType::P256, KeyType::Secp256k1, KeyType::Ed25519] {
        let key = PrivateKey::generate(kind).unwrap();
        let token = sign_jws(b"payload", &serde_json::Map::new(), &key).unwrap();
        let v = verify_jws(&token, &key.public_key(), &Validation::default()).unwrap();
        assert_eq!(v.payload, b"payload");
        assert_eq!(v.header.alg, JwsSigner::algorithm(&key).as_str());
    }
}

#[test]
fn size_limits() {
    let big = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        "A".repeat(MAX_KEY_INPUT_LEN)
    );
    assert_eq!(
        PrivateKey::from_pem(&big).unwrap_err().code(),
        "input_too_large"
    );
    assert_eq!(
        PublicKey::from_der(&vec![0u8; MAX_KEY_INPUT_LEN + 1])
            .unwrap_err()
            .code(),
        "input_too_large"
    );
    assert_eq!(
        select_from_jwks(&" ".repeat(300 * 1024), "k")
            .unwrap_err()
            .code(),
        "input_too_large"
    );
}
