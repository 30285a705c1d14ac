//! Ed25519 and Ed448 keys (mirrors `bindings/ffi/src/eddsa.rs`).

use kycrypt::primitives::eddsa::{ed448, ed25519};
use napi::bindgen_prelude::{Buffer, Uint8Array};
use napi_derive::napi;

use crate::KyError;
use crate::guard::{from_core, napi_guard};

/// An Ed25519 signing key (e.g. for DID-JWTs), parsed once; zeroized when
/// collected and never shown.
#[napi]
pub struct Ed25519SigningKey(pub(crate) ed25519::Ed25519SigningKey);

#[napi]
impl Ed25519SigningKey {
    /// From the 32-byte seed.
    ///
    /// # Errors
    /// `invalid_key` for another length.
    #[napi(factory)]
    pub fn from_seed(seed: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            ed25519::Ed25519SigningKey::from_seed(&seed)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// A fresh random key (OS CSPRNG).
    ///
    /// # Errors
    /// `internal` when the OS RNG fails.
    #[napi(factory)]
    pub fn generate() -> Result<Self, KyError> {
        napi_guard!({
            ed25519::Ed25519SigningKey::generate()
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The 32-byte public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn public_key(&self) -> Result<Buffer, KyError> {
        napi_guard!({ Ok(self.0.verifying_key().to_bytes().to_vec().into()) })
    }

    /// The 64-byte signature of `msg`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn sign(&self, msg: Uint8Array) -> Result<Buffer, KyError> {
        napi_guard!({ Ok(self.0.sign(&msg).to_vec().into()) })
    }
}

/// Verifies an Ed25519 `signature` (64 bytes) over `msg` with a 32-byte `publicKey`.
///
/// # Errors
/// `invalid_key`, `signature_invalid`.
#[napi]
pub fn ed25519_verify(
    public_key: Uint8Array,
    msg: Uint8Array,
    signature: Uint8Array,
) -> Result<(), KyError> {
    napi_guard!({
        ed25519::Ed25519VerifyingKey::from_bytes(&public_key)
            .and_then(|k| k.verify(&msg, &signature))
            .map_err(from_core)
    })
}

/// An Ed448 signing key (RFC 8032), parsed once; zeroized when collected and never shown.
#[napi]
pub struct Ed448SigningKey(ed448::Ed448SigningKey);

#[napi]
impl Ed448SigningKey {
    /// From the 57-byte seed.
    ///
    /// # Errors
    /// `invalid_key` for another length.
    #[napi(factory)]
    pub fn from_seed(seed: Uint8Array) -> Result<Self, KyError> {
        napi_guard!({
            ed448::Ed448SigningKey::from_seed(&seed)
                .map(Self)
                .map_err(from_core)
        })
    }

    /// The 57-byte public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn public_key(&self) -> Result<Buffer, KyError> {
        napi_guard!({ Ok(self.0.verifying_key().to_bytes().to_vec().into()) })
    }

    /// The 114-byte signature of `msg` (pure Ed448, empty context).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    #[napi]
    pub fn sign(&self, msg: Uint8Array) -> Result<Buffer, KyError> {
        napi_guard!({ Ok(self.0.sign(&msg).to_vec().into()) })
    }
}

/// Verifies an Ed448 `signature` (114 bytes) over `msg` with a 57-byte `publicKey`.
///
/// # Errors
/// `invalid_key`, `signature_invalid`.
#[napi]
pub fn ed448_verify(
    public_key: Uint8Array,
    msg: Uint8Array,
    signature: Uint8Array,
) -> Result<(), KyError> {
    napi_guard!({
        ed448::Ed448VerifyingKey::from_bytes(&public_key)
            .and_then(|k| k.verify(&msg, &signature))
            .map_err(from_core)
    })
}
