//! Ed25519 and Ed448 keys (mirrors `kycrypt::primitives::eddsa`).

use std::sync::Arc;

use kycrypt::primitives::eddsa::{ed448, ed25519};

use crate::{FfiError, ffi_guard};

/// An Ed25519 signing key (e.g. for DID-JWTs), parsed once; zeroized when
/// released and never shown.
#[derive(uniffi::Object)]
pub struct Ed25519SigningKey(pub(crate) ed25519::Ed25519SigningKey);

impl std::fmt::Debug for Ed25519SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ed25519SigningKey").finish_non_exhaustive()
    }
}

#[uniffi::export]
impl Ed25519SigningKey {
    /// From the 32-byte seed.
    ///
    /// # Errors
    /// `invalid_key` for another length.
    #[uniffi::constructor]
    pub fn from_seed(seed: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({
            Ok(Arc::new(Self(ed25519::Ed25519SigningKey::from_seed(
                &seed,
            )?)))
        })
    }

    /// A fresh random key (OS CSPRNG).
    ///
    /// # Errors
    /// `internal` when the OS RNG fails.
    #[uniffi::constructor]
    pub fn generate() -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(ed25519::Ed25519SigningKey::generate()?))) })
    }

    /// The 32-byte public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn public_key(&self) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.verifying_key().to_bytes().to_vec()) })
    }

    /// The 64-byte signature of `msg`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn sign(&self, msg: Vec<u8>) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.sign(&msg).to_vec()) })
    }
}

/// Verifies an Ed25519 `signature` (64 bytes) over `msg` with a 32-byte `public_key`.
///
/// # Errors
/// `invalid_key`, `signature_invalid`.
#[uniffi::export]
pub fn ed25519_verify(
    public_key: Vec<u8>,
    msg: Vec<u8>,
    signature: Vec<u8>,
) -> Result<(), FfiError> {
    ffi_guard!({
        Ok(ed25519::Ed25519VerifyingKey::from_bytes(&public_key)?.verify(&msg, &signature)?)
    })
}

/// An Ed448 signing key (RFC 8032), parsed once; zeroized when released and never shown.
#[derive(uniffi::Object)]
pub struct Ed448SigningKey(ed448::Ed448SigningKey);

impl std::fmt::Debug for Ed448SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ed448SigningKey").finish_non_exhaustive()
    }
}

#[uniffi::export]
impl Ed448SigningKey {
    /// From the 57-byte seed.
    ///
    /// # Errors
    /// `invalid_key` for another length.
    #[uniffi::constructor]
    pub fn from_seed(seed: Vec<u8>) -> Result<Arc<Self>, FfiError> {
        ffi_guard!({ Ok(Arc::new(Self(ed448::Ed448SigningKey::from_seed(&seed)?))) })
    }

    /// The 57-byte public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn public_key(&self) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.verifying_key().to_bytes().to_vec()) })
    }

    /// The 114-byte signature of `msg` (pure Ed448, empty context).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    pub fn sign(&self, msg: Vec<u8>) -> Result<Vec<u8>, FfiError> {
        ffi_guard!({ Ok(self.0.sign(&msg).to_vec()) })
    }
}

/// Verifies an Ed448 `signature` (114 bytes) over `msg` with a 57-byte `public_key`.
///
/// # Errors
/// `invalid_key`, `signature_invalid`.
#[uniffi::export]
pub fn ed448_verify(public_key: Vec<u8>, msg: Vec<u8>, signature: Vec<u8>) -> Result<(), FfiError> {
    ffi_guard!({ Ok(ed448::Ed448VerifyingKey::from_bytes(&public_key)?.verify(&msg, &signature)?) })
}
