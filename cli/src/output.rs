//! Shared CLI plumbing: exit codes, the JSON verification report, file and clock input.

use std::process::ExitCode;

use serde_json::{Map, Value, json};

/// Success / valid.
pub(crate) const EXIT_OK: u8 = 0;
/// Not valid, or a cryptographic / input failure.
pub(crate) const EXIT_INVALID: u8 = 1;
/// Usage or I/O error.
pub(crate) const EXIT_USAGE: u8 = 2;

/// A usage or I/O failure: printed as one line on stderr, exit 2.
#[derive(Debug)]
pub(crate) struct UsageError(pub(crate) String);

impl UsageError {
    pub(crate) fn exit(self) -> ExitCode {
        eprintln!("kycrypt: {}", self.0);
        ExitCode::from(EXIT_USAGE)
    }
}

/// Reads a whole file (or stdin for `-`).
pub(crate) fn read_file(path: &std::path::Path) -> Result<Vec<u8>, UsageError> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| UsageError(format!("cannot read stdin: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))
}

/// Writes a whole file (or stdout for `-`).
pub(crate) fn write_file(path: &std::path::Path, data: &[u8]) -> Result<(), UsageError> {
    if path.as_os_str() == "-" {
        return std::io::Write::write_all(&mut std::io::stdout(), data)
            .map_err(|e| UsageError(format!("cannot write stdout: {e}")));
    }
    std::fs::write(path, data)
        .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))
}

/// `--now` if given, else the system clock (unix seconds).
pub(crate) fn now_or(now: Option<u64>) -> u64 {
    now.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    })
}

/// The error member of a report: `{"code": ..., "message": ...}`.
pub(crate) fn error_json(e: &kycrypt::Error) -> Value {
    json!({ "code": e.code(), "message": e.to_string() })
}

/// Prints the verification report `{"valid", "coverage", "signer", "error", ...extra}`
/// on stdout and returns exit 0 (valid) or 1 (not valid).
pub(crate) fn report(
    result: Result<(), &kycrypt::Error>,
    coverage: Option<&str>,
    signer: Option<String>,
    extra: Map<String, Value>,
) -> ExitCode {
    let mut obj = Map::new();
    obj.insert("valid".into(), Value::Bool(result.is_ok()));
    obj.insert(
        "coverage".into(),
        coverage.map_or(Value::Null, |c| Value::String(c.into())),
    );
    obj.insert("signer".into(), signer.map_or(Value::Null, Value::String));
    obj.insert("error".into(), result.err().map_or(Value::Null, error_json));
    obj.extend(extra);
    println!("{}", Value::Object(obj));
    ExitCode::from(if result.is_ok() {
        EXIT_OK
    } else {
        EXIT_INVALID
    })
}

/// Prints a non-verification failure (`kycrypt: <code>: <message>`) on stderr, exit 1.
pub(crate) fn fail(e: &kycrypt::Error) -> ExitCode {
    eprintln!("kycrypt: {}: {e}", e.code());
    ExitCode::from(EXIT_INVALID)
}
