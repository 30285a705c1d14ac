//! The signing/verification backend seam.
//!
//! With the `ring` feature (default): RS256 sign + verify and ES256 sign +
//! verify go through `ring` (constant-time RSA private-key operation,
//! `ECDSA_P256_SHA256_FIXED` = JOSE `r||s`). Without it: RS256 signing is
//! refused ([`Error::UnsupportedAlgorithm`]: the `rsa` crate's private-key
//! operation is not constant-time, RUSTSEC-2023-0071); RS256 verification uses
//! `rsa` and ES256 uses `p256` (pure Rust). ES256K (`k256`) and EdDSA
//! (`ed25519-dalek`) are always pure Rust.

use rsa::traits::PublicKeyParts as _;

use super::{Priv, Pub};
use crate::error::{Error, Result};

/// RSA private key state: the parsed key, plus ring's key pair when enabled.
pub(super) struct RsaPriv {
    pub(super) key: rsa::RsaPrivateKey,
    #[cfg(feature = "ring")]
    ring: ring::signature::RsaKeyPair,
}

impl RsaPriv {
    /// Wraps a validated `rsa` key (hands its PKCS#1 DER to ring).
    pub(super) fn new(key: rsa::RsaPrivateKey) -> Result<Self> {
        #[cfg(feature = "ring")]
        {
            use rsa::pkcs1::EncodeRsaPrivateKey as _;
            let der = key
                .to_pkcs1_der()
                .map_err(|_| Error::invalid_key("RSA key cannot be encoded"))?;
            let ring = ring::signature::RsaKeyPair::from_der(der.as_bytes())
                .map_err(|_| Error::invalid_key("RSA key rejected by the ring backend"))?;
            Ok(Self { key, ring })
        }
        #[cfg(not(feature = "ring"))]
        Ok(Self { key })
    }
}

/// P-256 private key state: the parsed key, its public key and, with `ring`,
/// ring's key pair. Both are built once, at parse time: each costs a scalar
/// multiplication, which per signature made ES256 signing ~5x slower than
/// OpenSSL.
pub(super) struct P256Priv {
    pub(super) key: p256::SecretKey,
    pub(super) public: p256::PublicKey,
    #[cfg(feature = "ring")]
    ring: ring::signature::EcdsaKeyPair,
}

impl P256Priv {
    /// Wraps a validated `p256` key as a [`Priv::P256`].
    pub(super) fn wrap(key: p256::SecretKey) -> Result<Priv> {
        let public = key.public_key();
        #[cfg(feature = "ring")]
        {
            let rng = ring::rand::SystemRandom::new();
            let scalar = zeroize::Zeroizing::new(key.to_bytes());
            let point = public.to_sec1_point(false);
            let ring = ring::signature::EcdsaKeyPair::from_private_key_and_public_key(
                &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
                scalar.as_slice(),
                point.as_bytes(),
                &rng,
            )
            .map_err(|_| Error::invalid_key("P-256 key rejected by the ring backend"))?;
            Ok(Priv::P256(Box::new(Self { key, public, ring })))
        }
        #[cfg(not(feature = "ring"))]
        Ok(Priv::P256(Box::new(Self { key, public })))
    }
}

pub(super) fn sign(key: &Priv, msg: &[u8]) -> Result<Vec<u8>> {
    use p256::ecdsa::signature::Signer as _;
    match key {
        Priv::Rsa(k) => rsa_sign(k, msg),
        Priv::P256(sk) => p256_sign(sk, msg),
        Priv::K256(sk) => {
            let sig: k256::ecdsa::Signature = k256::ecdsa::SigningKey::from(sk).sign(msg);
            Ok(sig.normalize_s().to_bytes().to_vec())
        }
        Priv::Ed25519(sk) => Ok(sk.sign(msg).to_vec()),
    }
}

/// The low-S form of a P-256 `r || s` signature (`s <= n/2`). Verifiers
/// accept both forms; emitting one keeps kycrypt's own signatures canonical.
fn p256_low_s(sig: &[u8]) -> Result<Vec<u8>> {
    let s = p256::ecdsa::Signature::from_slice(sig)
        .map_err(|_| Error::Internal("ECDSA signing produced a malformed signature".into()))?;
    Ok(s.normalize_s().to_bytes().to_vec())
}

#[cfg(feature = "ring")]
fn rsa_sign(k: &RsaPriv, msg: &[u8]) -> Result<Vec<u8>> {
    let rng = ring::rand::SystemRandom::new();
    let mut sig = vec![0u8; k.ring.public().modulus_len()];
    k.ring
        .sign(&ring::signature::RSA_PKCS1_SHA256, &rng, msg, &mut sig)
        .map_err(|_| Error::Internal("RSA signing failed".into()))?;
    Ok(sig)
}

#[cfg(not(feature = "ring"))]
fn rsa_sign(_k: &RsaPriv, _msg: &[u8]) -> Result<Vec<u8>> {
    Err(Error::UnsupportedAlgorithm(
        "RS256 signing needs the `ring` feature: the pure-Rust `rsa` private-key operation is not constant-time \
         (RUSTSEC-2023-0071)"
            .into(),
    ))
}

#[cfg(feature = "ring")]
fn p256_sign(k: &P256Priv, msg: &[u8]) -> Result<Vec<u8>> {
    let rng = ring::rand::SystemRandom::new();
    let sig = k
        .ring
        .sign(&rng, msg)
        .map_err(|_| Error::Internal("ECDSA signing failed".into()))?;
    p256_low_s(sig.as_ref())
}

#[cfg(not(feature = "ring"))]
fn p256_sign(k: &P256Priv, msg: &[u8]) -> Result<Vec<u8>> {
    use p256::ecdsa::signature::Signer as _;
    let sig: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(&k.key).sign(msg);
    p256_low_s(&sig.to_bytes())
}

pub(super) fn verify(key: &Pub, msg: &[u8], sig: &[u8]) -> Result<()> {
    match key {
        Pub::Rsa(pk) => rsa_verify(pk, msg, sig),
        Pub::P256(pk) => p256_verify(pk, msg, sig),
        Pub::K256(pk) => {
            use k256::ecdsa::signature::Verifier as _;
            let s = k256::ecdsa::Signature::from_slice(sig).map_err(|_| Error::SignatureInvalid)?;
            // k256 only verifies low-S; JOSE signers may emit high-S (RFC 8812 does not forbid it).
            let s = s.normalize_s();
            k256::ecdsa::VerifyingKey::from(pk)
                .verify(msg, &s)
                .map_err(|_| Error::SignatureInvalid)
        }
        Pub::Ed25519(pk) => pk.verify(msg, sig),
    }
}

#[cfg(feature = "ring")]
fn rsa_verify(pk: &rsa::RsaPublicKey, msg: &[u8], sig: &[u8]) -> Result<()> {
    let (n, e) = (pk.n_bytes(), pk.e_bytes());
    ring::signature::RsaPublicKeyComponents { n: &*n, e: &*e }
        .verify(&ring::signature::RSA_PKCS1_2048_8192_SHA256, msg, sig)
        .map_err(|_| Error::SignatureInvalid)
}

#[cfg(not(feature = "ring"))]
fn rsa_verify(pk: &rsa::RsaPublicKey, msg: &[u8], sig: &[u8]) -> Result<()> {
    use sha2::Digest as _;
    if sig.len() != pk.size() {
        return Err(Error::SignatureInvalid);
    }
    let digest = rsa::sha2::Sha256::digest(msg);
    pk.verify(
        rsa::pkcs1v15::Pkcs1v15Sign::new::<rsa::sha2::Sha256>(),
        &digest,
        sig,
    )
    .map_err(|_| Error::SignatureInvalid)
}

#[cfg(feature = "ring")]
use p256::elliptic_curve::sec1::ToSec1Point as _;

#[cfg(feature = "ring")]
fn p256_verify(pk: &p256::PublicKey, msg: &[u8], sig: &[u8]) -> Result<()> {
    let point = pk.to_sec1_point(false);
    ring::signature::UnparsedPublicKey::new(
        &ring::signature::ECDSA_P256_SHA256_FIXED,
        point.as_bytes(),
    )
    .verify(msg, sig)
    .map_err(|_| Error::SignatureInvalid)
}

#[cfg(not(feature = "ring"))]
fn p256_verify(pk: &p256::PublicKey, msg: &[u8], sig: &[u8]) -> Result<()> {
    use p256::ecdsa::signature::Verifier as _;
    let s = p256::ecdsa::Signature::from_slice(sig).map_err(|_| Error::SignatureInvalid)?;
    p256::ecdsa::VerifyingKey::from(pk)
        .verify(msg, &s)
        .map_err(|_| Error::SignatureInvalid)
}
