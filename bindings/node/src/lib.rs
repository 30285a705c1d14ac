//! Node.js bindings of [`kycrypt`] on napi-rs.
//!
//! The exports are written once, in `bindings/shared/api.rs`, for this crate and for
//! `bindings/ffi` (UniFFI); this crate adds only its type map (`shim.rs`) and the
//! Promise forms of the long-running operations (`task.rs`), which only JS has. The npm
//! package ships the `.d.ts` that napi generates from these docs, and a small wrapper
//! that maps every thrown error onto its `KycryptError` subclass.

#[cfg(target_os = "linux")]
mod alloc;
#[path = "../../shared/api.rs"]
mod api;
mod bytes;
mod shim;
mod task;

/// Payload-sized blocks are mapped with their pages populated (`alloc.rs`).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

pub use api::*;
pub use task::*;
