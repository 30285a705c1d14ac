//! `kycrypt webhook verify`: exact command forms, JSON report and exit codes.
// Helpers here and in tests/common (not #[test] fns) may unwrap/panic: a broken fixture fails loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const PERSONA_BODY: &str =
    r#"{"data":{"type":"event","id":"evt_123","attributes":{"name":"inquiry.completed"}}}"#;
const PERSONA_SIG: &str =
    "t=1700000000,v1=69f4a9974b44c81a581202cfbf217c92edd905cd1909c5d5dc43437ab0b9f52b";
const ZH_BODY: &str =
    r#"{"participant_code":"ABC123","participant_status":"approved","timestamp":1670958435349}"#;

fn body_file(body: &str) -> tempfile::NamedTempFile {
    let f = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(f.path(), body).unwrap();
    f
}

fn run(args: &[&str], body: &str, code: i32) -> Value {
    let f = body_file(body);
    let out = Command::cargo_bin("kycrypt")
        .unwrap()
        .args(["webhook", "verify"])
        .args(args)
        .arg("--body")
        .arg(f.path())
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn persona_valid_then_stale_then_tampered() {
    let header = format!("Persona-Signature: {PERSONA_SIG}");
    let base = [
        "--provider",
        "persona",
        "--secret",
        "wbhsec_test",
        "--header",
        &header,
    ];
    let v = run(
        &[&base[..], &["--now", "1700000010"]].concat(),
        PERSONA_BODY,
        0,
    );
    assert_eq!(v["valid"], true);
    assert_eq!(v["coverage"], Value::Null);
    assert_eq!(v["signer"], Value::Null);
    assert_eq!(v["error"], Value::Null);
    assert_eq!(v["scheme"], "persona-v1");
    assert_eq!(v["timestamp"], 1_700_000_000);
    let v = run(
        &[&base[..], &["--now", "1700000301"]].concat(),
        PERSONA_BODY,
        1,
    );
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["code"], "timestamp_out_of_window");
    let v = run(
        &[&base[..], &["--now", "1700000010"]].concat(),
        &PERSONA_BODY.replace("completed", "failed"),
        1,
    );
    assert_eq!(v["error"]["code"], "signature_invalid");
}

#[test]
fn onfido_sumsub_veriff_and_zerohash() {
    let onfido_body = r#"{"payload":{"resource_type":"check","action":"check.completed","object":{"id":"check-123","status":"complete","completed_at_iso8601":"2020-01-01T00:00:00Z","href":"https://api.onfido.com/v3/checks/check-123"}}}"#;
    let v = run(
        &[
            "--provider",
            "onfido",
            "--secret",
            "_ABC123abc123ABC123abc123ABC123_",
            "--header",
            "x-sha2-signature: a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e",
        ],
        onfido_body,
        0,
    );
    assert_eq!(v["provider"], "onfido");
    let v = run(
        &[
            "--provider",
            "sumsub",
            "--secret",
            "s",
            "--header",
            "X-Payload-Digest: 00",
        ],
        "{}",
        1,
    );
    assert_eq!(v["error"]["code"], "signature_invalid");
    let v = run(&["--provider", "veriff", "--secret", "s"], "{}", 1);
    assert_eq!(v["error"]["code"], "missing_header");
    let v = run(
        &[
            "--provider",
            "zerohash",
            "--secret",
            "zh-webhook-secret",
            "--now",
            "1670958440",
            "--header",
            "x-zh-hook-timestamp: 1670958435349",
            "--header",
            "x-zh-hook-signature: 44ca74c5e707b3f08e01795597ed950bfcce39a5cbb5483bed9a33f66a17cf33",
            "--header",
            "x-zh-hook-notification-id: n-1",
        ],
        ZH_BODY,
        0,
    );
    assert_eq!(v["event_id"], "n-1");
    assert_eq!(v["scheme"], "zerohash-hmac-sha256");
}

/// The provider name is matched in any case; `--leeway` (alias
/// `--tolerance`) above the maximum is `invalid_argument` for every
/// provider, even one that signs no timestamp.
#[test]
fn provider_case_and_leeway_bounds() {
    let onfido_body = r#"{"payload":{"resource_type":"check","action":"check.completed","object":{"id":"check-123","status":"complete","completed_at_iso8601":"2020-01-01T00:00:00Z","href":"https://api.onfido.com/v3/checks/check-123"}}}"#;
    let args = |provider: &'static str, flag: &'static str, secs: &'static str| {
        vec![
            "--provider",
            provider,
            "--secret",
            "_ABC123abc123ABC123abc123ABC123_",
            "--header",
            "X-SHA2-Signature: a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e",
            flag,
            secs,
        ]
    };
    let v = run(&args("Onfido", "--leeway", "3600"), onfido_body, 0);
    assert_eq!(v["provider"], "onfido");
    assert_eq!(v["scheme"], "hmac-sha256-hex");
    for flag in ["--leeway", "--tolerance"] {
        let v = run(&args("onfido", flag, "3601"), onfido_body, 1);
        assert_eq!(v["error"]["code"], "invalid_argument", "{flag}");
    }
}

#[test]
fn corepass_v2() {
    // s = hex(HMAC-SHA256("k", "1750000000." + body)), computed with Python hmac.
    let body = r#"{"event":"kyc.completed"}"#;
    let header = "Corepass-Signature: t=1750000000,s=eef302765983bccdde008992fc286062eeffd7b06b21980f7807e6238333f809";
    let v = run(
        &[
            "--provider",
            "corepass",
            "--secret",
            "k",
            "--header",
            header,
            "--now",
            "1750000100",
        ],
        body,
        0,
    );
    assert_eq!(v["scheme"], "corepass-v2");
    let v = run(
        &[
            "--provider",
            "corepass",
            "--secret",
            "k",
            "--header",
            header,
            "--now",
            "1750000301",
        ],
        body,
        1,
    );
    assert_eq!(v["error"]["code"], "timestamp_out_of_window");
    let v = run(
        &[
            "--provider",
            "corepass",
            "--secret",
            "k",
            "--header",
            "Corepass-Signature: s=00",
        ],
        body,
        1,
    );
    assert_eq!(v["error"]["code"], "malformed_input");
}

#[test]
fn jumio_is_not_signed() {
    let v = run(&["--provider", "jumio"], "{}", 1);
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["code"], "not_signed");
}

#[test]
fn usage_errors_exit_2() {
    let f = body_file("{}");
    for args in [
        vec!["--provider", "stripe", "--secret", "s"],
        vec!["--provider", "onfido"],
        vec![
            "--provider",
            "onfido",
            "--secret",
            "s",
            "--header",
            "no colon",
        ],
    ] {
        Command::cargo_bin("kycrypt")
            .unwrap()
            .args(["webhook", "verify"])
            .args(&args)
            .arg("--body")
            .arg(f.path())
            .assert()
            .code(2);
    }
}

/// An empty `--secret` (an unset variable expanded to "") is `invalid_key` for every
/// provider, even with a header that is a genuine HMAC under the empty key.
#[test]
fn empty_secret_is_invalid_key_for_every_provider() {
    // hex(HMAC-SHA256(key = "", PERSONA_BODY)), computed with Python's stdlib hmac: a
    // genuine Sumsub digest under the empty key, which anyone can compute.
    let forged = "c437d0606c61b7c1c40edbcbd64e8fab7deab8d7fab3bdb15e63268318c04e16";
    for provider in [
        "sumsub", "onfido", "veriff", "persona", "corepass", "zerohash", "jumio",
    ] {
        let header = format!("X-Payload-Digest: {forged}");
        let v = run(
            &["--provider", provider, "--secret", "", "--header", &header],
            PERSONA_BODY,
            1,
        );
        assert_eq!(v["valid"], false, "{provider}");
        assert_eq!(v["error"]["code"], "invalid_key", "{provider}");
        assert_eq!(v["provider"], provider);
    }
}
