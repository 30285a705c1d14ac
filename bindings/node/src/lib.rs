//! Node.js bindings of [`kycrypt`] on napi-rs.
//!
//! The exports are written once, in `bindings/shared/api.rs`, for this crate and for
//! `bindings/ffi` (UniFFI); this crate adds only its type map (`shim.rs`) and the
//! Promise forms of the long-running operations (`task.rs`), which only JS has. The npm
//! package ships the `.d.ts` that napi generates from these docs, and a small wrapper
//! that maps every thrown error onto its `KycryptError` subclass.

#[path = "../../shared/api.rs"]
mod api;
mod shim;
mod task;

pub use api::*;
pub use task::*;
