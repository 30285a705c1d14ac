//! Runs test-vectors/zerohash.json through the public API.
// Helpers here and in tests/common (not #[test] fns) may unwrap/panic: a broken fixture fails loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::Case;
use kycrypt::zerohash::{self, RequestOptions, ZeroHashCredentials};
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

fn expect(case: &Case, key: &str, got: &str) -> Result<(), String> {
    match case.out(key) {
        Some(Value::String(want)) if want != got => Err(format!("{key}: got {got}, want {want}")),
        _ => Ok(()),
    }
}

fn sign_request(case: &Case) -> Result<(), String> {
    let got = match (case.opt_s("api_key"), case.opt_s("passphrase")) {
        (Some(k), Some(p)) => ZeroHashCredentials::new(k, case.s("secret_b64"), p).and_then(|c| {
            c.sign_request(
                case.s("method"),
                case.s("route"),
                case.s("body"),
                case.u("timestamp"),
            )
        }),
        _ => ZeroHashCredentials::new("", case.s("secret_b64"), "").and_then(|c| {
            c.sign_request(
                case.s("method"),
                case.s("route"),
                case.s("body"),
                case.u("timestamp"),
            )
        }),
    };
    common::check(case, got, |c, h| {
        expect(c, "x_scx_signed", &h.x_scx_signed)?;
        expect(c, "x_scx_timestamp", &h.x_scx_timestamp)?;
        expect(c, "x_scx_api_key", &h.x_scx_api_key)?;
        expect(c, "x_scx_passphrase", &h.x_scx_passphrase)?;
        let pre =
            zerohash::signing_message(c.s("method"), c.s("route"), c.s("body"), c.u("timestamp"))
                .map_err(|e| e.to_string())?;
        expect(c, "prehash", &pre)?;
        // The low-level function agrees with the credentials type.
        let key = zerohash::secret_from_base64(c.s("secret_b64")).map_err(|e| e.to_string())?;
        let sig = zerohash::sign(
            c.s("method"),
            c.s("route"),
            c.s("body"),
            &key,
            c.u("timestamp"),
        )
        .map_err(|e| e.to_string())?;
        expect(c, "x_scx_signed", &sig)
    })
}

fn verify_request(case: &Case) -> Result<(), String> {
    // The vectors name the leeway `window_secs`.
    let mut opts = RequestOptions::default();
    if let Some(w) = case.inputs.get("window_secs").and_then(Value::as_u64) {
        opts = opts.with_leeway_secs(w);
    }
    let got = zerohash::secret_from_base64(case.s("secret_b64")).and_then(|key| {
        zerohash::verify_request(
            &headers(case),
            case.s("method"),
            case.s("route"),
            case.s("body"),
            &key,
            case.u("now"),
            &opts,
        )
    });
    common::check(case, got, |c, v| {
        match c.out("timestamp").and_then(Value::as_u64) {
            Some(want) if want != v.timestamp => {
                Err(format!("timestamp {} != {want}", v.timestamp))
            }
            _ => Ok(()),
        }
    })
}

#[test]
fn zerohash_vectors() {
    common::run_file("zerohash.json", |case| match case.op.as_str() {
        "zerohash.sign_request" => sign_request(case),
        "zerohash.verify_request" => verify_request(case),
        other => Err(format!("unknown op {other}")),
    });
}

/// Every signing vector also verifies with the server-side check at its own time.
#[test]
fn signed_requests_verify() {
    let file = common::load("zerohash.json");
    let mut n = 0;
    for case in file
        .cases
        .iter()
        .filter(|c| c.op == "zerohash.sign_request" && c.expected == "valid")
    {
        let key = zerohash::secret_from_base64(case.s("secret_b64")).unwrap();
        let ts = case.u("timestamp");
        let sig =
            zerohash::sign(case.s("method"), case.s("route"), case.s("body"), &key, ts).unwrap();
        let h = [
            ("X-SCX-SIGNED", sig.as_str()),
            ("X-SCX-TIMESTAMP", &ts.to_string()),
        ];
        let ok = zerohash::verify_request(
            &h,
            case.s("method"),
            case.s("route"),
            case.s("body"),
            &key,
            ts,
            &RequestOptions::default(),
        );
        assert_eq!(ok.unwrap().timestamp, ts, "{}", case.id);
        n += 1;
    }
    assert!(n >= 8);
}
