//! The Python fast lane: a few C functions that the Python package calls through
//! `ctypes` directly, for the calls whose cost is UniFFI's marshalling rather than the
//! work (measured in `benches/RESULTS.md`).
//!
//! UniFFI's generated Python lowers every argument into a `RustBuffer` through Python
//! code (a context manager per write), and its Rust side copies `Vec<u8>` byte by byte:
//! a 16-byte HMAC costs ~30 µs and a 10 MiB envelope ~5 copies. Here the arguments
//! arrive as they are in Python's memory:
//! - bytes and text as `(pointer, length)`: the pointer is the `bytes` object's own
//!   buffer, borrowed for the call (no copy in);
//! - objects as their UniFFI handle (the `Arc::into_raw` pointer the Python object
//!   holds), borrowed for the call, not cloned;
//! - times as `i64`, options flattened into scalars (`has_x` flags for `None`).
//!
//! Results go out through out-parameters: a fixed-size result into a caller buffer,
//! variable bytes as an owned [`RustBuffer`] holding exactly the result (the caller
//! copies it once and returns it with [`kycrypt_fast_free`], which wipes it), a record
//! as a `RustBuffer` in UniFFI's own serialisation (lifted by the generated code).
//! Every function returns [`OK`] or [`ERR`]; on `ERR` the error is the UniFFI
//! `KycryptError` serialised into `*err`, which the generated code lifts and raises:
//! the same exception, code and reason as the generated path.
//!
//! Every body runs the same core call as the shared export, under the same `guard`
//! (a panic is `internal`, never an unwind into Python). This is the only module of
//! the bindings with `unsafe` code: reading the caller's buffers and writing the
//! out-parameters.
//!
//! # Safety (for every function)
//! The caller (the `kycrypt` Python package, `kycrypt/_fast.py`) guarantees: each
//! `(ptr, len)` pair is readable for `len` bytes for the whole call (`ptr` may be null
//! only when `len` is 0, or for an absent optional argument) and not written during the
//! call; each handle is a live object of the named type, kept alive by the caller for
//! the call; each out-parameter points to writable memory of its type.

use uniffi::{Lower, RustBuffer};

use crate::UniFfiTag;
use crate::api;
use crate::api::error::KycryptError;
use crate::shim::guard;

/// Success: the result is in the out-parameter.
pub const OK: i32 = 0;
/// Failure: the error is in `*err`.
pub const ERR: i32 = 1;

/// The caller's bytes, borrowed for the call (`None`: a null pointer with a length).
///
/// # Safety
/// See the module docs.
unsafe fn borrow<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if len == 0 {
        return Some(&[]);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the caller guarantees `ptr` is readable for `len` bytes during the call.
    Some(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// An object of type `T` behind a UniFFI handle, borrowed for the call.
///
/// # Safety
/// `handle` is the handle of a live `T` (a pointer from `Arc::into_raw`), kept alive by
/// the caller for the call. `handle_is_arc_pointer` (test) pins this representation for
/// the exact UniFFI version in use.
unsafe fn object<'a, T>(handle: u64) -> Option<&'a T> {
    let ptr = usize::try_from(handle).ok()? as *const T;
    // SAFETY: per the contract, a non-null handle is an `Arc<T>` pointer that stays
    // alive for the call; `as_ref` refuses null.
    unsafe { ptr.as_ref() }
}

fn malformed(what: &'static str) -> kycrypt::Error {
    kycrypt::Error::MalformedInput(std::borrow::Cow::Borrowed(what))
}

/// The error of a null argument (a caller bug; never reaches the core).
fn null_argument() -> KycryptError {
    crate::shim::error_with_code(
        "malformed_input",
        "malformed input: null argument".to_owned(),
    )
}

/// UTF-8 text of an argument (`malformed_input` naming it otherwise).
fn text_arg(b: &[u8], what: &'static str) -> Result<String, KycryptError> {
    String::from_utf8(b.to_vec()).map_err(|_| {
        let e = malformed(what);
        crate::shim::error_with_code(e.code(), format!("{e} (not UTF-8)"))
    })
}

/// Writes `result` into the out-parameters: `Ok` through `put`, `Err` into `*err`.
///
/// # Safety
/// `err` is writable (module docs).
unsafe fn finish<T>(
    result: Result<T, KycryptError>,
    err: *mut RustBuffer,
    put: impl FnOnce(T),
) -> i32 {
    match result {
        Ok(v) => {
            put(v);
            OK
        }
        Err(e) => {
            let buf = <KycryptError as Lower<UniFfiTag>>::lower(e);
            // SAFETY: the caller passes a writable `RustBuffer` for the error.
            unsafe { err.write(buf) };
            ERR
        }
    }
}

/// HMAC-SHA256 of `msg` under `key` into `out` (32 bytes). As `hmac_sha256`.
///
/// # Safety
/// See the module docs; `out` is writable for 32 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kycrypt_fast_hmac_sha256(
    key: *const u8,
    key_len: usize,
    msg: *const u8,
    msg_len: usize,
    out: *mut u8,
    err: *mut RustBuffer,
) -> i32 {
    // SAFETY: module contract.
    let (key, msg) = unsafe { (borrow(key, key_len), borrow(msg, msg_len)) };
    let r = guard(|| {
        let (key, msg) = key.zip(msg).ok_or_else(|| malformed("null buffer"))?;
        let tag = kycrypt::primitives::hmac::HmacKey::new(key.to_vec())?
            .sign(kycrypt::primitives::hmac::HmacAlg::Sha256, &[msg]);
        <[u8; 32]>::try_from(tag.as_slice()).map_err(|_| malformed("tag length"))
    });
    // SAFETY: `out` is writable for 32 bytes; `err` per the module contract.
    unsafe {
        finish(r, err, |tag| {
            std::ptr::copy_nonoverlapping(tag.as_ptr(), out, tag.len());
        })
    }
}

/// The fast lane's floor: the same arguments as [`kycrypt_fast_hmac_sha256`], no work
/// (`out` is zeroed). Measured by `scripts/compare-peers` next to UniFFI's no-op.
///
/// # Safety
/// As [`kycrypt_fast_hmac_sha256`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kycrypt_fast_noop(
    key: *const u8,
    key_len: usize,
    msg: *const u8,
    msg_len: usize,
    out: *mut u8,
    err: *mut RustBuffer,
) -> i32 {
    // SAFETY: module contract.
    let ok = unsafe { borrow(key, key_len).is_some() && borrow(msg, msg_len).is_some() };
    let r = if ok {
        Ok([0_u8; 32])
    } else {
        Err(null_argument())
    };
    // SAFETY: as in `kycrypt_fast_hmac_sha256`.
    unsafe {
        finish(r, err, |z| {
            std::ptr::copy_nonoverlapping(z.as_ptr(), out, z.len())
        })
    }
}

/// The ECIES operations of the fast lane (`op` of [`kycrypt_fast_ecies`]).
const SEAL_ENVELOPE: u32 = 0;
const OPEN_ENVELOPE: u32 = 1;
const ECIES_ENCRYPT: u32 = 2;
const ECIES_DECRYPT: u32 = 3;

/// The core options of an ECIES call: `compressed_ephemeral_key` and
/// `compressed_hkdf_input` as -1 (unset), 0 or 1; `nonce_len` as -1 (unset) or the
/// length (checked by the core).
fn ecies_options(
    ce: i32,
    ch: i32,
    nonce_len: i64,
) -> Result<kycrypt::primitives::ecies::EciesOptions, kycrypt::Error> {
    let flag = |v: i32| (v >= 0).then_some(v != 0);
    api::EciesOptions::to_core(Some(api::EciesOptions {
        compressed_ephemeral_key: flag(ce),
        compressed_hkdf_input: flag(ch),
        nonce_len: (nonce_len >= 0).then_some(nonce_len),
    }))
}

/// The length of the result of ECIES operation `op` on `input` (see
/// [`kycrypt_fast_ecies`]) into `*len_out`, so that the caller can allocate it.
///
/// # Safety
/// See the module docs; `len_out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kycrypt_fast_ecies_len(
    op: u32,
    input: *const u8,
    input_len: usize,
    compressed_ephemeral_key: i32,
    compressed_hkdf_input: i32,
    nonce_len: i64,
    len_out: *mut usize,
    err: *mut RustBuffer,
) -> i32 {
    use kycrypt::primitives::ecies as core;
    // SAFETY: module contract.
    let input = unsafe { borrow(input, input_len) };
    let r = guard(|| {
        let input = input.ok_or_else(|| malformed("null buffer"))?;
        let o = || ecies_options(compressed_ephemeral_key, compressed_hkdf_input, nonce_len);
        match op {
            SEAL_ENVELOPE => Ok(core::sealed_envelope_len(input.len(), &o()?)),
            OPEN_ENVELOPE => core::opened_envelope_len(input),
            ECIES_ENCRYPT => Ok(input.len().saturating_add(o()?.overhead())),
            ECIES_DECRYPT => Ok(input.len().saturating_sub(o()?.overhead())),
            _ => Err(malformed("unknown fast-lane operation")),
        }
    });
    // SAFETY: `len_out` is writable; `err` per the module contract.
    unsafe { finish(r, err, |n| len_out.write(n)) }
}

/// `seal_envelope` (`op` 0, `key` an `EciesPublicKey`), `open_envelope` (1, an
/// `EciesSecretKey`), `ecies_encrypt` (2, public) or `ecies_decrypt` (3, secret) of
/// `input`, written into the caller's `out` of exactly the length
/// [`kycrypt_fast_ecies_len`] gave (the Python package passes a new `bytes` object's
/// buffer: the result is written once, where Python will read it). Options as in
/// [`ecies_options`] (ignored by op 1: the envelope records them). On error `out` is
/// wiped when it may hold plaintext.
///
/// # Safety
/// See the module docs; `out` is writable for `out_len` bytes and not read or written
/// by anyone else during the call.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn kycrypt_fast_ecies(
    op: u32,
    input: *const u8,
    input_len: usize,
    key: u64,
    compressed_ephemeral_key: i32,
    compressed_hkdf_input: i32,
    nonce_len: i64,
    out: *mut u8,
    out_len: usize,
    err: *mut RustBuffer,
) -> i32 {
    use kycrypt::primitives::ecies as core;
    // SAFETY: module contract.
    let input = unsafe { borrow(input, input_len) };
    // SAFETY: `out` is writable for `out_len` bytes and exclusively ours for the call.
    let out = unsafe { borrow_mut(out, out_len) };
    // SAFETY: `key` is a live object of the type the op names (module contract).
    let public = || unsafe { object::<api::EciesPublicKey>(key) };
    // SAFETY: as above.
    let secret = || unsafe { object::<api::EciesSecretKey>(key) };
    let r = guard(|| {
        let (input, out) = input.zip(out).ok_or_else(|| malformed("null buffer"))?;
        let no_key = || malformed("null key");
        let o = || ecies_options(compressed_ephemeral_key, compressed_hkdf_input, nonce_len);
        match op {
            SEAL_ENVELOPE => {
                core::seal_envelope_into(input, &public().ok_or_else(no_key)?.0, &o()?, out)
            }
            OPEN_ENVELOPE => core::open_envelope_into(input, &secret().ok_or_else(no_key)?.0, out),
            ECIES_ENCRYPT => core::encrypt_into(input, &public().ok_or_else(no_key)?.0, &o()?, out),
            ECIES_DECRYPT => core::decrypt_into(input, &secret().ok_or_else(no_key)?.0, &o()?, out),
            _ => Err(malformed("unknown fast-lane operation")),
        }
    });
    // SAFETY: `err` per the module contract.
    unsafe { finish(r, err, |()| ()) }
}

/// The caller's writable buffer, borrowed for the call (`None`: null with a length).
///
/// # Safety
/// `ptr` is writable for `len` bytes and not otherwise accessed during the call.
unsafe fn borrow_mut<'a>(ptr: *mut u8, len: usize) -> Option<&'a mut [u8]> {
    if len == 0 {
        return Some(&mut []);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    Some(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
}

/// Releases a `RustBuffer` this module returned in `out`, wiping it first (it may hold
/// decrypted personal data).
///
/// # Safety
/// `buf` came from a fast-lane `out` and is released once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kycrypt_fast_free(buf: RustBuffer) {
    let v = buf.destroy_into_vec();
    drop(zeroize::Zeroizing::new(v));
}

/// `verify_corepass_callback(kind, body, pinned, now, options)` (`kind` 0 status, 1
/// data, 2 error: the order of `CallbackKind`; options flattened: `has_leeway` and
/// `leeway_secs`, `allow_deadline_only` as -1 (unset), 0 or 1); the `VerifiedCallback`
/// into `*out` in UniFFI's serialisation.
///
/// # Safety
/// See the module docs; `pinned` is a `PinnedConnector` handle.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn kycrypt_fast_verify_corepass_callback(
    kind: u32,
    body: *const u8,
    body_len: usize,
    pinned: u64,
    now: i64,
    has_leeway: u8,
    leeway_secs: i64,
    allow_deadline_only: i32,
    out: *mut RustBuffer,
    err: *mut RustBuffer,
) -> i32 {
    use api::CallbackKind;
    // SAFETY: module contract.
    let (body, pinned) = unsafe {
        (
            borrow(body, body_len),
            object::<api::PinnedConnector>(pinned),
        )
    };
    let kind = match kind {
        0 => Some(CallbackKind::Status),
        1 => Some(CallbackKind::Data),
        2 => Some(CallbackKind::Error),
        _ => None,
    };
    let r = match (body, pinned, kind) {
        (Some(body), Some(pinned), Some(kind)) => {
            let options = api::CallbackOptions {
                leeway_secs: (has_leeway != 0).then_some(leeway_secs),
                allow_deadline_only: (allow_deadline_only >= 0).then_some(allow_deadline_only != 0),
            };
            api::verify_corepass_callback(kind, body.to_vec(), pinned, now, Some(options))
        }
        _ => Err(null_argument()),
    };
    // SAFETY: `out` and `err` are writable `RustBuffer`s.
    unsafe { finish(r, err, |v| out.write(Lower::<UniFfiTag>::lower(v))) }
}

/// `sign_partner_jwt(claims, key, now, options)`: the claims as UTF-8 text (`email`
/// and `extra_json` null when absent), options flattened (`has_ttl`, a null `kid`);
/// the token's UTF-8 into `*out` (release with [`kycrypt_fast_free`]).
///
/// # Safety
/// See the module docs; `key` is a `PrivateKey` handle.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn kycrypt_fast_sign_partner_jwt(
    partner_id: *const u8,
    partner_id_len: usize,
    scope: *const u8,
    scope_len: usize,
    email: *const u8,
    email_len: usize,
    extra_json: *const u8,
    extra_json_len: usize,
    key: u64,
    now: i64,
    has_ttl: u8,
    ttl_secs: i64,
    kid: *const u8,
    kid_len: usize,
    out: *mut RustBuffer,
    err: *mut RustBuffer,
) -> i32 {
    // SAFETY: module contract (a null optional is `None`, not an error).
    let args = unsafe {
        (
            borrow(partner_id, partner_id_len),
            borrow(scope, scope_len),
            optional(email, email_len),
            optional(extra_json, extra_json_len),
            optional(kid, kid_len),
            object::<api::PrivateKey>(key),
        )
    };
    let r = (|| {
        let (Some(pid), Some(scope), Some(email), Some(extra), Some(kid), Some(key)) = args else {
            return Err(null_argument());
        };
        let claims = api::PartnerClaims {
            partner_id: text_arg(pid, "partner_id")?,
            scope: text_arg(scope, "scope")?,
            email: email.map(|e| text_arg(e, "email")).transpose()?,
            extra_json: extra.map(|e| text_arg(e, "extra_json")).transpose()?,
        };
        let options = api::PartnerJwtSignOptions {
            ttl_secs: (has_ttl != 0).then_some(ttl_secs),
            kid: kid.map(|k| text_arg(k, "kid")).transpose()?,
        };
        api::sign_partner_jwt(claims, key, now, Some(options))
    })();
    // SAFETY: `out` and `err` are writable `RustBuffer`s.
    unsafe { finish(r, err, |t| out.write(RustBuffer::from_vec(t.into_bytes()))) }
}

/// `verify_partner_jwt(token, key, now, options)` (`has_leeway`/`leeway_secs` for
/// `PartnerJwtValidation.leeway_secs`); the `VerifiedPartnerClaims` into `*out` in
/// UniFFI's serialisation.
///
/// # Safety
/// See the module docs; `key` is a `PublicKey` handle.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn kycrypt_fast_verify_partner_jwt(
    token: *const u8,
    token_len: usize,
    key: u64,
    now: i64,
    has_leeway: u8,
    leeway_secs: i64,
    out: *mut RustBuffer,
    err: *mut RustBuffer,
) -> i32 {
    // SAFETY: module contract.
    let (token, key) = unsafe { (borrow(token, token_len), object::<api::PublicKey>(key)) };
    let r = (|| {
        let (Some(token), Some(key)) = (token, key) else {
            return Err(null_argument());
        };
        let options = api::PartnerJwtValidation {
            leeway_secs: (has_leeway != 0).then_some(leeway_secs),
        };
        api::verify_partner_jwt(text_arg(token, "token")?, key, now, Some(options))
    })();
    // SAFETY: `out` and `err` are writable `RustBuffer`s.
    unsafe { finish(r, err, |v| out.write(Lower::<UniFfiTag>::lower(v))) }
}

/// An optional argument: `Some(None)` for a null pointer (absent), `Some(Some(bytes))`
/// otherwise.
///
/// # Safety
/// See the module docs.
unsafe fn optional<'a>(ptr: *const u8, len: usize) -> Option<Option<&'a [u8]>> {
    if ptr.is_null() {
        return Some(None);
    }
    // SAFETY: module contract.
    unsafe { borrow(ptr, len) }.map(Some)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// The fast lane borrows objects by their UniFFI handle as a `*const T`: pinned here
    /// for the exact UniFFI version in use (`=0.32.2`).
    #[test]
    fn handle_is_arc_pointer() {
        let k = Arc::new(7_u64);
        let expected = Arc::as_ptr(&k) as usize as u64;
        let h = uniffi::Handle::from_arc(k);
        assert_eq!(h.as_raw(), expected);
        // SAFETY: `h` is the handle of a live `Arc<u64>` (rebuilt and dropped below).
        let borrowed = unsafe { object::<u64>(h.as_raw()) };
        assert_eq!(borrowed.copied(), Some(7));
        // SAFETY: the handle came from `Handle::from_arc` and is used once.
        drop(unsafe { h.into_arc::<u64>() });
    }

    #[test]
    fn hmac_matches_the_export_and_errors_lift() {
        let msg = b"what do ya want for nothing?";
        let call = |key: *const u8, key_len: usize| {
            let (mut out, mut err) = ([0_u8; 32], RustBuffer::new());
            // SAFETY: live local buffers; a null key is checked before any read.
            let rc = unsafe {
                kycrypt_fast_hmac_sha256(
                    key,
                    key_len,
                    msg.as_ptr(),
                    msg.len(),
                    out.as_mut_ptr(),
                    &mut err,
                )
            };
            (rc, out, err)
        };
        let key = b"Jefe";
        let (rc, out, _) = call(key.as_ptr(), key.len());
        assert_eq!(rc, OK);
        let expected = api::hmac_sha256(key.to_vec(), msg.to_vec()).unwrap();
        assert_eq!(out.to_vec(), expected);
        // An empty key is `invalid_key`, the same error as the export's.
        let (rc, _, err) = call(key.as_ptr(), 0);
        assert_eq!(rc, ERR);
        let lifted =
            <KycryptError as uniffi::Lift<UniFfiTag>>::try_lift_from_rust_buffer(err).unwrap();
        assert_eq!(
            lifted,
            api::hmac_sha256(Vec::new(), msg.to_vec()).unwrap_err()
        );
        // A null pointer with a length is refused, not read.
        let (rc, _, err) = call(std::ptr::null(), 3);
        assert_eq!(rc, ERR);
        let lifted =
            <KycryptError as uniffi::Lift<UniFfiTag>>::try_lift_from_rust_buffer(err).unwrap();
        assert_eq!(lifted.code_str(), "malformed_input");
    }
}
