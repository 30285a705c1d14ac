//! CorePass vectors (test-vectors/corepass.json) through the public API.
// The shared runner (tests/common) panics on broken vector files by design; it is test code.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use kycrypt::corepass::address::{CoreAddress, Network};
use kycrypt::corepass::callback::{
    CallbackOptions, PinnedConnector, VerifiedCallback, verify_data_callback,
    verify_error_callback, verify_status_callback,
};
use kycrypt::corepass::gojson::{Dialect, GoValue, marshal};
use kycrypt::corepass::items::{Item, Pepper, check_qrcode_expiration};
use proptest::prelude::*;
use serde_json::Value;

fn expect_out(c: &common::Case, key: &str, got: &str) -> Result<(), String> {
    match c.out(key) {
        None => Ok(()),
        Some(Value::String(w)) if w == got => Ok(()),
        Some(w) => Err(format!("{key}: want {w}, got {got}")),
    }
}

fn verify(c: &common::Case) -> Result<(), String> {
    let pinned = match PinnedConnector::parse(c.s("connector")) {
        Ok(p) => p,
        Err(e) => return common::check::<()>(c, Err(e), |_, ()| Ok(())),
    };
    let opts = CallbackOptions {
        skew_secs: c
            .inputs
            .get("skew_secs")
            .and_then(Value::as_u64)
            .unwrap_or(30),
        allow_deadline_only: c.flag("allow_deadline_only"),
    };
    let body = c.s("body").as_bytes();
    let f = match c.op.as_str() {
        "corepass.verify_status_callback" => verify_status_callback,
        "corepass.verify_data_callback" => verify_data_callback,
        _ => verify_error_callback,
    };
    common::check(
        c,
        f(body, &pinned, c.u("now"), &opts),
        |c, v: &VerifiedCallback| {
            expect_out(c, "signer", &v.signer.to_string())?;
            expect_out(c, "user", &v.user)?;
            expect_out(c, "coverage", v.coverage.as_str())?;
            expect_out(c, "replay_key", &v.replay_key)?;
            match c.out("deadline") {
                Some(d) if d.as_u64() != Some(v.deadline) => Err("deadline".into()),
                _ => Ok(()),
            }
        },
    )
}

#[test]
fn vectors() {
    common::run_file("corepass.json", |c| match c.op.as_str() {
        "corepass.verify_status_callback"
        | "corepass.verify_data_callback"
        | "corepass.verify_error_callback" => verify(c),
        "corepass.address_from_public_key" => {
            let got = Network::parse(c.s("network"))
                .and_then(|n| CoreAddress::from_public_key_bytes(&c.hex("public_key"), n));
            common::check(c, got, |c, a| expect_out(c, "address", &a.to_string()))
        }
        "corepass.parse_address" => common::check(c, CoreAddress::parse(c.s("address")), |c, a| {
            expect_out(c, "address", &a.to_string())?;
            expect_out(c, "network", a.network().as_str())
        }),
        "corepass.item_sha3" => common::check(c, Item::parse(c.s("item")), |c, i| {
            expect_out(c, "sha3_hex", &i.sha3_hex())
        }),
        "corepass.parse_pepper" => {
            let got = CoreAddress::parse(c.s("user"))
                .and_then(|u| Item::parse(c.s("item")).map(|i| (u, i)))
                .and_then(|(u, i)| Pepper::parse_for(c.s("pepper"), &u, i));
            common::check(c, got, |c, p| {
                expect_out(c, "user", &p.user().to_string())?;
                expect_out(c, "item", p.item().name())
            })
        }
        "corepass.check_qrcode_expiration" => common::check(
            c,
            check_qrcode_expiration(c.u("expiration"), c.u("now")),
            |_, ()| Ok(()),
        ),
        "corepass.go_json_string" => {
            let d = if c.s("dialect") == "go122" {
                Dialect::Go122
            } else {
                Dialect::BeforeGo122
            };
            let enc = marshal(&GoValue::Str(c.hex("value_hex")), d);
            common::check(c, Ok(enc), |c, e| {
                expect_out(c, "encoded", &String::from_utf8_lossy(e))
            })
        }
        op => Err(format!("unknown op {op}")),
    });
}

#[test]
fn errors_never_echo_claims() {
    let file = common::load("corepass.json");
    for c in file
        .cases
        .iter()
        .filter(|c| c.op.starts_with("corepass.verify_") && c.expected == "invalid")
    {
        let pinned = PinnedConnector::parse(c.s("connector")).unwrap();
        let e = verify_data_callback(
            c.s("body").as_bytes(),
            &pinned,
            c.u("now"),
            &CallbackOptions::default(),
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(
            !m.contains("example.com") && !m.contains("1986") && !m.contains("ab"),
            "{}: {m}",
            c.id
        );
    }
}

#[test]
fn body_size_limit() {
    let pinned = PinnedConnector::parse("cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5").unwrap();
    let big = vec![b' '; kycrypt::corepass::callback::MAX_BODY_LEN + 1];
    let e = verify_status_callback(&big, &pinned, 0, &CallbackOptions::default()).unwrap_err();
    assert_eq!(e.code(), "input_too_large");
}

#[test]
fn data_debug_hides_values() {
    let file = common::load("corepass.json");
    let c = file
        .cases
        .iter()
        .find(|c| c.id == "data-upstream-deadline-only-allowed")
        .unwrap();
    let pinned = PinnedConnector::parse(c.s("connector")).unwrap();
    let opts = CallbackOptions {
        allow_deadline_only: true,
        ..CallbackOptions::default()
    };
    let v = verify_data_callback(c.s("body").as_bytes(), &pinned, c.u("now"), &opts).unwrap();
    let dbg = format!("{v:?}");
    assert!(
        !dbg.contains("1986-09-06") && !dbg.contains("374e7426"),
        "{dbg}"
    );
    assert!(dbg.contains("SH_DriverLicense_DOB"));
}

proptest! {
    /// Arbitrary bodies never panic any parser or verifier.
    #[test]
    fn arbitrary_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 0..400), s in ".{0,120}") {
        let pinned = PinnedConnector::parse("cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5").unwrap();
        let o = CallbackOptions::default();
        for b in [body.as_slice(), s.as_bytes()] {
            let _ = verify_status_callback(b, &pinned, 0, &o);
            let _ = verify_data_callback(b, &pinned, 0, &o);
            let _ = verify_error_callback(b, &pinned, 0, &o);
        }
        let _ = CoreAddress::parse(&s);
        let _ = Pepper::parse(&s);
        let _ = Pepper::parse(&hex::encode(&body));
        let _ = PinnedConnector::parse(&s);
        let _ = marshal(&GoValue::Str(body), Dialect::Go122);
    }
}
