//! `kycrypt jwt partner|verify` and `kycrypt jwks`: exact command forms and exit codes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use assert_cmd::Command;

const RSA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test-vectors/keys/demo-rsa.pem"
);
const P256: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test-vectors/keys/demo-p256.pem"
);

fn kycrypt() -> Command {
    Command::cargo_bin("kycrypt").unwrap()
}

fn partner(key: &str, iat: &str) -> String {
    let out = kycrypt()
        .args([
            "jwt",
            "partner",
            "--key",
            key,
            "--kid",
            "k1",
            "--partner-id",
            "P",
            "--email",
            "e@x.io",
        ])
        .args(["--scope", "issue", "--iat", iat, "--ttl", "300"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn verify(token: &str, key: &str, now: &str) -> (i32, serde_json::Value) {
    let out = kycrypt()
        .args([
            "jwt", "verify", "--token", token, "--key", key, "--now", now,
        ])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn partner_sign_then_verify() {
    for (key, alg) in [(RSA, "RS256"), (P256, "ES256")] {
        let token = partner(key, "1700000000");
        let (code, report) = verify(&token, key, "1700000100");
        assert_eq!(code, 0, "{report}");
        assert_eq!(report["valid"], true);
        assert_eq!(report["header"]["alg"], alg);
        assert_eq!(report["header"]["typ"], "JWT");
        assert_eq!(report["claims"]["partnerId"], "P");
        assert_eq!(report["claims"]["exp"], 1700000300);
        let (code, report) = verify(&token, key, "1700000500");
        assert_eq!(code, 1);
        assert_eq!(report["error"]["code"], "expired");
        assert_eq!(report["claims"], serde_json::Value::Null);
    }
    // RS256 token against the EC key: algorithm pinned to the key.
    let token = partner(RSA, "1700000000");
    let (code, report) = verify(&token, P256, "1700000100");
    assert_eq!(
        (code, report["error"]["code"].as_str()),
        (1, Some("algorithm_not_allowed"))
    );
}

#[test]
fn verify_with_jwks_and_audience() {
    let out = kycrypt()
        .args(["jwks", "--key", RSA, "--kid", "k1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let set: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let jwk = &set["keys"][0];
    assert_eq!(
        (
            jwk["kid"].as_str(),
            jwk["use"].as_str(),
            jwk["alg"].as_str()
        ),
        (Some("k1"), Some("sig"), Some("RS256"))
    );
    assert!(jwk.get("d").is_none() && jwk.get("p").is_none());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jwks.json");
    std::fs::write(&path, &out.stdout).unwrap();
    let token = partner(RSA, "1700000000");
    let (code, report) = verify(&token, path.to_str().unwrap(), "1700000100");
    assert_eq!(code, 0, "{report}");
    let out = kycrypt()
        .args([
            "jwt",
            "verify",
            "--token",
            &token,
            "--key",
            RSA,
            "--now",
            "1700000100",
            "--audience",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn jwks_default_kid_is_thumbprint_and_usage_errors() {
    let out = kycrypt().args(["jwks", "--key", P256]).output().unwrap();
    let set: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(set["keys"][0]["kid"].as_str().map(str::len), Some(43));
    kycrypt()
        .args(["jwks", "--key", "/nonexistent"])
        .assert()
        .code(2);
    kycrypt()
        .args(["jwt", "partner", "--key", RSA])
        .assert()
        .code(2);
    let out = kycrypt()
        .args([
            "jwt", "verify", "--token", "a.b.c", "--key", RSA, "--now", "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // TTL above the cap is refused.
    kycrypt()
        .args([
            "jwt",
            "partner",
            "--key",
            RSA,
            "--kid",
            "k",
            "--partner-id",
            "P",
            "--email",
            "e",
            "--scope",
            "s",
        ])
        .args(["--ttl", "901"])
        .assert()
        .code(1);
}

/// `jwt verify` holds tokens to the partner profile's time rules (issue 13, finding 4):
/// `iat` required, `exp - iat` at most 900 s, fractional NumericDates accepted. The tokens
/// are the PyJWT-made cases of test-vectors/jwt.json.
#[test]
fn verify_bounds_the_lifetime() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../test-vectors/jwt.json");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for (id, want) in [
        ("trap-no-iat", Some("malformed_token")),
        ("trap-lifetime-901", Some("malformed_token")),
        ("trap-forever-no-iat", Some("malformed_token")),
        ("partner-lifetime-900", None),
        ("partner-fractional-times", None),
    ] {
        let case = file["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap();
        let key = dir.path().join(format!("{id}.pem"));
        std::fs::write(&key, case["inputs"]["key"].as_str().unwrap()).unwrap();
        let now = case["inputs"]["now"].to_string();
        let (code, report) = verify(
            case["inputs"]["token"].as_str().unwrap(),
            key.to_str().unwrap(),
            &now,
        );
        match want {
            Some(err) => {
                assert_eq!(code, 1, "{id}: {report}");
                assert_eq!(report["error"]["code"], err, "{id}");
            }
            None => assert_eq!(code, 0, "{id}: {report}"),
        }
        seen += 1;
    }
    assert_eq!(seen, 5);
}
