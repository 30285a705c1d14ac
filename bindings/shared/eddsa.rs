//! Ed25519 and Ed448 keys (the core's `kycrypt::primitives::eddsa`).

#[cfg(napi)]
use napi_derive::napi;

use kycrypt::primitives::eddsa::{ed448, ed25519};

use crate::api::macros::bind_methods;
use crate::shim::{BytesIn, BytesOut, Error, guard};

/// An Ed25519 signing key (e.g. for DID-JWTs), parsed once; zeroized when released
/// and never shown.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct Ed25519SigningKey(pub(crate) ed25519::Ed25519SigningKey);

bind_methods! {
impl Ed25519SigningKey {
    /// From the 32-byte seed (RFC 8032).
    ///
    /// # Errors
    /// `invalid_key` for another length.
    factory pub fn from_seed(seed: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(ed25519::Ed25519SigningKey::from_seed(&seed)?)))
    }

    /// A fresh random key (OS CSPRNG).
    ///
    /// # Errors
    /// `internal` when the OS RNG fails.
    factory pub fn generate() -> Result<Self, Error> {
        guard(|| Ok(Self(ed25519::Ed25519SigningKey::generate()?)))
    }

    /// The 32-byte public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn public_key(&self) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.verifying_key().to_bytes().to_vec().into()))
    }

    /// The 64-byte signature of `msg`.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn sign(&self, msg: BytesIn) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.sign(&msg).to_vec().into()))
    }
}
}

/// Verifies an Ed25519 `signature` (64 bytes) over `msg` with a 32-byte `public_key`.
///
/// # Errors
/// `invalid_key` when `public_key` is not a valid key; `signature_invalid`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn ed25519_verify(public_key: BytesIn, msg: BytesIn, signature: BytesIn) -> Result<(), Error> {
    guard(|| ed25519::Ed25519VerifyingKey::from_bytes(&public_key)?.verify(&msg, &signature))
}

/// An Ed448 signing key (RFC 8032), parsed once; zeroized when released and never
/// shown.
#[cfg_attr(uniffi, derive(uniffi::Object))]
#[cfg_attr(napi, napi)]
#[derive(Debug)]
pub struct Ed448SigningKey(pub(crate) ed448::Ed448SigningKey);

bind_methods! {
impl Ed448SigningKey {
    /// From the 57-byte seed (RFC 8032).
    ///
    /// # Errors
    /// `invalid_key` for another length.
    factory pub fn from_seed(seed: BytesIn) -> Result<Self, Error> {
        guard(|| Ok(Self(ed448::Ed448SigningKey::from_seed(&seed)?)))
    }

    /// The 57-byte public key.
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn public_key(&self) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.verifying_key().to_bytes().to_vec().into()))
    }

    /// The 114-byte signature of `msg` (pure Ed448, empty context).
    ///
    /// # Errors
    /// Only `internal`, never in practice.
    method pub fn sign(&self, msg: BytesIn) -> Result<BytesOut, Error> {
        guard(|| Ok(self.0.sign(&msg).to_vec().into()))
    }
}
}

/// Verifies an Ed448 `signature` (114 bytes, pure Ed448, empty context) over `msg`
/// with a 57-byte `public_key`.
///
/// # Errors
/// `invalid_key` when `public_key` is not a valid key; `signature_invalid`.
#[cfg_attr(uniffi, uniffi::export)]
#[cfg_attr(napi, napi)]
pub fn ed448_verify(public_key: BytesIn, msg: BytesIn, signature: BytesIn) -> Result<(), Error> {
    guard(|| ed448::Ed448VerifyingKey::from_bytes(&public_key)?.verify(&msg, &signature))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Bytes as a `BytesIn` (a `Vec<u8>` or a `Uint8Array`).
    fn b(v: &[u8]) -> BytesIn {
        v.to_vec().into()
    }

    #[test]
    fn ed25519_signs_and_verifies() {
        let k = Ed25519SigningKey::from_seed(b(&[7; 32])).unwrap();
        let pk = k.public_key().unwrap().to_vec();
        let sig = k.sign(b(b"msg")).unwrap().to_vec();
        assert_eq!((pk.len(), sig.len()), (32, 64));
        assert!(ed25519_verify(b(&pk), b(b"msg"), b(&sig)).is_ok());
        assert!(ed25519_verify(b(&pk), b(b"msh"), b(&sig)).is_err());
        assert!(Ed25519SigningKey::from_seed(b(&[7; 31])).is_err());
        let g = Ed25519SigningKey::generate().unwrap();
        assert_ne!(g.public_key().unwrap().to_vec(), pk);
        assert!(!format!("{k:?}").contains("0707"));
    }

    #[test]
    fn ed448_signs_and_verifies() {
        let k = Ed448SigningKey::from_seed(b(&[9; 57])).unwrap();
        let pk = k.public_key().unwrap().to_vec();
        let sig = k.sign(b(b"msg")).unwrap().to_vec();
        assert_eq!((pk.len(), sig.len()), (57, 114));
        assert!(ed448_verify(b(&pk), b(b"msg"), b(&sig)).is_ok());
        assert!(ed448_verify(b(&pk), b(b"msh"), b(&sig)).is_err());
        assert!(ed448_verify(b(&pk[..56]), b(b"msg"), b(&sig)).is_err());
        assert!(Ed448SigningKey::from_seed(b(&[9; 32])).is_err());
    }
}
