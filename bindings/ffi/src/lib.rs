//! UniFFI bindings of [`kycrypt`] for Python, Kotlin and Swift.
//!
//! This crate only wraps: every export converts its arguments, calls the
//! core, and maps errors to [`FfiError`] (one variant per stable code). It is
//! kept one-to-one with `bindings/node` (same names modulo case, same
//! argument order).
//!
//! Rules for exports:
//! - every export is fallible (`Result<_, FfiError>`) and runs inside
//!   `ffi_guard!` so a panic surfaces as code `internal`;
//! - bytes cross as bytes (`Vec<u8>`), never lists of numbers;
//! - keys cross as opaque `Arc` objects parsed once; secret objects export no
//!   `Display` and no accessor for key material;
//! - records carrying secrets or personal data export a redacting `Debug` and
//!   `Display` (`#[uniffi::export(Debug, Display)]`, impls in `redact.rs`), which
//!   the foreign code uses to print them.

mod common;
mod corepass;
mod ecies;
mod eddsa;
mod error;
mod hmac;
mod hypersign;
mod keys;
mod macros;
mod moca;
mod redact;
mod webhooks;
mod zerohash;

pub use common::HttpHeader;
pub use corepass::*;
pub use ecies::*;
pub use eddsa::*;
pub use error::FfiError;
pub use hmac::{HmacAlg, HmacKey, hmac_sha256};
pub use hypersign::*;
pub use keys::*;
pub use moca::*;
pub use webhooks::*;
pub use zerohash::*;

use macros::ffi_guard;

uniffi::setup_scaffolding!("kycrypt_ffi");

/// Every error code the library can raise, in a stable order. The same list
/// as the core's `Error::ALL_CODES`.
///
/// # Errors
/// Only `internal`, never in practice.
#[uniffi::export]
pub fn error_codes() -> Result<Vec<String>, FfiError> {
    ffi_guard!({
        Ok(kycrypt::Error::ALL_CODES
            .iter()
            .map(|c| (*c).to_owned())
            .collect())
    })
}

/// The kycrypt version these bindings were built from.
///
/// # Errors
/// Only `internal`, never in practice.
#[uniffi::export]
pub fn version() -> Result<String, FfiError> {
    ffi_guard!({ Ok(env!("CARGO_PKG_VERSION").to_owned()) })
}

/// Test hook, not API: panics inside the guard, so the bindings' tests can
/// check that a panic surfaces as a catchable `internal` error.
///
/// # Errors
/// Always `internal`.
#[uniffi::export]
#[allow(clippy::panic)]
pub fn __test_panic() -> Result<(), FfiError> {
    ffi_guard!({ panic!("kycrypt test panic") })
}

/// Test hook, not API: fails with the error of `code` (or `internal` for an
/// unknown code), so the bindings' tests can check their mapping of every code.
///
/// # Errors
/// Always: the error named by `code`.
#[uniffi::export]
pub fn __test_error(code: String) -> Result<(), FfiError> {
    ffi_guard!({ Err(FfiError::from_code(&code, format!("test error {code}"))) })
}
