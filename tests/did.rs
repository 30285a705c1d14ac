//! Runs test-vectors/did.json through the public API.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

// The shared runner panics on broken vector files by design.
mod common;

use common::Case;
use kycrypt::hypersign::did::{
    DidDocument, DidMethod, VerificationPurpose, decode_ed25519_multibase, parse_did,
    resolve_did_key,
};
use serde_json::{Value, json};

fn expect_out(case: &Case, got: &Value) -> Result<(), String> {
    let want = case.output.as_ref().ok_or("valid case without output")?;
    if want == got {
        Ok(())
    } else {
        Err(format!("output {got} != expected {want}"))
    }
}

fn run(case: &Case) -> Result<(), String> {
    match case.op.as_str() {
        "did.parse_did" => common::check(case, parse_did(case.s("did")), |c, d| {
            let method = match d.method {
                DidMethod::Key => "key",
                DidMethod::Hid => "hid",
                _ => "other",
            };
            expect_out(
                c,
                &json!({"method": method, "namespace": d.namespace, "method_specific_id": d.method_specific_id}),
            )
        }),
        "did.resolve_did_key" => common::check(case, resolve_did_key(case.s("did")), |c, doc| {
            let vm = doc
                .methods_for(c.s("did"), None, VerificationPurpose::Authentication)
                .map_err(|e| e.to_string())?;
            let key = vm[0].ed25519_public_key.map(hex::encode);
            expect_out(
                c,
                &json!({"verification_method_id": vm[0].id, "public_key_hex": key}),
            )
        }),
        "did.decode_ed25519_multibase" => common::check(
            case,
            decode_ed25519_multibase(case.s("multibase")),
            |c, k| expect_out(c, &json!({"public_key_hex": hex::encode(k)})),
        ),
        "did.methods_for" => {
            let purpose: VerificationPurpose = case
                .opt_s("purpose")
                .unwrap_or("authentication")
                .parse()
                .unwrap();
            let doc_json = case.inputs["did_document"].to_string();
            let got = DidDocument::from_json(&doc_json).and_then(|doc| {
                let vms = doc.methods_for(case.s("iss"), case.opt_s("kid"), purpose)?;
                let ids: Vec<String> = vms.iter().map(|m| m.id.clone()).collect();
                let keys: Vec<String> = vms
                    .iter()
                    .filter_map(|m| m.ed25519_public_key.map(hex::encode))
                    .collect();
                Ok(json!({"method_ids": ids, "public_keys_hex": keys}))
            });
            common::check(case, got, expect_out)
        }
        op => Err(format!("unknown op {op}")),
    }
}

#[test]
fn did_vectors() {
    common::run_file("did.json", run);
}
