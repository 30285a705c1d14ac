//! Shared records and helpers: HTTP headers, JSON text and unix times
//! (mirrors `bindings/ffi/src/common.rs`).
//!
//! Times cross as JS numbers (`i64` here): a negative time is refused with
//! `malformed_input`, and a time the core returns that a JS number cannot
//! hold exactly (above `Number.MAX_SAFE_INTEGER`) is refused the same way.

use napi_derive::napi;

use crate::KyError;
use crate::guard::from_core;

/// One HTTP header as received (name case-insensitive, value verbatim).
/// Headers cross as a list so a repeated header stays visible (the core
/// refuses ambiguous duplicates).
#[napi(object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpHeader {
    /// The header name, e.g. `X-Payload-Digest`.
    pub name: String,
    /// The header value.
    pub value: String,
}

/// The headers as `(name, value)` pairs for the core.
pub(crate) fn pairs(headers: &[HttpHeader]) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|h| (h.name.as_str(), h.value.as_str()))
        .collect()
}

/// A JSON object as compact text (member order kept).
pub(crate) fn json_text(map: &serde_json::Map<String, serde_json::Value>) -> String {
    serde_json::Value::Object(map.clone()).to_string()
}

/// An `invalid_argument` error, worded like the core's.
pub(crate) fn invalid_argument(reason: &'static str) -> KyError {
    from_core(kycrypt::Error::InvalidArgument(reason.into()))
}

/// A `malformed_input` error, worded like the core's.
pub(crate) fn malformed(reason: String) -> KyError {
    from_core(kycrypt::Error::MalformedInput(reason.into()))
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A non-negative JS integer argument (seconds) as the core's `u64`.
///
/// # Errors
/// `malformed_input` when `value` is negative (`what` names the argument).
pub(crate) fn secs(what: &str, value: i64) -> Result<u64, KyError> {
    u64::try_from(value).map_err(|_| malformed(format!("{what} must not be negative")))
}

/// An optional [`secs`] argument.
///
/// # Errors
/// As [`secs`].
pub(crate) fn opt_secs(what: &str, value: Option<i64>) -> Result<Option<u64>, KyError> {
    value.map(|v| secs(what, v)).transpose()
}

/// A core `u64` (seconds) for JS.
///
/// # Errors
/// `malformed_input` when it exceeds `Number.MAX_SAFE_INTEGER` (`what` names it).
pub(crate) fn js_secs(what: &str, value: u64) -> Result<i64, KyError> {
    if value > MAX_SAFE_INTEGER {
        return Err(malformed(format!(
            "{what} does not fit a JS number exactly"
        )));
    }
    i64::try_from(value).map_err(|_| malformed(format!("{what} does not fit a JS number exactly")))
}

/// The lifetime bound of a validation: `max_lifetime_secs` (`None`: the
/// profile's `default`), or none at all with the explicit
/// `allow_unbounded_lifetime`.
pub(crate) fn lifetime(
    max_lifetime_secs: Option<u64>,
    allow_unbounded_lifetime: bool,
    default: Option<u64>,
) -> Result<Option<u64>, KyError> {
    match (max_lifetime_secs, allow_unbounded_lifetime) {
        (Some(_), true) => Err(invalid_argument(
            "max_lifetime_secs and allow_unbounded_lifetime exclude each other",
        )),
        (None, true) => Ok(None),
        (Some(m), false) => Ok(Some(m)),
        (None, false) => Ok(default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_convert_or_are_refused() {
        assert_eq!(secs("now", 5).unwrap(), 5);
        let e = secs("now", -1).unwrap_err();
        assert_eq!(
            (e.status, e.reason.as_str()),
            (
                "malformed_input",
                "malformed input: now must not be negative"
            )
        );
        assert_eq!(opt_secs("w", None).unwrap(), None);
        assert_eq!(
            js_secs("t", MAX_SAFE_INTEGER).unwrap(),
            9_007_199_254_740_991
        );
        assert_eq!(
            js_secs("t", MAX_SAFE_INTEGER + 1).unwrap_err().status,
            "malformed_input"
        );
        let h = [HttpHeader {
            name: "A".into(),
            value: "b".into(),
        }];
        assert_eq!(pairs(&h), vec![("A", "b")]);
    }
}
