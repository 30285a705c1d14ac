//! PEM and DER key parsing (PKCS#8, PKCS#1, SEC1, SPKI), dispatched on the
//! PEM label and the algorithm OID.

use p256::pkcs8::der::pem;
use p256::pkcs8::{
    DecodePrivateKey as _, DecodePublicKey as _, ObjectIdentifier, PrivateKeyInfoRef,
    SubjectPublicKeyInfoRef,
};
use rsa::pkcs1::{DecodeRsaPrivateKey as _, DecodeRsaPublicKey as _};
use rsa::traits::PublicKeyParts as _;
use zeroize::Zeroizing;

use super::backend::{P256Priv, RsaPriv};
use super::{MAX_KEY_INPUT_LEN, MAX_RSA_BITS, MIN_RSA_BITS, Priv, Pub};
use crate::error::{Error, Result, check_len};
use crate::primitives::eddsa::ed25519::{Ed25519SigningKey, Ed25519VerifyingKey};

const RSA_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const P256_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const K256_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");
const ED25519_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// Decodes a PEM document into (label, DER) after the size check.
fn pem_decode(pem_text: &str) -> Result<(String, Zeroizing<Vec<u8>>)> {
    check_len("PEM key", pem_text.as_bytes(), MAX_KEY_INPUT_LEN)?;
    let (label, der) = pem::decode_vec(pem_text.trim().as_bytes())
        .map_err(|_| Error::invalid_key("not a PEM document"))?;
    Ok((label.to_owned(), Zeroizing::new(der)))
}

pub(super) fn private_from_pem(pem_text: &str) -> Result<Priv> {
    let (label, der) = pem_decode(pem_text)?;
    match label.as_str() {
        "PRIVATE KEY" => private_from_pkcs8(&der),
        "RSA PRIVATE KEY" => {
            rsa_priv(rsa::RsaPrivateKey::from_pkcs1_der(&der).map_err(|_| bad("PKCS#1 RSA"))?)
        }
        "EC PRIVATE KEY" => private_from_sec1(&der),
        "ENCRYPTED PRIVATE KEY" => Err(Error::invalid_key(
            "encrypted private keys are not supported",
        )),
        _ => Err(Error::invalid_key("unexpected PEM label for a private key")),
    }
}

pub(super) fn public_from_pem(pem_text: &str) -> Result<Pub> {
    let (label, der) = pem_decode(pem_text)?;
    match label.as_str() {
        "PUBLIC KEY" => public_from_spki(&der),
        "RSA PUBLIC KEY" => {
            rsa_pub(rsa::RsaPublicKey::from_pkcs1_der(&der).map_err(|_| bad("PKCS#1 RSA"))?)
        }
        _ => Err(Error::invalid_key("unexpected PEM label for a public key")),
    }
}

/// DER private key: PKCS#8, else PKCS#1 RSA, else SEC1 EC.
pub(super) fn private_from_der(der: &[u8]) -> Result<Priv> {
    check_len("DER key", der, MAX_KEY_INPUT_LEN)?;
    if PrivateKeyInfoRef::try_from(der).is_ok() {
        return private_from_pkcs8(der);
    }
    if let Ok(k) = rsa::RsaPrivateKey::from_pkcs1_der(der) {
        return rsa_priv(k);
    }
    private_from_sec1(der)
}

/// DER public key: SPKI, else PKCS#1 RSA.
pub(super) fn public_from_der(der: &[u8]) -> Result<Pub> {
    check_len("DER key", der, MAX_KEY_INPUT_LEN)?;
    if SubjectPublicKeyInfoRef::try_from(der).is_ok() {
        return public_from_spki(der);
    }
    rsa_pub(
        rsa::RsaPublicKey::from_pkcs1_der(der)
            .map_err(|_| Error::invalid_key("not an SPKI or PKCS#1 public key"))?,
    )
}

fn bad(what: &'static str) -> Error {
    Error::InvalidKey(format!("invalid {what} key").into())
}

fn private_from_pkcs8(der: &[u8]) -> Result<Priv> {
    let info = PrivateKeyInfoRef::try_from(der).map_err(|_| bad("PKCS#8"))?;
    let oid = info.algorithm.oid;
    if oid == RSA_OID {
        rsa_priv(rsa::RsaPrivateKey::from_pkcs8_der(der).map_err(|_| bad("PKCS#8 RSA"))?)
    } else if oid == EC_OID {
        match info
            .algorithm
            .parameters_oid()
            .map_err(|_| bad("PKCS#8 EC"))?
        {
            P256_OID => {
                P256Priv::wrap(p256::SecretKey::from_pkcs8_der(der).map_err(|_| bad("P-256"))?)
            }
            K256_OID => Ok(Priv::K256(
                k256::SecretKey::from_pkcs8_der(der).map_err(|_| bad("secp256k1"))?,
            )),
            _ => Err(Error::UnsupportedAlgorithm(
                "EC curve (only P-256 and secp256k1)".into(),
            )),
        }
    } else if oid == ED25519_OID {
        let sk = ed25519_dalek::SigningKey::from_pkcs8_der(der).map_err(|_| bad("Ed25519"))?;
        Ok(Priv::Ed25519(Ed25519SigningKey::from_seed(sk.as_bytes())?))
    } else {
        Err(Error::UnsupportedAlgorithm("private key algorithm".into()))
    }
}

/// SEC1 `ECPrivateKey`. The curve must be identifiable: exactly one of
/// P-256/secp256k1 may accept it (a named-curve parameter or an embedded
/// public key makes it unambiguous).
fn private_from_sec1(der: &[u8]) -> Result<Priv> {
    let p = p256::SecretKey::from_sec1_der(der).ok();
    let k = k256::SecretKey::from_sec1_der(der).ok();
    match (p, k) {
        (Some(p), None) => P256Priv::wrap(p),
        (None, Some(k)) => Ok(Priv::K256(k)),
        (Some(_), Some(_)) => Err(Error::invalid_key("SEC1 key names no curve")),
        (None, None) => Err(bad("SEC1 EC")),
    }
}

fn public_from_spki(der: &[u8]) -> Result<Pub> {
    let info = SubjectPublicKeyInfoRef::try_from(der).map_err(|_| bad("SPKI"))?;
    let oid = info.algorithm.oid;
    if oid == RSA_OID {
        rsa_pub(rsa::RsaPublicKey::from_public_key_der(der).map_err(|_| bad("SPKI RSA"))?)
    } else if oid == EC_OID {
        match info
            .algorithm
            .parameters_oid()
            .map_err(|_| bad("SPKI EC"))?
        {
            P256_OID => Ok(Pub::P256(
                p256::PublicKey::from_public_key_der(der).map_err(|_| bad("P-256"))?,
            )),
            K256_OID => Ok(Pub::K256(
                k256::PublicKey::from_public_key_der(der).map_err(|_| bad("secp256k1"))?,
            )),
            _ => Err(Error::UnsupportedAlgorithm(
                "EC curve (only P-256 and secp256k1)".into(),
            )),
        }
    } else if oid == ED25519_OID {
        let bytes = info
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| bad("Ed25519"))?;
        Ok(Pub::Ed25519(Ed25519VerifyingKey::from_bytes(bytes)?))
    } else {
        Err(Error::UnsupportedAlgorithm("public key algorithm".into()))
    }
}

/// Checks the modulus size and wraps an RSA private key.
pub(super) fn rsa_priv(key: rsa::RsaPrivateKey) -> Result<Priv> {
    check_rsa_bits(key.n().bits())?;
    Ok(Priv::Rsa(Box::new(RsaPriv::new(key)?)))
}

/// Checks the modulus size and wraps an RSA public key.
pub(super) fn rsa_pub(key: rsa::RsaPublicKey) -> Result<Pub> {
    check_rsa_bits(key.n().bits())?;
    Ok(Pub::Rsa(key))
}

fn check_rsa_bits(bits: u32) -> Result<()> {
    if (MIN_RSA_BITS..=MAX_RSA_BITS).contains(&bits) {
        Ok(())
    } else {
        Err(Error::invalid_key("RSA modulus must be 2048 to 4096 bits"))
    }
}
