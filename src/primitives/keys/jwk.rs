//! JWK (RFC 7517/7518/8037) import and export, RFC 7638 thumbprints.

use p256::elliptic_curve::sec1::ToSec1Point as _;
use rsa::BoxedUint;
use rsa::traits::PublicKeyParts as _;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::parse::{rsa_priv, rsa_pub};
use super::{MAX_KEY_INPUT_LEN, Priv, Pub};
use crate::encoding::{b64url_decode, b64url_encode};
use crate::error::{Error, Result, check_len};
use crate::primitives::eddsa::ed25519::{Ed25519SigningKey, Ed25519VerifyingKey};

/// Parses a JWK JSON object (size-checked).
pub(super) fn parse_object(jwk: &str) -> Result<Map<String, Value>> {
    check_len("JWK", jwk.as_bytes(), MAX_KEY_INPUT_LEN)?;
    match serde_json::from_str::<Value>(jwk) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(Error::invalid_key("JWK is not a JSON object")),
    }
}

fn member<'a>(m: &'a Map<String, Value>, k: &'static str) -> Result<Option<&'a str>> {
    match m.get(k) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(Error::InvalidKey(
            format!("JWK member {k} must be a string").into(),
        )),
    }
}

fn bytes(m: &Map<String, Value>, k: &'static str) -> Result<Option<Zeroizing<Vec<u8>>>> {
    member(m, k)?
        .map(|s| {
            b64url_decode(k, s)
                .map(Zeroizing::new)
                .map_err(|_| Error::InvalidKey(format!("JWK member {k} is not base64url").into()))
        })
        .transpose()
}

fn required(m: &Map<String, Value>, k: &'static str) -> Result<Zeroizing<Vec<u8>>> {
    bytes(m, k)?.ok_or_else(|| Error::InvalidKey(format!("JWK member {k} is missing").into()))
}

fn uint(m: &Map<String, Value>, k: &'static str) -> Result<BoxedUint> {
    Ok(BoxedUint::from_be_slice_vartime(&required(m, k)?))
}

/// The public part of a JWK (ignores private members).
pub(super) fn public_from_map(m: &Map<String, Value>) -> Result<Pub> {
    match (member(m, "kty")?, member(m, "crv")?) {
        (Some("RSA"), _) => {
            let key = rsa::RsaPublicKey::new(uint(m, "n")?, uint(m, "e")?)
                .map_err(|_| Error::invalid_key("RSA JWK"))?;
            rsa_pub(key)
        }
        (Some("EC"), Some("P-256")) => {
            let pt = sec1_point(&required(m, "x")?, &required(m, "y")?)?;
            Ok(Pub::P256(
                p256::PublicKey::from_sec1_bytes(&pt)
                    .map_err(|_| Error::invalid_key("P-256 point"))?,
            ))
        }
        (Some("EC"), Some("secp256k1")) => {
            let pt = sec1_point(&required(m, "x")?, &required(m, "y")?)?;
            Ok(Pub::K256(
                k256::PublicKey::from_sec1_bytes(&pt)
                    .map_err(|_| Error::invalid_key("secp256k1 point"))?,
            ))
        }
        (Some("OKP"), Some("Ed25519")) => Ok(Pub::Ed25519(Ed25519VerifyingKey::from_bytes(
            &required(m, "x")?,
        )?)),
        (Some("oct"), _) => Err(Error::AlgorithmNotAllowed(
            "symmetric (oct) JWKs are not accepted".into(),
        )),
        (Some(_), _) => Err(Error::UnsupportedAlgorithm("JWK kty/crv".into())),
        (None, _) => Err(Error::invalid_key("JWK member kty is missing")),
    }
}

fn sec1_point(x: &[u8], y: &[u8]) -> Result<Vec<u8>> {
    if x.len() != 32 || y.len() != 32 {
        return Err(Error::invalid_key("EC JWK coordinates must be 32 bytes"));
    }
    let mut pt = Vec::with_capacity(65);
    pt.push(4);
    pt.extend_from_slice(x);
    pt.extend_from_slice(y);
    Ok(pt)
}

/// A private JWK. Public members, when present, must match the private key.
pub(super) fn private_from_map(m: &Map<String, Value>) -> Result<Priv> {
    let d = required(m, "d")?;
    let key = match member(m, "kty")? {
        Some("RSA") => {
            if m.contains_key("oth") {
                return Err(Error::UnsupportedAlgorithm("multi-prime RSA".into()));
            }
            let k = rsa::RsaPrivateKey::from_components(
                uint(m, "n")?,
                uint(m, "e")?,
                BoxedUint::from_be_slice_vartime(&d),
                vec![uint(m, "p")?, uint(m, "q")?],
            )
            .map_err(|_| Error::invalid_key("RSA JWK private members are inconsistent"))?;
            rsa_priv(k)?
        }
        Some("EC") => match member(m, "crv")? {
            Some("P-256") => super::backend::P256Priv::wrap(
                p256::SecretKey::from_slice(&d).map_err(|_| Error::invalid_key("P-256 d"))?,
            )?,
            Some("secp256k1") => Priv::K256(
                k256::SecretKey::from_slice(&d).map_err(|_| Error::invalid_key("secp256k1 d"))?,
            ),
            _ => return Err(Error::UnsupportedAlgorithm("JWK crv".into())),
        },
        Some("OKP") if member(m, "crv")? == Some("Ed25519") => {
            Priv::Ed25519(Ed25519SigningKey::from_seed(&d)?)
        }
        _ => return Err(Error::UnsupportedAlgorithm("JWK kty/crv".into())),
    };
    let has_public = ["n", "x"].iter().any(|k| m.contains_key(*k));
    if has_public && public_from_map(m)? != super::public_of(&key) {
        return Err(Error::invalid_key(
            "JWK public members do not match the private key",
        ));
    }
    Ok(key)
}

/// The required members of RFC 7638 section 3.2, in lexicographic order.
pub(super) fn required_members(key: &Pub) -> Map<String, Value> {
    let mut m = Map::new();
    let s = |b: &[u8]| Value::String(b64url_encode(b));
    match key {
        Pub::Rsa(k) => {
            m.insert("e".into(), s(&k.e_bytes()));
            m.insert("kty".into(), "RSA".into());
            m.insert("n".into(), s(&k.n_bytes()));
        }
        Pub::P256(k) => ec_members(&mut m, "P-256", k.to_sec1_point(false).as_bytes()),
        Pub::K256(k) => ec_members(&mut m, "secp256k1", k.to_sec1_point(false).as_bytes()),
        Pub::Ed25519(k) => {
            m.insert("crv".into(), "Ed25519".into());
            m.insert("kty".into(), "OKP".into());
            m.insert("x".into(), s(&k.to_bytes()));
        }
    }
    m
}

fn ec_members(m: &mut Map<String, Value>, crv: &str, uncompressed: &[u8]) {
    let (x, y) = uncompressed
        .get(1..)
        .unwrap_or_default()
        .split_at_checked(32)
        .unwrap_or_default();
    m.insert("crv".into(), crv.into());
    m.insert("kty".into(), "EC".into());
    m.insert("x".into(), b64url_encode(x).into());
    m.insert("y".into(), b64url_encode(y).into());
}

/// RFC 7638 thumbprint (SHA-256, base64url).
pub(super) fn thumbprint(key: &Pub) -> String {
    use sha2::Digest as _;
    let json = Value::Object(required_members(key)).to_string();
    b64url_encode(&sha2::Sha256::digest(json.as_bytes()))
}
