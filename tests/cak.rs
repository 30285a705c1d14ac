//! Moca CAK callback helpers: test-vectors/cak.json through the public API.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code: a failed unwrap is a failed test

mod common;

use common::{Case, check, run_file};
use kycrypt::moca::cak::{self, CakCallback, CakCallbackVerifier};

fn expect_str(c: &Case, key: &str, got: &str) -> Result<(), String> {
    match c.out(key).and_then(|v| v.as_str()) {
        Some(want) if want == got => Ok(()),
        Some(_) => Err(format!("{key} differs: got {got}")),
        None => Err(format!("output {key} missing")),
    }
}

fn check_callback(c: &Case, cb: &CakCallback) -> Result<(), String> {
    expect_str(c, "dedup_key", &cb.dedup_key())?;
    if c.out("user_id").is_some() {
        expect_str(c, "user_id", &cb.user_id)?;
        expect_str(c, "verifier_did", &cb.verifier_did)?;
        expect_str(c, "schema_id", &cb.schema_id)?;
    }
    Ok(())
}

fn verifier(c: &Case) -> Result<CakCallbackVerifier, kycrypt::Error> {
    let key = c.hex("key");
    match c.s("scheme") {
        "hmac_sha256" => CakCallbackVerifier::hmac_sha256(&key, c.s("header")),
        "ed25519" => CakCallbackVerifier::ed25519(&key),
        "es256" => CakCallbackVerifier::es256(&key),
        other => panic!("{}: unknown scheme {other}", c.id),
    }
}

fn run_case(c: &Case) -> Result<(), String> {
    match c.op.as_str() {
        "cak.parse_callback" => check(
            c,
            cak::parse_callback(c.s("body").as_bytes()),
            check_callback,
        ),
        "cak.dedup_key" => {
            let k = cak::dedup_key(c.s("user_id"), c.s("verifier_did"), c.s("schema_id"));
            check(c, Ok::<_, kycrypt::Error>(k), |c, k| {
                expect_str(c, "dedup_key", k)
            })
        }
        "cak.verify_callback" => {
            let got = verifier(c)
                .and_then(|v| v.verify_callback(c.s("body").as_bytes(), c.s("signature")));
            check(c, got, check_callback)
        }
        other => Err(format!("unknown op {other}")),
    }
}

#[test]
fn vectors() {
    run_file("cak.json", run_case);
}

#[test]
fn hmac_header_name_is_kept() {
    let v = CakCallbackVerifier::hmac_sha256(b"k", "X-Air-Signature").unwrap();
    assert_eq!(v.header_name(), Some("X-Air-Signature"));
    let v = CakCallbackVerifier::ed25519(&[0x3b; 32]);
    assert!(v.is_err() || v.unwrap().header_name().is_none());
}

proptest::proptest! {
    #[test]
    fn callback_parser_never_panics(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
        let _ = cak::parse_callback(&data);
        let v = CakCallbackVerifier::hmac_sha256(b"k", "X-Sig").unwrap();
        let _ = v.verify_callback(&data, &String::from_utf8_lossy(&data));
    }
}
