//! Runs test-vectors/did_jwt.json through the public API.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

// The shared runner panics on broken vector files by design.
mod common;

use common::Case;
use kycrypt::hypersign::did::{DidDocument, VerificationPurpose};
use kycrypt::hypersign::did_jwt::{
    DidJwtClaims, DidJwtSignOptions, DidJwtValidation, sign_did_jwt, verify_did_jwt,
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
    let mut val = DidJwtValidation::new(case.s("audience"))
        .with_allow_hid_msi_key(case.flag("allow_hid_msi_key"));
    if case.inputs.get("leeway").is_some() {
        val = val.with_leeway_secs(case.u("leeway"));
    }
    if let Some(p) = case.opt_s("purpose") {
        val = val.with_purpose(p.parse::<VerificationPurpose>().unwrap());
    }
    if let Some(alias) = case.inputs.get("accept_ed25519_alias") {
        val = val.with_accept_ed25519_alias(alias.as_bool().unwrap());
    }
    let got = match case.inputs.get("did_document") {
        Some(doc) => DidDocument::from_json(&doc.to_string())
            .and_then(|d| verify_did_jwt(case.s("token"), Some(&d), case.u("now"), &val)),
        None => verify_did_jwt(case.s("token"), None, case.u("now"), &val),
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
    let mut opts = DidJwtSignOptions::default().with_ttl_secs(case.u("ttl"));
    if let Some(kid) = case.opt_s("kid") {
        opts = opts.with_kid(kid);
    }
    // The vectors carry the claims as JSON; the API takes a typed object, so
    // a non-object is refused here as the bindings refuse it.
    let got = match &case.inputs["claims"] {
        Value::Object(extra) => {
            let mut claims = DidJwtClaims::new(case.s("did"), case.s("audience"));
            claims.extra.clone_from(extra);
            sign_did_jwt(&claims, &key, case.u("iat"), &opts)
        }
        _ => Err(kycrypt::Error::MalformedInput(
            "claims must be a JSON object".into(),
        )),
    };
    common::check(case, got, |c, token| {
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
