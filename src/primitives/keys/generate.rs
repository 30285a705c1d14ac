//! Key generation and PKCS#8 export.

use p256::pkcs8::{EncodePrivateKey as _, LineEnding};
use zeroize::Zeroizing;

use super::backend::P256Priv;
use super::{Priv, PrivateKey};
use crate::error::{Error, Result};
use crate::primitives::eddsa::ed25519::Ed25519SigningKey;

str_enum! {
    /// The JOSE key types [`PrivateKey::generate`] makes, each bound to one
    /// JWS algorithm. (Ed448 is not a JOSE signing key here: see
    /// [`Ed448SigningKey::generate`](crate::primitives::eddsa::ed448::Ed448SigningKey::generate).)
    ///
    /// ```
    /// use kycrypt::primitives::keys::KeyType;
    /// assert_eq!("p256".parse::<KeyType>()?, KeyType::P256);
    /// assert_eq!(KeyType::Rsa2048.as_str(), "rsa2048");
    /// assert_eq!("ed448".parse::<KeyType>().unwrap_err().code(), "invalid_argument");
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum KeyType {
        /// RSA, 2048-bit modulus, e = 65537 (RS256).
        Rsa2048 = "rsa2048",
        /// NIST P-256 (ES256).
        P256 = "p256",
        /// secp256k1 (ES256K).
        Secp256k1 = "secp256k1",
        /// Ed25519 (EdDSA).
        Ed25519 = "ed25519",
    }
    unknown => Error::InvalidArgument(
        "key type must be rsa2048, p256, secp256k1 or ed25519".into(),
    );
}

/// Fills `buf` from the OS CSPRNG.
fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|_| Error::Internal("OS random generator failed".into()))
}

/// Draws a non-zero scalar below the curve order by rejection sampling.
fn ec_secret<C>(from: impl Fn(&[u8]) -> Option<C>) -> Result<C> {
    for _ in 0..64 {
        let mut bytes = Zeroizing::new([0u8; 32]);
        random(bytes.as_mut_slice())?;
        if let Some(k) = from(bytes.as_slice()) {
            return Ok(k);
        }
    }
    Err(Error::Internal("could not draw an EC scalar".into()))
}

fn pem_of(
    doc: core::result::Result<p256::pkcs8::SecretDocument, p256::pkcs8::Error>,
) -> Result<Zeroizing<String>> {
    let doc = doc.map_err(|_| Error::Internal("PKCS#8 encoding failed".into()))?;
    doc.to_pem("PRIVATE KEY", LineEnding::LF)
        .map_err(|_| Error::Internal("PEM encoding failed".into()))
}

impl PrivateKey {
    /// Generates a key of `kind` from the OS CSPRNG. Export it with
    /// [`to_pkcs8_pem`](Self::to_pkcs8_pem) to store it.
    ///
    /// ```
    /// use kycrypt::primitives::keys::{KeyType, PrivateKey};
    /// let key = PrivateKey::generate(KeyType::Ed25519)?;
    /// assert_eq!(key.algorithm().as_str(), "EdDSA");
    /// let pem = key.to_pkcs8_pem()?;
    /// assert_eq!(PrivateKey::from_pem(&pem)?.public_key(), key.public_key());
    /// # Ok::<(), kycrypt::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Internal`] when the OS RNG fails.
    pub fn generate(kind: KeyType) -> Result<Self> {
        let inner = match kind {
            KeyType::Rsa2048 => {
                // Probe the OS RNG first so the infallible adapter below cannot fail in practice.
                random(&mut [0u8; 16])?;
                let mut rng = rsa::rand_core::UnwrapErr(getrandom::SysRng);
                let k = rsa::RsaPrivateKey::new(&mut rng, 2048)
                    .map_err(|_| Error::Internal("RSA key generation failed".into()))?;
                super::parse::rsa_priv(k)?
            }
            KeyType::P256 => P256Priv::wrap(ec_secret(|b| p256::SecretKey::from_slice(b).ok())?)?,
            KeyType::Secp256k1 => Priv::K256(ec_secret(|b| k256::SecretKey::from_slice(b).ok())?),
            KeyType::Ed25519 => Priv::Ed25519(Ed25519SigningKey::generate()?),
        };
        Ok(PrivateKey { inner })
    }

    /// Exports the key as a PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`),
    /// zeroized on drop.
    ///
    /// # Errors
    /// [`Error::Internal`] when encoding fails.
    pub fn to_pkcs8_pem(&self) -> Result<Zeroizing<String>> {
        match &self.inner {
            Priv::Rsa(k) => pem_of(k.key.to_pkcs8_der()),
            Priv::P256(k) => pem_of(k.key.to_pkcs8_der()),
            Priv::K256(k) => pem_of(k.to_pkcs8_der()),
            Priv::Ed25519(k) => {
                let dalek = ed25519_dalek::SigningKey::from_bytes(&k.to_seed());
                pem_of(dalek.to_pkcs8_der())
            }
        }
    }
}
