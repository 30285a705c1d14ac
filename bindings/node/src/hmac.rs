//! HMAC exports: [`hmac_sha256`] and the opaque [`HmacKey`] class
//! (mirrors `bindings/ffi/src/hmac.rs`).

use kycrypt::primitives::hmac as core;
use napi::bindgen_prelude::{Buffer, Uint8Array};
use napi_derive::napi;

use crate::KyError;
use crate::guard::{from_core, napi_guard};

/// The hash under the HMAC: `"sha256"`, `"sha512"` or `"sha1"`.
#[napi(string_enum = "lowercase")]
#[derive(Debug, PartialEq, Eq)]
// Only ever constructed by napi from a JS string; JS sees a string union, which can grow.
#[allow(clippy::exhaustive_enums)]
pub enum HmacAlg {
    /// HMAC-SHA256 (32-byte tag).
    Sha256,
    /// HMAC-SHA512 (64-byte tag).
    Sha512,
    /// HMAC-SHA1 (20-byte tag). Only for providers that still use it.
    Sha1,
}

impl From<HmacAlg> for core::HmacAlg {
    fn from(a: HmacAlg) -> Self {
        match a {
            HmacAlg::Sha256 => Self::Sha256,
            HmacAlg::Sha512 => Self::Sha512,
            HmacAlg::Sha1 => Self::Sha1,
        }
    }
}

/// HMAC-SHA256 of `msg` under `key` (RFC 2104; a 32-byte tag).
///
/// # Errors
/// `invalid_key` when `key` is empty.
#[napi]
pub fn hmac_sha256(key: Uint8Array, msg: Uint8Array) -> Result<Buffer, KyError> {
    napi_guard!({
        Ok(core::HmacKey::from_slice(&key)
            .map_err(from_core)?
            .sign(core::HmacAlg::Sha256, &[&msg])
            .into())
    })
}

/// A secret HMAC key, parsed once and reused. Zeroized when collected; it
/// never shows its bytes.
#[napi]
pub struct HmacKey(pub(crate) core::HmacKey);

#[napi]
impl HmacKey {
    /// Wraps raw key bytes (any non-zero length, as RFC 2104 allows).
    ///
    /// # Errors
    /// `invalid_key` when `key` is empty: an empty secret (an unset
    /// environment variable read as `''`) would let anyone forge tags.
    #[napi(constructor)]
    pub fn new(key: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({ core::HmacKey::from_slice(&key).map(Self).map_err(from_core) })
    }

    /// Decodes a standard-base64 secret (surrounding whitespace ignored).
    ///
    /// # Errors
    /// `malformed_input` when the secret is not base64 (it is not echoed);
    /// `invalid_key` when it decodes to nothing.
    #[napi(factory)]
    pub fn from_base64(secret: String) -> Result<Self, KyError> {
        napi_guard!({
            core::HmacKey::from_base64(&secret)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The tag of `msg` under this key with `alg`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn sign(&self, alg: HmacAlg, msg: Uint8Array) -> Result<Buffer, KyError> {
        napi_guard!({ Ok(self.0.sign(alg.into(), &[&msg]).into()) })
    }

    /// Checks `tag` over `msg` in constant time.
    ///
    /// # Errors
    /// `signature_invalid` when the tag differs or has the wrong length.
    #[napi]
    pub fn verify(&self, alg: HmacAlg, msg: Uint8Array, tag: Uint8Array) -> Result<(), KyError> {
        napi_guard!({ self.0.verify(alg.into(), &[&msg], &tag).map_err(from_core) })
    }
}
