//! HMAC exports: [`hmac_sha256`] and the opaque [`HmacKey`] object.

use std::sync::Arc;

use kycrypt::primitives::hmac as core;

use crate::{FfiError, ffi_guard};

/// The hash under the HMAC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
#[non_exhaustive]
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
#[uniffi::export]
pub fn hmac_sha256(key: Vec<u8>, msg: Vec<u8>) -> Result<Vec<u8>, FfiError> {
    ffi_guard!({ Ok(core::HmacKey::new(key)?.sign(core::HmacAlg::Sha256, &[&msg])) })
}

/// A secret HMAC key, parsed once and reused. Zeroized when released; it
/// never shows its bytes (no `toString`/`__str__` of key material).
#[derive(Debug, uniffi::Object)]
pub struct HmacKey(pub(crate) core::HmacKey);

#[uniffi::export]
impl HmacKey {
    /// Wraps raw key bytes (any non-zero length, as RFC 2104 allows).
    ///
    /// # Errors
    /// `invalid_key` when `key` is empty: an empty secret (an unset
    /// environment variable read as `""`) would let anyone forge tags.
    #[uniffi::constructor]
    pub fn new(key: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::HmacKey::new(key)?))) })
    }

    /// Decodes a standard-base64 secret (surrounding whitespace ignored).
    ///
    /// # Errors
    /// `malformed_input` when the secret is not base64 (it is not echoed);
    /// `invalid_key` when it decodes to nothing.
    #[uniffi::constructor]
    pub fn from_base64(secret: String) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(core::HmacKey::from_base64(&secret)?))) })
    }

    /// The tag of `msg` under this key with `alg`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn sign(&self, alg: HmacAlg, msg: Vec<u8>) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.sign(alg.into(), &[&msg])) })
    }

    /// Checks `tag` over `msg` in constant time.
    ///
    /// # Errors
    /// `signature_invalid` when the tag differs or has the wrong length.
    pub fn verify(&self, alg: HmacAlg, msg: Vec<u8>, tag: Vec<u8>) -> Result<(), FfiError> {
        ffi_guard!({ Ok(self.0.verify(alg.into(), &[&msg], &tag)?) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_match_the_core_and_debug_is_redacted() {
        let key = HmacKey::new(b"Jefe".to_vec()).unwrap();
        let msg = b"what do ya want for nothing?".to_vec();
        let tag = key.sign(HmacAlg::Sha256, msg.clone()).unwrap();
        assert_eq!(tag, hmac_sha256(b"Jefe".to_vec(), msg.clone()).unwrap());
        assert!(
            key.verify(HmacAlg::Sha256, msg.clone(), tag.clone())
                .is_ok()
        );
        let err = key.verify(HmacAlg::Sha512, msg, tag).unwrap_err();
        assert_eq!(err.code(), "signature_invalid");
        assert_eq!(
            HmacKey::from_base64("***".into()).unwrap_err().code(),
            "malformed_input"
        );
        for empty in [HmacKey::new(Vec::new()), HmacKey::from_base64(" ".into())] {
            assert_eq!(empty.unwrap_err().code(), "invalid_key");
        }
        assert_eq!(
            hmac_sha256(Vec::new(), b"m".to_vec()).unwrap_err().code(),
            "invalid_key"
        );
        let dbg = format!("{key:?}");
        assert!(!dbg.contains("Jefe") && !dbg.contains("74"), "{dbg}");
    }
}
