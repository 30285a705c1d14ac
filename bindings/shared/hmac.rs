//! HMAC: [`hmac_sha256`] and the opaque [`HmacKey`].

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::primitives::hmac as core;

use crate::api::macros::{bind_enum, bind_methods};
use crate::shim::{BytesIn, BytesOut, Error, guard, into_vec};

bind_enum! {
    /// The hash under an HMAC (JS: `'sha256' | 'sha512' | 'sha1'`).
    pub enum HmacAlg: core::HmacAlg {
        /// HMAC-SHA256 (32-byte tag).
        Sha256 = "sha256",
        /// HMAC-SHA512 (64-byte tag).
        Sha512 = "sha512",
        /// HMAC-SHA1 (20-byte tag). Only for providers that still use it.
        Sha1 = "sha1",
    }
}

/// HMAC-SHA256 of `msg` under `key` (RFC 2104; a 32-byte tag).
///
/// # Errors
/// `invalid_key` when `key` is empty.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn hmac_sha256(key: BytesIn, msg: BytesIn) -> Result<BytesOut, Error> {
    guard(|| {
        Ok(core::HmacKey::new(into_vec(key))?
            .sign(core::HmacAlg::Sha256, &[&msg])
            .into())
    })
}

/// A secret HMAC key, parsed once and reused. Zeroized when released; it never shows
/// its bytes (it prints as its type name only).
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct HmacKey(pub(crate) core::HmacKey);

bind_methods! {
impl HmacKey {
    /// Wraps raw key bytes (any non-zero length, as RFC 2104 allows).
    ///
    /// # Errors
    /// `invalid_key` when `key` is empty: an empty secret (an unset environment
    /// variable read as `""`) would let anyone forge tags.
    constructor pub fn new(key: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(core::HmacKey::new(into_vec(key))?)))
    }

    /// Decodes a standard-base64 secret (surrounding whitespace ignored).
    ///
    /// # Errors
    /// `malformed_input` when the secret is not base64 (it is not echoed);
    /// `invalid_key` when it decodes to nothing.
    factory pub fn from_base64(secret: String) -> Result<Self, Error> {
        guard(|| Ok(Self(core::HmacKey::from_base64(&secret)?)))
    }

    /// The tag of `msg` under this key with `alg`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn sign(&self, alg: HmacAlg, msg: BytesIn) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.sign(alg.into(), &[&msg]).into()))
    }

    /// Checks `tag` over `msg` in constant time.
    ///
    /// # Errors
    /// `signature_invalid` when the tag differs or has the wrong length.
    method pub fn verify(&self, alg: HmacAlg, msg: BytesIn, tag: BytesIn) -> Result<(), Error> {
        guard(|| self.0.verify(alg.into(), &[&msg], &tag))
    }
}
}
