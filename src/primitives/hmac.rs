//! HMAC (RFC 2104) over SHA-256, SHA-512 and SHA-1, with constant-time
//! verification.
//!
//! Keys are [`HmacKey`]: zeroized on drop, redacted in `Debug`. Tags are
//! checked with [`HmacKey::verify`], which compares in constant time; the tag
//! is never handed back for the caller to compare with `==`.
//!
//! ```
//! use kycrypt::primitives::hmac::{HmacAlg, HmacKey};
//! let key = HmacKey::new(b"key".to_vec())?;
//! let tag = key.sign(HmacAlg::Sha256, &[b"The quick brown fox jumps over the lazy dog"]);
//! assert_eq!(hex::encode(&tag), "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
//! assert!(key.verify(HmacAlg::Sha256, &[b"The quick brown fox ", b"jumps over the lazy dog"], &tag).is_ok());
//! // An empty secret is refused: `HMAC("", body)` is computable by anyone.
//! assert_eq!(HmacKey::from_slice(b"").unwrap_err().code(), "invalid_key");
//! # Ok::<(), kycrypt::Error>(())
//! ```
//!
//! ## Secrets
//! A key must not be empty ([`Error::InvalidKey`]): a deployment whose secret
//! variable is set but empty (`SECRET=`, `os.environ.get(name, "")`) would
//! otherwise accept `HMAC(key = "", body)` forged by anyone. Every signing and
//! verification entry point of kycrypt takes an [`HmacKey`], so the rule
//! holds everywhere. Use the secret your provider issued, unchanged; a
//! secret you generate yourself should have at least [`RECOMMENDED_MIN_LEN`]
//! random bytes (the hash's output size, RFC 2104 section 3).

use hmac::{Hmac, KeyInit, Mac};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, Result};

/// The hash under the HMAC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HmacAlg {
    /// HMAC-SHA256 (32-byte tag).
    Sha256,
    /// HMAC-SHA512 (64-byte tag).
    Sha512,
    /// HMAC-SHA1 (20-byte tag). Only for providers that still offer it (Sumsub).
    Sha1,
}

impl HmacAlg {
    /// Tag length in bytes.
    #[must_use]
    pub const fn tag_len(self) -> usize {
        match self {
            Self::Sha256 => 32,
            Self::Sha512 => 64,
            Self::Sha1 => 20,
        }
    }
}

/// Recommended minimum length, in bytes, of an HMAC secret you generate
/// yourself (32: the SHA-256 output size, RFC 2104 section 3). Shorter
/// provider-issued secrets are accepted; an empty one never is.
pub const RECOMMENDED_MIN_LEN: usize = 32;

/// A secret HMAC key: never empty, zeroized on drop; `Debug` prints no key
/// material.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct HmacKey {
    bytes: Vec<u8>,
}

impl core::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HmacKey").finish_non_exhaustive()
    }
}

impl HmacKey {
    /// Wraps raw key bytes (any non-zero length, as RFC 2104 allows).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `bytes` is empty (the vector is zeroized).
    pub fn new(bytes: Vec<u8>) -> Result<Self> {
        let key = Self { bytes };
        if key.bytes.is_empty() {
            return Err(Error::invalid_key("the HMAC secret is empty"));
        }
        Ok(key)
    }

    /// Copies the key from a slice (e.g. a UTF-8 webhook secret).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `bytes` is empty.
    pub fn from_slice(bytes: &[u8]) -> Result<Self> {
        Self::new(bytes.to_vec())
    }

    /// Decodes a standard-base64 secret (Zero Hash API secrets).
    ///
    /// # Errors
    /// [`Error::MalformedInput`] if the secret is not base64 (the secret is not
    /// echoed); [`Error::InvalidKey`] if it decodes to nothing.
    pub fn from_base64(secret: &str) -> Result<Self> {
        Self::new(crate::encoding::b64_decode("secret", secret.trim())?)
    }

    /// Computes the tag over the concatenation of `parts` (no copy of the message is made).
    #[must_use]
    pub fn sign(&self, alg: HmacAlg, parts: &[&[u8]]) -> Vec<u8> {
        fn run<M: Mac + KeyInit>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
            // `new_from_slice` accepts any key length for HMAC.
            let mut mac = match <M as KeyInit>::new_from_slice(key) {
                Ok(m) => m,
                Err(_) => return Vec::new(),
            };
            for p in parts {
                mac.update(p);
            }
            mac.finalize().into_bytes().to_vec()
        }
        match alg {
            HmacAlg::Sha256 => run::<Hmac<sha2::Sha256>>(&self.bytes, parts),
            HmacAlg::Sha512 => run::<Hmac<sha2::Sha512>>(&self.bytes, parts),
            HmacAlg::Sha1 => run::<Hmac<sha1::Sha1>>(&self.bytes, parts),
        }
    }

    /// Checks `tag` against the tag over `parts`, in constant time.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`] when the tag differs or has the wrong length.
    pub fn verify(&self, alg: HmacAlg, parts: &[&[u8]], tag: &[u8]) -> Result<()> {
        let expected = Zeroizing::new(self.sign(alg, parts));
        if expected.len() == tag.len() && bool::from(expected.as_slice().ct_eq(tag)) {
            Ok(())
        } else {
            Err(Error::SignatureInvalid)
        }
    }

    /// Like [`verify`](Self::verify) for a hex tag (either case). A tag that
    /// is not hex of the right length is a [`Error::SignatureInvalid`] too,
    /// so callers cannot tell format from value failures apart by timing.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`].
    pub fn verify_hex(&self, alg: HmacAlg, parts: &[&[u8]], tag_hex: &str) -> Result<()> {
        self.verify_hex_any(alg, parts, [tag_hex])
    }

    /// Like [`verify_hex`](Self::verify_hex) against several candidate tags:
    /// the tag over `parts` is computed **once** and compared in constant
    /// time with every candidate (all of them, no early exit), so the cost
    /// does not grow with the number of candidates and the timing says
    /// nothing about which one matched. A candidate that is not hex of the
    /// right length does not match.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`] when no candidate matches.
    pub fn verify_hex_any<'a>(
        &self,
        alg: HmacAlg,
        parts: &[&[u8]],
        tags_hex: impl IntoIterator<Item = &'a str>,
    ) -> Result<()> {
        let expected = Zeroizing::new(self.sign(alg, parts));
        let mut matched = false;
        for candidate in tags_hex {
            let tag = Zeroizing::new(hex::decode(candidate.trim()).unwrap_or_default());
            matched |= ct_eq(&expected, &tag);
        }
        if matched {
            Ok(())
        } else {
            Err(Error::SignatureInvalid)
        }
    }
}

/// Constant-time equality of two byte strings (length is not secret).
#[must_use]
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 4231 test case 2.
    #[test]
    fn rfc4231_case2() {
        let key = HmacKey::from_slice(b"Jefe").unwrap();
        let msg: &[u8] = b"what do ya want for nothing?";
        let t256 = key.sign(HmacAlg::Sha256, &[msg]);
        assert_eq!(
            hex::encode(&t256),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let t512 = key.sign(HmacAlg::Sha512, &[msg]);
        assert_eq!(
            hex::encode(&t512),
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
        );
        assert!(
            key.verify(
                HmacAlg::Sha256,
                &[b"what do ya ", b"want for nothing?"],
                &t256
            )
            .is_ok()
        );
        let mut bad = t256.clone();
        bad[0] ^= 1;
        assert_eq!(
            key.verify(HmacAlg::Sha256, &[msg], &bad),
            Err(Error::SignatureInvalid)
        );
        assert_eq!(
            key.verify(HmacAlg::Sha256, &[msg], &t256[..31]),
            Err(Error::SignatureInvalid)
        );
        assert!(
            key.verify_hex(HmacAlg::Sha256, &[msg], &hex::encode_upper(&t256))
                .is_ok()
        );
        assert_eq!(
            key.verify_hex(HmacAlg::Sha256, &[msg], "zz"),
            Err(Error::SignatureInvalid)
        );
    }

    #[test]
    fn verify_hex_any_matches_any_candidate() {
        let key = HmacKey::from_slice(b"Jefe").unwrap();
        let tag = hex::encode(key.sign(HmacAlg::Sha256, &[b"m"]));
        let wrong = "00".repeat(32);
        for tags in [vec![tag.as_str()], vec![wrong.as_str(), "zz", tag.as_str()]] {
            assert!(key.verify_hex_any(HmacAlg::Sha256, &[b"m"], tags).is_ok());
        }
        for tags in [vec![], vec![wrong.as_str(), "zz", &tag[..62]]] {
            assert_eq!(
                key.verify_hex_any(HmacAlg::Sha256, &[b"m"], tags),
                Err(Error::SignatureInvalid)
            );
        }
    }

    #[test]
    fn empty_secret_is_refused() {
        for k in [
            HmacKey::new(Vec::new()),
            HmacKey::from_slice(b""),
            HmacKey::from_base64(""),
            HmacKey::from_base64("  "),
        ] {
            assert_eq!(k.unwrap_err().code(), "invalid_key");
        }
        assert!(HmacKey::from_slice(b"k").is_ok());
    }

    #[test]
    fn debug_is_redacted() {
        let key = HmacKey::from_slice(b"super-secret-value").unwrap();
        let s = format!("{key:?}");
        assert!(!s.contains("super") && !s.contains("115"), "{s}");
    }
}
