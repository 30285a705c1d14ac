//! The wrapper against the RustCrypto `aes-gcm` and `p256` crates.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(clippy::cast_possible_truncation, clippy::unreachable)]

use aes_gcm::aead::consts::{U12, U16};
use aes_gcm::aes::Aes256;
use aes_gcm::{AeadInOut, AesGcm, KeyInit};
use kycrypt_bssl::{Aes256Gcm, Error, p256_mul, p256_mul_base};
use proptest::prelude::*;

fn rustcrypto_seal(key: &[u8; 32], nonce: &[u8], buf: &mut [u8]) -> [u8; 16] {
    let tag = match nonce.len() {
        12 => AesGcm::<Aes256, U12>::new_from_slice(key)
            .unwrap()
            .encrypt_inout_detached(nonce.try_into().unwrap(), &[], buf.into())
            .unwrap(),
        16 => AesGcm::<Aes256, U16>::new_from_slice(key)
            .unwrap()
            .encrypt_inout_detached(nonce.try_into().unwrap(), &[], buf.into())
            .unwrap(),
        _ => unreachable!(),
    };
    tag.as_slice().try_into().unwrap()
}

/// Seals with both, compares, opens with the wrapper, and checks a flipped
/// tag bit is refused with the buffer cleared.
fn check_case(key: &[u8; 32], nonce: &[u8], pt: &[u8]) {
    let gcm = Aes256Gcm::new(key).unwrap();
    let mut ours = pt.to_vec();
    let tag = gcm.seal_in_place(nonce, &mut ours).unwrap();
    let mut theirs = pt.to_vec();
    let their_tag = rustcrypto_seal(key, nonce, &mut theirs);
    assert!(
        ours == theirs,
        "ciphertext differs (len {}, nonce {})",
        pt.len(),
        nonce.len()
    );
    assert_eq!(
        tag,
        their_tag,
        "tag differs (len {}, nonce {})",
        pt.len(),
        nonce.len()
    );
    let mut appended = b"hdr".to_vec();
    assert_eq!(gcm.seal_append(nonce, pt, &mut appended).unwrap(), tag);
    assert!(appended[3..] == ours[..]);
    let mut opened = Vec::new();
    gcm.open_append(nonce, &tag, &ours, &mut opened).unwrap();
    assert!(opened == pt);
    let mut opened = theirs.clone();
    gcm.open_in_place(nonce, &their_tag, &mut opened).unwrap();
    assert!(opened == pt);
    let mut bad = tag;
    bad[15] ^= 0x80;
    let mut buf = theirs;
    assert_eq!(
        gcm.open_in_place(nonce, &bad, &mut buf),
        Err(Error::Authentication)
    );
    assert!(buf.iter().all(|&b| b == 0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn gcm_matches_rustcrypto(
        key in any::<[u8; 32]>(),
        nonce in any::<[u8; 16]>(),
        long_nonce in any::<bool>(),
        pt in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let nonce = if long_nonce { &nonce[..] } else { &nonce[..12] };
        check_case(&key, nonce, &pt);
    }
}

#[test]
fn gcm_large_buffers() {
    let key = [0x42; 32];
    for len in [4096, 16 * 1024 + 3, 1 << 20, (1 << 20) + 15] {
        let pt: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
        check_case(&key, &[7; 12], &pt);
        check_case(&key, &[9; 16], &pt);
    }
}

/// With a 16-byte nonce, J0 = GHASH_H(nonce || 0^64 || [128]_64), and the
/// counter for data block i is inc32^i(J0): its low 32 bits wrap when
/// low32(J0) + blocks >= 2^32. Search nonces until one wraps within a 64 KiB
/// message, then compare the wrapper with `aes-gcm` across the wrap.
#[test]
fn gcm_counter_wrap_with_16_byte_nonce() {
    use aes_gcm::aes::cipher::{BlockCipherEncrypt, KeyInit as _};
    use ghash::GHash;
    use ghash::universal_hash::UniversalHash;

    const BLOCKS: u32 = 4096;
    let key = [0x11u8; 32];
    let mut h = ghash::Block::default();
    Aes256::new(&key.into()).encrypt_block(&mut h);
    let ghash = GHash::new(&h);
    let mut len_block = [0u8; 16];
    len_block[8..].copy_from_slice(&128u64.to_be_bytes());
    let mut found = None;
    for i in 0u64..(1 << 26) {
        let mut nonce = [0u8; 16];
        nonce[..8].copy_from_slice(&i.to_be_bytes());
        let mut g = ghash.clone();
        g.update(&[nonce.into(), len_block.into()]);
        let j0 = g.finalize();
        let low = u32::from_be_bytes(j0[12..].try_into().unwrap());
        if low > u32::MAX - BLOCKS + 16 {
            found = Some((nonce, low));
            break;
        }
    }
    let (nonce, low) = found.expect("no wrapping nonce found");
    println!("nonce {:02x?}: low32(J0) = {low:#x}", nonce);
    let len = BLOCKS as usize * 16;
    let pt: Vec<u8> = (0..len).map(|i| (i * 7 % 253) as u8).collect();
    check_case(&key, &nonce, &pt);
    // and across a wrap that lands mid-block
    check_case(&key, &nonce, &pt[..len - 5]);
}

fn random_scalar() -> [u8; 32] {
    loop {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).unwrap();
        if p256::SecretKey::from_slice(&k).is_ok() {
            return k;
        }
    }
}

#[test]
fn p256_matches_rustcrypto() {
    use p256::elliptic_curve::sec1::ToSec1Point;
    for _ in 0..64 {
        let (a, b) = (random_scalar(), random_scalar());
        let pa = p256::SecretKey::from_slice(&a).unwrap().public_key();
        let pa_bytes = <[u8; 65]>::try_from(pa.to_sec1_point(false).as_bytes()).unwrap();
        assert_eq!(p256_mul_base(&a), Some(pa_bytes));
        let sb = p256::SecretKey::from_slice(&b).unwrap().to_nonzero_scalar();
        let expected = (*sb * pa.as_affine()).to_affine().to_sec1_point(false);
        let shared = p256_mul(&b, &pa_bytes).unwrap();
        assert_eq!(&shared[..], expected.as_bytes());
    }
}

#[test]
fn p256_refuses_bad_inputs() {
    let k = random_scalar();
    let p = p256_mul_base(&random_scalar()).unwrap();
    // scalars: zero, n, n + 1, all-ones
    let n = hex_literal("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    let mut n_minus_1 = n;
    n_minus_1[31] -= 1;
    let mut n_plus_1 = n;
    n_plus_1[31] += 1;
    for bad in [[0u8; 32], n, n_plus_1, [0xff; 32]] {
        assert!(p256_mul(&bad, &p).is_none());
        assert!(p256_mul_base(&bad).is_none());
    }
    // n - 1 is -1: the negated point.
    let neg = p256_mul(&n_minus_1, &p).unwrap();
    assert_eq!(neg[..33], p[..33]);
    assert_ne!(neg[33..], p[33..]);
    // points: off the curve, wrong prefixes, all zeros
    let mut off = p;
    off[64] ^= 1;
    assert!(p256_mul(&k, &off).is_none());
    for prefix in [0x00, 0x02, 0x03, 0x05, 0x06, 0x07] {
        let mut q = p;
        q[0] = prefix;
        assert!(p256_mul(&k, &q).is_none(), "prefix {prefix:#x}");
    }
    assert!(p256_mul(&k, &[0; 65]).is_none());
    let mut zero_point = [0u8; 65];
    zero_point[0] = 4;
    assert!(p256_mul(&k, &zero_point).is_none());
    // x >= p
    let mut big_x = [0xffu8; 65];
    big_x[0] = 4;
    assert!(p256_mul(&k, &big_x).is_none());
}

fn hex_literal(s: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(s.as_bytes().chunks(2)) {
        *o = u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap();
    }
    out
}
