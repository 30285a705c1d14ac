//! No panic behind the FFI: every export, fed arbitrary bytes, strings,
//! integers and options, returns `Ok` or a typed error, and never `internal`
//! (which is what a panic caught by `ffi_guard!` becomes). The core's own
//! entry points get the same property in the workspace's `tests/no_panic.rs`;
//! this one covers the conversions the FFI layer adds (integer narrowing,
//! option records, enum names, key objects).
#![allow(clippy::unwrap_used, clippy::panic)]

use kycrypt_ffi::*;
use proptest::prelude::*;

/// Fails the property on `internal`; anything else is a typed outcome.
fn typed<T>(what: &str, r: Result<T, FfiError>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(FfiError::Internal { reason }) => panic!("{what}: internal error: {reason}"),
        Err(_) => None,
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn headers(b: &[u8]) -> Vec<HttpHeader> {
    let t = text(b);
    let half = t.chars().count() / 2;
    let n: String = t.chars().take(half).collect();
    let v: String = t.chars().skip(half).collect();
    vec![
        HttpHeader { name: n, value: v },
        HttpHeader {
            name: "x-payload-digest".into(),
            value: t.clone(),
        },
        HttpHeader {
            name: "X-SCX-TIMESTAMP".into(),
            value: t,
        },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn keys_and_jwt(data in prop::collection::vec(any::<u8>(), 0..300), now in any::<u64>(), leeway in any::<u64>(), flag in any::<bool>(), window in any::<Option<u64>>()) {
        let t = text(&data);
        typed("PrivateKey.from_pem", PrivateKey::from_pem(t.clone()));
        typed("PrivateKey.from_der", PrivateKey::from_der(data.clone()));
        typed("PrivateKey.from_jwk", PrivateKey::from_jwk(t.clone()));
        typed("PublicKey.from_der", PublicKey::from_der(data.clone()));
        typed("PublicKey.from_pem_or_jwk", PublicKey::from_pem_or_jwk(t.clone()));
        typed("generate_private_key_pem", generate_private_key_pem(t.clone()));
        typed("select_from_jwks", select_from_jwks(t.clone(), t.clone()));
        let key = PublicKey::from_jwk(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#.into()).unwrap();
        let v = JwtValidation { algorithms: vec![t.clone()], audience: Some(t.clone()), issuer: None, leeway, require_exp: true, require_iat: flag, max_lifetime_secs: window, allow_unbounded_lifetime: flag, accept_ed25519_alias: false };
        typed("verify_jwt", verify_jwt(t.clone(), key.clone(), v.clone(), now));
        typed("verify_jws", verify_jws(t.clone(), key.clone(), v));
        typed("verify_partner_jwt", verify_partner_jwt(t.clone(), key.clone(), now, leeway));
        typed("verify_partner_jwt_jwks", verify_partner_jwt_jwks(t.clone(), t.clone(), now, leeway));
        typed("jwks", jwks(vec![key.clone()], vec![Some(t.clone()), None]));
        typed("PublicKey.verify", key.verify(data.clone(), data.clone()));
    }

    #[test]
    fn signing(data in prop::collection::vec(any::<u8>(), 0..200), iat in any::<u64>(), ttl in any::<u64>()) {
        let t = text(&data);
        let key = PrivateKey::from_pem(generate_private_key_pem("p256".into()).unwrap()).unwrap();
        let claims = PartnerClaims { partner_id: t.clone(), scope: t.clone(), email: Some(t.clone()), extra_json: t.clone() };
        typed("sign_partner_jwt", sign_partner_jwt(key.clone(), t.clone(), claims, iat, ttl));
        let ed = Ed25519SigningKey::from_seed(vec![7; 32]).unwrap();
        let req = DidJwtSignRequest { issuer: t.clone(), audience: t.clone(), claims_json: t.clone(), iat, ttl, kid: Some(t.clone()) };
        typed("sign_did_jwt", sign_did_jwt(ed, req));
        typed("Ed25519SigningKey.from_seed", Ed25519SigningKey::from_seed(data.clone()));
        typed("Ed448SigningKey.from_seed", Ed448SigningKey::from_seed(data.clone()));
        typed("ed25519_verify", ed25519_verify(data.clone(), data.clone(), data.clone()));
        typed("ed448_verify", ed448_verify(data.clone(), data.clone(), data.clone()));
        typed("encode_ed25519_multibase", encode_ed25519_multibase(data.clone()));
    }

    #[test]
    fn ecies(data in prop::collection::vec(any::<u8>(), 0..300), nonce_len in any::<u8>(), ce in any::<bool>(), ch in any::<bool>(), k1 in any::<bool>()) {
        let t = text(&data);
        let curve = if k1 { Curve::Secp256k1 } else { Curve::P256 };
        let opts = EciesOptions { compressed_ephemeral_key: ce, compressed_hkdf_input: ch, nonce_len };
        typed("EciesPublicKey.parse", EciesPublicKey::parse(curve, t.clone()));
        typed("EciesPublicKey.from_bytes", EciesPublicKey::from_bytes(curve, data.clone()));
        typed("EciesPublicKey.from_spki_der", EciesPublicKey::from_spki_der(curve, data.clone()));
        typed("EciesSecretKey.parse", EciesSecretKey::parse(curve, t.clone()));
        typed("EciesSecretKey.from_bytes", EciesSecretKey::from_bytes(curve, data.clone()));
        typed("EciesSecretKey.from_pem", EciesSecretKey::from_pem(curve, t.clone()));
        let sk = EciesSecretKey::generate(curve).unwrap();
        let pk = sk.public_key().unwrap();
        typed("ecies_encrypt", ecies_encrypt(pk.clone(), data.clone(), opts));
        typed("ecies_decrypt", ecies_decrypt(sk.clone(), data.clone(), opts));
        typed("ecies_encrypt_with_ephemeral", ecies_encrypt_with_ephemeral(pk.clone(), data.clone(), opts, data.clone(), data.clone()));
        typed("seal_envelope", seal_envelope(pk, data.clone(), opts));
        typed("open_envelope", open_envelope(sk.clone(), data.clone()));
        typed("open_envelope_base64", open_envelope_base64(sk, t));
        typed("envelope_info", envelope_info(data));
    }

    #[test]
    fn corepass_and_did(data in prop::collection::vec(any::<u8>(), 0..400), now in any::<u64>(), skew in any::<u64>(), flag in any::<bool>(), window in any::<Option<u64>>()) {
        let t = text(&data);
        let pinned = PinnedConnector::parse("cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5".into()).unwrap();
        let o = CallbackOptions { skew_secs: skew, allow_deadline_only: flag };
        typed("PinnedConnector.parse", PinnedConnector::parse(t.clone()));
        typed("verify_status_callback", verify_status_callback(data.clone(), pinned.clone(), now, o));
        typed("verify_data_callback", verify_data_callback(data.clone(), pinned.clone(), now, o));
        typed("verify_error_callback", verify_error_callback(data.clone(), pinned, now, o));
        typed("corepass_address_from_public_key", corepass_address_from_public_key(data.clone(), t.clone()));
        typed("corepass_parse_address", corepass_parse_address(t.clone()));
        typed("corepass_item_sha3", corepass_item_sha3(t.clone()));
        typed("corepass_parse_pepper", corepass_parse_pepper(t.clone(), t.clone(), t.clone()));
        typed("check_qrcode_expiration", check_qrcode_expiration(now, skew));
        typed("parse_did", parse_did(t.clone()));
        typed("resolve_did_key", resolve_did_key(t.clone()));
        typed("decode_ed25519_multibase", decode_ed25519_multibase(t.clone()));
        if let Some(doc) = typed("DidDocument.from_json", DidDocument::from_json(t.clone())) {
            typed("methods_for", doc.methods_for(t.clone(), Some(t.clone()), t.clone()));
        }
        let v = DidJwtValidation { audience: t.clone(), purpose: t.clone(), leeway: skew, max_lifetime_secs: window, allow_unbounded_lifetime: flag, accept_ed25519_alias: flag, allow_hid_msi_key: flag };
        typed("verify_did_jwt", verify_did_jwt(t, v, None, now));
    }

    #[test]
    fn webhooks_zerohash_cak(data in prop::collection::vec(any::<u8>(), 0..300), now in any::<u64>(), tol in any::<u64>(), legacy in any::<bool>(), window in any::<Option<u64>>()) {
        let t = text(&data);
        let o = WebhookOptions { tolerance_secs: tol, zerohash_allow_legacy: legacy };
        for p in ["sumsub", "onfido", "veriff", "persona", "zerohash", "corepass", "jumio", t.as_str()] {
            typed("verify_webhook", verify_webhook(p.into(), data.clone(), headers(&data), data.clone(), now, o));
        }
        if let Some(key) = typed("HmacKey.new", HmacKey::new(data.clone())) {
            typed("zerohash_verify_request", zerohash_verify_request(key.clone(), headers(&data), t.clone(), t.clone(), t.clone(), now, window));
            typed("zerohash_sign", zerohash_sign(key, now, t.clone(), t.clone(), t.clone()));
        }
        typed("zerohash_signing_message", zerohash_signing_message(now, t.clone(), t.clone(), t.clone()));
        typed("zerohash_secret_from_base64", zerohash_secret_from_base64(t.clone()));
        if let Some(c) = typed("ZeroHashCredentials.new", ZeroHashCredentials::new(t.clone(), "c2VjcmV0".into(), t.clone())) {
            typed("ZeroHashCredentials.sign_request", c.sign_request(now, t.clone(), t.clone(), t.clone()));
        }
        typed("ZeroHashPublicKey.from_pem", ZeroHashPublicKey::from_pem(t.clone()));
        typed("cak_parse_callback", cak_parse_callback(data.clone()));
        typed("cak_dedup_key", cak_dedup_key(t.clone(), t.clone(), t.clone()));
        typed("CakCallbackVerifier.ed25519", CakCallbackVerifier::ed25519(data.clone()));
        typed("CakCallbackVerifier.es256", CakCallbackVerifier::es256(data.clone()));
        if let Some(v) = typed("CakCallbackVerifier.hmac_sha256", CakCallbackVerifier::hmac_sha256(data.clone(), t.clone())) {
            typed("CakCallbackVerifier.verify_callback", v.verify_callback(data.clone(), t.clone()));
        }
        typed("HmacKey.from_base64", HmacKey::from_base64(t));
    }
}

/// The property can fail: a panic inside an export is caught as `internal`,
/// which `typed` refuses.
#[test]
#[should_panic(expected = "internal error")]
fn a_caught_panic_fails_the_property() {
    typed("__test_panic", __test_panic());
}
