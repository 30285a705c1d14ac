//! The UniFFI side of the shared binding source (`bindings/shared/api.rs`): the few
//! names whose type differs from napi's.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::api::HttpHeader;
pub(crate) use crate::api::error::KycryptError as Error;

/// Bytes from the foreign side: Python `bytes`, Kotlin `ByteArray`, Swift `Data`.
pub(crate) type BytesIn = Vec<u8>;
/// Bytes to the foreign side.
pub(crate) type BytesOut = Vec<u8>;
/// A time or duration argument in unix seconds: Python `int`, Kotlin `Long`, Swift
/// `Int64`.
pub(crate) type Secs = i64;
/// HTTP headers as a list (a repeated header stays visible).
pub(crate) type Headers = Vec<HttpHeader>;

/// The reason reported for a caught panic. The payload is not passed on: it could
/// quote input.
pub(crate) const PANIC_REASON: &str = "internal error: a panic was caught at the FFI boundary";

/// Runs an export's body: a core error becomes its [`Error`] variant (code and
/// `Display` text), a panic becomes `internal`. A panic must never unwind into foreign
/// code; this relies on `panic = "unwind"` (the default).
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T, kycrypt::Error>) -> Result<T, Error> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(crate::api::error::to_foreign(e.code(), e.to_string())),
        Err(_) => Err(crate::api::error::to_foreign(
            "internal",
            PANIC_REASON.to_owned(),
        )),
    }
}

/// The error with `code` (`internal` for an unknown code), for the test hook.
pub(crate) fn error_with_code(code: &str, reason: String) -> Error {
    crate::api::error::to_foreign(crate::api::error::known_code(code), reason)
}

/// Owned bytes of a [`BytesIn`] (moved, not copied: a secret is not left behind).
pub(crate) fn into_vec(b: BytesIn) -> Vec<u8> {
    b
}

/// A [`Secs`] argument as the core's `u64`, or why it is not one.
pub(crate) fn whole_secs(v: Secs) -> Result<u64, &'static str> {
    u64::try_from(v).map_err(|_| "must not be negative")
}

/// The headers as `(name, value)` pairs for the core.
pub(crate) fn header_pairs(headers: &Headers) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|h| (h.name.as_str(), h.value.as_str()))
        .collect()
}

// --- keys ---

/// A list of public keys (`jwks`): Python `list[PublicKey]`, Kotlin `List<PublicKey>`.
pub(crate) type PublicKeys = Vec<std::sync::Arc<crate::api::PublicKey>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_maps_codes_and_catches_panics() {
        assert_eq!(guard(|| Ok(7)), Ok(7));
        let e = guard::<()>(|| Err(kycrypt::Error::SignatureInvalid)).unwrap_err();
        assert_eq!(
            (e.code_str(), e.reason_str()),
            ("signature_invalid", "signature invalid")
        );
        #[allow(clippy::panic)]
        let caught = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(
            (caught.code_str(), caught.reason_str()),
            ("internal", PANIC_REASON)
        );
        for (_, code) in kycrypt::Error::VARIANTS {
            assert_eq!(error_with_code(code, String::new()).code_str(), *code);
        }
        assert_eq!(
            error_with_code("nope", String::new()).code_str(),
            "internal"
        );
    }
}
