//! Runs test-vectors/did_jwt.json through the public API.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

// The shared runner panics on broken vector files by design.
mod common;

use common::Case;
use kycrypt::hypersign::did::{DidDocument, VerificationPurpose};
use kycrypt::hypersign::did_jwt::{
    DidJwtSignRequest, DidJwtValidation, sign_did_jwt, verify_did_jwt,
};
use kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey;
use serde_json::{Value, json};

fn expect_out(case: &Case, got: &Value) -> Result<(), String> {
    let want = case.output.as_ref().ok_or("valid case without output")?;
    if want == got {
        Ok(())
    } else {
        Err(format!("output {got} != expected {want}"))
    }
}

fn verify(case: &Case) -> Result<(), String> {
    let mut val = DidJwtValidation::new(case.s("audience"));
    if case.inputs.get("leeway").is_some() {
        val.leeway = case.u("leeway");
    }
    if let Some(p) = case.opt_s("purpose") {
        val.purpose = VerificationPurpose::parse(p).unwrap();
    }
    if let Some(alias) = case.inputs.get("accept_ed25519_alias") {
        val.accept_ed25519_alias = alias.as_bool().unwrap();
    }
    val.allow_hid_msi_key = case.flag("allow_hid_msi_key");
    let got = match case.inputs.get("did_document") {
        Some(doc) => DidDocument::from_json(&doc.to_string())
            .and_then(|d| verify_did_jwt(case.s("token"), &val, Some(&d), case.u("now"))),
        None => verify_did_jwt(case.s("token"), &val, None, case.u("now")),
    };
    common::check(case, got, |c, v| {
        expect_out(
            c,
            &json!({"issuer": v.issuer, "signer": v.signer, "claims": v.claims}),
        )
    })
}

fn sign(case: &Case) -> Result<(), String> {
    let key = Ed25519SigningKey::from_seed(&case.hex("seed_hex")).unwrap();
    let request = DidJwtSignRequest {
        issuer: case.s("did").into(),
        audience: case.s("audience").into(),
        claims_json: case.inputs["claims"].to_string(),
        iat: case.u("iat"),
        ttl: case.u("ttl"),
        kid: case.opt_s("kid").map(str::to_owned),
    };
    common::check(case, sign_did_jwt(&key, &request), |c, token| {
        expect_out(c, &json!({"token": token}))
    })
}

#[test]
fn did_jwt_vectors() {
    common::run_file("did_jwt.json", |case| match case.op.as_str() {
        "did_jwt.verify" => verify(case),
        "did_jwt.sign" => sign(case),
        op => Err(format!("unknown op {op}")),
    });
}
