//! Operations that are not API: test hooks and deterministic test-only forms of
//! randomized operations. They live outside the public namespace — UniFFI names start
//! with `hazmat_` (Python `kycrypt.hazmat`), napi exports sit in the `hazmat`
//! namespace (`kycrypt.hazmat`) — and production code must not call them.

#[cfg(napi)]
use napi_derive::napi;

use crate::shim::{Error, error_with_code, guard};

/// Test hook: panics inside the guard, so the bindings' tests can check that a panic
/// surfaces as a catchable `internal` error and never aborts the process.
///
/// # Errors
/// Always `internal`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi(namespace = "hazmat", js_name = "testPanic"))]
#[allow(clippy::panic)]
pub fn hazmat_test_panic() -> Result<(), Error> {
    guard(|| panic!("kycrypt test panic"))
}

/// Test hook: fails with the error of `code` (`internal` for an unknown code), so the
/// bindings' tests can check their mapping of every code.
///
/// # Errors
/// Always: the error named by `code`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi(namespace = "hazmat", js_name = "testError"))]
pub fn hazmat_test_error(code: String) -> Result<(), Error> {
    Err(error_with_code(&code, format!("test error {code}")))
}
