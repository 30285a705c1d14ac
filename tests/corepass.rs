//! CorePass vectors (test-vectors/corepass.json) through the public API.
// The shared runner (tests/common) panics on broken vector files by design; it is test code.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use kycrypt::__internal::{Dialect, marshal_bytes};
use kycrypt::corepass::{
    CallbackKind, CallbackOptions, CoreAddress, Item, MAX_CALLBACK_BODY_LEN, Network, Pepper,
    PinnedConnector, ReplayKey, VerifiedCallback, check_qrcode_expiration, verify_callback,
    verify_data_callback, verify_error_callback, verify_status_callback,
};
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
    // The vectors' `skew_secs` input is the leeway.
    let opts = CallbackOptions::default()
        .with_leeway_secs(
            c.inputs
                .get("skew_secs")
                .and_then(Value::as_u64)
                .unwrap_or(30),
        )
        .with_allow_deadline_only(c.flag("allow_deadline_only"));
    let body = c.s("body").as_bytes();
    let kind: CallbackKind =
        c.op.strip_prefix("corepass.verify_")
            .and_then(|k| k.strip_suffix("_callback"))
            .unwrap()
            .parse()
            .unwrap();
    let got = verify_callback(kind, body, &pinned, c.u("now"), &opts);
    let wrapper = match kind {
        CallbackKind::Status => verify_status_callback,
        CallbackKind::Data => verify_data_callback,
        _ => verify_error_callback,
    };
    assert_eq!(got, wrapper(body, &pinned, c.u("now"), &opts), "{}", c.id);
    common::check(c, got, |c, v: &VerifiedCallback| {
        expect_out(c, "signer", &v.signer.to_string())?;
        expect_out(c, "user", &v.user)?;
        expect_out(c, "coverage", v.coverage.as_str())?;
        expect_out(c, "replay_key", &v.replay_key.to_string())?;
        match c.out("deadline") {
            Some(d) if d.as_u64() != Some(v.deadline) => return Err("deadline".into()),
            _ => {}
        }
        match c.out("replay_until") {
            Some(d) if d.as_u64() != Some(v.replay_until) => {
                Err(format!("replay_until: want {d}, got {}", v.replay_until))
            }
            _ => Ok(()),
        }
    })
}

#[test]
fn vectors() {
    common::run_file("corepass.json", |c| match c.op.as_str() {
        "corepass.verify_status_callback"
        | "corepass.verify_data_callback"
        | "corepass.verify_error_callback" => verify(c),
        "corepass.address_from_public_key" => {
            let got = c
                .s("network")
                .parse::<Network>()
                .and_then(|n| CoreAddress::from_public_key_bytes(&c.hex("public_key"), n));
            common::check(c, got, |c, a| expect_out(c, "address", &a.to_string()))
        }
        "corepass.parse_address" => common::check(c, CoreAddress::parse(c.s("address")), |c, a| {
            expect_out(c, "address", &a.to_string())?;
            expect_out(c, "network", a.network().as_str())
        }),
        "corepass.item_sha3" => common::check(c, c.s("item").parse::<Item>(), |c, i| {
            expect_out(c, "sha3_hex", &i.sha3_hex())
        }),
        "corepass.parse_pepper" => {
            let got = CoreAddress::parse(c.s("user"))
                .and_then(|u| c.s("item").parse::<Item>().map(|i| (u, i)))
                .and_then(|(u, i)| Pepper::parse_for(c.s("pepper"), &u, i));
            common::check(c, got, |c, p| {
                expect_out(c, "user", &p.user().to_string())?;
                expect_out(c, "item", p.item().as_str())
            })
        }
        "corepass.check_qrcode_expiration" => common::check(
            c,
            check_qrcode_expiration(c.u("expiration"), c.u("now")),
            |_, ()| Ok(()),
        ),
        "internal.go_json_string" => {
            let d = if c.s("dialect") == "go122" {
                Dialect::Go122
            } else {
                Dialect::BeforeGo122
            };
            let enc = marshal_bytes(&c.hex("value_hex"), d);
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
    let big = vec![b' '; MAX_CALLBACK_BODY_LEN + 1];
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
    let opts = CallbackOptions::default().with_allow_deadline_only(true);
    let v = verify_data_callback(c.s("body").as_bytes(), &pinned, c.u("now"), &opts).unwrap();
    let dbg = format!("{v:?}");
    assert!(
        !dbg.contains("1986-09-06") && !dbg.contains("374e7426"),
        "{dbg}"
    );
    assert!(dbg.contains("SH_DriverLicense_DOB"));
}

/// The inputs of a vector case: body, pinned connector, `now`.
fn sample(id: &str) -> (String, PinnedConnector, u64) {
    let file = common::load("corepass.json");
    let c = file.cases.iter().find(|c| c.id == id).unwrap();
    (
        c.s("body").to_owned(),
        PinnedConnector::parse(c.s("connector")).unwrap(),
        c.u("now"),
    )
}

/// `body` with `extra` (members, JSON text) added before its closing brace.
fn with_members(body: &str, extra: &str) -> String {
    let open = body.trim_end().strip_suffix('}').unwrap();
    format!("{open},{extra}}}")
}

const OTHER_USER: &str = "ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e";

/// A refusal is `malformed_input` naming `member`, and echoes no value of the body.
fn assert_refused(got: kycrypt::Result<VerifiedCallback>, member: &str) {
    let e = got.unwrap_err();
    assert_eq!(e.code(), "malformed_input", "{e}");
    let m = e.to_string();
    assert!(m.contains(&format!("\"{member}\"")), "{m}");
    for value in [
        OTHER_USER,
        "ab148af5",
        "ab432e66",
        "9999999999",
        "FINISH_SUCCESS",
        "1999-01-01",
        "1986",
        "374e7426",
    ] {
        assert!(!m.contains(value), "{m}");
    }
}

#[test]
fn status_callback_refuses_case_variants_of_signed_members() {
    let (body, pinned, now) = sample("status-accepted-upstream");
    let o = CallbackOptions::default();
    // The genuine sample verifies...
    verify_status_callback(body.as_bytes(), &pinned, now, &o).unwrap();
    // ...and a copy carrying what Go's encoding/json (case-insensitive, last
    // one wins) would read instead is refused, whatever the member.
    let all = with_members(
        &body,
        &format!(r#""User":"{OTHER_USER}","Status":"FINISH_SUCCESS","Deadline":9999999999"#),
    );
    assert_refused(
        verify_status_callback(all.as_bytes(), &pinned, now, &o),
        "User",
    );
    for (extra, member) in [
        (format!(r#""User":"{OTHER_USER}""#), "User"),
        (r#""Status":"FINISH_SUCCESS""#.to_owned(), "Status"),
        (r#""Deadline":9999999999"#.to_owned(), "Deadline"),
        (r#""USER":"x""#.to_owned(), "USER"),
        (r#""TX_HASH":"0x00""#.to_owned(), "TX_HASH"),
    ] {
        let b = with_members(&body, &extra);
        assert_refused(
            verify_status_callback(b.as_bytes(), &pinned, now, &o),
            member,
        );
    }
    // A case variant before the member it shadows is refused too.
    let first = body.replacen('{', r#"{"Status":"FINISH_SUCCESS","#, 1);
    assert_refused(
        verify_status_callback(first.as_bytes(), &pinned, now, &o),
        "Status",
    );
}

#[test]
fn callbacks_refuse_unknown_and_duplicate_members() {
    let o = CallbackOptions::default().with_allow_deadline_only(true);
    let (status, pinned, now) = sample("status-accepted-upstream");
    for (extra, member) in [
        (r#""extra":1"#, "extra"),
        (r#""signature_v2":null"#, "signature_v2"),
        // Go folds Unicode too: U+017F (long s) matches `status`.
        ("\"\u{17f}tatus\":\"FINISH_SUCCESS\"", "\u{17f}tatus"),
        (r#""infos":[]"#, "infos"),
        // An exact duplicate: serde refused it already, now with the name.
        (r#""status":"FINISH_SUCCESS""#, "status"),
    ] {
        let b = with_members(&status, extra);
        assert_refused(
            verify_status_callback(b.as_bytes(), &pinned, now, &o),
            member,
        );
    }
    let (data, pinned, now) = sample("data-upstream-deadline-only-allowed");
    verify_data_callback(data.as_bytes(), &pinned, now, &o).unwrap();
    for (extra, member) in [
        (r#""status":"FINISH_SUCCESS""#.to_owned(), "status"),
        (format!(r#""User":"{OTHER_USER}""#), "User"),
        (r#""Infos":[]"#.to_owned(), "Infos"),
        (r#""deadline":9999999999"#.to_owned(), "deadline"),
    ] {
        let b = with_members(&data, &extra);
        assert_refused(verify_data_callback(b.as_bytes(), &pinned, now, &o), member);
    }
    let (error, pinned, now) = sample("error-upstream");
    for (extra, member) in [
        (r#""Error":"FINISH_SUCCESS""#.to_owned(), "Error"),
        (format!(r#""User":"{OTHER_USER}""#), "User"),
        (r#""fields":[]"#.to_owned(), "fields"),
    ] {
        let b = with_members(&error, &extra);
        assert_refused(
            verify_error_callback(b.as_bytes(), &pinned, now, &o),
            member,
        );
    }
}

#[test]
fn data_callback_refuses_case_variants_and_unknown_members_in_infos() {
    let (data, pinned, now) = sample("data-upstream-deadline-only-allowed");
    let o = CallbackOptions::default().with_allow_deadline_only(true);
    for (extra, member) in [
        (r#""FieldValue": "1999-01-01","#, "FieldValue"),
        (r#""FIELDID": "SH_EMAIL","#, "FIELDID"),
        (r#""Pepper": "00","#, "Pepper"),
        (r#""note": "1999-01-01","#, "note"),
        (r#""fieldValue": "1999-01-01","#, "fieldValue"),
    ] {
        // Into the second item, after the member it shadows.
        let at = data.rfind("\"pepper\"").unwrap();
        let b = format!("{}{extra}\n{}", &data[..at], &data[at..]);
        assert_refused(verify_data_callback(b.as_bytes(), &pinned, now, &o), member);
    }
    // Items must be objects with the documented members only; an empty list is fine.
    let empty = data.replacen("\"infos\": [", "\"infos\": [{}, ", 1);
    verify_data_callback(empty.as_bytes(), &pinned, now, &o).unwrap_err();
}

#[test]
fn long_member_names_are_truncated_in_messages() {
    let (body, pinned, now) = sample("status-accepted-upstream");
    let long = "x".repeat(5000);
    let b = with_members(&body, &format!("\"{long}\":1"));
    let e = verify_status_callback(b.as_bytes(), &pinned, now, &CallbackOptions::default())
        .unwrap_err();
    assert_eq!(e.code(), "malformed_input");
    assert!(e.to_string().len() < 400, "{e}");
    let b = with_members(&body, "\"a\\nb\":1");
    let e = verify_status_callback(b.as_bytes(), &pinned, now, &CallbackOptions::default())
        .unwrap_err();
    assert!(!e.to_string().contains('\n'), "{e}");
}

#[test]
fn replay_until_is_the_last_second_a_callback_verifies() {
    let (body, pinned, _) = sample("status-accepted-upstream");
    let deadline = 1_677_255_437;
    for (skew, allow) in [(None, false), (Some(0), false), (Some(300), true)] {
        let o = CallbackOptions::default()
            .with_leeway_secs(skew.unwrap_or(CallbackOptions::default().leeway_secs))
            .with_allow_deadline_only(allow);
        let v = verify_status_callback(body.as_bytes(), &pinned, deadline - 60, &o).unwrap();
        assert_eq!(v.replay_until, deadline + skew.unwrap_or(30), "{skew:?}");
        let at = verify_status_callback(body.as_bytes(), &pinned, v.replay_until, &o).unwrap();
        assert_eq!(
            (at.replay_until, &at.replay_key),
            (v.replay_until, &v.replay_key)
        );
        let after = verify_status_callback(body.as_bytes(), &pinned, v.replay_until + 1, &o);
        assert_eq!(after.unwrap_err().code(), "expired", "{skew:?}");
    }
    // Data (deadline-only) and error callbacks carry it too.
    let (data, pinned, now) = sample("data-upstream-deadline-only-allowed");
    let o = CallbackOptions::default()
        .with_allow_deadline_only(true)
        .with_leeway_secs(120);
    let v = verify_data_callback(data.as_bytes(), &pinned, now, &o).unwrap();
    assert_eq!(v.replay_until, 1_667_137_346 + 120);
    verify_data_callback(data.as_bytes(), &pinned, v.replay_until, &o).unwrap();
    let late = verify_data_callback(data.as_bytes(), &pinned, v.replay_until + 1, &o);
    assert_eq!(late.unwrap_err().code(), "expired");
    let (error, pinned, now) = sample("error-gen-compact-form");
    let v =
        verify_error_callback(error.as_bytes(), &pinned, now, &CallbackOptions::default()).unwrap();
    assert_eq!(v.replay_until, v.deadline + 30);
}

#[test]
fn one_entry_point_and_its_kinds() {
    for k in CallbackKind::ALL {
        assert_eq!(k.as_str().parse::<CallbackKind>().unwrap(), *k);
    }
    assert_eq!(
        "Status".parse::<CallbackKind>().unwrap_err().code(),
        "invalid_argument"
    );
    // Every kind validates its options first, before looking at the body.
    let pinned = PinnedConnector::parse("cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5").unwrap();
    let too_lax = CallbackOptions::default().with_leeway_secs(301);
    assert_eq!(too_lax.validate().unwrap_err().code(), "invalid_argument");
    CallbackOptions::default()
        .with_leeway_secs(300)
        .validate()
        .unwrap();
    for k in CallbackKind::ALL {
        let e = verify_callback(*k, b"", &pinned, 0, &too_lax).unwrap_err();
        assert_eq!(e.code(), "invalid_argument", "{k}");
    }
}

#[test]
fn replay_key_prints_and_parses_as_hex() {
    let (body, pinned, now) = sample("status-accepted-upstream");
    let v = verify_callback(
        CallbackKind::Status,
        body.as_bytes(),
        &pinned,
        now,
        &CallbackOptions::default(),
    )
    .unwrap();
    let hex = v.replay_key.to_string();
    assert_eq!(hex.len(), 64);
    assert_eq!(hex, hex::encode(v.replay_key.as_bytes()));
    assert_eq!(hex.parse::<ReplayKey>().unwrap(), v.replay_key);
    assert_eq!(
        hex.to_uppercase().parse::<ReplayKey>().unwrap(),
        v.replay_key
    );
    assert_eq!(format!("{:?}", v.replay_key), format!("ReplayKey({hex})"));
    assert_eq!(
        hex[1..].parse::<ReplayKey>().unwrap_err().code(),
        "malformed_input"
    );
    let mut seen = std::collections::HashSet::new();
    assert!(seen.insert(v.replay_key));
    assert!(!seen.insert(v.replay_key));
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
        let _ = marshal_bytes(&body, Dialect::Go122);
    }
}
