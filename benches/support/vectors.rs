//! Bench inputs taken from the shared test vectors, so the benches run the
//! same real samples (upstream callbacks, webhook samples, pinned keys) as the
//! tests. Included by each bench with `#[path = "support/vectors.rs"] mod vectors;`.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used
)]

use serde_json::Value;

/// Each vector file, embedded at compile time.
pub const CAK: &str = include_str!("../../test-vectors/cak.json");
pub const COREPASS: &str = include_str!("../../test-vectors/corepass.json");
pub const DID_JWT: &str = include_str!("../../test-vectors/did_jwt.json");
pub const ED448: &str = include_str!("../../test-vectors/ed448.json");
pub const JWT: &str = include_str!("../../test-vectors/jwt.json");
pub const WEBHOOKS: &str = include_str!("../../test-vectors/webhooks.json");
pub const ZEROHASH: &str = include_str!("../../test-vectors/zerohash.json");

/// One case's `inputs` (panics with the id if the case is missing: a bench
/// whose input vanished must fail loudly, not measure something else).
pub fn inputs(file: &str, id: &str) -> Value {
    let doc: Value = serde_json::from_str(file).expect("vector file is JSON");
    doc["cases"]
        .as_array()
        .expect("cases array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no vector case {id}"))["inputs"]
        .clone()
}

/// A string input.
pub fn s<'a>(inputs: &'a Value, name: &str) -> &'a str {
    inputs[name]
        .as_str()
        .unwrap_or_else(|| panic!("input {name} is not a string"))
}

/// An unsigned input.
pub fn u(inputs: &Value, name: &str) -> u64 {
    inputs[name]
        .as_u64()
        .unwrap_or_else(|| panic!("input {name} is not a u64"))
}

/// `headers` as (name, value) pairs.
pub fn headers(inputs: &Value) -> Vec<(String, String)> {
    inputs["headers"]
        .as_array()
        .expect("headers array")
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
