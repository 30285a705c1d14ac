#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]
//! Runs test-vectors/hmac.json (RFC 4231, RFC 2202 and negative cases) through the
//! public HMAC API.

mod common;

use common::Case;
use kycrypt::primitives::hmac::{HmacAlg, HmacKey};

fn alg(case: &Case) -> HmacAlg {
    match case.s("alg") {
        "sha256" => HmacAlg::Sha256,
        "sha512" => HmacAlg::Sha512,
        "sha1" => HmacAlg::Sha1,
        other => panic!("{}: unknown alg {other}", case.id),
    }
}

fn key(case: &Case) -> Result<HmacKey, kycrypt::Error> {
    match case.opt_s("key_b64") {
        Some(b64) => HmacKey::from_base64(b64),
        None => HmacKey::new(case.hex("key")),
    }
}

fn check_tag(case: &Case, tag: &Vec<u8>) -> Result<(), String> {
    let got = hex::encode(tag);
    if let Some(want) = case.out("tag").and_then(|v| v.as_str()) {
        return if got == want {
            Ok(())
        } else {
            Err(format!("tag {got} != {want}"))
        };
    }
    match case.out("tag_prefix").and_then(|v| v.as_str()) {
        Some(prefix) if got.starts_with(prefix) => Ok(()),
        Some(prefix) => Err(format!("tag {got} does not start with {prefix}")),
        None => Err("case has neither output.tag nor output.tag_prefix".into()),
    }
}

#[test]
fn hmac_vectors() {
    common::run_file("hmac.json", |case| match case.op.as_str() {
        "hmac.sign" => {
            let got = key(case).map(|k| k.sign(alg(case), &[&case.hex("msg")]));
            common::check(case, got, check_tag)
        }
        "hmac.verify" => {
            let got =
                key(case).and_then(|k| k.verify(alg(case), &[&case.hex("msg")], &case.hex("tag")));
            common::check(case, got, |_, ()| Ok(()))
        }
        other => Err(format!("unknown op {other}")),
    });
}
