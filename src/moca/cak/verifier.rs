//! A caller-configured signature check for CAK callbacks.
//!
//! Moca publishes no callback signature scheme; this module assumes none. The
//! caller picks one of the schemes below, agreed with Moca (or a proxy in
//! front of the endpoint) out of band.
//!
//! # Signature encoding
//! The signature string is decoded as hex (either case, optional `0x`) when it
//! is valid hex, else as base64 (standard or URL-safe, padded or not). The
//! decoded bytes must be: HMAC-SHA256 — the 32-byte tag; Ed25519 — the
//! 64-byte RFC 8032 signature; ES256 — the 64-byte `r || s` (IEEE P1363) form
//! or an ASN.1 DER signature. Schemes and decoding failures all surface as
//! the one opaque [`Error::SignatureInvalid`].

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use zeroize::Zeroizing;

use super::callback::{CakCallback, parse_callback};
use crate::error::{Detail, Error, Result};
use crate::primitives::eddsa::ed25519::Ed25519VerifyingKey;
use crate::primitives::hmac::{HmacAlg, HmacKey};

/// Largest signature string accepted (longer ones are
/// [`Error::SignatureInvalid`]): 1 KiB.
pub const MAX_SIGNATURE_TEXT_LEN: usize = 1024;

str_enum! {
    /// The authentication scheme a [`CakCallbackVerifier`] checks.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum CakScheme {
        /// HMAC-SHA256 of the raw body under a shared secret.
        HmacSha256 = "hmac-sha256",
        /// Ed25519 signature of the raw body.
        Ed25519 = "ed25519",
        /// ECDSA P-256 / SHA-256 signature of the raw body.
        Es256 = "es256",
    }
    unknown => Error::InvalidArgument("CAK scheme must be hmac-sha256, ed25519 or es256".into());
}

/// How a CAK callback is authenticated; the caller chooses (see the module
/// docs). Built only through its constructors, which validate the key once
/// (a non-empty HMAC secret, a valid Ed25519 or P-256 point); the parsed key
/// is then reused for every callback.
#[derive(Debug, Clone)]
pub struct CakCallbackVerifier {
    scheme: Scheme,
}

#[derive(Debug, Clone)]
enum Scheme {
    /// HMAC-SHA256 of the raw body under a shared secret (zeroized on drop,
    /// redacted in `Debug`), sent in `header` (for the caller's routing; not
    /// interpreted by kycrypt).
    HmacSha256 { key: HmacKey, header: String },
    /// An Ed25519 (RFC 8032, strict) signature over the raw body.
    Ed25519(Ed25519VerifyingKey),
    /// An ECDSA P-256 / SHA-256 signature over the raw body.
    Es256(p256::ecdsa::VerifyingKey),
}

impl CakCallbackVerifier {
    /// An HMAC-SHA256 verifier.
    ///
    /// # Errors
    /// [`Error::InvalidKey`] for an empty key; [`Error::InvalidArgument`] for
    /// an empty header name or one with characters outside RFC 9110 `token`.
    pub fn hmac_sha256(key: &[u8], header: &str) -> Result<Self> {
        let key = HmacKey::from_slice(key)?;
        let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if header.is_empty() || !header.bytes().all(token) {
            return Err(Error::InvalidArgument(Detail::Borrowed(
                "header name is not an HTTP token",
            )));
        }
        Ok(Self {
            scheme: Scheme::HmacSha256 {
                key,
                header: header.to_owned(),
            },
        })
    }

    /// An Ed25519 verifier from the 32-byte public key, held to
    /// [`Ed25519VerifyingKey::from_bytes`]'s policy (canonical, not of small
    /// order).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when the key is not 32 bytes, not a valid point,
    /// not canonical or of small order.
    pub fn ed25519(public_key: &[u8]) -> Result<Self> {
        Ok(Self {
            scheme: Scheme::Ed25519(Ed25519VerifyingKey::from_bytes(public_key)?),
        })
    }

    /// An ES256 verifier from a SEC1 P-256 public key (33 or 65 bytes).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when it is not a valid P-256 point.
    pub fn es256(public_key: &[u8]) -> Result<Self> {
        let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(public_key)
            .map_err(|_| Error::invalid_key("not a P-256 public key"))?;
        Ok(Self {
            scheme: Scheme::Es256(key),
        })
    }

    /// The header carrying the signature, for HMAC verifiers.
    #[must_use]
    pub fn header_name(&self) -> Option<&str> {
        match &self.scheme {
            Scheme::HmacSha256 { header, .. } => Some(header),
            Scheme::Ed25519(_) | Scheme::Es256(_) => None,
        }
    }

    /// The scheme's name: `hmac-sha256`, `ed25519` or `es256`.
    #[must_use]
    pub fn scheme(&self) -> CakScheme {
        match &self.scheme {
            Scheme::HmacSha256 { .. } => CakScheme::HmacSha256,
            Scheme::Ed25519(_) => CakScheme::Ed25519,
            Scheme::Es256(_) => CakScheme::Es256,
        }
    }

    /// Checks `signature` over the raw `body` (see the module docs for the
    /// encoding).
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`] for any failure, including an undecodable
    /// signature.
    pub fn verify(&self, body: &[u8], signature: &str) -> Result<()> {
        let sig = decode_signature(signature)?;
        match &self.scheme {
            Scheme::HmacSha256 { key, .. } => key.verify(HmacAlg::Sha256, &[body], &sig),
            Scheme::Ed25519(vk) => vk.verify(body, &sig),
            Scheme::Es256(vk) => {
                use p256::ecdsa::signature::Verifier as _;
                let sig = if sig.len() == 64 {
                    p256::ecdsa::Signature::from_slice(&sig)
                } else {
                    p256::ecdsa::Signature::from_der(&sig)
                }
                .map_err(|_| Error::SignatureInvalid)?;
                vk.verify(body, &sig).map_err(|_| Error::SignatureInvalid)
            }
        }
    }

    /// Verifies the signature, then parses the body with [`parse_callback`].
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] for an oversized body (checked first), then as
    /// [`verify`](Self::verify), then as [`parse_callback`].
    pub fn verify_callback(&self, body: &[u8], signature: &str) -> Result<CakCallback> {
        crate::error::check_len("CAK callback body", body, super::MAX_CALLBACK_BODY_LEN)?;
        self.verify(body, signature)?;
        parse_callback(body)
    }
}

fn decode_signature(text: &str) -> Result<Zeroizing<Vec<u8>>> {
    if text.len() > MAX_SIGNATURE_TEXT_LEN {
        return Err(Error::SignatureInvalid);
    }
    let t = text.trim();
    let h = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    if let Ok(bytes) = hex::decode(h) {
        return Ok(Zeroizing::new(bytes));
    }
    [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD]
        .into_iter()
        .find_map(|e| e.decode(t).ok())
        .map(Zeroizing::new)
        .ok_or(Error::SignatureInvalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_hmac_key() {
        let v = CakCallbackVerifier::hmac_sha256(b"topsecretvalue", "X-Sig").unwrap();
        let s = format!("{v:?}");
        assert!(!s.contains("topsecret") && !s.contains("116"), "{s}");
    }

    #[test]
    fn constructors_validate() {
        assert_eq!(
            CakCallbackVerifier::hmac_sha256(b"", "X")
                .unwrap_err()
                .code(),
            "invalid_key"
        );
        let ed = CakCallbackVerifier::ed25519(&[0x11; 32]).unwrap();
        assert_eq!((ed.scheme(), ed.header_name()), (CakScheme::Ed25519, None));
        assert_eq!(ed.scheme().as_str(), "ed25519");
        assert!(CakCallbackVerifier::hmac_sha256(b"k", "bad header").is_err());
        assert!(CakCallbackVerifier::ed25519(&[0; 31]).is_err());
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(
            CakCallbackVerifier::ed25519(&identity).unwrap_err().code(),
            "invalid_key"
        );
        assert!(CakCallbackVerifier::es256(&[4; 65]).is_err());
    }
}
