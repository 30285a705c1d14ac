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

/// A vector case (the whole object).
fn case(id: &str) -> serde_json::Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/corepass.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone()
}

/// `corepass verify --kind <kind>` on a vector case's inputs, plus `more` arguments.
fn verify_case(kind: &str, c: &serde_json::Value, more: &[&str]) -> (i32, serde_json::Value) {
    let i = &c["inputs"];
    let now = i["now"].to_string();
    let mut args = vec![
        "corepass",
        "verify",
        "--kind",
        kind,
        "--connector",
        i["connector"].as_str().unwrap(),
        "--now",
        &now,
    ];
    args.extend(more);
    run(&args, i["body"].as_str().unwrap())
}

#[test]
fn verify_prints_the_verified_values_and_replay_until() {
    let c = case("status-initiate-submitted-upstream");
    let (code, j) = verify_case("status", &c, &[]);
    assert_eq!(code, 0, "{j}");
    let o = &c["output"];
    assert_eq!(j["user"], o["user"]);
    assert_eq!(j["deadline"], 1_677_255_497);
    assert_eq!(j["expiration"], 1_677_255_563);
    assert_eq!(j["status"], "INITIATE_SUBMITTED");
    assert_eq!(
        j["fields"],
        serde_json::json!(["21148787cbc13cfc8acde462c822ff431af96aa2edf714fdc82f90e4c2918824"])
    );
    assert_eq!(
        j["tx_hash"],
        "0xd90eb185877e47238380f613e3ac77f4cdb6a293ae21019fea7ac1b9ce12a94e"
    );
    assert_eq!(j["replay_key"], o["replay_key"]);
    assert_eq!(j["replay_until"], o["replay_until"]);
    assert_eq!(j["replay_until"], 1_677_255_497 + 30);
    assert_eq!(
        (j["valid"].clone(), j["error"].clone()),
        (true.into(), serde_json::Value::Null)
    );
    // Status without a transaction: tx_hash is null.
    let (code, j) = verify_case("status", &case("status-accepted-upstream"), &[]);
    assert_eq!(
        (code, j["status"].clone(), j["tx_hash"].clone()),
        (0, "ACCEPTED".into(), serde_json::Value::Null)
    );

    // A custom leeway moves replay_until; the callback verifies at it and not one second later.
    // `--skew-secs` is the old spelling of `--leeway-secs`, still accepted.
    let c = case("status-upstream-custom-skew");
    let (code, j) = verify_case("status", &c, &["--leeway-secs", "300"]);
    assert_eq!(
        (code, j["replay_until"].clone()),
        (0, c["output"]["replay_until"].clone())
    );
    let until = j["replay_until"].as_u64().unwrap();
    let body = c["inputs"]["body"].as_str().unwrap();
    let at = |now: u64| {
        let now = now.to_string();
        let args = [
            "corepass",
            "verify",
            "--kind",
            "status",
            "--connector",
            KEY,
            "--leeway-secs",
            "300",
            "--now",
            &now,
        ];
        run(&args, body)
    };
    assert_eq!(at(until).0, 0);
    let (code, j) = at(until + 1);
    assert_eq!((code, j["error"]["code"].clone()), (1, "expired".into()));
    assert!(j["replay_until"].is_null() && j["user"].is_null(), "{j}");
    let (code, _) = verify_case("status", &c, &["--skew-secs", "301"]);
    assert_eq!(code, 1);

    let c = case("data-upstream-deadline-only-allowed");
    let (code, j) = verify_case("data", &c, &["--allow-deadline-only"]);
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["user"], c["output"]["user"]);
    assert_eq!(
        (j["deadline"].clone(), j["expiration"].clone()),
        (1_667_137_346.into(), 1_667_137_346.into())
    );
    assert_eq!(j["replay_until"], c["output"]["replay_until"]);
    let infos = j["infos"].as_array().unwrap();
    assert_eq!(infos.len(), 2);
    assert_eq!(infos[0]["field_id"], "SH_DriverLicense_DOB");
    assert_eq!(infos[0]["field_value"], "1986-09-06");
    assert!(infos[0]["pepper"].as_str().unwrap().starts_with("374e7426"));
    assert_eq!(infos[1]["field_id"], "SH_DriverLicense_IssueDate");
    assert_eq!(infos[1]["field_value"], "2020-11-12");

    let c = case("error-gen-compact-form");
    let (code, j) = verify_case("error", &c, &[]);
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["items"], serde_json::json!(["SH_EMAIL"]));
    assert_eq!(j["callback_error"], "VALIDITY_FAILED");
    assert!(j["error"].is_null());
    assert_eq!(j["user"], c["output"]["user"]);
    assert_eq!(j["replay_until"], c["output"]["replay_until"]);
    assert_eq!(j["expiration"], 1_700_000_600);
}

#[test]
fn verify_refuses_a_case_variant_member_with_exit_1() {
    let c = case("status-accepted-upstream");
    let body = c["inputs"]["body"].as_str().unwrap();
    let open = body.trim_end().strip_suffix('}').unwrap();
    for (extra, member) in [
        (
            r#""User":"ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e""#,
            "User",
        ),
        (r#""Status":"FINISH_SUCCESS""#, "Status"),
        (r#""Deadline":9999999999"#, "Deadline"),
    ] {
        let mutated = format!("{open},{extra}}}");
        let now = c["inputs"]["now"].to_string();
        let (code, j) = run(
            &[
                "corepass",
                "verify",
                "--kind",
                "status",
                "--connector",
                KEY,
                "--now",
                &now,
            ],
            &mutated,
        );
        assert_eq!(
            (code, j["valid"].clone(), j["error"]["code"].clone()),
            (1, false.into(), "malformed_input".into()),
            "{j}"
        );
        let msg = j["error"]["message"].as_str().unwrap();
        assert!(msg.contains(&format!("\"{member}\"")), "{msg}");
        assert!(
            !msg.contains("ab06b37c") && !msg.contains("9999999999"),
            "{msg}"
        );
        assert!(
            j["user"].is_null() && j["status"].is_null() && j["replay_key"].is_null(),
            "{j}"
        );
    }
    // The mutated vectors of every kind too.
    for (kind, id) in [
        (
            "status",
            "status-upstream-case-variant-user-status-deadline",
        ),
        ("data", "data-upstream-infos-case-variant"),
        ("error", "error-upstream-case-variant-error"),
    ] {
        let (code, j) = verify_case(kind, &case(id), &["--allow-deadline-only"]);
        assert_eq!(
            (code, j["error"]["code"].clone()),
            (1, "malformed_input".into()),
            "{id}: {j}"
        );
    }
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
