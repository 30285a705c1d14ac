//! `kycrypt did-jwt verify|sign`: exact command forms and exit codes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

const DIDJWT_TOKEN: &str = "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2lUQnoxeW11ZXBBUTRIRUhZU0YxSDhxdUc1R0xWVlFSM2RqZFgzbURvb1dwI3o2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiYXVkIjoiZGlkOndlYjp2ZXJpZmllci5leGFtcGxlIiwic3ViIjoidXNlci0xMjMiLCJpc3MiOiJkaWQ6a2V5Ono2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.4Co4RkDQsFrEm3ksbJXZGW5jH5HcB_Llqb_8T4uE0UW-Sc756hYkxPXF7_3PMIA4ttgYkQRoHdK69JVqmIOwBw";
const HS_TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJFZERTQSJ9.eyJpYXQiOjE3NzAyOTE1MzUsImV4cCI6MTc3MDI5NTEzNSwiZW1haWwiOiJhQGIuYyIsImRpZCI6ImRpZDpoaWQ6dGVzdG5ldDp6VXNlciIsImF1ZCI6ImFwaS5jYXZhY2guaHlwZXJzaWduLmlkIiwiaXNzIjoiZGlkOmhpZDp0ZXN0bmV0Ono2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.-oEwtAIdXynbsULspwicfasaLO5mFlQew5kjgGHJC7e6BDRMIVk7c8PEuoYcj8g2ctdl3eJpjTSiUe-lLjkoDQ";
const HS_DID: &str = "did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
const AUD: &str = "api.cavach.hypersign.id";

/// The did:key spec's seed 0 as an RFC 8410 PKCS#8 v1 PEM.
fn seed0_pem() -> String {
    let mut der = hex::decode("302e020100300506032b657004220420").unwrap();
    der.extend([0u8; 32]);
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        kycrypt::encoding::b64_encode(&der)
    )
}

fn hs_document() -> tempfile::NamedTempFile {
    let doc = serde_json::json!({
        "didDocument": {
            "id": HS_DID,
            "verificationMethod": [{"id": format!("{HS_DID}#key-1"), "type": "Ed25519VerificationKey2020",
                "controller": HS_DID, "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}],
            "authentication": [format!("{HS_DID}#key-1")]
        },
        "didDocumentMetadata": {"deactivated": false}
    });
    let f = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(f.path(), doc.to_string()).unwrap();
    f
}

/// Runs kycrypt, checks the exit code and returns stdout.
fn run(args: &[&str], code: i32) -> String {
    let out = cargo_bin_cmd!("kycrypt").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn report(args: &[&str], code: i32) -> Value {
    serde_json::from_str(&run(args, code)).unwrap()
}

#[test]
fn verify_did_key_token_offline() {
    let r = report(
        &[
            "did-jwt",
            "verify",
            "--token",
            DIDJWT_TOKEN,
            "--audience",
            "did:web:verifier.example",
            "--now",
            "1700000100",
        ],
        0,
    );
    assert_eq!(r["valid"], true);
    assert_eq!(r["error"], Value::Null);
    assert_eq!(
        r["issuer"],
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
    );
    assert!(
        r["signer"]
            .as_str()
            .unwrap()
            .ends_with("#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
    );
    assert_eq!(r["claims"]["sub"], "user-123");
}

#[test]
fn verify_failures_exit_1_with_code() {
    let base = [
        "did-jwt",
        "verify",
        "--token",
        DIDJWT_TOKEN,
        "--now",
        "1700000100",
    ];
    let r = report(&[&base[..], &["--audience", "did:web:other"]].concat(), 1);
    assert_eq!(
        (r["valid"].clone(), r["error"]["code"].clone()),
        (Value::Bool(false), "audience_mismatch".into())
    );
    assert_eq!(r["signer"], Value::Null);
    let r = report(
        &[
            &base[..],
            &["--audience", "did:web:verifier.example", "--leeway", "301"],
        ]
        .concat(),
        1,
    );
    assert_eq!(r["error"]["code"], "invalid_argument");
    let r = report(
        &[
            "did-jwt",
            "verify",
            "--token",
            HS_TOKEN,
            "--audience",
            AUD,
            "--now",
            "1770291600",
        ],
        1,
    );
    assert_eq!(r["error"]["code"], "key_not_found");
    let r = report(
        &[
            "did-jwt",
            "verify",
            "--token",
            DIDJWT_TOKEN,
            "--audience",
            "did:web:verifier.example",
            "--now",
            "1700003660",
        ],
        1,
    );
    assert_eq!(r["error"]["code"], "expired");
}

#[test]
fn verify_did_hid_with_document() {
    let doc = hs_document();
    let path = doc.path().to_str().unwrap();
    let args = [
        "did-jwt",
        "verify",
        "--token",
        HS_TOKEN,
        "--audience",
        AUD,
        "--now",
        "1770291600",
        "--did-document",
        path,
    ];
    let r = report(&args, 0);
    assert_eq!(r["signer"], format!("{HS_DID}#key-1"));
    assert_eq!(r["claims"]["email"], "a@b.c");
    // Only authentication is listed in this document.
    let r = report(&[&args[..], &["--purpose", "assertionMethod"]].concat(), 1);
    assert_eq!(r["error"]["code"], "key_not_found");
}

#[test]
fn usage_errors_exit_2() {
    run(&["did-jwt", "verify", "--token", HS_TOKEN], 2);
    run(
        &[
            "did-jwt",
            "verify",
            "--token",
            HS_TOKEN,
            "--audience",
            AUD,
            "--did-document",
            "/nonexistent/doc.json",
        ],
        2,
    );
    run(
        &[
            "did-jwt",
            "sign",
            "--key",
            "/nonexistent/key.pem",
            "--did",
            HS_DID,
            "--audience",
            AUD,
            "--claims",
            "{}",
        ],
        2,
    );
}

#[test]
fn sign_reproduces_hypersign_token_and_verifies() {
    let key = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(key.path(), seed0_pem()).unwrap();
    let k = key.path().to_str().unwrap();
    let claims = r#"{"email":"a@b.c","did":"did:hid:testnet:zUser"}"#;
    let args = [
        "did-jwt",
        "sign",
        "--key",
        k,
        "--did",
        HS_DID,
        "--audience",
        AUD,
        "--claims",
        claims,
        "--iat",
        "1770291535",
    ];
    let token = run(&args, 0);
    assert_eq!(token, format!("{HS_TOKEN}\n"));
    let did_key = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    let token = run(
        &[
            "did-jwt",
            "sign",
            "--key",
            k,
            "--did",
            did_key,
            "--audience",
            AUD,
            "--claims",
            "{}",
        ],
        0,
    );
    let r = report(
        &[
            "did-jwt",
            "verify",
            "--token",
            token.trim(),
            "--audience",
            AUD,
        ],
        0,
    );
    assert_eq!(r["issuer"], did_key);
    // TTL out of range, claims not an object, a garbage key: exit 1.
    run(&[&args[..], &["--ttl", "59"]].concat(), 1);
    run(
        &[
            "did-jwt",
            "sign",
            "--key",
            k,
            "--did",
            HS_DID,
            "--audience",
            AUD,
            "--claims",
            "[1]",
        ],
        1,
    );
    std::fs::write(
        key.path(),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    run(&args, 1);
}
