//! Ed448 signatures (RFC 8032 section 5.2), **pure** mode with an **empty
//! context**: the "Ed448" of RFC 8032, as used by go-core / CorePass.
//!
//! Two backends, none of whose types appear in this API:
//! - **verification** (the hot path: every CorePass callback) runs on `crrl`
//!   (Thomas Pornin, MIT), about 6x faster than `ed448-goldilocks` here and on
//!   par with OpenSSL (see `benches/RESULTS.md`). It checks RFC 8032's
//!   cofactored equation `[4][S]B = [4]R + [4][k]A`;
//! - **signing** (tests, simulators, key generation) runs on `ed448-goldilocks` (a
//!   pinned pre-release), which zeroizes its secrets; it is also the second
//!   implementation the tests and the `ed448_diff` fuzz target compare with.
//!
//! Verification enforces canonical encodings of `R`, `S` (below the group
//! order, last byte zero) and the public key, and rejects the identity as
//! public key or `R`; a public key must lie in the prime-order subgroup
//! (checked once, when it is parsed).
//!
//! ```
//! use kycrypt::primitives::eddsa::ed448::{Ed448SigningKey, Ed448VerifyingKey};
//! let sk = Ed448SigningKey::from_seed(&[7u8; 57])?;
//! let sig = sk.sign(b"hello");
//! let vk = Ed448VerifyingKey::from_bytes(&sk.verifying_key().to_bytes())?;
//! assert!(vk.verify(b"hello", &sig).is_ok());
//! assert!(vk.verify(b"hellO", &sig).is_err());
//! # Ok::<(), kycrypt::Error>(())
//! ```

use crrl::ed448::PublicKey as FastPublicKey;
use ed448_goldilocks::SigningKey;
use zeroize::{ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, Result};

/// Length of an Ed448 public key (RFC 8032 section 5.2.5).
pub const PUBLIC_KEY_LEN: usize = 57;
/// Length of an Ed448 seed / private key (RFC 8032 section 5.2.5).
pub const SEED_LEN: usize = 57;
/// Length of an Ed448 signature `R || S` (RFC 8032 section 5.2.6).
pub const SIGNATURE_LEN: usize = 114;

/// The encoding of the identity point (x = 0, y = 1).
const IDENTITY: [u8; PUBLIC_KEY_LEN] = {
    let mut e = [0u8; PUBLIC_KEY_LEN];
    e[0] = 1;
    e
};

/// An Ed448 public key (57 bytes, a non-identity point of the prime-order
/// subgroup).
#[derive(Clone)]
pub struct Ed448VerifyingKey {
    inner: FastPublicKey,
}

impl PartialEq for Ed448VerifyingKey {
    fn eq(&self, other: &Self) -> bool {
        // Encodings are canonical (checked on parse), so bytes name points.
        self.inner.encoded == other.inner.encoded
    }
}

impl Eq for Ed448VerifyingKey {}

impl core::fmt::Debug for Ed448VerifyingKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Ed448VerifyingKey")
            .field(&hex::encode(self.to_bytes()))
            .finish()
    }
}

impl Ed448VerifyingKey {
    /// Parses a 57-byte public key (RFC 8032 section 5.2.3 decoding).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when the length is not 57, the encoding is not a
    /// (canonical) curve point, or the point is the identity or outside the
    /// prime-order subgroup.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let arr = <[u8; PUBLIC_KEY_LEN]>::try_from(bytes)
            .map_err(|_| Error::invalid_key("Ed448 public key must be 57 bytes"))?;
        // RFC 8032 section 5.2.3: bits 448..=454 of an encoding are zero. The
        // backend ignores them, which would let 2^7 encodings name one key.
        if !canonical_last_byte(&arr) {
            return Err(Error::invalid_key(
                "non-canonical Ed448 public key encoding",
            ));
        }
        let inner = FastPublicKey::decode(&arr)
            .ok_or_else(|| Error::invalid_key("not an Ed448 curve point"))?;
        if arr == IDENTITY {
            return Err(Error::invalid_key("the Ed448 identity is not a public key"));
        }
        if inner.point.is_in_subgroup() == 0 {
            return Err(Error::invalid_key(
                "Ed448 public key is not in the prime-order subgroup",
            ));
        }
        Ok(Self { inner })
    }

    /// The 57-byte encoding.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; PUBLIC_KEY_LEN] {
        self.inner.encoded
    }

    /// Verifies a 114-byte Ed448 signature over `msg` (pure Ed448, empty context).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] when `sig` is not 114 bytes; [`Error::SignatureInvalid`]
    /// when it does not verify (including non-canonical `S`).
    pub fn verify(&self, msg: &[u8], sig: &[u8]) -> Result<()> {
        let arr = <[u8; SIGNATURE_LEN]>::try_from(sig)
            .map_err(|_| Error::malformed("Ed448 signature must be 114 bytes"))?;
        // A non-canonical R (unused bits set) is a malleated signature: the
        // backend ignores those bits, so reject it here (RFC 8032 section 5.2.7
        // decodes R per 5.2.3, which fails on them).
        if !arr
            .first_chunk::<PUBLIC_KEY_LEN>()
            .is_some_and(|r| canonical_last_byte(r) && *r != IDENTITY)
        {
            return Err(Error::SignatureInvalid);
        }
        if self.inner.verify_raw(&arr, msg) {
            Ok(())
        } else {
            Err(Error::SignatureInvalid)
        }
    }
}

/// True when bits 448..=454 of a 57-byte point encoding are zero.
fn canonical_last_byte(enc: &[u8; PUBLIC_KEY_LEN]) -> bool {
    enc.last().is_some_and(|b| b & 0x7f == 0)
}

/// An Ed448 private key built from a 57-byte RFC 8032 seed. Zeroized on drop
/// (by the backend, which wipes seed, scalar and nonce prefix); `Debug` is redacted.
#[derive(Clone)]
pub struct Ed448SigningKey {
    inner: SigningKey,
    public: Ed448VerifyingKey,
}

impl ZeroizeOnDrop for Ed448SigningKey {}

impl core::fmt::Debug for Ed448SigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Ed448SigningKey").finish_non_exhaustive()
    }
}

impl Ed448SigningKey {
    /// Builds the key from a 57-byte RFC 8032 seed (section 5.2.5).
    ///
    /// go-core may hold already-clamped scalars instead of seeds; those are not
    /// supported here (only RFC 8032 seeds, for tests and simulators).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when the seed is not 57 bytes;
    /// [`Error::Internal`] if the two backends disagreed on its public key
    /// (never expected).
    pub fn from_seed(seed: &[u8]) -> Result<Self> {
        if seed.len() != SEED_LEN {
            return Err(Error::invalid_key("Ed448 seed must be 57 bytes"));
        }
        let copy = Zeroizing::new(seed.to_vec());
        let inner = SigningKey::try_from(copy.as_slice())
            .map_err(|_| Error::invalid_key("Ed448 seed must be 57 bytes"))?;
        let public = Ed448VerifyingKey::from_bytes(&inner.verifying_key().to_bytes())
            .map_err(|_| Error::Internal(crate::error::Detail::Borrowed("Ed448 public key")))?;
        Ok(Self { inner, public })
    }

    /// Generates a fresh key from the operating system's CSPRNG (a random
    /// 57-byte seed).
    ///
    /// ```
    /// use kycrypt::primitives::eddsa::ed448::Ed448SigningKey;
    /// let sk = Ed448SigningKey::generate()?;
    /// assert!(sk.verifying_key().verify(b"m", &sk.sign(b"m")).is_ok());
    /// assert!(sk.to_pkcs8_pem()?.starts_with("-----BEGIN PRIVATE KEY-----"));
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Internal`] when the OS RNG fails.
    pub fn generate() -> Result<Self> {
        let mut seed = Zeroizing::new([0u8; SEED_LEN]);
        getrandom::fill(seed.as_mut_slice())
            .map_err(|_| Error::Internal("OS random generator failed".into()))?;
        Self::from_seed(seed.as_slice())
    }

    /// Exports the key as a PKCS#8 PEM (RFC 8410, `-----BEGIN PRIVATE
    /// KEY-----`), zeroized on drop. It is not a JOSE key:
    /// [`PrivateKey::from_pem`](crate::primitives::keys::PrivateKey::from_pem)
    /// refuses it.
    ///
    /// # Errors
    /// [`Error::Internal`] when encoding fails.
    pub fn to_pkcs8_pem(&self) -> Result<Zeroizing<String>> {
        use p256::pkcs8::{EncodePrivateKey as _, LineEnding};
        self.inner
            .to_pkcs8_der()
            .map_err(|_| Error::Internal("PKCS#8 encoding failed".into()))?
            .to_pem("PRIVATE KEY", LineEnding::LF)
            .map_err(|_| Error::Internal("PEM encoding failed".into()))
    }

    /// Signs `msg` (pure Ed448, empty context; deterministic).
    #[must_use]
    pub fn sign(&self, msg: &[u8]) -> [u8; SIGNATURE_LEN] {
        self.inner.sign_raw(msg).to_bytes()
    }

    /// The matching public key.
    #[must_use]
    pub fn verifying_key(&self) -> Ed448VerifyingKey {
        self.public.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let sk = Ed448SigningKey::from_seed(&[0xa5; 57]).unwrap();
        let s = format!("{sk:?}");
        assert!(!s.contains("a5") && !s.contains("165"), "{s}");
    }

    #[test]
    fn non_canonical_encodings_are_rejected() {
        let sk = Ed448SigningKey::from_seed(&[7; 57]).unwrap();
        let vk = sk.verifying_key();
        let sig = sk.sign(b"m");
        assert!(vk.verify(b"m", &sig).is_ok());
        for bit in 0..7 {
            let mut bad = sig;
            bad[56] |= 1 << bit;
            assert_eq!(vk.verify(b"m", &bad), Err(Error::SignatureInvalid));
            let mut pk = vk.to_bytes();
            pk[56] |= 1 << bit;
            assert_eq!(
                Ed448VerifyingKey::from_bytes(&pk).unwrap_err().code(),
                "invalid_key"
            );
        }
    }

    #[test]
    fn lengths_are_checked() {
        assert_eq!(
            Ed448SigningKey::from_seed(&[1; 56]).unwrap_err().code(),
            "invalid_key"
        );
        assert_eq!(
            Ed448VerifyingKey::from_bytes(&[1; 56]).unwrap_err().code(),
            "invalid_key"
        );
        let sk = Ed448SigningKey::from_seed(&[1; 57]).unwrap();
        let vk = sk.verifying_key();
        assert_eq!(
            vk.verify(b"m", &[0; 113]).unwrap_err().code(),
            "malformed_input"
        );
        let mut sig = sk.sign(b"m");
        assert!(vk.verify(b"m", &sig).is_ok());
        sig[113] = 1; // S must end in a zero byte
        assert_eq!(vk.verify(b"m", &sig), Err(Error::SignatureInvalid));
    }
}
