//! Runs test-vectors/webhooks.json through the public API.
// Helpers here and in tests/common (not #[test] fns) may unwrap/panic: a broken fixture fails loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::Case;
use kycrypt::primitives::hmac::HmacKey;
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

fn options(case: &Case) -> WebhookOptions {
    let mut o = WebhookOptions::default();
    if let Some(t) = case.inputs.get("tolerance_secs").and_then(Value::as_u64) {
        o.tolerance_secs = t;
    }
    if let Some(b) = case
        .inputs
        .get("zerohash_allow_legacy")
        .and_then(Value::as_bool)
    {
        o.zerohash_allow_legacy = b;
    }
    o
}

fn check_output(case: &Case, v: &VerifiedWebhook) -> Result<(), String> {
    let got = serde_json::json!({
        "provider": v.provider.name(),
        "scheme": v.scheme,
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
    let got = Provider::parse(case.s("provider")).and_then(|p| {
        let secret = HmacKey::from_slice(case.s("secret").as_bytes())?;
        webhooks::verify(
            p,
            &secret,
            &headers(case),
            body,
            case.u("now"),
            &options(case),
        )
    });
    common::check(case, got, check_output)
}

fn verify_rsa(case: &Case) -> Result<(), String> {
    let got = ZeroHashPublicKey::from_pem(case.s("public_key_pem")).and_then(|k| {
        webhooks::verify_zerohash_rsa(
            &k,
            &headers(case),
            case.s("body").as_bytes(),
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

/// The typed per-provider functions agree with the generic entry point.
#[test]
fn secret_debug_is_redacted() {
    let pem = common::load("webhooks.json")
        .cases
        .iter()
        .find_map(|c| c.opt_s("public_key_pem").map(str::to_owned))
        .unwrap();
    let k = ZeroHashPublicKey::from_pem(&pem).unwrap();
    assert_eq!(format!("{k:?}"), "ZeroHashPublicKey { bits: 2048 }");
}
