//! One driver per fuzz target (see the crate docs for the input framing).

use kycrypt::__internal::{self, Dialect};
use kycrypt::corepass::{
    CallbackKind, CallbackOptions, CoreAddress, Item, Network, Pepper, PinnedConnector, ReplayKey,
    verify_callback,
};
use kycrypt::hypersign::did::{self, DidDocument, VerificationPurpose};
use kycrypt::hypersign::did_jwt::{DidJwtValidation, verify_did_jwt};
use kycrypt::moca::cak::{self, CakCallbackVerifier};
use kycrypt::moca::partner_jwt;
use kycrypt::primitives::ecies::{self, Curve, EciesOptions, EciesPublicKey, EciesSecretKey};
use kycrypt::primitives::eddsa::ed448::Ed448VerifyingKey;
use kycrypt::primitives::hmac::HmacKey;
use kycrypt::primitives::jwt::{self, UnverifiedJws, Validation};
use kycrypt::primitives::keys::{self, PrivateKey, PublicKey};
use kycrypt::webhooks::{self, Provider, WebhookOptions, ZeroHashPublicKey};
use kycrypt::zerohash;

use crate::{fields, headers, known, num, text};

/// `kind \0 connector \0 now \0 flags \0 body`: CorePass callback verify.
pub fn corepass_callback(data: &[u8]) {
    let [kind, connector, now, flags, body] = fields(data);
    let Some(pinned) = known(PinnedConnector::parse(&text(connector))) else {
        return;
    };
    let opts = CallbackOptions::default().with_allow_deadline_only(flags.contains(&b'1'));
    // Anything but `status` or `data` is an error callback, as in existing corpora.
    let kind = text(kind)
        .parse::<CallbackKind>()
        .unwrap_or(CallbackKind::Error);
    let Some(v) = known(verify_callback(kind, body, &pinned, num(now), &opts)) else {
        return;
    };
    let key = v.replay_key.to_string().parse::<ReplayKey>();
    assert_eq!(key.ok(), Some(v.replay_key), "replay key round trip");
    if let kycrypt::corepass::CallbackBody::Data(d) = &v.body {
        for i in &d.infos {
            let _ = known(i.item());
        }
    }
}

/// Any UTF-8 string: Go's encoding/json output decodes back to it with serde_json.
pub fn gojson_roundtrip(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for dialect in [Dialect::Go122, Dialect::BeforeGo122] {
        let out = __internal::encode(s, dialect);
        let back: String = serde_json::from_slice(&out).expect("Go output is valid JSON");
        assert_eq!(back, s, "round trip differs ({dialect:?})");
    }
}

/// Core (ICAN) address text and bytes, pinned-connector text.
pub fn core_address(data: &[u8]) {
    let s = text(data);
    if let Some(a) = known(CoreAddress::parse(&s)) {
        let again = CoreAddress::from_bytes(a.as_bytes()).unwrap();
        assert!(again.same_account(&a));
    }
    let _ = known(CoreAddress::from_bytes(data));
    let _ = known(s.parse::<Network>());
    for n in [Network::Mainnet, Network::Devin, Network::Other] {
        let _ = known(CoreAddress::from_public_key_bytes(data, n));
    }
    let _ = known(PinnedConnector::parse(&s));
}

/// `pepper \0 user \0 item`.
pub fn pepper_parse(data: &[u8]) {
    let [pepper, user, item] = fields(data);
    let pepper = text(pepper);
    let _ = known(Pepper::parse(&pepper));
    let _ = known(Item::from_sha3_hex(&pepper));
    if let (Ok(u), Ok(i)) = (CoreAddress::parse(&text(user)), text(item).parse::<Item>()) {
        let _ = known(Pepper::parse_for(&pepper, &u, i));
    }
}

/// `secret_b64 \0 method \0 route \0 now \0 headers \0 body`: Zero Hash request verify.
pub fn zerohash_request(data: &[u8]) {
    let [secret, method, route, now, hdrs, body] = fields(data);
    let Some(key) = known(zerohash::secret_from_base64(&text(secret))) else {
        return;
    };
    let _ = known(zerohash::verify_request(
        &headers(hdrs),
        &text(method),
        &text(route),
        &text(body),
        &key,
        num(now),
        &zerohash::RequestOptions::default(),
    ));
}

/// `provider \0 secret|pem \0 now \0 flags \0 headers \0 body`: webhooks::verify
/// for every provider name (`zerohash_rsa`: the RSA variant with a PEM key).
pub fn webhooks_verify(data: &[u8]) {
    let [provider, secret, now, flags, hdrs, body] = fields(data);
    let opts = WebhookOptions::default().with_zerohash_allow_legacy(flags.contains(&b'1'));
    let h = headers(hdrs);
    if provider == b"zerohash_rsa" {
        if let Some(k) = known(ZeroHashPublicKey::from_pem(&text(secret))) {
            let _ = known(webhooks::verify_zerohash_rsa(&h, body, &k, num(now), &opts));
        }
        return;
    }
    let Some(key) = known(HmacKey::from_slice(secret)) else {
        return;
    };
    match known(text(provider).parse::<Provider>()) {
        Some(p) => drop(known(webhooks::verify(p, &h, body, &key, num(now), &opts))),
        None => {
            for p in Provider::ALL {
                let _ = known(webhooks::verify(*p, &h, body, &key, num(now), &opts));
            }
        }
    }
}

/// `key (PEM/JWK/JWKS) \0 now \0 audience \0 token`: JWS/JWT and partner JWT verify.
pub fn jwt_verify(data: &[u8]) {
    let [key, now, aud, token] = fields(data);
    let (key, token, now) = (text(key), text(token), num(now));
    if let Some(u) = known(UnverifiedJws::parse(&token)) {
        let _ = known(u.claims_unverified());
    }
    let pv = partner_jwt::PartnerJwtValidation::default();
    if let Some(set) = known(keys::Jwks::from_json(&key)) {
        let _ = known(partner_jwt::verify_partner_jwt_jwks(&token, &set, now, &pv));
    }
    let Some(pk) = known(PublicKey::from_pem_or_jwk(&key)) else {
        return;
    };
    let mut v = Validation::default().with_algorithms(vec![pk.algorithm()]);
    if !aud.is_empty() {
        v = v.with_audience(text(aud));
    }
    let _ = known(jwt::verify_jws(&token, &pk, &v));
    let _ = known(jwt::verify_jwt(&token, &pk, now, &v));
    let _ = known(partner_jwt::verify_partner_jwt(&token, &pk, now, &pv));
}

/// DID strings: parse, URL split, did:key resolution, did:hid derivation, multibase.
pub fn did_parse(data: &[u8]) {
    let s = text(data);
    let _ = known(did::parse_did(&s));
    let _ = known(did::split_did_url(&s));
    let _ = known(did::resolve_did_key(&s));
    let _ = known(did::derive_did_hid_document_unsafe(&s));
    let _ = known(did::decode_ed25519_multibase(&s));
    if let Some(b) = known(__internal::base58btc_decode(&s)) {
        assert_eq!(
            known(__internal::base58btc_decode(&__internal::base58btc_encode(
                &b
            ))),
            Some(b)
        );
    }
}

/// `document \0 iss \0 kid \0 purpose`: DID document parse + methods_for.
pub fn did_document(data: &[u8]) {
    let [doc, iss, kid, purpose] = fields(data);
    let Some(doc) = known(DidDocument::from_json(&text(doc))) else {
        return;
    };
    let purpose = text(purpose)
        .parse::<VerificationPurpose>()
        .unwrap_or(VerificationPurpose::Authentication);
    let kid = (!kid.is_empty()).then(|| text(kid));
    let _ = known(doc.methods_for(&text(iss), kid.as_deref(), purpose));
}

/// `token \0 audience \0 now \0 flags \0 document`: DID-JWT verify.
pub fn did_jwt_verify(data: &[u8]) {
    let [token, aud, now, flags, doc] = fields(data);
    let v = DidJwtValidation::new(text(aud))
        .with_accept_ed25519_alias(!flags.contains(&b'a'))
        .with_allow_hid_msi_key(flags.contains(&b'm'));
    let doc = DidDocument::from_json(&text(doc)).ok();
    let _ = known(verify_did_jwt(&text(token), doc.as_ref(), num(now), &v));
}

/// Key text or DER: every private/public parser; a parsed public key's JWK parses back to it.
pub fn key_parse(data: &[u8]) {
    let s = text(data);
    let _ = known(PrivateKey::from_pem(&s));
    let _ = known(PrivateKey::from_jwk(&s));
    if let Some(k) = known(PrivateKey::from_der(data)) {
        let _ = k.public_key().thumbprint();
    }
    let _ = known(ZeroHashPublicKey::from_pem(&s));
    let _ = known(keys::select_from_jwks(&s, "k"));
    for pk in [PublicKey::from_pem_or_jwk(&s), PublicKey::from_der(data)] {
        if let Some(pk) = known(pk) {
            let back = PublicKey::from_jwk(&pk.to_jwk(None)).unwrap();
            assert_eq!(back.thumbprint(), pk.thumbprint());
        }
    }
}

fn curve(b: &[u8]) -> Curve {
    text(b).parse().unwrap_or(Curve::P256)
}

/// `curve \0 secret_hex \0 flags \0 ciphertext`: raw eciesjs decrypt, in place, KYCE envelope.
pub fn ecies_decrypt(data: &[u8]) {
    let [c, sk, flags, ct] = fields(data);
    let Some(sk) = known(EciesSecretKey::parse(curve(c), &text(sk))) else {
        return;
    };
    let o = EciesOptions::default()
        .with_compressed_ephemeral_key(flags.contains(&b'e'))
        .with_compressed_hkdf_input(flags.contains(&b'h'))
        .with_nonce_len(if flags.contains(&b'n') { 12 } else { 16 });
    let a = known(ecies::decrypt(ct, &sk, &o));
    assert_eq!(a, known(ecies::decrypt_in_place(ct.to_vec(), &sk, &o)));
    let _ = known(ecies::envelope_info(ct));
    let _ = known(ecies::open_envelope(ct, &sk));
    let _ = known(ecies::open_envelope_base64(&text(ct), &sk));
}

/// `curve \0 key`: ECIES public/secret key parsers (bytes, text, SPKI, PEM).
pub fn ecies_key_parse(data: &[u8]) {
    let [c, key] = fields(data);
    let (c, s) = (curve(c), text(key));
    if let Some(pk) = known(EciesPublicKey::from_bytes(c, key)) {
        for compressed in [true, false] {
            let again = EciesPublicKey::from_bytes(c, &pk.to_sec1_bytes(compressed)).unwrap();
            assert_eq!(again.to_sec1_bytes(false), pk.to_sec1_bytes(false));
        }
    }
    let _ = known(EciesPublicKey::parse(c, &s));
    let _ = known(EciesPublicKey::from_spki_der(c, key));
    let _ = known(EciesSecretKey::from_bytes(c, key));
    let _ = known(EciesSecretKey::parse(c, &s));
    let _ = known(EciesSecretKey::from_pem(c, &s));
}

/// `scheme \0 key_hex \0 header \0 signature \0 body`: CAK callback parse + verify.
pub fn cak_callback(data: &[u8]) {
    let [scheme, key, header, sig, body] = fields(data);
    let _ = known(cak::parse_callback(body));
    let key = hex::decode(key).unwrap_or_else(|_| key.to_vec());
    let v = match scheme {
        b"ed25519" => CakCallbackVerifier::ed25519(&key),
        b"es256" => CakCallbackVerifier::es256(&key),
        _ => CakCallbackVerifier::hmac_sha256(&key, &text(header)),
    };
    if let Some(v) = known(v) {
        let _ = known(v.verify_callback(body, &text(sig)));
    }
}

/// `key(57) || sig(114) || msg`: kycrypt's Ed448 verify (crrl) agrees with
/// ed448-goldilocks.
pub fn ed448_diff(data: &[u8]) {
    let Some((key, rest)) = data.split_at_checked(57) else {
        return;
    };
    let Some((sig, msg)) = rest.split_at_checked(114) else {
        return;
    };
    // kycrypt verifies with crrl; the second implementation is ed448-goldilocks
    // under the same encoding policy (bits 448..=454 of key and R zero).
    let ours = Ed448VerifyingKey::from_bytes(key).ok();
    let canonical = |b: &[u8]| b.get(56).is_some_and(|x| x & 0x7f == 0);
    let theirs = <[u8; 57]>::try_from(key)
        .ok()
        .filter(|k| canonical(k))
        .and_then(|k| ed448_goldilocks::VerifyingKey::from_bytes(&k).ok());
    assert_eq!(ours.is_some(), theirs.is_some(), "key decoding differs");
    let (Some(ours), Some(theirs), Ok(sig_arr)) = (ours, theirs, <[u8; 114]>::try_from(sig)) else {
        return;
    };
    let a = ours.verify(msg, sig).is_ok();
    let b = canonical(sig)
        && theirs
            .verify_raw(&ed448_goldilocks::Signature::from_bytes(&sig_arr), msg)
            .is_ok();
    assert_eq!(
        a, b,
        "Ed448 verification differs between crrl and goldilocks"
    );
}
