//! `kycrypt did-jwt`: verify and sign Hypersign DID-JWTs (EdDSA).
//!
//! ```text
//! kycrypt did-jwt verify --token T --audience A [--now UNIX] [--did-document FILE] [--leeway S]
//!                        [--purpose authentication|assertionMethod]
//! kycrypt did-jwt sign --key ED25519_PEM --did DID --audience A --claims JSON [--iat UNIX] [--ttl S] [--kid KID]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use kycrypt::hypersign::did::{DidDocument, VerificationPurpose};
use kycrypt::hypersign::did_jwt::{
    DidJwtClaims, DidJwtSignOptions, DidJwtValidation, sign_did_jwt, verify_did_jwt,
};
use kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use crate::output::{UsageError, now_or, read_file, report};

/// Arguments of `kycrypt did-jwt`.
#[derive(clap::Args)]
pub(crate) struct Cmd {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Verify a DID-JWT (did:key offline; did:hid with --did-document). Exit 0 valid, 1 not valid.
    Verify(VerifyArgs),
    /// Sign a DID-JWT as Hypersign issues it; prints the compact token.
    Sign(SignArgs),
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// The compact token.
    #[arg(long)]
    token: String,
    /// The audience this verifier is (the token's `aud` must contain it).
    #[arg(long)]
    audience: String,
    /// Verification time, unix seconds (default: the system clock).
    #[arg(long)]
    now: Option<u64>,
    /// The issuer's resolved DID document (JSON, bare or resolver wrapper; `-` = stdin).
    #[arg(long)]
    did_document: Option<PathBuf>,
    /// Clock skew in seconds (default 60, max 300).
    #[arg(long)]
    leeway: Option<u64>,
    /// Verification relationship: authentication (default) or assertionMethod.
    #[arg(long, default_value = "authentication")]
    purpose: String,
}

#[derive(clap::Args)]
struct SignArgs {
    /// Ed25519 private key, PKCS#8 PEM file (`-` = stdin).
    #[arg(long)]
    key: PathBuf,
    /// The issuer DID (`iss`).
    #[arg(long)]
    did: String,
    /// The audience (`aud`).
    #[arg(long)]
    audience: String,
    /// The caller's claims, a JSON object.
    #[arg(long)]
    claims: String,
    /// Issued-at, unix seconds (default: the system clock).
    #[arg(long)]
    iat: Option<u64>,
    /// Lifetime in seconds, 60..=86400.
    #[arg(long, default_value_t = 3600)]
    ttl: u64,
    /// Optional header kid (Hypersign sends none).
    #[arg(long)]
    kid: Option<String>,
}

pub(crate) fn run(cmd: Cmd) -> ExitCode {
    let result = match cmd.action {
        Action::Verify(a) => run_verify(a),
        Action::Sign(a) => run_sign(a),
    };
    result.unwrap_or_else(UsageError::exit)
}

fn run_verify(a: VerifyArgs) -> Result<ExitCode, UsageError> {
    let doc_text = match &a.did_document {
        Some(path) => Some(
            String::from_utf8(read_file(path)?)
                .map_err(|_| UsageError(format!("{} is not UTF-8", path.display())))?,
        ),
        None => None,
    };
    let mut validation = DidJwtValidation::new(a.audience);
    if let Some(l) = a.leeway {
        validation = validation.with_leeway_secs(l);
    }
    let result = a
        .purpose
        .parse::<VerificationPurpose>()
        .and_then(|purpose| {
            let validation = validation.with_purpose(purpose);
            let doc = doc_text
                .as_deref()
                .map(DidDocument::from_json)
                .transpose()?;
            verify_did_jwt(&a.token, doc.as_ref(), now_or(a.now), &validation)
        });
    let mut extra = Map::new();
    let (signer, status) = match &result {
        Ok(v) => {
            extra.insert("issuer".into(), Value::String(v.issuer.clone()));
            extra.insert("claims".into(), Value::Object(v.claims.clone()));
            (Some(v.signer.clone()), Ok(()))
        }
        Err(e) => {
            extra.insert("issuer".into(), Value::Null);
            extra.insert("claims".into(), Value::Null);
            (None, Err(e))
        }
    };
    Ok(report(status, Some("header.payload"), signer, extra))
}

fn run_sign(a: SignArgs) -> Result<ExitCode, UsageError> {
    let pem = Zeroizing::new(read_file(&a.key)?);
    let key = match ed25519_from_pkcs8_pem(&pem) {
        Ok(k) => k,
        Err(e) => return Ok(crate::output::fail(&e)),
    };
    let mut opts = DidJwtSignOptions::default().with_ttl_secs(a.ttl);
    if let Some(kid) = a.kid {
        opts = opts.with_kid(kid);
    }
    let token = claims_from_json(&a.did, &a.audience, &a.claims)
        .and_then(|claims| sign_did_jwt(&claims, &key, now_or(a.iat), &opts));
    match token {
        Ok(token) => {
            crate::output::write_file(std::path::Path::new("-"), format!("{token}\n").as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(crate::output::fail(&e)),
    }
}

/// The DID-JWT claims with the caller's extra members given as a JSON object text.
fn claims_from_json(did: &str, audience: &str, json: &str) -> kycrypt::Result<DidJwtClaims> {
    let mut claims = DidJwtClaims::new(did, audience);
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(extra)) => claims.extra = extra,
        _ => {
            return Err(kycrypt::Error::MalformedInput(
                "claims must be a JSON object".into(),
            ));
        }
    }
    Ok(claims)
}

/// RFC 8410 PKCS#8 v1 prefix of an Ed25519 private key (the seed follows).
const PKCS8_V1_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// RFC 8410 PKCS#8 v2 (OneAsymmetricKey with the public key) prefix.
const PKCS8_V2_PREFIX: [u8; 16] = [
    0x30, 0x51, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// The `[1] publicKey BIT STRING` header that follows the seed in v2.
const PKCS8_V2_PUB: [u8; 3] = [0x81, 0x21, 0x00];

/// Parses an unencrypted Ed25519 PKCS#8 PEM (`BEGIN PRIVATE KEY`, RFC 8410).
/// A stopgap until `kycrypt::primitives::keys` lands.
fn ed25519_from_pkcs8_pem(pem: &[u8]) -> Result<Ed25519SigningKey, kycrypt::Error> {
    let bad =
        || kycrypt::Error::InvalidKey("expected an Ed25519 PKCS#8 PEM (BEGIN PRIVATE KEY)".into());
    let text = std::str::from_utf8(pem).map_err(|_| bad())?;
    let body = text
        .trim()
        .strip_prefix("-----BEGIN PRIVATE KEY-----")
        .and_then(|t| t.strip_suffix("-----END PRIVATE KEY-----"))
        .ok_or_else(bad)?;
    let b64: Zeroizing<String> = Zeroizing::new(body.split_whitespace().collect());
    let der =
        Zeroizing::new(kycrypt::encoding::b64_decode("private key", &b64).map_err(|_| bad())?);
    let (seed, rest) = match der.len() {
        48 => der.strip_prefix(&PKCS8_V1_PREFIX[..]).map(|r| (r, &[][..])),
        83 => der
            .strip_prefix(&PKCS8_V2_PREFIX[..])
            .and_then(|r| r.split_at_checked(32)),
        _ => None,
    }
    .ok_or_else(bad)?;
    let key = Ed25519SigningKey::from_seed(seed)?;
    if !rest.is_empty() {
        let public = rest.strip_prefix(&PKCS8_V2_PUB[..]).ok_or_else(bad)?;
        if public != key.verifying_key().to_bytes() {
            return Err(kycrypt::Error::KeyMismatch);
        }
    }
    Ok(key)
}

/// did-jwt 9.0.1 `createJWT` token, did:key of the did:key spec's seed 0.
const DIDJWT_TOKEN: &str = "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2lUQnoxeW11ZXBBUTRIRUhZU0YxSDhxdUc1R0xWVlFSM2RqZFgzbURvb1dwI3o2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiYXVkIjoiZGlkOndlYjp2ZXJpZmllci5leGFtcGxlIiwic3ViIjoidXNlci0xMjMiLCJpc3MiOiJkaWQ6a2V5Ono2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.4Co4RkDQsFrEm3ksbJXZGW5jH5HcB_Llqb_8T4uE0UW-Sc756hYkxPXF7_3PMIA4ttgYkQRoHdK69JVqmIOwBw";
/// A token shaped like entity-ssi-api-service `issueDidJwt` output.
const HS_TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJFZERTQSJ9.eyJpYXQiOjE3NzAyOTE1MzUsImV4cCI6MTc3MDI5NTEzNSwiZW1haWwiOiJhQGIuYyIsImRpZCI6ImRpZDpoaWQ6dGVzdG5ldDp6VXNlciIsImF1ZCI6ImFwaS5jYXZhY2guaHlwZXJzaWduLmlkIiwiaXNzIjoiZGlkOmhpZDp0ZXN0bmV0Ono2TWtpVEJ6MXltdWVwQVE0SEVIWVNGMUg4cXVHNUdMVlZRUjNkamRYM21Eb29XcCJ9.-oEwtAIdXynbsULspwicfasaLO5mFlQew5kjgGHJC7e6BDRMIVk7c8PEuoYcj8g2ctdl3eJpjTSiUe-lLjkoDQ";
/// Its issuer's DID document (hid-ssi-js-sdk shape).
const HS_DOCUMENT: &str = r##"{"id":"did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
 "verificationMethod":[{"id":"did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#key-1",
  "type":"Ed25519VerificationKey2020","controller":"did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
  "publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}],
 "authentication":["did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#key-1"],
 "assertionMethod":["did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#key-1"]}"##;
const HS_AUD: &str = "api.cavach.hypersign.id";

/// Prints one check line; Err when the outcome is not the expected one.
fn expect<T>(
    what: &str,
    got: Result<T, kycrypt::Error>,
    want_code: Option<&str>,
) -> Result<Option<T>, String> {
    match (got, want_code) {
        (Ok(v), None) => {
            println!("   ok    {what}: succeeded");
            Ok(Some(v))
        }
        (Err(e), Some(code)) if e.code() == code => {
            println!("   ok    {what}: rejected ({code})");
            Ok(None)
        }
        (Ok(_), Some(code)) => Err(format!("{what}: accepted, expected {code}")),
        (Err(e), _) => Err(format!("{what}: {}: {e}", e.code())),
    }
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    demo_did_key()?;
    let doc = DidDocument::from_json(HS_DOCUMENT).map_err(|e| e.to_string())?;
    demo_hypersign(&doc)?;
    demo_sign(&doc)
}

/// The did-jwt library's did:key token: valid, wrong audience, expired, tampered.
fn demo_did_key() -> Result<(), String> {
    let v = DidJwtValidation::new("did:web:verifier.example");
    let ok = expect(
        "did-jwt 9.0.1 did:key token (offline did:key)",
        verify_did_jwt(DIDJWT_TOKEN, None, 1_700_000_100, &v),
        None,
    )?;
    if let Some(ok) = ok {
        println!("          signer {}", ok.signer);
    }
    let wrong_aud = DidJwtValidation::new("did:web:someone-else.example");
    expect(
        "same token, wrong audience",
        verify_did_jwt(DIDJWT_TOKEN, None, 1_700_000_100, &wrong_aud),
        Some("audience_mismatch"),
    )?;
    expect(
        "same token at exp + leeway",
        verify_did_jwt(DIDJWT_TOKEN, None, 1_700_003_660, &v),
        Some("expired"),
    )?;
    // {"iat":1700000000, -> {"iat":1700000001, in the base64url payload.
    let tampered =
        DIDJWT_TOKEN.replacen(".eyJpYXQiOjE3MDAwMDAwMDAs", ".eyJpYXQiOjE3MDAwMDAwMDEs", 1);
    if tampered == DIDJWT_TOKEN {
        return Err("could not build the tampered sample".into());
    }
    expect(
        "tampered payload (iat changed)",
        verify_did_jwt(&tampered, None, 1_700_000_100, &v),
        Some("signature_invalid"),
    )?;
    Ok(())
}

/// The Hypersign-shaped did:hid token with and without its document.
fn demo_hypersign(doc: &DidDocument) -> Result<(), String> {
    let hs = DidJwtValidation::new(HS_AUD);
    expect(
        "Hypersign-shaped did:hid token with its DID document",
        verify_did_jwt(HS_TOKEN, Some(doc), 1_770_291_600, &hs),
        None,
    )?;
    expect(
        "same token without a document",
        verify_did_jwt(HS_TOKEN, None, 1_770_291_600, &hs),
        Some("key_not_found"),
    )?;
    Ok(())
}

/// Signs the Hypersign-shaped token again and verifies it back.
fn demo_sign(doc: &DidDocument) -> Result<(), String> {
    // Sign with the did:key spec's public test seed 0: Ed25519 is deterministic,
    // so the Hypersign-shaped token is reproduced byte for byte.
    let key = Ed25519SigningKey::from_seed(&[0u8; 32]).map_err(|e| e.to_string())?;
    let mut claims = DidJwtClaims::new(
        "did:hid:testnet:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        HS_AUD,
    );
    claims.extra.insert("email".into(), "a@b.c".into());
    claims
        .extra
        .insert("did".into(), "did:hid:testnet:zUser".into());
    let opts = DidJwtSignOptions::default().with_ttl_secs(3600);
    let hs = DidJwtValidation::new(HS_AUD);
    let token = expect(
        "sign issueDidJwt-shaped token",
        sign_did_jwt(&claims, &key, 1_770_291_535, &opts),
        None,
    )?
    .unwrap_or_default();
    if token != HS_TOKEN {
        return Err("signed token differs from the Hypersign-shaped sample".into());
    }
    println!("   ok    signed token is byte-identical to the sample");
    expect(
        "verify the token just signed",
        verify_did_jwt(&token, Some(doc), 1_770_291_600, &hs),
        None,
    )?;
    Ok(())
}
