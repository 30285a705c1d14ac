//! The napi side of the shared binding source (`bindings/shared/api.rs`): the few
//! names whose type differs from UniFFI's.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use napi::bindgen_prelude::Either;

use crate::api::HttpHeader;

/// The error of every export: a JS `Error` whose `code` is the stable kycrypt code and
/// whose `message` is the core's text (the npm wrapper turns it into the matching
/// `KycryptError` subclass).
pub(crate) type Error = napi::Error<&'static str>;
/// Bytes from JS: any `Uint8Array` (a `Buffer` is one), read in place for the call
/// (`bytes.rs`).
pub(crate) type BytesIn = crate::bytes::BytesIn;
/// Bytes to JS: a `Buffer` (small: a copy; large: the Rust allocation itself;
/// `bytes.rs`).
pub(crate) type BytesOut = crate::bytes::BytesOut;
/// A time or duration argument in unix seconds: a JS `number`. Taken as `f64` so that
/// a fraction, `NaN` or `Infinity` is refused rather than silently truncated (napi's
/// integer conversion would turn `NaN` into 0 and `Date.now() / 1000` into its floor).
pub(crate) type Secs = f64;
/// HTTP headers: a list of `{ name, value }`, or a plain object such as Node's
/// `req.headers` (`string | string[] | undefined` values; an array is a repeated
/// header).
pub(crate) type Headers =
    Either<Vec<HttpHeader>, HashMap<String, Option<Either<String, Vec<String>>>>>;

/// The reason reported for a caught panic (the payload is not passed on).
pub(crate) const PANIC_REASON: &str = "internal error: a panic was caught at the FFI boundary";

/// Runs an export's body: a core error becomes a JS error with its code and `Display`
/// text, a panic becomes code `internal` (never an abort of the Node process).
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T, kycrypt::Error>) -> Result<T, Error> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(Error::new(
            crate::api::error::known_code(e.code()),
            e.to_string(),
        )),
        Err(_) => Err(Error::new("internal", PANIC_REASON.to_owned())),
    }
}

/// The error with `code` (`internal` for an unknown code), for the test hook.
pub(crate) fn error_with_code(code: &str, reason: String) -> Error {
    Error::new(crate::api::error::known_code(code), reason)
}

/// Owned bytes of a [`BytesIn`] (copied out of the JS buffer, which JS owns).
pub(crate) fn into_vec(b: BytesIn) -> Vec<u8> {
    b.into_vec()
}

/// A [`Secs`] argument as the core's `u64`, or why it is not one: it must be a whole,
/// non-negative number of seconds no larger than `Number.MAX_SAFE_INTEGER`.
pub(crate) fn whole_secs(v: Secs) -> Result<u64, &'static str> {
    if v.is_nan() || v.is_infinite() || v.fract() != 0.0 {
        return Err("must be a whole number of seconds (e.g. Math.floor(Date.now() / 1000))");
    }
    if v < 0.0 {
        return Err("must not be negative");
    }
    if v > 9_007_199_254_740_991.0 {
        return Err("must not exceed Number.MAX_SAFE_INTEGER");
    }
    // Whole, in 0..=2^53-1: the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(v as u64)
}

/// The headers as `(name, value)` pairs for the core, in order (a list) or with each
/// array element as one header (an object).
pub(crate) fn header_pairs(headers: &Headers) -> Vec<(&str, &str)> {
    match headers {
        Either::A(list) => list
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_str()))
            .collect(),
        Either::B(map) => {
            let mut out = Vec::with_capacity(map.len());
            for (name, value) in map {
                match value {
                    Some(Either::A(v)) => out.push((name.as_str(), v.as_str())),
                    Some(Either::B(vs)) => {
                        out.extend(vs.iter().map(|v| (name.as_str(), v.as_str())));
                    }
                    None => {}
                }
            }
            out
        }
    }
}

// --- keys ---

/// A list of public keys (`jwks`): a JS `PublicKey[]` (napi cannot take `Vec<&T>`; each
/// element is a reference to the JS object, released after the call).
pub(crate) type PublicKeys = Vec<napi::bindgen_prelude::Reference<crate::api::PublicKey>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_maps_codes_and_catches_panics() {
        let e = guard::<()>(|| Err(kycrypt::Error::SignatureInvalid)).unwrap_err();
        assert_eq!(
            (e.status, e.reason.as_str()),
            ("signature_invalid", "signature invalid")
        );
        #[allow(clippy::panic)]
        let caught = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(
            (caught.status, caught.reason.as_str()),
            ("internal", PANIC_REASON)
        );
        assert_eq!(error_with_code("nope", String::new()).status, "internal");
    }

    #[test]
    fn times_must_be_whole_seconds() {
        assert_eq!(whole_secs(1_700_000_000.0), Ok(1_700_000_000));
        assert_eq!(whole_secs(0.0), Ok(0));
        for bad in [1.5, f64::NAN, f64::INFINITY, -1.0, 9_007_199_254_740_992.0] {
            assert!(whole_secs(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn headers_from_a_list_or_an_object() {
        let list: Headers = Either::A(vec![HttpHeader {
            name: "A".into(),
            value: "b".into(),
        }]);
        assert_eq!(header_pairs(&list), vec![("A", "b")]);
        let mut m = HashMap::new();
        m.insert(
            "x".to_owned(),
            Some(Either::B(vec!["1".to_owned(), "2".to_owned()])),
        );
        m.insert("y".to_owned(), None);
        assert_eq!(header_pairs(&Either::B(m)), vec![("x", "1"), ("x", "2")]);
    }
}
