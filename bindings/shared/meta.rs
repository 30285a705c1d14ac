//! The library's own facts: its error codes and its version.

#[cfg(napi)]
use napi_derive::napi;

use crate::shim::{Error, guard};

/// Every error code the library can raise, in a stable order (the same list in
/// every binding).
///
/// # Errors
/// Only `internal`, never in practice.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn error_codes() -> Result<Vec<String>, Error> {
    guard(|| {
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
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn version() -> Result<String, Error> {
    guard(|| Ok(env!("CARGO_PKG_VERSION").to_owned()))
}
