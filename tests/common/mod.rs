//! Shared runner for `test-vectors/*.json` (format: `test-vectors/README.md`).
#![allow(dead_code, unreachable_pub)]

use serde::Deserialize;
use serde_json::Value;

/// One vector file.
#[derive(Debug, Deserialize)]
pub struct VectorFile {
    pub schema: String,
    pub name: String,
    pub sources: serde_json::Map<String, Value>,
    pub cases: Vec<Case>,
}

/// One case.
#[derive(Debug, Deserialize)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub comment: String,
    pub source: String,
    pub op: String,
    pub inputs: Value,
    pub expected: String,
    #[serde(default)]
    pub error_code: Option<String>,
    #[serde(default)]
    pub output: Option<Value>,
}

impl Case {
    /// A string input (panics with the case id when absent: a broken vector file).
    pub fn s(&self, k: &str) -> &str {
        self.inputs
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: input {k} missing", self.id))
    }
    /// An optional string input.
    pub fn opt_s(&self, k: &str) -> Option<&str> {
        self.inputs.get(k).and_then(Value::as_str)
    }
    /// An integer input.
    pub fn u(&self, k: &str) -> u64 {
        self.inputs
            .get(k)
            .and_then(Value::as_u64)
            .unwrap_or_else(|| panic!("{}: input {k} missing", self.id))
    }
    /// An optional boolean input (false when absent).
    pub fn flag(&self, k: &str) -> bool {
        self.inputs.get(k).and_then(Value::as_bool).unwrap_or(false)
    }
    /// A hex input decoded.
    pub fn hex(&self, k: &str) -> Vec<u8> {
        hex::decode(self.s(k)).unwrap_or_else(|_| panic!("{}: input {k} not hex", self.id))
    }
    /// An expected output member.
    pub fn out(&self, k: &str) -> Option<&Value> {
        self.output.as_ref().and_then(|o| o.get(k))
    }
}

/// Loads `test-vectors/<name>` and checks that every case names a known source.
pub fn load(name: &str) -> VectorFile {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test-vectors")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let file: VectorFile =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(file.schema, "kycrypt-vectors/1", "{name}: schema");
    let mut ids = std::collections::HashSet::new();
    for c in &file.cases {
        assert!(ids.insert(c.id.clone()), "{name}: duplicate id {}", c.id);
        assert!(
            file.sources.contains_key(&c.source),
            "{name}/{}: unknown source {}",
            c.id,
            c.source
        );
        assert!(
            c.expected == "valid" || c.expected == "invalid",
            "{name}/{}: expected",
            c.id
        );
        if c.expected == "invalid" {
            assert!(
                c.error_code.is_some(),
                "{name}/{}: invalid case without error_code",
                c.id
            );
        }
    }
    file
}

/// Checks one case's outcome against its expectation; returns a failure description.
pub fn check<T>(
    case: &Case,
    got: Result<T, kycrypt::Error>,
    check_ok: impl FnOnce(&Case, &T) -> Result<(), String>,
) -> Result<(), String> {
    match (case.expected.as_str(), got) {
        ("valid", Ok(v)) => check_ok(case, &v),
        ("valid", Err(e)) => Err(format!("expected valid, got error {}: {e}", e.code())),
        (_, Ok(_)) => Err(format!("expected error {:?}, got Ok", case.error_code)),
        (_, Err(e)) => {
            if Some(e.code()) == case.error_code.as_deref() {
                Ok(())
            } else {
                Err(format!(
                    "expected error {:?}, got {}: {e}",
                    case.error_code,
                    e.code()
                ))
            }
        }
    }
}

/// Runs every case of a file through `run`, prints a per-op summary and fails
/// if any case failed or if no case ran.
pub fn run_file(name: &str, mut run: impl FnMut(&Case) -> Result<(), String>) {
    let file = load(name);
    let mut failures = Vec::new();
    let mut passed = 0usize;
    for case in &file.cases {
        match run(case) {
            Ok(()) => passed += 1,
            Err(msg) => failures.push(format!("{} [{}]: {msg}", case.id, case.op)),
        }
    }
    println!("{name}: {passed} cases passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{name}: failures:\n{}",
        failures.join("\n")
    );
    assert!(passed > 0, "{name}: no case ran");
}
