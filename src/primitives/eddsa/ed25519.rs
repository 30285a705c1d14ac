//! Ed25519 (RFC 8032 section 5.1) signing and strict verification over
//! `ed25519-dalek` 3.
//!
//! Policy (stricter than plain RFC 8032, as RFC 8032 section 5.1.7 allows and
//! as `did-jwt`/`jose` users expect):
//! - [`Ed25519VerifyingKey::from_bytes`] takes exactly 32 bytes and rejects
//!   encodings that do not decompress to a curve point, **non-canonical**
//!   encodings (y >= p, or x = 0 with the sign bit set), and **small-order
//!   ("weak") keys**, which would accept forged signatures for many messages.
//! - [`Ed25519VerifyingKey::verify`] uses dalek's `verify_strict`: `S` must be
//!   reduced (< L), `R` must decompress and must not be of small order, and
//!   the equation is checked without cofactor. Any failure is the opaque
//!   [`Error::SignatureInvalid`].
//!
//! ```
//! use kycrypt::primitives::eddsa::ed25519::Ed25519SigningKey;
//! // RFC 8032 section 7.1, TEST 1.
//! let seed = hex::decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").unwrap();
//! let key = Ed25519SigningKey::from_seed(&seed).unwrap();
//! let sig = key.sign(b"");
//! assert_eq!(hex::encode(&sig[..8]), "e5564300c360ac72");
//! assert!(key.verifying_key().verify(b"", &sig).is_ok());
//! assert!(key.verifying_key().verify(b"x", &sig).is_err());
//! ```

use ed25519_dalek::Signer as _;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// Length of an Ed25519 public key, seed and half signature.
pub const KEY_LEN: usize = 32;
/// Length of an Ed25519 signature (`R || S`).
pub const SIGNATURE_LEN: usize = 64;

/// An Ed25519 public key: canonical, on the curve, not of small order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Ed25519VerifyingKey {
    inner: ed25519_dalek::VerifyingKey,
}

impl core::fmt::Debug for Ed25519VerifyingKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Ed25519VerifyingKey")
            .field(&hex::encode(self.to_bytes()))
            .finish()
    }
}

impl Ed25519VerifyingKey {
    /// Parses a 32-byte compressed Edwards point (RFC 8032 section 5.1.3).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when the input is not 32 bytes, does not decode
    /// to a point, is a non-canonical encoding, or is a small-order point.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let arr = <[u8; KEY_LEN]>::try_from(bytes)
            .map_err(|_| Error::invalid_key("Ed25519 public key must be 32 bytes"))?;
        let inner = ed25519_dalek::VerifyingKey::from_bytes(&arr)
            .map_err(|_| Error::invalid_key("Ed25519 public key is not a curve point"))?;
        if inner.to_edwards().compress().to_bytes() != arr {
            return Err(Error::invalid_key(
                "Ed25519 public key encoding is not canonical",
            ));
        }
        if inner.is_weak() {
            return Err(Error::invalid_key("Ed25519 public key has small order"));
        }
        Ok(Self { inner })
    }

    /// The 32-byte encoding.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; KEY_LEN] {
        self.inner.to_bytes()
    }

    /// Verifies a 64-byte signature over `msg` (strict: see the module docs).
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`] for a wrong length or any failed check.
    pub fn verify(&self, msg: &[u8], signature: &[u8]) -> Result<()> {
        let sig =
            ed25519_dalek::Signature::from_slice(signature).map_err(|_| Error::SignatureInvalid)?;
        self.inner
            .verify_strict(msg, &sig)
            .map_err(|_| Error::SignatureInvalid)
    }
}

/// An Ed25519 private key (the 32-byte RFC 8032 seed). Zeroized on drop;
/// `Debug` shows no key material; no `Display`/`Serialize`.
#[derive(Clone)]
pub struct Ed25519SigningKey {
    // ed25519-dalek's SigningKey zeroizes itself on drop (feature "zeroize").
    inner: ed25519_dalek::SigningKey,
}

impl zeroize::ZeroizeOnDrop for Ed25519SigningKey {}

impl core::fmt::Debug for Ed25519SigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Ed25519SigningKey").finish_non_exhaustive()
    }
}

impl Ed25519SigningKey {
    /// Builds the key from its 32-byte seed (RFC 8032 section 5.1.5).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `seed` is not 32 bytes.
    pub fn from_seed(seed: &[u8]) -> Result<Self> {
        let arr = Zeroizing::new(
            <[u8; KEY_LEN]>::try_from(seed)
                .map_err(|_| Error::invalid_key("Ed25519 seed must be 32 bytes"))?,
        );
        Ok(Self {
            inner: ed25519_dalek::SigningKey::from_bytes(&arr),
        })
    }

    /// Generates a fresh key from the operating system's CSPRNG.
    ///
    /// # Errors
    /// [`Error::Internal`] when the OS RNG fails.
    pub fn generate() -> Result<Self> {
        let mut seed = Zeroizing::new([0u8; KEY_LEN]);
        getrandom::fill(seed.as_mut_slice())
            .map_err(|_| Error::Internal("OS random generator failed".into()))?;
        Self::from_seed(seed.as_slice())
    }

    /// The 32-byte seed, in a buffer that is zeroized on drop.
    #[must_use]
    pub fn to_seed(&self) -> Zeroizing<[u8; KEY_LEN]> {
        Zeroizing::new(self.inner.to_bytes())
    }

    /// The public key.
    #[must_use]
    pub fn verifying_key(&self) -> Ed25519VerifyingKey {
        Ed25519VerifyingKey {
            inner: self.inner.verifying_key(),
        }
    }

    /// Signs `msg` (pure Ed25519, deterministic).
    #[must_use]
    pub fn sign(&self, msg: &[u8]) -> [u8; SIGNATURE_LEN] {
        self.inner.sign(msg).to_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const PK: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    const SIG: &str = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    #[test]
    fn rfc8032_test1() {
        let sk = Ed25519SigningKey::from_seed(&hex::decode(SEED).unwrap()).unwrap();
        assert_eq!(hex::encode(sk.verifying_key().to_bytes()), PK);
        assert_eq!(hex::encode(sk.sign(b"")), SIG);
        let vk = Ed25519VerifyingKey::from_bytes(&hex::decode(PK).unwrap()).unwrap();
        assert!(vk.verify(b"", &hex::decode(SIG).unwrap()).is_ok());
        assert_eq!(
            vk.verify(b"", &hex::decode(&SIG[..126]).unwrap()),
            Err(Error::SignatureInvalid)
        );
        assert_eq!(
            *sk.to_seed(),
            <[u8; 32]>::try_from(hex::decode(SEED).unwrap()).unwrap()
        );
    }

    #[test]
    fn rejects_bad_keys() {
        // Identity point (small order).
        let mut id = [0u8; 32];
        id[0] = 1;
        assert_eq!(
            Ed25519VerifyingKey::from_bytes(&id).unwrap_err().code(),
            "invalid_key"
        );
        // Non-canonical: y = p (2^255 - 19), encodes as identity-ish, not canonical.
        let mut y_p = [0xffu8; 32];
        y_p[0] = 0xed;
        y_p[31] = 0x7f;
        assert!(Ed25519VerifyingKey::from_bytes(&y_p).is_err());
        assert!(Ed25519VerifyingKey::from_bytes(&[0u8; 31]).is_err());
        assert!(Ed25519SigningKey::from_seed(&[0u8; 33]).is_err());
    }

    #[test]
    fn rejects_non_reduced_s() {
        let sk = Ed25519SigningKey::from_seed(&hex::decode(SEED).unwrap()).unwrap();
        let mut sig = sk.sign(b"m");
        // Add L to S: same equation, non-canonical S -> must be rejected.
        const L: [u8; 32] = [
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9,
            0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
        ];
        let mut carry = 0u16;
        for i in 0..32 {
            let v = u16::from(sig[32 + i]) + u16::from(L[i]) + carry;
            sig[32 + i] = u8::try_from(v & 0xff).unwrap();
            carry = v >> 8;
        }
        assert_eq!(
            sk.verifying_key().verify(b"m", &sig),
            Err(Error::SignatureInvalid)
        );
    }

    #[test]
    fn debug_is_redacted() {
        let sk = Ed25519SigningKey::from_seed(&hex::decode(SEED).unwrap()).unwrap();
        let s = format!("{sk:?}");
        assert!(!s.contains("9d61") && !s.contains("157"), "{s}");
    }
}
