//! Runs test-vectors/webhooks.json through the public API.
// Helpers here and in tests/common (not #[test] fns) may unwrap/panic: a broken fixture fails loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::Case;
use kycrypt::primitives::hmac::HmacKey;
use kycrypt::primitives::keys::{MAX_KEY_INPUT_LEN, PrivateKey, PublicKey};
use kycrypt::webhooks::{self, Provider, VerifiedWebhook, WebhookOptions, ZeroHashPublicKey};
use serde_json::Value;

fn headers(case: &Case) -> Vec<(String, String)> {
    case.inputs["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The vectors name the leeway `tolerance_secs`.
fn options(case: &Case) -> WebhookOptions {
    let mut o = WebhookOptions::default();
    if let Some(t) = case.inputs.get("tolerance_secs").and_then(Value::as_u64) {
        o = o.with_leeway_secs(t);
    }
    if let Some(b) = case
        .inputs
        .get("zerohash_allow_legacy")
        .and_then(Value::as_bool)
    {
        o = o.with_zerohash_allow_legacy(b);
    }
    o
}

fn check_output(case: &Case, v: &VerifiedWebhook) -> Result<(), String> {
    let got = serde_json::json!({
        "provider": v.provider.as_str(),
        "scheme": v.scheme.as_str(),
        "timestamp": v.timestamp,
        "event_id": v.event_id,
    });
    match &case.output {
        Some(want) if *want != got => Err(format!("output {got} != {want}")),
        _ => Ok(()),
    }
}

fn verify(case: &Case) -> Result<(), String> {
    let body = case.s("body").as_bytes();
    let got = case.s("provider").parse::<Provider>().and_then(|p| {
        let secret = HmacKey::from_slice(case.s("secret").as_bytes())?;
        webhooks::verify(
            p,
            &headers(case),
            body,
            &secret,
            case.u("now"),
            &options(case),
        )
    });
    common::check(case, got, check_output)
}

fn verify_rsa(case: &Case) -> Result<(), String> {
    let got = ZeroHashPublicKey::from_pem(case.s("public_key_pem")).and_then(|k| {
        webhooks::verify_zerohash_rsa(
            &headers(case),
            case.s("body").as_bytes(),
            &k,
            case.u("now"),
            &options(case),
        )
    });
    common::check(case, got, check_output)
}

#[test]
fn webhook_vectors() {
    common::run_file("webhooks.json", |case| match case.op.as_str() {
        "webhooks.verify" => verify(case),
        "zerohash.verify_webhook_rsa" => verify_rsa(case),
        other => Err(format!("unknown op {other}")),
    });
}

/// The Zero Hash RSA key of the vectors.
fn zerohash_pem() -> String {
    common::load("webhooks.json")
        .cases
        .iter()
        .find_map(|c| c.opt_s("public_key_pem").map(str::to_owned))
        .unwrap()
}

#[test]
fn zerohash_key_debug_is_compact() {
    let k = ZeroHashPublicKey::from_pem(&zerohash_pem()).unwrap();
    assert_eq!(format!("{k:?}"), "ZeroHashPublicKey { bits: 2048 }");
}

/// The key goes through `primitives::keys`: its limits apply, and only RSA
/// keys are accepted.
#[test]
fn zerohash_key_must_be_rsa() {
    let p256_pem = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/test-vectors/keys/demo-p256.pem"
    ))
    .unwrap();
    let p256 = PrivateKey::from_pem(&p256_pem).unwrap().public_key();
    let e = ZeroHashPublicKey::from_public_key(p256).unwrap_err();
    assert_eq!(e.code(), "invalid_key");
    // A private key PEM is not a public key.
    let e = ZeroHashPublicKey::from_pem(&p256_pem).unwrap_err();
    assert_eq!(e.code(), "invalid_key");
    let huge = format!("{}{}", zerohash_pem(), " ".repeat(MAX_KEY_INPUT_LEN));
    let e = ZeroHashPublicKey::from_pem(&huge).unwrap_err();
    assert_eq!(e.code(), "input_too_large");
    let rsa = PublicKey::from_pem(&zerohash_pem()).unwrap();
    let k = ZeroHashPublicKey::from_public_key(rsa.clone()).unwrap();
    assert_eq!(k.public_key(), &rsa);
    assert_eq!(k, ZeroHashPublicKey::from_pem(&zerohash_pem()).unwrap());
}

/// The RSA entry point validates its options before anything else.
#[test]
fn zerohash_rsa_validates_options() {
    let k = ZeroHashPublicKey::from_pem(&zerohash_pem()).unwrap();
    let over = WebhookOptions::default().with_leeway_secs(webhooks::MAX_LEEWAY_SECS + 1);
    let h: [(&str, &str); 0] = [];
    let e = webhooks::verify_zerohash_rsa(&h, b"{}", &k, 0, &over).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    let e = webhooks::verify_zerohash_rsa(&h, b"{}", &k, 0, &WebhookOptions::default());
    assert_eq!(e.unwrap_err().code(), "missing_header");
}
