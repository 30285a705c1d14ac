//! Zero Hash's webhook-signing RSA public key: a [`PublicKey`] that is RSA
//! (RS256), with the signature encodings Zero Hash sends.

use crate::error::{Error, Result};
use crate::primitives::keys::PublicKey;

/// Zero Hash's webhook-signing RSA public key. Parsing, the size limits
/// (modulus [`MIN_RSA_BITS`](crate::primitives::keys::MIN_RSA_BITS) to
/// [`MAX_RSA_BITS`](crate::primitives::keys::MAX_RSA_BITS), input at most
/// [`MAX_KEY_INPUT_LEN`](crate::primitives::keys::MAX_KEY_INPUT_LEN)) and
/// RSASSA-PKCS1-v1_5/SHA-256 verification are those of
/// [`primitives::keys`](crate::primitives::keys). `Debug` shows only the
/// modulus size.
///
/// ```
/// use kycrypt::primitives::keys::{KeyType, PrivateKey};
/// use kycrypt::webhooks::ZeroHashPublicKey;
/// let ec = PrivateKey::generate(KeyType::P256)?.public_key();
/// assert_eq!(ZeroHashPublicKey::from_public_key(ec).unwrap_err().code(), "invalid_key");
/// # Ok::<(), kycrypt::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ZeroHashPublicKey {
    key: PublicKey,
    /// The modulus length in bytes (the signature length).
    modulus_len: usize,
}

impl core::fmt::Debug for ZeroHashPublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ZeroHashPublicKey")
            .field("bits", &(self.modulus_len * 8))
            .finish()
    }
}

impl ZeroHashPublicKey {
    /// Parses a PEM public key: SPKI (`-----BEGIN PUBLIC KEY-----`) or
    /// PKCS#1 (`-----BEGIN RSA PUBLIC KEY-----`), as
    /// [`PublicKey::from_pem`] does, and requires it to be RSA.
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when it is not a public key PEM, not RSA, or the
    /// modulus is outside the accepted sizes; [`Error::InputTooLarge`] over
    /// [`MAX_KEY_INPUT_LEN`](crate::primitives::keys::MAX_KEY_INPUT_LEN).
    pub fn from_pem(pem: &str) -> Result<Self> {
        let key = PublicKey::from_pem(pem).map_err(|e| match e {
            // Another algorithm the keys module does not know is still "not RSA".
            Error::UnsupportedAlgorithm(_) => not_rsa(),
            other => other,
        })?;
        Self::from_public_key(key)
    }

    /// Wraps an already parsed public key, which must be RSA.
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when the key is not RSA.
    pub fn from_public_key(key: PublicKey) -> Result<Self> {
        match key.rsa_modulus_len() {
            Some(modulus_len) => Ok(Self { key, modulus_len }),
            None => Err(not_rsa()),
        }
    }

    /// The underlying public key.
    #[must_use]
    pub fn public_key(&self) -> &PublicKey {
        &self.key
    }

    /// Decodes a signature given as hex (exactly twice the modulus length in
    /// hex digits, either case) or else standard base64 (padded). Anything
    /// else, or a length other than the modulus length, is
    /// [`Error::SignatureInvalid`].
    fn decode_signature(&self, s: &str) -> Result<Vec<u8>> {
        let s = s.trim();
        let bytes = if s.len() == 2 * self.modulus_len && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(s).map_err(|_| Error::SignatureInvalid)?
        } else {
            crate::encoding::b64_decode("signature", s).map_err(|_| Error::SignatureInvalid)?
        };
        if bytes.len() != self.modulus_len {
            return Err(Error::SignatureInvalid);
        }
        Ok(bytes)
    }

    /// Verifies an RSASSA-PKCS1-v1_5 SHA-256 signature over the
    /// concatenation of `parts` (the RS256 backends verify one contiguous
    /// message, so the parts are copied once).
    pub(crate) fn verify(&self, parts: &[&[u8]], signature: &str) -> Result<()> {
        let sig = self.decode_signature(signature)?;
        let msg = parts.concat();
        self.key.verify(&msg, &sig)
    }
}

fn not_rsa() -> Error {
    Error::invalid_key("Zero Hash's webhook key must be an RSA public key")
}
