//! Node.js bindings of [`kycrypt`] on napi-rs.
//!
//! One-to-one with `bindings/ffi` (the UniFFI crate): the same exports, in the
//! same order, with the same argument order, names in camelCase. Read them
//! side by side. The npm package wraps this raw module in `lib/`, which turns
//! the thrown errors into `KycryptError` subclasses.
//!
//! Rules for exports:
//! - every export is fallible and runs inside `napi_guard!` so a panic
//!   surfaces as a JS `Error` with `code === "internal"`, never an abort;
//! - errors cross as a JS `Error` whose `code` is the stable kycrypt code;
//! - bytes cross as `Uint8Array` in (a `Buffer` is one) and `Buffer` out;
//! - keys cross as opaque classes parsed once, with no accessor or
//!   `toString` of key material.

mod common;
mod corepass;
mod ecies;
mod eddsa;
mod guard;
mod hmac;
mod hypersign;
mod keys;
mod moca;
mod webhooks;
mod zerohash;

pub use common::HttpHeader;
pub use corepass::*;
pub use ecies::*;
pub use eddsa::*;
pub use guard::KyError;
pub use hmac::{HmacAlg, HmacKey, hmac_sha256};
pub use hypersign::*;
pub use keys::*;
pub use moca::*;
pub use webhooks::*;
pub use zerohash::*;

use guard::napi_guard;
use napi_derive::napi;

/// Every error code the library can raise, in a stable order.
///
/// # Errors
/// Only `internal`, never in practice.
#[napi]
pub fn error_codes() -> Result<Vec<String>, KyError> {
    napi_guard!({
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
#[napi]
pub fn version() -> Result<String, KyError> {
    napi_guard!({ Ok(env!("CARGO_PKG_VERSION").to_owned()) })
}

/// Test hook, not API: panics inside the guard.
///
/// # Errors
/// Always `internal`.
#[napi(js_name = "__testPanic")]
#[allow(clippy::panic)]
pub fn test_panic() -> Result<(), KyError> {
    napi_guard!({ panic!("kycrypt test panic") })
}

/// Test hook, not API: fails with the error of `code` (`internal` for an unknown code).
///
/// # Errors
/// Always: the error named by `code`.
#[napi(js_name = "__testError")]
pub fn test_error(code: String) -> Result<(), KyError> {
    napi_guard!({ Err(guard::error_from_code(&code, format!("test error {code}"))) })
}
