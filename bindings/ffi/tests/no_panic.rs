//! No panic behind the FFI: every export, fed arbitrary bytes, strings,
//! integers and options, returns `Ok` or a typed error, and never `internal`
//! (which is what a panic caught by the export guard becomes). The core's own
//! entry points get the same property in the workspace's `tests/no_panic.rs`;
//! this one covers the conversions the FFI layer adds (integer narrowing,
//! option records, enum names, key objects).
#![allow(clippy::unwrap_used, clippy::panic)]

use kycrypt_ffi::*;
use proptest::prelude::*;

/// Fails the property on `internal`; anything else is a typed outcome.
fn typed<T>(what: &str, r: Result<T, KycryptError>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(KycryptError::Internal { reason, .. }) => panic!("{what}: internal error: {reason}"),
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
    fn keys_and_jwt(data in prop::collection::vec(any::<u8>(), 0..300), now in any::<i64>(), leeway in any::<Option<i64>>(), flag in any::<Option<bool>>(), window in any::<Option<i64>>()) {
        let t = text(&data);
        typed("PrivateKey.from_pem", PrivateKey::from_pem(t.clone()));
        typed("PrivateKey.from_der", PrivateKey::from_der(data.clone()));
        typed("PrivateKey.from_jwk", PrivateKey::from_jwk(t.clone()));
        typed("PublicKey.from_der", PublicKey::from_der(data.clone()));
        typed("PublicKey.from_pem_or_jwk", PublicKey::from_pem_or_jwk(t.clone()));
        typed("generate_private_key_pem", generate_private_key_pem(t.clone()));
        typed("select_from_jwks", select_from_jwks(t.clone(), t.clone()));
        let key = PublicKey::from_jwk(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#.into()).unwrap();
        let v = JwtValidation { algorithms: Some(vec![t.clone()]), audience: Some(t.clone()), issuer: None, leeway_secs: leeway, require_exp: Some(true), require_iat: flag, max_lifetime_secs: window, allow_unbounded_lifetime: flag, accept_ed25519_alias: None };
        typed("verify_jwt", verify_jwt(t.clone(), &key, now, Some(v.clone())));
        typed("verify_jws", verify_jws(t.clone(), &key, Some(v)));
        let pv = PartnerJwtValidation { leeway_secs: leeway };
        typed("verify_partner_jwt", verify_partner_jwt(t.clone(), &key, now, Some(pv)));
        typed("verify_partner_jwt_jwks", verify_partner_jwt_jwks(t.clone(), t.clone(), now, Some(pv)));
        typed("jwks", jwks(vec![std::sync::Arc::new(PublicKey::from_jwk(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#.into()).unwrap())], vec![Some(t.clone()), None]));
        typed("PublicKey.verify", key.verify(data.clone(), data.clone()));
    }

    #[test]
    fn signing(data in prop::collection::vec(any::<u8>(), 0..200), iat in any::<i64>(), ttl in any::<Option<i64>>()) {
        let t = text(&data);
        let key = PrivateKey::from_pem(generate_private_key_pem("p256".into()).unwrap()).unwrap();
        let claims = PartnerClaims { partner_id: t.clone(), scope: t.clone(), email: Some(t.clone()), extra_json: Some(t.clone()) };
        typed("sign_partner_jwt", sign_partner_jwt(claims, &key, iat, Some(PartnerJwtSignOptions { ttl_secs: ttl, kid: Some(t.clone()) })));
        let ed = Ed25519SigningKey::from_seed(vec![7; 32]).unwrap();
        let req = DidJwtSignRequest { issuer: t.clone(), audience: t.clone(), claims_json: Some(t.clone()) };
        typed("sign_did_jwt", sign_did_jwt(req, &ed, iat, Some(DidJwtSignOptions { ttl_secs: ttl, kid: Some(t.clone()) })));
        typed("Ed25519SigningKey.from_seed", Ed25519SigningKey::from_seed(data.clone()));
        typed("Ed448SigningKey.from_seed", Ed448SigningKey::from_seed(data.clone()));
        typed("ed25519_verify", ed25519_verify(data.clone(), data.clone(), data.clone()));
        typed("ed448_verify", ed448_verify(data.clone(), data.clone(), data.clone()));
        typed("encode_ed25519_multibase", encode_ed25519_multibase(data.clone()));
    }

    #[test]
    fn ecies(data in prop::collection::vec(any::<u8>(), 0..300), nonce_len in any::<Option<i64>>(), ce in any::<Option<bool>>(), ch in any::<Option<bool>>(), k1 in any::<bool>()) {
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
        typed("ecies_encrypt", ecies_encrypt(data.clone(), &pk, Some(opts)));
        typed("ecies_decrypt", ecies_decrypt(data.clone(), &sk, Some(opts)));
        typed("hazmat_ecies_encrypt_with_ephemeral", hazmat_ecies_encrypt_with_ephemeral(data.clone(), &pk, data.clone(), data.clone(), Some(opts)));
        typed("seal_envelope", seal_envelope(data.clone(), &pk, Some(opts)));
        typed("open_envelope", open_envelope(data.clone(), &sk));
        typed("open_envelope_base64", open_envelope_base64(t, &sk));
        typed("envelope_info", envelope_info(data));
    }

    #[test]
    fn corepass_and_did(data in prop::collection::vec(any::<u8>(), 0..400), now in any::<i64>(), skew in any::<Option<i64>>(), flag in any::<Option<bool>>(), window in any::<Option<i64>>()) {
        let t = text(&data);
        let pinned = PinnedConnector::parse("cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5".into()).unwrap();
        let o = CallbackOptions { leeway_secs: skew, allow_deadline_only: flag };
        typed("PinnedConnector.parse", PinnedConnector::parse(t.clone()));
        for kind in [CallbackKind::Status, CallbackKind::Data, CallbackKind::Error] {
            typed("verify_corepass_callback", verify_corepass_callback(kind, data.clone(), &pinned, now, Some(o)));
        }
        for network in [Network::Mainnet, Network::Devin, Network::Other] {
            typed("corepass_address_from_public_key", corepass_address_from_public_key(data.clone(), network));
        }
        typed("corepass_parse_address", corepass_parse_address(t.clone()));
        typed("corepass_item_sha3", corepass_item_sha3(t.clone()));
        typed("corepass_parse_pepper", corepass_parse_pepper(t.clone(), t.clone(), t.clone()));
        typed("check_qrcode_expiration", check_qrcode_expiration(now, skew.unwrap_or(0)));
        typed("parse_did", parse_did(t.clone()));
        typed("resolve_did_key", resolve_did_key(t.clone()));
        typed("decode_ed25519_multibase", decode_ed25519_multibase(t.clone()));
        if let Some(doc) = typed("DidDocument.from_json", DidDocument::from_json(t.clone())) {
            for purpose in [VerificationPurpose::Authentication, VerificationPurpose::AssertionMethod] {
                typed("methods_for", doc.methods_for(t.clone(), Some(t.clone()), purpose));
            }
        }
        let v = DidJwtValidation { audience: t.clone(), purpose: None, leeway_secs: skew, max_lifetime_secs: window, allow_unbounded_lifetime: flag, accept_ed25519_alias: flag, allow_hid_msi_key: flag };
        typed("verify_did_jwt", verify_did_jwt(t, None, now, v));
    }

    #[test]
    fn webhooks_zerohash_cak(data in prop::collection::vec(any::<u8>(), 0..300), now in any::<i64>(), tol in any::<Option<i64>>(), legacy in any::<Option<bool>>(), window in any::<Option<i64>>()) {
        let t = text(&data);
        let o = WebhookOptions { leeway_secs: tol, zerohash_allow_legacy: legacy };
        if let Some(key) = typed("HmacKey.new", HmacKey::new(data.clone())) {
            for p in [Provider::Sumsub, Provider::Onfido, Provider::Veriff, Provider::Persona, Provider::ZeroHash, Provider::CorePass, Provider::Jumio] {
                typed("verify_webhook", verify_webhook(p, headers(&data), data.clone(), &key, now, Some(o)));
            }
            typed("zerohash_verify_request", zerohash_verify_request(headers(&data), t.clone(), t.clone(), t.clone(), &key, now, Some(RequestOptions { leeway_secs: window })));
            typed("zerohash_sign", zerohash_sign(t.clone(), t.clone(), t.clone(), &key, now));
        }
        typed("zerohash_signing_message", zerohash_signing_message(t.clone(), t.clone(), t.clone(), now));
        typed("zerohash_secret_from_base64", zerohash_secret_from_base64(t.clone()));
        if let Some(c) = typed("ZeroHashCredentials.new", ZeroHashCredentials::new(t.clone(), "c2VjcmV0".into(), t.clone())) {
            typed("ZeroHashCredentials.sign_request", c.sign_request(t.clone(), t.clone(), t.clone(), now));
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
    typed("hazmat_test_panic", hazmat_test_panic());
}
