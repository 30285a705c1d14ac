//! Shared records and helpers: HTTP headers and JSON text.

use crate::FfiError;

/// One HTTP header as received (name case-insensitive, value verbatim).
/// Headers cross as a list so a repeated header stays visible (the core
/// refuses ambiguous duplicates). Printing shows the name, not the value.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
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
pub(crate) fn invalid_argument(reason: &'static str) -> FfiError {
    kycrypt::Error::InvalidArgument(reason.into()).into()
}

/// The lifetime bound of a validation: `max_lifetime_secs` (`None`: the
/// profile's `default`), or none at all with the explicit
/// `allow_unbounded_lifetime`.
pub(crate) fn lifetime(
    max_lifetime_secs: Option<u64>,
    allow_unbounded_lifetime: bool,
    default: Option<u64>,
) -> Result<Option<u64>, FfiError> {
    match (max_lifetime_secs, allow_unbounded_lifetime) {
        (Some(_), true) => Err(invalid_argument(
            "max_lifetime_secs and allow_unbounded_lifetime exclude each other",
        )),
        (None, true) => Ok(None),
        (Some(m), false) => Ok(Some(m)),
        (None, false) => Ok(default),
    }
}
