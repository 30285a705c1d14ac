//! Zero Hash's RSA public key and RSASSA-PKCS1-v1_5/SHA-256 verification
//! (public-key operations only; a small private seam the lead may later
//! route through `primitives::keys`).

use rsa::pkcs1::DecodeRsaPublicKey as _;
use rsa::pkcs8::DecodePublicKey as _;
use rsa::signature::DigestVerifier as _;
use rsa::traits::PublicKeyParts as _;
use sha2::Digest as _;

use crate::error::{Error, Result};

/// Smallest accepted modulus (bits).
const MIN_MODULUS_BITS: usize = 2048;
/// Largest accepted modulus (bits).
const MAX_MODULUS_BITS: usize = 4096;
/// Largest PEM accepted (bytes).
const MAX_PEM_LEN: usize = 16 * 1024;

/// Zero Hash's webhook-signing RSA public key (2048 to 4096 bits).
#[derive(Clone)]
pub struct ZeroHashPublicKey {
    key: rsa::pkcs1v15::VerifyingKey<sha2::Sha256>,
    size: usize,
}

impl core::fmt::Debug for ZeroHashPublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ZeroHashPublicKey")
            .field("bits", &(self.size * 8))
            .finish()
    }
}

impl ZeroHashPublicKey {
    /// Parses a PEM public key: SPKI (`-----BEGIN PUBLIC KEY-----`) or
    /// PKCS#1 (`-----BEGIN RSA PUBLIC KEY-----`).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when it is neither, not RSA, or the modulus is
    /// outside 2048..=4096 bits; [`Error::InputTooLarge`] over 16 KiB.
    pub fn from_pem(pem: &str) -> Result<Self> {
        crate::error::check_len("public key PEM", pem.as_bytes(), MAX_PEM_LEN)?;
        let pem = pem.trim();
        let key = if pem.starts_with("-----BEGIN RSA PUBLIC KEY-----") {
            rsa::RsaPublicKey::from_pkcs1_pem(pem)
                .map_err(|_| Error::invalid_key("not a PKCS#1 RSA public key"))?
        } else {
            rsa::RsaPublicKey::from_public_key_pem(pem)
                .map_err(|_| Error::invalid_key("not an RSA SPKI public key"))?
        };
        let bits = key.n().bits() as usize;
        if !(MIN_MODULUS_BITS..=MAX_MODULUS_BITS).contains(&bits) {
            return Err(Error::invalid_key("RSA modulus must be 2048 to 4096 bits"));
        }
        let size = key.size();
        Ok(Self {
            key: rsa::pkcs1v15::VerifyingKey::new(key),
            size,
        })
    }

    /// Decodes a signature given as hex (exactly twice the modulus length in
    /// hex digits, either case) or else standard base64 (padded). Anything
    /// else is [`Error::SignatureInvalid`].
    fn decode_signature(&self, s: &str) -> Result<rsa::pkcs1v15::Signature> {
        let s = s.trim();
        let bytes = if s.len() == 2 * self.size && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(s).map_err(|_| Error::SignatureInvalid)?
        } else {
            crate::encoding::b64_decode("signature", s).map_err(|_| Error::SignatureInvalid)?
        };
        if bytes.len() != self.size {
            return Err(Error::SignatureInvalid);
        }
        rsa::pkcs1v15::Signature::try_from(bytes.as_slice()).map_err(|_| Error::SignatureInvalid)
    }

    /// Verifies an RSASSA-PKCS1-v1_5 SHA-256 signature over the
    /// concatenation of `parts`.
    pub(crate) fn verify(&self, parts: &[&[u8]], signature: &str) -> Result<()> {
        let sig = self.decode_signature(signature)?;
        self.key
            .verify_digest(
                |d: &mut sha2::Sha256| {
                    for p in parts {
                        d.update(p);
                    }
                    Ok(())
                },
                &sig,
            )
            .map_err(|_| Error::SignatureInvalid)
    }
}
