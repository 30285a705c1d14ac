//! Bytes across the napi boundary, at the lowest cost per call:
//!
//! - [`BytesIn`] reads a JS `Uint8Array` (a `Buffer` is one) where it lies, during
//!   the call: no copy and no napi reference (napi-rs's `Uint8Array` makes and deletes
//!   a reference per argument, a V8 global handle plus a lock).
//! - [`BytesOut`] returns a `Buffer`: a small output is copied into a buffer V8
//!   allocates (cheaper than the finalizer, backing-store and external-memory
//!   bookkeeping of an external buffer); a large one is handed over as it is (an
//!   external buffer over the Rust allocation, no copy).
//!
//! On `hmacSha256` (two 16/32-byte inputs, a 32-byte output) this took the call from
//! ~2.9 µs to ~1.0 µs (the Rust work is ~0.4 µs; scripts/compare-peers/peers.js).

#![allow(unsafe_code)] // the napi conversion traits are unsafe by contract

use std::ops::Deref;
use std::ptr;

use napi::bindgen_prelude::{
    Buffer, FromNapiValue, ToNapiValue, TypeName, Uint8Array, ValidateNapiValue,
};
use napi::{Status, ValueType, sys};

/// Outputs up to this many bytes are copied into a V8-allocated `Buffer`; larger ones
/// become an external `Buffer` over the Rust allocation. An external buffer cost
/// ~1.5 µs more than a copy on a 32-byte output (`hmacSha256`); copying 16 KiB costs
/// about as much (~1 µs at 16 GB/s).
pub(crate) const COPY_OUT_MAX: usize = 16 * 1024;

/// Bytes from JS: any `Uint8Array` (a `Buffer` is one), read in place for the call.
///
/// It holds the argument's handle, not its memory: the bytes are located when read
/// (`Deref`), in the export's body, after every argument has been converted, so a
/// getter of a later argument (an options object) that detaches the buffer leaves an
/// empty view, never a dangling one. Neither `Send` nor `Sync` (raw handles): it
/// cannot leave the JS thread, so a task for the thread pool copies it first
/// (`into_vec`); like every argument handle, it must not outlive the call.
pub struct BytesIn(Src);

enum Src {
    /// The argument, a `Uint8Array` when converted, held by the call's handle scope.
    Js(sys::napi_env, sys::napi_value),
    /// Owned bytes (Rust callers, tests).
    Owned(Vec<u8>),
}

/// The bytes of the `Uint8Array` `value` (its view: `byteOffset` applied), or `None`
/// when it is not one (any longer).
///
/// # Safety
/// `env` and `value` are valid for the current call; the returned slice is used only
/// while no JS runs.
unsafe fn view<'a>(env: sys::napi_env, value: sys::napi_value) -> Option<&'a [u8]> {
    let mut kind = 0;
    let mut len = 0;
    let mut data = ptr::null_mut();
    let mut array_buffer = ptr::null_mut();
    let mut byte_offset = 0;
    // SAFETY: valid env and value (the caller's guarantee); out-pointers to locals.
    let status = unsafe {
        sys::napi_get_typedarray_info(
            env,
            value,
            &mut kind,
            &mut len,
            &mut data,
            &mut array_buffer,
            &mut byte_offset,
        )
    };
    if status != sys::Status::napi_ok || kind != sys::TypedarrayType::uint8_array {
        return None;
    }
    // `data` already points at the view's first byte; it may be null when empty (or
    // detached: then the length is 0 too).
    if data.is_null() || len == 0 {
        return Some(&[]);
    }
    // SAFETY: node reports `len` readable bytes at `data`, owned by the typed array's
    // buffer, which stays attached while no JS runs (the caller's guarantee).
    Some(unsafe { std::slice::from_raw_parts(data.cast_const().cast::<u8>(), len) })
}

impl BytesIn {
    /// Owned bytes (a copy when borrowed from JS).
    pub(crate) fn into_vec(self) -> Vec<u8> {
        match self.0 {
            Src::Owned(v) => v,
            Src::Js(..) => self.to_vec(),
        }
    }
}

impl Deref for BytesIn {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.0 {
            // SAFETY: the handle of a `Uint8Array` argument of the running call (built
            // only by `from_napi_value`; not `Send`); the export's body runs no JS while
            // it borrows the bytes. A buffer detached since the conversion reads empty.
            Src::Js(env, value) => unsafe { view(*env, *value) }.unwrap_or_default(),
            Src::Owned(v) => v,
        }
    }
}

impl From<Vec<u8>> for BytesIn {
    fn from(v: Vec<u8>) -> Self {
        Self(Src::Owned(v))
    }
}

impl TypeName for BytesIn {
    fn type_name() -> &'static str {
        "Uint8Array"
    }

    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ValidateNapiValue for BytesIn {
    unsafe fn validate(
        env: sys::napi_env,
        napi_val: sys::napi_value,
    ) -> napi::Result<sys::napi_value> {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { <Uint8Array as ValidateNapiValue>::validate(env, napi_val) }
    }
}

impl FromNapiValue for BytesIn {
    unsafe fn from_napi_value(env: sys::napi_env, napi_val: sys::napi_value) -> napi::Result<Self> {
        // SAFETY: valid env and value (the caller's guarantees); only the type is used.
        if unsafe { view(env, napi_val) }.is_none() {
            return Err(napi::Error::new(
                Status::InvalidArg,
                "expected a Uint8Array (or a Buffer)".to_owned(),
            ));
        }
        Ok(Self(Src::Js(env, napi_val)))
    }
}

/// Bytes to JS: a `Buffer` (see the module docs for how it is made).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BytesOut(Vec<u8>);

impl From<Vec<u8>> for BytesOut {
    fn from(v: Vec<u8>) -> Self {
        Self(v)
    }
}

impl Deref for BytesOut {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl TypeName for BytesOut {
    fn type_name() -> &'static str {
        "Buffer"
    }

    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ToNapiValue for BytesOut {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        let v = val.0;
        if v.len() > COPY_OUT_MAX {
            // SAFETY: forwarded with the caller's guarantees; the `Buffer` owns `v`.
            return unsafe { Buffer::to_napi_value(env, Buffer::from(v)) };
        }
        let mut out = ptr::null_mut();
        // SAFETY: `v` is `v.len()` readable bytes (a dangling pointer only when empty,
        // then nothing is read); node copies them before this returns.
        let status = unsafe {
            sys::napi_create_buffer_copy(env, v.len(), v.as_ptr().cast(), ptr::null_mut(), &mut out)
        };
        if status == sys::Status::napi_ok {
            Ok(out)
        } else {
            Err(napi::Error::new(
                Status::from(status),
                "failed to create a Buffer".to_owned(),
            ))
        }
    }
}

impl FromNapiValue for BytesOut {
    /// For records that JS may pass back: a copy of the bytes.
    unsafe fn from_napi_value(env: sys::napi_env, napi_val: sys::napi_value) -> napi::Result<Self> {
        // SAFETY: forwarded with the caller's guarantees.
        let b = unsafe { BytesIn::from_napi_value(env, napi_val) }?;
        Ok(Self(b.into_vec()))
    }
}

impl ValidateNapiValue for BytesOut {
    unsafe fn validate(
        env: sys::napi_env,
        napi_val: sys::napi_value,
    ) -> napi::Result<sys::napi_value> {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { <Uint8Array as ValidateNapiValue>::validate(env, napi_val) }
    }
}
