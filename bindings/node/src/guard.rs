//! Error mapping and the panic guard of the Node bindings.
//!
//! A JS error thrown from an export has `code` set to the stable kycrypt code
//! (`napi::Error`'s status type is the code string) and `message` set to the
//! core's `Display` text.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The error type of every export: a `napi::Error` whose status is the
/// stable kycrypt code.
pub type KyError = napi::Error<&'static str>;

/// The reason reported for a caught panic (the payload is not passed on).
pub(crate) const PANIC_REASON: &str = "internal error: a panic was caught at the FFI boundary";

/// Converts a core error: code as the JS `code`, `Display` text as the message.
pub(crate) fn from_core(e: kycrypt::Error) -> KyError {
    KyError::new(e.code(), e.to_string())
}

/// The error for `code`; a code the core does not know maps to `internal`.
pub(crate) fn error_from_code(code: &str, reason: String) -> KyError {
    match kycrypt::Error::ALL_CODES.iter().find(|c| **c == code) {
        Some(known) => KyError::new(known, reason),
        None => KyError::new("internal", format!("unmapped error code {code}: {reason}")),
    }
}

/// Runs `body` under [`catch_unwind`]; a panic becomes code `internal`.
macro_rules! napi_guard {
    ($body:block) => {
        $crate::guard::guard(move || -> ::core::result::Result<_, $crate::KyError> { $body })
    };
}
pub(crate) use napi_guard;

/// The function behind [`napi_guard!`]. Unwind safety: the closure only
/// touches its own arguments and immutable key objects.
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T, KyError>) -> Result<T, KyError> {
    catch_unwind(AssertUnwindSafe(body))
        .unwrap_or_else(|_| Err(KyError::new("internal", PANIC_REASON.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_messages_and_panics_map() {
        let e = from_core(kycrypt::Error::SignatureInvalid);
        assert_eq!(
            (e.status, e.reason.as_str()),
            ("signature_invalid", "signature invalid")
        );
        for code in kycrypt::Error::ALL_CODES {
            assert_eq!(error_from_code(code, String::new()).status, *code);
        }
        assert_eq!(error_from_code("nope", String::new()).status, "internal");
        let caught = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(
            (caught.status, caught.reason.as_str()),
            ("internal", PANIC_REASON)
        );
    }
}
