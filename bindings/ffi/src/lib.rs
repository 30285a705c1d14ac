//! UniFFI bindings of [`kycrypt`] for Python, Kotlin and Swift.
//!
//! The exports are written once, in `bindings/shared/api.rs`, for this crate and for
//! `bindings/node` (napi-rs); this crate adds only its type map (`shim.rs`). See the
//! shared module's docs for the rules every export follows.

// `BytesOut` is `Vec<u8>` here and `Buffer` under napi: the shared source's `.into()`
// that napi needs is an identity conversion in this crate.
#[allow(clippy::useless_conversion)]
#[path = "../../shared/api.rs"]
mod api;
mod shim;

/// The Python fast lane (C functions called through `ctypes`); the only `unsafe` code
/// of the bindings: see its docs.
#[allow(unsafe_code)]
pub mod fast;

pub use api::*;

uniffi::setup_scaffolding!("kycrypt_ffi");
