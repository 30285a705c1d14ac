//! `kycrypt corepass` command forms and exit codes.
// The shared runner (tests/common) panics on broken vector files by design; it is test code.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use assert_cmd::Command;

const KEY: &str = "ecbce702f4d8548ef8b3fe672d5a58e83e23f55d69a90739904e5793e32bbadaacef919c284d555d84e95f11f21da607e4880d9ae7b6143980";
const DATA_KEY: &str = "4ec5abb86cd4f768d394dffd5dd9a2483cbd8cddd4447662cb73a335447660f60565710de4d144f5dcce55effde20570951c4ae21ad53fd200";

fn case_body(id: &str) -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/corepass.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let c = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    c["inputs"]["body"].as_str().unwrap().to_owned()
}

fn run(args: &[&str], body: &str) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("body.json");
    std::fs::write(&f, body).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    let fs = f.to_str().unwrap().to_owned();
    all.extend(["--body", &fs]);
    let out = Command::cargo_bin("kycrypt")
        .unwrap()
        .args(&all)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (code, json)
}

#[test]
fn verify_status_valid_and_invalid() {
    let body = case_body("status-accepted-upstream");
    let (code, j) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            KEY,
            "--now",
            "1677255400",
        ],
        &body,
    );
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["valid"], true);
    assert_eq!(j["coverage"], "full");
    assert_eq!(j["signer"], "cb85fc08a2b40a25883f2e91bca36db89a3dd79989ba");
    assert!(j["error"].is_null());
    let addr = "ab06fc08a2b40a25883f2e91bca36db89a3dd79989ba";
    let (code, j) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            addr,
            "--now",
            "1677255400",
        ],
        &body,
    );
    assert_eq!(
        (code, j["signer"].clone()),
        (0, addr.into()),
        "pinned by Devin address"
    );
    let (code, j) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            KEY,
            "--now",
            "1677255500",
        ],
        &body,
    );
    assert_eq!(
        (code, j["valid"].clone(), j["error"]["code"].clone()),
        (1, false.into(), "expired".into())
    );
    assert!(j["signer"].is_null() && j["coverage"].is_null());
    let (code, j) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            DATA_KEY,
            "--now",
            "1677255400",
        ],
        &body,
    );
    assert_eq!(
        (code, j["error"]["code"].clone()),
        (1, "key_mismatch".into())
    );
}

#[test]
fn verify_data_and_error() {
    let body = case_body("data-upstream-deadline-only-allowed");
    let base = [
        "corepass",
        "verify",
        "--kind",
        "data",
        "--connector",
        DATA_KEY,
        "--now",
        "1667137300",
    ];
    let (code, j) = run(&base, &body);
    assert_eq!(
        (code, j["error"]["code"].clone()),
        (1, "deadline_only_not_allowed".into())
    );
    let mut allow = base.to_vec();
    allow.push("--allow-deadline-only");
    let (code, j) = run(&allow, &body);
    assert_eq!((code, j["coverage"].clone()), (0, "deadline-only".into()));
    let body = case_body("error-upstream");
    let (code, j) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "error",
            "--connector",
            DATA_KEY,
            "--now",
            "1667161000",
        ],
        &body,
    );
    assert_eq!(
        (code, j["valid"].clone(), j["error"]["code"].clone()),
        (1, false.into(), "unverifiable_signature".into())
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            "nothex",
        ],
        "{}",
    );
    assert_eq!(code, 2);
    let out = Command::cargo_bin("kycrypt")
        .unwrap()
        .args([
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            KEY,
            "--body",
            "/nonexistent/x.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::cargo_bin("kycrypt")
        .unwrap()
        .args(["corepass", "verify", "--kind", "bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (code, j) = run(
        &[
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            KEY,
            "--now",
            "0",
        ],
        "not json",
    );
    assert_eq!(
        (code, j["error"]["code"].clone()),
        (1, "malformed_input".into())
    );
}

#[test]
fn address_commands() {
    let pk = "315484db568379ce94f9c894e3e6e4c7ee216676b713ca892d9b26746ae902a772e217a6a8bb493ce2bb313cf0cb66e76765d4c45ec6b68600";
    let ok = |args: &[&str], want: &str| {
        Command::cargo_bin("kycrypt")
            .unwrap()
            .args(args)
            .assert()
            .success()
            .stdout(format!("{want}\n"));
    };
    ok(
        &["corepass", "address", "--public-key", pk],
        "cb82a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
    );
    ok(
        &[
            "corepass",
            "address",
            "--public-key",
            pk,
            "--network",
            "devin",
        ],
        "ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
    );
    ok(
        &[
            "corepass",
            "address",
            "--public-key",
            pk,
            "--network",
            "other",
        ],
        "ce73a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
    );
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args([
            "corepass",
            "address",
            "--check",
            "ab03a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
        ])
        .assert()
        .code(0);
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args([
            "corepass",
            "address",
            "--check",
            "ab04a5fd22b9bee8b8ab877c86e0a2c21765e1d5bfc5",
        ])
        .assert()
        .code(1);
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args(["corepass", "address", "--public-key", "00"])
        .assert()
        .code(1);
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args([
            "corepass",
            "address",
            "--public-key",
            pk,
            "--network",
            "moon",
        ])
        .assert()
        .code(2);
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args(["corepass", "address"])
        .assert()
        .code(2);
}

#[test]
fn demo_section_passes() {
    Command::cargo_bin("kycrypt")
        .unwrap()
        .arg("demo")
        .assert()
        .success();
}
