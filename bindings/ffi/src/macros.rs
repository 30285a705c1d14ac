//! The panic guard every export goes through.
//!
//! A panic must never unwind into foreign code (undefined behaviour) nor abort
//! the host process: [`ffi_guard!`] runs the body under
//! [`std::panic::catch_unwind`] and turns a panic into
//! [`FfiError::Internal`](crate::FfiError::Internal) (code `internal`).
//! This relies on `panic = "unwind"`, the default; never build the bindings
//! with `panic = "abort"`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::FfiError;

/// The reason reported for a caught panic. The panic payload is not passed
/// on: it could quote input.
pub(crate) const PANIC_REASON: &str = "internal error: a panic was caught at the FFI boundary";

/// Runs `body`, converting a core error with `From` and a panic into
/// [`FfiError::Internal`].
///
/// ```ignore
/// #[uniffi::export]
/// pub fn f(x: Vec<u8>) -> Result<Vec<u8>, FfiError> {
///     ffi_guard!({ Ok(kycrypt::thing(&x)?) })
/// }
/// ```
macro_rules! ffi_guard {
    ($body:block) => {
        $crate::macros::guard(move || -> ::core::result::Result<_, $crate::FfiError> { $body })
    };
}
pub(crate) use ffi_guard;

/// The function behind [`ffi_guard!`]. Unwind safety: the closure only
/// touches its own arguments and immutable, `Arc`-shared objects, so nothing
/// is left half-updated when it unwinds.
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T, FfiError>) -> Result<T, FfiError> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| {
        Err(FfiError::Internal {
            reason: PANIC_REASON.to_owned(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_passes_values_and_errors_and_catches_panics() {
        assert_eq!(guard(|| Ok(7)), Ok(7));
        let e = FfiError::Expired {
            reason: "expired".into(),
        };
        assert_eq!(guard::<()>(|| Err(e.clone())), Err(e));
        let caught = guard::<()>(|| panic!("boom"));
        assert_eq!(
            caught,
            Err(FfiError::Internal {
                reason: PANIC_REASON.to_owned()
            })
        );
    }
}
