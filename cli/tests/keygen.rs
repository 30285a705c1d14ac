//! `kycrypt keygen`: every type, stdout and --out (mode 0600).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use assert_cmd::Command;

#[test]
fn keygen_every_type() {
    for t in ["rsa2048", "p256", "secp256k1", "ed25519", "ed448"] {
        let out = Command::cargo_bin("kycrypt")
            .unwrap()
            .args(["keygen", "--type", t])
            .output()
            .unwrap();
        assert!(out.status.success(), "{t}");
        let pem = String::from_utf8(out.stdout).unwrap();
        assert!(
            pem.starts_with("-----BEGIN PRIVATE KEY-----")
                && pem.trim_end().ends_with("-----END PRIVATE KEY-----")
        );
        if t != "ed448" {
            let key = kycrypt::primitives::keys::PrivateKey::from_pem(&pem).unwrap();
            assert!(!format!("{key:?}").contains(&pem[30..60]));
        }
    }
}

#[test]
fn keygen_out_file_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.pem");
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args(["keygen", "--type", "p256", "--out"])
        .arg(&path)
        .assert()
        .success();
    let pem = std::fs::read_to_string(&path).unwrap();
    assert!(kycrypt::primitives::keys::PrivateKey::from_pem(&pem).is_ok());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    Command::cargo_bin("kycrypt")
        .unwrap()
        .args(["keygen", "--type", "rsa1024"])
        .assert()
        .code(2);
}
