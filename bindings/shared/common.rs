//! Shared records and helpers: HTTP headers, unix times, argument errors.

#[cfg(napi)]
use napi_derive::napi;

use crate::shim::Secs;

/// One HTTP header as received (name case-insensitive, value verbatim).
///
/// Headers cross as a list so that a repeated header stays visible (the core refuses
/// ambiguous duplicates). Printing shows the name, not the value: a value may be a
/// passphrase, a bearer token or a signature.
#[cfg_attr(uniffi, derive(uniffi::Record), uniffi::export(Debug, Display))]
#[cfg_attr(napi, napi(object))]
#[derive(Clone, PartialEq, Eq)]
pub struct HttpHeader {
    /// The header name, e.g. `X-Payload-Digest`.
    pub name: String,
    /// The header value.
    pub value: String,
}

crate::api::redact::redacted_fmt!(HttpHeader {
    name,
    value: redacted
});

/// The largest time either binding returns: `Number.MAX_SAFE_INTEGER`, the largest
/// integer a JS number holds exactly (about 285 million years of unix seconds).
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A unix time or a duration argument (seconds) as the core's `u64`.
///
/// # Errors
/// `malformed_input` when `value` is negative (or, from JS, not a whole number of
/// seconds); `what` names the argument.
pub(crate) fn secs(what: &str, value: Secs) -> Result<u64, kycrypt::Error> {
    crate::shim::whole_secs(value)
        .map_err(|why| kycrypt::Error::MalformedInput(format!("{what} {why}").into()))
}

/// An optional [`secs`] argument.
///
/// # Errors
/// As [`secs`].
pub(crate) fn opt_secs(what: &str, value: Option<Secs>) -> Result<Option<u64>, kycrypt::Error> {
    value.map(|v| secs(what, v)).transpose()
}

/// A time the core returns, as the bindings' `i64`.
///
/// # Errors
/// `malformed_input` when it exceeds [`MAX_SAFE_INTEGER`] (`what` names it): a signed
/// time that far away is not a time, and a JS number could not hold it exactly.
pub(crate) fn out_secs(what: &str, value: u64) -> Result<i64, kycrypt::Error> {
    if value > MAX_SAFE_INTEGER {
        return Err(kycrypt::Error::MalformedInput(
            format!("{what} is beyond the largest supported time").into(),
        ));
    }
    i64::try_from(value).map_err(|_| {
        kycrypt::Error::MalformedInput(
            format!("{what} is beyond the largest supported time").into(),
        )
    })
}

/// An optional [`out_secs`] value.
///
/// # Errors
/// As [`out_secs`].
pub(crate) fn opt_out_secs(what: &str, value: Option<u64>) -> Result<Option<i64>, kycrypt::Error> {
    value.map(|v| out_secs(what, v)).transpose()
}

/// An `invalid_argument` error, worded like the core's.
pub(crate) fn invalid_argument(reason: &'static str) -> kycrypt::Error {
    kycrypt::Error::InvalidArgument(reason.into())
}

// Run once, in the UniFFI build (under napi, `Secs` is an `f64` and bytes are JS
// buffers; the Node suite covers that side).
#[cfg(test)]
#[cfg(uniffi)]
mod tests {
    use super::*;

    #[test]
    fn times_convert_or_are_refused() {
        assert_eq!(secs("now", 5).unwrap(), 5);
        let e = secs("now", -1).unwrap_err();
        assert_eq!(
            (e.code(), e.to_string().as_str()),
            (
                "malformed_input",
                "malformed input: now must not be negative"
            )
        );
        assert_eq!(opt_secs("w", None).unwrap(), None);
        assert_eq!(
            out_secs("t", MAX_SAFE_INTEGER).unwrap(),
            9_007_199_254_740_991
        );
        assert_eq!(
            out_secs("t", MAX_SAFE_INTEGER + 1).unwrap_err().code(),
            "malformed_input"
        );
        assert_eq!(opt_out_secs("t", Some(7)).unwrap(), Some(7));
    }

    #[test]
    fn header_prints_its_name_only() {
        let h = HttpHeader {
            name: "X-Passphrase".into(),
            value: "hunter2".into(),
        };
        for s in [format!("{h:?}"), h.to_string()] {
            assert!(s.contains("X-Passphrase") && !s.contains("hunter2"), "{s}");
        }
    }
}
