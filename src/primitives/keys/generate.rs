//! Key generation and PKCS#8 export.

use p256::pkcs8::{EncodePrivateKey as _, LineEnding};
use zeroize::Zeroizing;

use super::backend::P256Priv;
use super::{Priv, PrivateKey};
use crate::error::{Error, Result};
use crate::primitives::eddsa::ed25519::Ed25519SigningKey;

/// The key types [`PrivateKey::generate`] can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyType {
    /// RSA, 2048-bit modulus, e = 65537 (RS256).
    Rsa2048,
    /// NIST P-256 (ES256).
    P256,
    /// secp256k1 (ES256K).
    Secp256k1,
    /// Ed25519 (EdDSA).
    Ed25519,
    /// Ed448 (RFC 8032). Exported as PKCS#8 only: it is not a JWS key here.
    Ed448,
}

impl KeyType {
    /// Parses the CLI names `rsa2048`, `p256`, `secp256k1`, `ed25519`, `ed448`.
    ///
    /// # Errors
    /// [`Error::UnsupportedAlgorithm`] for other names.
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "rsa2048" => Ok(Self::Rsa2048),
            "p256" => Ok(Self::P256),
            "secp256k1" => Ok(Self::Secp256k1),
            "ed25519" => Ok(Self::Ed25519),
            "ed448" => Ok(Self::Ed448),
            _ => Err(Error::UnsupportedAlgorithm(
                "key type (rsa2048, p256, secp256k1, ed25519, ed448)".into(),
            )),
        }
    }
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
    /// Generates a key of `kind` from the OS CSPRNG and returns it as a
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), zeroized on drop.
    ///
    /// # Errors
    /// [`Error::Internal`] when the OS RNG or an encoder fails.
    pub fn generate(kind: KeyType) -> Result<Zeroizing<String>> {
        let key = match kind {
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
            KeyType::Ed448 => {
                let mut seed = Zeroizing::new([0u8; 57]);
                random(seed.as_mut_slice())?;
                let sk = ed448_goldilocks::SigningKey::try_from(seed.as_slice())
                    .map_err(|_| Error::Internal("Ed448 key generation failed".into()))?;
                return pem_of(sk.to_pkcs8_der());
            }
        };
        PrivateKey { inner: key }.to_pkcs8_pem()
    }

    /// Exports the key as a PKCS#8 PEM, zeroized on drop.
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
