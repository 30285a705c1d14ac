//! The binding surface of kycrypt, written once for both binding crates.
//!
//! `bindings/ffi` (UniFFI: Python, Kotlin, Swift) and `bindings/node` (napi-rs) each
//! include this module tree with `#[path]`; their `build.rs` sets `cfg(uniffi)` or
//! `cfg(napi)`, which selects the derive and export attributes (`cfg_attr`). Everything
//! else — records, enums, objects, exported functions, conversions from the core,
//! option mapping — is here, once. What differs between the two is in each crate's
//! `shim.rs`, and nothing else:
//!
//! | name | UniFFI | napi |
//! |---|---|---|
//! | [`BytesIn`](crate::shim::BytesIn) | `Vec<u8>` (`bytes`, `ByteArray`) | `Uint8Array` (a `Buffer` is one) |
//! | [`BytesOut`](crate::shim::BytesOut) | `Vec<u8>` | `Buffer` |
//! | [`Error`](crate::shim::Error) | `KycryptError` (one variant per code) | a JS `Error` whose `code` is the stable code |
//! | [`guard`](crate::shim::guard) | `catch_unwind`; a panic is code `internal` | the same |
//!
//! Rules for an export:
//! - it returns `Result<_, Error>` and its body runs in [`guard`](crate::shim::guard),
//!   which maps the core's [`kycrypt::Error`] and turns a panic into `internal`;
//! - bytes cross as bytes ([`BytesIn`](crate::shim::BytesIn) in,
//!   [`BytesOut`](crate::shim::BytesOut) out), never lists of numbers;
//! - times are `i64` unix seconds (Kotlin `Long`, JS `number`): a negative time is
//!   refused with `malformed_input`, once, here ([`common::secs`]);
//! - keys are opaque objects parsed once, taken by reference, with no accessor for key
//!   material;
//! - an option the caller leaves out is `None`, meaning the core's default (defaults
//!   are never copied into attributes);
//! - records that carry secrets or personal data print redacted (`redact.rs`).
//!
//! Adding an operation: write it in the area's file here (with its test), and add it to
//! the vector runners if a vector uses it. The export-drift test
//! (`bindings/ffi/tests/export_drift.rs`) fails if the two crates disagree.

// The generated registration code of both tools needs items it cannot see as used.
#![allow(unreachable_pub)]

pub(crate) mod common;
mod corepass;
mod ecies;
mod eddsa;
pub(crate) mod error;
mod hazmat;
mod hmac;
mod hypersign;
mod keys;
pub(crate) mod macros;
mod meta;
mod moca;
pub(crate) mod redact;
mod webhooks;
mod zerohash;

pub use common::HttpHeader;
pub use corepass::*;
pub use ecies::*;
pub use eddsa::*;
#[cfg(napi)]
pub use error::ErrorCode;
#[cfg(uniffi)]
pub use error::KycryptError;
pub use hazmat::*;
pub use hmac::*;
pub use hypersign::*;
pub use keys::*;
pub use meta::*;
pub use moca::*;
pub use webhooks::*;
pub use zerohash::*;
