//! No panic across the FFI: every public entry point the bindings export,
//! fed arbitrary bytes/strings/u64 (and single-byte mutations of real vector
//! inputs, to get past the first parse), returns `Ok` or a typed `Error`
//! whose code is one of `Error::ALL_CODES`. A panic fails the property.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kycrypt::Error;
use kycrypt::corepass::{
    CallbackOptions, PinnedConnector, verify_data_callback, verify_error_callback,
    verify_status_callback,
};
use kycrypt::corepass::{CoreAddress, Network};
use kycrypt::corepass::{Item, Pepper, Status};
use kycrypt::hypersign::did::{self, DidDocument, DidMethod, VerificationPurpose};
use kycrypt::hypersign::did_jwt::{DidJwtValidation, verify_did_jwt};
use kycrypt::moca::cak::{self, CakCallbackVerifier};
use kycrypt::moca::partner_jwt::{self, PartnerJwtValidation};
use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesPublicKey, EciesSecretKey};
use kycrypt::primitives::eddsa::{ed448, ed25519};
use kycrypt::primitives::hmac::HmacKey;
use kycrypt::primitives::jwt::{self, Validation};
use kycrypt::primitives::keys::{self, PrivateKey, PublicKey};
use kycrypt::webhooks::ZeroHashPublicKey;
use kycrypt::webhooks::{self, Provider, WebhookOptions};
use kycrypt::zerohash::{self, ZeroHashCredentials};
use proptest::prelude::*;

/// `Ok`, or an error with a stable code and a message that renders.
fn typed<T>(r: Result<T, Error>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            assert!(
                Error::ALL_CODES.contains(&e.code()),
                "code {} not in ALL_CODES",
                e.code()
            );
            assert!(!e.to_string().is_empty());
            None
        }
    }
}

/// Real inputs of one vector op/member, to mutate.
fn samples(file: &str, op: &str, member: &str) -> Vec<String> {
    let text = std::fs::read_to_string(format!(
        "{}/test-vectors/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let out: Vec<String> = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"].as_str().unwrap().starts_with(op))
        .map(|c| &c["inputs"][member])
        .filter(|v| !v.is_null())
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect();
    assert!(!out.is_empty(), "no samples for {file} {op} {member}");
    out
}

/// A real sample with one byte replaced (or arbitrary bytes).
fn mutated(
    file: &'static str,
    op: &'static str,
    member: &'static str,
) -> impl Strategy<Value = Vec<u8>> {
    let s = samples(file, op, member);
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        (0..s.len(), any::<prop::sample::Index>(), any::<u8>()).prop_map(move |(i, at, b)| {
            let mut v = s[i].clone().into_bytes();
            if !v.is_empty() {
                let j = at.index(v.len());
                v[j] = b;
            }
            v
        }),
    ]
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        Just("X-Payload-Digest".to_owned()),
        Just("X-Payload-Digest-Alg".to_owned()),
        Just("X-SHA2-Signature".to_owned()),
        Just("X-HMAC-SIGNATURE".to_owned()),
        Just("Persona-Signature".to_owned()),
        Just("Corepass-Signature".to_owned()),
        Just("x-zh-hook-timestamp".to_owned()),
        Just("x-zh-hook-signature".to_owned()),
        Just("x-zh-hook-signature-256".to_owned()),
        Just("x-zh-hook-rsa-signature".to_owned()),
        Just("X-SCX-SIGNED".to_owned()),
        Just("X-SCX-TIMESTAMP".to_owned()),
        ".{0,24}",
    ];
    let value = prop_oneof![
        "t=[0-9]{0,12},v1=[0-9a-f]{0,80}",
        "[0-9a-zA-Z+/=, ]{0,100}",
        ".{0,64}"
    ];
    proptest::collection::vec((name, value), 0..5)
}

fn pinned() -> PinnedConnector {
    let key = ed448::Ed448SigningKey::from_seed(&[7; 57])
        .unwrap()
        .verifying_key();
    PinnedConnector::from_public_key(&key)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn corepass_callbacks(body in mutated("corepass.json", "corepass.verify_", "body"), now in any::<u64>(), ddl in any::<bool>()) {
        let opts = CallbackOptions::default().with_allow_deadline_only(ddl);
        let p = pinned();
        typed(verify_status_callback(&body, &p, now, &opts));
        typed(verify_data_callback(&body, &p, now, &opts));
        typed(verify_error_callback(&body, &p, now, &opts));
    }

    #[test]
    fn corepass_address_items_pepper(s in mutated("corepass.json", "corepass.parse_pepper", "pepper"), b in proptest::collection::vec(any::<u8>(), 0..80)) {
        let t = lossy(&s);
        typed(CoreAddress::parse(&t));
        typed(CoreAddress::from_bytes(&b));
        typed(PinnedConnector::parse(&t));
        typed(t.parse::<Network>());
        for n in [Network::Mainnet, Network::Devin, Network::Other] {
            typed(CoreAddress::from_public_key_bytes(&b, n));
        }
        typed(t.parse::<Item>());
        typed(Item::from_sha3_hex(&t));
        typed(t.parse::<Status>());
        typed(Pepper::parse(&t));
        let user = CoreAddress::parse("ab432e666932c53128d9f73712b058a7a8f7df52f5cb").unwrap();
        typed(Pepper::parse_for(&t, &user, Item::ALL[0]));
    }

    #[test]
    fn zerohash_sign_and_verify(secret in ".{0,64}", method in ".{0,8}", route in ".{0,64}", body in ".{0,64}", ts in any::<u64>(), now in any::<u64>(), leeway in any::<u64>(), h in headers()) {
        typed(zerohash::secret_from_base64(&secret));
        let opts = zerohash::RequestOptions::default().with_leeway_secs(leeway);
        if let Some(key) = typed(HmacKey::from_slice(secret.as_bytes())) {
            typed(zerohash::sign(&method, &route, &body, &key, ts));
            typed(zerohash::verify_request(&h, &method, &route, &body, &key, now, &opts));
        }
        if let Some(c) = typed(ZeroHashCredentials::new("k", &secret, "p")) {
            typed(c.sign_request(&method, &route, &body, ts));
        }
    }

    #[test]
    fn webhooks_every_provider(h in headers(), body in mutated("webhooks.json", "webhooks.verify", "body"), now in any::<u64>(), leeway in any::<u64>(), legacy in any::<bool>()) {
        let key = HmacKey::from_slice(b"secret").unwrap();
        let opts = WebhookOptions::default().with_zerohash_allow_legacy(legacy);
        let any_leeway = opts.with_leeway_secs(leeway);
        for p in Provider::ALL {
            typed(webhooks::verify(*p, &h, &body, &key, now, &opts));
            typed(webhooks::verify(*p, &h, &body, &key, now, &any_leeway));
            typed(p.as_str().parse::<Provider>());
        }
        typed(any_leeway.validate());
    }

    #[test]
    fn keys_parse(b in mutated("jwt.json", "jwt.verify_j", "key")) {
        let s = lossy(&b);
        typed(PrivateKey::from_pem(&s));
        typed(PrivateKey::from_der(&b));
        typed(PrivateKey::from_jwk(&s));
        typed(PublicKey::from_pem(&s));
        typed(PublicKey::from_der(&b));
        typed(PublicKey::from_jwk(&s));
        typed(PublicKey::from_pem_or_jwk(&s));
        typed(keys::select_from_jwks(&s, "k"));
        typed(ZeroHashPublicKey::from_pem(&s));
        typed(ed25519::Ed25519VerifyingKey::from_bytes(&b));
        typed(ed448::Ed448VerifyingKey::from_bytes(&b));
    }

    #[test]
    fn jwt_and_partner_jwt(tok in mutated("jwt.json", "moca.verify_partner_jwt", "token"), now in any::<u64>(), leeway in any::<u64>()) {
        let t = lossy(&tok);
        let key = PublicKey::from_jwk(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#).unwrap();
        let v = Validation::default()
            .with_algorithms(vec![jwt::Algorithm::EdDsa])
            .with_leeway_secs(leeway);
        let pv = PartnerJwtValidation::default().with_leeway_secs(leeway);
        typed(jwt::verify_jws(&t, &key, &v));
        typed(jwt::verify_jwt(&t, &key, now, &v));
        typed(partner_jwt::verify_partner_jwt(&t, &key, now, &pv));
        if let Some(set) = typed(kycrypt::primitives::keys::Jwks::from_json(&t)) {
            typed(partner_jwt::verify_partner_jwt_jwks(&t, &set, now, &pv));
        }
        let empty = kycrypt::primitives::keys::Jwks::from_json(r#"{"keys":[]}"#).unwrap();
        typed(partner_jwt::verify_partner_jwt_jwks(&t, &empty, now, &pv));
        if let Some(u) = typed(jwt::UnverifiedJws::parse(&t)) {
            typed(u.claims_unverified());
        }
    }

    #[test]
    fn did_and_did_jwt(d in mutated("did.json", "did.parse_did", "did"), tok in mutated("did_jwt.json", "did_jwt.verify", "token"), now in any::<u64>(), aud in ".{0,16}") {
        let s = lossy(&d);
        typed(did::parse_did(&s));
        typed(did::split_did_url(&s));
        typed(did::resolve_did_key(&s));
        typed(did::derive_did_hid_document_unsafe(&s));
        typed(did::decode_ed25519_multibase(&s));
        typed(kycrypt::__internal::base58btc_decode(&s));
        typed(s.parse::<VerificationPurpose>());
        typed(s.parse::<DidMethod>());
        let v = DidJwtValidation::new(aud);
        typed(verify_did_jwt(&lossy(&tok), None, now, &v));
    }

    #[test]
    fn did_documents(doc in mutated("did.json", "did.methods_for", "did_document"), iss in ".{0,40}", kid in proptest::option::of(".{0,40}")) {
        if let Some(d) = typed(DidDocument::from_json(&lossy(&doc))) {
            typed(d.methods_for(&iss, kid.as_deref(), VerificationPurpose::AssertionMethod));
            typed(verify_did_jwt("a.b.c", Some(&d), 0, &DidJwtValidation::new("x")));
        }
    }

    #[test]
    fn ecies_entry_points(ct in mutated("ecies.json", "ecies.decrypt", "ciphertext"), key in proptest::collection::vec(any::<u8>(), 0..80), eph in any::<bool>(), hk in any::<bool>(), nonce_len in any::<u8>()) {
        let ct = hex::decode(&ct).unwrap_or(ct);
        let o = EciesOptions::default()
            .with_compressed_ephemeral_key(eph)
            .with_compressed_hkdf_input(hk)
            .with_nonce_len(nonce_len);
        for c in [Curve::P256, Curve::Secp256k1] {
            let s = lossy(&key);
            typed(EciesPublicKey::from_bytes(c, &key));
            typed(EciesPublicKey::parse(c, &s));
            typed(EciesPublicKey::from_spki_der(c, &key));
            typed(EciesSecretKey::from_bytes(c, &key));
            typed(EciesSecretKey::parse(c, &s));
            typed(EciesSecretKey::from_pem(c, &s));
            let sk = EciesSecretKey::from_bytes(c, &[1; 32]).unwrap();
            typed(ecies::decrypt(&ct, &sk, &o));
            typed(ecies::decrypt_in_place(ct.clone(), &sk, &o));
            typed(ecies::envelope_info(&ct));
            typed(ecies::open_envelope(&ct, &sk));
            typed(ecies::open_envelope_base64(&lossy(&ct), &sk));
        }
        typed(lossy(&key).parse::<Curve>());
    }

    #[test]
    fn cak_entry_points(body in mutated("cak.json", "cak.verify_callback", "body"), sig in ".{0,140}", key in proptest::collection::vec(any::<u8>(), 0..70), header in ".{0,20}") {
        typed(cak::parse_callback(&body));
        for v in [
            CakCallbackVerifier::hmac_sha256(&key, &header),
            CakCallbackVerifier::ed25519(&key),
            CakCallbackVerifier::es256(&key),
            CakCallbackVerifier::hmac_sha256(b"0123456789abcdef0123456789abcdef", "X-Air-Signature"),
        ] {
            if let Some(v) = typed(v) {
                typed(v.verify(&body, &sig));
                typed(v.verify_callback(&body, &sig));
            }
        }
    }
}
