//! `kycrypt cak encrypt|decrypt`: exact command forms and exit codes.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn vectors() -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/ecies.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn case(v: &Value, id: &str) -> Value {
    v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no case {id}"))
        .clone()
}

fn kycrypt() -> Command {
    Command::cargo_bin("kycrypt").unwrap()
}

fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

fn flags(c: &Value) -> Vec<String> {
    let i = &c["inputs"];
    let mut f = vec!["--nonce-length".to_string(), i["nonce_len"].to_string()];
    if i["compressed_ephemeral_key"] == true {
        f.push("--compressed-ephemeral".into());
    }
    if i["compressed_hkdf_input"] == true {
        f.push("--compressed-hkdf".into());
    }
    f
}

#[test]
fn decrypts_the_shared_vectors() {
    let v = vectors();
    let dir = tempfile::tempdir().unwrap();
    for id in [
        "secp256k1-eciesjs-default-decrypt",
        "secp256k1-eciesjs-compressed-nonce12-decrypt",
        "secp256r1-eciesjs-style-default-decrypt",
        "secp256r1-eciesjs-style-compressed-nonce12-decrypt",
    ] {
        let c = case(&v, id);
        let ct = write(
            dir.path(),
            "ct.bin",
            &hex::decode(c["inputs"]["ciphertext"].as_str().unwrap()).unwrap(),
        );
        let out = dir.path().join("pt.bin");
        kycrypt()
            .args([
                "cak",
                "decrypt",
                "--curve",
                c["inputs"]["curve"].as_str().unwrap(),
            ])
            .args(["--private-key", c["inputs"]["secret_key"].as_str().unwrap()])
            .arg("--in")
            .arg(&ct)
            .arg("--out")
            .arg(&out)
            .args(flags(&c))
            .assert()
            .code(0);
        assert_eq!(
            hex::encode(std::fs::read(&out).unwrap()),
            c["output"]["plaintext"].as_str().unwrap(),
            "{id}"
        );
    }
}

#[test]
fn round_trip_with_pem_file_and_options() {
    let v = vectors();
    let dir = tempfile::tempdir().unwrap();
    for curve in ["p256", "secp256k1"] {
        let pem_case = case(&v, &format!("sk-{curve}-pem-pkcs8"));
        let pem = write(
            dir.path(),
            "key.pem",
            pem_case["inputs"]["secret_key"]
                .as_str()
                .unwrap()
                .as_bytes(),
        );
        let pk = pem_case["output"]["public_key"].as_str().unwrap();
        let pt = write(dir.path(), "pt.bin", b"passport-scan-bytes");
        let (ct, back) = (dir.path().join("ct.bin"), dir.path().join("back.bin"));
        for extra in [
            vec![],
            vec![
                "--compressed-ephemeral",
                "--compressed-hkdf",
                "--nonce-length",
                "12",
            ],
        ] {
            kycrypt()
                .args([
                    "cak",
                    "encrypt",
                    "--curve",
                    curve,
                    "--public-key",
                    &format!("0x{pk}"),
                ])
                .arg("--in")
                .arg(&pt)
                .arg("--out")
                .arg(&ct)
                .args(&extra)
                .assert()
                .code(0);
            for key_arg in [format!("@{}", pem.display()), pem.display().to_string()] {
                kycrypt()
                    .args([
                        "cak",
                        "decrypt",
                        "--curve",
                        curve,
                        "--private-key",
                        &key_arg,
                    ])
                    .arg("--in")
                    .arg(&ct)
                    .arg("--out")
                    .arg(&back)
                    .args(&extra)
                    .assert()
                    .code(0);
                assert_eq!(std::fs::read(&back).unwrap(), b"passport-scan-bytes");
            }
        }
    }
}

#[test]
fn failures_exit_1_usage_exits_2() {
    let v = vectors();
    let dir = tempfile::tempdir().unwrap();
    let c = case(&v, "secp256k1-eciesjs-default-decrypt");
    let sk = c["inputs"]["secret_key"].as_str().unwrap();
    let mut ct = hex::decode(c["inputs"]["ciphertext"].as_str().unwrap()).unwrap();
    *ct.last_mut().unwrap() ^= 1;
    let tampered = write(dir.path(), "t.bin", &ct);
    let out = dir.path().join("o.bin");
    let run = |args: &[&str]| {
        let mut cmd = kycrypt();
        cmd.args(args).arg("--out").arg(&out);
        cmd.assert()
    };
    let t = tampered.to_str().unwrap();
    let a = run(&[
        "cak",
        "decrypt",
        "--curve",
        "secp256k1",
        "--private-key",
        sk,
        "--in",
        t,
    ])
    .code(1);
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        stderr.contains("decryption_failed") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(!out.exists(), "no output on failure");
    // Wrong curve: a secp256k1 envelope opened as P-256.
    let p256_sk = case(&v, "sk-p256-hex")["inputs"]["secret_key"]
        .as_str()
        .unwrap()
        .to_owned();
    run(&[
        "cak",
        "decrypt",
        "--curve",
        "p256",
        "--private-key",
        &p256_sk,
        "--in",
        t,
    ])
    .code(1);
    run(&[
        "cak",
        "decrypt",
        "--curve",
        "secp256k1",
        "--private-key",
        "zz",
        "--in",
        t,
    ])
    .code(1);
    run(&[
        "cak",
        "encrypt",
        "--curve",
        "p256",
        "--public-key",
        "04deadbeef",
        "--in",
        t,
    ])
    .code(1);
    run(&[
        "cak",
        "decrypt",
        "--curve",
        "secp256k1",
        "--private-key",
        sk,
        "--in",
        "/nonexistent/x",
    ])
    .code(2);
    run(&[
        "cak",
        "decrypt",
        "--curve",
        "ed25519",
        "--private-key",
        sk,
        "--in",
        t,
    ])
    .code(2);
    run(&[
        "cak",
        "decrypt",
        "--curve",
        "secp256k1",
        "--private-key",
        sk,
        "--in",
        t,
        "--nonce-length",
        "13",
    ])
    .code(2);
    run(&[
        "cak",
        "decrypt",
        "--curve",
        "p256",
        "--private-key",
        "@/nonexistent/key.pem",
        "--in",
        t,
    ])
    .code(2);
}
