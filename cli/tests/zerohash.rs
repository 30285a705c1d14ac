//! `kycrypt zerohash sign`: exact command form, output and exit codes.
// Helpers here and in tests/common (not #[test] fns) may unwrap/panic: a broken fixture fails loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const SECRET: &str = "2mC4ZvVd4goRkuJm+rjr9byUiaUW1b6tVN4xy9QXNSE=";

fn kycrypt() -> Command {
    Command::cargo_bin("kycrypt").unwrap()
}

#[test]
fn sign_prints_headers_json() {
    let out = kycrypt()
        .args([
            "zerohash",
            "sign",
            "--secret",
            SECRET,
            "--method",
            "POST",
            "--route",
            "/payments",
        ])
        .args([
            "--body",
            r#"{"amount":"25.00"}"#,
            "--timestamp",
            "1788998400",
        ])
        .args(["--api-key", "pk", "--passphrase", "pp"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["X-SCX-SIGNED"],
        "m6O2GTfv+XPb2+/tcS5+lQ2kknFE4e34cGd2d41j5AY="
    );
    assert_eq!(v["X-SCX-TIMESTAMP"], "1788998400");
    assert_eq!(v["X-SCX-API-KEY"], "pk");
    assert_eq!(v["X-SCX-PASSPHRASE"], "pp");
}

#[test]
fn sign_without_key_and_passphrase_prints_two_headers() {
    let out = kycrypt()
        .args(["zerohash", "sign", "--secret", SECRET, "--method", "GET"])
        .args([
            "--route",
            "/accounts?account_owner=00SCXM&account_group=BBLGTW",
            "--body",
            "",
            "--timestamp",
            "1714445421",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 2);
    assert_eq!(
        v["X-SCX-SIGNED"],
        "nvY/lGZoaom8x6eHeMWlzF4NnGvGA3YPtrbCmyUSplo="
    );
}

#[test]
fn bad_secret_exits_1_and_missing_args_exit_2() {
    kycrypt()
        .args([
            "zerohash",
            "sign",
            "--secret",
            "%%%",
            "--method",
            "GET",
            "--route",
            "/a",
            "--body",
            "",
            "--timestamp",
            "1",
        ])
        .assert()
        .code(1);
    kycrypt()
        .args(["zerohash", "sign", "--secret", SECRET])
        .assert()
        .code(2);
}
